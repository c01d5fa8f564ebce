/**
 * API problems of the savings API in the reader's language, by their stable `code` (the server's
 * `detail` is English and never shown), and hints for the fields of the savings forms.
 */
import type { TFunction } from 'i18next';
import { ApiError, type FieldError } from '../../api/client';
import { problemMessage } from '../../components/errors';

/** Problem codes of the savings API, each with its own sentence in savings.problems.*. */
export const SAVINGS_CODES = [
  'insufficient_pot',
  'month_closed',
  'refund_not_due',
  'advance_outstanding',
  'advance_open',
  'advance_not_approved',
  'advance_not_paid',
  'advance_has_repayments',
  'exceeds_outstanding',
  'not_a_member',
  'already_member',
  'member_of_another_group',
  'already_left',
  'member_left',
  'nothing_to_refund',
  'cannot_reverse_reversal',
  'already_reversed',
  'reversal_would_overdraw',
  'month_not_ended',
  'already_closed',
  'idempotency_key_reused',
  'conflict',
] as const;
type SavingsCode = (typeof SAVINGS_CODES)[number];

/** Fields of the savings forms, each with its own hint in savings.fieldErrors.*. */
export const SAVINGS_FIELDS = [
  'name',
  'cohort',
  'startsOn',
  'endsOn',
  'monthlyAmount',
  'exitPolicy',
  'exitCost',
  'amount',
  'from',
  'householdId',
  'joinedOn',
  'leftOn',
  'officerRole',
  'target',
  'valueDate',
  'bankReference',
  'note',
  'status',
  'reason',
  'month',
  'on',
] as const;
export type SavingsField = (typeof SAVINGS_FIELDS)[number];

function isSavingsCode(code: string): code is SavingsCode {
  return (SAVINGS_CODES as readonly string[]).includes(code);
}

function isSavingsField(path: string): path is SavingsField {
  return (SAVINGS_FIELDS as readonly string[]).includes(path);
}

/** The translated sentence for a savings problem; other problems as the rest of the app says them. */
export function savingsProblemMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && isSavingsCode(error.code)) return t(`savings.problems.${error.code}`);
  return problemMessage(error, t);
}

/** Translated hints of the invalid fields a form shows, keyed by field name. */
export function savingsFieldErrors(error: unknown, t: TFunction): Partial<Record<SavingsField, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<SavingsField, string>> = {};
  for (const item of error.errors) if (isSavingsField(item.path) && !out[item.path]) out[item.path] = t(`savings.fieldErrors.${item.path}`);
  return out;
}

/** Field errors that the form does not show next to an input (listed in the banner). */
export function otherFieldErrors(error: unknown, shown: readonly SavingsField[]): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.filter((item) => !(shown as readonly string[]).includes(item.path));
}

/** A translated hint for a field error no input shows. */
export function otherFieldMessage(item: FieldError, t: TFunction): string {
  return isSavingsField(item.path) ? t(`savings.fieldErrors.${item.path}`) : t('errors.field.invalid');
}
