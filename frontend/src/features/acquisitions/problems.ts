/**
 * API problems of the acquisitions API in the reader's language, by their stable `code` (the server's
 * `detail` is English and never shown), and hints for the fields of the acquisitions forms, by path.
 * Money refusals of the pot (insufficient_pot, …) are said as the savings pages say them.
 */
import type { TFunction } from 'i18next';
import { ApiError, type FieldError } from '../../api/client';
import { savingsProblemMessage } from '../savings/problems';

/** Problem codes of the acquisitions API, each with its own sentence in acquisitions.problems.*. */
export const ACQUISITION_CODES = [
  'candidacy_exists',
  'stage_out_of_order',
  'stage_recorded',
  'candidacy_completed',
  'candidacy_closed',
  'unit_taken',
  'advance_approved',
  'candidacy_before_compromis',
  'name_taken',
  'label_taken',
  'rule_exists',
] as const;
type AcquisitionCode = (typeof ACQUISITION_CODES)[number];

/** Paths of the acquisitions forms' fields, each with its own hint in acquisitions.fieldErrors.*. */
export const ACQUISITION_FIELDS = [
  'on',
  'note',
  'stage',
  'unitId',
  'householdId',
  'candidacyId',
  'amount',
  'valueDate',
  'status',
  'price',
  'compromisOn',
  'onlyHome',
  'ownFunds',
  'deferredPercent',
  'vat.rate',
  'vat.landShare',
  'loan.annualRate',
  'loan.years',
  'compromis.price',
  'compromis.downPayment',
  'deed.notary',
  'deed.price',
  'deed.deferredPercent',
  'deed.deferredAmount',
  'deed.registrationDuties',
  'deed.notaryFees',
  'deed.vat',
  'deed.ownFunds',
  'deed.loan.lender',
  'deed.loan.amount',
  'deed.loan.annualRate',
  'deed.loan.years',
  'deed.loan.monthlyPayment',
  'withdrawal.reasonKey',
] as const;
export type AcquisitionField = (typeof ACQUISITION_FIELDS)[number];

const isCode = (code: string): code is AcquisitionCode => (ACQUISITION_CODES as readonly string[]).includes(code);
const isField = (path: string): path is AcquisitionField => (ACQUISITION_FIELDS as readonly string[]).includes(path);

/** The translated sentence for a problem of an acquisitions form (pot refusals as the savings pages say them). */
export function acquisitionProblemMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && isCode(error.code)) return t(`acquisitions.problems.${error.code}`);
  return savingsProblemMessage(error, t);
}

/** Translated hints of the invalid fields, keyed by path (`deed.loan.years`). */
export function acquisitionFieldErrors(error: unknown, t: TFunction): Partial<Record<AcquisitionField, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<AcquisitionField, string>> = {};
  for (const item of error.errors) {
    const path = item.path.replace(/^(?:body\.)/, '');
    if (isField(path) && !out[path]) out[path] = t(`acquisitions.fieldErrors.${path}`);
  }
  return out;
}

/** Field errors whose path the form does not show next to an input (listed in the banner). */
export function otherAcquisitionErrors(error: unknown, shown: readonly AcquisitionField[]): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.filter((item) => !(shown as readonly string[]).includes(item.path));
}

/** A hint for a field error no input shows. */
export function otherAcquisitionMessage(item: FieldError, t: TFunction): string {
  return isField(item.path) ? t(`acquisitions.fieldErrors.${item.path}`) : t('errors.field.invalid');
}
