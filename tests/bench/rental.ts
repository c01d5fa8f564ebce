/**
 * The rental-deposit fund on a realistic volume: advances opened over the years through the real
 * service, each with its monthly repayments. What is measured: reading the fund on a date (cash, what
 * tenants owe, guarantees placed, what may be placed) and reading one advance (plan, arrears, entries).
 * Neither may depend on the length of the fund's history beyond the advances themselves.
 */
import type { Knex } from 'knex';
import { inTransaction } from '../../backend/src/db/tx.ts';
import { addMonths, today } from '../../backend/src/lib/dates.ts';
import type { MoneyContext } from '../../backend/src/modules/ledger/ledger.idempotency.ts';
import { contribute, depositState, fundState, getDeposit, openDeposit, repay } from '../../backend/src/modules/rental-deposits/rental-deposits.service.ts';
import { msSince, percentile, sample } from './measure.ts';
import { BENCH_ACTOR } from './seed.ts';

export interface RentalWorld {
  depositIds: string[];
  seconds: number;
}

/** Opens one advance per household given (staggered over ten years), each repaid monthly for up to 24 months. */
export async function seedRentalFund(knex: Knex, organisationId: string, householdIds: readonly string[]): Promise<RentalWorld> {
  const started = process.hrtime.bigint();
  const firstMonth = addMonths(today(), -120);
  const run = <T>(fn: (op: MoneyContext) => Promise<T>) => inTransaction(knex, BENCH_ACTOR, (trx) => fn({ trx, actor: BENCH_ACTOR, organisationId, idempotencyKey: null }));
  await run((op) => contribute(op, { amount: String(householdIds.length * 1600), valueDate: `${firstMonth}-01` }));
  const depositIds: string[] = [];
  for (const [i, householdId] of householdIds.entries()) {
    const month = addMonths(firstMonth, Math.floor((i * 95) / householdIds.length));
    depositIds.push(
      await run(async (op) => {
        const id = await openDeposit(op, {
          householdId,
          landlord: { name: `Bailleur ${i}` },
          address: `Rue du Banc d’essai ${i + 1}, 1000 Bruxelles`,
          monthlyRent: '800.00',
          amount: '1600.00',
          openedOn: `${month}-02`,
          plan: { instalment: '50.00' },
          firstDueOn: `${addMonths(month, 1)}-05`,
        });
        for (let m = 1; m <= 24; m++) await repay(op, id, { amount: '50.00', valueDate: `${addMonths(month, m)}-05`, bankReference: `BENCH-${i}-${m}` });
        return id;
      }),
    );
  }
  return { depositIds, seconds: msSince(started) / 1000 };
}

/** p95 and p50 in ms of reading the fund on a date, and of reading one advance with 25 entries. */
export async function measureRental(knex: Knex, organisationId: string, world: RentalWorld, opts: { warmup: number; samples: number }) {
  const on = today();
  const fund = await sample(() => fundState(knex, organisationId, on), opts);
  const rows = await Promise.all(world.depositIds.slice(0, 20).map((id) => getDeposit(knex, organisationId, id)));
  const advance = await sample((i) => depositState(knex, rows[i % rows.length]!, on), opts);
  return {
    fund: { p95: percentile(fund, 95), p50: percentile(fund, 50), samples: fund.length },
    advance: { p95: percentile(advance, 95), p50: percentile(advance, 50), samples: advance.length },
  };
}
