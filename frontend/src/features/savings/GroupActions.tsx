/**
 * The action dialogs of the group page. Each shows the effect of its operation, computed from the
 * figures already on screen (display only: the server decides), then posts — money operations with
 * one Idempotency-Key per opening, reused on every retry.
 */
import { NativeSelect, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHouseholds } from '../../api/households';
import {
  OFFICER_ROLES,
  groupPaths,
  moneyPaths,
  useGroupChange,
  useMoneyOperation,
  type Advance,
  type Entry,
  type GroupDetail,
  type GroupMember,
  type OfficerRole,
} from '../../api/savings';
import { AppModal } from '../../components/AppModal';
import { DateText } from '../../components/DateText';
import { MoneyText } from '../../components/MoneyText';
import { notifySuccess } from '../../components/notify';
import { currentLanguage } from '../../i18n';
import { formatAmountInput, formatDate, formatMoney, normaliseAmount, todayInBrussels } from '../../i18n/format';
import { addAmounts, compareAmounts, isAmount, isPositive, subtractAmounts } from './amounts';
import { AmountInput, DialogForm, EffectSummary, useIdempotencyKey, type DialogState, type EffectLine } from './components/ActionDialog';
import { monthLabel } from '../../i18n/format';
import { DepositForm } from './components/DepositForm';
import { EDIT_GROUP_FIELDS, editGroupBody, groupToEditValues, type EditGroupValues } from './groupForm';
import { previousMonth } from './dates';
import {
  advanceDelta,
  cancelAdvanceDelta,
  changedFigures,
  dividendDelta,
  payAdvanceDelta,
  potAfter,
  previewAmount,
  refundDelta,
  refundPreview,
  repaymentDelta,
  reversalDelta,
  type PotDelta,
} from './effects';
import { otherFieldErrors, savingsFieldErrors, type SavingsField } from './problems';

/** Every action the group page offers. */
export type GroupAction =
  | { kind: 'deposit'; householdId?: string }
  | { kind: 'advance'; householdId?: string }
  | { kind: 'payAdvance'; advance: GroupDetail['advances'][number] }
  | { kind: 'cancelAdvance'; advance: GroupDetail['advances'][number] }
  | { kind: 'repayment'; advance: GroupDetail['advances'][number] }
  | { kind: 'refund'; member: GroupMember }
  | { kind: 'dividend' }
  | { kind: 'reversal'; entry: Entry }
  | { kind: 'closing' }
  | { kind: 'addMember' }
  | { kind: 'leave'; member: GroupMember }
  | { kind: 'officer'; member: GroupMember }
  | { kind: 'monthlyAmount' }
  | { kind: 'editGroup' };

/** The dialog title of an action. */
function titleOf(action: GroupAction | null, t: TFunction): string {
  if (!action) return '';
  switch (action.kind) {
    case 'deposit':
      return t('savings.deposit.title');
    case 'advance':
      return t('savings.advance.title');
    case 'payAdvance':
      return t('savings.payAdvance.title', { name: action.advance.household?.displayName ?? '' });
    case 'cancelAdvance':
      return t('savings.cancelAdvance.title', { name: action.advance.household?.displayName ?? '' });
    case 'repayment':
      return t('savings.repayment.title', { name: action.advance.household?.displayName ?? '' });
    case 'refund':
      return t('savings.refund.title', { name: action.member.displayName });
    case 'dividend':
      return t('savings.dividend.title');
    case 'reversal':
      return t('savings.reversal.title', { number: action.entry.number });
    case 'closing':
      return t('savings.closing.title');
    case 'addMember':
      return t('savings.addMember.title');
    case 'leave':
      return t('savings.leave.title', { name: action.member.displayName });
    case 'officer':
      return t('savings.officer.title', { name: action.member.displayName });
    case 'monthlyAmount':
      return t('savings.monthlyAmount.title');
    case 'editGroup':
      return t('savings.editGroup.title');
  }
}

