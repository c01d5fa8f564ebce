/**
 * Exact arithmetic on the API's decimal strings, for the effect a dialog previews before posting
 * ("Pot cash 1 600,00 € → 100,00 €"). Amounts are held as whole cents in a BigInt, never as a JS number;
 * the server recomputes everything and decides.
 */
import type { DecimalString } from '../../api/types';

const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** True when `value` is a decimal string with at most two decimals ("125", "125.5", "-3.25"). */
export function isAmount(value: string): boolean {
  return AMOUNT.test(value);
}

/** Whole cents of a decimal string with at most two decimals; throws on anything else. */
export function toCents(value: DecimalString): bigint {
  const match = AMOUNT.exec(value);
  if (!match) throw new Error(`not an amount: ${value}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** The decimal string ("1600.00") of a number of cents. */
export function fromCents(cents: bigint): DecimalString {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole.toString()}.${fraction}`;
}

/** a + b + …, exactly. */
export function addAmounts(...values: DecimalString[]): DecimalString {
  return fromCents(values.reduce((total, value) => total + toCents(value), 0n));
}

/** a − b, exactly. */
export function subtractAmounts(a: DecimalString, b: DecimalString): DecimalString {
  return fromCents(toCents(a) - toCents(b));
}

/** −a. */
export function negateAmount(a: DecimalString): DecimalString {
  return fromCents(-toCents(a));
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function compareAmounts(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  const d = toCents(a) - toCents(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** The smaller of two amounts. */
export function minAmount(a: DecimalString, b: DecimalString): DecimalString {
  return compareAmounts(a, b) <= 0 ? a : b;
}

/** True when the amount is strictly above zero. */
export function isPositive(a: DecimalString): boolean {
  return toCents(a) > 0n;
}

/** True when the amount is zero. */
export function isZero(a: DecimalString): boolean {
  return toCents(a) === 0n;
}
