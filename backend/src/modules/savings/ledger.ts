/**
 * The double-entry ledger: accounts, entries, postings and balances at a date. The database enforces
 * the rules (balanced entries, immutability, no account overdrawn at any date, closed months); this
 * module only writes what a service decided and reads balances through the daily running balances.
 */
import type { Knex } from 'knex';
import type { Actor } from '../../db/tx.ts';
import { Money, formatAmount, sum } from '../../lib/money.ts';

export type AccountKind = 'pot_cash' | 'group_reserve' | 'group_savings' | 'advance_receivable' | 'individual_savings' | 'individual_holdings';

/** +1: held by the group or household (debit-normal); -1: owed to households or kept by the group (credit-normal). */
export const NORMAL_SIGN: Record<AccountKind, 1 | -1> = {
  pot_cash: 1,
  group_reserve: -1,
  group_savings: -1,
  advance_receivable: 1,
  individual_savings: -1,
  individual_holdings: 1,
};

export type EntryKind = 'deposit_group' | 'deposit_individual' | 'advance_payment' | 'advance_repayment' | 'refund' | 'dividend' | 'reversal';

export interface AccountKey {
  kind: AccountKind;
  groupId?: string | null;
  householdId?: string | null;
}

export interface AccountRow {
  id: string;
  kind: AccountKind;
  group_id: string | null;
  household_id: string | null;
  normal_sign: number;
  balance: string;
}

/** The id of an account, created on first use. */
export async function ensureAccount(trx: Knex, organisationId: string, key: AccountKey): Promise<string> {
  const groupId = key.groupId ?? null;
  const householdId = key.householdId ?? null;
  const find = () =>
    trx('ledger_accounts')
      .where({ kind: key.kind })
      .andWhere((q) => (groupId ? q.where('group_id', groupId) : q.whereNull('group_id')))
      .andWhere((q) => (householdId ? q.where('household_id', householdId) : q.whereNull('household_id')))
      .first<{ id: string } | undefined>('id');
  const existing = await find();
  if (existing) return existing.id;
  await trx('ledger_accounts')
    .insert({ organisation_id: organisationId, kind: key.kind, group_id: groupId, household_id: householdId, normal_sign: NORMAL_SIGN[key.kind] })
    .onConflict()
    .ignore();
  const created = await find();
  if (!created) throw new Error(`account ${key.kind} could not be created`);
  return created.id;
}

/** An existing account's id, or null when nothing was ever posted to it. */
export async function findAccount(knex: Knex, key: AccountKey): Promise<string | null> {
  const row = await knex('ledger_accounts')
    .where({ kind: key.kind })
    .andWhere((q) => (key.groupId ? q.where('group_id', key.groupId) : q.whereNull('group_id')))
    .andWhere((q) => (key.householdId ? q.where('household_id', key.householdId) : q.whereNull('household_id')))
    .first<{ id: string } | undefined>('id');
  return row?.id ?? null;
}

export interface NewPosting {
  accountId: string;
  /** Signed: debits positive, credits negative. */
  amount: Money;
}

export interface NewEntry {
  organisationId: string;
  kind: EntryKind;
  valueDate: string;
  groupId?: string | null;
  householdId?: string | null;
  advanceId?: string | null;
  memo?: string | null;
  bankReference?: string | null;
  reversesEntryId?: string | null;
  reason?: string | null;
  idempotencyKey?: string | null;
  actor: Actor;
  postings: NewPosting[];
}

export interface PostedEntry {
  id: string;
  number: number;
}

