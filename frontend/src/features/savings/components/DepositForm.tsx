import { NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moneyPaths, useMoneyOperation, type PotFigures } from '../../../api/savings';
import type { DecimalString } from '../../../api/types';
import { notifySuccess } from '../../../components/notify';
import { formatMoney, normaliseAmount, todayInBrussels } from '../../../i18n/format';
import { currentLanguage } from '../../../i18n';
import { addAmounts } from '../amounts';
import { changedFigures, depositDelta, potAfter, previewAmount } from '../effects';
import { otherFieldErrors, savingsFieldErrors } from '../problems';
import { AmountInput, DialogForm, EffectSummary, useIdempotencyKey, type EffectLine } from './ActionDialog';

/** A household a deposit can be recorded for, with what it has saved today. */
export interface DepositHousehold {
  id: string;
  name: string;
  groupSavings: DecimalString;
  individualSavings?: DecimalString;
  /** False when it is not (or no longer) a member of a group: only individual deposits then. */
  inGroup: boolean;
}

/** Props of DepositForm. */
export interface DepositFormProps {
  /** One household (its page) or the members of a group (the group page: a select). */
  households: DepositHousehold[];
  /** The pot today, for the effect of a group deposit (null when unknown). */
  pot: PotFigures | null;
  onDone: () => void;
}

/**
 * The deposit dialog's content: to the group savings (grows the pot) or to the individual savings at
 * Crédal (PEPS), with value date, amount, bank reference and note; shows the effect, then posts once.
 */
export function DepositForm({ households, pot, onDone }: DepositFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const key = useIdempotencyKey();
  const operation = useMoneyOperation();
  const [householdId, setHouseholdId] = useState(households[0]?.id ?? '');
  const household = households.find((h) => h.id === householdId);
  const [target, setTarget] = useState<'group' | 'individual'>(household?.inGroup === false ? 'individual' : 'group');
  const [amount, setAmount] = useState('');
  const [valueDate, setValueDate] = useState(todayInBrussels());
  const [bankReference, setBankReference] = useState('');
  const [note, setNote] = useState('');
  const errors = savingsFieldErrors(operation.error, t);
  const shown = ['amount', 'valueDate', 'bankReference', 'note', 'target'] as const;

  const value = previewAmount(normaliseAmount(amount));
  const lines: EffectLine[] = [];
  if (value && household) {
    if (target === 'group') {
      if (pot) {
        const after = potAfter(pot, depositDelta(value));
        for (const key of changedFigures(pot, after)) lines.push({ label: t(`savings.pot.${key}`), before: pot[key], after: after[key] });
      }
      lines.push({ label: t('savings.effect.householdGroupSavings', { name: household.name }), before: household.groupSavings, after: addAmounts(household.groupSavings, value) });
    } else if (household.individualSavings !== undefined) {
      lines.push({ label: t('savings.effect.householdIndividualSavings', { name: household.name }), before: household.individualSavings, after: addAmounts(household.individualSavings, value) });
    }
  }

  const submit = () => {
    operation.mutate(
      {
        path: moneyPaths.deposit(householdId),
        idempotencyKey: key,
        body: {
          target,
          amount: normaliseAmount(amount),
          valueDate,
          ...(bankReference.trim() ? { bankReference: bankReference.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('savings.deposit.done', { amount: formatMoney(normaliseAmount(amount), language) ?? amount, name: household?.name ?? '' }));
          onDone();
        },
      },
    );
  };

  return (
    <DialogForm
      submitLabel={t('savings.deposit.submit')}
      submitting={operation.isPending}
      error={operation.error}
      extraErrors={otherFieldErrors(operation.error, shown)}
      effect={<EffectSummary lines={lines} />}
      onSubmit={submit}
      onClose={onDone}
    >
      {households.length > 1 ? (
        <NativeSelect
          label={t('savings.fields.household')}
          data={households.map((h) => ({ value: h.id, label: h.name }))}
          value={householdId}
          onChange={(event) => {
            const next = households.find((h) => h.id === event.currentTarget.value);
            setHouseholdId(event.currentTarget.value);
            if (next && !next.inGroup) setTarget('individual');
          }}
        />
      ) : (
        household && <Text fw={600}>{household.name}</Text>
      )}
      <Radio.Group label={t('savings.deposit.target')} value={target} onChange={(v) => setTarget(v === 'individual' ? 'individual' : 'group')} error={errors.target}>
        <Stack gap="xs" mt={4}>
          <Radio value="group" label={t('savings.deposit.targets.group')} description={t('savings.deposit.targetHelp.group')} disabled={household?.inGroup === false} />
          <Radio value="individual" label={t('savings.deposit.targets.individual')} description={t('savings.deposit.targetHelp.individual')} />
        </Stack>
      </Radio.Group>
      <AmountInput
        label={t('savings.fields.amount')}
        description={t('savings.fields.amountHelp')}
        required
        data-autofocus
        value={amount}
        onChange={(event) => setAmount(event.currentTarget.value)}
        error={errors.amount}
      />
      <TextInput
        type="date"
        label={t('savings.fields.valueDate')}
        description={t('savings.fields.valueDateHelp')}
        required
        max={todayInBrussels()}
        value={valueDate}
        onChange={(event) => setValueDate(event.currentTarget.value)}
        error={errors.valueDate}
      />
      <TextInput
        label={t('savings.fields.bankReference')}
        value={bankReference}
        onChange={(event) => setBankReference(event.currentTarget.value)}
        error={errors.bankReference}
      />
      <TextInput label={t('savings.fields.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={errors.note} />
    </DialogForm>
  );
}
