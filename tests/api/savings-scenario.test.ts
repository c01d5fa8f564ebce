/**
 * The pot scenario: four households save €100 a month for six months (January–June 2025); A signs a
 * compromis in April and the pot advances €1,500; B's request for €900 in May is refused (only €500 is
 * available); A's deed in June repays the advance. Every figure below is computed by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let coordinator: Client;
let groupId: string;
const households: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'coordinator' });
  coordinator = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  const group = await coordinator.post('/api/groups', { name: 'GECS Scénario', cohort: '2025', startsOn: '2025-01-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' });
  expect(group.status).toBe(201);
  groupId = group.body.id;
  for (const name of ['A', 'B', 'C', 'D'] as const) {
    households[name] = (await makeHousehold(t.db.knex, { displayName: `Famille ${name}` })).id;
    const joined = await coordinator.post(`/api/groups/${groupId}/members`, { householdId: households[name], joinedOn: '2025-01-01' });
    expect(joined.status).toBe(201);
  }
});
afterAll(() => t.close());

const deposit = (name: keyof typeof households, valueDate: string) =>
  moneyPost(coordinator, `/api/households/${households[name]}/deposits`, { target: 'group', amount: '100.00', valueDate });

async function depositMonth(month: string) {
  for (const name of ["A", "B", "C", "D"] as const) {
    const res = await deposit(name, `${month}-05`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}

describe('the GECS pot scenario, figure by figure', () => {
  let advanceId: string;

  it('January to March: €1,200 in the pot, €300 saved by each household', async () => {
    for (const month of ['2025-01', '2025-02', '2025-03']) await depositMonth(month);
    const pot = await coordinator.get(`/api/groups/${groupId}/pot?on=2025-03-31`);
    expect(pot.body).toMatchObject({ cash: '1200.00', reserved: '0.00', available: '1200.00', outstandingAdvances: '0.00', membersSavings: '1200.00' });
    const a = await coordinator.get(`/api/households/${households.A}/savings?on=2025-03-31`);
    expect(a.body).toMatchObject({ groupSavings: '300.00', individualSavings: '0.00', outstandingAdvance: '0.00', arrears: { months: 0, amount: '0.00' } });
  });

  it('April: A signs its compromis and the pot advances €1,500, leaving €100', async () => {
    await depositMonth('2025-04');
    const res = await moneyPost(coordinator, `/api/groups/${groupId}/advances`, { householdId: households.A, amount: '1500.00', valueDate: '2025-04-10', status: 'paid', note: 'Compromis rue du Progrès' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'paid', amount: '1500.00', paidOn: '2025-04-10', outstanding: '1500.00' });
    expect(res.body.entryId).toEqual(expect.any(String));
    advanceId = res.body.id;
    const pot = await coordinator.get(`/api/groups/${groupId}/pot?on=2025-04-30`);
    expect(pot.body).toMatchObject({ cash: '100.00', outstandingAdvances: '1500.00', membersSavings: '1600.00', available: '100.00' });
    // The advance exceeds A's own savings (€400): the others carry it. That is the solidarity.
    const a = await coordinator.get(`/api/households/${households.A}/savings?on=2025-04-30`);
    expect(a.body).toMatchObject({ groupSavings: '400.00', outstandingAdvance: '1500.00' });
  });

  it('a back-dated request is checked against every later date: €1,300 on 1 April is refused though the pot held €1,200 + €400 that week', async () => {
    const res = await moneyPost(coordinator, `/api/groups/${groupId}/advances`, { householdId: households.C, amount: '1300.00', valueDate: '2025-04-06', status: 'approved' });
    problem(res, 409, 'insufficient_pot');
    expect(res.body.detail).toContain('100.00');
  });

  it('May: B asks for €900 and is refused — only €500 is available', async () => {
    await depositMonth('2025-05');
    const res = await moneyPost(coordinator, `/api/groups/${groupId}/advances`, { householdId: households.B, amount: '900.00', valueDate: '2025-05-12', status: 'approved' });
    problem(res, 409, 'insufficient_pot');
    expect(res.body.detail).toContain('500.00');
    const pot = await coordinator.get(`/api/groups/${groupId}/pot?on=2025-05-31`);
    expect(pot.body).toMatchObject({ cash: '500.00', reserved: '0.00', available: '500.00', outstandingAdvances: '1500.00', membersSavings: '2000.00' });
  });

  it('June: A’s deed repays the €1,500; the pot holds everyone’s €2,400 again', async () => {
    await depositMonth('2025-06');
    const res = await moneyPost(coordinator, `/api/advances/${advanceId}/repayments`, { amount: '1500.00', valueDate: '2025-06-20' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ outstanding: '0.00' });
    const pot = await coordinator.get(`/api/groups/${groupId}/pot?on=2025-06-30`);
    expect(pot.body).toMatchObject({ cash: '2400.00', reserved: '0.00', available: '2400.00', outstandingAdvances: '0.00', membersSavings: '2400.00' });
    for (const name of ['A', 'B', 'C', 'D'] as const) {
      const s = await coordinator.get(`/api/households/${households[name]}/savings?on=2025-06-30`);
      expect(s.body).toMatchObject({ groupSavings: '600.00', outstandingAdvance: '0.00', arrears: { months: 0, amount: '0.00' } });
    }
  });

  it('the month-end series tells the same story', async () => {
    const res = await coordinator.get(`/api/groups/${groupId}/pot/series?from=2025-01-01&to=2025-06-30`);
    expect(res.status).toBe(200);
    expect(res.body.points.map((p: { on: string; cash: string; outstandingAdvances: string; membersSavings: string }) => [p.on, p.cash, p.outstandingAdvances, p.membersSavings])).toEqual([
      ['2025-01-31', '400.00', '0.00', '400.00'],
      ['2025-02-28', '800.00', '0.00', '800.00'],
      ['2025-03-31', '1200.00', '0.00', '1200.00'],
      ['2025-04-30', '100.00', '1500.00', '1600.00'],
      ['2025-05-31', '500.00', '1500.00', '2000.00'],
      ['2025-06-30', '2400.00', '0.00', '2400.00'],
    ]);
  });

  it('the check recomputes everything from the postings and finds the invariant intact', async () => {
    const res = await coordinator.get(`/api/groups/${groupId}/check`);
    expect(res.body).toMatchObject({ ok: true, potCash: '2400.00', outstandingAdvances: '0.00', membersSavings: '2400.00', unallocated: '0.00', difference: '0.00', runningBalancesMatch: true, problems: [] });
  });
});
