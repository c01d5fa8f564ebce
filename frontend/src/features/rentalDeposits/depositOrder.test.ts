import { describe, expect, it } from 'vitest';
import type { DepositStatus, DepositSummary } from '../../api/rentalDeposits';
import { sortDeposits } from './depositOrder';

function deposit(id: string, status: DepositStatus, openedOn: string): DepositSummary {
  return {
    id,
    household: { id: `h-${id}`, displayName: id, reference: 'H-0001' },
    address: 'Rue Haute 1',
    landlordName: 'M',
    amount: '1600.00',
    openedOn,
    releasedOn: null,
    status,
    owed: '0.00',
    arrears: { instalments: 0, amount: '0.00', oldestDueOn: null, oldestAgeDays: null },
    nextInstalment: null,
  };
}

describe('sortDeposits', () => {
  it('lists open advances first, then released, closed and cancelled, the latest opened first in each', () => {
    const sorted = sortDeposits([
      deposit('closed', 'closed', '2025-01-01'),
      deposit('old-open', 'open', '2025-02-01'),
      deposit('cancelled', 'cancelled', '2026-01-01'),
      deposit('new-open', 'open', '2026-02-01'),
      deposit('released', 'released', '2024-01-01'),
    ]);
    expect(sorted.map((d) => d.id)).toEqual(['new-open', 'old-open', 'released', 'closed', 'cancelled']);
  });

  it('leaves the list it is given as it was', () => {
    const items = [deposit('a', 'closed', '2025-01-01'), deposit('b', 'open', '2025-01-01')];
    sortDeposits(items);
    expect(items.map((d) => d.id)).toEqual(['a', 'b']);
  });
});
