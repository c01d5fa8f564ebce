import { Decimal } from 'decimal.js';
import { z } from 'zod';

/**
 * The one Decimal the application uses for money: 40 significant digits, half-up rounding.
 * Amounts are euros; a rounded amount has exactly two decimals (cents).
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
/** A money value (euros) — always this type in code, never a JavaScript number. */
export type Money = InstanceType<typeof Money>;

/** Largest amount NUMERIC(14,2) can store: 999,999,999,999.99 euros. */
export const MAX_AMOUNT = new Money('999999999999.99');

const MONEY_PATTERN = /^-?\d{1,12}(\.\d{1,2})?$/;

/** Parses a decimal string of euros ("1234.5", "-0.05"); throws on anything else, including JavaScript numbers. */
export function parseMoney(value: unknown): Money {
  if (typeof value !== 'string' || !MONEY_PATTERN.test(value)) {
    throw new TypeError(`not a money amount: ${JSON.stringify(value)}`);
  }
  return new Money(value);
}

/** Rounds to cents, half-up (0.005 → 0.01, -0.005 → -0.01). */
export function roundCents(value: Money | string): Money {
  return new Money(value).toDecimalPlaces(2, Money.ROUND_HALF_UP);
}

/** The fixed-scale string for JSON and SQL: "1234.50". Rounds to cents half-up. */
export function formatAmount(value: Money | string): string {
  return roundCents(value).toFixed(2);
}

/** Like formatAmount, but null stays null (optional amounts in presenters). */
export function formatOptionalAmount(value: Money | string | null | undefined): string | null {
  return value === null || value === undefined ? null : formatAmount(value);
}

/** Sums amounts exactly. */
export function sum(values: Iterable<Money | string>): Money {
  let total = new Money(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Splits an amount of euros into parts proportional to weights, in cents, so that the parts add up
 * exactly to the total (largest-remainder method; ties go to the earlier part). The total must have
 * at most two decimals; weights must be ≥ 0 and not all zero. Negative totals are split like their
 * absolute value, with every part negated.
 */
export function allocate(total: Money | string, weights: ReadonlyArray<Money | string | number>): Money[] {
  const t = new Money(total);
  if (!t.isFinite()) throw new RangeError('allocate: total must be finite');
  if (!t.equals(t.toDecimalPlaces(2))) throw new RangeError('allocate: total must be whole cents');
  if (weights.length === 0) throw new RangeError('allocate: no parts');
  const w = weights.map((x) => new Money(x));
  if (w.some((x) => !x.isFinite())) throw new RangeError('allocate: weights must be finite');
  if (w.some((x) => x.lt(0))) throw new RangeError('allocate: negative weight');
  const weightSum = sum(w);
  if (weightSum.isZero()) throw new RangeError('allocate: weights sum to zero');
  const sign = t.isNegative() ? -1 : 1;
  const cents = t.abs().times(100);
  const exact = w.map((x) => cents.times(x).dividedBy(weightSum));
  const floors = exact.map((x) => x.floor());
  let left = cents.minus(sum(floors)).toNumber(); // a count of cents smaller than the number of parts
  const order = exact
    .map((x, i) => ({ i, rest: x.minus(floors[i]!) }))
    .sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  const result = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    result[i] = result[i]!.plus(1);
    left -= 1;
  }
  return result.map((c) => c.dividedBy(100).times(sign));
}

/** zod schema of a request amount: a decimal string with at most two decimals, never a JSON number. */
export function moneyString(opts: { min?: 'positive' | 'nonNegative' } = {}) {
  // The range checks only read strings that already have the money format (else Decimal would throw).
  const wellFormed = (v: string) => MONEY_PATTERN.test(v);
  return z
    .string({ error: (iss) => (iss.input === undefined ? 'Required' : 'Must be a decimal string such as "125.00"') })
    .regex(MONEY_PATTERN, 'Must be a decimal string with at most two decimals, such as "125.00"')
    .refine((v) => !wellFormed(v) || new Money(v).abs().lte(MAX_AMOUNT), 'Amount is too large')
    .refine((v) => !wellFormed(v) || opts.min !== 'positive' || new Money(v).gt(0), 'Must be greater than zero')
    .refine((v) => !wellFormed(v) || opts.min !== 'nonNegative' || new Money(v).gte(0), 'Must not be negative');
}