/** Writes one journal entry and its postings (the caller's transaction commits them together). */
export async function postEntry(trx: Knex.Transaction, entry: NewEntry): Promise<PostedEntry> {
  const postings = entry.postings.filter((p) => !p.amount.isZero());
  if (postings.length < 2 || !sum(postings.map((p) => p.amount)).isZero()) {
    throw new Error(`unbalanced ${entry.kind} entry`);
  }
  // Plain SQL, two round trips: posting is the hot path of every money operation.
  const inserted = (await trx.raw(
    `INSERT INTO journal_entries (organisation_id, kind, value_date, group_id, household_id, advance_id, memo, bank_reference,
                                  reverses_entry_id, reason, idempotency_key, created_by, created_by_label)
     VALUES (?, ?, ?::date, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, number`,
    [
      entry.organisationId,
      entry.kind,
      entry.valueDate,
      entry.groupId ?? null,
      entry.householdId ?? null,
      entry.advanceId ?? null,
      entry.memo ?? null,
      entry.bankReference ?? null,
      entry.reversesEntryId ?? null,
      entry.reason ?? null,
      entry.idempotencyKey ?? null,
      entry.actor.userId,
      entry.actor.label,
    ],
  )) as { rows: Array<{ id: string; number: number }> };
  const posted = inserted.rows[0]!;
  // value_date is copied from the entry by a trigger; one multi-row insert for all the postings.
  await trx.raw(
    `INSERT INTO ledger_postings (entry_id, account_id, amount, value_date)
     SELECT ?::uuid, account_id, amount, ?::date FROM unnest(?::uuid[], ?::numeric[]) AS p(account_id, amount)`,
    [posted.id, entry.valueDate, postings.map((p) => p.accountId), postings.map((p) => formatAmount(p.amount))],
  );
  return { id: posted.id, number: Number(posted.number) };
}

/**
 * Signed balances (debits positive) of accounts at the end of a date: one index lookup per account in
 * the daily running balances, whatever the length of the history.
 */
export async function signedBalancesAt(knex: Knex, accountIds: string[], on: string): Promise<Map<string, Money>> {
  const out = new Map<string, Money>(accountIds.map((id) => [id, new Money(0)]));
  if (accountIds.length === 0) return out;
  const result = (await knex.raw(
    `SELECT a.id, b.closing
       FROM unnest(?::uuid[]) AS a(id)
       CROSS JOIN LATERAL (
         SELECT closing FROM account_daily_balances d
          WHERE d.account_id = a.id AND d.day <= ?::date
          ORDER BY d.day DESC LIMIT 1
       ) b`,
    [accountIds, on],
  )) as { rows: Array<{ id: string; closing: string }> };
  for (const row of result.rows) out.set(row.id, new Money(row.closing));
  return out;
}

/** The balance of one account at the end of a date, in its normal direction (what it holds or owes). */
export async function balanceAt(knex: Knex, accountId: string | null, kind: AccountKind, on: string): Promise<Money> {
  if (!accountId) return new Money(0);
  const balances = await signedBalancesAt(knex, [accountId], on);
  return balances.get(accountId)!.times(NORMAL_SIGN[kind]);
}

/**
 * The lowest balance (normal direction) an account has on any day from a date on: what an operation
 * dated that day may take out without overdrawing it on that day or any later one.
 */
export async function lowestBalanceFrom(knex: Knex, accountId: string | null, kind: AccountKind, from: string): Promise<Money> {
  if (!accountId) return new Money(0);
  const sign = NORMAL_SIGN[kind];
  const result = (await knex.raw(
    `SELECT
       (SELECT closing FROM account_daily_balances WHERE account_id = ? AND day <= ?::date ORDER BY day DESC LIMIT 1) AS at_start,
       (SELECT ${sign === 1 ? 'min' : 'max'}(closing) FROM account_daily_balances WHERE account_id = ? AND day > ?::date) AS later`,
    [accountId, from, accountId, from],
  )) as { rows: Array<{ at_start: string | null; later: string | null }> };
  const row = result.rows[0]!;
  const start = new Money(row.at_start ?? 0).times(sign);
  if (row.later === null) return start;
  return Money.min(start, new Money(row.later).times(sign));
}

/** Sum of an account's postings in a date range, split into money in (increases) and out (decreases). */
export interface PostingLine {
  entryId: string;
  accountId: string;
  amount: string;
  valueDate: string;
}
