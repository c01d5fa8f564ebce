/**
 * The ledger's rules live in the database: these tests write to the tables directly, as a bug or a
 * hand-typed SQL command would, and expect PostgreSQL itself to refuse what breaks the books.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { inTransaction, systemActor } from '../../backend/src/db/tx.ts';
import { defaultOrganisationId } from '../../backend/src/modules/users/users.service.ts';
import { createGroup, joinGroup } from '../../backend/src/modules/gecs/groups.service.ts';
import { deposit } from '../../backend/src/modules/gecs/operations.service.ts';
import { ensureAccount } from '../../backend/src/modules/gecs/gecs.accounts.ts';
import { makeHousehold } from '../factories/index.ts';
import { createTestDatabase } from '../helpers/db.ts';
import type { Database } from '../../backend/src/db/knex.ts';

const actor = systemActor('ledger-database-test');
let db: Database;
let knex: Knex;
let org: string;
let groupId: string;
let householdId: string;
let pot: string;
let savings: string;
let firstEntryId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  knex = db.knex;
  org = await defaultOrganisationId(knex);
  const group = await createGroup(knex, actor, org, { name: 'GECS base', cohort: '2025', startsOn: '2025-01-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' });
  groupId = group.id;
  householdId = (await makeHousehold(knex)).id;
  await joinGroup(knex, actor, org, groupId, { householdId, joinedOn: '2025-01-01' });
  const first = await inTransaction(knex, actor, (trx) =>
    deposit({ trx, actor, organisationId: org, idempotencyKey: null }, householdId, { target: 'group', amount: '100.00', valueDate: '2025-01-10' }),
  );
  firstEntryId = first.entryId;
  pot = await inTransaction(knex, actor, (trx) => ensureAccount(trx, org, { kind: 'pot_cash', groupId }));
  savings = await inTransaction(knex, actor, (trx) => ensureAccount(trx, org, { kind: 'group_savings', groupId, householdId }));
});
afterAll(() => db.close());

/** Inserts an entry and the given postings directly, in one transaction with an actor. */
function rawEntry(valueDate: string, postings: Array<[string, string]>, extra: Record<string, unknown> = {}) {
  return inTransaction(knex, actor, async (trx) => {
    const [row] = await trx('journal_entries')
      .insert({ organisation_id: org, kind: 'deposit_group', value_date: valueDate, group_id: groupId, household_id: householdId, created_by_label: 'sql', ...extra })
      .returning<Array<{ id: string }>>('id');
    for (const [account, amount] of postings) await trx('ledger_postings').insert({ entry_id: row!.id, account_id: account, amount, value_date: valueDate });
    return row!.id;
  });
}

const counts = async () => ({
  entries: Number((await knex('journal_entries').count<{ n: string }[]>('* as n'))[0]!.n),
  postings: Number((await knex('ledger_postings').count<{ n: string }[]>('* as n'))[0]!.n),
});