/** The group page's one dialog, showing the open action's form. */
export function GroupActionDialog({ dialog, group }: { dialog: DialogState<GroupAction>; group: GroupDetail }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={dialog.opened} onClose={dialog.close} title={titleOf(dialog.action, t)} size="lg">
      {dialog.action && <ActionBody key={dialog.serial} action={dialog.action} group={group} onDone={dialog.close} />}
    </AppModal>
  );
}

function ActionBody({ action, group, onDone }: { action: GroupAction; group: GroupDetail; onDone: () => void }) {
  const active = group.members.filter((m) => !m.leftOn);
  switch (action.kind) {
    case 'deposit': {
      const members = action.householdId ? group.members.filter((m) => m.householdId === action.householdId) : active;
      return (
        <DepositForm
          households={members.map((m) => ({ id: m.householdId, name: m.displayName, groupSavings: m.groupSavings, inGroup: !m.leftOn }))}
          pot={group.pot}
          onDone={onDone}
        />
      );
    }
    case 'advance':
      return <AdvanceForm group={group} members={active} householdId={action.householdId} onDone={onDone} />;
    case 'payAdvance':
      return <PayAdvanceForm group={group} advance={action.advance} onDone={onDone} />;
    case 'cancelAdvance':
      return <CancelAdvanceForm group={group} advance={action.advance} onDone={onDone} />;
    case 'repayment':
      return <RepaymentForm group={group} advance={action.advance} onDone={onDone} />;
    case 'refund':
      return <RefundForm group={group} member={action.member} onDone={onDone} />;
    case 'dividend':
      return <DividendForm group={group} onDone={onDone} />;
    case 'reversal':
      return <ReversalForm group={group} entry={action.entry} onDone={onDone} />;
    case 'closing':
      return <ClosingForm group={group} onDone={onDone} />;
    case 'addMember':
      return <AddMemberForm group={group} onDone={onDone} />;
    case 'leave':
      return <LeaveForm group={group} member={action.member} onDone={onDone} />;
    case 'officer':
      return <OfficerForm group={group} member={action.member} onDone={onDone} />;
    case 'monthlyAmount':
      return <MonthlyAmountForm group={group} onDone={onDone} />;
    case 'editGroup':
      return <EditGroupForm group={group} onDone={onDone} />;
  }
}

/** The pot's figures that an operation changes, before → after. */
function potLines(group: GroupDetail, delta: PotDelta | null, t: TFunction): EffectLine[] {
  if (!delta) return [];
  const after = potAfter(group.pot, delta);
  return changedFigures(group.pot, after).map((key) => ({ label: t(`savings.pot.${key}`), before: group.pot[key], after: after[key] }));
}

function money(amount: string): string {
  return formatMoney(amount, currentLanguage()) ?? amount;
}

/** Shared plumbing of a money dialog: one key per opening, the mutation, field errors. */
function useMoneyForm(shown: readonly SavingsField[]) {
  const { t } = useTranslation();
  const key = useIdempotencyKey();
  const operation = useMoneyOperation();
  const post = (path: string, body: unknown, done: string, onDone: () => void) =>
    operation.mutate(
      { path, body, idempotencyKey: key },
      {
        onSuccess: () => {
          notifySuccess(done);
          onDone();
        },
      },
    );
  return {
    operation,
    post,
    errors: savingsFieldErrors(operation.error, t),
    extra: otherFieldErrors(operation.error, shown),
  };
}

function DateField({
  label,
  value,
  onChange,
  error,
  description,
  min,
  max = todayInBrussels(),
  required = true,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  description?: ReactNode;
  min?: string;
  max?: string;
  required?: boolean;
}) {
  return <TextInput type="date" label={label} description={description} required={required} min={min} max={max} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />;
}

function NoteField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  return <TextInput label={t('savings.fields.note')} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />;
}

/** The group's exit rule in words, with its exit cost when it has one. */
function exitPolicyText(group: GroupDetail, t: TFunction): string {
  const rule = t(`savings.exitPolicy.${group.exitPolicy}.explain`);
  return group.exitPolicy === 'refund_minus_costs' ? `${rule} ${t('savings.exitPolicy.cost', { cost: money(group.exitCost) })}` : rule;
}

