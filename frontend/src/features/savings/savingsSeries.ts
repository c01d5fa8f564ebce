/**
 * Chart data, shaped from API data by pure functions (tested in savingsSeries.test.ts); the chart
 * components draw what they get and fetch nothing. Each point keeps the exact decimal strings for the
 * table alternative and, for the drawing only, the same amounts as numbers.
 */
import type { Entry, GroupMember, PotFigures } from '../../api/savings';
import type { DecimalString } from '../../api/types';
import { addAmounts, fromCents, toCents } from './amounts';
import { monthEnd, monthsBetween } from './dates';

/** Euros as a number, for drawing only (a chart axis needs numbers; tables keep the strings). */
export function plot(amount: DecimalString): number {
  return Number(amount);
}

/** One month of the pot chart. */
export interface PotPoint {
  month: string;
  on: string;
  values: { cash: DecimalString; reserved: DecimalString; available: DecimalString; outstandingAdvances: DecimalString; membersSavings: DecimalString };
  /** Stacked: available + reserved = cash; + outstanding advances = what the members saved (+ unallocated). */
  available: number;
  reserved: number;
  outstandingAdvances: number;
}

/** Month-end pot figures → stacked-area points (available, reserved, lent out). */
export function toPotSeries(points: PotFigures[]): PotPoint[] {
  return points.map((p) => ({
    month: p.on.slice(0, 7),
    on: p.on,
    values: { cash: p.cash, reserved: p.reserved, available: p.available, outstandingAdvances: p.outstandingAdvances, membersSavings: p.membersSavings },
    // A back-dated reservation can make "available" negative on a past date; the chart shows 0 there.
    available: Math.max(0, plot(p.available)),
    reserved: plot(p.reserved),
    outstandingAdvances: plot(p.outstandingAdvances),
  }));
}

/** One bar of the members' savings chart. */
export interface MemberBar {
  householdId: string;
  name: string;
  savings: DecimalString;
  advance: DecimalString;
  savingsValue: number;
  advanceValue: number;
}

/** Members (current ones first, then those who left) → one bar each, largest savings first. */
export function toMemberBars(members: GroupMember[]): MemberBar[] {
  return members
    .map((m) => ({
      householdId: m.householdId,
      name: m.displayName,
      savings: m.groupSavings,
      advance: m.outstandingAdvance,
      savingsValue: plot(m.groupSavings),
      advanceValue: plot(m.outstandingAdvance),
    }))
    .sort((a, b) => {
      const d = toCents(b.savings) - toCents(a.savings);
      return d > 0n ? 1 : d < 0n ? -1 : a.name.localeCompare(b.name);
    });
}

/** One month-end of a household's savings curve. */
export interface SavingsPoint {
  month: string;
  values: { group: DecimalString; individual: DecimalString; total: DecimalString };
  group: number;
  individual: number;
  total: number;
}

/**
 * A household's savings at each month-end from its first movement (or `fromMonth`) to `today`,
 * rebuilt from today's balances and the movements: balance before the first movement = today's
 * balance − the sum of the movements, then each movement is added on its value date. Exact (cents).
 */
export function toSavingsCurve(
  entries: Entry[],
  today: { on: string; groupSavings: DecimalString; individualSavings: DecimalString },
  fromMonth?: string,
): SavingsPoint[] {
  const sorted = [...entries].sort((a, b) => (a.valueDate < b.valueDate ? -1 : a.valueDate > b.valueDate ? 1 : a.number - b.number));
  const first = sorted[0]?.valueDate.slice(0, 7);
  const start = fromMonth ?? first;
  if (!start) return [];
  const group = (e: Entry) => toCents(e.effects.groupSavings ?? '0');
  const individual = (e: Entry) => toCents(e.effects.individualSavings ?? '0');
  let g = toCents(today.groupSavings) - sorted.reduce((s, e) => s + group(e), 0n);
  let i = toCents(today.individualSavings) - sorted.reduce((s, e) => s + individual(e), 0n);
  const out: SavingsPoint[] = [];
  let next = 0;
  for (const month of monthsBetween(start, today.on.slice(0, 7))) {
    const end = monthEnd(month);
    while (next < sorted.length && sorted[next]!.valueDate <= end) {
      g += group(sorted[next]!);
      i += individual(sorted[next]!);
      next += 1;
    }
    const values = { group: fromCents(g), individual: fromCents(i), total: fromCents(g + i) };
    out.push({ month, values, group: plot(values.group), individual: plot(values.individual), total: plot(values.total) });
  }
  return out;
}

/** The change a movement makes to the household's own savings (group + individual), or null if none. */
export function savingsChange(entry: Entry): DecimalString | null {
  const parts = [entry.effects.groupSavings, entry.effects.individualSavings].filter((v): v is DecimalString => v !== undefined);
  return parts.length === 0 ? null : addAmounts(...parts);
}
