/**
 * Expected vs paid: what a member owed the group month by month, what it paid, and its arrears.
 * Rules (product decisions, stated in docs/ARCHITECTURE.md):
 * - a member owes the group's monthly amount for every month from the month it joined to the month it
 *   left (or the group ended, whichever comes first), both included; the amount of a month is the
 *   latest one effective on its first day;
 * - a month's payment is due by the month's last day: the running month is "in progress", never late;
 * - payments (group deposits, net of reversals) settle the oldest months first, whenever made;
 * - arrears = months that have ended and are not fully paid, their unpaid amount, and the age of the
 *   oldest one (days since that month's last day).
 */
import { Money, sum } from '../../lib/money.ts';
import { daysBetween, monthEnd, monthOf, monthsBetween } from '../../lib/dates.ts';

export interface AmountPeriod {
  effectiveFrom: string;
  amount: Money | string;
}

export interface Payment {
  valueDate: string;
  amount: Money | string;
}

export type MonthStatus = 'paid' | 'partial' | 'unpaid' | 'in_progress';

export interface MonthLine {
  month: string;
  due: Money;
  /** Paid with a value date in this month (whatever month it settles). */
  paidInMonth: Money;
  /** Part of this month's due settled by all payments so far (oldest first). */
  settled: Money;
  status: MonthStatus;
}

export interface Arrears {
  months: number;
  amount: Money;
  oldestUnpaidMonth: string | null;
  oldestUnpaidDays: number | null;
}

export interface ExpectedVsPaid {
  lines: MonthLine[];
  totalDue: Money;
  totalPaid: Money;
  arrears: Arrears;
}

/** The monthly amount in force for a month, from an ascending list of effective dates. */
export function amountForMonth(periods: readonly AmountPeriod[], month: string): Money {
  let amount = new Money(0);
  const first = `${month}-01`;
  for (const p of periods) if (p.effectiveFrom <= first) amount = new Money(p.amount);
  return amount;
}

/** Expected vs paid of one member at a date: every month due, what settled it, and the arrears (amounts in euros). */
export function expectedVsPaid(input: {
  periods: readonly AmountPeriod[];
  joinedOn: string;
  leftOn: string | null;
  /** The group's end date: nothing is due after the month it ends. */
  groupEndsOn?: string | null;
  payments: readonly Payment[];
  on: string;
}): ExpectedVsPaid {
  const { periods, joinedOn, on } = input;
  const ends = input.groupEndsOn ?? null;
  const leftOn = input.leftOn && ends ? (input.leftOn < ends ? input.leftOn : ends) : (input.leftOn ?? ends);
  const payments = input.payments.filter((p) => p.valueDate <= on);
  const totalPaid = sum(payments.map((p) => p.amount));
  const last = leftOn && leftOn < on ? leftOn : on;
  const months = joinedOn <= on ? monthsBetween(monthOf(joinedOn), monthOf(last)) : [];

  // One pass over payments and one over months: cost grows with the months shown, never their product.
  const paidByMonth = new Map<string, Money>();
  for (const p of payments) {
    const month = monthOf(p.valueDate);
    paidByMonth.set(month, (paidByMonth.get(month) ?? new Money(0)).plus(p.amount));
  }
  const sortedPeriods = [...periods].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let period = -1;
  let remaining = Money.max(totalPaid, 0);
  const lines: MonthLine[] = months.map((month) => {
    while (period + 1 < sortedPeriods.length && sortedPeriods[period + 1]!.effectiveFrom <= `${month}-01`) period += 1;
    const due = period >= 0 ? new Money(sortedPeriods[period]!.amount) : new Money(0);
    const settled = Money.min(due, remaining);
    remaining = remaining.minus(settled);
    const paidInMonth = paidByMonth.get(month) ?? new Money(0);
    const ended = monthEnd(month) <= on;
    const status: MonthStatus = settled.gte(due) ? 'paid' : !ended ? 'in_progress' : settled.isZero() ? 'unpaid' : 'partial';
    return { month, due, paidInMonth, settled, status };
  });

  const late = lines.filter((l) => l.status === 'unpaid' || l.status === 'partial');
  const oldest = late[0];
  return {
    lines,
    totalDue: sum(lines.map((l) => l.due)),
    totalPaid,
    arrears: {
      months: late.length,
      amount: sum(late.map((l) => l.due.minus(l.settled))),
      oldestUnpaidMonth: oldest?.month ?? null,
      oldestUnpaidDays: oldest ? daysBetween(monthEnd(oldest.month), on) : null,
    },
  };
}
