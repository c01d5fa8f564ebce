/**
 * Chart data of the rental-deposit pages, shaped from API data by pure functions (tested in
 * fundSeries.test.ts); the charts draw what they get and fetch nothing. Each point keeps the exact
 * decimal strings for the table alternative and, for the drawing only, the same amounts as numbers.
 */
import type { Deposit, FundSeriesItem } from '../../api/rentalDeposits';
import type { DecimalString } from '../../api/types';
import { isZero, toCents } from '../savings/amounts';
import { plot } from '../savings/savingsSeries';

/** One month-end of the fund chart. */
export interface FundPoint {
  month: string;
  on: string;
  values: { cash: DecimalString; owedByTenants: DecimalString; placed: DecimalString };
  openCount: number;
  cash: number;
  owedByTenants: number;
  placed: number;
}

/**
 * Month-end fund figures → chart points. Months before the fund's first movement (everything zero)
 * are left out, so the chart starts where the fund does; a fund that never moved gives no points.
 */
export function toFundSeries(items: FundSeriesItem[]): FundPoint[] {
  const sorted = [...items].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const first = sorted.findIndex((p) => !(isZero(p.cash) && isZero(p.owedByTenants) && isZero(p.placed) && p.openCount === 0));
  if (first === -1) return [];
  return sorted.slice(first).map((p) => ({
    month: p.month,
    on: p.on,
    values: { cash: p.cash, owedByTenants: p.owedByTenants, placed: p.placed },
    openCount: p.openCount,
    cash: plot(p.cash),
    owedByTenants: plot(p.owedByTenants),
    placed: plot(p.placed),
  }));
}

/** How far the repayment has gone: a percentage for a progress bar (drawing only), and the counts of the schedule. */
export interface RepaymentProgress {
  /** 0–100, rounded down: what is no longer owed out of the amount (repaid, released to the fund, written off). */
  percent: number;
  paidInstalments: number;
  totalInstalments: number;
}

/** The progress bar of an advance: (amount − owed) / amount, and how many instalments are fully paid. */
export function repaymentProgress(deposit: Pick<Deposit, 'amount' | 'owed' | 'schedule'>): RepaymentProgress {
  const amount = toCents(deposit.amount);
  const settled = amount - toCents(deposit.owed);
  const percent = amount <= 0n ? 0 : Number(((settled < 0n ? 0n : settled) * 100n) / amount);
  return {
    percent: Math.min(100, percent),
    paidInstalments: deposit.schedule.filter((line) => line.state === 'paid').length,
    totalInstalments: deposit.schedule.length,
  };
}
