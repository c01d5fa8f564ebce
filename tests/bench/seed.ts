/**
 * Bulk seeding for the benchmark: households, groups and years of monthly deposits written straight
 * into the ledger's own tables with multi-row INSERTs. Nothing is bypassed that the database enforces:
 * the triggers keep the running balances, check that every entry balances, and audit every entry
 * (hence the system actor). Deposits go in value-date order, so no insert is back-dated and the
 * "later days" update of the running balances touches no row.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { inTransaction, systemActor } from '../../backend/src/db/tx.ts';
import { addMonths, monthEnd } from '../../backend/src/lib/dates.ts';
import { communicationCheck } from '../../backend/src/lib/structured-communication.ts';

export const BENCH_ACTOR = systemActor('bench');

/** Entries per INSERT statement and per transaction while seeding. */
const ENTRIES_PER_STATEMENT = Number(process.env.BENCH_BATCH ?? 2_000);

export interface BenchHousehold {
  id: string;
  reference: string;
}

export interface SeededGroup {
  id: string;
  potAccountId: string;
  /** One per member, in the order of `members`. */
  savingsAccountIds: string[];
  members: BenchHousehold[];
  firstMonth: string;
  lastMonth: string;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Households with valid, unique references and structured communications (bulk, audited). */
export async function insertHouseholds(knex: Knex, organisationId: string, count: number, offset: number): Promise<BenchHousehold[]> {
  const out: BenchHousehold[] = [];
  for (let start = 0; start < count; start += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, count - start) }, (_, i) => {
      const n = offset + start + i + 1;
      const ten = `2${pad(n, 9)}`;
      return { id: randomUUID(), reference: `B-${pad(n, 6)}`, communication: ten + communicationCheck(ten), name: `Ménage banc d’essai ${pad(n, 6)}` };
    });
    await inTransaction(knex, BENCH_ACTOR, async (trx) => {
      await trx.raw(
        `INSERT INTO payment_references (communication, owner_kind, owner_id)
         SELECT c, 'household', id FROM unnest(?::text[], ?::uuid[]) AS t(c, id)`,
        [batch.map((b) => b.communication), batch.map((b) => b.id)],
      );
      await trx.raw(
        `INSERT INTO households (id, organisation_id, reference, display_name, structured_communication, preferred_language)
         SELECT id, ?::uuid, ref, name, c, 'fr' FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) AS t(id, ref, name, c)`,
        [organisationId, batch.map((b) => b.id), batch.map((b) => b.reference), batch.map((b) => b.name), batch.map((b) => b.communication)],
      );
    });
    out.push(...batch.map((b) => ({ id: b.id, reference: b.reference })));
  }
  return out;
}

/**
 * A group with its members (joined on the first day of firstMonth) and their accounts, inserted in
 * bulk. The group, its monthly amount and its pot are created like createGroup does.
 */
export async function insertGroup(
  knex: Knex,
  organisationId: string,
  input: { name: string; firstMonth: string; lastMonth: string; monthlyAmount: string; members: BenchHousehold[] },
): Promise<SeededGroup> {
  return inTransaction(knex, BENCH_ACTOR, async (trx) => {
    const startsOn = `${input.firstMonth}-01`;
    const [group] = (await trx('savings_groups')
      .insert({ organisation_id: organisationId, name: input.name, cohort: `${input.firstMonth.slice(0, 4)}-${input.lastMonth.slice(0, 4)}`, starts_on: startsOn, exit_policy: 'refund_now' })
      .returning('id')) as Array<{ id: string }>;
    const groupId = group!.id;
    await trx('group_monthly_amounts').insert({ group_id: groupId, effective_from: startsOn, amount: input.monthlyAmount });
    const [pot] = (await trx('ledger_accounts').insert({ organisation_id: organisationId, kind: 'pot_cash', group_id: groupId, normal_sign: 1 }).returning('id')) as Array<{ id: string }>;
    await trx('ledger_accounts').insert({ organisation_id: organisationId, kind: 'group_reserve', group_id: groupId, normal_sign: -1 });
    const ids = input.members.map((m) => m.id);
    await trx.raw(
      `INSERT INTO group_members (group_id, household_id, joined_on) SELECT ?::uuid, h, ?::date FROM unnest(?::uuid[]) AS t(h)`,
      [groupId, startsOn, ids],
    );
    const accounts = (await trx.raw(
      `INSERT INTO ledger_accounts (organisation_id, kind, group_id, household_id, normal_sign)
       SELECT ?::uuid, 'group_savings', ?::uuid, h, -1 FROM unnest(?::uuid[]) AS t(h)
       RETURNING id, household_id`,
      [organisationId, groupId, ids],
    )) as { rows: Array<{ id: string; household_id: string }> };
    const byHousehold = new Map(accounts.rows.map((r) => [r.household_id, r.id]));
    return {
      id: groupId,
      potAccountId: pot!.id,
      savingsAccountIds: ids.map((h) => byHousehold.get(h)!),
      members: input.members,
      firstMonth: input.firstMonth,
      lastMonth: input.lastMonth,
    };
  });
}

