import { Table } from '@mantine/core';
import { ChartTooltipBox } from '../../../components/ChartTooltipBox';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { currentLanguage } from '../../../i18n';
import { formatMoney } from '../../../i18n/format';
import type { MemberBar } from '../savingsSeries';
import { ChartFrame } from './ChartFrame';
import { CHART_COLORS, axisEuros } from './chartStyle';
import { ScrollTable } from './ScrollTable';

interface TooltipProps {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: MemberBar }>;
}

function MemberTooltip({ active, payload }: TooltipProps) {
  const { t } = useTranslation();
  const bar = payload?.[0]?.payload;
  if (!active || !bar) return null;
  const language = currentLanguage();
  return (
    <ChartTooltipBox heading={bar.name}>
      <div>{t('savings.members.groupSavings')}: {formatMoney(bar.savings, language)}</div>
      <div>{t('savings.members.outstandingAdvance')}: {formatMoney(bar.advance, language)}</div>
    </ChartTooltipBox>
  );
}

/** One horizontal bar per member: what it saved in the group, and what it owes on an advance. */
export function MembersSavingsChart({ bars }: { bars: MemberBar[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const top = bars[0];
  const summary = top
    ? t('savings.members.chartSummary', { count: bars.length, name: top.name, amount: formatMoney(top.savings, language) })
    : t('savings.members.empty');
  return (
    <ChartFrame
      title={t('savings.members.chartTitle')}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={Math.max(140, 48 * bars.length + 60)}>
          <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={axisEuros(language)} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis type="category" dataKey="name" width={104} tick={{ fontSize: 12 }} />
            <Tooltip content={<MemberTooltip />} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Bar dataKey="savingsValue" name={t('savings.members.groupSavings')} fill={CHART_COLORS.group} isAnimationActive="auto" />
            <Bar dataKey="advanceValue" name={t('savings.members.outstandingAdvance')} fill={CHART_COLORS.advance} isAnimationActive="auto" />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <ScrollTable
          caption={t('savings.members.chartTitle')}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('savings.members.name')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('savings.members.groupSavings')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('savings.members.outstandingAdvance')}</Table.Th>
            </Table.Tr>
          }
        >
          {bars.map((b) => (
            <Table.Tr key={b.householdId}>
              <Table.Th scope="row" fw={500}>{b.name}</Table.Th>
              <Table.Td ta="right"><MoneyText value={b.savings} /></Table.Td>
              <Table.Td ta="right"><MoneyText value={b.advance} /></Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      }
    />
  );
}
