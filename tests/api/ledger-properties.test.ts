/**
 * Property-based tests: random sequences of money operations (deposits, back-dated ones included,
 * advances approved or paid, payments, cancellations, repayments, dividends, leaving and refunds,
 * reversals) applied through the services on a fresh group. Whatever the sequence, the books hold:
 * the invariant, no account below zero on any day, and balances from the running balances equal to
 * the sums of the postings. Refusals (409, 400) are part of the game; anything else fails the run.
 */
import fc from 'fast-check';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, systemActor } from '../../backend/src/db/tx.ts';
import type { Database } from '../../backend/src/db/knex.ts';
import { addDays } from '../../backend/src/lib/dates.ts';
import { AppError } from '../../backend/src/lib/errors.ts';
import { allocate, formatAmount, Money, sum } from '../../backend/src/lib/money.ts';
import { defaultOrganisationId } from '../../backend/src/modules/users/users.service.ts';
import { createGroup, joinGroup, leaveGroup, updateGroup } from '../../backend/src/modules/gecs/groups.service.ts';
import { NORMAL_SIGN, type AccountKind } from '../../backend/src/modules/gecs/gecs.accounts.ts';
import { balancesAt as signedBalancesAt } from '../../backend/src/modules/ledger/ledger.service.ts';
import { cancelAdvance, createAdvance, payAdvance, repayAdvance } from '../../backend/src/modules/gecs/advances.service.ts';
import { deposit, dividend, refund, reverseEntry, type OperationContext } from '../../backend/src/modules/gecs/operations.service.ts';
import { checkGroup } from '../../backend/src/modules/gecs/figures.service.ts';
import { makeHousehold } from '../factories/index.ts';
import { createTestDatabase } from '../helpers/db.ts';

