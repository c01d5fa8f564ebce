import { Grid, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAcquisitionDistribution, useAcquisitionSeries, useProjectFunnel, useProjects } from '../../api/acquisitions';
import { withSearchChanges } from '../../app/searchParams';
import { CHART_COLORS } from '../../components/chartColors';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { currentLanguage } from '../../i18n';
import { formatMoney, todayInBrussels } from '../../i18n/format';
import { toBucketBars, toDeedsSeries, toFunnelBars } from './acquisitionSeries';
import { BucketsChart, DeedsChart, FunnelChart } from './components/AcquisitionCharts';

const FIRST_YEAR = 2015;

function money(amount: string): string {
  return formatMoney(amount, currentLanguage()) ?? amount;
}
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The acquisitions in charts (staff): deeds per month and project over a period, a project's funnel, a year's price / loan / deferred-price distribution. */
export function AcquisitionsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = todayInBrussels();
  const thisYear = Number(today.slice(0, 4));
  const from = MONTH.test(search.get('from') ?? '') ? (search.get('from') ?? '') : `${thisYear - 1}-01`;
  const to = MONTH.test(search.get('to') ?? '') ? (search.get('to') ?? '') : today.slice(0, 7);
  const yearParam = Number.parseInt(search.get('year') ?? '', 10);
  const year = Number.isFinite(yearParam) && yearParam >= FIRST_YEAR && yearParam <= thisYear ? yearParam : thisYear - 1;
  const update = (changes: Record<string, string | null>) => setSearch((previous) => withSearchChanges(previous, changes), { replace: true });
  const series = useAcquisitionSeries(from <= to ? from : to, from <= to ? to : from);
  const projects = useProjects();
  const projectId = search.get('project') ?? projects.data?.[0]?.id ?? null;
  const funnel = useProjectFunnel(projectId);
  const distribution = useAcquisitionDistribution(year);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const projectName = projects.data?.find((p) => p.id === projectId)?.name ?? '';

  return (
    <>
      <PageTitle title={t('acquisitions.charts.title')} description={t('acquisitions.charts.intro')} />
      <Stack gap="lg">
        <SectionCard title={t('acquisitions.charts.deedsSection')} id="deeds-section">
          <Stack gap="md">
            <Group gap="md" wrap="wrap" align="flex-end">
              <TextInput type="month" label={t('acquisitions.charts.from')} value={from} max={to} onChange={(e) => MONTH.test(e.currentTarget.value) && update({ from: e.currentTarget.value })} />
              <TextInput type="month" label={t('acquisitions.charts.to')} value={to} min={from} onChange={(e) => MONTH.test(e.currentTarget.value) && update({ to: e.currentTarget.value })} />
            </Group>
            <QueryState query={series}>{(data) => <DeedsChart series={toDeedsSeries(data)} title={t('acquisitions.charts.deedsTitle')} />}</QueryState>
          </Stack>
        </SectionCard>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <SectionCard title={t('acquisitions.charts.funnelSection')} id="funnel-section">
              <Stack gap="md">
                <NativeSelect
                  label={t('acquisitions.charts.project')}
                  data={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  value={projectId ?? ''}
                  onChange={(e) => update({ project: e.currentTarget.value || null })}
                />
                {projectId ? (
                  <QueryState query={funnel}>
                    {(data) => <FunnelChart bars={toFunnelBars(data)} withdrawn={data.withdrawn} title={t('acquisitions.charts.funnelTitle', { project: projectName })} />}
                  </QueryState>
                ) : (
                  <Text c="dimmed">{t('acquisitions.projects.empty')}</Text>
                )}
              </Stack>
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <SectionCard title={t('acquisitions.charts.distributionSection')} id="distribution-section">
              <Stack gap="md">
                <NativeSelect label={t('acquisitions.charts.year')} data={years} value={String(year)} onChange={(e) => update({ year: e.currentTarget.value })} style={{ alignSelf: 'flex-start' }} />
                <QueryState query={distribution}>
                  {(data) => (
                    <Stack gap="lg">
                      <Text size="sm">{t('acquisitions.charts.distributionSummary', { count: data.count, year: data.year })}</Text>
                      <SimpleGrid cols={{ base: 1 }} spacing="lg">
                        <BucketsChart bars={toBucketBars(data.price)} title={t('acquisitions.charts.priceTitle')} color={CHART_COLORS.teal} summary={t('acquisitions.charts.priceSummary', { width: money(data.price.width) })} />
                        <BucketsChart bars={toBucketBars(data.loan)} title={t('acquisitions.charts.loanTitle')} color={CHART_COLORS.indigo} summary={t('acquisitions.charts.loanSummary', { width: money(data.loan.width) })} />
                        <BucketsChart bars={toBucketBars(data.deferred)} title={t('acquisitions.charts.deferredTitle')} color={CHART_COLORS.orange} summary={t('acquisitions.charts.deferredSummary', { width: money(data.deferred.width) })} />
                      </SimpleGrid>
                    </Stack>
                  )}
                </QueryState>
              </Stack>
            </SectionCard>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
