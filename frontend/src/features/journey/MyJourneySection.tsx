import { Paper, Stack, Text, ThemeIcon, Title, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHouseholdJourney, type Journey } from '../../api/journey';
import { DateText } from '../../components/DateText';
import { CheckIcon } from '../../components/Icons';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { TimelineList } from './components/TimelineList';
import { phaseName, topPhaseKey } from './labels';

const EXPLAINED = ['information', 'preparation', 'action', 'owner'] as const;
type Explained = (typeof EXPLAINED)[number];
const isExplained = (key: string): key is Explained => (EXPLAINED as readonly string[]).includes(key);

/** The household's own journey in plain words, on its page. */
export function MyJourneySection({ householdId }: { householdId: string }) {
  const journey = useHouseholdJourney(householdId);
  return <QueryState query={journey}>{(data) => <MyJourney journey={data} />}</QueryState>;
}

function MyJourney({ journey }: { journey: Journey }) {
  const { t } = useTranslation();
  const tops = journey.phases.filter((p) => p.parentKey === null);
  const current = journey.currentPhase ? topPhaseKey(journey.phases, journey.currentPhase) : null;
  const currentIndex = current ? tops.findIndex((p) => p.key === current) : -1;
  const lastExit = journey.exits.at(-1);
  const exited = journey.currentPhase === null && lastExit !== undefined;

  return (
    <SectionCard title={t('journey.my.title')} id="me-journey" titleSize="h3" titleGap="sm">
      <Stack gap="md">
        <Text fz="lg" data-testid="my-phase">
          {journey.currentPhase && journey.since
            ? t('journey.my.where', { phase: phaseName(journey.phases, journey.currentPhase) })
            : exited
              ? t('journey.my.left')
              : t('journey.my.notStarted')}{' '}
          {journey.currentPhase && journey.since && <DateText value={journey.since} />}
          {exited && lastExit && <DateText value={lastExit.on} />}
        </Text>
        {exited && <Text>{t('journey.my.comeBack')}</Text>}

        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('journey.my.stepsLabel')}>
          {tops.map((p, index) => {
            const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'next';
            return (
              <Group component="li" key={p.key} wrap="nowrap" align="flex-start" gap="sm" aria-current={state === 'current' ? 'step' : undefined}>
                <ThemeIcon radius="xl" size={28} color={state === 'next' ? 'gray' : 'pot'} variant={state === 'current' ? 'filled' : 'light'} aria-hidden="true">
                  {state === 'done' ? <CheckIcon size={16} /> : <Text span fw={700} size="sm">{index + 1}</Text>}
                </ThemeIcon>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={state === 'current' ? 700 : 500}>
                    {phaseName(journey.phases, p.key)}
                    <span className="visually-hidden"> — {t(`journey.my.state.${state}`)}</span>
                  </Text>
                  {isExplained(p.key) && (
                    <Text size="sm" c="dimmed">
                      {t(`journey.my.explain.${p.key}`)}
                    </Text>
                  )}
                </Stack>
              </Group>
            );
          })}
        </Stack>

        <Paper p="md" bg="pot.0" withBorder={false}>
          <Title order={3} size="h5" mb={4}>
            {t('journey.my.nextSession')}
          </Title>
          {journey.nextSession ? (
            <Stack gap={0}>
              <Text fw={600}>{journey.nextSession.title}</Text>
              <Text>
                <DateText value={journey.nextSession.startsAt} withTime />
              </Text>
              <Text size="sm">{journey.nextSession.online ? t('journey.sessions.online') : journey.nextSession.place}</Text>
            </Stack>
          ) : (
            <Text>{t('journey.my.noNextSession')}</Text>
          )}
        </Paper>

        <div>
          <Title order={3} size="h5" mb="xs">
            {t('journey.my.before')}
          </Title>
          <TimelineList items={journey.timeline} phases={journey.phases} exitReasons={journey.exitReasons} />
        </div>
      </Stack>
    </SectionCard>
  );
}
