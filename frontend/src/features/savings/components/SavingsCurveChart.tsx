import { Table } from '@mantine/core';
import { ChartTooltipBox } from '../../../components/ChartTooltipBox';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { currentLanguage } from '../../../i18n';
import { formatMoney } from '../../../i18n/format';
import type { SavingsPoint } from '../savingsSeries';
import { ChartFrame } from './ChartFrame';
import { monthLabel } from '../../../i18n/format';
import { CHART_COLORS, axisEuros } from './chartStyle';
import { ScrollTable } from './ScrollTable';

interface TooltipProps {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: SavingsPoint }>;
}

function CurveTooltip({ active, payload, simple }: TooltipProps & { simple: boolean }) {
  const { t } = useTranslation();
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const language = currentLanguage();
  return (
    <ChartTooltipBox heading={monthLabel(point.month, language, 'long')}>
      {!simple && <div>{t('savings.balances.groupSavings')}: {formatMoney(point.values.group, language)}</div>}
      {!simple && <div>{t('savings.balances.individualSavings')}: {formatMoney(point.values.individual, language)}</div>}
      <div>{t('savings.balances.totalSavings')}: {formatMoney(point.values.total, language)}</div>
    </ChartTooltipBox>
  );
}

/** Props of SavingsCurveChart. */
export interface SavingsCurveChartProps {
  points: SavingsPoint[];
  title: string;
  /** Households see only their total, in plain words; staff see group and Crédal savings too. */
  simple?: boolean;
}

/** A household's savings at each month-end. */
export function SavingsCurveChart({ points, title, simple = false }: SavingsCurveChartProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? t('savings.curve.summary', {
          from: monthLabel(first.month, language, 'long'),
          to: monthLabel(last.month, language, 'long'),
          start: formatMoney(first.values.total, language),
          end: formatMoney(last.values.total, language),
        })
      : t('savings.curve.empty');
  return (
    <ChartFrame
      title={title}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tickFormatter={(m: string) => monthLabel(m, language)} minTickGap={16} tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={axisEuros(language)} width={64} tick={{ fontSize: 12 }} />
            <Tooltip content={<CurveTooltip simple={simple} />} />
            {!simple && <Legend wrapperStyle={{ fontSize: 13 }} />}
            {/* The total is drawn first, wide, so the group and Crédal lines stay visible on top of it. */}
            <Line type="linear" dataKey="total" name={t('savings.balances.totalSavings')} stroke={simple ? CHART_COLORS.group : CHART_COLORS.total} strokeWidth={simple ? 3 : 6} strokeOpacity={simple ? 1 : 0.45} dot={false} isAnimationActive="auto" />
            {!simple && (
              <Line type="linear" dataKey="group" name={t('savings.balances.groupSavings')} stroke={CHART_COLORS.group} strokeWidth={2} dot={false} isAnimationActive="auto" />
            )}
            {!simple && (
              <Line type="linear" dataKey="individual" name={t('savings.balances.individualSavings')} stroke={CHART_COLORS.individual} strokeWidth={2} dot={false} strokeDasharray="6 3" isAnimationActive="auto" />
            )}
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <ScrollTable
          caption={title}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('savings.fields.month')}</Table.Th>
              {!simple && <Table.Th scope="col" ta="right">{t('savings.balances.groupSavings')}</Table.Th>}
              {!simple && <Table.Th scope="col" ta="right">{t('savings.balances.individualSavings')}</Table.Th>}
              <Table.Th scope="col" ta="right">{t('savings.balances.totalSavings')}</Table.Th>
            </Table.Tr>
          }
        >
          {[...points].reverse().map((p) => (
            <Table.Tr key={p.month}>
              <Table.Th scope="row" fw={500}>{monthLabel(p.month, language, 'long')}</Table.Th>
              {!simple && <Table.Td ta="right"><MoneyText value={p.values.group} /></Table.Td>}
              {!simple && <Table.Td ta="right"><MoneyText value={p.values.individual} /></Table.Td>}
              <Table.Td ta="right"><MoneyText value={p.values.total} /></Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      }
    />
  );
}
