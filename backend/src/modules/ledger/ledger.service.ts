/**
 * The ledger: the one way money is written and read, for every feature that moves money (GECS groups
 * today; rental-deposit advances, acquisitions and bank imports next). It knows nothing of groups or
 * households: an account has a kind, an optional book (the scope whose months are closed together),
 * an optional owner and an optional subject; an entry may name a book, an owner and a subject (the
 * record it is about). Books and subjects are registered by their features' tables (ledger_books,
 * ledger_subjects: a GECS group or the rental-deposit fund; a GECS or a rental advance).
 *
 * The database enforces the rules (balanced entries, immutability, no account overdrawn at any date,
 * no entry in a closed month of its book); this module writes what a feature decided and reads
 * balances through the daily running balances. Features name their kinds (a chart of accounts) and
 * take their locks; every write runs in the caller's transaction.
 */
import type { Knex } from 'knex';
import type { Actor } from '../../db/tx.ts';
import { monthEnd, monthOf, today } from '../../lib/dates.ts';
import { AppError, brokenCheck, errors } from '../../lib/errors.ts';
import { Money, formatAmount, sum } from '../../lib/money.ts';
import type { MoneyContext } from './ledger.idempotency.ts';
import * as repo from './ledger.repository.ts';

export type { Account, AccountFilter, AccountKey, EntryHead } from './ledger.repository.ts';
/**
 * Pieces of the ledger's SQL for a feature's own query (see ledger.repository.ts): a read joining the
 * feature's tables with balances, accounts, closings or entries stays one round trip, and the ledger's
 * tables are still named only in this module.
 */
export { accountIdSql, bookBalanceAtSql, latestClosedMonthSql, unreversedEntriesSql, type ColumnRef } from './ledger.repository.ts';

/** The kind of every reversal entry (the schema requires its reason and the entry it reverses). */
export const REVERSAL = 'reversal';

/** The id of an account, created on first use with its normal sign (+1 held, -1 owed). */
export async function ensureAccount(trx: Knex, organisationId: string, key: repo.AccountKey, normalSign: 1 | -1): Promise<string> {
  const existing = await repo.findAccountId(trx, key);
  if (existing) return existing;
  await repo.insertAccount(trx, organisationId, key, normalSign);
  const created = await repo.findAccountId(trx, key);
  if (!created) throw new Error(`account ${key.kind} could not be created`);
  return created;
}

/** An existing account's id, or null when it was never created. */
export async function findAccount(knex: Knex, key: repo.AccountKey): Promise<string | null> {
  return repo.findAccountId(knex, key);
}

/** The accounts of an owner and/or a book, optionally of some kinds only. */
export async function accountsOf(knex: Knex, filter: repo.AccountFilter): Promise<repo.Account[]> {
  return repo.listAccounts(knex, filter);
}

/** One line of an entry: an account and a signed amount. */
export interface NewPosting {
  accountId: string;
  /** Signed, in euros: debits positive, credits negative. Zero postings are dropped. */
  amount: Money;
}

/** An entry to post: its kind, date, book, owner and subject, who posts it, and its balanced postings. */
export interface NewEntry {
  organisationId: string;
  kind: string;
  valueDate: string;
  /** The book the entry is kept in: an entry dated in a closed month of its book is refused. */
  book?: string | null;
  owner?: string | null;
  /** The record the entry is about (a GECS advance, a rental advance). */
  subject?: string | null;
  memo?: string | null;
  bankReference?: string | null;
  idempotencyKey?: string | null;
  actor: Actor;
  postings: NewPosting[];
}

/** A posted entry's id and its number (the journal's order). */
export interface PostedEntry {
  id: string;
  number: number;
}

/** What to answer when the database refuses an entry because an account would be overdrawn on some date. */
export type OverdraftError = () => AppError;

/** Runs a write; an overdrawn account (the database's CHECK) becomes the caller's own error. */
async function refusingOverdraft<T>(fn: () => Promise<T>, onOverdraft?: OverdraftError): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (onOverdraft && brokenCheck(err) === 'account_never_overdrawn') throw onOverdraft();
    throw err;
  }
}

function checkBalanced(kind: string, postings: NewPosting[]): NewPosting[] {
  const kept = postings.filter((p) => !p.amount.isZero());
  if (kept.length < 2 || !sum(kept.map((p) => p.amount)).isZero()) throw new Error(`unbalanced ${kind} entry`);
  return kept;
}

