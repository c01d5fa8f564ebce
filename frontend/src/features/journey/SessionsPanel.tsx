import { Badge, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessions, useSessionStatus, type Session, type SessionStatus } from '../../api/journey';
import { DateText } from '../../components/DateText';
import { PlusIcon } from '../../components/Icons';
import { QueryState } from '../../components/QueryState';
import { notifySuccess } from '../../components/notify';
import { AttendanceModal } from './components/AttendanceModal';
import { JourneyError } from './components/JourneyError';
import { CancelSessionModal, SessionFormModal } from './components/SessionFormModal';
import { formatRate } from './labels';

const STATUS_COLORS: Record<SessionStatus, string> = { planned: 'blue', held: 'green', cancelled: 'gray' };
const FIRST_YEAR = 2023;

/** The year's sessions and workshops: plan, mark held, cancel with a reason, record invitations and attendance. */
export function SessionsPanel({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 2 }, (_, i) => String(thisYear + 1 - i));
  const sessions = useSessions(`${year}-01-01`, `${year}-12-31`);
  const status = useSessionStatus();
  const [creating, create] = useDisclosure(false);
  const [cancelling, setCancelling] = useState<Session | null>(null);
  const [attendanceOf, setAttendanceOf] = useState<string | null>(null);

  const markHeld = (s: Session) => status.mutate({ id: s.id, action: 'held' }, { onSuccess: () => notifySuccess(t('journey.sessions.heldDone', { title: s.title })) });
  const cancel = (reason: string) => {
    if (!cancelling) return;
    status.mutate(
      { id: cancelling.id, action: 'cancel', reason },
      {
        onSuccess: () => {
          notifySuccess(t('journey.sessions.cancelDone', { title: cancelling.title }));
          setCancelling(null);
          status.reset();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <NativeSelect label={t('journey.figures.year')} data={years} value={String(year)} onChange={(e) => onYear(Number(e.currentTarget.value))} />
        <Button leftSection={<PlusIcon size={16} />} onClick={create.open}>
          {t('journey.sessions.create')}
        </Button>
      </Group>
      {status.isError && !cancelling && <JourneyError error={status.error} />}
      <QueryState query={sessions}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('journey.sessions.empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('journey.sessions.listLabel', { year })}>
              {items.map((s) => (
                <Card component="li" key={s.id} withBorder padding="md" radius="md">
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                      <Text size="sm" c="dimmed">
                        <DateText value={s.startsAt} withTime /> · {t(`journey.sessionKinds.${s.kind}`)}
                      </Text>
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {s.title}
                      </Text>
                      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {[s.online ? t('journey.sessions.online') : s.place, s.cohort?.name, s.facilitator].filter(Boolean).join(' · ')}
                      </Text>
                      {s.status === 'cancelled' && s.cancelReason && <Text size="sm">{t('journey.timeline.cancelReason', { reason: s.cancelReason })}</Text>}
                      <Text size="sm">
                        {s.status === 'held'
                          ? t('journey.sessions.heldCounts', { attended: s.attendances, invited: s.invitations, rate: formatRate(s.participationRate) ?? t('journey.participation.none') })
                          : t('journey.sessions.invitedCount', { count: s.invitations })}
                      </Text>
                    </Stack>
                    <Badge color={STATUS_COLORS[s.status]} variant="light" radius="sm" tt="none">
                      {t(`journey.status.${s.status}`)}
                    </Badge>
                  </Group>
                  <Group gap="xs" mt="sm" wrap="wrap">
                    {s.status !== 'cancelled' && (
                      <Button size="compact-sm" variant="light" onClick={() => setAttendanceOf(s.id)} aria-label={t('journey.sessions.attendanceLabel', { title: s.title })}>
                        {s.status === 'held' ? t('journey.sessions.attendance') : t('journey.sessions.invitations')}
                      </Button>
                    )}
                    {s.status === 'planned' && new Date(s.startsAt).getTime() <= Date.now() && (
                      <Button size="compact-sm" variant="light" color="green" onClick={() => markHeld(s)} loading={status.isPending && status.variables?.id === s.id}>
                        {t('journey.sessions.markHeld')}
                      </Button>
                    )}
                    {s.status === 'planned' && (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => { status.reset(); setCancelling(s); }}>
                        {t('journey.sessions.cancel')}
                      </Button>
                    )}
                  </Group>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <SessionFormModal opened={creating} onClose={create.close} />
      <CancelSessionModal session={cancelling} onClose={() => { setCancelling(null); status.reset(); }} onConfirm={cancel} pending={status.isPending} error={cancelling ? status.error : null} />
      <AttendanceModal sessionId={attendanceOf} onClose={() => setAttendanceOf(null)} />
    </Stack>
  );
}
