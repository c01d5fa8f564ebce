/**
 * The dialog of a candidacy on the project page: move it to a dated stage (unit, compromis, deed with
 * its figures pre-filled by the simulator, withdrawal with the explicit cancellation of an approved
 * advance), then — for coordinators — create the pot advance of the compromis's down payment or post
 * the repayment at the deed. Money is posted with one Idempotency-Key per opening of a form, and its
 * effect on the pot is previewed from the figures on screen (display only: the server decides).
 */
import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useAddStage,
  useCandidacy,
  useCandidacyMoney,
  useSimulation,
  useWithdrawalReasons,
  type CandidacyDetail,
  type ProjectDetail,
  type Unit,
} from '../../../api/acquisitions';
import { moneyPaths, useGroup, useHouseholdSavings, type GroupDetail } from '../../../api/savings';
import { AppModal } from '../../../components/AppModal';
import { DateText } from '../../../components/DateText';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { LoadingState } from '../../../components/LoadingState';
import { MoneyText } from '../../../components/MoneyText';
import { notifySuccess } from '../../../components/notify';
import { currentLanguage } from '../../../i18n';
import { formatAmountInput, formatMoney, normaliseAmount, todayInBrussels } from '../../../i18n/format';
import { compareAmounts, isPositive, subtractAmounts } from '../../savings/amounts';
import { AmountInput, EffectSummary, useIdempotencyKey, type EffectLine } from '../../savings/components/ActionDialog';
import { advanceDelta, changedFigures, potAfter, previewAmount, repaymentDelta, type PotDelta } from '../../savings/effects';
import { formatPercent, reasonName } from '../labels';
import { acquisitionFieldErrors, otherAcquisitionErrors, type AcquisitionField } from '../problems';
import { percentToRate } from '../simulatorForm';
import { deedValuesFromSimulation, initialStageValues, nextStages, stageBody, withdrawalCancelsAdvance, type StageValues } from '../stageForm';
import { AcqForm } from './AcqForm';
import { StageBadge } from './Badges';

/** What the dialog shows. */
type View = 'move' | 'money' | 'advance' | 'repayment';

/** Props of CandidacyDialog. */
export interface CandidacyDialogProps {
  /** The candidacy open in the dialog (null: closed), and what was asked first. */
  open: { candidacyId: string; name: string; view: 'move' | 'money'; serial: number } | null;
  project: ProjectDetail;
  canMoveMoney: boolean;
  onClose: () => void;
}

/** The candidacy dialog of the project page. */
export function CandidacyDialog({ open, project, canMoveMoney, onClose }: CandidacyDialogProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('move');
  const [lastOpen, setLastOpen] = useState(open);
  if (open && open !== lastOpen) {
    setLastOpen(open);
    setView(open.view);
  }
  const shown = open ?? lastOpen;
  const title = shown ? t(`acquisitions.dialog.title.${view}`, { name: shown.name }) : '';
  return (
    <AppModal opened={open !== null} onClose={onClose} title={title} size="lg">
      {shown && <DialogBody key={`${shown.serial}-${view}`} candidacyId={shown.candidacyId} view={view} project={project} canMoveMoney={canMoveMoney} onView={setView} onClose={onClose} />}
    </AppModal>
  );
}

function DialogBody({ candidacyId, view, project, canMoveMoney, onView, onClose }: { candidacyId: string; view: View; project: ProjectDetail; canMoveMoney: boolean; onView: (v: View) => void; onClose: () => void }) {
  const candidacy = useCandidacy(candidacyId);
  if (candidacy.isPending) return <LoadingState />;
  if (candidacy.isError) return <ErrorBanner error={candidacy.error} onRetry={() => void candidacy.refetch()} />;
  const c = candidacy.data;
  switch (view) {
    case 'move':
      return (
        <MoveForm
          candidacy={c}
          project={project}
          onClose={onClose}
          onMoved={(after) => {
            // From the compromis the coordinator goes on to the pot advance; from the deed, to its repayment.
            if (canMoveMoney && after.currentStage === 'compromis' && (!after.advance || after.advance.status === 'cancelled')) onView('advance');
            else if (canMoveMoney && after.currentStage === 'deed' && after.advance?.repaymentDue) onView('repayment');
            else onClose();
          }}
        />
      );
    case 'money':
      return <MoneyView candidacy={c} onView={onView} onClose={onClose} />;
    case 'advance':
      return <AdvanceForm candidacy={c} onClose={onClose} />;
    case 'repayment':
      return <RepaymentForm candidacy={c} onClose={onClose} />;
  }
}

