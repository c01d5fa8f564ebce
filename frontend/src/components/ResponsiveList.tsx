import { Paper, Stack, Table } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** Props of WideTable. */
export interface WideTableProps {
  /** Read by screen readers only; also names the scrollable region. */
  caption: string;
  /** Below this width the table scrolls sideways inside its frame. */
  minWidth: number;
  highlightOnHover?: boolean;
  /** The header row (a Table.Tr of Table.Th). */
  head: ReactNode;
  /** The body rows. */
  children: ReactNode;
}

/**
 * A table for tablets and wider screens (hidden on phones, where a CardList shows the same items),
 * in a keyboard-scrollable region named by its caption.
 */
export function WideTable({ caption, minWidth, highlightOnHover, head, children }: WideTableProps) {
  const captionId = useId();
  return (
    <Paper p={0} visibleFrom="sm" style={{ overflow: 'hidden' }}>
      <div role="region" aria-labelledby={captionId} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table highlightOnHover={highlightOnHover} verticalSpacing="sm" horizontalSpacing="md" miw={minWidth}>
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <Table.Thead bg="gray.0">{head}</Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}

/** The phone version of a WideTable: a list of cards (each child a Card with component="li"). */
export function CardList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack component="ul" gap="sm" hiddenFrom="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}
