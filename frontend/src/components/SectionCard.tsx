import { Paper, Title, type TitleProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of SectionCard. */
export interface SectionCardProps {
  title: string;
  /** Id of the heading; when given, the section is a region named by its heading. */
  id?: string;
  /** Visual size of the h2 (its level stays 2). */
  titleSize?: TitleProps['size'];
  /** Space between the heading and the content. */
  titleGap?: 'sm' | 'md';
  children: ReactNode;
}

/** A white card holding one section of a page, under an h2. */
export function SectionCard({ title, id, titleSize = 'h4', titleGap = 'md', children }: SectionCardProps) {
  return (
    <Paper component="section" aria-labelledby={id} p={{ base: 'md', sm: 'lg' }}>
      <Title order={2} size={titleSize} mb={titleGap} id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
