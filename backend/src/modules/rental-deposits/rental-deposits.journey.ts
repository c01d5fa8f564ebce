/**
 * What the household journey (board warnings, timeline) reads of rental advances. Journey declares the
 * shape it needs (journey/rental-advances.ts RentalAdvanceReader) and app.ts passes these functions:
 * neither module imports the other.
 */
import type { Knex } from 'knex';
import { today } from '../../lib/dates.ts';
import { Money, formatAmount } from '../../lib/money.ts';
import { listDeposits } from './rental-deposits.repository.ts';
import { depositState, listDepositStates } from './rental-deposits.service.ts';

/** Households (among the given ones) with instalments due and not covered on a date: counts and euros summed over their advances, the oldest due date. */
export async function rentalArrearsOfHouseholds(
  knex: Knex,
  organisationId: string,
  householdIds: string[],
  on: string,
): Promise<Map<string, { instalments: number; amount: Money; oldestDueOn: string }>> {
  const out = new Map<string, { instalments: number; amount: Money; oldestDueOn: string }>();
  if (householdIds.length === 0) return out;
  const wanted = new Set(householdIds);
  for (const s of await listDepositStates(knex, organisationId, {}, on)) {
    const a = s.settlement.arrears;
    if (!wanted.has(s.row.household_id) || s.status === 'cancelled' || a.instalments === 0 || !a.oldestDueOn) continue;
    const seen = out.get(s.row.household_id);
    out.set(s.row.household_id, {
      instalments: (seen?.instalments ?? 0) + a.instalments,
      amount: (seen?.amount ?? new Money(0)).plus(a.amount),
      oldestDueOn: seen && seen.oldestDueOn < a.oldestDueOn ? seen.oldestDueOn : a.oldestDueOn,
    });
  }
  return out;
}

/** A household's rental advances as timeline landmarks: each opening (the guarantee placed) and release (released, kept, to the fund, to the tenant). */
export async function rentalMilestones(knex: Knex, organisationId: string, householdId: string) {
  const out: Array<{
    on: string; milestone: 'opened' | 'released'; depositId: string; address: string; amount: string;
    landlordKept: string | null; toFund: string | null; toTenant: string | null;
  }> = [];
  for (const row of await listDeposits(knex, organisationId, { householdId })) {
    if (row.status === 'cancelled') continue;
    const base = { depositId: row.id, address: row.address };
    out.push({ ...base, on: row.opened_on, milestone: 'opened', amount: formatAmount(row.amount), landlordKept: null, toFund: null, toTenant: null });
    if (row.released_on && row.landlord_kept !== null) {
      // What cleared the debt, net of any reversal since.
      const { figures } = await depositState(knex, row, today());
      const released = Money.max(new Money(row.amount).minus(row.landlord_kept), 0);
      out.push({
        ...base,
        on: row.released_on,
        milestone: 'released',
        amount: formatAmount(released),
        landlordKept: formatAmount(row.landlord_kept),
        toFund: formatAmount(figures.releasedToFund),
        toTenant: formatAmount(released.minus(figures.releasedToFund)),
      });
    }
  }
  return out.sort((a, b) => a.on.localeCompare(b.on));
}
