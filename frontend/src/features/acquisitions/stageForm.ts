/**
 * Pure helpers between the "move a candidacy" dialog (strings, as typed) and
 * POST /api/candidacies/:id/stages: which stages a candidacy can move to, the dialog's starting
 * values (the deed pre-filled from a simulation), and the body for each stage. No fetching, no React.
 */
import { FORWARD_STAGES, type CandidacyDetail, type CandidacyStage, type DeedBody, type Simulation, type StageBody } from '../../api/acquisitions';
import type { Language } from '../../api/types';
import { normaliseAmount } from '../../i18n/format';
import { addAmounts } from '../savings/amounts';
import { amountInput, percentToRate, rateToPercentInput } from './simulatorForm';

/** The dialog's inputs as typed; only those of the chosen stage are sent. */
export interface StageValues {
  stage: CandidacyStage;
  on: string;
  note: string;
  unitId: string;
  price: string;
  downPayment: string;
  notary: string;
  onlyHome: boolean;
  deferredPercent: string;
  deferredAmount: string;
  registrationDuties: string;
  notaryFees: string;
  vat: string;
  ownFunds: string;
  lender: string;
  loanAmount: string;
  annualRatePercent: string;
  years: string;
  monthlyPayment: string;
  reason: string;
  cancelAdvance: boolean;
}

/** The stages a candidacy can move to: any later stage (stages may be skipped forward), or withdrawn. */
export function nextStages(current: CandidacyStage): CandidacyStage[] {
  if (current === 'withdrawn' || current === 'moved_in') return [];
  const index = FORWARD_STAGES.indexOf(current);
  return [...FORWARD_STAGES.slice(index + 1), 'withdrawn'];
}

/** The stage a dialog proposes first: the next one in order. */
export function proposedStage(current: CandidacyStage): CandidacyStage | null {
  return nextStages(current)[0] ?? null;
}

/** The dialog's starting values: the next stage, today, the compromis price for the deed, the unit held. */
export function initialStageValues(candidacy: { currentStage: CandidacyStage; compromis: CandidacyDetail['compromis']; unit: { id: string } | null }, today: string, language: Language, stage?: CandidacyStage): StageValues {
  const price = candidacy.compromis?.price ?? null;
  return {
    stage: stage ?? proposedStage(candidacy.currentStage) ?? 'withdrawn',
    on: today,
    note: '',
    unitId: candidacy.unit?.id ?? '',
    price: amountInput(price, language),
    downPayment: amountInput(candidacy.compromis?.downPayment, language),
    notary: '',
    onlyHome: true,
    deferredPercent: '',
    deferredAmount: '',
    registrationDuties: '',
    notaryFees: '',
    vat: '',
    ownFunds: '',
    lender: '',
    loanAmount: '',
    annualRatePercent: '',
    years: '',
    monthlyPayment: '',
    reason: '',
    cancelAdvance: false,
  };
}

/**
 * The deed's figures filled from a simulation (the lines the server computed). The notary fees of a
 * deed are everything paid to the notary except duties: the fee on the scale, its VAT and the admin
 * costs, added exactly on the decimal strings.
 */
export function deedValuesFromSimulation(
  values: StageValues,
  simulation: Simulation,
  asked: { annualRate: string; years: number; deferredPercent?: string },
  language: Language,
): StageValues {
  return {
    ...values,
    price: amountInput(simulation.price, language),
    deferredPercent: asked.deferredPercent ? rateToPercentInput(asked.deferredPercent, language) : '',
    deferredAmount: amountInput(simulation.deferredAmount, language),
    registrationDuties: amountInput(simulation.registrationDuties, language),
    notaryFees: amountInput(addAmounts(simulation.notaryFees, simulation.notaryFeesVat, simulation.adminCosts), language),
    vat: amountInput(simulation.vat, language),
    ownFunds: amountInput(simulation.ownFunds, language),
    loanAmount: amountInput(simulation.loanAmount, language),
    annualRatePercent: rateToPercentInput(asked.annualRate, language),
    years: String(asked.years),
    monthlyPayment: amountInput(simulation.monthlyPayment, language),
  };
}

/** Sets `key` on `target` when the typed text is not empty. */
function typed<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | '') {
  if (value !== '') target[key] = value as T[K];
}

/**
 * The deed part of a stage body: only the figures typed in; the server pre-fills every figure left
 * out with the simulator's rules (on the compromis date). The loan goes only with a rate and years.
 */
export function deedBody(values: StageValues): DeedBody {
  const deed: DeedBody = { onlyHome: values.onlyHome };
  typed(deed, 'notary', values.notary.trim());
  typed(deed, 'price', normaliseAmount(values.price));
  typed(deed, 'deferredPercent', percentToRate(values.deferredPercent));
  typed(deed, 'deferredAmount', normaliseAmount(values.deferredAmount));
  typed(deed, 'registrationDuties', normaliseAmount(values.registrationDuties));
  typed(deed, 'notaryFees', normaliseAmount(values.notaryFees));
  typed(deed, 'vat', normaliseAmount(values.vat));
  typed(deed, 'ownFunds', normaliseAmount(values.ownFunds));
  const rate = percentToRate(values.annualRatePercent);
  const years = values.years.trim();
  if (rate !== '' || years !== '') {
    const loan: NonNullable<DeedBody['loan']> = { annualRate: rate, years: /^\d{1,3}$/.test(years) ? Number.parseInt(years, 10) : Number.NaN };
    typed(loan, 'lender', values.lender.trim());
    typed(loan, 'amount', normaliseAmount(values.loanAmount));
    typed(loan, 'monthlyPayment', normaliseAmount(values.monthlyPayment));
    deed.loan = loan;
  }
  return deed;
}

/**
 * The body of POST /api/candidacies/:id/stages for the chosen stage: the date and note always; the
 * unit for unit_allocated (and the compromis, when one is chosen); price and down payment for the
 * compromis; the deed's figures for the deed; the reason and the explicit "cancel the approved
 * advance" for a withdrawal.
 */
export function stageBody(values: StageValues): StageBody {
  const body: StageBody = { stage: values.stage, on: values.on.trim() };
  const note = values.note.trim();
  if (note) body.note = note;
  switch (values.stage) {
    case 'selected':
    case 'unit_allocated':
      if (values.unitId) body.unitId = values.unitId;
      break;
    case 'compromis': {
      if (values.unitId) body.unitId = values.unitId;
      const compromis: NonNullable<StageBody['compromis']> = { downPayment: normaliseAmount(values.downPayment) };
      typed(compromis, 'price', normaliseAmount(values.price));
      body.compromis = compromis;
      break;
    }
    case 'deed':
      body.deed = deedBody(values);
      break;
    case 'withdrawn':
      body.withdrawal = { reasonKey: values.reason, ...(values.cancelAdvance ? { confirmCancelAdvance: true } : {}) };
      break;
    default:
      break;
  }
  return body;
}

/** True when withdrawing would touch an advance that was approved and not paid (the dialog then asks to confirm its cancellation). */
export function withdrawalCancelsAdvance(candidacy: Pick<CandidacyDetail, 'advance'>): boolean {
  return candidacy.advance?.status === 'approved';
}
