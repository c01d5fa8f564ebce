import { Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of ChartFrame. */
export interface ChartFrameProps {
  title: string;
  /** One sentence that says what the chart shows (also its accessible description). */
  summary: string;
  /** The drawing; it is an image for assistive technology, named by `title`. */
  chart: ReactNode;
  /** The same figures as a table. */
  table: ReactNode;
  /** Heading level of the title (3 inside a section). */
  order?: 3 | 4;
}

/**
 * A chart with its text alternative: a titled figure whose drawing is an image named by the title and
 * described by the summary, and a "chart / table" switch that shows the same figures as a table.
 */
export function ChartFrame({ title, summary, chart, table, order = 3 }: ChartFrameProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  const summaryId = useId();
  return (
    <figure style={{ margin: 0 }} aria-labelledby={titleId}>
      <Group justify="space-between" align="center" gap="xs" mb="xs" wrap="wrap">
        <Title order={order} size="h5" id={titleId}>
          {title}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('savings.chart.viewLabel', { title })}
          value={view}
          onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
          data={[
            { value: 'chart', label: t('savings.chart.showChart') },
            { value: 'table', label: t('savings.chart.showTable') },
          ]}
        />
      </Group>
      <Text size="sm" c="dimmed" id={summaryId} mb="xs">
        {summary}
      </Text>
      {view === 'chart' ? (
        <div role="img" aria-labelledby={titleId} aria-describedby={summaryId}>
          {chart}
        </div>
      ) : (
        table
      )}
    </figure>
  );
}
