/**
 * The worked example of the domain (docs/domain.md §Rental-deposit advance), figure by figure: rent
 * €800 → a guarantee of €1,600 repaid at €50 a month; after 20 paid months the tenant owes €600. The
 * release splits what the landlord lets go of: the debt to the fund first, the rest to the tenant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let coordinator: Client;

beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'coordinator' });
  coordinator = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  const contribution = await moneyPost(coordinator, '/api/rental-deposit-fund/contributions', { amount: '10000.00', valueDate: '2022-12-01', note: 'Capital de départ' });
  expect(contribution.status, JSON.stringify(contribution.body)).toBe(201);
});
afterAll(() => t.close());

/** Opens the €1,600 advance of the example in January 2023 for a new household. */
async function openExample(): Promise<{ id: string; householdId: string; body: Record<string, unknown> }> {
  const household = await makeHousehold(t.db.knex, { displayName: 'Famille Exemple' });
  const res = await moneyPost(coordinator, '/api/rental-deposits', {
    householdId: household.id,
    landlord: { name: 'M. Janssens', phone: '+32 2 555 01 02' },
    address: 'Rue de la Senne 12, 1000 Bruxelles',
    monthlyRent: '800.00',
    amount: '1600.00',
    openedOn: '2023-01-02',
    bank: 'Belfius',
    blockedAccountReference: 'GL-2023-0042',
    plan: { instalment: '50.00' },
    firstDueOn: '2023-02-01',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id, householdId: household.id, body: res.body };
}

async function payMonths(id: string, n: number) {
  for (let i = 0; i < n; i++) {
    const month = new Date(Date.UTC(2023, 1 + i, 1)).toISOString().slice(0, 10);
    const res = await moneyPost(coordinator, `/api/rental-deposits/${id}/repayments`, { amount: '50.00', valueDate: month, bankReference: `REF-${id.slice(0, 8)}-${i}` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}

describe('the worked example, figure by figure', () => {
  it('opens €1,600 with 32 instalments of €50, its own structured communication, and takes it from the fund', async () => {
    const { body } = await openExample();
    expect(body).toMatchObject({ amount: '1600.00', monthlyRent: '800.00', status: 'open', placed: true, owed: '1600.00', paid: '0.00' });
    const schedule = body.schedule as Array<{ number: number; dueOn: string; amount: string }>;
    expect(schedule).toHaveLength(32);
    expect(schedule[0]).toMatchObject({ number: 1, dueOn: '2023-02-01', amount: '50.00' });
    expect(schedule[31]).toMatchObject({ number: 32, dueOn: '2025-09-01', amount: '50.00' });
    expect(body.structuredCommunication).toMatch(/^\d{12}$/);
  });

  it("leaves the household's savings figures alone: the advance's receivable is not savings", async () => {
    const { householdId } = await openExample();
    const savings = await coordinator.get(`/api/households/${householdId}/savings`);
    expect(savings.status, JSON.stringify(savings.body)).toBe(200);
    expect(savings.body).toMatchObject({ groupSavings: '0.00', individualSavings: '0.00', outstandingAdvance: '0.00' });
    const entries = await coordinator.get(`/api/households/${householdId}/entries`);
    expect(entries.status).toBe(200);
    expect(entries.body.items ?? entries.body).toHaveLength(0);
  });

  it('after 20 paid months the tenant owes €600, and nothing kept → €600 to the fund, €1,000 to the tenant, €0 owed', async () => {
    const { id } = await openExample();
    await payMonths(id, 20);
    const before = await coordinator.get(`/api/rental-deposits/${id}?on=2024-09-30`);
    expect((await coordinator.get(`/api/rental-deposits/${id}?on=2024-10-15`)).body.arrears).toMatchObject({ instalments: 1, amount: '50.00', oldestDueOn: '2024-10-01', oldestAgeDays: 14 });
    expect(before.body).toMatchObject({ paid: '1000.00', owed: '600.00', arrears: { instalments: 0, amount: '0.00' } });
    const preview = await coordinator.get(`/api/rental-deposits/${id}/release-preview?releasedOn=2024-10-15&landlordKept=0.00`);
    expect(preview.body).toEqual({ released: '1600.00', toFund: '600.00', toTenant: '1000.00', remainingOwed: '0.00' });
    const res = await moneyPost(coordinator, `/api/rental-deposits/${id}/release`, { releasedOn: '2024-10-15', landlordKept: '0.00' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ toFund: '600.00', toTenant: '1000.00', remainingOwed: '0.00' });
    expect(res.body.deposit).toMatchObject({ status: 'closed', owed: '0.00', placed: false, releasedToFund: '600.00', release: { released: '1600.00', toFund: '600.00', toTenant: '1000.00' } });
  });

  it('the landlord keeps €400 → €1,200 released → €600 to the fund, €600 to the tenant', async () => {
    const { id } = await openExample();
    await payMonths(id, 20);
    const res = await moneyPost(coordinator, `/api/rental-deposits/${id}/release`, { releasedOn: '2024-10-15', landlordKept: '400.00' });
    expect(res.body).toMatchObject({ toFund: '600.00', toTenant: '600.00', remainingOwed: '0.00' });
  });

  it('the landlord keeps €1,200 → €400 released → €400 to the fund, €0 to the tenant, €200 still owed, then written off', async () => {
    const { id } = await openExample();
    await payMonths(id, 20);
    const res = await moneyPost(coordinator, `/api/rental-deposits/${id}/release`, { releasedOn: '2024-10-15', landlordKept: '1200.00' });
    expect(res.body).toMatchObject({ toFund: '400.00', toTenant: '0.00', remainingOwed: '200.00' });
    expect(res.body.deposit).toMatchObject({ status: 'released', owed: '200.00' });
    const off = await moneyPost(coordinator, `/api/rental-deposits/${id}/write-off`, { amount: '200.00', reason: 'Locataire parti sans adresse', valueDate: '2024-11-01' });
    expect(off.status, JSON.stringify(off.body)).toBe(201);
    expect(off.body).toMatchObject({ status: 'closed', owed: '0.00', writtenOff: '200.00' });
    const check = await coordinator.get('/api/rental-deposit-fund/check');
    expect(check.body).toMatchObject({ ok: true, invariantHolds: true, runningBalancesMatch: true });
  });

  it('refuses more than owed, more than two months of rent, and more than the fund holds', async () => {
    const { id, householdId } = await openExample();
    const tooMuch = await moneyPost(coordinator, `/api/rental-deposits/${id}/repayments`, { amount: '1600.01', valueDate: '2023-03-01' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('more_than_owed');
    const base = { householdId, landlord: { name: 'X' }, address: 'Rue Y 1', monthlyRent: '800.00', openedOn: '2023-01-02', plan: { months: 10 }, firstDueOn: '2023-02-01' };
    const overLegal = await moneyPost(coordinator, '/api/rental-deposits', { ...base, amount: '1600.01' });
    expect(overLegal.status).toBe(400);
    expect(overLegal.body.errors[0].path).toBe('amount');
    const fund = await coordinator.get('/api/rental-deposit-fund?on=2023-01-02');
    const overFund = await moneyPost(coordinator, '/api/rental-deposits', { ...base, monthlyRent: '100000.00', amount: fund.body.available.replace(/\d+\./, (m: string) => `${Number(m.slice(0, -1)) + 1}.`) });
    expect(overFund.status, JSON.stringify(overFund.body)).toBe(409);
    expect(overFund.body.code).toBe('insufficient_fund');
  });
});