describe('allocate (pure)', () => {
  it('splits any amount into parts that add up exactly, each within a cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0n)),
        (cents, weights) => {
          const total = new Money(cents.toString()).dividedBy(100);
          const w = weights.map((x) => new Money(x.toString()).dividedBy(100));
          const parts = allocate(total, w);
          expect(parts).toHaveLength(w.length);
          expect(sum(parts).equals(total)).toBe(true);
          const weightSum = sum(w);
          parts.forEach((p, i) => {
            expect(p.equals(p.toDecimalPlaces(2))).toBe(true);
            const exact = total.times(w[i]!).dividedBy(weightSum);
            expect(p.minus(exact).abs().lt('0.01')).toBe(true);
            if (w[i]!.isZero()) expect(p.isZero()).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

type Op =
  | { t: 'deposit'; h: number; cents: number; day: number }
  | { t: 'individual'; h: number; cents: number; day: number }
  | { t: 'advance'; h: number; cents: number; day: number; paid: boolean }
  | { t: 'pay'; k: number; day: number }
  | { t: 'cancel'; k: number }
  | { t: 'repay'; h: number; percent: number; day: number }
  | { t: 'dividend'; cents: number; day: number }
  | { t: 'leave'; h: number; day: number }
  | { t: 'refund'; h: number; day: number }
  | { t: 'end'; day: number }
  | { t: 'reverse'; k: number };

/** Runs per property; PROPERTY_RUNS=200 searches deeper (kept small so the suite stays fast). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 15);
const MEMBERS = 4;
const START = '2025-01-01';
const h = fc.integer({ min: 0, max: MEMBERS - 1 });
const day = fc.integer({ min: 0, max: 300 });
const cents = fc.integer({ min: 1, max: 200_000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('deposit' as const), h, cents, day }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('individual' as const), h, cents, day }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('advance' as const), h, cents: fc.integer({ min: 1, max: 400_000 }), day, paid: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('pay' as const), k: fc.nat(), day }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('cancel' as const), k: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('repay' as const), h, percent: fc.integer({ min: 1, max: 120 }), day }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('dividend' as const), cents: fc.integer({ min: 1, max: 10_000 }), day }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('leave' as const), h, day }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('refund' as const), h, day }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('end' as const), day: fc.integer({ min: 150, max: 330 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reverse' as const), k: fc.nat() }) },
);
const POLICIES = ['refund_now', 'refund_at_group_end', 'refund_minus_costs'] as const;

let db: Database;
let knex: Knex;
let org: string;
const actor = systemActor('properties');
let runs = 0;
const households: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  knex = db.knex;
  org = await defaultOrganisationId(knex);
});
afterAll(() => db.close());

/** Runs one operation in its own transaction; a refusal (409/400) is fine, anything else is not. */
async function attempt<T>(fn: (op: OperationContext) => Promise<T>): Promise<T | null> {
  try {
    return await inTransaction(knex, actor, (trx) => fn({ trx, actor, organisationId: org, idempotencyKey: null }));
  } catch (err) {
    if (err instanceof AppError && (err.status === 409 || err.status === 400)) return null;
    throw err;
  }
}
async function refused(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError && (err.status === 409 || err.status === 400)) return;
    throw err;
  }
}

async function apply(groupId: string, hh: string[], ops: Op[], entries: string[]): Promise<void> {
  const date = (d: number) => addDays(START, d);
  for (const op of ops) {
    switch (op.t) {
      case 'deposit':
      case 'individual': {
        const r = await attempt((o) => deposit(o, hh[op.h]!, { target: op.t === 'deposit' ? 'group' : 'individual', amount: formatAmount(new Money(op.cents).dividedBy(100)), valueDate: date(op.day) }));
        if (r) entries.push(r.entryId);
        break;
      }
      case 'advance': {
        const r = await attempt((o) => createAdvance(o, groupId, { householdId: hh[op.h]!, amount: formatAmount(new Money(op.cents).dividedBy(100)), valueDate: date(op.day), status: op.paid ? 'paid' : 'approved' }));
        if (r?.entry) entries.push(r.entry.id);
        break;
      }
      case 'pay':
      case 'cancel': {
        const approved = await knex('advances').where({ group_id: groupId, status: 'approved' }).orderBy('created_at').select('id', 'approved_on');
        if (approved.length === 0) break;
        const a = approved[op.k % approved.length]!;
        if (op.t === 'pay') {
          const on = date(op.day) < a.approved_on ? a.approved_on : date(op.day);
          const r = await attempt((o) => payAdvance(o, a.id, on));
          if (r) entries.push(r.entry.id);
        } else {
          await attempt((o) => cancelAdvance(o, a.id, 'Compromis annulé', a.approved_on));
        }
        break;
      }
      case 'repay': {
        const a = await knex('advances').where({ group_id: groupId, household_id: hh[op.h], status: 'paid' }).orderBy('paid_on', 'desc').first('id', 'paid_on', 'amount');
        if (!a) break;
        const amount = new Money(a.amount).times(op.percent).dividedBy(100).toDecimalPlaces(2, Money.ROUND_UP);
        const on = date(op.day) < a.paid_on ? a.paid_on : date(op.day);
        const r = await attempt((o) => repayAdvance(o, a.id, { amount: formatAmount(amount), valueDate: on }));
        if (r) entries.push(r.entry.id);
        break;
      }
      case 'dividend': {
        const r = await attempt((o) => dividend(o, groupId, { amount: formatAmount(new Money(op.cents).dividedBy(100)), valueDate: date(op.day) }));
        if (r) entries.push(r.entryId);
        break;
      }
      case 'leave': {
        await refused(() => leaveGroup(knex, actor, org, groupId, hh[op.h]!, date(op.day)));
        const r = await attempt((o) => refund(o, hh[op.h]!, { valueDate: date(op.day) }));
        if (r) entries.push(r.entryId);
        break;
      }
      case 'refund': {
        const r = await attempt((o) => refund(o, hh[op.h]!, { valueDate: date(op.day) }));
        if (r) entries.push(r.entryId);
        break;
      }
      case 'end':
        await refused(() => updateGroup(knex, actor, org, groupId, { endsOn: date(op.day) }));
        break;
      case 'reverse': {
        if (entries.length === 0) break;
        const r = await attempt((o) => reverseEntry(o, entries[op.k % entries.length]!, 'Correction'));
        if (r) entries.push(r.entryId);
        break;
      }
    }
  }
}

interface Posting {
  account_id: string;
  kind: AccountKind;
  value_date: string;
  amount: string;
}

/** Running balance (normal direction) of each account, day by day, recomputed from the postings. */
function dailyFromPostings(postings: Posting[]): Map<string, Array<{ day: string; balance: Money }>> {
  const out = new Map<string, Array<{ day: string; balance: Money }>>();
  const sorted = [...postings].sort((a, b) => a.value_date.localeCompare(b.value_date));
  for (const p of sorted) {
    const days = out.get(p.account_id) ?? [];
    const last = days.at(-1);
    const balance = (last?.balance ?? new Money(0)).plus(new Money(p.amount).times(NORMAL_SIGN[p.kind]));
    if (last && last.day === p.value_date) last.balance = balance;
    else days.push({ day: p.value_date, balance });
    out.set(p.account_id, days);
  }
  return out;
}

describe('random sequences of operations', () => {
  it('keep the invariant, no account below zero on any day, and running balances equal to the postings', async () => {
    let operations = 0;
    let posted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 4, maxLength: 14 }),
        fc.constantFrom(...POLICIES),
        fc.array(fc.integer({ min: -3, max: 340 }), { minLength: 3, maxLength: 6 }),
        async (ops, policy, probeDays) => {
          const run = ++runs;
          const group = await createGroup(knex, actor, org, {
            name: `GECS propriété ${run}`,
            cohort: '2025',
            startsOn: START,
            monthlyAmount: '100.00',
            exitPolicy: policy,
            exitCost: policy === 'refund_minus_costs' ? '25.00' : undefined,
          });
          while (households.length < MEMBERS * run) households.push((await makeHousehold(knex)).id);
          const hh = households.slice(MEMBERS * (run - 1), MEMBERS * run);
          for (const id of hh) await joinGroup(knex, actor, org, group.id, { householdId: id, joinedOn: START });
          const entries: string[] = [];
          await apply(group.id, hh, ops, entries);
          operations += ops.length;
          posted += entries.length;

          // 1. The check: invariant, pot never below zero, running balances = postings.
          const check = await checkGroup(knex, group.id);
          expect(check, JSON.stringify({ ops, check })).toMatchObject({ ok: true, problems: [], difference: '0.00' });

          // 2. No account of the group or its members below zero on any day, recomputed from the postings.
          const postings = (await knex('ledger_postings as p')
            .join('ledger_accounts as a', 'a.id', 'p.account_id')
            .where('a.group_id', group.id)
            .orWhereIn('a.household_id', hh)
            .select('p.account_id', 'a.kind', 'p.value_date', 'p.amount')) as Posting[];
          const daily = dailyFromPostings(postings);
          for (const [account, days] of daily) {
            for (const d of days) expect(d.balance.isNegative(), `${account} on ${d.day}: ${d.balance} after ${JSON.stringify(ops)}`).toBe(false);
          }

          // 3. Balances from the running balances = sums of postings, for every account at random dates.
          const accounts = [...daily.keys()];
          const kinds = new Map(postings.map((p) => [p.account_id, p.kind]));
          const probes = [...probeDays.map((d) => addDays(START, d)), ...postings.slice(0, 3).map((p) => p.value_date), '9999-12-31'];
          for (const on of probes) {
            const balances = await signedBalancesAt(knex, accounts, on);
            const byKind: Record<string, Money> = {};
            for (const account of accounts) {
              const fromPostings = sum(postings.filter((p) => p.account_id === account && p.value_date <= on).map((p) => p.amount));
              expect(balances.get(account)!.equals(fromPostings), `${account} on ${on}`).toBe(true);
              const kind = kinds.get(account)!;
              byKind[kind] = (byKind[kind] ?? new Money(0)).plus(fromPostings.times(NORMAL_SIGN[kind]));
            }
            // The invariant holds on every date, not only today.
            const zero = new Money(0);
            const left = (byKind.pot_cash ?? zero).plus(byKind.advance_receivable ?? zero);
            const right = (byKind.group_savings ?? zero).plus(byKind.group_reserve ?? zero);
            expect(left.equals(right), `invariant on ${on}: ${left} vs ${right}`).toBe(true);
            // Individual savings: what Crédal holds = what the household saved.
            expect((byKind.individual_holdings ?? zero).equals(byKind.individual_savings ?? zero)).toBe(true);
          }

          // 4. Every entry balances and the current balance of each account is the sum of its postings.
          const unbalanced = await knex('ledger_postings').whereIn('entry_id', entries).groupBy('entry_id').havingRaw('sum(amount) <> 0 OR count(*) < 2').select('entry_id');
          expect(unbalanced).toEqual([]);
          const stored = await knex('ledger_accounts').whereIn('id', accounts).select('id', 'balance');
          for (const a of stored) expect(new Money(a.balance).equals(sum(postings.filter((p) => p.account_id === a.id).map((p) => p.amount)))).toBe(true);
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The runs did move money, not only collect refusals.
    expect(posted).toBeGreaterThan(operations / 4);
  }, 60_000 + RUNS * 3_000);
});
