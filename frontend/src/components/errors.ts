/** Turns API problems into translated messages: one message per problem `code`, one hint per field. */
import type { TFunction } from 'i18next';
import { ApiError, type FieldError } from '../api/client';
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from '../api/types';

const KNOWN_CODES = [
  'invalid_credentials',
  'too_many_attempts',
  'unauthenticated',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'email_taken',
  'cannot_change_self',
  'reference_conflict',
  'constraint_violation',
  'invalid_value',
  'value_out_of_range',
  'value_too_long',
  'retry',
  'origin_refused',
  'route_not_found',
  'database_unavailable',
  'invalid_activation_code',
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'network_error',
  'internal_error',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

const FIELD_NAMES = [
  ...HOUSEHOLD_FIELDS,
  'members',
  ...MEMBER_FIELDS,
  'flags',
  'name',
  'role',
  'password',
  'currentPassword',
  'newPassword',
  'code',
  'reference',
] as const;
type FieldName = (typeof FIELD_NAMES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

function isFieldName(name: string): name is FieldName {
  return (FIELD_NAMES as readonly string[]).includes(name);
}

/** The translated sentence for a problem, by its stable `code` (falls back on the HTTP status). */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.codes.unknown');
  if (error.code === 'too_many_attempts' && error.retryAfter) {
    return t('errors.tooManyAttemptsWait', { count: Math.max(1, Math.ceil(error.retryAfter / 60)) });
  }
  if (isKnownCode(error.code)) return t(`errors.codes.${error.code}`);
  if (error.status === 404) return t('errors.codes.not_found');
  if (error.status === 403) return t('errors.codes.forbidden');
  if (error.status >= 500) return t('errors.codes.internal_error');
  return t('errors.codes.unknown');
}

/** The translated hint for an invalid field, chosen by the last named segment of its path. */
export function fieldMessage(path: string, t: TFunction): string {
  const segments = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  const last = segments[segments.length - 1] ?? '';
  return isFieldName(last) ? t(`errors.field.${last}`) : t('errors.field.invalid');
}

/** Field errors of a problem keyed by their dotted path, with translated hints. */
export function fieldErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const item of error.errors) {
    if (!(item.path in result)) result[item.path] = fieldMessage(item.path, t);
  }
  return result;
}

/** Field errors whose path is not shown by any input of the form (listed in the banner instead). */
export function unmatchedFieldErrors(error: unknown, shownPaths: (path: string) => boolean): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.filter((item) => !shownPaths(item.path));
}
