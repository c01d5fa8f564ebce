import { SegmentedControl, Stack, Table } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';

/** A table alternative: column headings and rows of cells (the first cell heads its row). */
export interface FigureTable {
  caption: string;
  head: string[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
}

/** Props of FigureBlock. */
export interface FigureBlockProps {
  title: string;
  id: string;
  /** A sentence with the figure's main numbers, read before the chart. */
  summary?: ReactNode;
  chart: ReactNode;
  table: FigureTable;
}

/**
 * A chart with its table alternative. The chart is a picture for sighted readers (hidden from
 * assistive technology); the table is always in the page for screen readers, and shown on request.
 */
export function FigureBlock({ title, id, summary, chart, table }: FigureBlockProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <SectionCard title={title} id={id}>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('journey.figures.viewLabel', { title })}
          value={view}
          onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
          data={[
            { value: 'chart', label: t('journey.figures.showChart') },
            { value: 'table', label: t('journey.figures.showTable') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {summary}
        <div aria-hidden="true" style={{ display: view === 'chart' ? 'block' : 'none', width: '100%', height: 280 }}>
          {chart}
        </div>
        <div className={view === 'table' ? undefined : 'visually-hidden'}>
          <Table striped verticalSpacing="xs">
            <caption className="visually-hidden">
              {table.caption}
            </caption>
            <Table.Thead>
              <Table.Tr>
                {table.head.map((h, i) => (
                  <Table.Th key={h} scope="col" ta={i === 0 ? undefined : 'right'}>
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row) => (
                <Table.Tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <Table.Th key={i} scope="row" fw={500}>
                        {cell}
                      </Table.Th>
                    ) : (
                      <Table.Td key={i} ta="right">
                        {cell}
                      </Table.Td>
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Stack>
    </SectionCard>
  );
}
