import { Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useHouseholdJourney, type Journey } from '../../api/journey';
import { useHousehold } from '../../api/households';
import { DateText } from '../../components/DateText';
import { BoardIcon, LogoutIcon } from '../../components/Icons';
import { InfoList } from '../../components/InfoList';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { ExitDialog } from './components/ExitDialog';
import { MoveDialog } from './components/MoveDialog';
import { PhaseBadge } from './components/PhaseBadge';
import { TimelineList } from './components/TimelineList';
import { formatRate } from './labels';

/** The journey timeline tab of the staff household page. */
export function HouseholdJourneySection({ householdId }: { householdId: string }) {
  const journey = useHouseholdJourney(householdId);
  const household = useHousehold(householdId);
  return (
    <QueryState query={journey}>
      {(data) => <JourneyDetails journey={data} household={{ id: householdId, displayName: household.data?.displayName ?? '' }} />}
    </QueryState>
  );
}

function JourneyDetails({ journey, household }: { journey: Journey; household: { id: string; displayName: string } }) {
  const { t } = useTranslation();
  const [moving, move] = useDisclosure(false);
  const [leaving, leave] = useDisclosure(false);
  const exited = journey.currentPhase === null && journey.exits.length > 0;
  const rate = formatRate(journey.participation.participationRate);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          <SectionCard title={t('journey.household.title')} id="journey-title">
            <Stack gap="sm">
              <Group gap="sm" wrap="wrap">
                <PhaseBadge phases={journey.phases} phase={journey.currentPhase} exited={exited} />
                {journey.since && (
                  <Text size="sm" c="dimmed">
                    {t('journey.household.since')} <DateText value={journey.since} />
                  </Text>
                )}
              </Group>
              <Group gap="sm" wrap="wrap">
                <Button leftSection={<BoardIcon size={16} />} onClick={move.open}>
                  {t('journey.household.move')}
                </Button>
                <Button variant="default" leftSection={<LogoutIcon size={16} />} onClick={leave.open} disabled={journey.currentPhase === null}>
                  {t('journey.household.exit')}
                </Button>
              </Group>
            </Stack>
          </SectionCard>
          <SectionCard title={t('journey.timeline.title')} id="timeline-title">
            <TimelineList items={journey.timeline} phases={journey.phases} exitReasons={journey.exitReasons} showNotes />
          </SectionCard>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="lg">
          <SectionCard title={t('journey.household.nextSession')} id="next-session-title">
            {journey.nextSession ? (
              <Stack gap={2}>
                <Text fw={600}>{journey.nextSession.title}</Text>
                <Text size="sm">
                  <DateText value={journey.nextSession.startsAt} withTime />
                </Text>
                <Text size="sm" c="dimmed">
                  {journey.nextSession.online ? t('journey.sessions.online') : (journey.nextSession.place ?? t('common.empty'))}
                </Text>
              </Stack>
            ) : (
              <Text c="dimmed">{t('journey.household.noNextSession')}</Text>
            )}
          </SectionCard>
          <SectionCard title={t('journey.household.participation')} id="participation-title">
            <InfoList
              cols={1}
              items={[
                { label: t('journey.participation.invitations'), value: journey.participation.invitations },
                { label: t('journey.participation.attendances'), value: journey.participation.attendances },
                { label: t('journey.participation.rate'), value: rate ?? t('journey.participation.none') },
              ]}
            />
          </SectionCard>
          <SectionCard title={t('journey.household.cohorts')} id="cohorts-title">
            {journey.cohorts.length === 0 ? (
              <Text c="dimmed">{t('journey.household.noCohort')}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {journey.cohorts.map((c) => (
                  <li key={c.id}>
                    <Text fw={600}>{c.name}</Text>
                    <Text size="sm" c="dimmed">
                      {t('journey.household.joinedOn')} <DateText value={c.joinedOn} />
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </SectionCard>
        </Stack>
      </Grid.Col>
      <MoveDialog household={moving ? { ...household, phase: journey.currentPhase } : null} phases={journey.phases} onClose={move.close} />
      <ExitDialog household={household} reasons={journey.exitReasons} opened={leaving} onClose={leave.close} />
    </Grid>
  );
}
