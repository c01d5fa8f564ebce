import { Button, Checkbox, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHouseholds } from '../../../api/households';
import { useCohort, useSession, useSetAttendance, type SessionDetail } from '../../../api/journey';
import { AppModal } from '../../../components/AppModal';
import { FormActions } from '../../../components/FormActions';
import { LoadingState } from '../../../components/LoadingState';
import { notifySuccess } from '../../../components/notify';
import { JourneyError } from './JourneyError';

type Row = { householdId: string; displayName: string; reference: string; came: boolean; people: number };

/** Who is invited to a session and, once it is held, who came and with how many people. */
export function AttendanceModal({ sessionId, onClose }: { sessionId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession(sessionId);
  return (
    <AppModal opened={sessionId !== null} onClose={onClose} title={t('journey.attendance.title', { title: session.data?.title ?? '' })} size="lg">
      {session.isPending && <LoadingState />}
      {session.isError && <JourneyError error={session.error} />}
      {session.data && <AttendanceForm key={session.data.id} session={session.data} onClose={onClose} />}
    </AppModal>
  );
}

function AttendanceForm({ session, onClose }: { session: SessionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetAttendance(session.id);
  const held = session.status === 'held';
  const [rows, setRows] = useState<Row[]>(() =>
    session.households.map((h) => ({ householdId: h.householdId, displayName: h.displayName, reference: h.reference, came: h.attended, people: h.people ?? 1 })),
  );
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const found = useHouseholds({ q: debounced || undefined, page: 1, pageSize: 8 });
  const cohort = useCohort(session.cohort?.id ?? null);
  const invited = new Set(rows.map((r) => r.householdId));
  const add = (list: Array<{ id: string; displayName: string; reference: string }>) =>
    setRows((current) => [...current, ...list.filter((h) => !current.some((r) => r.householdId === h.id)).map((h) => ({ householdId: h.id, displayName: h.displayName, reference: h.reference, came: false, people: 1 }))]);
  const update = (id: string, changes: Partial<Row>) => setRows((current) => current.map((r) => (r.householdId === id ? { ...r, ...changes } : r)));

  const submit = () =>
    save.mutate(
      { invited: rows.map((r) => r.householdId), attended: held ? rows.filter((r) => r.came).map((r) => ({ householdId: r.householdId, people: r.people })) : [] },
      {
        onSuccess: () => {
          notifySuccess(t('journey.attendance.saved'));
          onClose();
        },
      },
    );

  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
      <Stack gap="md">
        {save.isError && <JourneyError error={save.error} />}
        {!held && <Text size="sm">{t(session.status === 'cancelled' ? 'journey.attendance.cancelled' : 'journey.attendance.notHeld')}</Text>}
        {rows.length === 0 ? (
          <Text c="dimmed">{t('journey.attendance.nobody')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('journey.attendance.invitedLabel')}>
            {rows.map((r) => (
              <Group component="li" key={r.householdId} justify="space-between" wrap="wrap" gap="xs" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Text fw={500} style={{ overflowWrap: 'anywhere', flex: '1 1 10rem' }}>
                  {r.displayName} <Text span size="xs" c="dimmed" className="mono">{r.reference}</Text>
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Checkbox label={t('journey.attendance.came')} disabled={!held} checked={r.came} onChange={(e) => update(r.householdId, { came: e.currentTarget.checked })} aria-label={t('journey.attendance.cameLabel', { name: r.displayName })} />
                  <NumberInput
                    aria-label={t('journey.attendance.peopleLabel', { name: r.displayName })}
                    disabled={!held || !r.came}
                    min={1}
                    max={30}
                    w={72}
                    allowDecimal={false}
                    value={r.people}
                    onChange={(v) => update(r.householdId, { people: typeof v === 'number' && v >= 1 ? v : 1 })}
                  />
                  <Button variant="subtle" color="red" size="compact-sm" onClick={() => setRows((current) => current.filter((x) => x.householdId !== r.householdId))} aria-label={t('journey.attendance.removeLabel', { name: r.displayName })}>
                    {t('journey.attendance.remove')}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {session.status !== 'cancelled' && (
          <Stack gap="xs">
            {cohort.data && (
              <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => add(cohort.data.members.map((m) => ({ id: m.householdId, displayName: m.displayName, reference: m.reference })))}>
                {t('journey.attendance.inviteCohort', { name: cohort.data.name })}
              </Button>
            )}
            <TextInput type="search" label={t('journey.attendance.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
            <Group gap="xs" wrap="wrap">
              {(found.data?.items ?? []).filter((h) => !invited.has(h.id)).map((h) => (
                <Button key={h.id} variant="default" size="compact-sm" onClick={() => add([h])} aria-label={t('journey.attendance.inviteLabel', { name: h.displayName })}>
                  + {h.displayName}
                </Button>
              ))}
            </Group>
          </Stack>
        )}
        {session.status !== 'cancelled' && <FormActions submitLabel={t('journey.attendance.submit')} submitting={save.isPending} onCancel={onClose} />}
      </Stack>
    </form>
  );
}
