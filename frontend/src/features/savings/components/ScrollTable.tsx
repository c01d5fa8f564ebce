import { Table } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** Props of ScrollTable. */
export interface ScrollTableProps {
  /** Names the table and its scrollable region (visually hidden unless `showCaption`). */
  caption: string;
  minWidth?: number;
  head: ReactNode;
  children: ReactNode;
}

/**
 * A table that scrolls sideways inside a keyboard-focusable region on narrow screens, for figures that
 * must stay a table even on phones (chart alternatives, month by month).
 */
export function ScrollTable({ caption, minWidth = 0, head, children }: ScrollTableProps) {
  const captionId = useId();
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Table verticalSpacing={6} horizontalSpacing="sm" miw={minWidth} striped>
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <Table.Thead>{head}</Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </div>
  );
}