/** Writes one balanced journal entry and its postings (the caller's transaction commits them together). */
export async function postEntry(trx: Knex.Transaction, entry: NewEntry, onOverdraft?: OverdraftError): Promise<PostedEntry> {
  const postings = checkBalanced(entry.kind, entry.postings);
  return refusingOverdraft(
    () =>
      repo.insertEntry(
        trx,
        {
          organisationId: entry.organisationId,
          kind: entry.kind,
          valueDate: entry.valueDate,
          book: entry.book ?? null,
          owner: entry.owner ?? null,
          subject: entry.subject ?? null,
          memo: entry.memo ?? null,
          bankReference: entry.bankReference ?? null,
          reversesEntryId: null,
          reason: null,
          idempotencyKey: entry.idempotencyKey ?? null,
          actor: entry.actor,
        },
        postings.map((p) => ({ accountId: p.accountId, amount: formatAmount(p.amount) })),
      ),
    onOverdraft,
  );
}

/** Posts a money operation's one entry in its transaction, under its organisation, actor and idempotency key. */
export async function postOperation(op: MoneyContext, entry: Omit<NewEntry, 'organisationId' | 'idempotencyKey' | 'actor'>, onOverdraft?: OverdraftError): Promise<PostedEntry> {
  return postEntry(op.trx, { ...entry, organisationId: op.organisationId, idempotencyKey: op.idempotencyKey, actor: op.actor }, onOverdraft);
}

/** The two postings that move an amount into one account (debit) out of another (credit). */
export function transfer(into: string, outOf: string, amount: Money): NewPosting[] {
  return [
    { accountId: into, amount },
    { accountId: outOf, amount: amount.negated() },
  ];
}

/** A posted reversal and the entry it cancels. */
export interface Reversal {
  entryId: string;
  entryNumber: number;
  reversesEntryId: string;
  reversesEntryNumber: number;
  valueDate: string;
  reason: string;
}

/** What reverseEntry needs: the entry, the reason, who, and the feature's hooks. */
export interface ReverseRequest {
  organisationId: string;
  entryId: string;
  reason: string;
  actor: Actor;
  idempotencyKey?: string | null;
  /** Takes the feature's lock on the entry's book before anything is checked against it. */
  lock?: (original: repo.EntryHead) => Promise<void>;
  /** Updates the feature's own records (e.g. cancels an advance) once the reversal is allowed, before it is posted. */
  beforePosting?: (original: repo.EntryHead, valueDate: string) => Promise<void>;
  /** The error to answer when the reversal, on its date, would overdraw an account. */
  onOverdraft?: (valueDate: string) => AppError;
}

/**
 * Cancels an entry by posting its mirror image, with a reason. The reversal keeps the original's date
 * while its month is open in its book; once that month is closed it is dated today, in the open month,
 * and its memo says which entry of which date it corrects. A reversal is never itself reversed.
 */
export async function reverseEntry(trx: Knex.Transaction, req: ReverseRequest): Promise<Reversal> {
  const original = await repo.findEntry(trx, req.organisationId, req.entryId);
  if (!original) throw errors.notFound('entry');
  if (original.kind === REVERSAL) throw errors.conflict('cannot_reverse_reversal', 'A reversal cannot itself be reversed: post the operation again instead.');
  await req.lock?.(original);
  const already = await repo.reversalNumberOf(trx, original.id);
  if (already !== null) throw errors.conflict('already_reversed', `This entry was already reversed by entry #${already}.`);
  const closed = original.book ? await closedThrough(trx, original.book) : null;
  const valueDate = closed && original.valueDate <= closed ? today() : original.valueDate;
  await req.beforePosting?.(original, valueDate);
  const postings = (await repo.postingsOf(trx, original.id)).map((p) => ({ accountId: p.accountId, amount: p.amount.negated() }));
  const entry = await refusingOverdraft(
    () =>
      repo.insertEntry(
        trx,
        {
          organisationId: req.organisationId,
          kind: REVERSAL,
          valueDate,
          book: original.book,
          owner: original.owner,
          subject: original.subject,
          memo: `Correction of entry #${original.number} dated ${original.valueDate}`,
          bankReference: null,
          reversesEntryId: original.id,
          reason: req.reason,
          idempotencyKey: req.idempotencyKey ?? null,
          actor: req.actor,
        },
        checkBalanced(REVERSAL, postings).map((p) => ({ accountId: p.accountId, amount: formatAmount(p.amount) })),
      ),
    req.onOverdraft && (() => req.onOverdraft!(valueDate)),
  );
  return { entryId: entry.id, entryNumber: entry.number, reversesEntryId: original.id, reversesEntryNumber: original.number, valueDate, reason: req.reason };
}

