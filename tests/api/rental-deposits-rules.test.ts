/**
 * Every rule of the rental-deposit API (docs/rental-deposits.md), through the routes: validation,
 * roles, idempotency, closings, reversals, releases, write-offs, the fund's figures and the records an
 * advance leaves (payment_references, audit_log). The fund is one per organisation, so blocks work on
 * distinct periods: the fund figures in 2020, the closing in 2024, everything else from 2025 on.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../backend/src/lib/dates.ts';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let co: Client;
let referent: Client;
let familyA: Client;
let hhA: string;
let hhB: string;
let depositA: string; // household A's advance
let depositB: string; // household B's advance

const TOMORROW = addDays(today(), 1);

beforeAll(async () => {
  t = await setupApp();
  co = await login(t.app, { email: (await makeStaff(t.db.knex, { role: 'coordinator' })).email, password: STAFF_PASSWORD });
  referent = await login(t.app, { email: (await makeStaff(t.db.knex, { role: 'referent' })).email, password: STAFF_PASSWORD });
  const a = await makeActivatedHousehold(t.db.knex);
  hhA = a.id;
  hhB = (await makeActivatedHousehold(t.db.knex)).id;
  familyA = await login(t.app, { reference: a.reference, password: HOUSEHOLD_PASSWORD });
});
afterAll(() => t?.close());

/** An opening body of the worked example (rent €800, €1,600 at €50 a month), with overrides. */
function openingBody(householdId: string, o: Record<string, unknown> = {}) {
  return {
    householdId,
    landlord: { name: 'M. Janssens', phone: '+32 2 555 01 02', email: 'janssens@example.org' },
    address: 'Rue de la Senne 12, 1000 Bruxelles',
    monthlyRent: '800.00',
    amount: '1600.00',
    openedOn: '2025-01-02',
    bank: 'Belfius',
    blockedAccountReference: 'GL-2025-0001',
    plan: { instalment: '50.00' },
    firstDueOn: '2025-02-01',
    ...o,
  };
}
async function opened(householdId: string, o: Record<string, unknown> = {}) {
  const res = await moneyPost(co, '/api/rental-deposits', openingBody(householdId, o));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
async function contributed(amount: string, valueDate: string) {
  const res = await moneyPost(co, '/api/rental-deposit-fund/contributions', { amount, valueDate });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { entryId: string; entryNumber: number };
}
async function repaid(id: string, amount: string, valueDate: string) {
  const res = await moneyPost(co, `/api/rental-deposits/${id}/repayments`, { amount, valueDate });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const reverse = (entryId: string, reason = 'Erreur de saisie') => moneyPost(co, `/api/rental-deposit-fund/entries/${entryId}/reversal`, { reason });
const deposit = async (id: string, on?: string) => (await co.get(`/api/rental-deposits/${id}${on ? `?on=${on}` : ''}`)).body;
const fund = async (on: string) => (await co.get(`/api/rental-deposit-fund?on=${on}`)).body;
const counts = async () => ({
  entries: Number((await t.db.knex('journal_entries').count<{ n: string }[]>('* as n'))[0]!.n),
  deposits: Number((await t.db.knex('rental_deposits').count<{ n: string }[]>('* as n'))[0]!.n),
  references: Number((await t.db.knex('payment_references').count<{ n: string }[]>('* as n'))[0]!.n),
  keys: Number((await t.db.knex('idempotency_keys').count<{ n: string }[]>('* as n'))[0]!.n),
});
async function checkOk() {
  const res = await co.get('/api/rental-deposit-fund/check');
  expect(res.status).toBe(200);
  expect(res.body, JSON.stringify(res.body)).toMatchObject({ ok: true, invariantHolds: true, runningBalancesMatch: true });
  return res.body;
}
const paths = (body: { errors?: Array<{ path: string }> }) => [...new Set(body.errors!.map((e) => e.path.replace(/^(body|query|params)\./, '')))].sort();

describe('the fund’s figures on dates and at month ends (2020)', () => {
  let a: string;
  let b: string;
  let houseB: string;
  beforeAll(async () => {
    await contributed('5000.00', '2020-01-15');
    a = (await opened(hhA, { openedOn: '2020-02-01', firstDueOn: '2020-03-01' })).id;
    houseB = (await makeHousehold(t.db.knex)).id;
    b = (await opened(houseB, { monthlyRent: '600.00', amount: '1000.00', openedOn: '2020-03-10', plan: { months: 4 }, firstDueOn: '2020-04-10' })).id;
    await repaid(a, '50.00', '2020-03-01');
    await repaid(a, '50.00', '2020-04-01');
    await repaid(b, '250.00', '2020-04-10');
    // Landlord keeps €100 of €1,000 → €900 released: €750 clears the debt, €150 to the tenant.
    const rel = await moneyPost(co, `/api/rental-deposits/${b}/release`, { releasedOn: '2020-05-20', landlordKept: '100.00' });
    expect(rel.status, JSON.stringify(rel.body)).toBe(200);
    expect(rel.body).toMatchObject({ toFund: '750.00', toTenant: '150.00', remainingOwed: '0.00' });
  });

  it('cash, owedByTenants, placed, openCount, contributions on dates', async () => {
    const pick = (f: Record<string, unknown>) => [f.cash, f.owedByTenants, f.placed, f.openCount, f.contributions, f.writtenOff];
    expect(pick(await fund('2019-12-31'))).toEqual(['0.00', '0.00', '0.00', 0, '0.00', '0.00']);
    expect(pick(await fund('2020-01-31'))).toEqual(['5000.00', '0.00', '0.00', 0, '5000.00', '0.00']);
    expect(pick(await fund('2020-02-01'))).toEqual(['3400.00', '1600.00', '1600.00', 1, '5000.00', '0.00']);
    expect(pick(await fund('2020-03-31'))).toEqual(['2450.00', '2550.00', '2600.00', 2, '5000.00', '0.00']);
    expect(pick(await fund('2020-04-30'))).toEqual(['2750.00', '2250.00', '2600.00', 2, '5000.00', '0.00']);
    expect(pick(await fund('2020-05-19'))).toEqual(['2750.00', '2250.00', '2600.00', 2, '5000.00', '0.00']);
    expect(pick(await fund('2020-05-20'))).toEqual(['3500.00', '1500.00', '1600.00', 1, '5000.00', '0.00']);
  });

  it('available is the lowest cash from the date on: what may still be placed that day', async () => {
    expect((await fund('2020-01-20')).available).toBe('2450.00');
    expect((await fund('2020-04-10')).available).toBe('2750.00');
    expect((await fund('2020-06-01')).available).toBe('3500.00');
  });

  it('the month-end series', async () => {
    const res = await co.get('/api/rental-deposit-fund/series?from=2019-12&to=2020-06');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: Record<string, unknown>) => [p.month, p.on, p.cash, p.owedByTenants, p.placed, p.openCount])).toEqual([
      ['2019-12', '2019-12-31', '0.00', '0.00', '0.00', 0],
      ['2020-01', '2020-01-31', '5000.00', '0.00', '0.00', 0],
      ['2020-02', '2020-02-29', '3400.00', '1600.00', '1600.00', 1],
      ['2020-03', '2020-03-31', '2450.00', '2550.00', '2600.00', 2],
      ['2020-04', '2020-04-30', '2750.00', '2250.00', '2600.00', 2],
      ['2020-05', '2020-05-31', '3500.00', '1500.00', '1600.00', 1],
      ['2020-06', '2020-06-30', '3500.00', '1500.00', '1600.00', 1],
    ]);
    // Dates are accepted for months.
    expect((await co.get('/api/rental-deposit-fund/series?from=2020-02-10&to=2020-02-10')).body.items).toHaveLength(1);
  });

  it('an advance on dates: status, arrears, the state of each instalment', async () => {
    expect(await deposit(b, '2020-04-09')).toMatchObject({ status: 'open', owed: '1000.00', paid: '0.00', placed: true, arrears: { instalments: 0 } });
    const bMay = await deposit(b, '2020-05-19');
    expect(bMay).toMatchObject({ status: 'open', owed: '750.00', paid: '250.00', nextInstalment: { dueOn: '2020-06-10', amount: '250.00' } });
    expect(bMay.schedule.map((i: Record<string, unknown>) => [i.dueOn, i.amount, i.covered, i.state])).toEqual([
      ['2020-04-10', '250.00', '250.00', 'paid'],
      ['2020-05-10', '250.00', '0.00', 'late'],
      ['2020-06-10', '250.00', '0.00', 'due'],
      ['2020-07-10', '250.00', '0.00', 'upcoming'],
    ]);
    expect(bMay.arrears).toEqual({ instalments: 1, amount: '250.00', oldestDueOn: '2020-05-10', oldestAgeDays: 9 });
    expect(await deposit(b, '2020-05-20')).toMatchObject({ status: 'closed', owed: '0.00', placed: false, releasedToFund: '750.00', arrears: { instalments: 0, amount: '0.00' } });
    const aApr = await deposit(a, '2020-04-15');
    expect(aApr).toMatchObject({ status: 'open', paid: '100.00', owed: '1500.00', arrears: { instalments: 0 }, nextInstalment: { dueOn: '2020-05-01', amount: '50.00' } });
    expect((await deposit(a, '2020-06-02')).arrears).toEqual({ instalments: 2, amount: '100.00', oldestDueOn: '2020-05-01', oldestAgeDays: 32 });
  });

  it('before its opening an advance owes nothing and has paid nothing', async () => {
    const before = await deposit(a, '2020-01-31');
    expect(before).toMatchObject({ owed: '0.00', paid: '0.00', placed: false, arrears: { instalments: 0, amount: '0.00' } });
    expect(before.schedule.every((i: { covered: string }) => i.covered === '0.00'), JSON.stringify(before.schedule.slice(0, 2))).toBe(true);
  });

  it('?status= and ?householdId= filter the list, on a date', async () => {
    const list = async (q: string) => ((await co.get(`/api/rental-deposits?${q}`)).body.items as Array<{ id: string; status: string }>).map((d) => [d.id, d.status]);
    expect(await list(`householdId=${houseB}&on=2020-05-01`)).toEqual([[b, 'open']]);
    expect(await list(`householdId=${houseB}&on=2020-05-01&status=closed`)).toEqual([]);
    expect(await list(`householdId=${houseB}&on=2020-06-01&status=closed`)).toEqual([[b, 'closed']]);
    expect(await list(`householdId=${houseB}&status=open`)).toEqual([]);
    const closedNow = await list('status=closed');
    expect(closedNow).toContainEqual([b, 'closed']);
    expect(closedNow.every(([, s]) => s === 'closed')).toBe(true);
    const openNow = await list('status=open');
    expect(openNow).toContainEqual([a, 'open']);
    expect(openNow.every(([, s]) => s === 'open')).toBe(true);
  });

  it('the fund’s check holds', checkOk);
});

