import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddExit, type ExitReason } from '../../../api/journey';
import { ModalForm } from '../../../components/ModalForm';
import { notifySuccess } from '../../../components/notify';
import { exitReasonName, journeyFieldErrors, todayIso } from '../labels';
import { JourneyError } from './JourneyError';

/** Asks the date, the reason and a note, then records that the household left the process. */
export function ExitDialog({ household, reasons, opened, onClose }: { household: { id: string; displayName: string }; reasons: ExitReason[]; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddExit();
  const active = reasons.filter((r) => r.active);
  const [reason, setReason] = useState<string | null>(null);
  const [on, setOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const chosen = reason ?? active[0]?.key ?? '';

  const close = () => {
    setReason(null);
    setOn(todayIso());
    setNote('');
    add.reset();
    onClose();
  };

  const submit = () =>
    add.mutate(
      { householdId: household.id, reason: chosen, on, note: note.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('journey.exit.done', { name: household.displayName }));
          close();
        },
      },
    );

  const errors = journeyFieldErrors(add.error, t);
  return (
    <ModalForm opened={opened} title={t('journey.exit.title', { name: household.displayName })} submitLabel={t('journey.exit.submit')} submitting={add.isPending} onSubmit={submit} onClose={close}>
      {add.isError && <JourneyError error={add.error} />}
      <NativeSelect
        label={t('journey.exit.reason')}
        data-autofocus
        data={active.map((r) => ({ value: r.key, label: exitReasonName(reasons, r.key) }))}
        value={chosen}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={errors.reason}
      />
      <TextInput type="date" label={t('journey.exit.on')} required max={todayIso()} value={on} onChange={(event) => setOn(event.currentTarget.value)} error={errors.on} />
      <Textarea label={t('journey.exit.note')} autosize minRows={2} maxRows={6} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={errors.note} />
    </ModalForm>
  );
}
