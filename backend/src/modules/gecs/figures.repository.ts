/**
 * The SQL behind GECS figures that read the ledger's tables in the group's own terms: deposits net of
 * their reversals (expected vs paid), the invariant check, the journey's savings milestones.
 */
import type { Knex } from 'knex';
import type { AccountKind } from './gecs.accounts.ts';

/**
 * Group deposits of a household up to a date, net of their reversals, summed per month (one row per
 * month, dated on its first day), read from the savings account's postings through its (account, date) index.
 */
export async function monthlyDeposits(knex: Knex, householdId: string, groupId: string, on: string): Promise<Array<{ valueDate: string; amount: string }>> {
  const rows = (await knex.raw(
    `SELECT to_char(date_trunc('month', p.value_date), 'YYYY-MM-DD') AS month, sum(-p.amount) AS amount
       FROM ledger_accounts a
       JOIN ledger_postings p ON p.account_id = a.id AND p.value_date <= ?::date
       JOIN journal_entries e ON e.id = p.entry_id
      WHERE a.household_id = ? AND a.group_id = ? AND a.kind = 'group_savings'
        AND (e.kind = 'deposit_group'
             OR (e.kind = 'reversal' AND EXISTS (SELECT 1 FROM journal_entries o WHERE o.id = e.reverses_entry_id AND o.kind = 'deposit_group')))
      GROUP BY 1
      ORDER BY 1`,
    [on, householdId, groupId],
  )) as { rows: Array<{ month: string; amount: string }> };
  return rows.rows.map((r) => ({ valueDate: r.month, amount: r.amount }));
}

/** What each member of a group paid in group deposits up to a date, net of reversals: one aggregate query. */
export async function depositTotals(knex: Knex, groupId: string, on: string): Promise<Map<string, string>> {
  const paid = (await knex.raw(
    `SELECT a.household_id, sum(-p.amount) AS total
       FROM ledger_postings p
       JOIN ledger_accounts a ON a.id = p.account_id
       JOIN journal_entries e ON e.id = p.entry_id
       LEFT JOIN journal_entries o ON o.id = e.reverses_entry_id
      WHERE a.group_id = ? AND a.kind = 'group_savings' AND p.value_date <= ?::date
        AND (e.kind = 'deposit_group' OR (e.kind = 'reversal' AND o.kind = 'deposit_group'))
      GROUP BY a.household_id`,
    [groupId, on],
  )) as { rows: Array<{ household_id: string; total: string }> };
  return new Map(paid.rows.map((r) => [r.household_id, r.total]));
}

/** Per account of a group: stored balance, sum of its postings and last running balance. */
export async function accountSums(knex: Knex, groupId: string): Promise<Array<{ id: string; kind: AccountKind; balance: string; posted: string; last_closing: string | null }>> {
  const sums = (await knex.raw(
    `SELECT a.id, a.kind, a.balance, coalesce(sum(p.amount), 0) AS posted,
            (SELECT closing FROM account_daily_balances d WHERE d.account_id = a.id ORDER BY day DESC LIMIT 1) AS last_closing
       FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id
      WHERE a.group_id = ?
      GROUP BY a.id, a.kind, a.balance`,
    [groupId],
  )) as { rows: Array<{ id: string; kind: AccountKind; balance: string; posted: string; last_closing: string | null }> };
  return sums.rows;
}

/** Day by day, the pot's stored running balance and the one recomputed from its postings. */
export async function potDays(knex: Knex, groupId: string): Promise<Array<{ day: string; closing: string; recomputed: string }>> {
  const days = (await knex.raw(
    `SELECT d.day, d.closing, sum(sum(p.amount)) OVER (ORDER BY d.day) AS recomputed
       FROM account_daily_balances d
       JOIN ledger_accounts a ON a.id = d.account_id AND a.group_id = ? AND a.kind = 'pot_cash'
       JOIN ledger_postings p ON p.account_id = d.account_id AND p.value_date = d.day
      GROUP BY d.day, d.closing
      ORDER BY d.day`,
    [groupId],
  )) as { rows: Array<{ day: string; closing: string; recomputed: string }> };
  return days.rows;
}

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
