/** The order advances are listed in (pure; tested in depositOrder.test.ts). */
import type { DepositStatus, DepositSummary } from '../../api/rentalDeposits';

const STATUS_ORDER: Record<DepositStatus, number> = { open: 0, released: 1, closed: 2, cancelled: 3 };

/** Open advances first (then released with something owed, closed, cancelled); within each, the most recently opened first. */
export function sortDeposits(items: DepositSummary[]): DepositSummary[] {
  return [...items].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.openedOn < b.openedOn ? 1 : a.openedOn > b.openedOn ? -1 : 0));
}
