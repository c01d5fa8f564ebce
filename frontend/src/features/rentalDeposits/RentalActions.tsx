/**
 * The action dialogs of the fund and advance pages. Each shows the effect of its operation before it
 * is confirmed — from the figures on screen (display only), or from the server's own release preview —
 * then posts with one Idempotency-Key per opening, reused on every retry.
 */
import { Paper, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  rentalPaths,
  useReleasePreview,
  useRentalOperation,
  type Deposit,
  type RentalFund,
} from '../../api/rentalDeposits';
import { ApiError } from '../../api/client';
import type { DecimalString } from '../../api/types';
import { AppModal } from '../../components/AppModal';
import { DateText } from '../../components/DateText';
import { LoadingState } from '../../components/LoadingState';
import { MoneyText } from '../../components/MoneyText';
import { notifySuccess } from '../../components/notify';
import { currentLanguage } from '../../i18n';
import { formatAmountInput, formatDate, formatMoney, monthLabel, normaliseAmount, todayInBrussels } from '../../i18n/format';
import { addAmounts, compareAmounts, isAmount, isZero, negateAmount, subtractAmounts } from '../savings/amounts';
import { AmountInput, DialogForm, EffectSummary, SavingsErrorBanner, useIdempotencyKey, type DialogState, type EffectLine, type ProblemWording } from '../savings/components/ActionDialog';
import { previousMonth } from '../savings/dates';
import { previewAmount } from '../savings/effects';
import type { RentalEntryLine } from './components/RentalEntryList';
import { dialogFieldErrors, otherDialogErrors, otherFieldMessage, rentalProblemMessage, type DialogField } from './problems';
import { compactIban, formatIban } from './references';

/** How the rental-deposit dialogs word the API's problems. */
export const RENTAL_WORDING: ProblemWording = { problem: rentalProblemMessage, field: otherFieldMessage };

/** Every action of the fund and advance pages. */
export type RentalAction =
  | { kind: 'contribution' }
  | { kind: 'closing' }
  | { kind: 'editFund' }
  | { kind: 'reversal'; line: RentalEntryLine; lines: EffectLine[] }
  | { kind: 'repayment' }
  | { kind: 'release' }
  | { kind: 'undoRelease' }
  | { kind: 'writeOff' };

/** The dialog title of an action. */
function titleOf(action: RentalAction | null, t: TFunction): string {
  if (!action) return '';
  switch (action.kind) {
    case 'contribution':
      return t('rentalDeposits.contribution.title');
    case 'closing':
      return t('rentalDeposits.closing.title');
    case 'editFund':
      return t('rentalDeposits.editFund.title');
    case 'reversal':
      return t('rentalDeposits.reversal.title', { number: action.line.number });
    case 'repayment':
      return t('rentalDeposits.repayment.title');
    case 'release':
      return t('rentalDeposits.release.title');
    case 'undoRelease':
      return t('rentalDeposits.undoRelease.title');
    case 'writeOff':
      return t('rentalDeposits.writeOff.title');
  }
}

/** The one dialog of a fund or advance page, showing the open action's form. */
export function RentalActionDialog({ dialog, fund, deposit }: { dialog: DialogState<RentalAction>; fund?: RentalFund; deposit?: Deposit }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={dialog.opened} onClose={dialog.close} title={titleOf(dialog.action, t)} size="lg">
      {dialog.action && <ActionBody key={dialog.serial} action={dialog.action} fund={fund} deposit={deposit} onDone={dialog.close} />}
    </AppModal>
  );
}

function ActionBody({ action, fund, deposit, onDone }: { action: RentalAction; fund?: RentalFund; deposit?: Deposit; onDone: () => void }) {
  switch (action.kind) {
    case 'contribution':
      return fund ? <ContributionForm fund={fund} onDone={onDone} /> : null;
    case 'closing':
      return fund ? <ClosingForm fund={fund} onDone={onDone} /> : null;
    case 'editFund':
      return fund ? <EditFundForm fund={fund} onDone={onDone} /> : null;
    case 'reversal':
      return <ReversalForm line={action.line} lines={action.lines} onDone={onDone} />;
    case 'repayment':
      return deposit ? <RepaymentForm deposit={deposit} onDone={onDone} /> : null;
    case 'release':
      return deposit ? <ReleaseForm deposit={deposit} onDone={onDone} /> : null;
    case 'undoRelease':
      return deposit ? <UndoReleaseForm deposit={deposit} onDone={onDone} /> : null;
    case 'writeOff':
      return deposit ? <WriteOffForm deposit={deposit} onDone={onDone} /> : null;
  }
}

