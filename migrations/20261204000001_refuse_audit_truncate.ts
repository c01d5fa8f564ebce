import type { Knex } from 'knex';

// audit_log refused UPDATE and DELETE row by row, but TRUNCATE fires no row trigger and emptied the
// whole trail. A statement trigger refuses it, as the ledger tables do (refuse_change, from the
// foundation migration). Self-contained: imports no app code.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
}

export async function down(): Promise<void> {
  throw new Error('the audit trail stays protected: fix forward');
}
