/**
 * Each savings route: validation errors naming every field, idempotency, who may call it, and what a
 * household may see (its own savings, movements and advances; nothing of its group or of others).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';
import { addDays, today } from '../../backend/src/lib/dates.ts';

let t: TestApp;
let co: Client;
let referent: Client;
let family: Client;
let groupId: string;
let own: string; // the signed-in household
let other: string; // another member of the same group
let otherAdvanceId: string;
let approvedAdvanceId: string;
let ownDepositEntry: string;

beforeAll(async () => {
  t = await setupApp();
  co = await login(t.app, { email: (await makeStaff(t.db.knex, { role: 'coordinator' })).email, password: STAFF_PASSWORD });
  referent = await login(t.app, { email: (await makeStaff(t.db.knex, { role: 'referent' })).email, password: STAFF_PASSWORD });
  const a = await makeActivatedHousehold(t.db.knex);
  const b = await makeActivatedHousehold(t.db.knex);
  const c = await makeHousehold(t.db.knex);
  own = a.id;
  other = b.id;
  family = await login(t.app, { reference: a.reference, password: HOUSEHOLD_PASSWORD });
  groupId = (await co.post('/api/groups', { name: 'GECS routes', cohort: '2025', startsOn: '2025-01-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' })).body.id;
  for (const h of [own, other, c.id]) expect((await co.post(`/api/groups/${groupId}/members`, { householdId: h, joinedOn: '2025-01-01' })).status).toBe(201);
  ownDepositEntry = (await moneyPost(co, `/api/households/${own}/deposits`, { target: 'group', amount: '1000.00', valueDate: '2025-01-05' })).body.entryId;
  await moneyPost(co, `/api/households/${other}/deposits`, { target: 'group', amount: '1000.00', valueDate: '2025-01-05' });
  await moneyPost(co, `/api/households/${other}/deposits`, { target: 'individual', amount: '77.00', valueDate: '2025-01-05' });
  otherAdvanceId = (await moneyPost(co, `/api/groups/${groupId}/advances`, { householdId: other, amount: '500.00', valueDate: '2025-02-01', status: 'paid', note: 'Compromis secret' })).body.id;
  approvedAdvanceId = (await moneyPost(co, `/api/groups/${groupId}/advances`, { householdId: c.id, amount: '100.00', valueDate: '2025-02-01', status: 'approved' })).body.id;
  expect(otherAdvanceId).toEqual(expect.any(String));
  expect(approvedAdvanceId).toEqual(expect.any(String));
  await moneyPost(co, `/api/groups/${groupId}/dividends`, { amount: '20.00', valueDate: '2025-02-10' });
});
afterAll(() => t.close());

const postingCount = async () => Number((await t.db.knex('ledger_postings').count<{ n: string }[]>('* as n'))[0]!.n);
const tomorrow = () => addDays(today(), 1);

/** Every money route with a valid body (for the signed-in coordinator). */
const moneyRoutes = () => [
  { url: `/api/households/${own}/deposits`, body: { target: 'group', amount: '10.00', valueDate: '2025-03-01' }, amount: 'amount', date: 'valueDate' },
  { url: `/api/groups/${groupId}/advances`, body: { householdId: own, amount: '10.00', valueDate: '2025-03-01', status: 'approved' }, amount: 'amount', date: 'valueDate' },
  { url: `/api/advances/${otherAdvanceId}/repayments`, body: { amount: '10.00', valueDate: '2025-03-01' }, amount: 'amount', date: 'valueDate' },
  { url: `/api/groups/${groupId}/dividends`, body: { amount: '10.00', valueDate: '2025-03-01' }, amount: 'amount', date: 'valueDate' },
  { url: `/api/advances/${approvedAdvanceId}/pay`, body: { valueDate: '2025-03-01' }, amount: null, date: 'valueDate' },
  { url: `/api/households/${own}/refunds`, body: { valueDate: '2025-03-01' }, amount: null, date: 'valueDate' },
  { url: `/api/advances/${approvedAdvanceId}/cancel`, body: { reason: 'Annulé' }, amount: null, date: null },
  { url: `/api/entries/${ownDepositEntry}/reversal`, body: { reason: 'Erreur' }, amount: null, date: null },
];

