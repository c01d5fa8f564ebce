/**
 * Money operations racing each other, on both engines (the embedded one is a real PostgreSQL server
 * too). supertest sends the requests together to one app whose pool holds several connections: the
 * transactions truly overlap in the database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let co: Client;
let seq = 0;

const postingCount = async () => Number((await t.db.knex('ledger_postings').count<{ n: string }[]>('* as n'))[0]!.n);

async function newGroup(members: number) {
  const id = (await co.post('/api/groups', { name: `GECS course ${++seq}`, cohort: '2025', startsOn: '2025-01-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' })).body.id as string;
  const hh: string[] = [];
  for (let i = 0; i < members; i++) {
    const h = (await makeHousehold(t.db.knex)).id;
    expect((await co.post(`/api/groups/${id}/members`, { householdId: h, joinedOn: '2025-01-01' })).status).toBe(201);
    hh.push(h);
  }
  return { id, hh };
}
async function checkOk(groupId: string) {
  const res = await co.get(`/api/groups/${groupId}/check`);
  expect(res.body, JSON.stringify(res.body)).toMatchObject({ ok: true, runningBalancesMatch: true, problems: [] });
  return res.body;
}

describe('concurrent money operations', () => {
  beforeAll(async () => {
    t = await setupApp();
    co = await login(t.app, { email: (await makeStaff(t.db.knex, { role: 'coordinator' })).email, password: STAFF_PASSWORD });
    // The pool must let transactions overlap for these tests to mean anything.
    const pool = (t.db.knex.client as { pool: { max: number } }).pool;
    expect(pool.max).toBeGreaterThanOrEqual(3);
  });
  afterAll(() => t?.close());

  it('20 concurrent deposits with one Idempotency-Key post once, and all 20 answers carry the same entry', async () => {
    const { id, hh } = await newGroup(1);
    const before = await postingCount();
    const key = randomUUID();
    const body = { target: 'group', amount: '100.00', valueDate: '2025-01-05' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => moneyPost(co, `/api/households/${hh[0]}/deposits`, body, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.entryId)).size).toBe(1);
    expect(answers.filter((a) => a.headers['x-idempotent-replay'] === 'false')).toHaveLength(1);
    expect(await postingCount()).toBe(before + 2);
    expect((await co.get(`/api/groups/${id}/pot?on=2025-01-31`)).body).toMatchObject({ cash: '100.00', membersSavings: '100.00' });
    await checkOk(id);
  });

  it('concurrent advances never overdraw the pot: €1,000 and ten requests of €300 → exactly three are paid', async () => {
    const { id, hh } = await newGroup(10);
    for (const h of hh) expect((await moneyPost(co, `/api/households/${h}/deposits`, { target: 'group', amount: '100.00', valueDate: '2025-01-05' })).status).toBe(201);
    const answers = await Promise.all(hh.map((h) => moneyPost(co, `/api/groups/${id}/advances`, { householdId: h, amount: '300.00', valueDate: '2025-02-01', status: 'paid' })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'insufficient_pot')).toBe(true);
    expect((await co.get(`/api/groups/${id}/pot?on=2025-02-01`)).body).toMatchObject({ cash: '100.00', outstandingAdvances: '900.00', membersSavings: '1000.00' });
    const check = await checkOk(id);
    expect(check.lowestCash).toBe('0.00');
  });

  it('concurrent approvals reserve no more than the available cash', async () => {
    const { id, hh } = await newGroup(6);
    for (const h of hh) await moneyPost(co, `/api/households/${h}/deposits`, { target: 'group', amount: '100.00', valueDate: '2025-01-05' });
    const answers = await Promise.all(hh.map((h) => moneyPost(co, `/api/groups/${id}/advances`, { householdId: h, amount: '250.00', valueDate: '2025-02-01', status: 'approved' })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect((await co.get(`/api/groups/${id}/pot?on=2025-02-01`)).body).toMatchObject({ cash: '600.00', reserved: '500.00', available: '100.00' });
  });

  it('concurrent deposits on one group all land and the balances add up', async () => {
    const { id, hh } = await newGroup(10);
    const before = await postingCount();
    const answers = await Promise.all(
      hh.flatMap((h, i) => [
        moneyPost(co, `/api/households/${h}/deposits`, { target: 'group', amount: `${10 + i}.25`, valueDate: '2025-03-05' }),
        moneyPost(co, `/api/households/${h}/deposits`, { target: 'group', amount: '1.50', valueDate: `2025-03-0${1 + (i % 9)}` }),
        moneyPost(co, `/api/households/${h}/deposits`, { target: 'individual', amount: '2.00', valueDate: '2025-03-05' }),
      ]),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(201));
    expect(new Set(answers.map((a) => a.body.entryId)).size).toBe(30);
    expect(await postingCount()).toBe(before + 60);
    // Σ (10 + i + 0.25) for i = 0..9 = 147.50, plus 10 × 1.50.
    expect((await co.get(`/api/groups/${id}/pot?on=2025-03-31`)).body).toMatchObject({ cash: '162.50', membersSavings: '162.50' });
    for (const [i, h] of hh.entries()) {
      expect((await co.get(`/api/households/${h}/savings?on=2025-03-31`)).body).toMatchObject({ groupSavings: `${11 + i}.75`, individualSavings: '2.00' });
    }
    await checkOk(id);
  });

  it('concurrent deposits to one household’s individual savings all land on the same day', async () => {
    const h = (await makeHousehold(t.db.knex)).id;
    const answers = await Promise.all(Array.from({ length: 12 }, () => moneyPost(co, `/api/households/${h}/deposits`, { target: 'individual', amount: '5.00', valueDate: '2025-03-05' })));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    expect((await co.get(`/api/households/${h}/savings?on=2025-03-05`)).body).toMatchObject({ individualSavings: '60.00' });
    const rows = await t.db.knex('account_daily_balances as d').join('ledger_accounts as a', 'a.id', 'd.account_id').where({ 'a.household_id': h }).select('a.kind', 'd.day', 'd.closing');
    expect(rows.map((r) => [r.kind, r.day, r.closing]).sort()).toEqual([
      ['individual_holdings', '2025-03-05', '60.00'],
      ['individual_savings', '2025-03-05', '-60.00'],
    ]);
  });

  it('the same entry reversed concurrently is reversed once', async () => {
    const { id, hh } = await newGroup(1);
    const d = await moneyPost(co, `/api/households/${hh[0]}/deposits`, { target: 'group', amount: '100.00', valueDate: '2025-01-05' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => moneyPost(co, `/api/entries/${d.body.entryId}/reversal`, { reason: 'Doublon' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await t.db.knex('journal_entries').where({ reverses_entry_id: d.body.entryId })).toHaveLength(1);
    await checkOk(id);
  });

  it('a direct UPDATE or DELETE on postings fails', async () => {
    const before = await postingCount();
    await expect(t.db.knex.raw('UPDATE ledger_postings SET amount = amount + 1')).rejects.toThrow(/can never be updated or deleted/);
    await expect(t.db.knex.raw('DELETE FROM ledger_postings')).rejects.toThrow(/can never be updated or deleted/);
    await expect(t.db.knex.raw('DELETE FROM journal_entries')).rejects.toThrow(/can never be updated or deleted/);
    expect(await postingCount()).toBe(before);
  });
});
