import { Table } from '@mantine/core';
import { ChartTooltipBox } from '../../../components/ChartTooltipBox';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { currentLanguage } from '../../../i18n';
import { formatMoney } from '../../../i18n/format';
import type { PotPoint } from '../savingsSeries';
import { ChartFrame } from './ChartFrame';
import { monthLabel } from '../../../i18n/format';
import { CHART_COLORS, axisEuros } from './chartStyle';
import { ScrollTable } from './ScrollTable';

const SERIES = [
  { key: 'available', color: CHART_COLORS.available },
  { key: 'reserved', color: CHART_COLORS.reserved },
  { key: 'outstandingAdvances', color: CHART_COLORS.lent },
] as const;

interface TooltipProps {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: PotPoint }>;
}

function PotTooltip({ active, payload }: TooltipProps) {
  const { t } = useTranslation();
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const language = currentLanguage();
  return (
    <ChartTooltipBox heading={monthLabel(point.month, language, 'long')}>
      <div>{t('savings.pot.cash')}: {formatMoney(point.values.cash, language)}</div>
      <div>{t('savings.pot.reserved')}: {formatMoney(point.values.reserved, language)}</div>
      <div>{t('savings.pot.outstandingAdvances')}: {formatMoney(point.values.outstandingAdvances, language)}</div>
      <div>{t('savings.pot.membersSavings')}: {formatMoney(point.values.membersSavings, language)}</div>
    </ChartTooltipBox>
  );
}

/** The pot month by month: available, reserved and lent-out money stacked (their top is what the members saved). */
export function PotChart({ points }: { points: PotPoint[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const last = points[points.length - 1];
  const summary = last
    ? t('savings.pot.chartSummary', {
        from: monthLabel(points[0]!.month, language, 'long'),
        to: monthLabel(last.month, language, 'long'),
        cash: formatMoney(last.values.cash, language),
        lent: formatMoney(last.values.outstandingAdvances, language),
      })
    : t('savings.pot.chartEmpty');
  return (
    <ChartFrame
      title={t('savings.pot.chartTitle')}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={280}>
          <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tickFormatter={(m: string) => monthLabel(m, language)} minTickGap={16} tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={axisEuros(language)} width={64} tick={{ fontSize: 12 }} />
            <Tooltip content={<PotTooltip />} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            {SERIES.map((s) => (
              <Area
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={t(`savings.pot.series.${s.key}`)}
                stackId="pot"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.35}
                isAnimationActive="auto"
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      }
      table={
        <ScrollTable
          caption={t('savings.pot.chartTitle')}
          minWidth={560}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('savings.fields.month')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('savings.pot.cash')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('savings.pot.reserved')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('savings.pot.available')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('savings.pot.outstandingAdvances')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('savings.pot.membersSavings')}</Table.Th>
            </Table.Tr>
          }
        >
          {points.map((p) => (
            <Table.Tr key={p.month}>
              <Table.Th scope="row" fw={500}>{monthLabel(p.month, language, 'long')}</Table.Th>
              <Table.Td ta="right"><MoneyText value={p.values.cash} /></Table.Td>
              <Table.Td ta="right"><MoneyText value={p.values.reserved} /></Table.Td>
              <Table.Td ta="right"><MoneyText value={p.values.available} /></Table.Td>
              <Table.Td ta="right"><MoneyText value={p.values.outstandingAdvances} /></Table.Td>
              <Table.Td ta="right"><MoneyText value={p.values.membersSavings} /></Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      }
    />
  );
}
