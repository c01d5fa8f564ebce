/** The stage rules of candidacies and project statuses (backend/src/modules/acquisitions/stages.ts), and the unit-status mapping. */
import { describe, expect, it } from 'vitest';
import { funnelOf } from '../../backend/src/modules/acquisitions/acquisitions.service.ts';
import { buckets, bucketWidth, MAX_BUCKETS } from '../../backend/src/modules/acquisitions/acquisitions.figures.ts';
import { checkStage, currentStage, furthestReached, unitStatusOf, type Dated, type Stage } from '../../backend/src/modules/acquisitions/stages.ts';
import { Money } from '../../backend/src/lib/money.ts';

const h = (...entries: Array<[Stage, string]>): Dated<Stage>[] => entries.map(([key, on]) => ({ key, on }));

describe('candidacy stages', () => {
  const base = h(['interested', '2025-01-10'], ['compromis', '2025-05-01']);

  it('allows a skip forward and a back-dated stage between recorded ones, in date order', () => {
    expect(checkStage(base, { key: 'deed', on: '2025-09-01' })).toBeNull();
    expect(checkStage(base, { key: 'selected', on: '2025-03-01' })).toBeNull();
    expect(checkStage(base, { key: 'selected', on: '2025-01-10' })).toBeNull();
    expect(checkStage(base, { key: 'selected', on: '2025-05-01' })).toBeNull();
  });

  it('refuses a stage twice, or dated against the order', () => {
    expect(checkStage(base, { key: 'compromis', on: '2025-06-01' })).toBe('recorded');
    expect(checkStage(base, { key: 'selected', on: '2025-05-02' })).toBe('out_of_order');
    expect(checkStage(base, { key: 'deed', on: '2025-04-30' })).toBe('out_of_order');
    expect(checkStage(base, { key: 'candidate', on: '2025-01-09' })).toBe('out_of_order');
  });

  it('withdraws at any stage before the deed, never before a recorded stage, and closes the candidacy', () => {
    expect(checkStage(base, { key: 'withdrawn', on: '2025-05-01' })).toBeNull();
    expect(checkStage(base, { key: 'withdrawn', on: '2025-04-01' })).toBe('out_of_order');
    expect(checkStage([...base, { key: 'deed', on: '2025-09-01' }], { key: 'withdrawn', on: '2025-10-01' })).toBe('completed');
    const withdrawn = [...base, { key: 'withdrawn' as const, on: '2025-06-01' }];
    expect(checkStage(withdrawn, { key: 'deed', on: '2025-07-01' })).toBe('closed');
    expect(currentStage(withdrawn)?.key).toBe('withdrawn');
    expect(checkStage([...base, { key: 'moved_in', on: '2025-12-01' }], { key: 'credit_approved', on: '2025-06-01' })).toBe('closed');
  });

  it('derives the current stage as the latest in the order, whatever the recording order', () => {
    expect(currentStage(h(['compromis', '2025-05-01'], ['interested', '2025-01-10'], ['selected', '2025-03-01']))).toEqual({ key: 'compromis', on: '2025-05-01' });
    expect(currentStage([])).toBeNull();
  });

  it('counts a skipped stage as reached when a later one is (funnel)', () => {
    expect(furthestReached(base)).toBe(4);
    const funnel = funnelOf([base, h(['interested', '2025-01-01'], ['withdrawn', '2025-02-01']), h(['interested', '2025-01-01'], ['candidate', '2025-01-05'])]);
    expect(Object.fromEntries(funnel.stages.map((s) => [s.stage, s.reached]))).toEqual({
      interested: 3, candidate: 2, selected: 1, unit_allocated: 1, compromis: 1, credit_approved: 0, deed: 0, moved_in: 0,
    });
    expect(funnel.withdrawn).toBe(1);
  });
});

describe('unit status from the stage of the candidacy holding it', () => {
  it('maps none → available, up to selected → reserved, allocation to credit → allocated, deed and after → sold', () => {
    expect(unitStatusOf(null)).toBe('available');
    expect(unitStatusOf('withdrawn')).toBe('available');
    expect(['interested', 'candidate', 'selected'].map((s) => unitStatusOf(s as Stage))).toEqual(['reserved', 'reserved', 'reserved']);
    expect(['unit_allocated', 'compromis', 'credit_approved'].map((s) => unitStatusOf(s as Stage))).toEqual(['allocated', 'allocated', 'allocated']);
    expect(['deed', 'moved_in'].map((s) => unitStatusOf(s as Stage))).toEqual(['sold', 'sold']);
  });
});

describe('distribution buckets', () => {
  it('counts each value once in [from, to) buckets from zero, and widens past the maximum count', () => {
    const w = new Money('50000.00');
    const b = buckets(['249999.99', '250000.00', '0.00'].map((v) => new Money(v)), w);
    expect(b.map((x) => `${x.from}-${x.to}:${x.count}`)).toEqual(['0.00-50000.00:1', '50000.00-100000.00:0', '100000.00-150000.00:0', '150000.00-200000.00:0', '200000.00-250000.00:1', '250000.00-300000.00:1']);
    const huge = [new Money('999999999999.99'), new Money('1.00')];
    const width = bucketWidth(huge, w);
    expect(buckets(huge, width).length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(buckets(huge, width).reduce((n, x) => n + x.count, 0)).toBe(2);
  });
});
