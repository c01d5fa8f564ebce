import { describe, expect, it } from 'vitest';
import { toBucketBars, toDeedsSeries, toFunnelBars } from './acquisitionSeries';

describe('toDeedsSeries', () => {
  it('stacks deeds per month per project, keeping only the projects with deeds in the period', () => {
    const series = toDeedsSeries({
      from: '2025-10',
      to: '2025-12',
      months: ['2025-10', '2025-11', '2025-12'],
      projects: [
        { id: 'vdp', name: 'VDP', deeds: [0, 10, 14], total: 24 },
        { id: 'steyls', name: 'Steyls', deeds: [0, 1, 3], total: 4 },
        { id: 'trefles', name: 'Trèfles', deeds: [0, 0, 0], total: 0 },
      ],
      totals: [0, 11, 17],
    });
    expect(series.projects).toEqual([{ id: 'vdp', name: 'VDP', total: 24 }, { id: 'steyls', name: 'Steyls', total: 4 }]);
    expect(series.points.map((p) => [p.month, p.total, p.counts])).toEqual([
      ['2025-10', 0, { vdp: 0, steyls: 0 }],
      ['2025-11', 11, { vdp: 10, steyls: 1 }],
      ['2025-12', 17, { vdp: 14, steyls: 3 }],
    ]);
    expect(series.total).toBe(28);
  });
});

describe('toFunnelBars', () => {
  it('gives every forward stage in order, a missing stage as 0, with its share of the first', () => {
    const bars = toFunnelBars({ projectId: 'p', withdrawn: 2, stages: [{ stage: 'interested', reached: 40 }, { stage: 'candidate', reached: 30 }, { stage: 'deed', reached: 24 }] });
    expect(bars.map((b) => [b.stage, b.reached, b.ofFirst])).toEqual([
      ['interested', 40, 100], ['candidate', 30, 75], ['selected', 0, 0], ['unit_allocated', 0, 0],
      ['compromis', 0, 0], ['credit_approved', 0, 0], ['deed', 24, 60], ['moved_in', 0, 0],
    ]);
    expect(toFunnelBars({ projectId: 'p', withdrawn: 0, stages: [] })[0]?.ofFirst).toBeNull();
  });
});

describe('toBucketBars', () => {
  it('keeps the buckets from the first to the last that holds a deed, empty ones between included', () => {
    const bars = toBucketBars({
      width: '50000.00',
      buckets: [
        { from: '0.00', to: '50000.00', count: 0 },
        { from: '50000.00', to: '100000.00', count: 2 },
        { from: '100000.00', to: '150000.00', count: 0 },
        { from: '150000.00', to: '200000.00', count: 5 },
        { from: '200000.00', to: '250000.00', count: 0 },
      ],
    });
    expect(bars.map((b) => [b.from, b.count])).toEqual([['50000.00', 2], ['100000.00', 0], ['150000.00', 5]]);
  });

  it('is empty when no deed is counted', () => {
    expect(toBucketBars({ width: '25000.00', buckets: [{ from: '0.00', to: '25000.00', count: 0 }] })).toEqual([]);
  });
});
