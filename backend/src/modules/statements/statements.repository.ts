/**
 * SQL of statements: the register of issued statements. Balances and postings come from the ledger's
 * API; the owner's identity from the calling feature (an OwnerDirectory, statements.service.ts).
 */
import type { Knex } from 'knex';
import type { Actor } from '../../db/tx.ts';

/** What identifies one statement: whose, which period, which language, which content. */
export interface StatementIdentity {
  organisationId: string;
  ownerId: string;
  from: string;
  to: string;
  language: string;
  contentHash: string;
  /** The statement's kind ('savings', 'rental-deposit') and the subject it is about, if one. */
  kind: string;
  subject: string | null;
}

/**
 * Registers a statement, or finds the one already registered with the same identity. A number is
 * taken only when the statement is new: numbers come from the identity column's sequence, which moves
 * on every insert tried (ON CONFLICT DO NOTHING included) and never moves back, so an attempt that
 * would meet an existing row must not insert at all. A transaction-scoped advisory lock on the
 * identity makes a concurrent twin wait until the first one commits; its lookup (a new snapshot, as
 * transactions read committed) then finds that row. The unique index stays as the last guard.
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
    statement_kind: id.kind,
    subject_id: id.subject,
  };
  type Row = { number: number | string; generated_at: Date | string; verification_code: string };
  const columns = ['number', 'generated_at', 'verification_code'];
  await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [
    ['issued_statements', id.organisationId, id.ownerId, id.from, id.to, id.language, id.contentHash].join('|'),
  ]);
  const { subject_id: subject, ...rest } = identity;
  const existing = await trx('issued_statements')
    .where(rest)
    .andWhere((q) => (subject ? q.where('subject_id', subject) : q.whereNull('subject_id')))
    .first<Row | undefined>(columns);
  const row =
    existing ??
    (
      await trx('issued_statements')
        .insert({ ...identity, verification_code: verificationCode, generated_by: actor.userId, generated_by_label: actor.label })
        .returning<Row[]>(columns)
    )[0];
  if (!row) throw new Error('statement could not be registered');
  return { number: Number(row.number), generatedAt: new Date(row.generated_at), verificationCode: row.verification_code, created: existing === undefined };
}

/** A registered statement. */
export interface IssuedRow {
  household_id: string;
  statement_kind: string;
  subject_id: string | null;
  period_from: string;
  period_to: string;
  language: string;
  verification_code: string;
  generated_at: Date | string;
  generated_by_label: string;
}

/** The statement registered under a number, or null. */
export async function findIssued(knex: Knex, organisationId: string, number: number): Promise<IssuedRow | null> {
  const row = await knex('issued_statements')
    .where({ number, organisation_id: organisationId })
    .first<IssuedRow | undefined>('household_id', 'statement_kind', 'subject_id', 'period_from', 'period_to', 'language', 'verification_code', 'generated_at', 'generated_by_label');
  return row ?? null;
}