function DateField({ label, description, value, onChange, error, min }: { label: string; description?: ReactNode; value: string; onChange: (v: string) => void; error?: string; min?: string }) {
  return <TextInput type="date" label={label} description={description} required min={min} max={todayInBrussels()} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />;
}

function money(amount: string): string {
  return formatMoney(amount, currentLanguage()) ?? amount;
}

/** The candidacy's facts above a form: its stage since a date, its unit, its compromis. */
function CandidacyFacts({ candidacy }: { candidacy: CandidacyDetail }) {
  const { t } = useTranslation();
  return (
    <Paper bg="gray.0" p="sm" withBorder={false}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t('acquisitions.dialog.currentStage')}</Text>
        <StageBadge stage={candidacy.currentStage} />
        <Text size="sm">
          {t('acquisitions.board.since')} <DateText value={candidacy.since} />
        </Text>
      </Group>
      {candidacy.unit && <Text size="sm">{t('acquisitions.board.unit', { label: candidacy.unit.label })}</Text>}
      {candidacy.compromis && (
        <Text size="sm">
          {t('acquisitions.dialog.compromisFacts', { price: money(candidacy.compromis.price), downPayment: money(candidacy.compromis.downPayment) })} <DateText value={candidacy.compromis.on} />
        </Text>
      )}
    </Paper>
  );
}

const MOVE_SHOWN: readonly AcquisitionField[] = [
  'stage', 'on', 'note', 'unitId', 'compromis.price', 'compromis.downPayment', 'deed.notary', 'deed.price', 'deed.deferredPercent', 'deed.deferredAmount',
  'deed.registrationDuties', 'deed.notaryFees', 'deed.vat', 'deed.ownFunds', 'deed.loan.lender', 'deed.loan.amount', 'deed.loan.annualRate', 'deed.loan.years',
  'deed.loan.monthlyPayment', 'withdrawal.reasonKey',
];

/** The units a candidacy may take: those free, and the one it holds. */
function unitChoices(units: Unit[], candidacy: CandidacyDetail, t: TFunction) {
  return [
    { value: '', label: t('acquisitions.dialog.noUnit') },
    ...units
      .filter((u) => u.status === 'available' || u.candidacyId === candidacy.id)
      .map((u) => ({ value: u.id, label: `${u.label}${u.price ? ` · ${money(u.price)}` : ''}` })),
  ];
}

