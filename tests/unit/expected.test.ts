/**
 * Expected vs paid, computed by hand. The group asks €100 a month from January 2025 and €120 from
 * April 2025; the household joins on 15 January.
 */
import { describe, expect, it } from 'vitest';
import { amountForMonth, expectedVsPaid } from '../../backend/src/modules/gecs/expected.ts';

const periods = [
  { effectiveFrom: '2025-01-01', amount: '100.00' },
  { effectiveFrom: '2025-04-01', amount: '120.00' },
];
const payments = [
  { valueDate: '2025-01-20', amount: '100.00' },
  { valueDate: '2025-02-25', amount: '100.00' },
  { valueDate: '2025-04-10', amount: '50.00' },
];

const plain = (r: ReturnType<typeof expectedVsPaid>) => ({
  lines: r.lines.map((l) => [l.month, l.due.toFixed(2), l.paidInMonth.toFixed(2), l.settled.toFixed(2), l.status]),
  totalDue: r.totalDue.toFixed(2),
  totalPaid: r.totalPaid.toFixed(2),
  arrears: { ...r.arrears, amount: r.arrears.amount.toFixed(2) },
});

describe('the monthly amount of a month', () => {
  it('is the latest amount effective on its first day', () => {
    expect(amountForMonth(periods, '2024-12').toFixed(2)).toBe('0.00');
    expect(amountForMonth(periods, '2025-01').toFixed(2)).toBe('100.00');
    expect(amountForMonth(periods, '2025-03').toFixed(2)).toBe('100.00');
    expect(amountForMonth(periods, '2025-04').toFixed(2)).toBe('120.00');
    expect(amountForMonth(periods, '2030-01').toFixed(2)).toBe('120.00');
  });
});

describe('expected vs paid', () => {
  it('settles the oldest months first; a partly paid month, unpaid months and the running month in progress', () => {
    const r = expectedVsPaid({ periods, joinedOn: '2025-01-15', leftOn: null, payments, on: '2025-06-10' });
    expect(plain(r)).toEqual({
      lines: [
        ['2025-01', '100.00', '100.00', '100.00', 'paid'],
        ['2025-02', '100.00', '100.00', '100.00', 'paid'],
        ['2025-03', '100.00', '0.00', '50.00', 'partial'],
        ['2025-04', '120.00', '50.00', '0.00', 'unpaid'],
        ['2025-05', '120.00', '0.00', '0.00', 'unpaid'],
        ['2025-06', '120.00', '0.00', '0.00', 'in_progress'],
      ],
      totalDue: '660.00',
      totalPaid: '250.00',
      // March (50 left), April and May (120 each); March ended 71 days before 10 June (30 + 31 + 10).
      arrears: { months: 3, amount: '290.00', oldestUnpaidMonth: '2025-03', oldestUnpaidDays: 71 },
    });
  });

  it('owes nothing after the month the household left', () => {
    const r = expectedVsPaid({ periods, joinedOn: '2025-01-15', leftOn: '2025-04-10', payments, on: '2025-06-10' });
    expect(r.lines.map((l) => l.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(plain(r).arrears).toEqual({ months: 2, amount: '170.00', oldestUnpaidMonth: '2025-03', oldestUnpaidDays: 71 });
    expect(r.totalDue.toFixed(2)).toBe('420.00');
  });

  it('owes nothing after the month the group ends, whichever of leaving and ending comes first', () => {
    const ended = expectedVsPaid({ periods, joinedOn: '2025-01-15', leftOn: null, groupEndsOn: '2025-04-10', payments, on: '2025-09-10' });
    expect(ended.lines.map((l) => l.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(plain(ended).arrears).toMatchObject({ months: 2, amount: '170.00' });
    const leftFirst = expectedVsPaid({ periods, joinedOn: '2025-01-15', leftOn: '2025-02-01', groupEndsOn: '2025-04-10', payments, on: '2025-09-10' });
    expect(leftFirst.lines.map((l) => l.month)).toEqual(['2025-01', '2025-02']);
    const notYet = expectedVsPaid({ periods, joinedOn: '2025-01-15', leftOn: null, groupEndsOn: '2025-12-31', payments, on: '2025-03-10' });
    expect(notYet.lines.map((l) => l.month)).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('ignores payments dated after the day asked for, and a month ends on its last day', () => {
    const r = expectedVsPaid({ periods, joinedOn: '2025-01-15', leftOn: null, payments, on: '2025-02-28' });
    expect(plain(r).lines).toEqual([
      ['2025-01', '100.00', '100.00', '100.00', 'paid'],
      ['2025-02', '100.00', '100.00', '100.00', 'paid'],
    ]);
    expect(r.totalPaid.toFixed(2)).toBe('200.00');
    const before = expectedVsPaid({ periods, joinedOn: '2025-01-15', leftOn: null, payments, on: '2025-02-20' });
    expect(plain(before).lines[1]).toEqual(['2025-02', '100.00', '0.00', '0.00', 'in_progress']);
    expect(before.arrears.months).toBe(0);
    const end = expectedVsPaid({ periods, joinedOn: '2025-01-15', leftOn: null, payments: payments.slice(0, 1), on: '2025-02-28' });
    expect(plain(end).arrears).toEqual({ months: 1, amount: '100.00', oldestUnpaidMonth: '2025-02', oldestUnpaidDays: 0 });
  });

  it('counts a payment made in advance for the next months', () => {
    const r = expectedVsPaid({ periods, joinedOn: '2025-01-01', leftOn: null, payments: [{ valueDate: '2025-01-05', amount: '350.00' }], on: '2025-04-15' });
    expect(plain(r).lines).toEqual([
      ['2025-01', '100.00', '350.00', '100.00', 'paid'],
      ['2025-02', '100.00', '0.00', '100.00', 'paid'],
      ['2025-03', '100.00', '0.00', '100.00', 'paid'],
      ['2025-04', '120.00', '0.00', '50.00', 'in_progress'],
    ]);
    expect(r.arrears.months).toBe(0);
    expect(r.arrears.amount.toFixed(2)).toBe('0.00');
  });

  it('nets reversed payments and never counts a negative total', () => {
    const r = expectedVsPaid({
      periods,
      joinedOn: '2025-01-01',
      leftOn: null,
      payments: [
        { valueDate: '2025-01-05', amount: '100.00' },
        { valueDate: '2025-01-06', amount: '-100.00' },
      ],
      on: '2025-02-10',
    });
    expect(plain(r).arrears).toEqual({ months: 1, amount: '100.00', oldestUnpaidMonth: '2025-01', oldestUnpaidDays: 10 });
    const negative = expectedVsPaid({ periods, joinedOn: '2025-01-01', leftOn: null, payments: [{ valueDate: '2025-01-05', amount: '-5.00' }], on: '2025-01-10' });
    expect(negative.lines[0]!.settled.toFixed(2)).toBe('0.00');
  });

  it('has nothing to say before the household joined', () => {
    const r = expectedVsPaid({ periods, joinedOn: '2025-05-01', leftOn: null, payments: [], on: '2025-04-30' });
    expect(r.lines).toEqual([]);
    expect(plain(r).arrears).toEqual({ months: 0, amount: '0.00', oldestUnpaidMonth: null, oldestUnpaidDays: null });
  });
});
