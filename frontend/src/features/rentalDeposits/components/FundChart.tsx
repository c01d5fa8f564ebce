import { Table } from '@mantine/core';
import { ChartTooltipBox } from '../../../components/ChartTooltipBox';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { CHART_COLORS } from '../../../components/chartColors';
import { MoneyText } from '../../../components/MoneyText';
import { currentLanguage } from '../../../i18n';
import { formatMoney, monthLabel } from '../../../i18n/format';
import { ChartFrame } from '../../savings/components/ChartFrame';
import { axisEuros } from '../../savings/components/chartStyle';
import { ScrollTable } from '../../savings/components/ScrollTable';
import type { FundPoint } from '../fundSeries';

const SERIES = [
  { key: 'cash', color: CHART_COLORS.teal, dash: undefined },
  { key: 'placed', color: CHART_COLORS.indigo, dash: '6 3' },
  { key: 'owedByTenants', color: CHART_COLORS.orange, dash: undefined },
] as const;

interface TooltipProps {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: FundPoint }>;
}

function FundTooltip({ active, payload }: TooltipProps) {
  const { t } = useTranslation();
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const language = currentLanguage();
  return (
    <ChartTooltipBox heading={monthLabel(point.month, language, 'long')}>
      {SERIES.map((s) => (
        <div key={s.key}>
          {t(`rentalDeposits.fund.${s.key}`)}: {formatMoney(point.values[s.key], language)}
        </div>
      ))}
      <div>
        {t('rentalDeposits.fund.openCount')}: {point.openCount}
      </div>
    </ChartTooltipBox>
  );
}

/** The fund month by month: its cash, the guarantees placed and what tenants owe (three lines: they do not add up). */
export function FundChart({ points }: { points: FundPoint[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const last = points[points.length - 1];
  const title = t('rentalDeposits.chart.title');
  const summary = last
    ? t('rentalDeposits.chart.summary', {
        from: monthLabel(points[0]!.month, language, 'long'),
        to: monthLabel(last.month, language, 'long'),
        cash: formatMoney(last.values.cash, language),
        placed: formatMoney(last.values.placed, language),
        owed: formatMoney(last.values.owedByTenants, language),
      })
    : t('rentalDeposits.chart.empty');
  return (
    <ChartFrame
      title={title}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tickFormatter={(m: string) => monthLabel(m, language)} minTickGap={16} tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={axisEuros(language)} width={64} tick={{ fontSize: 12 }} />
            <Tooltip content={<FundTooltip />} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                type="stepAfter"
                dataKey={s.key}
                name={t(`rentalDeposits.fund.${s.key}`)}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dash}
                dot={false}
                isAnimationActive="auto"
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <ScrollTable
          caption={title}
          minWidth={520}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('rentalDeposits.fields.month')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('rentalDeposits.fund.cash')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('rentalDeposits.fund.placed')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('rentalDeposits.fund.owedByTenants')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('rentalDeposits.fund.openCount')}</Table.Th>
            </Table.Tr>
          }
        >
          {points.map((p) => (
            <Table.Tr key={p.month}>
              <Table.Th scope="row" fw={500}>
                {monthLabel(p.month, language, 'long')}
              </Table.Th>
              <Table.Td ta="right">
                <MoneyText value={p.values.cash} />
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText value={p.values.placed} />
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText value={p.values.owedByTenants} />
              </Table.Td>
              <Table.Td ta="right">{p.openCount}</Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      }
    />
  );
}
