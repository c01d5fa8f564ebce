import { Table, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { CHART_COLORS } from '../../../components/chartColors';
import { currentLanguage } from '../../../i18n';
import { formatMoney, localeFor, monthLabel } from '../../../i18n/format';
import { ChartFrame } from '../../savings/components/ChartFrame';
import { ScrollTable } from '../../savings/components/ScrollTable';
import type { BucketBar, DeedsSeries, FunnelBar } from '../acquisitionSeries';

/** Project colours: the app's chart palette, then three more shades at least 3:1 against white. */
const PROJECT_COLORS = [CHART_COLORS.teal, CHART_COLORS.orange, CHART_COLORS.indigo, CHART_COLORS.gray, CHART_COLORS.red, '#2b8a3e', '#9c36b5', '#0b7285'];

const tick = { fontSize: 12 };

/** Deeds per month, stacked by project, with the same figures as a table. */
export function DeedsChart({ series, title }: { series: DeedsSeries; title: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const data = series.points.map((p) => ({ month: p.month, ...p.counts }));
  const first = series.points[0];
  const last = series.points.at(-1);
  const summary =
    first && last
      ? t('acquisitions.charts.deedsSummary', {
          count: series.total,
          from: monthLabel(first.month, language, 'long'),
          to: monthLabel(last.month, language, 'long'),
          projects: series.projects.map((p) => `${p.name} (${p.total})`).join(', ') || t('common.empty'),
        })
      : t('acquisitions.charts.noData');
  return (
    <ChartFrame
      title={title}
      summary={summary}
      chart={
        series.total === 0 ? (
          <Text c="dimmed">{t('acquisitions.charts.noDeeds')}</Text>
        ) : (
          <ResponsiveContainer width="100%" height={300}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" tickFormatter={(m: string) => monthLabel(m, language)} minTickGap={12} tick={tick} />
              <YAxis allowDecimals={false} width={36} tick={tick} />
              <Tooltip labelFormatter={(m) => monthLabel(String(m), language, 'long')} />
              <Legend wrapperStyle={{ fontSize: 13 }} />
              {series.projects.map((p, i) => (
                <Bar key={p.id} dataKey={p.id} name={p.name} stackId="deeds" fill={PROJECT_COLORS[i % PROJECT_COLORS.length]} isAnimationActive="auto" />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <ScrollTable
          caption={title}
          minWidth={200 + series.projects.length * 90}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('acquisitions.charts.month')}</Table.Th>
              {series.projects.map((p) => (
                <Table.Th key={p.id} scope="col" ta="right">
                  {p.name}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('acquisitions.charts.total')}
              </Table.Th>
            </Table.Tr>
          }
        >
          {series.points.map((p) => (
            <Table.Tr key={p.month}>
              <Table.Th scope="row" fw={500}>
                {monthLabel(p.month, language, 'long')}
              </Table.Th>
              {series.projects.map((proj) => (
                <Table.Td key={proj.id} ta="right">
                  {p.counts[proj.id] ?? 0}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600}>
                {p.total}
              </Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      }
    />
  );
}

/** How many candidacies of a project reached each stage, as horizontal bars, with a table. */
export function FunnelChart({ bars, title, withdrawn }: { bars: FunnelBar[]; title: string; withdrawn: number }) {
  const { t } = useTranslation();
  const data = bars.map((b) => ({ ...b, label: t(`acquisitions.stage.${b.stage}`) }));
  const first = bars[0]?.reached ?? 0;
  const deeds = bars.find((b) => b.stage === 'deed')?.reached ?? 0;
  return (
    <ChartFrame
      title={title}
      summary={t('acquisitions.charts.funnelSummary', { count: first, deeds, withdrawn })}
      chart={
        <ResponsiveContainer width="100%" height={320}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={tick} />
            <YAxis type="category" dataKey="label" width={120} tick={tick} />
            <Tooltip />
            <Bar dataKey="reached" name={t('acquisitions.charts.reached')} fill={CHART_COLORS.teal} isAnimationActive="auto" />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <ScrollTable
          caption={title}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('acquisitions.charts.stage')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('acquisitions.charts.reached')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('acquisitions.charts.ofFirst')}
              </Table.Th>
            </Table.Tr>
          }
        >
          {data.map((b) => (
            <Table.Tr key={b.stage}>
              <Table.Th scope="row" fw={500}>
                {b.label}
              </Table.Th>
              <Table.Td ta="right">{b.reached}</Table.Td>
              <Table.Td ta="right">{b.ofFirst === null ? t('common.empty') : `${b.ofFirst} %`}</Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      }
    />
  );
}

/** How many deeds of the year had an amount (price, loan or deferred price) in each bucket, with a table. */
export function BucketsChart({ bars, title, color, summary }: { bars: BucketBar[]; title: string; color: string; summary: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const short = (v: string) => new Intl.NumberFormat(localeFor(language), { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 0 }).format(v as `${number}`);
  const data = bars.map((b) => ({ ...b, label: `${short(b.from)}–${short(b.to)}` }));
  return (
    <ChartFrame
      title={title}
      summary={summary}
      chart={
        bars.length === 0 ? (
          <Text c="dimmed">{t('acquisitions.charts.noDeeds')}</Text>
        ) : (
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={tick} interval="preserveStartEnd" minTickGap={8} />
              <YAxis allowDecimals={false} width={32} tick={tick} />
              <Tooltip />
              <Bar dataKey="count" name={t('acquisitions.charts.deeds')} fill={color} isAnimationActive="auto" />
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <ScrollTable
          caption={title}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('acquisitions.charts.bucket')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('acquisitions.charts.deeds')}
              </Table.Th>
            </Table.Tr>
          }
        >
          {bars.map((b) => (
            <Table.Tr key={b.from}>
              <Table.Th scope="row" fw={500}>
                {t('acquisitions.charts.bucketRange', { from: formatMoney(b.from, language) ?? b.from, to: formatMoney(b.to, language) ?? b.to })}
              </Table.Th>
              <Table.Td ta="right">{b.count}</Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      }
    />
  );
}
