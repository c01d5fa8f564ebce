import type { Knex } from 'knex';

/** Who changes records: written by the audit trigger on every change (who, when, before, after). */
export interface Actor {
  userId: string | null;
  /** A readable name for the trail: an e-mail, "household H-0042", "system:cli". */
  label: string;
  requestId?: string;
}

/** The actor for changes made by a command-line tool, a seed or a migration. */
export function systemActor(label: string): Actor {
  return { userId: null, label: `system:${label}` };
}

/**
 * Runs fn in one transaction that declares its actor to the database, so that the audit trigger
 * records who made each change. Audited tables refuse changes made outside such a transaction.
 */
export async function inTransaction<T>(knex: Knex, actor: Actor, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return knex.transaction(async (trx) => {
    await trx.raw(
      `SELECT set_config('pot.actor_label', ?, true), set_config('pot.actor_id', ?, true), set_config('pot.request_id', ?, true)`,
      [actor.label, actor.userId ?? '', actor.requestId ?? ''],
    );
    return fn(trx);
  });
}
