import { describe, expect, it } from 'vitest';
import type { Entry, GroupMember } from '../../api/savings';
import { addAmounts, compareAmounts, fromCents, subtractAmounts, toCents } from './amounts';
import { addMonths, lastTwelveMonths, monthEnd, monthsBetween } from './dates';
import { savingsChange, toMemberBars, toPotSeries, toSavingsCurve } from './savingsSeries';

function entry(partial: Partial<Entry> & Pick<Entry, 'valueDate' | 'effects'>): Entry {
  return {
    id: `e-${partial.valueDate}-${partial.number ?? 1}`,
    number: 1,
    kind: 'deposit_group',
    memo: null,
    bankReference: null,
    reason: null,
    groupId: null,
    householdId: null,
    advanceId: null,
    reverses: null,
    reversedBy: null,
    createdAt: `${partial.valueDate}T10:00:00.000Z`,
    ...partial,
  };
}

describe('exact amounts for the effect preview', () => {
  it('adds and subtracts cents without floating-point error', () => {
    expect(addAmounts('0.10', '0.20')).toBe('0.30');
    expect(subtractAmounts('1600.00', '1500.00')).toBe('100.00');
    expect(subtractAmounts('100', '100.01')).toBe('-0.01');
    expect(addAmounts('99999999999.99', '0.01')).toBe('100000000000.00');
  });
  it('reads one or two decimals and compares', () => {
    expect(toCents('12.5')).toBe(1250n);
    expect(fromCents(-5n)).toBe('-0.05');
    expect(compareAmounts('900.00', '500')).toBe(1);
    expect(() => toCents('1,50')).toThrow();
  });
});

describe('calendar helpers', () => {
  it('moves across years and knows month ends', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 13)).toBe('2026-01');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-12')).toBe('2025-12-31');
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(lastTwelveMonths('2026-03-15')).toEqual({ from: '2025-04-01', to: '2026-03-15' });
  });
});

describe('toSavingsCurve', () => {
  it('rebuilds month-end balances from today’s balances and the movements, reversals included', () => {
    const entries = [
      entry({ valueDate: '2025-01-05', number: 1, effects: { groupSavings: '100.00' } }),
      entry({ valueDate: '2025-01-20', number: 2, kind: 'deposit_individual', effects: { individualSavings: '50.00' } }),
      entry({ valueDate: '2025-03-05', number: 3, effects: { groupSavings: '100.00' } }),
      entry({ valueDate: '2025-03-06', number: 4, kind: 'reversal', effects: { groupSavings: '-100.00' } }),
    ];
    const curve = toSavingsCurve(entries, { on: '2025-04-10', groupSavings: '100.00', individualSavings: '50.00' });
    expect(curve.map((p) => [p.month, p.values.group, p.values.individual, p.values.total])).toEqual([
      ['2025-01', '100.00', '50.00', '150.00'],
      ['2025-02', '100.00', '50.00', '150.00'],
      ['2025-03', '100.00', '50.00', '150.00'],
      ['2025-04', '100.00', '50.00', '150.00'],
    ]);
    expect(curve[0]?.total).toBe(150);
  });

  it('starts from the balance before the period when the movements do not cover all history', () => {
    const entries = [entry({ valueDate: '2025-02-05', effects: { groupSavings: '75.00' } })];
    const curve = toSavingsCurve(entries, { on: '2025-02-28', groupSavings: '375.00', individualSavings: '0.00' }, '2025-01');
    expect(curve.map((p) => p.values.group)).toEqual(['300.00', '375.00']);
  });

  it('is empty for a household with no movement', () => {
    expect(toSavingsCurve([], { on: '2025-02-28', groupSavings: '0.00', individualSavings: '0.00' })).toEqual([]);
  });
});

describe('toPotSeries and toMemberBars', () => {
  it('stacks available, reserved and lent-out money', () => {
    const [point] = toPotSeries([
      { on: '2025-04-30', cash: '1600.00', reserved: '1500.00', available: '100.00', outstandingAdvances: '300.00', membersSavings: '1900.00', unallocated: '0.00' },
    ]);
    expect(point).toMatchObject({ month: '2025-04', available: 100, reserved: 1500, outstandingAdvances: 300 });
    expect(point?.values.cash).toBe('1600.00');
  });

  it('sorts members by savings, largest first', () => {
    const member = (name: string, savings: string): GroupMember => ({
      householdId: name,
      displayName: name,
      reference: 'H-0001',
      joinedOn: '2025-01-01',
      leftOn: null,
      officerRole: null,
      groupSavings: savings,
      outstandingAdvance: '0.00',
      arrears: { months: 0, amount: '0.00', oldestUnpaidMonth: null, oldestUnpaidDays: null },
    });
    expect(toMemberBars([member('B', '100.00'), member('A', '1000.00'), member('C', '100.00')]).map((b) => b.name)).toEqual(['A', 'B', 'C']);
  });

  it('sums a movement’s effect on the household’s own savings', () => {
    expect(savingsChange(entry({ valueDate: '2025-01-01', effects: { groupSavings: '10.00', individualSavings: '5.50', potCash: '10.00' } }))).toBe('15.50');
    expect(savingsChange(entry({ valueDate: '2025-01-01', effects: { advance: '1500.00' } }))).toBeNull();
  });
});
