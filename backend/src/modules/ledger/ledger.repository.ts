/**
 * The ledger's SQL: accounts, journal entries, postings, daily running balances, closings and
 * idempotency keys. Rows are mapped to camelCase objects here; the rules live in the database
 * (migrations/20261127000002_create_ledger.ts) and in ledger.service.ts.
 *
 * The schema names an account's or an entry's scope `group_id`, its holder `household_id` and its subject
 * `advance_id`: to the ledger these are an opaque book (a row of ledger_books), owner and subject (a
 * row of ledger_subjects) — see ledger.service.ts.
 */
import type { Knex } from 'knex';
import type { Actor } from '../../db/tx.ts';
import { Money } from '../../lib/money.ts';

/** Where an account belongs: its kind, the book it is kept in, its owner and its subject (each if any). */
export interface AccountKey {
  kind: string;
  book?: string | null;
  owner?: string | null;
  subject?: string | null;
}

/** Which accounts a read is about: of an owner, of a book, of a subject, of some kinds. */
export interface AccountFilter {
  owner?: string;
  book?: string;
  subject?: string;
  kinds?: readonly string[];
}

/** An account as the ledger stores it. */
export interface Account {
  id: string;
  kind: string;
  book: string | null;
  owner: string | null;
  subject: string | null;
  /** +1 debit-normal (what is held), -1 credit-normal (what is owed). */
  normalSign: 1 | -1;
}

interface AccountRow {
  id: string;
  kind: string;
  group_id: string | null;
  household_id: string | null;
  advance_id: string | null;
  normal_sign: number;
}

function toAccount(row: AccountRow): Account {
  return { id: row.id, kind: row.kind, book: row.group_id, owner: row.household_id, subject: row.advance_id, normalSign: row.normal_sign === -1 ? -1 : 1 };
}

/** The id of the account with this key, or null. */
export async function findAccountId(knex: Knex, key: AccountKey): Promise<string | null> {
  const book = key.book ?? null;
  const owner = key.owner ?? null;
  const subject = key.subject ?? null;
  const row = await knex('ledger_accounts')
    .where({ kind: key.kind })
    .andWhere((q) => (book ? q.where('group_id', book) : q.whereNull('group_id')))
    .andWhere((q) => (owner ? q.where('household_id', owner) : q.whereNull('household_id')))
    .andWhere((q) => (subject ? q.where('advance_id', subject) : q.whereNull('advance_id')))
    .first<{ id: string } | undefined>('id');
  return row?.id ?? null;
}

/** Inserts an account unless one with the same key exists (concurrent creators meet on the unique index). */
export async function insertAccount(trx: Knex, organisationId: string, key: AccountKey, normalSign: 1 | -1): Promise<void> {
  await trx('ledger_accounts')
    .insert({ organisation_id: organisationId, kind: key.kind, group_id: key.book ?? null, household_id: key.owner ?? null, advance_id: key.subject ?? null, normal_sign: normalSign })
    .onConflict()
    .ignore();
}

/** Accounts matching a filter: of an owner, of a book, of a subject, of some kinds. */
export async function listAccounts(knex: Knex, filter: AccountFilter): Promise<Account[]> {
  const q = knex('ledger_accounts').select<AccountRow[]>('id', 'kind', 'group_id', 'household_id', 'advance_id', 'normal_sign');
  if (filter.owner) q.where('household_id', filter.owner);
  if (filter.book) q.where('group_id', filter.book);
  if (filter.subject) q.where('advance_id', filter.subject);
  if (filter.kinds) q.whereIn('kind', filter.kinds);
  return (await q).map(toAccount);
}

/** What an entry row holds once written. */
export interface EntryInsert {
  organisationId: string;
  kind: string;
  valueDate: string;
  book: string | null;
  owner: string | null;
  subject: string | null;
  memo: string | null;
  bankReference: string | null;
  reversesEntryId: string | null;
  reason: string | null;
  idempotencyKey: string | null;
  actor: Actor;
}