/** The day of the month a member pays: spread over the 1st to the 28th so that no day row is hot. */
export function payDay(month: string, memberIndex: number): string {
  return `${month}-${pad(1 + (memberIndex % 28), 2)}`;
}

interface PendingDeposit {
  entryId: string;
  valueDate: string;
  householdId: string;
  savingsAccountId: string;
}

/**
 * One deposit of the monthly amount per member and month, from firstMonth to lastMonth, in value-date
 * order: multi-row INSERTs of entries then of their two postings, a transaction per batch.
 * onProgress is called after each batch with the number of deposits written so far.
 */
export async function insertMonthlyDeposits(
  knex: Knex,
  organisationId: string,
  group: SeededGroup,
  amount: string,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const months: string[] = [];
  for (let m = group.firstMonth; m <= group.lastMonth; m = addMonths(m, 1)) months.push(m);
  const total = months.length * group.members.length;
  let done = 0;
  let pending: PendingDeposit[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await inTransaction(knex, BENCH_ACTOR, async (trx) => {
      await trx.raw(
        `INSERT INTO journal_entries (id, organisation_id, group_id, household_id, kind, value_date, created_by_label)
         SELECT id, ?::uuid, ?::uuid, h, 'deposit_group', d, ? FROM unnest(?::uuid[], ?::uuid[], ?::date[]) AS t(id, h, d)`,
        [organisationId, group.id, BENCH_ACTOR.label, batch.map((b) => b.entryId), batch.map((b) => b.householdId), batch.map((b) => b.valueDate)],
      );
      // Postings in entry order, pot first: the value date comes from the entry (trigger).
      const entryIds = batch.flatMap((b) => [b.entryId, b.entryId]);
      const accountIds = batch.flatMap((b) => [group.potAccountId, b.savingsAccountId]);
      const amounts = batch.flatMap(() => [amount, `-${amount}`]);
      const dates = batch.flatMap((b) => [b.valueDate, b.valueDate]);
      await trx.raw(
        `INSERT INTO ledger_postings (entry_id, account_id, value_date, amount)
         SELECT e, a, d, x FROM unnest(?::uuid[], ?::uuid[], ?::date[], ?::numeric[]) WITH ORDINALITY AS t(e, a, d, x, n) ORDER BY n`,
        [entryIds, accountIds, dates, amounts],
      );
    });
    done += batch.length;
    onProgress?.(done, total);
  };
  for (const month of months) {
    const deposits = group.members
      .map((m, i) => ({ entryId: randomUUID(), valueDate: payDay(month, i), householdId: m.id, savingsAccountId: group.savingsAccountIds[i]! }))
      .sort((a, b) => (a.valueDate < b.valueDate ? -1 : a.valueDate > b.valueDate ? 1 : 0));
    for (const d of deposits) {
      pending.push(d);
      if (pending.length >= ENTRIES_PER_STATEMENT) await flush();
    }
  }
  await flush();
  return total;
}

/** The month n months before the month of a date ('YYYY-MM'). */
export function monthsBefore(date: string, n: number): string {
  return addMonths(date.slice(0, 7), -n);
}

/** The last day of the month n months before a date's month. */
export function monthEndBefore(date: string, n: number): string {
  return monthEnd(monthsBefore(date, n));
}