const optionalNote = (note: string) => (note.trim() ? { note: note.trim() } : {});

// ——— advances ———

function AdvanceForm({ group, members, householdId, onDone }: { group: GroupDetail; members: GroupMember[]; householdId?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useMoneyForm(['householdId', 'amount', 'valueDate', 'status', 'note']);
  const [member, setMember] = useState(householdId ?? members[0]?.householdId ?? '');
  const [amount, setAmount] = useState('');
  const [valueDate, setValueDate] = useState(todayInBrussels());
  const [status, setStatus] = useState<'approved' | 'paid'>('paid');
  const [note, setNote] = useState('');
  const value = previewAmount(normaliseAmount(amount));
  const chosen = members.find((m) => m.householdId === member);
  const lines = potLines(group, value ? advanceDelta(value, status) : null, t);
  if (value && chosen && status === 'paid') {
    lines.push({ label: t('savings.effect.householdAdvance', { name: chosen.displayName }), before: chosen.outstandingAdvance, after: addAmounts(chosen.outstandingAdvance, value) });
  }
  const tooMuch = value !== null && compareAmounts(value, group.pot.available) > 0;
  return (
    <DialogForm
      submitLabel={status === 'paid' ? t('savings.advance.submitPaid') : t('savings.advance.submitApproved')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={lines} />}
      warning={tooMuch ? t('savings.advance.tooMuch', { available: money(group.pot.available) }) : chosen && isPositive(chosen.outstandingAdvance) ? t('savings.advance.stillOwes', { amount: money(chosen.outstandingAdvance) }) : null}
      onSubmit={() =>
        form.post(
          moneyPaths.advance(group.id),
          { householdId: member, amount: normaliseAmount(amount), valueDate, status, ...optionalNote(note) },
          t(status === 'paid' ? 'savings.advance.donePaid' : 'savings.advance.doneApproved', { amount: money(normaliseAmount(amount)), name: chosen?.displayName ?? '' }),
          onDone,
        )
      }
      onClose={onDone}
    >
      <Text size="sm">{t('savings.advance.intro')}</Text>
      <NativeSelect label={t('savings.fields.household')} data={members.map((m) => ({ value: m.householdId, label: m.displayName }))} value={member} onChange={(e) => setMember(e.currentTarget.value)} error={form.errors.householdId} />
      <AmountInput label={t('savings.fields.amount')} description={t('savings.advance.amountHelp', { available: money(group.pot.available) })} required data-autofocus value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={form.errors.amount} />
      <Radio.Group label={t('savings.advance.status')} value={status} onChange={(v) => setStatus(v === 'approved' ? 'approved' : 'paid')} error={form.errors.status}>
        <Stack gap="xs" mt={4}>
          <Radio value="paid" label={t('savings.advance.statuses.paid')} description={t('savings.advance.statusHelp.paid')} />
          <Radio value="approved" label={t('savings.advance.statuses.approved')} description={t('savings.advance.statusHelp.approved')} />
        </Stack>
      </Radio.Group>
      <DateField label={status === 'paid' ? t('savings.advance.paidOn') : t('savings.advance.approvedOn')} value={valueDate} onChange={setValueDate} error={form.errors.valueDate} />
      <NoteField value={note} onChange={setNote} error={form.errors.note} />
    </DialogForm>
  );
}

function AdvanceFacts({ advance }: { advance: Advance }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {t('savings.advances.amount')} <MoneyText value={advance.amount} /> · {t('savings.advances.approvedOn')} <DateText value={advance.approvedOn} />
      {advance.outstanding !== null && (
        <>
          {' · '}
          {t('savings.advances.outstanding')} <MoneyText value={advance.outstanding} />
        </>
      )}
    </Text>
  );
}