describe('the database keeps every entry balanced', () => {
  it('accepts a balanced entry', async () => {
    const id = await rawEntry('2025-01-11', [
      [pot, '25.00'],
      [savings, '-25.00'],
    ]);
    expect((await knex('ledger_postings').where({ entry_id: id })).length).toBe(2);
  });

  it('refuses at commit an entry whose postings do not sum to zero', async () => {
    const before = await counts();
    await expect(rawEntry('2025-01-12', [
      [pot, '100.00'],
      [savings, '-99.99'],
    ])).rejects.toThrow(/does not balance/);
    expect(await counts()).toEqual(before);
  });

  it('refuses an entry with one posting, or none', async () => {
    const before = await counts();
    await expect(rawEntry('2025-01-12', [[pot, '10.00']])).rejects.toThrow(/does not balance \(1 postings/);
    await expect(rawEntry('2025-01-12', [])).rejects.toThrow(/does not balance \(0 postings/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a posting of zero', async () => {
    await expect(rawEntry('2025-01-12', [
      [pot, '0.00'],
      [savings, '0.00'],
    ])).rejects.toThrow(/check constraint/);
  });

  it('refuses an entry without an actor for the audit trail', async () => {
    await expect(
      knex.transaction(async (trx) => {
        await trx('journal_entries').insert({ organisation_id: org, kind: 'deposit_group', value_date: '2025-01-12', group_id: groupId, created_by_label: 'sql' });
      }),
    ).rejects.toThrow(/without an actor/);
  });
});

describe('posted money is never changed', () => {
  it('refuses UPDATE and DELETE on postings and entries, even for the application’s own connection', async () => {
    const before = await counts();
    await expect(knex('ledger_postings').where({ entry_id: firstEntryId }).update({ amount: knex.raw('amount * 2') })).rejects.toThrow(/can never be updated or deleted/);
    await expect(knex('ledger_postings').where({ entry_id: firstEntryId }).delete()).rejects.toThrow(/can never be updated or deleted/);
    await expect(knex('journal_entries').where({ id: firstEntryId }).update({ memo: 'edited' })).rejects.toThrow(/can never be updated or deleted/);
    await expect(knex('journal_entries').where({ id: firstEntryId }).delete()).rejects.toThrow(/can never be updated or deleted/);
    // Inside a transaction with an actor as well.
    await expect(inTransaction(knex, actor, (trx) => trx.raw('UPDATE ledger_postings SET amount = -amount'))).rejects.toThrow(/can never be updated or deleted/);
    await expect(inTransaction(knex, actor, (trx) => trx.raw('DELETE FROM journal_entries'))).rejects.toThrow(/can never be updated or deleted/);
    expect(await counts()).toEqual(before);
    const entry = await knex('journal_entries').where({ id: firstEntryId }).first();
    expect(entry.memo).toBeNull();
  });

  it('refuses TRUNCATE of postings and entries', async () => {
    const before = await counts();
    // The app role may not truncate at all (embedded engine); the trigger refuses even the tables' owner.
    await expect(db.ownerKnex.raw('TRUNCATE ledger_postings')).rejects.toThrow(/can never be updated or deleted/);
    await expect(db.ownerKnex.raw('TRUNCATE journal_entries CASCADE')).rejects.toThrow(/can never be updated or deleted/);
    expect(await counts()).toEqual(before);
  });

  it('refuses to reopen a closed month', async () => {
    await inTransaction(knex, actor, (trx) => trx('month_closings').insert({ group_id: groupId, month: '2025-02-01', closed_by_label: 'sql' }));
    await expect(knex('month_closings').where({ group_id: groupId }).delete()).rejects.toThrow(/can never be updated or deleted/);
    await expect(knex('month_closings').where({ group_id: groupId }).update({ month: '2024-01-01' })).rejects.toThrow(/can never be updated or deleted/);
  });
});

describe('closed months and overdrafts are refused by the database itself', () => {
  it('refuses an entry dated in a closed month (or before it), and accepts one after', async () => {
    // February 2025 was closed above: January and February are closed for this group.
    const before = await counts();
    for (const date of ['2025-02-28', '2025-02-01', '2025-01-15']) {
      await expect(rawEntry(date, [
        [pot, '10.00'],
        [savings, '-10.00'],
      ])).rejects.toMatchObject({ code: 'PC001' });
    }
    expect(await counts()).toEqual(before);
    await rawEntry('2025-03-01', [
      [pot, '10.00'],
      [savings, '-10.00'],
    ]);
  });

  it('never lets an account be overdrawn, on its date or any later one', async () => {
    // Pot: 100 (10 Jan) + 25 (11 Jan) + 10 (1 Mar) = 135.
    const before = await counts();
    const withdraw = (date: string, amount: string) =>
      rawEntry(date, [
        [pot, `-${amount}`],
        [savings, amount],
      ]);
    await expect(withdraw('2025-03-02', '135.01')).rejects.toMatchObject({ code: '23514', constraint: 'account_never_overdrawn' });
    expect(await counts()).toEqual(before);

    // A later withdrawal of 100 leaves 35; a back-dated one of 50 on 5 March would make the balance from 10 March negative.
    await withdraw('2025-03-10', '100.00');
    await expect(withdraw('2025-03-05', '50.00')).rejects.toMatchObject({ code: '23514', constraint: 'account_never_overdrawn' });
    await withdraw('2025-03-05', '35.00');
    const days = await knex('account_daily_balances').where({ account_id: pot }).orderBy('day').select('day', 'closing');
    expect(days.map((d) => [d.day, d.closing])).toEqual([
      ['2025-01-10', '100.00'],
      ['2025-01-11', '125.00'],
      ['2025-03-01', '135.00'],
      ['2025-03-05', '100.00'],
      ['2025-03-10', '0.00'],
    ]);
    const account = await knex('ledger_accounts').where({ id: pot }).first('balance');
    expect(account.balance).toBe('0.00');
  });

  it('refuses running balances and account balances written other than by a posting', async () => {
    const derived = /derived from postings/;
    await expect(knex('account_daily_balances').insert({ account_id: pot, day: '2030-01-01', movement: '-1.00', closing: '-1.00', normal_sign: 1 })).rejects.toThrow(derived);
    await expect(knex('account_daily_balances').where({ account_id: pot }).update({ closing: '1000000.00' })).rejects.toThrow(derived);
    await expect(knex('account_daily_balances').where({ account_id: pot }).delete()).rejects.toThrow(derived);
    await expect(knex('ledger_accounts').where({ id: pot }).update({ balance: '1000000.00' })).rejects.toThrow(derived);
    await expect(knex('ledger_accounts').where({ id: pot }).delete()).rejects.toThrow(derived);
    await expect(db.ownerKnex.raw('TRUNCATE account_daily_balances')).rejects.toThrow(/never be updated or deleted/);
  });

  it('never lets a committed entry gain postings, even balanced ones', async () => {
    const other = await knex('ledger_accounts').whereNot({ id: pot }).first<{ id: string }>('id');
    await expect(
      inTransaction(knex, actor, async (trx) => {
        await trx('ledger_postings').insert([
          { entry_id: firstEntryId, account_id: pot, amount: '5.00', value_date: '2025-01-10' },
          { entry_id: firstEntryId, account_id: other.id, amount: '-5.00', value_date: '2025-01-10' },
        ]);
      }),
    ).rejects.toThrow(/transaction that creates their entry/);
  });
});

describe('the audit trail', () => {
  it('records every entry with its author', async () => {
    const rows = await knex('audit_log').where({ entity_type: 'journal_entries', entity_id: firstEntryId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', actor_label: actor.label, household_id: householdId });
    expect(rows[0].after).toMatchObject({ id: firstEntryId, kind: 'deposit_group', value_date: '2025-01-10' });
    const entries = Number((await knex('journal_entries').count<{ n: string }[]>('* as n'))[0]!.n);
    const audited = Number((await knex('audit_log').where({ entity_type: 'journal_entries', action: 'create' }).count<{ n: string }[]>('* as n'))[0]!.n);
    expect(audited).toBe(entries);
  });

  it('records month closings and group changes', async () => {
    expect(await knex('audit_log').where({ entity_type: 'month_closings' })).toHaveLength(1);
    expect(await knex('audit_log').where({ entity_type: 'savings_groups', entity_id: groupId, action: 'create' })).toHaveLength(1);
    expect(await knex('audit_log').where({ entity_type: 'group_members', household_id: householdId })).toHaveLength(1);
  });
});
