import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of PageTitle. */
export interface PageTitleProps {
  /** The page's single h1; also used for the document title. */
  title: string;
  description?: ReactNode;
  /** Buttons shown at the right of the title (below it on phones). */
  actions?: ReactNode;
  /** Small content shown right after the title (badges). */
  after?: ReactNode;
}

/** The page heading (the only h1) and the browser tab title. */
export function PageTitle({ title, description, actions, after }: PageTitleProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Group justify="space-between" align="flex-start" gap="md" mb="lg" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {after}
        </Group>
        {description && <Text c="dimmed">{description}</Text>}
      </Stack>
      {actions && (
        <Group gap="sm" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