/** Inserts an entry and its postings; the deferred triggers check the balance at commit. */
export async function insertEntry(trx: Knex.Transaction, entry: EntryInsert, postings: Array<{ accountId: string; amount: string }>): Promise<{ id: string; number: number }> {
  // Plain SQL, two round trips: posting is the hot path of every money operation.
  const inserted = (await trx.raw(
    `INSERT INTO journal_entries (organisation_id, kind, value_date, group_id, household_id, advance_id, memo, bank_reference,
                                  reverses_entry_id, reason, idempotency_key, created_by, created_by_label)
     VALUES (?, ?, ?::date, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, number`,
    [
      entry.organisationId,
      entry.kind,
      entry.valueDate,
      entry.book,
      entry.owner,
      entry.subject,
      entry.memo,
      entry.bankReference,
      entry.reversesEntryId,
      entry.reason,
      entry.idempotencyKey,
      entry.actor.userId,
      entry.actor.label,
    ],
  )) as { rows: Array<{ id: string; number: number }> };
  const posted = inserted.rows[0]!;
  // value_date is copied from the entry by a trigger; one multi-row insert for all the postings.
  await trx.raw(
    `INSERT INTO ledger_postings (entry_id, account_id, amount, value_date)
     SELECT ?::uuid, account_id, amount, ?::date FROM unnest(?::uuid[], ?::numeric[]) AS p(account_id, amount)`,
    [posted.id, entry.valueDate, postings.map((p) => p.accountId), postings.map((p) => p.amount)],
  );
  return { id: posted.id, number: Number(posted.number) };
}

/** A journal entry's header. */
export interface EntryHead {
  id: string;
  number: number;
  kind: string;
  valueDate: string;
  book: string | null;
  owner: string | null;
  subject: string | null;
}

/** An entry of the organisation, or null. */
export async function findEntry(knex: Knex, organisationId: string, id: string): Promise<EntryHead | null> {
  const row = await knex('journal_entries')
    .where({ id, organisation_id: organisationId })
    .first<{ id: string; number: number; kind: string; value_date: string; group_id: string | null; household_id: string | null; advance_id: string | null } | undefined>(
      'id', 'number', 'kind', 'value_date', 'group_id', 'household_id', 'advance_id',
    );
  return row ? { id: row.id, number: Number(row.number), kind: row.kind, valueDate: row.value_date, book: row.group_id, owner: row.household_id, subject: row.advance_id } : null;
}

/** The number of the entry reversing this one, or null. */
export async function reversalNumberOf(knex: Knex, entryId: string): Promise<number | null> {
  const row = await knex('journal_entries').where({ reverses_entry_id: entryId }).first<{ number: number } | undefined>('number');
  return row ? Number(row.number) : null;
}

/** An entry's postings (signed, debits positive). */
export async function postingsOf(knex: Knex, entryId: string): Promise<Array<{ accountId: string; amount: Money }>> {
  const rows = await knex('ledger_postings').where({ entry_id: entryId }).select<Array<{ account_id: string; amount: string }>>('account_id', 'amount');
  return rows.map((p) => ({ accountId: p.account_id, amount: new Money(p.amount) }));
}