describe('validation: 400 problems naming the fields, nothing changed', () => {
  beforeAll(async () => {
    await contributed('20000.00', '2024-01-01');
    depositA = (await opened(hhA)).id;
    depositB = (await opened(hhB)).id;
  });

  it('contributions', async () => {
    const before = await counts();
    expect(paths(problem(await moneyPost(co, '/api/rental-deposit-fund/contributions', {}), 400, 'validation_failed'))).toEqual(['amount', 'valueDate']);
    expect(paths(problem(await moneyPost(co, '/api/rental-deposit-fund/contributions', { amount: '0.00', valueDate: '2025-02-30' }), 400, 'validation_failed'))).toEqual(['amount', 'valueDate']);
    expect(paths(problem(await moneyPost(co, '/api/rental-deposit-fund/contributions', { amount: '1.001', valueDate: TOMORROW }), 400, 'validation_failed'))).toEqual(['amount', 'valueDate']);
    expect(paths(problem(await moneyPost(co, '/api/rental-deposit-fund/contributions', { amount: -5, valueDate: '2025-01-01', extra: 1 }), 400, 'validation_failed'))).toEqual(expect.arrayContaining(['amount']));
    expect(await counts()).toEqual(before);
  });

  it('openings: every missing field, bad plans, the legal maximum, the plan’s limits, an unknown household', async () => {
    const before = await counts();
    const post = (body: object) => moneyPost(co, '/api/rental-deposits', body);
    expect(paths(problem(await post({}), 400, 'validation_failed'))).toEqual(expect.arrayContaining(['address', 'amount', 'firstDueOn', 'householdId', 'landlord', 'monthlyRent', 'openedOn', 'plan']));
    expect(paths(problem(await post(openingBody('nope', { landlord: { name: '' }, monthlyRent: '0', openedOn: TOMORROW })), 400, 'validation_failed'))).toEqual(
      expect.arrayContaining(['householdId', 'landlord.name', 'monthlyRent', 'openedOn']),
    );
    expect(paths(problem(await post(openingBody(hhA, { landlord: { name: 'X', email: 'not-an-email' } })), 400, 'validation_failed'))).toEqual(['landlord.email']);
    expect(paths(problem(await post(openingBody(hhA, { plan: { instalment: '50.00', months: 3 } })), 400, 'validation_failed'))).toEqual([expect.stringMatching(/^plan/)]);
    expect(paths(problem(await post(openingBody(hhA, { plan: { months: 0 } })), 400, 'validation_failed'))[0]).toMatch(/^plan/);
    expect(paths(problem(await post(openingBody(hhA, { plan: { months: 121 } })), 400, 'validation_failed'))[0]).toMatch(/^plan/);
    expect(paths(problem(await post(openingBody(hhA, { plan: { months: 2.5 } })), 400, 'validation_failed'))[0]).toMatch(/^plan/);
    expect(paths(problem(await post(openingBody(hhA, { firstDueOn: '2025-01-01' })), 400, 'validation_failed'))).toEqual(['firstDueOn']);
    expect(paths(problem(await post(openingBody(hhA, { amount: '1600.01' })), 400, 'validation_failed'))).toEqual(['amount']);
    // €1,600 at €13.33 is 121 instalments: more than ten years.
    expect(paths(problem(await post(openingBody(hhA, { plan: { instalment: '13.33' } })), 400, 'validation_failed'))).toEqual(['plan.instalment']);
    // €0.05 over ten months would plan €0.00 instalments.
    expect(paths(problem(await post(openingBody(hhA, { monthlyRent: '1.00', amount: '0.05', plan: { months: 10 } })), 400, 'validation_failed'))).toEqual(['plan.months']);
    expect(paths(problem(await post(openingBody(randomUUID())), 400, 'validation_failed'))).toEqual(['householdId']);
    expect(await counts()).toEqual(before);
  });

  it('repayments, releases, write-offs, reversals, closings, the fund', async () => {
    const before = await counts();
    const at = (path: string, body: object) => moneyPost(co, path, body);
    expect(paths(problem(await at(`/api/rental-deposits/${depositA}/repayments`, {}), 400, 'validation_failed'))).toEqual(['amount', 'valueDate']);
    expect(paths(problem(await at(`/api/rental-deposits/${depositA}/repayments`, { amount: '-1.00', valueDate: TOMORROW }), 400, 'validation_failed'))).toEqual(['amount', 'valueDate']);
    expect(paths(problem(await at(`/api/rental-deposits/${depositA}/repayments`, { amount: '10.00', valueDate: '2025-01-01' }), 400, 'validation_failed'))).toEqual(['valueDate']);
    expect(paths(problem(await at('/api/rental-deposits/not-a-uuid/repayments', { amount: '10.00', valueDate: '2025-03-01' }), 400, 'validation_failed'))).toEqual(['id']);
    problem(await at(`/api/rental-deposits/${randomUUID()}/repayments`, { amount: '10.00', valueDate: '2025-03-01' }), 404, 'not_found');
    expect(paths(problem(await at(`/api/rental-deposits/${depositA}/release`, {}), 400, 'validation_failed'))).toEqual(['landlordKept', 'releasedOn']);
    expect(paths(problem(await at(`/api/rental-deposits/${depositA}/release`, { releasedOn: '2025-06-01', landlordKept: '1600.01' }), 400, 'validation_failed'))).toEqual(['landlordKept']);
    expect(paths(problem(await at(`/api/rental-deposits/${depositA}/release`, { releasedOn: '2024-12-31', landlordKept: '0.00' }), 400, 'validation_failed'))).toEqual(['releasedOn']);
    expect(paths(problem(await at(`/api/rental-deposits/${depositA}/release`, { releasedOn: TOMORROW, landlordKept: '-1.00' }), 400, 'validation_failed'))).toEqual(['landlordKept', 'releasedOn']);
    expect(paths(problem(await at(`/api/rental-deposits/${depositA}/write-off`, {}), 400, 'validation_failed'))).toEqual(['amount', 'reason']);
    expect(paths(problem(await at(`/api/rental-deposits/${depositA}/write-off`, { amount: '10.00', reason: '   ' }), 400, 'validation_failed'))).toEqual(['reason']);
    expect(paths(problem(await at(`/api/rental-deposits/${depositA}/write-off`, { amount: '10.00', reason: 'x', valueDate: TOMORROW }), 400, 'validation_failed'))).toEqual(['valueDate']);
    expect(paths(problem(await at(`/api/rental-deposit-fund/entries/${randomUUID()}/reversal`, {}), 400, 'validation_failed'))).toEqual(['reason']);
    expect(paths(problem(await at('/api/rental-deposit-fund/closings', { month: '2025-13' }), 400, 'validation_failed'))).toEqual(['month']);
    expect(paths(problem(await co.patch('/api/rental-deposit-fund', { iban: 'BE41 0918 1173 5141' }).set('Idempotency-Key', randomUUID()), 400, 'validation_failed'))).toEqual(['iban']);
    expect(await counts()).toEqual(before);
  });

  it('queries', async () => {
    expect(paths(problem(await co.get('/api/rental-deposit-fund?on=2025-02-30'), 400, 'validation_failed'))).toEqual(['on']);
    expect(paths(problem(await co.get('/api/rental-deposit-fund/series?from=2025-06&to=2025-01'), 400, 'validation_failed'))).toEqual(['to']);
    expect(paths(problem(await co.get('/api/rental-deposit-fund/series?from=2025-06'), 400, 'validation_failed'))).toEqual(['to']);
    expect(problem(await co.get('/api/rental-deposit-fund/series?from=1990-01&to=2025-01'), 400, 'validation_failed').errors![0]!.path).toMatch(/from/);
    expect(paths(problem(await co.get('/api/rental-deposits?status=lost'), 400, 'validation_failed'))).toEqual(['status']);
    expect(paths(problem(await co.get('/api/rental-deposits?householdId=x'), 400, 'validation_failed'))).toEqual(['householdId']);
    expect(paths(problem(await co.get(`/api/rental-deposits/${depositA}?on=yesterday`), 400, 'validation_failed'))).toEqual(['on']);
    expect(paths(problem(await co.get(`/api/rental-deposits/${depositA}/release-preview?releasedOn=2025-06-01`), 400, 'validation_failed'))).toEqual(['landlordKept']);
    problem(await co.get(`/api/rental-deposits/${randomUUID()}`), 404, 'not_found');
    problem(await co.get(`/api/households/${randomUUID()}/rental-deposits`), 404, 'not_found');
  });

  it('the fund’s IBAN: a valid one is stored compact; the national check is applied', async () => {
    const res = await co.patch('/api/rental-deposit-fund', { iban: 'be68 5390 0754 7034' }).set('Idempotency-Key', randomUUID());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.iban).toBe('BE68539007547034');
    expect((await deposit(depositA)).fundIban).toBe('BE68539007547034');
  });
});

