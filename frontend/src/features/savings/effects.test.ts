import { describe, expect, it } from 'vitest';
import type { Entry, PotFigures } from '../../api/savings';
import { advanceDelta, changedFigures, payAdvanceDelta, potAfter, previewAmount, refundDelta, refundPreview, reversalDelta } from './effects';

const pot: PotFigures = { on: '2025-04-30', cash: '1600.00', reserved: '0.00', available: '1600.00', outstandingAdvances: '0.00', membersSavings: '1600.00', unallocated: '0.00' };

describe('the effect a dialog previews', () => {
  it('shows a paid advance taking cash out and lending it (the domain scenario: 1 600 → 100)', () => {
    const after = potAfter(pot, advanceDelta('1500.00', 'paid'));
    expect(after).toMatchObject({ cash: '100.00', available: '100.00', outstandingAdvances: '1500.00', membersSavings: '1600.00' });
    expect(changedFigures(pot, after)).toEqual(['cash', 'available', 'outstandingAdvances']);
  });

  it('shows an approved advance reserving cash, then its payment releasing the reservation', () => {
    const approved = potAfter(pot, advanceDelta('500.00', 'approved'));
    expect(approved).toMatchObject({ cash: '1600.00', reserved: '500.00', available: '1100.00' });
    const paid = potAfter(approved, payAdvanceDelta('500.00'));
    expect(paid).toMatchObject({ cash: '1100.00', reserved: '0.00', available: '1100.00', outstandingAdvances: '500.00' });
  });

  it('splits a refund: the advance first, then exit costs, the rest paid out', () => {
    const p = refundPreview('600.00', '200.00', '50.00');
    expect(p).toEqual({ savings: '600.00', settledAdvance: '200.00', costs: '50.00', paidOut: '350.00', blocked: false });
    expect(potAfter(pot, refundDelta(p))).toMatchObject({ cash: '1250.00', outstandingAdvances: '-200.00', membersSavings: '1000.00', unallocated: '50.00' });
    expect(refundPreview('100.00', '100.00', '50.00').costs).toBe('0.00');
    expect(refundPreview('100.00', '150.00', null).blocked).toBe(true);
  });

  it('undoes an entry for a reversal', () => {
    const entry = { effects: { potCash: '100.00', groupSavings: '100.00' } } as Entry;
    expect(potAfter(pot, reversalDelta(entry))).toMatchObject({ cash: '1500.00', membersSavings: '1500.00', available: '1500.00' });
  });

  it('previews only positive amounts as typed', () => {
    expect(previewAmount('12.50')).toBe('12.50');
    expect(previewAmount('0.00')).toBeNull();
    expect(previewAmount('1,5')).toBeNull();
  });
});
