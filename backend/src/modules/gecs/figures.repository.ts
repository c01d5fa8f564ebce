/**
 * The SQL behind the journey's savings milestones: a household's advance and refund entries (the
 * ledger's SQL, embedded) with their group's name and the advance they are about, in one round trip.
 */
import type { Knex } from 'knex';
import { unreversedEntriesSql } from '../ledger/ledger.service.ts';

/** A household's advance payments, repayments and refunds that were not reversed, oldest first, with the amount moved. */
export async function milestoneEntries(
  knex: Knex,
  householdId: string,
): Promise<Array<{ kind: string; value_date: string; advance_id: string | null; group_id: string; name: string; advance_amount: string | null; moved: string | null }>> {
  // What each kind of entry moved: a refund the member's savings, an advance payment or repayment the advance.
  const entries = unreversedEntriesSql(knex, householdId, { advance_payment: 'advance_receivable', advance_repayment: 'advance_receivable', refund: 'group_savings' });
  const result = (await knex.raw(
    `SELECT e.kind, e.value_date, e.subject AS advance_id, e.book AS group_id, g.name, a.amount AS advance_amount, e.posted AS moved
       FROM ? e
       JOIN savings_groups g ON g.id = e.book
       LEFT JOIN advances a ON a.id = e.subject
      ORDER BY e.value_date, e.number`,
    [entries],
  )) as { rows: Array<{ kind: string; value_date: string; advance_id: string | null; group_id: string; name: string; advance_amount: string | null; moved: string | null }> };
  return result.rows;
}