describe('roles', () => {
  it('anonymous: 401 on reads and money routes', async () => {
    const anon = request(t.app);
    for (const url of ['/api/rental-deposit-fund', '/api/rental-deposit-fund/check', '/api/rental-deposits', `/api/rental-deposits/${depositA}`, `/api/households/${hhA}/rental-deposits`]) {
      problem(await anon.get(url), 401, 'unauthenticated');
    }
    problem(await anon.post(`/api/rental-deposits/${depositA}/repayments`).set('Idempotency-Key', randomUUID()).send({ amount: '1.00', valueDate: '2025-03-01' }), 401, 'unauthenticated');
  });

  it('a referent reads everything but posts no money: 403, nothing changed', async () => {
    for (const url of ['/api/rental-deposit-fund', '/api/rental-deposit-fund/series?from=2025-01&to=2025-03', '/api/rental-deposit-fund/check', '/api/rental-deposit-fund/entries', '/api/rental-deposit-fund/closings', '/api/rental-deposits', `/api/rental-deposits/${depositA}`, `/api/rental-deposits/${depositA}/release-preview?releasedOn=2025-06-01&landlordKept=0.00`, `/api/households/${hhA}/rental-deposits`]) {
      expect((await referent.get(url)).status, url).toBe(200);
    }
    const before = await counts();
    const entry = (await deposit(depositA)).entries[0].id as string;
    const posts: Array<[string, object]> = [
      ['/api/rental-deposit-fund/contributions', { amount: '10.00', valueDate: '2025-03-01' }],
      ['/api/rental-deposits', openingBody(hhA)],
      [`/api/rental-deposits/${depositA}/repayments`, { amount: '10.00', valueDate: '2025-03-01' }],
      [`/api/rental-deposits/${depositA}/release`, { releasedOn: '2025-06-01', landlordKept: '0.00' }],
      [`/api/rental-deposits/${depositA}/write-off`, { amount: '10.00', reason: 'x' }],
      [`/api/rental-deposit-fund/entries/${entry}/reversal`, { reason: 'x' }],
      ['/api/rental-deposit-fund/closings', { month: '2019-01' }],
    ];
    for (const [url, body] of posts) problem(await moneyPost(referent, url, body), 403, 'forbidden');
    problem(await referent.patch('/api/rental-deposit-fund', { name: 'X' }).set('Idempotency-Key', randomUUID()), 403, 'forbidden');
    expect(await counts()).toEqual(before);
  });

  it('a household reads only its own advance and its own list: another household’s is 404; staff lists and fund 403', async () => {
    const own = await familyA.get(`/api/rental-deposits/${depositA}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: depositA, household: { id: hhA }, amount: '1600.00' });
    // Staff names stay with staff (as for the savings entries): the household sees its entries without createdBy.
    expect(own.body.entries.length).toBeGreaterThanOrEqual(1);
    for (const e of own.body.entries) expect(e).not.toHaveProperty('createdBy');
    expect((await deposit(depositA)).entries[0].createdBy).toEqual(expect.any(String));
    problem(await familyA.get(`/api/rental-deposits/${depositB}`), 404, 'not_found');
    problem(await familyA.get(`/api/rental-deposits/${randomUUID()}`), 404, 'not_found');
    const list = await familyA.get(`/api/households/${hhA}/rental-deposits`);
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(1);
    expect(list.body.items.every((d: { household: { id: string } }) => d.household.id === hhA)).toBe(true);
    expect(list.body.items.map((d: { id: string }) => d.id)).toContain(depositA);
    problem(await familyA.get(`/api/households/${hhB}/rental-deposits`), 404, 'not_found');
    for (const url of ['/api/rental-deposits', `/api/rental-deposits?householdId=${hhA}`, '/api/rental-deposit-fund', '/api/rental-deposit-fund/check', `/api/rental-deposits/${depositA}/release-preview?releasedOn=2025-06-01&landlordKept=0.00`]) {
      expect([403, 404], url).toContain((await familyA.get(url)).status);
    }
    const before = await counts();
    expect([403, 404]).toContain((await moneyPost(familyA, `/api/rental-deposits/${depositA}/repayments`, { amount: '10.00', valueDate: '2025-03-01' })).status);
    expect([403, 404]).toContain((await moneyPost(familyA, `/api/rental-deposits/${depositB}/repayments`, { amount: '10.00', valueDate: '2025-03-01' })).status);
    expect(await counts()).toEqual(before);
  });
});

describe('Idempotency-Key', () => {
  it('is required on every money route', async () => {
    const before = await counts();
    const routes: Array<[string, object]> = [
      ['/api/rental-deposit-fund/contributions', { amount: '10.00', valueDate: '2025-03-01' }],
      ['/api/rental-deposits', openingBody(hhA)],
      [`/api/rental-deposits/${depositA}/repayments`, { amount: '10.00', valueDate: '2025-03-01' }],
      [`/api/rental-deposits/${depositA}/release`, { releasedOn: '2025-06-01', landlordKept: '0.00' }],
      [`/api/rental-deposits/${depositA}/write-off`, { amount: '10.00', reason: 'x' }],
    ];
    for (const [url, body] of routes) {
      const p = problem(await co.post(url, body), 400, 'validation_failed');
      expect(p.errors!.map((e) => e.path), url).toEqual(['headers.Idempotency-Key']);
      problem(await co.post(url, body).set('Idempotency-Key', 'short'), 400, 'validation_failed');
    }
    expect(await counts()).toEqual(before);
  });

  it('same key + same body → the first answer replayed, posted once; same key + another body → 409', async () => {
    const key = randomUUID();
    const body = { amount: '50.00', valueDate: '2025-02-01', bankReference: 'BANK-1' };
    const before = await counts();
    const first = await moneyPost(co, `/api/rental-deposits/${depositB}/repayments`, body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.headers['x-idempotent-replay']).toBe('false');
    const again = await moneyPost(co, `/api/rental-deposits/${depositB}/repayments`, { bankReference: 'BANK-1', valueDate: '2025-02-01', amount: '50.00' }, key);
    expect(again.status).toBe(201);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await counts()).entries).toBe(before.entries + 1);
    expect((await deposit(depositB)).paid).toBe('50.00');
    problem(await moneyPost(co, `/api/rental-deposits/${depositB}/repayments`, { ...body, amount: '50.01' }, key), 409, 'idempotency_key_reused');
    problem(await moneyPost(co, `/api/rental-deposits/${depositA}/repayments`, body, key), 409, 'idempotency_key_reused');
    problem(await moneyPost(co, '/api/rental-deposit-fund/contributions', { amount: '50.00', valueDate: '2025-02-01' }, key), 409, 'idempotency_key_reused');
    expect((await counts()).entries).toBe(before.entries + 1);
    expect((await deposit(depositB)).paid).toBe('50.00');
  });

  it('an opening replayed creates one advance, one structured communication', async () => {
    const h = (await makeHousehold(t.db.knex)).id;
    const key = randomUUID();
    const before = await counts();
    const first = await moneyPost(co, '/api/rental-deposits', openingBody(h), key);
    const again = await moneyPost(co, '/api/rental-deposits', openingBody(h), key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const after = await counts();
    expect([after.deposits - before.deposits, after.references - before.references, after.entries - before.entries]).toEqual([1, 1, 1]);
  });

  it('a refused operation stores no key: a corrected retry with the same key goes through', async () => {
    const key = randomUUID();
    problem(await moneyPost(co, `/api/rental-deposits/${depositB}/repayments`, { amount: '5000.00', valueDate: '2025-03-01' }, key), 409, 'more_than_owed');
    const ok = await moneyPost(co, `/api/rental-deposits/${depositB}/repayments`, { amount: '50.00', valueDate: '2025-03-01' }, key);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.headers['x-idempotent-replay']).toBe('false');
  });
});

describe('the records an advance leaves', () => {
  it('its own structured communication in payment_references (owner_kind rental_deposit), not the household’s', async () => {
    const d = await deposit(depositA);
    expect(d.structuredCommunication).toMatch(/^\d{12}$/);
    const rows = await t.db.knex('payment_references').where({ owner_id: depositA });
    expect(rows.map((r) => [r.communication, r.owner_kind])).toEqual([[d.structuredCommunication, 'rental_deposit']]);
    const householdComm = (await t.db.knex('households').where({ id: hhA }).first()).structured_communication;
    expect(householdComm).not.toBe(d.structuredCommunication);
    const d2 = await deposit(depositB);
    expect(d2.structuredCommunication).not.toBe(d.structuredCommunication);
  });

  it('audit_log rows for the advance: its creation by the coordinator, then its release', async () => {
    const h = (await makeHousehold(t.db.knex)).id;
    const d = await opened(h, { openedOn: '2025-03-01', firstDueOn: '2025-04-01' });
    const created = await t.db.knex('audit_log').where({ entity_type: 'rental_deposits', entity_id: d.id });
    expect(created.map((r) => r.action)).toEqual(['create']);
    expect(created[0]).toMatchObject({ actor_user_id: co.user.id, household_id: h });
    expect(created[0].after).toMatchObject({ amount: '1600.00', status: 'open' });
    const rel = await moneyPost(co, `/api/rental-deposits/${d.id}/release`, { releasedOn: '2025-05-01', landlordKept: '0.00' });
    expect(rel.status, JSON.stringify(rel.body)).toBe(200);
    const after = await t.db.knex('audit_log').where({ entity_type: 'rental_deposits', entity_id: d.id }).orderBy('id');
    expect(after.map((r) => r.action)).toEqual(['create', 'update']);
    expect(after[1].before).toMatchObject({ status: 'open' });
    expect(after[1].after).toMatchObject({ status: 'released', released_on: '2025-05-01', landlord_kept: '0.00' });
    // The fund row itself is audited too.
    expect(await t.db.knex('audit_log').where({ entity_type: 'rental_deposit_funds' })).not.toHaveLength(0);
  });
});

describe('repayments, releases and write-offs', () => {
  it('refuses a repayment dated before the opening, in the future, or more than owed', async () => {
    const d = await opened((await makeHousehold(t.db.knex)).id, { openedOn: '2025-06-10', firstDueOn: '2025-07-10' });
    expect(paths(problem(await moneyPost(co, `/api/rental-deposits/${d.id}/repayments`, { amount: '50.00', valueDate: '2025-06-09' }), 400, 'validation_failed'))).toEqual(['valueDate']);
    expect(paths(problem(await moneyPost(co, `/api/rental-deposits/${d.id}/repayments`, { amount: '50.00', valueDate: TOMORROW }), 400, 'validation_failed'))).toEqual(['valueDate']);
    problem(await moneyPost(co, `/api/rental-deposits/${d.id}/repayments`, { amount: '1600.01', valueDate: '2025-06-10' }), 409, 'more_than_owed');
    // Exactly what is owed is fine, and then nothing more.
    expect((await repaid(d.id, '1600.00', '2025-06-10')).owed).toBe('0.00');
    problem(await moneyPost(co, `/api/rental-deposits/${d.id}/repayments`, { amount: '0.01', valueDate: '2025-06-11' }), 409, 'more_than_owed');
    await checkOk();
  });

  it('write-off only after the release, never more than owed, with its reason; release twice refused', async () => {
    const d = await opened((await makeHousehold(t.db.knex)).id, { openedOn: '2025-01-02', firstDueOn: '2025-02-01' });
    for (let m = 2; m <= 9; m++) await repaid(d.id, '50.00', `2025-0${m}-01`);
    problem(await moneyPost(co, `/api/rental-deposits/${d.id}/write-off`, { amount: '10.00', reason: 'Parti' }), 409, 'not_released');
    // €400 paid, €1,200 owed; the landlord keeps €1,200 → €400 released, €800 still owed.
    const rel = await moneyPost(co, `/api/rental-deposits/${d.id}/release`, { releasedOn: '2025-10-15', landlordKept: '1200.00' });
    expect(rel.body).toMatchObject({ toFund: '400.00', toTenant: '0.00', remainingOwed: '800.00', deposit: { status: 'released', owed: '800.00', placed: false } });
    problem(await moneyPost(co, `/api/rental-deposits/${d.id}/release`, { releasedOn: '2025-10-16', landlordKept: '0.00' }), 409, 'already_released');
    problem(await co.get(`/api/rental-deposits/${d.id}/release-preview?releasedOn=2025-10-16&landlordKept=0.00`), 409, 'already_released');
    problem(await moneyPost(co, `/api/rental-deposits/${d.id}/write-off`, { amount: '800.01', reason: 'Parti', valueDate: '2025-11-01' }), 409, 'more_than_owed');
    expect(paths(problem(await moneyPost(co, `/api/rental-deposits/${d.id}/write-off`, { amount: '100.00', reason: 'Parti', valueDate: '2025-10-14' }), 400, 'validation_failed'))).toEqual(['valueDate']);
    const off = await moneyPost(co, `/api/rental-deposits/${d.id}/write-off`, { amount: '300.00', reason: 'Dégâts contestés', valueDate: '2025-11-01' });
    expect(off.status, JSON.stringify(off.body)).toBe(201);
    expect(off.body).toMatchObject({ status: 'released', owed: '500.00', writtenOff: '300.00' });
    expect(off.body.entries.at(-1)).toMatchObject({ kind: 'deposit_write_off', amount: '-300.00', memo: 'Dégâts contestés' });
    // The tenant may still repay what stays owed after the release.
    expect((await repaid(d.id, '100.00', '2025-11-05')).owed).toBe('400.00');
    const all = await moneyPost(co, `/api/rental-deposits/${d.id}/write-off`, { amount: '400.00', reason: 'Solde', valueDate: '2025-11-10' });
    expect(all.body).toMatchObject({ status: 'closed', owed: '0.00', writtenOff: '700.00', paid: '500.00', releasedToFund: '400.00' });
    const entries = (await co.get('/api/rental-deposit-fund/entries?from=2025-11-01&to=2025-11-30')).body.items.filter((e: { depositId: string }) => e.depositId === d.id);
    expect(entries.map((e: { kind: string; effects: Record<string, string> }) => [e.kind, e.effects.fund_write_offs ?? null, e.effects.deposit_receivable])).toEqual([
      ['deposit_write_off', '300.00', '-300.00'],
      ['deposit_repayment', null, '-100.00'],
      ['deposit_write_off', '400.00', '-400.00'],
    ]);
    await checkOk();
  });

  it('a release after the tenant repaid everything gives it all back and posts nothing', async () => {
    const d = await opened((await makeHousehold(t.db.knex)).id, { openedOn: '2025-01-02', firstDueOn: '2025-02-01', amount: '1000.00', plan: { months: 3 } });
    expect(d.schedule.map((i: { amount: string }) => i.amount)).toEqual(['333.33', '333.33', '333.34']);
    await repaid(d.id, '1000.00', '2025-02-01');
    const rel = await moneyPost(co, `/api/rental-deposits/${d.id}/release`, { releasedOn: '2025-12-01', landlordKept: '250.00' });
    expect(rel.body).toMatchObject({ toFund: '0.00', toTenant: '750.00', remainingOwed: '0.00', entryId: null, deposit: { status: 'closed', release: { released: '750.00', toFund: '0.00', toTenant: '750.00' } } });
  });
});

describe('reversals', () => {
  it('reversing an opening cancels the advance and gives the fund its cash back; refused while repayments exist', async () => {
    const h = (await makeHousehold(t.db.knex)).id;
    const before = await fund('2025-07-31');
    const d = await opened(h, { openedOn: '2025-07-01', firstDueOn: '2025-07-15' });
    const openingEntry = d.entries[0].id as string;
    expect(d.entries[0]).toMatchObject({ kind: 'deposit_opening', amount: '1600.00' });
    const rep = await repaid(d.id, '50.00', '2025-07-15');
    problem(await reverse(openingEntry), 409, 'reversal_overdraws');
    expect((await deposit(d.id)).status).toBe('open');
    expect((await reverse(rep.entryId)).status).toBe(201);
    const res = await reverse(openingEntry, 'Bail jamais signé');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ reversesEntryId: openingEntry, valueDate: '2025-07-01', reason: 'Bail jamais signé' });
    const after = await deposit(d.id);
    expect(after).toMatchObject({ status: 'cancelled', placed: false, owed: '0.00', arrears: { instalments: 0, amount: '0.00' }, cancelled: { on: '2025-07-01', reason: 'Bail jamais signé' } });
    expect((await fund('2025-07-31')).cash).toBe(before.cash);
    // In the lists too, a cancelled advance owes nothing and is in arrears of nothing.
    const listed = (await co.get(`/api/households/${h}/rental-deposits`)).body.items.find((x: { id: string }) => x.id === d.id);
    expect(listed).toMatchObject({ status: 'cancelled', owed: '0.00', arrears: { instalments: 0, amount: '0.00' }, nextInstalment: null });
    expect((await co.get('/api/rental-deposits?status=cancelled')).body.items.map((x: { id: string }) => x.id)).toContain(d.id);
    problem(await moneyPost(co, `/api/rental-deposits/${d.id}/repayments`, { amount: '10.00', valueDate: '2025-08-01' }), 409, 'deposit_cancelled');
    problem(await moneyPost(co, `/api/rental-deposits/${d.id}/release`, { releasedOn: '2025-08-01', landlordKept: '0.00' }), 409, 'deposit_cancelled');
    problem(await reverse(openingEntry), 409, 'already_reversed');
    problem(await reverse(res.body.entryId), 409, 'cannot_reverse_reversal');
    await checkOk();
  });

  it('reversing a release reopens the advance; refused while a write-off after it stands', async () => {
    const d = await opened((await makeHousehold(t.db.knex)).id, { openedOn: '2025-01-02', firstDueOn: '2025-02-01' });
    await repaid(d.id, '1000.00', '2025-03-01');
    const rel = await moneyPost(co, `/api/rental-deposits/${d.id}/release`, { releasedOn: '2025-09-01', landlordKept: '1200.00' });
    expect(rel.body).toMatchObject({ toFund: '400.00', remainingOwed: '200.00' });
    const off = await moneyPost(co, `/api/rental-deposits/${d.id}/write-off`, { amount: '200.00', reason: 'Parti', valueDate: '2025-09-02' });
    expect(off.status).toBe(201);
    problem(await reverse(rel.body.entryId), 409, 'written_off_after_release');
    expect((await reverse(off.body.entryId, 'Retrouvé')).status).toBe(201);
    const res = await reverse(rel.body.entryId, 'Mauvais montant retenu');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await deposit(d.id)).toMatchObject({ status: 'open', placed: true, owed: '600.00', releasedToFund: '0.00', writtenOff: '0.00', release: null });
    const again = await moneyPost(co, `/api/rental-deposits/${d.id}/release`, { releasedOn: '2025-09-01', landlordKept: '400.00' });
    expect(again.body).toMatchObject({ toFund: '600.00', toTenant: '600.00', remainingOwed: '0.00', deposit: { status: 'closed' } });
    await checkOk();
  });

  it('the opening of a released advance cannot be reversed (409, not a broken CHECK): reverse the release first', async () => {
    // The landlord keeps everything: nothing released, no release entry, all still owed.
    const d = await opened((await makeHousehold(t.db.knex)).id, { openedOn: '2025-04-01', firstDueOn: '2025-05-01' });
    const rel = await moneyPost(co, `/api/rental-deposits/${d.id}/release`, { releasedOn: '2025-06-01', landlordKept: '1600.00' });
    expect(rel.body).toMatchObject({ toFund: '0.00', toTenant: '0.00', remainingOwed: '1600.00', entryId: null, deposit: { status: 'released', owed: '1600.00' } });
    const before = await counts();
    problem(await reverse(d.entries[0].id), 409, 'released_after_opening');
    expect(await counts()).toEqual(before);
    expect((await deposit(d.id)).status).toBe('released');
    // With a part released to the fund, the same answer (before the fix: 422 constraint_violation).
    const e = await opened((await makeHousehold(t.db.knex)).id, { openedOn: '2025-04-01', firstDueOn: '2025-05-01' });
    expect((await moneyPost(co, `/api/rental-deposits/${e.id}/release`, { releasedOn: '2025-06-01', landlordKept: '1000.00' })).body.toFund).toBe('600.00');
    problem(await reverse(e.entries[0].id), 409, 'released_after_opening');
    await checkOk();
  });

  it('an entry of another book cannot be reversed through the fund, nor a fund entry through the groups’ route', async () => {
    const g = await co.post('/api/groups', { name: 'GECS voisin', cohort: '2025', startsOn: '2025-01-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' });
    expect(g.status).toBe(201);
    const h = (await makeHousehold(t.db.knex)).id;
    expect((await co.post(`/api/groups/${g.body.id}/members`, { householdId: h, joinedOn: '2025-01-01' })).status).toBe(201);
    const dep = await moneyPost(co, `/api/households/${h}/deposits`, { target: 'group', amount: '100.00', valueDate: '2025-01-05' });
    expect(dep.status).toBe(201);
    problem(await reverse(dep.body.entryId), 404, 'not_found');
    const d = await opened((await makeHousehold(t.db.knex)).id, { openedOn: '2025-08-01', firstDueOn: '2025-09-01' });
    const before = await counts();
    const viaGroups = await moneyPost(co, `/api/entries/${d.entries[0].id}/reversal`, { reason: 'x' });
    expect(viaGroups.status).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await deposit(d.id)).status).toBe('open');
  });
});

describe('insufficient fund', () => {
  it('refuses an opening the fund cannot pay on that date or a later one', async () => {
    const f = await fund('2024-01-01');
    const h = (await makeHousehold(t.db.knex)).id;
    // A huge rent so that only the fund, not the law, limits the amount.
    const tooMuch = (Number(f.available) + 0.01).toFixed(2);
    const before = await counts();
    problem(await moneyPost(co, '/api/rental-deposits', openingBody(h, { monthlyRent: '100000.00', amount: tooMuch, openedOn: '2024-01-01', firstDueOn: '2024-02-01', plan: { months: 12 } })), 409, 'insufficient_fund');
    // Before the 2024 contribution there was less; after it the later openings bound what is available.
    problem(await moneyPost(co, '/api/rental-deposits', openingBody(h, { openedOn: '2023-12-31', firstDueOn: '2024-02-01', monthlyRent: '100000.00', amount: '3500.01', plan: { months: 12 } })), 409, 'insufficient_fund');
    expect(await counts()).toEqual(before);
    await checkOk();
  });
});

describe('closed months (2024)', () => {
  it('refuse dates in them; a reversal after the closing is dated today', async () => {
    const h = (await makeHousehold(t.db.knex)).id;
    const d = await opened(h, { openedOn: '2024-02-10', firstDueOn: '2024-03-10' });
    const rep = await repaid(d.id, '50.00', '2024-03-10');
    // A second advance, never repaid: its opening is reversed after the closing, below.
    const d2 = await opened((await makeHousehold(t.db.knex)).id, { openedOn: '2024-02-15', firstDueOn: '2024-03-15' });
    const closedFigures = await fund('2024-03-31');
    const closedSeries = (await co.get('/api/rental-deposit-fund/series?from=2024-02&to=2024-03')).body.items;
    problem(await moneyPost(co, '/api/rental-deposit-fund/closings', { month: today().slice(0, 7) }), 409, 'month_not_ended');
    const close = await moneyPost(co, '/api/rental-deposit-fund/closings', { month: '2024-03' });
    expect(close.status, JSON.stringify(close.body)).toBe(201);
    expect((await co.get('/api/rental-deposit-fund/closings')).body.items.map((c: { month: string }) => c.month)).toContain('2024-03');
    expect((await fund('2024-04-01')).closedThrough).toBe('2024-03-31');
    const before = await counts();
    problem(await moneyPost(co, `/api/rental-deposits/${d.id}/repayments`, { amount: '50.00', valueDate: '2024-03-31' }), 409, 'month_closed');
    problem(await moneyPost(co, '/api/rental-deposit-fund/contributions', { amount: '50.00', valueDate: '2024-01-15' }), 409, 'month_closed');
    problem(await moneyPost(co, '/api/rental-deposits', openingBody(h, { openedOn: '2024-03-01', firstDueOn: '2024-04-01' })), 409, 'month_closed');
    problem(await moneyPost(co, `/api/rental-deposits/${d.id}/release`, { releasedOn: '2024-03-20', landlordKept: '0.00' }), 409, 'month_closed');
    expect(await counts()).toEqual(before);
    // The first open day is fine.
    await repaid(d.id, '50.00', '2024-04-01');
    const rev = await reverse(rep.entryId, 'Paiement rejeté par la banque');
    expect(rev.status, JSON.stringify(rev.body)).toBe(201);
    expect(rev.body.valueDate).toBe(today());
    // The month stays as it was closed: on its last day, the repayment still counts.
    expect((await deposit(d.id, '2024-03-31')).paid).toBe('50.00');
    expect((await deposit(d.id)).paid).toBe('50.00');
    // The opening is in a closed month: its reversal would be dated today, where repayments remain.
    const open = (await deposit(d.id)).entries.find((e: { kind: string }) => e.kind === 'deposit_opening');
    problem(await reverse(open.id), 409, 'reversal_overdraws');
    problem(await moneyPost(co, '/api/rental-deposit-fund/closings', { month: '2024-02' }), 409, 'already_closed');

    // The opening of the second advance reversed after the closing: dated today, it cancels the advance
    // from today on; the closed months keep the figures they were closed with.
    const rev2 = await reverse((await deposit(d2.id)).entries[0].id, 'Bail annulé');
    expect(rev2.status, JSON.stringify(rev2.body)).toBe(201);
    expect(rev2.body.valueDate).toBe(today());
    expect(await deposit(d2.id)).toMatchObject({ status: 'cancelled', owed: '0.00', placed: false });
    expect(await deposit(d2.id, '2024-03-31')).toMatchObject({ status: 'open', owed: '1600.00', placed: true, arrears: { instalments: 1, amount: '50.00' } });
    const pick = (f: Record<string, unknown>) => [f.cash, f.owedByTenants, f.placed, f.openCount];
    expect(pick(await fund('2024-03-31'))).toEqual(pick(closedFigures));
    expect((await co.get('/api/rental-deposit-fund/series?from=2024-02&to=2024-03')).body.items).toEqual(closedSeries);
    await checkOk();
  });
});
