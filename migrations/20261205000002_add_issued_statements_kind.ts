import type { Knex } from 'knex';

/**
 * A statement is now of a kind (GECS savings, a rental advance) and may be about one subject (the
 * advance): both are kept with the number, so that checking a number recomputes the same statement.
 * Statements issued before are savings statements of a whole household.
 */
const statements = [
  `ALTER TABLE issued_statements ADD COLUMN statement_kind text NOT NULL DEFAULT 'savings' CHECK (statement_kind IN ('savings', 'rental-deposit'))`,
  `ALTER TABLE issued_statements ADD COLUMN subject_id uuid REFERENCES ledger_subjects(id)`,
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of statements) await knex.raw(sql);
}
export async function down(): Promise<void> {
  throw new Error('issued statements cannot be undone: fix forward');
}
