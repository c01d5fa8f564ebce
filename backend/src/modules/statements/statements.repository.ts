/** SQL of statements: the owner's identity, balances on two dates, the register of issued statements, export rows. */
import type { Knex } from 'knex';
import type { Actor } from '../../db/tx.ts';

/** The identity a statement prints for its owner (a household of the registry). */
export interface OwnerRow {
  id: string;
  display_name: string;
  reference: string;
  structured_communication: string;
  preferred_language: string;
}

/** The owner of a statement, or null when it is not the organisation's. */
export async function findOwner(knex: Knex, organisationId: string, ownerId: string): Promise<OwnerRow | null> {
  const row = await knex('households')
    .where({ id: ownerId, organisation_id: organisationId })
    .first<OwnerRow | undefined>('id', 'display_name', 'reference', 'structured_communication', 'preferred_language');
  return row ?? null;
}

/** Signed closing balances of an owner's accounts of some kinds at the end of two dates, in one query. */
export async function ownerBalancesOn(
  knex: Knex,
  ownerId: string,
  kinds: readonly string[],
  first: string,
  second: string,
): Promise<Array<{ kind: string; normal_sign: number; first: string | null; second: string | null }>> {
  const result = (await knex.raw(
    `SELECT a.kind, a.normal_sign, b0.closing AS first, b1.closing AS second
       FROM ledger_accounts a
       LEFT JOIN LATERAL (SELECT closing FROM account_daily_balances d WHERE d.account_id = a.id AND d.day <= ?::date ORDER BY d.day DESC LIMIT 1) b0 ON true
       LEFT JOIN LATERAL (SELECT closing FROM account_daily_balances d WHERE d.account_id = a.id AND d.day <= ?::date ORDER BY d.day DESC LIMIT 1) b1 ON true
      WHERE a.household_id = ? AND a.kind = ANY(?::text[])`,
    [first, second, ownerId, [...kinds]],
  )) as { rows: Array<{ kind: string; normal_sign: number; first: string | null; second: string | null }> };
  return result.rows;
}

/** What identifies one statement: whose, which period, which language, which content. */
export interface StatementIdentity {
  organisationId: string;
  ownerId: string;
  from: string;
  to: string;
  language: string;
  contentHash: string;
}

/**
 * Registers a statement, or finds the one already registered with the same identity: the unique
 * index on the identity makes a concurrent twin wait, then meet the first row (ON CONFLICT DO NOTHING).
 */
export async function registerStatement(
  trx: Knex.Transaction,
  id: StatementIdentity,
  verificationCode: string,
  actor: Actor,
): Promise<{ number: number; generatedAt: Date; verificationCode: string; created: boolean }> {
  const identity = {
    organisation_id: id.organisationId,
    household_id: id.ownerId,
    period_from: id.from,
    period_to: id.to,
    language: id.language,
    content_hash: id.contentHash,
  };
  const [inserted] = await trx('issued_statements')
    .insert({
      ...identity,
      verification_code: verificationCode,
      generated_by: actor.userId,
      generated_by_label: actor.label,
    })
    .onConflict(Object.keys(identity))
    .ignore()
    .returning<Array<{ number: number; generated_at: Date | string; verification_code: string }>>(['number', 'generated_at', 'verification_code']);
  const row =
    inserted ??
    (await trx('issued_statements')
      .where(identity)
      .first<{ number: number; generated_at: Date | string; verification_code: string } | undefined>('number', 'generated_at', 'verification_code'));
  if (!row) throw new Error('statement could not be registered');
  return { number: Number(row.number), generatedAt: new Date(row.generated_at), verificationCode: row.verification_code, created: inserted !== undefined };
}

/** A registered statement with its owner's identity. */
export interface IssuedRow {
  household_id: string;
  reference: string;
  display_name: string;
  period_from: string;
  period_to: string;
  language: string;
  verification_code: string;
  generated_at: Date | string;
  generated_by_label: string;
}

/** The statement registered under a number, or null. */
export async function findIssued(knex: Knex, organisationId: string, number: number): Promise<IssuedRow | null> {
  const row = await knex('issued_statements as s')
    .join('households as h', 'h.id', 's.household_id')
    .where({ 's.number': number, 's.organisation_id': organisationId })
    .first<IssuedRow | undefined>('s.household_id', 'h.reference', 'h.display_name', 's.period_from', 's.period_to', 's.language', 's.verification_code', 's.generated_at', 's.generated_by_label');
  return row ?? null;
}

/** One posting of a book's entries export, with the entry and the account's owner. */
export interface BookPostingRow {
  id: string;
  number: number;
  kind: string;
  value_date: string;
  memo: string | null;
  bank_reference: string | null;
  reason: string | null;
  created_at: Date | string;
  created_by_label: string;
  reverses_number: number | null;
  account_kind: string;
  normal_sign: number;
  household_id: string | null;
  reference: string | null;
  display_name: string | null;
  amount: string;
}

/** Every posting of a book's entries in a period, by date, entry number and owner reference. */
export async function bookPostingRows(knex: Knex, organisationId: string, book: string, from: string, to: string): Promise<BookPostingRow[]> {
  return knex('journal_entries as e')
    .join('ledger_postings as p', 'p.entry_id', 'e.id')
    .join('ledger_accounts as a', 'a.id', 'p.account_id')
    .leftJoin('households as h', 'h.id', 'a.household_id')
    .leftJoin('journal_entries as o', 'o.id', 'e.reverses_entry_id')
    .where({ 'e.group_id': book, 'e.organisation_id': organisationId })
    .whereBetween('e.value_date', [from, to])
    .orderBy([{ column: 'e.value_date' }, { column: 'e.number' }, { column: 'h.reference' }])
    .select<BookPostingRow[]>(
      'e.id', 'e.number', 'e.kind', 'e.value_date', 'e.memo', 'e.bank_reference', 'e.reason', 'e.created_at', 'e.created_by_label',
      'o.number as reverses_number', 'a.kind as account_kind', 'a.normal_sign', 'a.household_id', 'h.reference', 'h.display_name', 'p.amount',
    );
}