describe('amounts', () => {
  const bad: Array<[unknown, string]> = [
    [100, 'Must be a decimal string such as "125.00"'],
    [100.5, 'Must be a decimal string such as "125.00"'],
    ['10.123', 'Must be a decimal string with at most two decimals, such as "125.00"'],
    ['0', 'Must be greater than zero'],
    ['0.00', 'Must be greater than zero'],
    ['-5.00', 'Must be greater than zero'],
    ['1000000000000.00', 'Must be a decimal string with at most two decimals, such as "125.00"'],
    ['1e3', 'Must be a decimal string with at most two decimals, such as "125.00"'],
    ['12,50', 'Must be a decimal string with at most two decimals, such as "125.00"'],
    [null, 'Must be a decimal string such as "125.00"'],
  ];

  it('refuses a JSON number, more than two decimals, zero, negative and too large amounts on every money route (400), posting nothing', async () => {
    const before = await postingCount();
    for (const route of moneyRoutes().filter((r) => r.amount)) {
      for (const [value, message] of bad) {
        const res = await moneyPost(co, route.url, { ...route.body, [route.amount!]: value });
        const p = problem(res, 400, 'validation_failed');
        expect({ url: route.url, value, errors: p.errors }).toEqual({ url: route.url, value, errors: [{ path: 'amount', message }] });
      }
    }
    for (const [value] of bad) {
      problem(await co.post(`/api/groups/${groupId}/monthly-amounts`, { amount: value, from: '2025-06' }), 400, 'validation_failed');
      const g = problem(await co.post('/api/groups', { name: `G ${randomUUID()}`, cohort: 'x', startsOn: '2025-01-01', monthlyAmount: value, exitPolicy: 'refund_now' }), 400, 'validation_failed');
      expect(g.errors!.map((e) => e.path)).toEqual(['monthlyAmount']);
    }
    problem(await co.post('/api/groups', { name: 'G neg', cohort: 'x', startsOn: '2025-01-01', monthlyAmount: '10.00', exitPolicy: 'refund_now', exitCost: 5 }), 400, 'validation_failed');
    expect(await postingCount()).toBe(before);
  });

  it('refuses a value date in the future, or not a real date, on every dated money route', async () => {
    const before = await postingCount();
    for (const route of moneyRoutes().filter((r) => r.date)) {
      const future = problem(await moneyPost(co, route.url, { ...route.body, [route.date!]: tomorrow() }), 400, 'validation_failed');
      expect({ url: route.url, errors: future.errors }).toEqual({ url: route.url, errors: [{ path: 'valueDate', message: 'Must not be in the future' }] });
      const unreal = problem(await moneyPost(co, route.url, { ...route.body, [route.date!]: '2025-02-30' }), 400, 'validation_failed');
      expect(unreal.errors).toEqual([{ path: 'valueDate', message: 'Must be a real date written YYYY-MM-DD' }]);
    }
    expect(await postingCount()).toBe(before);
  });

  it('names every wrong or missing field at once', async () => {
    const dep = problem(await moneyPost(co, `/api/households/${own}/deposits`, { extra: 1 }), 400, 'validation_failed');
    expect(dep.errors!.map((e) => e.path).sort()).toEqual(['amount', 'extra', 'target', 'valueDate']);
    const advance = problem(await moneyPost(co, `/api/groups/${groupId}/advances`, { householdId: 'nope', amount: 1, status: 'granted' }), 400, 'validation_failed');
    expect(advance.errors!.map((e) => e.path).sort()).toEqual(['amount', 'householdId', 'status', 'valueDate']);
    expect(advance.errors!.find((e) => e.path === 'status')!.message).toBe('Must be "approved" or "paid"');
    const repay = problem(await moneyPost(co, `/api/advances/${otherAdvanceId}/repayments`, {}), 400, 'validation_failed');
    expect(repay.errors!.map((e) => e.path).sort()).toEqual(['amount', 'valueDate']);
    const div = problem(await moneyPost(co, `/api/groups/${groupId}/dividends`, {}), 400, 'validation_failed');
    expect(div.errors!.map((e) => e.path).sort()).toEqual(['amount', 'valueDate']);
    const ref = problem(await moneyPost(co, `/api/households/${own}/refunds`, { note: 5 }), 400, 'validation_failed');
    expect(ref.errors!.map((e) => e.path).sort()).toEqual(['note', 'valueDate']);
    const rev = problem(await moneyPost(co, `/api/entries/${ownDepositEntry}/reversal`, {}), 400, 'validation_failed');
    expect(rev.errors!.map((e) => e.path)).toEqual(['reason']);
    const close = problem(await co.post(`/api/groups/${groupId}/closings`, { month: '2025-13' }), 400, 'validation_failed');
    expect(close.errors!.map((e) => e.path)).toEqual(['month']);
    const group = problem(await co.post('/api/groups', {}), 400, 'validation_failed');
    expect(group.errors!.map((e) => e.path).sort()).toEqual(['cohort', 'exitPolicy', 'monthlyAmount', 'name', 'startsOn']);
    const badId = problem(await moneyPost(co, '/api/households/not-a-uuid/deposits', { target: 'group', amount: '1.00', valueDate: '2025-01-01' }), 400, 'validation_failed');
    expect(badId.errors!.map((e) => e.path)).toEqual(['params.id']);
    const q = problem(await co.get(`/api/households/${own}/savings?on=2025-02-31`), 400, 'validation_failed');
    expect(q.errors!.map((e) => e.path)).toEqual(['query.on']);
    const period = problem(await co.get(`/api/households/${own}/entries?from=2025-03-01&to=2025-02-01`), 400, 'validation_failed');
    expect(period.errors!.map((e) => e.path)).toEqual(['query.to']);
  });

  it('answers 404 for ids that do not exist', async () => {
    problem(await moneyPost(co, `/api/households/${randomUUID()}/deposits`, { target: 'group', amount: '1.00', valueDate: '2025-01-01' }), 404, 'not_found');
    problem(await moneyPost(co, `/api/groups/${randomUUID()}/advances`, { householdId: own, amount: '1.00', valueDate: '2025-01-01', status: 'paid' }), 404, 'not_found');
    problem(await moneyPost(co, `/api/advances/${randomUUID()}/pay`, { valueDate: '2025-01-01' }), 404, 'not_found');
    problem(await moneyPost(co, `/api/entries/${randomUUID()}/reversal`, { reason: 'x' }), 404, 'not_found');
    problem(await co.get(`/api/groups/${randomUUID()}/pot`), 404, 'not_found');
  });
});

