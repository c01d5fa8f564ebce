import { Grid, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SESSION_KINDS, useExitReasons, useFunnel, usePhases, useSessionStats, type SessionKind } from '../../api/journey';
import { QueryState } from '../../components/QueryState';
import { currentLanguage } from '../../i18n';
import { monthLabel } from '../../i18n/format';
import { toExitSeries, toFunnelSeries, toSessionsSeries } from './chartSeries';
import { ExitsChart, FunnelChart, SessionsChart } from './components/Charts';
import { FigureBlock } from './components/FigureBlock';
import { exitReasonName, formatRate, phaseName } from './labels';

const FIRST_YEAR = 2023;

/** The year's figures: the journey funnel, exits by reason and sessions per month, each with a table. */
export function FiguresPanel({ year, kind, onChange }: { year: number; kind: SessionKind | undefined; onChange: (changes: { year?: number; kind?: SessionKind | null }) => void }) {
  const { t } = useTranslation();
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const phases = usePhases();
  const reasons = useExitReasons();
  const funnel = useFunnel(year);
  const stats = useSessionStats(year, kind);

  return (
    <Stack gap="lg">
      <Group gap="md" wrap="wrap" align="flex-end">
        <NativeSelect label={t('journey.figures.year')} data={years} value={String(year)} onChange={(e) => onChange({ year: Number(e.currentTarget.value) })} />
        <NativeSelect
          label={t('journey.figures.sessionKind')}
          data={[{ value: '', label: t('journey.figures.allKinds') }, ...SESSION_KINDS.map((k) => ({ value: k, label: t(`journey.sessionKinds.${k}`) }))]}
          value={kind ?? ''}
          onChange={(e) => onChange({ kind: (SESSION_KINDS as readonly string[]).includes(e.currentTarget.value) ? (e.currentTarget.value as SessionKind) : null })}
        />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <QueryState query={funnel}>
            {(data) => {
              const series = toFunnelSeries(data, (key) => phaseName(phases.data, key));
              return (
                <FigureBlock
                  title={t('journey.figures.funnelTitle', { year })}
                  id="funnel-title"
                  summary={
                    <Text size="sm">
                      {t('journey.figures.conversion', { informed: data.conversion.informed, reached: data.conversion.reachedAction, rate: formatRate(data.conversion.rate) ?? t('journey.participation.none') })}
                    </Text>
                  }
                  chart={<FunnelChart data={series} />}
                  table={{
                    caption: t('journey.figures.funnelTitle', { year }),
                    head: [t('journey.figures.phase'), t('journey.figures.entered')],
                    rows: series.map((p) => ({ key: p.key, cells: [p.label, p.entered] })),
                  }}
                />
              );
            }}
          </QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <QueryState query={funnel}>
            {(data) => {
              const series = toExitSeries(data, (key) => exitReasonName(reasons.data, key));
              return (
                <FigureBlock
                  title={t('journey.figures.exitsTitle', { year })}
                  id="exits-title"
                  chart={<ExitsChart data={series} />}
                  table={{
                    caption: t('journey.figures.exitsTitle', { year }),
                    head: [t('journey.figures.reason'), t('journey.figures.exits')],
                    rows: series.map((p) => ({ key: p.key, cells: [p.label, p.count] })),
                  }}
                />
              );
            }}
          </QueryState>
        </Grid.Col>
        <Grid.Col span={12}>
          <QueryState query={stats}>
            {(data) => {
              const series = toSessionsSeries(data, (m) => monthLabel(m, currentLanguage(), 'name'));
              const names = { planned: t('journey.figures.planned'), held: t('journey.figures.held'), cancelled: t('journey.figures.cancelled') };
              return (
                <FigureBlock
                  title={t('journey.figures.sessionsTitle', { year })}
                  id="sessions-chart-title"
                  summary={
                    <Text size="sm">
                      {t('journey.figures.sessionsSummary', {
                        planned: data.planned, held: data.held, cancelled: data.cancelled,
                        rate: formatRate(data.participationRate) ?? t('journey.participation.none'),
                      })}
                    </Text>
                  }
                  chart={<SessionsChart data={series} names={names} />}
                  table={{
                    caption: t('journey.figures.sessionsTitle', { year }),
                    head: [t('journey.figures.month'), names.planned, names.held, names.cancelled],
                    rows: series.map((p) => ({ key: p.month, cells: [p.label, p.planned, p.held, p.cancelled] })),
                  }}
                />
              );
            }}
          </QueryState>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