/** An entry's header (kind, date, book, owner, subject), or null when it is not the organisation's. */
export async function findEntry(knex: Knex, organisationId: string, entryId: string): Promise<repo.EntryHead | null> {
  return repo.findEntry(knex, organisationId, entryId);
}

/**
 * Signed balances (debits positive) of accounts at the end of a date: one index lookup per account in
 * the daily running balances, whatever the length of the history. Accounts without postings are 0.
 */
export async function balancesAt(knex: Knex, accountIds: string[], on: string): Promise<Map<string, Money>> {
  return repo.closingsAt(knex, accountIds, on);
}

/**
 * Balances of the accounts of an owner and/or a book (optionally of some kinds) at the end of each
 * date, in their normal direction (what they hold or owe, in euros): one query for all dates.
 */
export async function balancesOfAt(
  knex: Knex,
  filter: repo.AccountFilter,
  dates: readonly string[],
): Promise<Array<{ account: repo.Account; on: string; balance: Money }>> {
  return (await repo.closingsOfAt(knex, filter, dates)).map((r) => ({ account: r.account, on: r.on, balance: r.closing.times(r.account.normalSign) }));
}

/** The balance of one account at the end of a date in its normal direction (what it holds or owes); 0 for no account. */
export async function balanceAt(knex: Knex, accountId: string | null, normalSign: 1 | -1, on: string): Promise<Money> {
  if (!accountId) return new Money(0);
  return (await repo.closingsAt(knex, [accountId], on)).get(accountId)!.times(normalSign);
}

/**
 * The lowest balance (normal direction) an account has on any day from a date on: what an operation
 * dated that day may take out without overdrawing it on that day or any later one.
 */
export async function lowestBalanceFrom(knex: Knex, accountId: string | null, normalSign: 1 | -1, from: string): Promise<Money> {
  if (!accountId) return new Money(0);
  const { atStart, later } = await repo.closingAndExtremeAfter(knex, accountId, from, normalSign);
  const start = atStart.times(normalSign);
  return later === null ? start : Money.min(start, later.times(normalSign));
}

/** Sum of the postings (signed) to accounts of a kind in the entries about a subject. */
export async function postedOnSubject(knex: Knex, subject: string, kind: string): Promise<Money> {
  return repo.postedOnSubject(knex, subject, kind);
}

/** One entry of a movement listing, with its effect on the accounts listed. */
export interface Movement {
  id: string;
  number: number;
  kind: string;
  valueDate: string;
  memo: string | null;
  bankReference: string | null;
  reason: string | null;
  book: string | null;
  owner: string | null;
  subject: string | null;
  reversesEntryId: string | null;
  reversesEntryNumber: number | null;
  reversesEntryDate: string | null;
  reversesEntryKind: string | null;
  reversedByEntryId: string | null;
  reversedByEntryNumber: number | null;
  createdAt: string;
  createdBy: string;
  /** Effect on the listed accounts, per account kind, in their normal direction (+ grows, − shrinks), in euros. */
  effects: Record<string, Money>;
}

/** Entries touching the accounts of an owner and/or a book (optionally of some kinds) in a period, oldest first. */
export async function movements(knex: Knex, filter: repo.AccountFilter, from: string, to: string): Promise<Movement[]> {
  const lines = new Map<string, Movement>();
  for (const row of await repo.movementRows(knex, filter, from, to)) {
    let line = lines.get(row.id);
    if (!line) {
      line = {
        id: row.id,
        number: Number(row.number),
        kind: row.kind,
        valueDate: row.value_date,
        memo: row.memo,
        bankReference: row.bank_reference,
        reason: row.reason,
        book: row.group_id,
        owner: row.household_id,
        subject: row.advance_id,
        reversesEntryId: row.reverses_entry_id,
        reversesEntryNumber: row.orig_number === null ? null : Number(row.orig_number),
        reversesEntryDate: row.orig_date,
        reversesEntryKind: row.orig_kind,
        reversedByEntryId: row.rev_id,
        reversedByEntryNumber: row.rev_number === null ? null : Number(row.rev_number),
        createdAt: new Date(row.created_at).toISOString(),
        createdBy: row.created_by_label,
        effects: {},
      };
      lines.set(row.id, line);
    }
    const value = new Money(row.amount).times(row.normal_sign);
    line.effects[row.account_kind] = (line.effects[row.account_kind] ?? new Money(0)).plus(value);
  }
  return [...lines.values()];
}

