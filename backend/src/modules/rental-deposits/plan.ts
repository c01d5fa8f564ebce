/**
 * A rental advance's repayment plan and what it says on a date: pure arithmetic on Decimal, no I/O.
 * - The schedule: monthly instalments from a first due date that always sum exactly to the amount.
 * - Settlement: everything that reduced the debt (repayments, the released guarantee, write-offs)
 *   covers the instalments oldest first; arrears are the instalments due before the date not covered.
 * - The release: what the landlord releases clears the debt first; the rest is the tenant's.
 */
import { addMonths, daysBetween, monthEnd } from '../../lib/dates.ts';
import { Money } from '../../lib/money.ts';

/** At most this many instalments in a plan (ten years). */
export const MAX_INSTALMENTS = 120;

export type Plan = { instalment: Money | string } | { months: number };

export interface Instalment {
  number: number;
  dueOn: string;
  amount: Money;
}

/** The same day of the month n months later, or that month's last day when it is shorter. */
export function sameDayMonthsLater(date: string, n: number): string {
  const month = addMonths(date.slice(0, 7), n);
  const last = monthEnd(month);
  const day = Math.min(Number(date.slice(8, 10)), Number(last.slice(8, 10)));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** How many instalments a plan has for an amount (a larger instalment than the amount is one instalment). */
export function instalmentCount(amount: Money | string, plan: Plan): number {
  if ('months' in plan) return plan.months;
  return new Money(amount).dividedBy(plan.instalment).toDecimalPlaces(0, Money.ROUND_UP).toNumber();
}

/**
 * The instalments of a plan. With a monthly instalment, every one is that amount but the last, which
 * is what remains (smaller or equal). With a number of months, each is the amount divided by the months
 * rounded down to the cent, and the rounding remainder goes on the last one.
 */
export function schedulePlan(amount: Money | string, plan: Plan, firstDueOn: string): Instalment[] {
  const total = new Money(amount);
  const count = instalmentCount(total, plan);
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTALMENTS) throw new RangeError(`a plan has 1 to ${MAX_INSTALMENTS} instalments, not ${count}`);
  const regular = 'months' in plan ? total.dividedBy(count).toDecimalPlaces(2, Money.ROUND_DOWN) : Money.min(new Money(plan.instalment), total);
  // Fewer cents than months would plan instalments of €0.00 (and the database refuses them).
  if (!regular.gt(0)) throw new RangeError(`${total.toFixed(2)} cannot be split into ${count} instalments of at least 0.01`);
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    dueOn: sameDayMonthsLater(firstDueOn, i),
    amount: i === count - 1 ? total.minus(regular.times(count - 1)) : regular,
  }));
}

export type InstalmentState = 'paid' | 'partial' | 'late' | 'due' | 'upcoming';

export interface SettledInstalment extends Instalment {
  covered: Money;
  state: InstalmentState;
}

export interface Arrears {
  instalments: number;
  amount: Money;
  oldestDueOn: string | null;
  /** Days from the oldest instalment not covered to the date. */
  oldestAgeDays: number | null;
}

export interface Settlement {
  schedule: SettledInstalment[];
  arrears: Arrears;
  /** The first instalment not yet due and not fully covered, with what remains of it. */
  nextInstalment: { dueOn: string; amount: Money } | null;
}

/**
 * Settles a schedule with what reduced the debt by a date, oldest instalments first. An instalment is
 * late when its due date is before `on` and it is not fully covered; `due` marks the next one to pay.
 */
export function settle(schedule: readonly Instalment[], covered: Money | string, on: string): Settlement {
  let left = Money.max(new Money(covered), 0);
  let next: Settlement['nextInstalment'] = null;
  const arrears: Arrears = { instalments: 0, amount: new Money(0), oldestDueOn: null, oldestAgeDays: null };
  const settled = schedule.map((inst): SettledInstalment => {
    const part = Money.min(left, inst.amount);
    left = left.minus(part);
    const missing = inst.amount.minus(part);
    let state: InstalmentState;
    if (missing.isZero()) state = 'paid';
    else if (inst.dueOn < on) {
      state = 'late';
      arrears.instalments += 1;
      arrears.amount = arrears.amount.plus(missing);
      if (arrears.oldestDueOn === null) {
        arrears.oldestDueOn = inst.dueOn;
        arrears.oldestAgeDays = daysBetween(inst.dueOn, on);
      }
    } else if (next === null) {
      state = part.isZero() ? 'due' : 'partial';
      next = { dueOn: inst.dueOn, amount: missing };
    } else state = part.isZero() ? 'upcoming' : 'partial';
    return { ...inst, covered: part, state };
  });
  return { schedule: settled, arrears, nextInstalment: next };
}

export interface ReleaseAllocation {
  /** What the landlord lets go of: the guarantee minus what he keeps. */
  released: Money;
  /** The part that clears what the tenant still owes the fund. */
  toFund: Money;
  /** The rest, the tenant's own. */
  toTenant: Money;
  /** What the tenant still owes the fund after the release. */
  remainingOwed: Money;
}

/** Splits a released guarantee: the debt to the fund first, then the tenant; what the landlord keeps shrinks the tenant's share first. */
export function allocateRelease(guarantee: Money | string, landlordKept: Money | string, owed: Money | string): ReleaseAllocation {
  const released = Money.max(new Money(guarantee).minus(landlordKept), 0);
  const debt = Money.max(new Money(owed), 0);
  const toFund = Money.min(released, debt);
  return { released, toFund, toTenant: released.minus(toFund), remainingOwed: debt.minus(toFund) };
}