function PayAdvanceForm({ group, advance, onDone }: { group: GroupDetail; advance: GroupDetail['advances'][number]; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useMoneyForm(['valueDate']);
  const [valueDate, setValueDate] = useState(todayInBrussels());
  return (
    <DialogForm
      submitLabel={t('savings.payAdvance.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={potLines(group, payAdvanceDelta(advance.amount), t)} />}
      onSubmit={() => form.post(moneyPaths.payAdvance(advance.id), { valueDate }, t('savings.payAdvance.done', { amount: money(advance.amount), name: advance.household?.displayName ?? '' }), onDone)}
      onClose={onDone}
    >
      <AdvanceFacts advance={advance} />
      <DateField label={t('savings.advance.paidOn')} value={valueDate} onChange={setValueDate} error={form.errors.valueDate} />
    </DialogForm>
  );
}

function CancelAdvanceForm({ group, advance, onDone }: { group: GroupDetail; advance: GroupDetail['advances'][number]; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useMoneyForm(['reason', 'on']);
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(todayInBrussels());
  return (
    <DialogForm
      submitLabel={t('savings.cancelAdvance.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={potLines(group, cancelAdvanceDelta(advance.amount), t)} />}
      onSubmit={() => form.post(moneyPaths.cancelAdvance(advance.id), { reason: reason.trim(), on }, t('savings.cancelAdvance.done'), onDone)}
      onClose={onDone}
    >
      <AdvanceFacts advance={advance} />
      <Textarea label={t('savings.fields.reason')} description={t('savings.cancelAdvance.reasonHelp')} required data-autofocus autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={form.errors.reason} />
      <DateField label={t('savings.cancelAdvance.on')} description={t('savings.cancelAdvance.onHelp')} min={advance.approvedOn} value={on} onChange={setOn} error={form.errors.on} />
    </DialogForm>
  );
}

function RepaymentForm({ group, advance, onDone }: { group: GroupDetail; advance: GroupDetail['advances'][number]; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useMoneyForm(['amount', 'valueDate', 'note']);
  const outstanding = advance.outstanding ?? '0.00';
  const [amount, setAmount] = useState(formatAmountInput(outstanding, currentLanguage()));
  const [valueDate, setValueDate] = useState(todayInBrussels());
  const [note, setNote] = useState('');
  const value = previewAmount(normaliseAmount(amount));
  const lines = potLines(group, value ? repaymentDelta(value) : null, t);
  if (value) lines.push({ label: t('savings.effect.advanceOutstanding', { name: advance.household?.displayName ?? '' }), before: outstanding, after: subtractAmounts(outstanding, value) });
  return (
    <DialogForm
      submitLabel={t('savings.repayment.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={lines} />}
      warning={value && compareAmounts(value, outstanding) > 0 ? t('savings.repayment.tooMuch', { outstanding: money(outstanding) }) : null}
      onSubmit={() => form.post(moneyPaths.repayment(advance.id), { amount: normaliseAmount(amount), valueDate, ...optionalNote(note) }, t('savings.repayment.done', { amount: money(normaliseAmount(amount)) }), onDone)}
      onClose={onDone}
    >
      <AdvanceFacts advance={advance} />
      <AmountInput label={t('savings.fields.amount')} description={t('savings.repayment.amountHelp')} required data-autofocus value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={form.errors.amount} />
      <DateField label={t('savings.fields.valueDate')} value={valueDate} onChange={setValueDate} error={form.errors.valueDate} />
      <NoteField value={note} onChange={setNote} error={form.errors.note} />
    </DialogForm>
  );
}

// ——— refunds and dividends ———

function RefundForm({ group, member, onDone }: { group: GroupDetail; member: GroupMember; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useMoneyForm(['valueDate', 'note']);
  const [valueDate, setValueDate] = useState(todayInBrussels());
  const [note, setNote] = useState('');
  const groupEnded = group.endsOn !== null && group.endsOn <= valueDate;
  const preview = refundPreview(member.groupSavings, member.outstandingAdvance, group.exitPolicy === 'refund_minus_costs' && !groupEnded ? group.exitCost : null);
  const lines = preview.blocked || !isPositive(member.groupSavings) ? [] : potLines(group, refundDelta(preview), t);
  const notes: ReactNode[] = [];
  if (!preview.blocked && isPositive(member.groupSavings)) {
    notes.push(t('savings.refund.split', { savings: money(preview.savings), advance: money(preview.settledAdvance), costs: money(preview.costs), paidOut: money(preview.paidOut) }));
  }
  const notDue = group.exitPolicy === 'refund_at_group_end' ? !groupEnded : !groupEnded && !(member.leftOn && member.leftOn <= valueDate);
  const warning = preview.blocked
    ? t('savings.refund.blocked', { advance: money(member.outstandingAdvance), savings: money(member.groupSavings) })
    : !isPositive(member.groupSavings)
      ? t('savings.refund.nothing')
      : notDue
        ? t(`savings.refund.notDue.${group.exitPolicy !== 'refund_at_group_end' ? 'leave' : group.endsOn === null ? 'noEnd' : 'groupEnd'}`)
        : null;
  return (
    <DialogForm
      submitLabel={t('savings.refund.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={lines} notes={notes} />}
      warning={warning}
      onSubmit={() => form.post(moneyPaths.refund(member.householdId), { valueDate, ...optionalNote(note) }, t('savings.refund.done', { name: member.displayName }), onDone)}
      onClose={onDone}
    >
      <Text size="sm">{exitPolicyText(group, t)}</Text>
      <DateField label={t('savings.fields.valueDate')} value={valueDate} onChange={setValueDate} error={form.errors.valueDate} />
      <NoteField value={note} onChange={setNote} error={form.errors.note} />
    </DialogForm>
  );
}

function DividendForm({ group, onDone }: { group: GroupDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useMoneyForm(['amount', 'valueDate', 'note']);
  const [amount, setAmount] = useState('');
  const [valueDate, setValueDate] = useState(todayInBrussels());
  const [note, setNote] = useState('');
  const value = previewAmount(normaliseAmount(amount));
  return (
    <DialogForm
      submitLabel={t('savings.dividend.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={potLines(group, value ? dividendDelta(value) : null, t)} notes={value ? [t('savings.dividend.shared')] : []} />}
      onSubmit={() => form.post(moneyPaths.dividend(group.id), { amount: normaliseAmount(amount), valueDate, ...optionalNote(note) }, t('savings.dividend.done', { amount: money(normaliseAmount(amount)) }), onDone)}
      onClose={onDone}
    >
      <Text size="sm">{t('savings.dividend.intro')}</Text>
      <AmountInput label={t('savings.fields.amount')} description={t('savings.fields.amountHelp')} required data-autofocus value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={form.errors.amount} />
      <DateField label={t('savings.fields.valueDate')} value={valueDate} onChange={setValueDate} error={form.errors.valueDate} />
      <NoteField value={note} onChange={setNote} error={form.errors.note} />
    </DialogForm>
  );
}

// ——— reversal ———

function ReversalForm({ group, entry, onDone }: { group: GroupDetail; entry: Entry; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useMoneyForm(['reason']);
  const [reason, setReason] = useState('');
  const name = entry.householdId ? group.members.find((m) => m.householdId === entry.householdId)?.displayName : undefined;
  const closed = group.closedThrough !== null && entry.valueDate.slice(0, 7) <= group.closedThrough;
  return (
    <DialogForm
      submitLabel={t('savings.reversal.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={potLines(group, reversalDelta(entry), t)} notes={[closed ? t('savings.reversal.datedToday') : t('savings.reversal.sameDate')]} />}
      onSubmit={() => form.post(moneyPaths.reversal(entry.id), { reason: reason.trim() }, t('savings.reversal.done', { number: entry.number }), onDone)}
      onClose={onDone}
    >
      <Text size="sm">
        <strong>{t(`savings.entryKind.${entry.kind}`)}</strong>
        {name && ` · ${name}`} · <DateText value={entry.valueDate} />
        {entry.effects.potCash && (
          <>
            {' · '}
            {t('savings.pot.cash')} <MoneyText value={entry.effects.potCash} />
          </>
        )}
      </Text>
      <Text size="sm">{t('savings.reversal.intro')}</Text>
      <Textarea label={t('savings.fields.reason')} description={t('savings.reversal.reasonHelp')} required data-autofocus autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={form.errors.reason} />
    </DialogForm>
  );
}

// ——— changes that move no money ———

function useChangeForm(shown: readonly SavingsField[]) {
  const { t } = useTranslation();
  const change = useGroupChange();
  return { change, errors: savingsFieldErrors(change.error, t), extra: otherFieldErrors(change.error, shown) };
}

function ClosingForm({ group, onDone }: { group: GroupDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useChangeForm(['month']);
  const [month, setMonth] = useState(previousMonth(todayInBrussels()));
  const language = currentLanguage();
  return (
    <DialogForm
      submitLabel={t('savings.closing.submit')}
      submitting={form.change.isPending}
      error={form.change.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={[]} notes={[/^\d{4}-\d{2}$/.test(month) ? t('savings.closing.effect', { month: monthLabel(month, language, 'long') }) : t('savings.closing.chooseMonth')]} />}
      onSubmit={() =>
        form.change.mutate(
          { method: 'POST', path: groupPaths.closings(group.id), body: { month } },
          {
            onSuccess: () => {
              notifySuccess(t('savings.closing.done', { month: monthLabel(month, language, 'long') }));
              onDone();
            },
          },
        )
      }
      onClose={onDone}
    >
      <Text size="sm">
        {group.closedThrough ? t('savings.closing.closedThrough', { month: monthLabel(group.closedThrough, language, 'long') }) : t('savings.closing.noneYet')}
      </Text>
      <TextInput type="month" label={t('savings.fields.month')} description={t('savings.closing.monthHelp')} required data-autofocus value={month} onChange={(e) => setMonth(e.currentTarget.value)} error={form.errors.month} />
    </DialogForm>
  );
}

function AddMemberForm({ group, onDone }: { group: GroupDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useChangeForm(['householdId', 'joinedOn']);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const households = useHouseholds({ q: debounced || undefined, page: 1, pageSize: 25 });
  const members = new Set(group.members.map((m) => m.householdId));
  const options = (households.data?.items ?? []).filter((h) => !members.has(h.id));
  const [householdId, setHouseholdId] = useState('');
  const chosen = options.find((h) => h.id === householdId) ?? options[0];
  const today = todayInBrussels();
  const [joinedOn, setJoinedOn] = useState(group.startsOn > today ? group.startsOn : today);
  const current = group.monthlyAmounts[group.monthlyAmounts.length - 1];
  const language = currentLanguage();
  return (
    <DialogForm
      submitLabel={t('savings.addMember.submit')}
      submitting={form.change.isPending}
      error={form.change.error}
      extraErrors={form.extra}
      effect={
        chosen && /^\d{4}-\d{2}-\d{2}$/.test(joinedOn) ? (
          <EffectSummary lines={[]} notes={[t('savings.addMember.effect', { name: chosen.displayName, month: monthLabel(joinedOn.slice(0, 7), language, 'long'), amount: current ? money(current.amount) : '—' })]} />
        ) : undefined
      }
      onSubmit={() =>
        chosen &&
        form.change.mutate(
          { method: 'POST', path: groupPaths.members(group.id), body: { householdId: chosen.id, joinedOn } },
          {
            onSuccess: () => {
              notifySuccess(t('savings.addMember.done', { name: chosen.displayName }));
              onDone();
            },
          },
        )
      }
      onClose={onDone}
    >
      <TextInput type="search" label={t('savings.addMember.search')} description={t('savings.addMember.searchHelp')} data-autofocus value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      <NativeSelect
        label={t('savings.fields.household')}
        required
        data={options.length > 0 ? options.map((h) => ({ value: h.id, label: `${h.displayName} (${h.reference})` })) : [{ value: '', label: t('savings.addMember.noMatch') }]}
        value={chosen?.id ?? ''}
        onChange={(e) => setHouseholdId(e.currentTarget.value)}
        error={form.errors.householdId}
      />
      <DateField label={t('savings.members.joinedOn')} value={joinedOn} onChange={setJoinedOn} error={form.errors.joinedOn} max="" />
    </DialogForm>
  );
}

function LeaveForm({ group, member, onDone }: { group: GroupDetail; member: GroupMember; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useChangeForm(['leftOn']);
  const [leftOn, setLeftOn] = useState(todayInBrussels());
  return (
    <DialogForm
      submitLabel={t('savings.leave.submit')}
      submitting={form.change.isPending}
      error={form.change.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={[]} notes={[t('savings.leave.effect', { savings: money(member.groupSavings) }), exitPolicyText(group, t)]} />}
      onSubmit={() =>
        form.change.mutate(
          { method: 'POST', path: groupPaths.leave(group.id, member.householdId), body: { leftOn } },
          {
            onSuccess: () => {
              notifySuccess(t('savings.leave.done', { name: member.displayName }));
              onDone();
            },
          },
        )
      }
      onClose={onDone}
    >
      <DateField label={t('savings.members.leftOn')} value={leftOn} onChange={setLeftOn} error={form.errors.leftOn} max="" />
    </DialogForm>
  );
}

function OfficerForm({ group, member, onDone }: { group: GroupDetail; member: GroupMember; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useChangeForm(['officerRole']);
  const [role, setRole] = useState<OfficerRole | ''>(member.officerRole ?? '');
  return (
    <DialogForm
      submitLabel={t('savings.officer.submit')}
      submitting={form.change.isPending}
      error={form.change.error}
      extraErrors={form.extra}
      effect={
        <EffectSummary
          lines={[]}
          notes={[
            t('savings.officer.effect', {
              before: member.officerRole ? t(`savings.officerRole.${member.officerRole}`) : t('savings.officerRole.none'),
              after: role ? t(`savings.officerRole.${role}`) : t('savings.officerRole.none'),
            }),
          ]}
        />
      }
      onSubmit={() =>
        form.change.mutate(
          { method: 'PUT', path: groupPaths.officer(group.id, member.householdId), body: { officerRole: role || null } },
          {
            onSuccess: () => {
              notifySuccess(t('savings.officer.done', { name: member.displayName }));
              onDone();
            },
          },
        )
      }
      onClose={onDone}
    >
      <NativeSelect
        label={t('savings.members.officerRole')}
        data-autofocus
        data={[{ value: '', label: t('savings.officerRole.none') }, ...OFFICER_ROLES.map((r) => ({ value: r, label: t(`savings.officerRole.${r}`) }))]}
        value={role}
        onChange={(e) => setRole(OFFICER_ROLES.find((r) => r === e.currentTarget.value) ?? '')}
        error={form.errors.officerRole}
      />
    </DialogForm>
  );
}

function MonthlyAmountForm({ group, onDone }: { group: GroupDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useChangeForm(['amount', 'from']);
  const language = currentLanguage();
  const [amount, setAmount] = useState('');
  const [from, setFrom] = useState(todayInBrussels().slice(0, 7));
  const current = group.monthlyAmounts[group.monthlyAmounts.length - 1];
  const value = previewAmount(normaliseAmount(amount));
  const validMonth = /^\d{4}-\d{2}$/.test(from);
  return (
    <DialogForm
      submitLabel={t('savings.monthlyAmount.submit')}
      submitting={form.change.isPending}
      error={form.change.error}
      extraErrors={form.extra}
      effect={
        value && validMonth ? (
          <EffectSummary lines={[]} notes={[t('savings.monthlyAmount.effect', { month: monthLabel(from, language, 'long'), before: current ? money(current.amount) : '—', after: money(value) })]} />
        ) : undefined
      }
      onSubmit={() =>
        form.change.mutate(
          { method: 'POST', path: groupPaths.monthlyAmounts(group.id), body: { amount: normaliseAmount(amount), from } },
          {
            onSuccess: () => {
              notifySuccess(t('savings.monthlyAmount.done'));
              onDone();
            },
          },
        )
      }
      onClose={onDone}
    >
      <AmountInput label={t('savings.group.monthlyAmount')} description={t('savings.fields.amountHelp')} required data-autofocus value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={form.errors.amount} />
      <TextInput type="month" label={t('savings.monthlyAmount.from')} description={t('savings.monthlyAmount.fromHelp')} required value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={form.errors.from} />
    </DialogForm>
  );
}

/** Name, cohort, end date and exit cost of the group (PATCH: only what changed is sent). */
function EditGroupForm({ group, onDone }: { group: GroupDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const form = useChangeForm(EDIT_GROUP_FIELDS);
  const [values, setValues] = useState(() => groupToEditValues(group, language));
  // The values last sent: a field's error shows until that field is changed again.
  const [sent, setSent] = useState<EditGroupValues | null>(null);
  const set = (key: keyof EditGroupValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const errorOf = (key: keyof EditGroupValues) => (sent !== null && sent[key] === values[key] ? form.errors[key] : undefined);
  const body = editGroupBody(group, values);
  const date = (value: string | null | undefined) => (value ? (formatDate(value, language) ?? value) : t('savings.groups.noEnd'));
  const notes: ReactNode[] = [];
  if (body.name !== undefined) notes.push(t('savings.editGroup.effect.name', { before: group.name, after: body.name }));
  if (body.cohort !== undefined) notes.push(t('savings.editGroup.effect.cohort', { before: group.cohort, after: body.cohort }));
  if (body.endsOn !== undefined) notes.push(t('savings.editGroup.effect.endsOn', { before: date(group.endsOn), after: date(body.endsOn) }));
  if (body.endsOn && group.exitPolicy === 'refund_at_group_end') notes.push(t('savings.editGroup.effect.refundsFrom', { date: date(body.endsOn) }));
  const cost = body.exitCost !== undefined && isAmount(body.exitCost) && compareAmounts(body.exitCost, '0') >= 0 ? body.exitCost : null;
  const lines: EffectLine[] = cost !== null ? [{ label: t('savings.group.exitCost'), before: group.exitCost, after: cost }] : [];
  const unchanged = Object.keys(body).length === 0;
  return (
    <DialogForm
      submitLabel={t('savings.editGroup.submit')}
      submitting={form.change.isPending}
      error={form.change.error}
      extraErrors={form.extra}
      effect={unchanged ? <EffectSummary lines={[]} notes={[t('savings.editGroup.unchanged')]} /> : <EffectSummary lines={lines} notes={notes} />}
      onSubmit={() => {
        if (unchanged) {
          onDone();
          return;
        }
        setSent(values);
        form.change.mutate(
          { method: 'PATCH', path: groupPaths.group(group.id), body },
          {
            onSuccess: () => {
              notifySuccess(t('savings.editGroup.done', { name: body.name ?? group.name }));
              onDone();
            },
          },
        );
      }}
      onClose={onDone}
    >
      <Text size="sm">{t('savings.editGroup.intro')}</Text>
      <TextInput label={t('savings.group.name')} description={t('savings.groups.nameHelp')} required data-autofocus value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} error={errorOf('name')} />
      <TextInput label={t('savings.group.cohort')} description={t('savings.groups.cohortHelp')} required value={values.cohort} onChange={(e) => set('cohort')(e.currentTarget.value)} error={errorOf('cohort')} />
      <DateField
        label={t('savings.group.endsOn')}
        description={group.exitPolicy === 'refund_at_group_end' ? t('savings.editGroup.endsOnHelpRefund') : t('savings.editGroup.endsOnHelp')}
        required={false}
        min={group.startsOn}
        max=""
        value={values.endsOn}
        onChange={set('endsOn')}
        error={errorOf('endsOn')}
      />
      {group.exitPolicy === 'refund_minus_costs' && (
        <AmountInput label={t('savings.group.exitCost')} description={t('savings.groups.exitCostHelp')} required value={values.exitCost} onChange={(e) => set('exitCost')(e.currentTarget.value)} error={errorOf('exitCost')} />
      )}
    </DialogForm>
  );
}
