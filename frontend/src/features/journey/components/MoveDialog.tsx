import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddTransition, type Phase } from '../../../api/journey';
import { ModalForm } from '../../../components/ModalForm';
import { notifySuccess } from '../../../components/notify';
import { journeyFieldErrors, phaseFullName, todayIso } from '../labels';
import { JourneyError } from './JourneyError';

/** Props of MoveDialog. */
export interface MoveDialogProps {
  household: { id: string; displayName: string; phase: string | null } | null;
  phases: Phase[];
  onClose: () => void;
}

/** Asks the phase, the date and a note, then records the move as a transition. */
export function MoveDialog({ household, phases, onClose }: MoveDialogProps) {
  const { t } = useTranslation();
  const add = useAddTransition();
  const firstOther = phases.find((p) => p.key !== household?.phase)?.key ?? '';
  const [phase, setPhase] = useState<string | null>(null);
  const [on, setOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const chosen = phase ?? firstOther;

  const close = () => {
    setPhase(null);
    setOn(todayIso());
    setNote('');
    add.reset();
    onClose();
  };

  const submit = () => {
    if (!household) return;
    add.mutate(
      { householdId: household.id, phase: chosen, on, note: note.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('journey.move.done', { name: household.displayName, phase: phaseFullName(phases, chosen) }));
          close();
        },
      },
    );
  };

  const errors = journeyFieldErrors(add.error, t);
  return (
    <ModalForm
      opened={household !== null}
      title={t('journey.move.title', { name: household?.displayName ?? '' })}
      submitLabel={t('journey.move.submit')}
      submitting={add.isPending}
      onSubmit={submit}
      onClose={close}
    >
      {add.isError && <JourneyError error={add.error} />}
      <NativeSelect
        label={t('journey.move.phase')}
        data-autofocus
        data={phases.map((p) => ({
          value: p.key,
          label: p.key === household?.phase ? t('journey.move.current', { phase: phaseFullName(phases, p.key) }) : phaseFullName(phases, p.key),
        }))}
        value={chosen}
        onChange={(event) => setPhase(event.currentTarget.value)}
        error={errors.phase}
      />
      <TextInput
        type="date"
        label={t('journey.move.on')}
        description={t('journey.move.onHelp')}
        required
        max={todayIso()}
        value={on}
        onChange={(event) => setOn(event.currentTarget.value)}
        error={errors.on}
      />
      <Textarea label={t('journey.move.note')} autosize minRows={2} maxRows={6} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={errors.note} />
    </ModalForm>
  );
}
