/**
 * The SQL behind the journey's savings milestones: a household's advance and refund entries with their
 * group's name and the advance they are about (a join of the ledger's journal with GECS tables).
 */
import type { Knex } from 'knex';

/** A household's advance payments, repayments and refunds that were not reversed, oldest first, with the amount moved. */
export async function milestoneEntries(
  knex: Knex,
  householdId: string,
): Promise<Array<{ kind: string; value_date: string; advance_id: string | null; group_id: string; name: string; advance_amount: string | null; moved: string | null }>> {
  const entries = (await knex.raw(
    `SELECT e.kind, e.value_date, e.advance_id, e.group_id, g.name, a.amount AS advance_amount,
            (SELECT sum(p.amount) FROM ledger_postings p JOIN ledger_accounts la ON la.id = p.account_id
              WHERE p.entry_id = e.id AND la.kind = CASE WHEN e.kind = 'refund' THEN 'group_savings' ELSE 'advance_receivable' END) AS moved
       FROM journal_entries e
       JOIN savings_groups g ON g.id = e.group_id
       LEFT JOIN advances a ON a.id = e.advance_id
      WHERE e.household_id = ? AND e.kind IN ('advance_payment', 'advance_repayment', 'refund')
        AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = e.id)
      ORDER BY e.value_date, e.number`,
    [householdId],
  )) as { rows: Array<{ kind: string; value_date: string; advance_id: string | null; group_id: string; name: string; advance_amount: string | null; moved: string | null }> };
  return entries.rows;
}
