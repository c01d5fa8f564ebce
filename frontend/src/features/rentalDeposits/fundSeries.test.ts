import { describe, expect, it } from 'vitest';
import type { FundSeriesItem, ScheduleLine } from '../../api/rentalDeposits';
import { repaymentProgress, toFundSeries } from './fundSeries';

function month(m: string, cash: string, owed = '0.00', placed = '0.00', openCount = 0): FundSeriesItem {
  return { month: m, on: `${m}-28`, cash, owedByTenants: owed, placed, openCount };
}

function line(number: number, state: ScheduleLine['state']): ScheduleLine {
  return { number, dueOn: `2026-0${number}-01`, amount: '50.00', covered: state === 'paid' ? '50.00' : '0.00', state };
}

describe('toFundSeries', () => {
  it('starts at the first month the fund moved, in month order, keeping the exact strings', () => {
    const points = toFundSeries([month('2026-03', '400.00', '1600.00', '1600.00', 1), month('2026-01', '0.00'), month('2026-02', '2000.00')]);
    expect(points.map((p) => p.month)).toEqual(['2026-02', '2026-03']);
    expect(points[1]).toMatchObject({ values: { cash: '400.00', owedByTenants: '1600.00', placed: '1600.00' }, openCount: 1, cash: 400, owedByTenants: 1600, placed: 1600 });
  });

  it('keeps a month back at zero once the fund has started', () => {
    const points = toFundSeries([month('2026-01', '10.00'), month('2026-02', '0.00')]);
    expect(points.map((p) => p.values.cash)).toEqual(['10.00', '0.00']);
  });

  it('gives no points for a fund that never moved', () => {
    expect(toFundSeries([month('2026-01', '0.00'), month('2026-02', '0.00')])).toEqual([]);
    expect(toFundSeries([])).toEqual([]);
  });
});

describe('repaymentProgress', () => {
  it('counts what is no longer owed against the amount, rounded down, and the paid instalments', () => {
    const schedule = [line(1, 'paid'), line(2, 'paid'), line(3, 'partial'), line(4, 'upcoming')];
    expect(repaymentProgress({ amount: '1600.00', owed: '600.00', schedule })).toEqual({ percent: 62, paidInstalments: 2, totalInstalments: 4 });
  });

  it('is 100 when nothing is owed and 0 for a fresh or empty advance', () => {
    expect(repaymentProgress({ amount: '1600.00', owed: '0.00', schedule: [] }).percent).toBe(100);
    expect(repaymentProgress({ amount: '1600.00', owed: '1600.00', schedule: [] }).percent).toBe(0);
    expect(repaymentProgress({ amount: '0.00', owed: '0.00', schedule: [] }).percent).toBe(0);
  });

  it('computes on cents, not floats', () => {
    expect(repaymentProgress({ amount: '0.03', owed: '0.02', schedule: [] }).percent).toBe(33);
  });
});
