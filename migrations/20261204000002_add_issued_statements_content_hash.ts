import type { Knex } from 'knex';

/**
 * Issuing a statement becomes idempotent on its content: the same household, period and language with
 * the same content (a SHA-256 of everything the statement says) is the same statement, with the same
 * number and code. The unique index makes two identical requests at once meet on one row (ON CONFLICT).
 * Statements issued before keep a null hash: they are never matched, as before.
 * One SQL command per statement: knex-pglite prepares each one.
 */
const statements = [
  `ALTER TABLE issued_statements ADD COLUMN content_hash text CHECK (content_hash IS NULL OR content_hash ~ '^[0-9a-f]{64}$')`,
  `CREATE UNIQUE INDEX issued_statements_same_content ON issued_statements
    (organisation_id, household_id, period_from, period_to, language, content_hash)`,
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of statements) await knex.raw(sql);
}
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX issued_statements_same_content');
  await knex.raw('ALTER TABLE issued_statements DROP COLUMN content_hash');
}