/** Signed closing balances of accounts at the end of a date, one index lookup per account. */
export async function closingsAt(knex: Knex, accountIds: string[], on: string): Promise<Map<string, Money>> {
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

/** Signed closing balances of the accounts matching a filter at the end of each date, in one query. */
export async function closingsOfAt(knex: Knex, filter: AccountFilter, dates: readonly string[]): Promise<Array<{ account: Account; on: string; closing: Money }>> {
  const conditions: Array<[string, Knex.RawBinding]> = [];
  if (filter.owner) conditions.push(['a.household_id = ?', filter.owner]);
  if (filter.book) conditions.push(['a.group_id = ?', filter.book]);
  if (filter.subject) conditions.push(['a.advance_id = ?', filter.subject]);
  if (filter.kinds) conditions.push(['a.kind = ANY(?::text[])', [...filter.kinds]]);
  const where = conditions.map(([sql]) => sql);
  const bindings: Knex.RawBinding[] = [[...dates], ...conditions.map(([, value]) => value)];
  const result = (await knex.raw(
    `SELECT a.id, a.kind, a.group_id, a.household_id, a.advance_id, a.normal_sign, to_char(d.as_of, 'YYYY-MM-DD') AS as_of, b.closing
       FROM ledger_accounts a
       CROSS JOIN unnest(?::date[]) AS d(as_of)
       LEFT JOIN LATERAL (SELECT closing FROM account_daily_balances x WHERE x.account_id = a.id AND x.day <= d.as_of ORDER BY x.day DESC LIMIT 1) b ON true
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
    bindings,
  )) as { rows: Array<AccountRow & { as_of: string; closing: string | null }> };
  return result.rows.map((r) => ({ account: toAccount(r), on: r.as_of, closing: new Money(r.closing ?? 0) }));
}

/** The signed closing at a date and the extreme signed closing after it (min for debit-normal, max for credit-normal). */
export async function closingAndExtremeAfter(knex: Knex, accountId: string, from: string, sign: 1 | -1): Promise<{ atStart: Money; later: Money | null }> {
  const result = (await knex.raw(
    `SELECT
       (SELECT closing FROM account_daily_balances WHERE account_id = ? AND day <= ?::date ORDER BY day DESC LIMIT 1) AS at_start,
       (SELECT ${sign === 1 ? 'min' : 'max'}(closing) FROM account_daily_balances WHERE account_id = ? AND day > ?::date) AS later`,
    [accountId, from, accountId, from],
  )) as { rows: Array<{ at_start: string | null; later: string | null }> };
  const row = result.rows[0]!;
  return { atStart: new Money(row.at_start ?? 0), later: row.later === null ? null : new Money(row.later) };
}

/** The sum of the postings to accounts of a kind in the entries about a subject (signed). */
export async function postedOnSubject(knex: Knex, subject: string, kind: string): Promise<Money> {
  const row = await knex('ledger_postings as p')
    .join('journal_entries as e', 'e.id', 'p.entry_id')
    .join('ledger_accounts as a', 'a.id', 'p.account_id')
    .where({ 'e.advance_id': subject, 'a.kind': kind })
    .sum<{ total: string | null }>('p.amount as total')
    .first();
  return new Money(row?.total ?? 0);
}

// ——— SQL for a feature's own query ———
// A feature's read that joins its own tables with the ledger's stays one round trip by embedding these
// pieces (knex raws) in its query; the ledger's tables are still named only in this module. `book` and
// `owner` name a column of the feature's query, as a knex identifier ('g.id').

/** A column of the caller's query, as a knex identifier ('g.id', 'm.household_id'). */
export type ColumnRef = string;

/** SQL: the id of the account of a kind kept in the book named by a column, of the owner named by a column or of none; NULL when never created. */
export function accountIdSql(knex: Knex, key: { kind: string; book: ColumnRef; owner?: ColumnRef | null }): Knex.Raw {
  return key.owner
    ? knex.raw('(SELECT a.id FROM ledger_accounts a WHERE a.kind = ? AND a.group_id = ?? AND a.household_id = ??)', [key.kind, key.book, key.owner])
    : knex.raw('(SELECT a.id FROM ledger_accounts a WHERE a.kind = ? AND a.group_id = ?? AND a.household_id IS NULL)', [key.kind, key.book]);
}

/** SQL: the first day of the latest closed month of the book named by a column; NULL when none is closed. */
export function latestClosedMonthSql(knex: Knex, book: ColumnRef): Knex.Raw {
  return knex.raw('(SELECT max(c.month) FROM month_closings c WHERE c.group_id = ??)', [book]);
}

/**
 * SQL: the balance at the end of a date, in its normal direction, of the book's own account of a kind
 * (no owner), for the book named by a column: one index lookup in the daily running balances. NULL
 * when the account was never created.
 */
export function bookBalanceAtSql(knex: Knex, kind: string, book: ColumnRef, on: string): Knex.Raw {
  return knex.raw(
    `(SELECT coalesce((SELECT d.closing FROM account_daily_balances d WHERE d.account_id = a.id AND d.day <= ?::date ORDER BY d.day DESC LIMIT 1), 0) * a.normal_sign
        FROM ledger_accounts a WHERE a.kind = ? AND a.group_id = ?? AND a.household_id IS NULL)`,
    [on, kind, book],
  );
}

/**
 * SQL: a table of an owner's entries of some kinds that were never reversed — id, number, kind,
 * value_date, book, subject — with `posted`, the signed sum of the entry's postings to the accounts of
 * the kind given for its entry kind (NULL when it has none).
 */
export function unreversedEntriesSql(knex: Knex, owner: string, postedOn: Readonly<Record<string, string>>): Knex.Raw {
  const kinds = Object.keys(postedOn);
  const cases = kinds.map(() => 'WHEN ? THEN ?').join(' ');
  return knex.raw(
    `(SELECT e.id, e.number, e.kind, e.value_date, e.group_id AS book, e.advance_id AS subject,
             (SELECT sum(p.amount) FROM ledger_postings p JOIN ledger_accounts la ON la.id = p.account_id
               WHERE p.entry_id = e.id AND la.kind = CASE e.kind ${cases} END) AS posted
        FROM journal_entries e
       WHERE e.household_id = ? AND e.kind = ANY(?::text[])
         AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = e.id))`,
    [...kinds.flatMap((k) => [k, postedOn[k]!]), owner, kinds],
  );
}

/** The first day of the latest closed month of a book, or null. */
export async function latestClosedMonth(knex: Knex, book: string): Promise<string | null> {
  const row = await knex('month_closings').where({ group_id: book }).max<{ month: string | null }>('month as month').first();
  return row?.month ?? null;
}

/** Records a closed month ('YYYY-MM-01') of a book. */
export async function insertClosing(trx: Knex, book: string, month: string, actor: Actor): Promise<{ closedAt: Date }> {
  const [row] = await trx('month_closings')
    .insert({ group_id: book, month, closed_by: actor.userId, closed_by_label: actor.label })
    .returning<Array<{ closed_at: Date | string }>>('closed_at');
  return { closedAt: new Date(row!.closed_at) };
}

/** A book's closed months, latest first. */
export async function listClosings(knex: Knex, book: string): Promise<Array<{ month: string; closedAt: Date; closedBy: string }>> {
  const rows = await knex('month_closings')
    .where({ group_id: book })
    .orderBy('month', 'desc')
    .select<Array<{ month: string; closed_at: Date | string; closed_by_label: string }>>('month', 'closed_at', 'closed_by_label');
  return rows.map((r) => ({ month: r.month, closedAt: new Date(r.closed_at), closedBy: r.closed_by_label }));
}

/** One posting with its entry: the columns every posting listing reads. */
interface PostingWithEntryRow {
  id: string;
  number: number;
  kind: string;
  value_date: string;
  memo: string | null;
  bank_reference: string | null;
  reason: string | null;
  created_at: Date | string;
  created_by_label: string;
  account_kind: string;
  normal_sign: number;
  amount: string;
}

/** One posting of a movement listing, with its entry. */
export interface MovementRow extends PostingWithEntryRow {
  group_id: string | null;
  household_id: string | null;
  advance_id: string | null;
  reverses_entry_id: string | null;
  orig_number: number | null;
  orig_date: string | null;
  orig_kind: string | null;
  rev_id: string | null;
  rev_number: number | null;
}

/** Postings to the accounts matching a filter in a period, with their entries, oldest first. */
export async function movementRows(knex: Knex, filter: AccountFilter, from: string, to: string): Promise<MovementRow[]> {
  const q = knex('ledger_postings as p')
    .join('ledger_accounts as a', 'a.id', 'p.account_id')
    .join('journal_entries as e', 'e.id', 'p.entry_id')
    .leftJoin('journal_entries as o', 'o.id', 'e.reverses_entry_id')
    .leftJoin('journal_entries as r', 'r.reverses_entry_id', 'e.id')
    .whereBetween('p.value_date', [from, to])
    .orderBy([{ column: 'e.value_date' }, { column: 'e.number' }])
    .select<MovementRow[]>(
      'e.id', 'e.number', 'e.kind', 'e.value_date', 'e.memo', 'e.bank_reference', 'e.reason', 'e.group_id', 'e.household_id', 'e.advance_id',
      'e.reverses_entry_id', 'e.created_at', 'e.created_by_label',
      'o.number as orig_number', 'o.value_date as orig_date', 'o.kind as orig_kind', 'r.id as rev_id', 'r.number as rev_number',
      'a.kind as account_kind', 'a.normal_sign', 'p.amount',
    );
  if (filter.owner) q.where('a.household_id', filter.owner);
  if (filter.book) q.where('a.group_id', filter.book);
  if (filter.subject) q.where('a.advance_id', filter.subject);
  if (filter.kinds) q.whereIn('a.kind', filter.kinds);
  return q;
}

/** One posting of a book's entries, with its entry and its account. */
export interface BookPostingRow extends PostingWithEntryRow {
  reverses_number: number | null;
  household_id: string | null;
}

/** Every posting of the entries kept in a book with a value date in a period, by date and entry number. */
export async function bookPostingRows(knex: Knex, organisationId: string, book: string, from: string, to: string): Promise<BookPostingRow[]> {
  return knex('journal_entries as e')
    .join('ledger_postings as p', 'p.entry_id', 'e.id')
    .join('ledger_accounts as a', 'a.id', 'p.account_id')
    .leftJoin('journal_entries as o', 'o.id', 'e.reverses_entry_id')
    .where({ 'e.group_id': book, 'e.organisation_id': organisationId })
    .whereBetween('e.value_date', [from, to])
    .orderBy([{ column: 'e.value_date' }, { column: 'e.number' }])
    .select<BookPostingRow[]>(
      'e.id', 'e.number', 'e.kind', 'e.value_date', 'e.memo', 'e.bank_reference', 'e.reason', 'e.created_at', 'e.created_by_label',
      'o.number as reverses_number', 'a.kind as account_kind', 'a.normal_sign', 'a.household_id', 'p.amount',
    );
}

/**
 * Net postings (signed) to the accounts of a kind (of an owner and/or a book) from entries of a kind
 * and from the reversals of such entries, with a value date up to a date: per month (first day) or
 * per owner. Read through the postings' (account, date) index.
 */
export async function netPostedBy(
  knex: Knex,
  by: 'month' | 'owner',
  filter: { owner?: string; book?: string; subject?: string; kind: string },
  entryKind: string,
  on: string,
): Promise<Array<{ key: string; amount: string }>> {
  const conditions: Array<[string, Knex.RawBinding]> = [['a.kind = ?', filter.kind]];
  if (filter.owner) conditions.push(['a.household_id = ?', filter.owner]);
  if (filter.book) conditions.push(['a.group_id = ?', filter.book]);
  if (filter.subject) conditions.push(['a.advance_id = ?', filter.subject]);
  const key = by === 'month' ? `to_char(date_trunc('month', p.value_date), 'YYYY-MM-DD')` : 'a.household_id::text';
  const rows = (await knex.raw(
    `SELECT ${key} AS key, sum(p.amount) AS amount
       FROM ledger_accounts a
       JOIN ledger_postings p ON p.account_id = a.id AND p.value_date <= ?::date
       JOIN journal_entries e ON e.id = p.entry_id
       LEFT JOIN journal_entries o ON o.id = e.reverses_entry_id
      WHERE ${conditions.map(([sql]) => sql).join(' AND ')}
        AND (e.kind = ? OR (e.kind = 'reversal' AND o.kind = ?))
      GROUP BY 1
      ORDER BY 1`,
    [on, ...conditions.map(([, value]) => value), entryKind, entryKind],
  )) as { rows: Array<{ key: string; amount: string }> };
  return rows.rows;
}

/** Per account of a book: its stored balance, the sum of its postings and its last running balance. */
export async function bookAccountSums(knex: Knex, book: string): Promise<Array<{ id: string; kind: string; normal_sign: number; balance: string; posted: string; last_closing: string | null }>> {
  const sums = (await knex.raw(
    `SELECT a.id, a.kind, a.normal_sign, a.balance, coalesce(sum(p.amount), 0) AS posted,
            (SELECT closing FROM account_daily_balances d WHERE d.account_id = a.id ORDER BY day DESC LIMIT 1) AS last_closing
       FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id
      WHERE a.group_id = ?
      GROUP BY a.id, a.kind, a.normal_sign, a.balance`,
    [book],
  )) as { rows: Array<{ id: string; kind: string; normal_sign: number; balance: string; posted: string; last_closing: string | null }> };
  return sums.rows;
}

/** Day by day, the stored running balance of a book's account of a kind and the one recomputed from its postings (signed). */
export async function recomputedDays(knex: Knex, book: string, kind: string): Promise<Array<{ day: string; closing: string; recomputed: string }>> {
  const days = (await knex.raw(
    `SELECT d.day, d.closing, sum(sum(p.amount)) OVER (ORDER BY d.day) AS recomputed
       FROM account_daily_balances d
       JOIN ledger_accounts a ON a.id = d.account_id AND a.group_id = ? AND a.kind = ?
       JOIN ledger_postings p ON p.account_id = d.account_id AND p.value_date = d.day
      GROUP BY d.day, d.closing
      ORDER BY d.day`,
    [book, kind],
  )) as { rows: Array<{ day: string; closing: string; recomputed: string }> };
  return days.rows;
}

/** Claims an idempotency key; false when it was claimed before (then the first claim has committed). */
export async function claimKey(trx: Knex.Transaction, organisationId: string, key: string, fingerprint: string): Promise<boolean> {
  // Plain SQL on this path: it runs for every money operation.
  const claimed = (await trx.raw(
    `INSERT INTO idempotency_keys (organisation_id, key, fingerprint) VALUES (?, ?, ?) ON CONFLICT (organisation_id, key) DO NOTHING RETURNING key`,
    [organisationId, key, fingerprint],
  )) as { rows: unknown[] };
  return claimed.rows.length > 0;
}

/** What was stored under a key. */
export async function storedAnswer<T>(knex: Knex, organisationId: string, key: string): Promise<{ fingerprint: string; status: number | null; body: T | null } | null> {
  const row = await knex('idempotency_keys')
    .where({ organisation_id: organisationId, key })
    .first<{ fingerprint: string; status: number | null; body: T | null } | undefined>('fingerprint', 'status', 'body');
  return row ?? null;
}

/** Stores the answer given under a key. */
export async function storeAnswer(trx: Knex.Transaction, organisationId: string, key: string, status: number, body: unknown): Promise<void> {
  await trx.raw(`UPDATE idempotency_keys SET status = ?, body = ?::jsonb WHERE organisation_id = ? AND key = ?`, [status, JSON.stringify(body), organisationId, key]);
}