describe('idempotency', () => {
  it('same key and same body: the same entry, nothing posted twice, X-Idempotent-Replay: true', async () => {
    const key = randomUUID();
    const body = { target: 'group', amount: '25.00', valueDate: '2025-03-03', note: 'Mars' };
    const first = await moneyPost(co, `/api/households/${own}/deposits`, body, key);
    expect(first.status).toBe(201);
    expect(first.headers['x-idempotent-replay']).toBe('false');
    const after = await postingCount();
    // Same body with its keys in another order is the same request.
    const again = await moneyPost(co, `/api/households/${own}/deposits`, { note: 'Mars', valueDate: '2025-03-03', amount: '25.00', target: 'group' }, key);
    expect(again.status).toBe(201);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await postingCount()).toBe(after);
    expect(await t.db.knex('journal_entries').where({ idempotency_key: key })).toHaveLength(1);
  });

  it('same key and another body, or another route: 409 idempotency_key_reused', async () => {
    const key = randomUUID();
    expect((await moneyPost(co, `/api/households/${own}/deposits`, { target: 'group', amount: '5.00', valueDate: '2025-03-04' }, key)).status).toBe(201);
    const before = await postingCount();
    problem(await moneyPost(co, `/api/households/${own}/deposits`, { target: 'group', amount: '5.01', valueDate: '2025-03-04' }, key), 409, 'idempotency_key_reused');
    problem(await moneyPost(co, `/api/households/${other}/deposits`, { target: 'group', amount: '5.00', valueDate: '2025-03-04' }, key), 409, 'idempotency_key_reused');
    problem(await moneyPost(co, `/api/groups/${groupId}/dividends`, { amount: '5.00', valueDate: '2025-03-04' }, key), 409, 'idempotency_key_reused');
    expect(await postingCount()).toBe(before);
  });

  it('a missing or malformed key is a 400 naming the header', async () => {
    const body = { target: 'group', amount: '5.00', valueDate: '2025-03-04' };
    const missing = problem(await co.post(`/api/households/${own}/deposits`, body), 400, 'validation_failed');
    expect(missing.errors).toEqual([{ path: 'headers.Idempotency-Key', message: expect.stringContaining('Required') }]);
    for (const key of ['short', 'x'.repeat(201), 'has space in it']) {
      const p = problem(await moneyPost(co, `/api/households/${own}/deposits`, body, key), 400, 'validation_failed');
      expect(p.errors!.map((e) => e.path)).toEqual(['headers.Idempotency-Key']);
    }
    for (const route of moneyRoutes()) {
      const p = problem(await co.post(route.url, route.body), 400, 'validation_failed');
      expect({ url: route.url, paths: p.errors!.map((e) => e.path) }).toEqual({ url: route.url, paths: ['headers.Idempotency-Key'] });
    }
  });

  it('a failed operation does not use up its key', async () => {
    const key = randomUUID();
    const late = (await makeHousehold(t.db.knex)).id;
    const body = { target: 'group', amount: '100.00', valueDate: '2025-04-01' };
    problem(await moneyPost(co, `/api/households/${late}/deposits`, body, key), 409, 'not_a_member');
    expect((await co.post(`/api/groups/${groupId}/members`, { householdId: late, joinedOn: '2025-04-01' })).status).toBe(201);
    const res = await moneyPost(co, `/api/households/${late}/deposits`, body, key);
    expect(res.status).toBe(201);
    expect(res.headers['x-idempotent-replay']).toBe('false');
    // A refused advance, retried with the same key once the pot can pay it.
    const advKey = randomUUID();
    const advBody = { householdId: late, amount: '5000.00', valueDate: '2025-04-02', status: 'approved' };
    problem(await moneyPost(co, `/api/groups/${groupId}/advances`, advBody, advKey), 409, 'insufficient_pot');
    await moneyPost(co, `/api/households/${late}/deposits`, { target: 'group', amount: '5000.00', valueDate: '2025-04-02' });
    expect((await moneyPost(co, `/api/groups/${groupId}/advances`, advBody, advKey)).status).toBe(201);
    expect((await moneyPost(co, `/api/groups/${groupId}/advances`, advBody, advKey)).headers['x-idempotent-replay']).toBe('true');
  });
});

