/**
 * Savings statements (PDF), the group's statements ZIP and the entries CSV.
 * Being written: the signatures below are what the routes call.
 */
import type { Knex } from 'knex';
import type { Actor } from '../../db/tx.ts';
import type { Language } from '../../lib/locale.ts';

export interface StatementRequest {
  organisationId: string;
  organisationName: string;
  householdId: string;
  from: string;
  to: string;
  /** The household's preferred language when absent. */
  language?: Language;
  actor: Actor;
}

export interface IssuedStatement {
  filename: string;
  pdf: Buffer;
  number: string;
  verificationCode: string;
}

export async function issueStatement(_knex: Knex, _req: StatementRequest): Promise<IssuedStatement> {
  throw new Error('statements are not available yet');
}

export async function issueGroupStatements(
  _knex: Knex,
  _req: { organisationId: string; organisationName: string; groupId: string; from: string; to: string; actor: Actor },
): Promise<{ filename: string; zip: Buffer }> {
  throw new Error('statements are not available yet');
}

export async function groupEntriesCsv(
  _knex: Knex,
  _req: { organisationId: string; groupId: string; from: string; to: string; language: Language },
): Promise<{ filename: string; csv: Buffer }> {
  throw new Error('CSV export is not available yet');
}