function money(amount: string): string {
  return formatMoney(amount, currentLanguage()) ?? amount;
}

/** Shared plumbing of a dialog: one key per opening, the mutation, field errors. */
function useRentalForm(shown: readonly DialogField[]) {
  const { t } = useTranslation();
  const key = useIdempotencyKey();
  const operation = useRentalOperation();
  const post = (path: string, body: unknown, done: string, onDone: () => void, method: 'POST' | 'PATCH' = 'POST') =>
    operation.mutate(
      { method, path, body, idempotencyKey: key },
      {
        onSuccess: () => {
          notifySuccess(done);
          onDone();
        },
      },
    );
  return { operation, post, errors: dialogFieldErrors(operation.error, t), extra: otherDialogErrors(operation.error, shown) };
}

function DateField({ label, value, onChange, error, description, min, max = todayInBrussels() }: { label: string; value: string; onChange: (v: string) => void; error?: string; description?: ReactNode; min?: string; max?: string }) {
  return <TextInput type="date" label={label} description={description} required min={min} max={max} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />;
}

// ——— the fund ———

function ContributionForm({ fund, onDone }: { fund: RentalFund; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRentalForm(['amount', 'valueDate', 'note']);
  const [amount, setAmount] = useState('');
  const [valueDate, setValueDate] = useState(todayInBrussels());
  const [note, setNote] = useState('');
  const value = previewAmount(normaliseAmount(amount));
  const lines: EffectLine[] = value
    ? [
        { label: t('rentalDeposits.fund.cash'), before: fund.cash, after: addAmounts(fund.cash, value) },
        { label: t('rentalDeposits.fund.contributions'), before: fund.contributions, after: addAmounts(fund.contributions, value) },
      ]
    : [];
  return (
    <DialogForm
      wording={RENTAL_WORDING}
      submitLabel={t('rentalDeposits.contribution.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={lines} />}
      onSubmit={() =>
        form.post(
          rentalPaths.contributions(),
          { amount: normaliseAmount(amount), valueDate, ...(note.trim() ? { note: note.trim() } : {}) },
          t('rentalDeposits.contribution.done', { amount: money(normaliseAmount(amount)) }),
          onDone,
        )
      }
      onClose={onDone}
    >
      <Text size="sm">{t('rentalDeposits.contribution.intro')}</Text>
      <AmountInput label={t('rentalDeposits.fields.amount')} description={t('rentalDeposits.fields.amountHelp')} required data-autofocus value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={form.errors.amount} />
      <DateField label={t('rentalDeposits.fields.valueDate')} value={valueDate} onChange={setValueDate} error={form.errors.valueDate} />
      <TextInput label={t('rentalDeposits.fields.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={form.errors.note} />
    </DialogForm>
  );
}

function ClosingForm({ fund, onDone }: { fund: RentalFund; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRentalForm(['month']);
  const [month, setMonth] = useState(previousMonth(todayInBrussels()));
  const language = currentLanguage();
  return (
    <DialogForm
      wording={RENTAL_WORDING}
      submitLabel={t('rentalDeposits.closing.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={[]} notes={[/^\d{4}-\d{2}$/.test(month) ? t('rentalDeposits.closing.effect', { month: monthLabel(month, language, 'long') }) : t('rentalDeposits.closing.chooseMonth')]} />}
      onSubmit={() => form.post(rentalPaths.closings(), { month }, t('rentalDeposits.closing.done', { month: monthLabel(month, language, 'long') }), onDone)}
      onClose={onDone}
    >
      <Text size="sm">
        {fund.closedThrough ? t('rentalDeposits.closing.closedThrough', { month: monthLabel(fund.closedThrough, language, 'long') }) : t('rentalDeposits.closing.noneYet')}
      </Text>
      <TextInput type="month" label={t('rentalDeposits.fields.month')} description={t('rentalDeposits.closing.monthHelp')} required data-autofocus value={month} onChange={(e) => setMonth(e.currentTarget.value)} error={form.errors.month} />
    </DialogForm>
  );
}

function EditFundForm({ fund, onDone }: { fund: RentalFund; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRentalForm(['name', 'iban']);
  const [name, setName] = useState(fund.name);
  const [iban, setIban] = useState(fund.iban ? formatIban(fund.iban) : '');
  const body: { name?: string; iban?: string } = {};
  if (name.trim() !== fund.name) body.name = name.trim();
  if (compactIban(iban) !== (fund.iban ? compactIban(fund.iban) : '')) body.iban = compactIban(iban);
  const notes: ReactNode[] = [];
  if (body.name !== undefined) notes.push(t('rentalDeposits.editFund.effectName', { before: fund.name, after: body.name }));
  if (body.iban !== undefined) notes.push(t('rentalDeposits.editFund.effectIban', { before: fund.iban ? formatIban(fund.iban) : t('rentalDeposits.fund.noIban'), after: formatIban(body.iban) }));
  const unchanged = Object.keys(body).length === 0;
  return (
    <DialogForm
      wording={RENTAL_WORDING}
      submitLabel={t('rentalDeposits.editFund.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={[]} notes={unchanged ? [t('rentalDeposits.editFund.unchanged')] : notes} />}
      onSubmit={() => (unchanged ? onDone() : form.post(rentalPaths.fund(), body, t('rentalDeposits.editFund.done'), onDone, 'PATCH'))}
      onClose={onDone}
    >
      <TextInput label={t('rentalDeposits.fund.name')} required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.errors.name} />
      <TextInput label={t('rentalDeposits.fund.iban')} description={t('rentalDeposits.editFund.ibanHelp')} className="mono" autoComplete="off" value={iban} onChange={(e) => setIban(e.currentTarget.value)} error={form.errors.iban} />
    </DialogForm>
  );
}

// ——— entries ———

function ReversalForm({ line, lines, onDone }: { line: RentalEntryLine; lines: EffectLine[]; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRentalForm(['reason']);
  const [reason, setReason] = useState('');
  return (
    <DialogForm
      wording={RENTAL_WORDING}
      submitLabel={t('rentalDeposits.reversal.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={lines} notes={[t('rentalDeposits.reversal.note')]} />}
      onSubmit={() => form.post(rentalPaths.reversal(line.id), { reason: reason.trim() }, t('rentalDeposits.reversal.done', { number: line.number }), onDone)}
      onClose={onDone}
    >
      <Text size="sm">
        <strong>{t('rentalDeposits.entries.number', { number: line.number })}</strong> · <DateText value={line.valueDate} />
        {line.amount && (
          <>
            {' · '}
            <MoneyText value={line.amount} />
          </>
        )}
      </Text>
      <Text size="sm">{t('rentalDeposits.reversal.intro')}</Text>
      <Textarea label={t('rentalDeposits.fields.reason')} description={t('rentalDeposits.reversal.reasonHelp')} required data-autofocus autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={form.errors.reason} />
    </DialogForm>
  );
}

/** The effect of reversing an entry of the fund (its cash) or of an advance (what is owed). */
export function reversalLines(line: RentalEntryLine, figure: { label: string; before: DecimalString } | null): EffectLine[] {
  if (!figure || !line.amount || !isAmount(line.amount)) return [];
  return [{ label: figure.label, before: figure.before, after: addAmounts(figure.before, negateAmount(line.amount)) }];
}

// ——— an advance ———

function OwedFacts({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {deposit.household.displayName} · {t('rentalDeposits.fields.amount')} <MoneyText value={deposit.amount} /> · {t('rentalDeposits.figures.owed')} <MoneyText value={deposit.owed} />
    </Text>
  );
}

function RepaymentForm({ deposit, onDone }: { deposit: Deposit; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRentalForm(['amount', 'valueDate', 'bankReference']);
  const suggested = deposit.nextInstalment?.amount ?? deposit.owed;
  const [amount, setAmount] = useState(formatAmountInput(compareAmounts(suggested, deposit.owed) > 0 ? deposit.owed : suggested, currentLanguage()));
  const [valueDate, setValueDate] = useState(todayInBrussels());
  const [bankReference, setBankReference] = useState('');
  const value = previewAmount(normaliseAmount(amount));
  const lines: EffectLine[] = value ? [{ label: t('rentalDeposits.figures.owed'), before: deposit.owed, after: subtractAmounts(deposit.owed, value) }] : [];
  return (
    <DialogForm
      wording={RENTAL_WORDING}
      submitLabel={t('rentalDeposits.repayment.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={lines} />}
      warning={value && compareAmounts(value, deposit.owed) > 0 ? t('rentalDeposits.repayment.tooMuch', { owed: money(deposit.owed) }) : null}
      onSubmit={() =>
        form.post(
          rentalPaths.repayments(deposit.id),
          { amount: normaliseAmount(amount), valueDate, ...(bankReference.trim() ? { bankReference: bankReference.trim() } : {}) },
          t('rentalDeposits.repayment.done', { amount: money(normaliseAmount(amount)) }),
          onDone,
        )
      }
      onClose={onDone}
    >
      <OwedFacts deposit={deposit} />
      <AmountInput label={t('rentalDeposits.fields.amount')} description={t('rentalDeposits.repayment.amountHelp')} required data-autofocus value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={form.errors.amount} />
      <DateField label={t('rentalDeposits.fields.valueDate')} value={valueDate} onChange={setValueDate} error={form.errors.valueDate} min={deposit.openedOn} />
      <TextInput label={t('rentalDeposits.fields.bankReference')} description={t('rentalDeposits.fields.bankReferenceHelp')} value={bankReference} onChange={(e) => setBankReference(e.currentTarget.value)} error={form.errors.bankReference} />
    </DialogForm>
  );
}

/** The release's split as the server previews it: released, to the fund, to the tenant, still owed. */
function ReleaseSplit({ owed, preview }: { owed: DecimalString; preview: ReturnType<typeof useReleasePreview> | null }) {
  const { t } = useTranslation();
  if (!preview) return null;
  if (preview.isPending) return <LoadingState />;
  // A refusal of the preview names its field (shown on the input) or its problem (shown here).
  if (preview.isError) return preview.error instanceof ApiError && preview.error.errors.length > 0 ? null : <SavingsErrorBanner error={preview.error} wording={RENTAL_WORDING} />;
  const p = preview.data;
  const figures = [
    { key: 'released', value: p.released },
    { key: 'toFund', value: p.toFund },
    { key: 'toTenant', value: p.toTenant },
    { key: 'remainingOwed', value: p.remainingOwed },
  ] as const;
  return (
    <Paper bg="gray.0" p="sm" withBorder data-testid="release-preview">
      <Text fw={650} size="sm" mb={6}>
        {t('rentalDeposits.release.previewTitle')}
      </Text>
      <SimpleGrid component="dl" cols={2} spacing={6} verticalSpacing={6} m={0}>
        {figures.map((f) => (
          <div key={f.key} data-testid={`release-${f.key}`}>
            <Text component="dt" size="sm">
              {t(`rentalDeposits.release.${f.key}`)}
            </Text>
            <Text component="dd" size="md" fw={700} m={0}>
              <MoneyText value={f.value} />
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm" mt={6}>
        {isZero(p.remainingOwed) ? t('rentalDeposits.release.clears', { owed: money(owed) }) : t('rentalDeposits.release.stillOwed', { amount: money(p.remainingOwed) })}
      </Text>
      <Text size="xs" c="dimmed" mt={6}>
        {t('rentalDeposits.release.serverPreview')}
      </Text>
    </Paper>
  );
}

function ReleaseForm({ deposit, onDone }: { deposit: Deposit; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRentalForm(['releasedOn', 'landlordKept']);
  const [releasedOn, setReleasedOn] = useState(todayInBrussels());
  const [kept, setKept] = useState(formatAmountInput('0.00', currentLanguage()));
  const [debouncedKept] = useDebouncedValue(kept, 300);
  const [debouncedOn] = useDebouncedValue(releasedOn, 300);
  const keptValue = normaliseAmount(debouncedKept);
  const readable = isAmount(keptValue) && compareAmounts(keptValue, '0') >= 0 ? keptValue : null;
  const ready = readable !== null && /^\d{4}-\d{2}-\d{2}$/.test(debouncedOn);
  const preview = useReleasePreview(deposit.id, debouncedOn, readable ?? '0.00', ready);
  // The field errors of the last posting, else those of the preview (as the inputs stand now).
  const previewErrors = dialogFieldErrors(preview.error, t);
  const errors = form.operation.error ? form.errors : previewErrors;
  return (
    <DialogForm
      wording={RENTAL_WORDING}
      submitLabel={t('rentalDeposits.release.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<ReleaseSplit owed={deposit.owed} preview={ready ? preview : null} />}
      onSubmit={() => form.post(rentalPaths.release(deposit.id), { releasedOn, landlordKept: normaliseAmount(kept) }, t('rentalDeposits.release.done'), onDone)}
      onClose={onDone}
    >
      <OwedFacts deposit={deposit} />
      <Text size="sm">{t('rentalDeposits.release.intro')}</Text>
      <DateField label={t('rentalDeposits.release.releasedOn')} value={releasedOn} onChange={setReleasedOn} error={errors.releasedOn} min={deposit.openedOn} />
      <AmountInput label={t('rentalDeposits.release.landlordKept')} description={t('rentalDeposits.release.landlordKeptHelp', { amount: money(deposit.amount) })} required data-autofocus value={kept} onChange={(e) => setKept(e.currentTarget.value)} error={errors.landlordKept} />
    </DialogForm>
  );
}

function UndoReleaseForm({ deposit, onDone }: { deposit: Deposit; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRentalForm([]);
  const releasedOn = deposit.release?.releasedOn ?? '';
  return (
    <DialogForm
      wording={RENTAL_WORDING}
      submitLabel={t('rentalDeposits.undoRelease.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={[]} notes={[t('rentalDeposits.undoRelease.effect', { date: formatDate(releasedOn, currentLanguage()) ?? releasedOn })]} />}
      onSubmit={() => form.post(rentalPaths.undoRelease(deposit.id), undefined, t('rentalDeposits.undoRelease.done'), onDone)}
      onClose={onDone}
    >
      <OwedFacts deposit={deposit} />
      <Text size="sm">{t('rentalDeposits.undoRelease.intro')}</Text>
    </DialogForm>
  );
}

function WriteOffForm({ deposit, onDone }: { deposit: Deposit; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRentalForm(['amount', 'reason', 'valueDate']);
  const [amount, setAmount] = useState(formatAmountInput(deposit.owed, currentLanguage()));
  const [reason, setReason] = useState('');
  const value = previewAmount(normaliseAmount(amount));
  const lines: EffectLine[] = value ? [{ label: t('rentalDeposits.figures.owed'), before: deposit.owed, after: subtractAmounts(deposit.owed, value) }] : [];
  return (
    <DialogForm
      wording={RENTAL_WORDING}
      submitLabel={t('rentalDeposits.writeOff.submit')}
      submitting={form.operation.isPending}
      error={form.operation.error}
      extraErrors={form.extra}
      effect={<EffectSummary lines={lines} notes={value ? [t('rentalDeposits.writeOff.effect', { amount: money(value) })] : []} />}
      warning={value && compareAmounts(value, deposit.owed) > 0 ? t('rentalDeposits.repayment.tooMuch', { owed: money(deposit.owed) }) : null}
      onSubmit={() => form.post(rentalPaths.writeOff(deposit.id), { amount: normaliseAmount(amount), reason: reason.trim() }, t('rentalDeposits.writeOff.done', { amount: money(normaliseAmount(amount)) }), onDone)}
      onClose={onDone}
    >
      <OwedFacts deposit={deposit} />
      <Text size="sm">{t('rentalDeposits.writeOff.intro')}</Text>
      <AmountInput label={t('rentalDeposits.fields.amount')} required data-autofocus value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={form.errors.amount} />
      <Textarea label={t('rentalDeposits.fields.reason')} description={t('rentalDeposits.writeOff.reasonHelp')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={form.errors.reason} />
    </DialogForm>
  );
}