describe('who may move money', () => {
  it('a referent may deposit but not advance, repay, refund, pay a dividend, reverse, close or run the group (403)', async () => {
    const res = await moneyPost(referent, `/api/households/${own}/deposits`, { target: 'individual', amount: '1.00', valueDate: '2025-03-01' });
    expect(res.status).toBe(201);
    const before = await postingCount();
    for (const route of moneyRoutes().slice(1)) {
      const p = await moneyPost(referent, route.url, route.body);
      expect({ url: route.url, status: p.status, code: p.body.code }).toEqual({ url: route.url, status: 403, code: 'forbidden' });
    }
    problem(await referent.post(`/api/groups/${groupId}/closings`, { month: '2025-01' }), 403, 'forbidden');
    problem(await referent.post(`/api/groups/${groupId}/monthly-amounts`, { amount: '1.00', from: '2025-06' }), 403, 'forbidden');
    problem(await referent.post('/api/groups', { name: 'R', cohort: 'x', startsOn: '2025-01-01', monthlyAmount: '10.00', exitPolicy: 'refund_now' }), 403, 'forbidden');
    problem(await referent.patch(`/api/groups/${groupId}`, { endsOn: '2025-12-31' }), 403, 'forbidden');
    problem(await referent.post(`/api/groups/${groupId}/members`, { householdId: own, joinedOn: '2025-01-01' }), 403, 'forbidden');
    expect(await postingCount()).toBe(before);
    // Referents read everything staff may read.
    for (const url of [`/api/groups/${groupId}`, `/api/groups/${groupId}/pot`, `/api/groups/${groupId}/arrears`, `/api/groups/${groupId}/check`, `/api/households/${own}/savings`]) {
      expect({ url, status: (await referent.get(url)).status }).toEqual({ url, status: 200 });
    }
  });

  it('a household gets 404 on every money route, its own household included, and posts nothing', async () => {
    const before = await postingCount();
    const routes = [...moneyRoutes(), { url: `/api/households/${own}/deposits`, body: { target: 'individual', amount: '10.00', valueDate: '2025-03-01' } }, { url: `/api/households/${own}/refunds`, body: { valueDate: '2025-03-01' } }];
    for (const route of routes) {
      const res = await moneyPost(family, route.url, route.body);
      expect({ url: route.url, status: res.status }).toEqual({ url: route.url, status: 404 });
    }
    problem(await family.post(`/api/groups/${groupId}/closings`, { month: '2025-01' }), 404, 'not_found');
    problem(await family.post(`/api/groups/${groupId}/monthly-amounts`, { amount: '1.00', from: '2025-06' }), 404, 'not_found');
    expect(await postingCount()).toBe(before);
  });
});

