/** Pure helpers between the new-advance form (strings, as typed) and POST /api/rental-deposits. No fetching, no React. */
import type { CreateDepositBody } from '../../api/rentalDeposits';
import type { DecimalString } from '../../api/types';
import { normaliseAmount } from '../../i18n/format';
import { addAmounts, isAmount, isPositive } from '../savings/amounts';
import { addMonths } from '../savings/dates';

/** How the repayment plan is given: a monthly instalment, or a number of months. */
export type PlanKind = 'instalment' | 'months';

/** The fields of the new-advance form, as typed. */
export interface NewDepositValues {
  householdId: string;
  landlordName: string;
  landlordPhone: string;
  landlordEmail: string;
  address: string;
  monthlyRent: string;
  amount: string;
  openedOn: string;
  bank: string;
  blockedAccountReference: string;
  planKind: PlanKind;
  instalment: string;
  months: string;
  firstDueOn: string;
}

/** The form's fields that show an error next to their input (other field errors go to the banner). */
export const NEW_DEPOSIT_FIELDS = [
  'householdId',
  'landlordName',
  'landlordPhone',
  'landlordEmail',
  'address',
  'monthlyRent',
  'amount',
  'openedOn',
  'bank',
  'blockedAccountReference',
  'instalment',
  'months',
  'firstDueOn',
] as const;
export type NewDepositField = (typeof NEW_DEPOSIT_FIELDS)[number];

/** The API's field paths (RFC 9457 `errors[].path`) → the form's fields. */
const PATHS: Record<string, NewDepositField> = {
  householdId: 'householdId',
  landlord: 'landlordName',
  'landlord.name': 'landlordName',
  'landlord.phone': 'landlordPhone',
  'landlord.email': 'landlordEmail',
  address: 'address',
  monthlyRent: 'monthlyRent',
  amount: 'amount',
  openedOn: 'openedOn',
  bank: 'bank',
  blockedAccountReference: 'blockedAccountReference',
  plan: 'instalment',
  'plan.instalment': 'instalment',
  'plan.months': 'months',
  firstDueOn: 'firstDueOn',
};

/** The form field an API field path belongs to, or null when no input shows it. */
export function fieldOfPath(path: string, planKind: PlanKind): NewDepositField | null {
  if (path === 'plan') return planKind === 'months' ? 'months' : 'instalment';
  return PATHS[path] ?? null;
}

/** The first day of the month after `openedOn`: the usual first due date. */
export function defaultFirstDueOn(openedOn: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(openedOn) ? `${addMonths(openedOn.slice(0, 7), 1)}-01` : '';
}

/** The form's starting values: opened today, first instalment at the start of next month, a monthly instalment. */
export function initialDepositValues(today: string, householdId = ''): NewDepositValues {
  return {
    householdId,
    landlordName: '',
    landlordPhone: '',
    landlordEmail: '',
    address: '',
    monthlyRent: '',
    amount: '',
    openedOn: today,
    bank: '',
    blockedAccountReference: '',
    planKind: 'instalment',
    instalment: '',
    months: '',
    firstDueOn: defaultFirstDueOn(today),
  };
}

/**
 * Two months' rent (the Brussels legal maximum of a guarantee on a blocked account, and the usual
 * amount) from the rent as typed, exactly; null while the rent cannot be read.
 */
export function twoMonthsRent(monthlyRentInput: string): DecimalString | null {
  const rent = normaliseAmount(monthlyRentInput);
  return isAmount(rent) && isPositive(rent) ? addAmounts(rent, rent) : null;
}

const trimmed = (value: string) => value.trim();

/**
 * The body of POST /api/rental-deposits. Texts are trimmed and optional ones left out when empty;
 * amounts go as decimal strings, the months as a whole number. Anything unreadable is sent as typed
 * so the API reports it on its field.
 */
export function newDepositBody(values: NewDepositValues): CreateDepositBody {
  const landlord: CreateDepositBody['landlord'] = { name: trimmed(values.landlordName) };
  if (trimmed(values.landlordPhone)) landlord.phone = trimmed(values.landlordPhone);
  if (trimmed(values.landlordEmail)) landlord.email = trimmed(values.landlordEmail);
  const months = trimmed(values.months);
  const body: CreateDepositBody = {
    householdId: values.householdId,
    landlord,
    address: trimmed(values.address),
    monthlyRent: normaliseAmount(values.monthlyRent),
    amount: normaliseAmount(values.amount),
    openedOn: values.openedOn,
    plan: values.planKind === 'months' ? { months: /^\d+$/.test(months) ? Number(months) : Number.NaN } : { instalment: normaliseAmount(values.instalment) },
    firstDueOn: values.firstDueOn,
  };
  if (trimmed(values.bank)) body.bank = trimmed(values.bank);
  if (trimmed(values.blockedAccountReference)) body.blockedAccountReference = trimmed(values.blockedAccountReference);
  return body;
}
