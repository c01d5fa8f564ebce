/**
 * API problems of the rental-deposit API in the reader's language, by their stable `code` (the
 * server's `detail` is English and never shown), and hints for the fields of its forms and dialogs.
 */
import type { TFunction } from 'i18next';
import { ApiError, type FieldError } from '../../api/client';
import { problemMessage } from '../../components/errors';
import { fieldOfPath, type NewDepositField, type PlanKind } from './depositForm';

/** Problem codes of the rental-deposit API, each with its own sentence in rentalDeposits.problems.*. */
export const RENTAL_CODES = [
  'insufficient_fund',
  'more_than_owed',
  'already_released',
  'not_released',
  'deposit_cancelled',
  'written_off_after_release',
  'release_in_closed_month',
  'reverse_release_entry',
  'released_after_opening',
  'month_closed',
  'month_not_ended',
  'already_closed',
  'already_reversed',
  'cannot_reverse_reversal',
  'reversal_overdraws',
  'idempotency_key_reused',
  'conflict',
] as const;
type RentalCode = (typeof RENTAL_CODES)[number];

/** Fields of the dialogs (repayment, release, write-off, contribution, closing, reversal, fund). */
export const DIALOG_FIELDS = ['amount', 'valueDate', 'bankReference', 'note', 'reason', 'releasedOn', 'landlordKept', 'month', 'name', 'iban'] as const;
export type DialogField = (typeof DIALOG_FIELDS)[number];

function isRentalCode(code: string): code is RentalCode {
  return (RENTAL_CODES as readonly string[]).includes(code);
}

function isDialogField(path: string): path is DialogField {
  return (DIALOG_FIELDS as readonly string[]).includes(path);
}

/** A field's name in a body or a query: the release preview's errors are named `query.landlordKept`. */
function fieldName(path: string): string {
  return path.startsWith('query.') ? path.slice('query.'.length) : path;
}

/** The translated sentence for a rental-deposit problem; other problems as the rest of the app says them. */
export function rentalProblemMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && isRentalCode(error.code)) return t(`rentalDeposits.problems.${error.code}`);
  return problemMessage(error, t);
}

/** Translated hints of the invalid fields a dialog shows, keyed by field name. */
export function dialogFieldErrors(error: unknown, t: TFunction): Partial<Record<DialogField, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<DialogField, string>> = {};
  for (const item of error.errors) {
    const name = fieldName(item.path);
    if (isDialogField(name) && !out[name]) out[name] = t(`rentalDeposits.fieldErrors.${name}`);
  }
  return out;
}

/** Field errors a dialog does not show next to an input (listed in its banner). */
export function otherDialogErrors(error: unknown, shown: readonly DialogField[]): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.filter((item) => !(shown as readonly string[]).includes(fieldName(item.path)));
}

/** A translated hint for a field error no input shows. */
export function otherFieldMessage(item: FieldError, t: TFunction): string {
  const name = fieldName(item.path);
  return isDialogField(name) ? t(`rentalDeposits.fieldErrors.${name}`) : t('errors.field.invalid');
}

/**
 * Translated hints of the new-advance form, keyed by its fields (the API's `landlord.name` is the
 * form's landlordName, `plan.months` its months). The API refuses an amount above the legal maximum
 * on the amount field, so that field's hint names the maximum too.
 */
export function newDepositFieldErrors(error: unknown, planKind: PlanKind, t: TFunction): { fields: Partial<Record<NewDepositField, string>>; other: FieldError[] } {
  const fields: Partial<Record<NewDepositField, string>> = {};
  const other: FieldError[] = [];
  if (!(error instanceof ApiError)) return { fields, other };
  for (const item of error.errors) {
    const field = fieldOfPath(item.path, planKind);
    if (field === null) other.push(item);
    else if (!fields[field]) fields[field] = t(`rentalDeposits.form.fieldErrors.${field}`);
  }
  return { fields, other };
}
