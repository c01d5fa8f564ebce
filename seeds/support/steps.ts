/**
 * The demo seeds' one way of replaying a story: dated steps run in date order (then by their order,
 * then as written). A one-off step runs on its own (usually its own idempotent operation); routine
 * steps (monthly deposits or repayments) are booked together with the other routine steps of their
 * month in one transaction, as a month's bank statement is.
 */
import type { Knex } from 'knex';
import { inTransaction, type Actor } from '../../backend/src/db/tx.ts';
import { monthOf } from '../../backend/src/lib/dates.ts';
import type { MoneyContext } from '../../backend/src/modules/ledger/ledger.idempotency.ts';

export interface DemoStep<C> {
  on: string;
  order: number;
  label: string;
  run?: (ctx: C) => Promise<void>;
  routine?: (op: MoneyContext, ctx: C) => Promise<unknown>;
}

/** Runs the steps dated up to `horizon`, in order; returns them as run. `story` names the seed in errors. */
export async function runDemoSteps<C, S extends DemoStep<C>>(
  knex: Knex,
  actor: Actor,
  organisationId: string,
  story: string,
  all: readonly S[],
  ctx: C,
  horizon: string,
): Promise<S[]> {
  const steps = all
    .filter((s) => s.on <= horizon)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.on < b.s.on ? -1 : a.s.on > b.s.on ? 1 : a.s.order - b.s.order || a.i - b.i))
    .map(({ s }) => s);
  const failed = (step: S, err: unknown) => new Error(`${story}: "${step.label}" on ${step.on} failed: ${(err as Error).message}`, { cause: err });
  let batch: S[] = [];
  const flush = async () => {
    const routine = batch;
    batch = [];
    if (routine.length === 0) return;
    await inTransaction(knex, actor, async (trx) => {
      for (const step of routine) {
        await step.routine!({ trx, actor, organisationId, idempotencyKey: null }, ctx).catch((err: unknown) => {
          throw failed(step, err);
        });
      }
    });
  };
  for (const step of steps) {
    if (step.routine) {
      if (batch.length > 0 && monthOf(batch[0]!.on) !== monthOf(step.on)) await flush();
      batch.push(step);
      continue;
    }
    await flush();
    await step.run?.(ctx).catch((err: unknown) => {
      throw failed(step, err);
    });
  }
  await flush();
  return steps;
}
