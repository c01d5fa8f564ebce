/**
 * SQL of statements: the owner's identity (the registry's columns, read here as bank matching will),
 * and the register of issued statements. Balances and postings come from the ledger's API.
 */
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

/** References and names of owners, by id (for the rows of an export). */
export async function ownerNames(knex: Knex, organisationId: string, ownerIds: string[]): Promise<Map<string, { reference: string; name: string }>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await knex('households')
    .where({ organisation_id: organisationId })
    .whereIn('id', ownerIds)
    .select<Array<{ id: string; reference: string; display_name: string }>>('id', 'reference', 'display_name');
  return new Map(rows.map((r) => [r.id, { reference: r.reference, name: r.display_name }]));
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