describe('what a household sees', () => {
  it('its own savings, movements and advances (200)', async () => {
    const s = await family.get(`/api/households/${own}/savings?on=2025-02-28`);
    expect(s.status).toBe(200);
    // Dividend of 20.00 shared by savings 1000 / 1000 on 10 February: 10.00 each.
    expect(s.body).toMatchObject({ groupSavings: '1010.00', individualSavings: '0.00', outstandingAdvance: '0.00', groupId });
    const e = await family.get(`/api/households/${own}/entries?from=2025-01-01&to=2025-02-28`);
    expect(e.status).toBe(200);
    expect(e.body.items.map((x: { kind: string; effects: object }) => [x.kind, x.effects])).toEqual([
      ['deposit_group', { groupSavings: '1000.00' }],
      ['dividend', { groupSavings: '10.00' }],
    ]);
    const a = await family.get(`/api/households/${own}/advances`);
    expect(a.status).toBe(200);
    expect(a.body.items).toEqual([]);
  });

  it("nothing of its group's pot or of another household (404)", async () => {
    for (const url of [
      `/api/households/${other}/savings`,
      `/api/households/${other}/entries`,
      `/api/households/${other}/advances`,
      `/api/households/${other}/statement.pdf`,
      `/api/groups`,
      `/api/groups/${groupId}`,
      `/api/groups/${groupId}/pot`,
      `/api/groups/${groupId}/pot/series`,
      `/api/groups/${groupId}/arrears`,
      `/api/groups/${groupId}/check`,
      `/api/groups/${groupId}/entries`,
      `/api/groups/${groupId}/entries.csv`,
      `/api/groups/${groupId}/statements.zip`,
      `/api/advances/${otherAdvanceId}`,
    ]) {
      const res = await family.get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
      // A problem that echoes the URL asked for, and nothing else.
      expect(res.body.code).toBe('not_found');
      expect(JSON.stringify(res.body)).not.toMatch(/Savings|cash|1010\.00|500\.00|Compromis/);
    }
  });

  it("its own answers leak no other household's figures, no pot and no staff names", async () => {
    const bodies = [
      (await family.get(`/api/households/${own}/savings`)).body,
      (await family.get(`/api/households/${own}/entries?from=2025-01-01&to=${today()}`)).body,
      (await family.get(`/api/households/${own}/advances`)).body,
    ];
    const text = JSON.stringify(bodies);
    expect(text).not.toContain(other);
    expect(text).not.toContain('Compromis secret');
    expect(text).not.toContain('potCash');
    expect(text).not.toContain('"unallocated"');
    expect(text).not.toContain('createdBy');
    expect(text).not.toContain('500.00');
    expect(text).not.toContain('77.00');
  });

  it('staff see the same movements with their author', async () => {
    const e = await co.get(`/api/households/${own}/entries?from=2025-01-01&to=2025-01-31`);
    expect(e.body.items[0]).toMatchObject({ kind: 'deposit_group', createdBy: expect.stringContaining('@') });
    const o = await co.get(`/api/households/${other}/savings?on=2025-02-28`);
    expect(o.body).toMatchObject({ groupSavings: '1010.00', individualSavings: '77.00', outstandingAdvance: '500.00' });
  });
});
