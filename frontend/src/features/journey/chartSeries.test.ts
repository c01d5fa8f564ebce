import { describe, expect, it } from 'vitest';
import type { Funnel, SessionStats } from '../../api/journey';
import { monthLabel } from '../../i18n/format';
import { toExitSeries, toFunnelSeries, toSessionsSeries } from './chartSeries';

const funnel: Funnel = {
  year: 2025,
  phases: [
    { phase: 'information', entered: 12 },
    { phase: 'preparation', entered: 0 },
    { phase: 'action', entered: 10 },
    { phase: 'owner', entered: 5 },
  ],
  exits: [
    { reason: 'withdrew', count: 1 },
    { reason: 'moved', count: 0 },
  ],
  conversion: { informed: 7, reachedAction: 2, rate: '0.2857' },
};

describe('journey chart series', () => {
  it('keeps the phases in their order, with names and zeros', () => {
    expect(toFunnelSeries(funnel, (k) => k.toUpperCase())).toEqual([
      { key: 'information', label: 'INFORMATION', entered: 12 },
      { key: 'preparation', label: 'PREPARATION', entered: 0 },
      { key: 'action', label: 'ACTION', entered: 10 },
      { key: 'owner', label: 'OWNER', entered: 5 },
    ]);
    expect(toExitSeries(funnel, (k) => `reason:${k}`)).toEqual([
      { key: 'withdrew', label: 'reason:withdrew', count: 1 },
      { key: 'moved', label: 'reason:moved', count: 0 },
    ]);
  });

  it('gives twelve named months of planned, held and cancelled sessions', () => {
    const stats: SessionStats = {
      year: 2025, planned: 2, held: 1, cancelled: 1, invitations: 3, attendances: 2, participationRate: '0.6667',
      months: Array.from({ length: 12 }, (_, i) => ({ month: `2025-${String(i + 1).padStart(2, '0')}`, planned: i === 5 ? 2 : 0, held: i === 5 ? 1 : 0, cancelled: i === 5 ? 1 : 0 })),
    };
    const series = toSessionsSeries(stats, (m) => monthLabel(m, 'en', 'name'));
    expect(series).toHaveLength(12);
    expect(series[5]).toEqual({ month: '2025-06', label: 'Jun', planned: 2, held: 1, cancelled: 1 });
    expect(series[0]!.label).toBe('Jan');
    expect(monthLabel('2025-06', 'fr', 'name')).toBe('juin');
  });
});