/** One posting of a book's entries: the entry, the account's kind and owner, and the effect on that account. */
export interface BookPosting {
  entryId: string;
  entryNumber: number;
  kind: string;
  valueDate: string;
  memo: string | null;
  bankReference: string | null;
  reason: string | null;
  createdAt: Date;
  createdBy: string;
  reversesEntryNumber: number | null;
  accountKind: string;
  owner: string | null;
  /** In the account's normal direction (+ grows, − shrinks), in euros. */
  effect: Money;
}

/** Every posting of the entries kept in a book with a value date in a period, by date and entry number. */
export async function bookPostings(knex: Knex, organisationId: string, book: string, from: string, to: string): Promise<BookPosting[]> {
  return (await repo.bookPostingRows(knex, organisationId, book, from, to)).map((r) => ({
    entryId: r.id,
    entryNumber: Number(r.number),
    kind: r.kind,
    valueDate: r.value_date,
    memo: r.memo,
    bankReference: r.bank_reference,
    reason: r.reason,
    createdAt: new Date(r.created_at),
    createdBy: r.created_by_label,
    reversesEntryNumber: r.reverses_number === null ? null : Number(r.reverses_number),
    accountKind: r.account_kind,
    owner: r.household_id,
    effect: new Money(r.amount).times(r.normal_sign),
  }));
}

/**
 * What entries of a kind, net of their reversals, moved on the accounts of a kind (of an owner and/or
 * a book) up to a date, in the accounts' normal direction (euros): per month ('YYYY-MM-01') or per owner.
 */
export async function netMovedBy(
  knex: Knex,
  by: 'month' | 'owner',
  filter: { owner?: string; book?: string; subject?: string; kind: string; normalSign: 1 | -1 },
  entryKind: string,
  on: string,
): Promise<Array<{ key: string; amount: Money }>> {
  return (await repo.netPostedBy(knex, by, filter, entryKind, on)).map((r) => ({ key: r.key, amount: new Money(r.amount).times(filter.normalSign) }));
}

/** What a book's postings say, recomputed from the postings alone, against what the running balances store. */
export interface BookAudit {
  /** Per account kind, the sum of the postings in the normal direction (euros). */
  postedByKind: Record<string, Money>;
  /** Whether every account's stored balance and last running balance equal the sum of its postings. */
  runningBalancesMatch: boolean;
}

/** Sums a book's postings per account kind and checks them against the stored balances. */
export async function auditBook(knex: Knex, book: string): Promise<BookAudit> {
  const postedByKind: Record<string, Money> = {};
  let runningBalancesMatch = true;
  for (const row of await repo.bookAccountSums(knex, book)) {
    const posted = new Money(row.posted);
    postedByKind[row.kind] = (postedByKind[row.kind] ?? new Money(0)).plus(posted.times(row.normal_sign));
    if (!posted.equals(row.balance) || !posted.equals(row.last_closing ?? 0)) runningBalancesMatch = false;
  }
  return { postedByKind, runningBalancesMatch };
}

/** Day by day, the stored running balance of a book's account of a kind and the one recomputed from its postings (signed, euros). */
export async function recomputedDays(knex: Knex, book: string, kind: string): Promise<Array<{ day: string; closing: Money; recomputed: Money }>> {
  return (await repo.recomputedDays(knex, book, kind)).map((d) => ({ day: d.day, closing: new Money(d.closing), recomputed: new Money(d.recomputed) }));
}

/** The last day of the latest closed month of a book, or null when no month is closed. */
export async function closedThrough(knex: Knex, book: string): Promise<string | null> {
  const month = await repo.latestClosedMonth(knex, book);
  return month ? monthEnd(month) : null;
}

/** A book's closed months ('YYYY-MM-01'), latest first. */
export async function closingsOf(knex: Knex, book: string): Promise<Array<{ month: string; closedAt: Date; closedBy: string }>> {
  return repo.listClosings(knex, book);
}

/**
 * Closes a month ('YYYY-MM') of a book: nothing may be dated in it or before it any more. A month is
 * closed from its next day on, one after the other. The caller holds the book's lock; `bookName` is
 * how the feature calls a book in its messages ("group").
 */
export async function closeMonth(trx: Knex.Transaction, actor: Actor, book: string, month: string, bookName: string): Promise<{ month: string; closedAt: string; closedBy: string }> {
  if (monthEnd(month) >= today()) throw errors.conflict('month_not_ended', `${month} has not ended yet; a month can be closed from its next day on.`);
  const closed = await closedThrough(trx, book);
  if (closed && monthEnd(month) <= closed) throw errors.conflict('already_closed', `This ${bookName} is closed through ${monthOf(closed)}.`);
  const { closedAt } = await repo.insertClosing(trx, book, `${month}-01`, actor);
  return { month, closedAt: closedAt.toISOString(), closedBy: actor.label };
}