function MoveForm({ candidacy, project, onClose, onMoved }: { candidacy: CandidacyDetail; project: ProjectDetail; onClose: () => void; onMoved: (after: CandidacyDetail) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const add = useAddStage();
  const reasons = useWithdrawalReasons();
  const simulation = useSimulation();
  const stages = nextStages(candidacy.currentStage);
  const [values, setValues] = useState<StageValues>(() => {
    const start = initialStageValues(candidacy, todayInBrussels(), language);
    const unitPrice = candidacy.unit?.price ?? null;
    return { ...start, price: start.price || (unitPrice ? formatAmountInput(unitPrice, language) : ''), annualRatePercent: language === 'en' ? '3.5' : '3,5', years: '25' };
  });
  const set = <K extends keyof StageValues>(key: K) => (value: StageValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = acquisitionFieldErrors(add.error, t);
  const extra = otherAcquisitionErrors(add.error, MOVE_SHOWN);
  const maxDeferred = project.currentRules?.deferredPriceAllowed ? project.currentRules.deferredPriceMaxPercent : null;
  const needsConfirm = withdrawalCancelsAdvance(candidacy) || (add.error !== null && (add.error as { code?: string }).code === 'advance_approved');

  // The deed's figures come from the simulator: the compromis price, the unit's tax regime, the buyer's loan.
  const prefill = (v: StageValues) => {
    const unit = candidacy.unit;
    const deferred = percentToRate(v.deferredPercent);
    const years = Number.parseInt(v.years.trim(), 10);
    const loan = { annualRate: percentToRate(v.annualRatePercent), years: Number.isFinite(years) ? years : 25 };
    simulation.mutate(
      {
        price: normaliseAmount(v.price),
        compromisOn: candidacy.compromis?.on ?? v.on,
        onlyHome: v.onlyHome,
        ...(unit?.taxRegime === 'vat' && unit.vatRate && unit.landShare ? { vat: { rate: unit.vatRate, landShare: unit.landShare } } : {}),
        ...(deferred && deferred !== '0' ? { deferredPercent: deferred } : {}),
        ownFunds: normaliseAmount(v.ownFunds) || '0.00',
        loan,
        householdId: candidacy.householdId,
      },
      { onSuccess: (s) => setValues((now) => deedValuesFromSimulation(now, s, { ...loan, deferredPercent: deferred && deferred !== '0' ? deferred : undefined }, language)) },
    );
  };
  const prefilled = useRef(false);
  useEffect(() => {
    if (values.stage === 'deed' && !prefilled.current && values.price) {
      prefilled.current = true;
      prefill(values);
    }
  }, [values.stage]);

  if (stages.length === 0) {
    return (
      <Stack gap="md">
        <CandidacyFacts candidacy={candidacy} />
        <Text>{t('acquisitions.dialog.closed')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const submit = () =>
    add.mutate(
      { candidacyId: candidacy.id, body: stageBody(values) },
      {
        onSuccess: (after) => {
          notifySuccess(t('acquisitions.dialog.moved', { name: candidacy.household.displayName, stage: t(`acquisitions.stage.${values.stage}`) }));
          onMoved(after);
        },
      },
    );

  const units = unitChoices(project.units, candidacy, t);
  const stage = values.stage;
  return (
    <AcqForm
      submitLabel={t('acquisitions.dialog.submitMove')}
      submitting={add.isPending}
      error={add.error}
      extraErrors={extra}
      onSubmit={submit}
      onClose={onClose}
      warning={stage === 'deed' ? t('acquisitions.dialog.deedMovesJourney') : null}
    >
      <CandidacyFacts candidacy={candidacy} />
      <NativeSelect
        label={t('acquisitions.dialog.stage')}
        data-autofocus
        data={stages.map((s) => ({ value: s, label: t(`acquisitions.stage.${s}`) }))}
        value={stage}
        onChange={(e) => set('stage')(stages.find((s) => s === e.currentTarget.value) ?? stages[0]!)}
        error={errors.stage}
      />
      <Text size="sm" c="dimmed">
        {t(`acquisitions.stageHelp.${stage}`)}
      </Text>
      <DateField label={t('acquisitions.dialog.on')} description={t('acquisitions.dialog.onHelp')} value={values.on} onChange={set('on')} error={errors.on} />

      {(stage === 'selected' || stage === 'unit_allocated' || stage === 'compromis') && (
        <NativeSelect
          label={t('acquisitions.dialog.unit')}
          description={stage === 'unit_allocated' ? t('acquisitions.dialog.unitRequired') : undefined}
          required={stage === 'unit_allocated' && !candidacy.unit}
          data={units}
          value={values.unitId}
          onChange={(e) => {
            const id = e.currentTarget.value;
            const unit = project.units.find((u) => u.id === id);
            setValues((v) => ({ ...v, unitId: id, price: !candidacy.compromis && unit?.price ? formatAmountInput(unit.price, language) : v.price }));
          }}
          error={errors.unitId}
        />
      )}

      {stage === 'compromis' && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <AmountInput label={t('acquisitions.dialog.price')} description={t('acquisitions.dialog.priceHelp')} value={values.price} onChange={(e) => set('price')(e.currentTarget.value)} error={errors['compromis.price']} />
          <AmountInput label={t('acquisitions.dialog.downPayment')} description={t('acquisitions.dialog.downPaymentHelp')} required value={values.downPayment} onChange={(e) => set('downPayment')(e.currentTarget.value)} error={errors['compromis.downPayment']} />
        </SimpleGrid>
      )}

      {stage === 'deed' && (
        <DeedFields
          values={values}
          set={set}
          errors={errors}
          maxDeferred={maxDeferred}
          simulating={simulation.isPending}
          simulationError={simulation.error}
          onPrefill={() => prefill(values)}
        />
      )}

      {stage === 'withdrawn' && (
        <>
          <NativeSelect
            label={t('acquisitions.dialog.reason')}
            required
            data={[{ value: '', label: t('acquisitions.dialog.chooseReason') }, ...(reasons.data ?? []).filter((r) => r.active).map((r) => ({ value: r.key, label: reasonName(reasons.data, r.key) }))]}
            value={values.reason}
            onChange={(e) => set('reason')(e.currentTarget.value)}
            error={errors['withdrawal.reasonKey']}
          />
          {needsConfirm && candidacy.advance && (
            <Checkbox
              label={t('acquisitions.dialog.cancelAdvance', { amount: money(candidacy.advance.amount) })}
              description={t('acquisitions.dialog.cancelAdvanceHelp')}
              checked={values.cancelAdvance}
              onChange={(e) => set('cancelAdvance')(e.currentTarget.checked)}
            />
          )}
          {candidacy.advance?.status === 'paid' && <Text size="sm">{t('acquisitions.dialog.paidAdvanceStays', { amount: money(candidacy.advance.amount) })}</Text>}
        </>
      )}
      <Textarea label={t('acquisitions.dialog.note')} autosize minRows={2} maxRows={6} value={values.note} onChange={(e) => set('note')(e.currentTarget.value)} error={errors.note} />
    </AcqForm>
  );
}

function DeedFields({
  values,
  set,
  errors,
  maxDeferred,
  simulating,
  simulationError,
  onPrefill,
}: {
  values: StageValues;
  set: <K extends keyof StageValues>(key: K) => (value: StageValues[K]) => void;
  errors: Partial<Record<AcquisitionField, string>>;
  maxDeferred: string | null;
  simulating: boolean;
  simulationError: unknown;
  onPrefill: () => void;
}) {
  const { t } = useTranslation();
  const amount = (key: 'price' | 'deferredAmount' | 'registrationDuties' | 'notaryFees' | 'vat' | 'ownFunds' | 'loanAmount' | 'monthlyPayment', path: AcquisitionField) => (
    <AmountInput label={t(`acquisitions.dialog.deed.${key}`)} value={values[key]} onChange={(e) => set(key)(e.currentTarget.value)} error={errors[path]} />
  );
  return (
    <Stack gap="md">
      <TextInput label={t('acquisitions.dialog.deed.notary')} required value={values.notary} onChange={(e) => set('notary')(e.currentTarget.value)} error={errors['deed.notary']} />
      <Checkbox label={t('acquisitions.simulator.fields.onlyHome')} checked={values.onlyHome} onChange={(e) => set('onlyHome')(e.currentTarget.checked)} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        {amount('price', 'deed.price')}
        <TextInput
          label={t('acquisitions.dialog.deed.deferredPercent')}
          description={maxDeferred ? t('acquisitions.dialog.deed.deferredMax', { max: formatPercent(maxDeferred) }) : t('acquisitions.dialog.deed.deferredNone')}
          inputMode="decimal"
          rightSection={<span aria-hidden="true">%</span>}
          value={values.deferredPercent}
          onChange={(e) => set('deferredPercent')(e.currentTarget.value)}
          error={errors['deed.deferredPercent']}
        />
        {amount('ownFunds', 'deed.ownFunds')}
        <TextInput label={t('acquisitions.dialog.deed.lender')} description={t('acquisitions.dialog.deed.lenderHelp')} value={values.lender} onChange={(e) => set('lender')(e.currentTarget.value)} error={errors['deed.loan.lender']} />
        <TextInput label={t('acquisitions.simulator.fields.annualRate')} inputMode="decimal" rightSection={<span aria-hidden="true">%</span>} value={values.annualRatePercent} onChange={(e) => set('annualRatePercent')(e.currentTarget.value)} error={errors['deed.loan.annualRate']} />
        <TextInput label={t('acquisitions.simulator.fields.years')} inputMode="numeric" value={values.years} onChange={(e) => set('years')(e.currentTarget.value)} error={errors['deed.loan.years']} />
      </SimpleGrid>
      <Group gap="sm" wrap="wrap">
        <Button variant="light" onClick={onPrefill} loading={simulating}>
          {t('acquisitions.dialog.deed.prefill')}
        </Button>
        <Text size="sm" c="dimmed" style={{ flex: '1 1 14rem' }}>
          {t('acquisitions.dialog.deed.prefillHelp')}
        </Text>
      </Group>
      {Boolean(simulationError) && <Text size="sm" c="red.8">{t('acquisitions.dialog.deed.prefillFailed')}</Text>}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        {amount('vat', 'deed.vat')}
        {amount('registrationDuties', 'deed.registrationDuties')}
        {amount('notaryFees', 'deed.notaryFees')}
        {amount('deferredAmount', 'deed.deferredAmount')}
        {amount('loanAmount', 'deed.loan.amount')}
        {amount('monthlyPayment', 'deed.loan.monthlyPayment')}
      </SimpleGrid>
    </Stack>
  );
}

// ——— money: the pot advance of the down payment, and its repayment at the deed ———

/** The pot's figures that an operation changes, before → after. */
function potLines(group: GroupDetail, delta: PotDelta | null, t: TFunction): EffectLine[] {
  if (!delta) return [];
  const after = potAfter(group.pot, delta);
  return changedFigures(group.pot, after).map((key) => ({ label: t(`savings.pot.${key}`), before: group.pot[key], after: after[key] }));
}

/** The household's group and its pot, for a money form; a sentence when it saves in no group. */
function WithGroup({ householdId, children }: { householdId: string; children: (group: GroupDetail) => ReactNode }) {
  const { t } = useTranslation();
  const savings = useHouseholdSavings(householdId);
  if (savings.isPending) return <LoadingState />;
  if (savings.isError) return <ErrorBanner error={savings.error} onRetry={() => void savings.refetch()} />;
  if (!savings.data.groupId) return <Text>{t('acquisitions.money.noGroup')}</Text>;
  return <GroupLoader groupId={savings.data.groupId}>{children}</GroupLoader>;
}

function GroupLoader({ groupId, children }: { groupId: string; children: (group: GroupDetail) => ReactNode }) {
  const group = useGroup(groupId);
  if (group.isPending) return <LoadingState />;
  if (group.isError) return <ErrorBanner error={group.error} onRetry={() => void group.refetch()} />;
  return <>{children(group.data)}</>;
}

function MoneyView({ candidacy, onView, onClose }: { candidacy: CandidacyDetail; onView: (v: View) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const advance = candidacy.advance && candidacy.advance.status !== 'cancelled' ? candidacy.advance : null;
  if (!advance) return <AdvanceForm candidacy={candidacy} onClose={onClose} />;
  const owes = advance.outstanding !== null && isPositive(advance.outstanding);
  return (
    <Stack gap="md">
      <CandidacyFacts candidacy={candidacy} />
      <AdvanceFacts candidacy={candidacy} />
      <Group justify="flex-end" gap="sm" wrap="wrap">
        <Anchor component={Link} to={`/groups/${advance.groupId}`} size="sm">
          {t('acquisitions.money.openGroup')}
        </Anchor>
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
        {advance.status === 'paid' && owes && <Button onClick={() => onView('repayment')}>{t('acquisitions.money.repay')}</Button>}
      </Group>
    </Stack>
  );
}

/** The linked advance in words: amount, status, what is still owed, when the repayment is expected. */
export function AdvanceFacts({ candidacy }: { candidacy: CandidacyDetail }) {
  const { t } = useTranslation();
  const advance = candidacy.advance;
  if (!advance) return <Text size="sm">{t('acquisitions.money.none')}</Text>;
  return (
    <Stack gap={2} data-testid="linked-advance">
      <Text size="sm">
        {t(`acquisitions.money.status.${advance.status}`, { amount: money(advance.amount) })} <DateText value={advance.paidOn ?? advance.approvedOn} />
      </Text>
      {advance.outstanding !== null &&
        (isPositive(advance.outstanding) ? (
          <Text size="sm">
            {t('acquisitions.money.outstanding')} <MoneyText value={advance.outstanding} />
          </Text>
        ) : (
          <Text size="sm">{t('acquisitions.money.repaid')}</Text>
        ))}
      {advance.repaymentExpectedOn && advance.status === 'paid' && advance.outstanding !== null && isPositive(advance.outstanding) && (
        <Text size="sm" fw={600}>
          {t('acquisitions.money.expected')} <DateText value={advance.repaymentExpectedOn} />
        </Text>
      )}
    </Stack>
  );
}

function AdvanceForm({ candidacy, onClose }: { candidacy: CandidacyDetail; onClose: () => void }) {
  return <WithGroup householdId={candidacy.householdId}>{(group) => <AdvanceFields candidacy={candidacy} group={group} onClose={onClose} />}</WithGroup>;
}

const ADVANCE_SHOWN: readonly AcquisitionField[] = ['amount', 'valueDate', 'status', 'note'];

function AdvanceFields({ candidacy, group, onClose }: { candidacy: CandidacyDetail; group: GroupDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const key = useIdempotencyKey();
  const operation = useCandidacyMoney();
  const today = todayInBrussels();
  const [amount, setAmount] = useState(candidacy.compromis ? formatAmountInput(candidacy.compromis.downPayment, language) : '');
  const [valueDate, setValueDate] = useState(candidacy.compromis && candidacy.compromis.on <= today ? candidacy.compromis.on : today);
  const [status, setStatus] = useState<'approved' | 'paid'>('paid');
  const [note, setNote] = useState('');
  const errors = acquisitionFieldErrors(operation.error, t);
  const value = previewAmount(normaliseAmount(amount));
  const lines = potLines(group, value ? advanceDelta(value, status) : null, t);
  const tooMuch = value !== null && compareAmounts(value, group.pot.available) > 0;
  const submit = () =>
    operation.mutate(
      {
        path: moneyPaths.advance(group.id),
        body: { householdId: candidacy.householdId, candidacyId: candidacy.id, amount: normaliseAmount(amount), valueDate, status, ...(note.trim() ? { note: note.trim() } : {}) },
        idempotencyKey: key,
      },
      {
        onSuccess: () => {
          notifySuccess(t(status === 'paid' ? 'acquisitions.money.donePaid' : 'acquisitions.money.doneApproved', { amount: money(normaliseAmount(amount)), name: candidacy.household.displayName }));
          onClose();
        },
      },
    );
  return (
    <AcqForm
      submitLabel={status === 'paid' ? t('acquisitions.money.submitPaid') : t('acquisitions.money.submitApproved')}
      submitting={operation.isPending}
      error={operation.error}
      extraErrors={otherAcquisitionErrors(operation.error, ADVANCE_SHOWN)}
      effect={<EffectSummary lines={lines} />}
      warning={tooMuch ? t('savings.advance.tooMuch', { available: money(group.pot.available) }) : null}
      onSubmit={submit}
      onClose={onClose}
    >
      <CandidacyFacts candidacy={candidacy} />
      <Text size="sm">{t('acquisitions.money.intro', { group: group.name })}</Text>
      <AmountInput label={t('acquisitions.money.amount')} description={t('acquisitions.money.amountHelp', { available: money(group.pot.available) })} required data-autofocus value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.amount} />
      <Radio.Group label={t('savings.advance.status')} value={status} onChange={(v) => setStatus(v === 'approved' ? 'approved' : 'paid')} error={errors.status}>
        <Stack gap="xs" mt={4}>
          <Radio value="paid" label={t('savings.advance.statuses.paid')} description={t('savings.advance.statusHelp.paid')} />
          <Radio value="approved" label={t('savings.advance.statuses.approved')} description={t('savings.advance.statusHelp.approved')} />
        </Stack>
      </Radio.Group>
      <DateField label={status === 'paid' ? t('savings.advance.paidOn') : t('savings.advance.approvedOn')} value={valueDate} onChange={setValueDate} error={errors.valueDate} />
      <TextInput label={t('savings.fields.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
    </AcqForm>
  );
}

function RepaymentForm({ candidacy, onClose }: { candidacy: CandidacyDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const advance = candidacy.advance;
  if (!advance || advance.status !== 'paid' || advance.outstanding === null || !isPositive(advance.outstanding)) {
    return (
      <Stack gap="md">
        <AdvanceFacts candidacy={candidacy} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return <WithGroup householdId={candidacy.householdId}>{(group) => <RepaymentFields candidacy={candidacy} outstanding={advance.outstanding ?? '0.00'} advanceId={advance.id} group={group} onClose={onClose} />}</WithGroup>;
}

function RepaymentFields({ candidacy, outstanding, advanceId, group, onClose }: { candidacy: CandidacyDetail; outstanding: string; advanceId: string; group: GroupDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const key = useIdempotencyKey();
  const operation = useCandidacyMoney();
  const today = todayInBrussels();
  const deedOn = candidacy.acquisition?.deedOn ?? null;
  const [amount, setAmount] = useState(formatAmountInput(outstanding, currentLanguage()));
  const [valueDate, setValueDate] = useState(deedOn && deedOn <= today ? deedOn : today);
  const [note, setNote] = useState('');
  const errors = acquisitionFieldErrors(operation.error, t);
  const value = previewAmount(normaliseAmount(amount));
  const lines = potLines(group, value ? repaymentDelta(value) : null, t);
  if (value) lines.push({ label: t('savings.effect.advanceOutstanding', { name: candidacy.household.displayName }), before: outstanding, after: subtractAmounts(outstanding, value) });
  const submit = () =>
    operation.mutate(
      { path: moneyPaths.repayment(advanceId), body: { amount: normaliseAmount(amount), valueDate, ...(note.trim() ? { note: note.trim() } : {}) }, idempotencyKey: key },
      {
        onSuccess: () => {
          notifySuccess(t('savings.repayment.done', { amount: money(normaliseAmount(amount)) }));
          onClose();
        },
      },
    );
  return (
    <AcqForm
      submitLabel={t('savings.repayment.submit')}
      submitting={operation.isPending}
      error={operation.error}
      extraErrors={otherAcquisitionErrors(operation.error, ADVANCE_SHOWN)}
      effect={<EffectSummary lines={lines} />}
      warning={value && compareAmounts(value, outstanding) > 0 ? t('savings.repayment.tooMuch', { outstanding: money(outstanding) }) : null}
      onSubmit={submit}
      onClose={onClose}
    >
      <AdvanceFacts candidacy={candidacy} />
      <Text size="sm">{deedOn ? t('acquisitions.money.repaymentIntroDeed') : t('acquisitions.money.repaymentIntro')}</Text>
      <AmountInput label={t('savings.fields.amount')} description={t('savings.repayment.amountHelp')} required data-autofocus value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.amount} />
      <DateField label={t('savings.fields.valueDate')} value={valueDate} onChange={setValueDate} error={errors.valueDate} />
      <TextInput label={t('savings.fields.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
    </AcqForm>
  );
}
