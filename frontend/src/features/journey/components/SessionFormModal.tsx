import { Checkbox, Group, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KINDS, useCohorts, useCreateSession, type SessionKind } from '../../../api/journey';
import { ModalForm } from '../../../components/ModalForm';
import { notifySuccess } from '../../../components/notify';
import { journeyFieldErrors, todayIso } from '../labels';
import { JourneyError } from './JourneyError';

/** Plans a session or workshop: kind, title, date and time, place or online, cohort, facilitator. */
export function SessionFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSession();
  const cohorts = useCohorts();
  const empty = { kind: 'information' as SessionKind, title: '', date: todayIso(), time: '18:30', online: false, place: '', cohortId: '', facilitator: '', project: '' };
  const [form, setForm] = useState(empty);
  const set = (changes: Partial<typeof empty>) => setForm((f) => ({ ...f, ...changes }));

  const close = () => {
    setForm(empty);
    create.reset();
    onClose();
  };

  const submit = () => {
    const startsAt = new Date(`${form.date}T${form.time || '00:00'}`);
    create.mutate(
      {
        kind: form.kind,
        title: form.title.trim(),
        // Staff plan in their own (Brussels) time; the API stores the instant.
        startsAt: Number.isNaN(startsAt.getTime()) ? '' : startsAt.toISOString(),
        online: form.online,
        place: form.online ? null : form.place.trim() || null,
        cohortId: form.cohortId || null,
        facilitator: form.facilitator.trim() || null,
        project: form.project.trim() || null,
      },
      {
        onSuccess: (session) => {
          notifySuccess(t('journey.sessions.created', { title: session.title }));
          close();
        },
      },
    );
  };

  const errors = journeyFieldErrors(create.error, t);
  return (
    <ModalForm opened={opened} title={t('journey.sessions.createTitle')} submitLabel={t('journey.sessions.createSubmit')} submitting={create.isPending} onSubmit={submit} onClose={close}>
      {create.isError && <JourneyError error={create.error} />}
      <NativeSelect
        label={t('journey.sessions.kind')}
        data-autofocus
        data={SESSION_KINDS.map((k) => ({ value: k, label: t(`journey.sessionKinds.${k}`) }))}
        value={form.kind}
        onChange={(e) => set({ kind: SESSION_KINDS.find((k) => k === e.currentTarget.value) ?? 'information' })}
        error={errors.kind}
      />
      <TextInput label={t('journey.sessions.titleField')} required value={form.title} onChange={(e) => set({ title: e.currentTarget.value })} error={errors.title} />
      <Group grow gap="sm" wrap="wrap">
        <TextInput type="date" label={t('journey.sessions.date')} required value={form.date} onChange={(e) => set({ date: e.currentTarget.value })} error={errors.startsAt} miw={140} />
        <TextInput type="time" label={t('journey.sessions.time')} required value={form.time} onChange={(e) => set({ time: e.currentTarget.value })} miw={110} />
      </Group>
      <Checkbox label={t('journey.sessions.online')} checked={form.online} onChange={(e) => set({ online: e.currentTarget.checked })} />
      {!form.online && <TextInput label={t('journey.sessions.place')} value={form.place} onChange={(e) => set({ place: e.currentTarget.value })} error={errors.place} />}
      <NativeSelect
        label={t('journey.sessions.cohort')}
        data={[{ value: '', label: t('journey.sessions.noCohort') }, ...(cohorts.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        value={form.cohortId}
        onChange={(e) => set({ cohortId: e.currentTarget.value })}
        error={errors.cohortId}
      />
      <TextInput label={t('journey.sessions.facilitator')} value={form.facilitator} onChange={(e) => set({ facilitator: e.currentTarget.value })} error={errors.facilitator} />
      <TextInput label={t('journey.sessions.project')} value={form.project} onChange={(e) => set({ project: e.currentTarget.value })} />
    </ModalForm>
  );
}

/** Asks why a planned session is cancelled. */
export function CancelSessionModal({ session, onClose, onConfirm, pending, error }: {
  session: { id: string; title: string } | null;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  const errors = journeyFieldErrors(error, t);
  return (
    <ModalForm opened={session !== null} title={t('journey.sessions.cancelTitle', { title: session?.title ?? '' })} submitLabel={t('journey.sessions.cancelSubmit')} submitting={pending} onSubmit={() => onConfirm(reason.trim())} onClose={close}>
      {Boolean(error) && <JourneyError error={error} />}
      <Textarea label={t('journey.sessions.cancelReason')} required data-autofocus autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
    </ModalForm>
  );
}
