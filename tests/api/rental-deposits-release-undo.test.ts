/**
 * Undoing a release: one that cleared a debt is undone by reversing its entry; one that moved no money
 * (nothing was owed) has no entry, so the advance's record is reopened. Neither in a closed month.
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
  expect((await moneyPost(coordinator, '/api/rental-deposit-fund/contributions', { amount: '20000.00', valueDate: '2021-01-04' })).status).toBe(201);
});
afterAll(() => t.close());

async function openAndRepay(paid: '0' | 'all', openedOn = '2021-02-01'): Promise<string> {
  const household = await makeHousehold(t.db.knex);
  const res = await moneyPost(coordinator, '/api/rental-deposits', {
    householdId: household.id, landlord: { name: 'M. Dubois' }, address: 'Rue Neuve 1, 1000 Bruxelles',
    monthlyRent: '600.00', amount: '1200.00', openedOn, plan: { months: 2 }, firstDueOn: openedOn,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (paid === 'all') expect((await moneyPost(coordinator, `/api/rental-deposits/${res.body.id}/repayments`, { amount: '1200.00', valueDate: openedOn })).status).toBe(201);
  return res.body.id;
}

describe('undoing a release', () => {
  it('reopens a release that moved no money, and only a released advance', async () => {
    const id = await openAndRepay('all');
    const released = await moneyPost(coordinator, `/api/rental-deposits/${id}/release`, { releasedOn: '2021-06-30', landlordKept: '0.00' });
    expect(released.body).toMatchObject({ toFund: '0.00', toTenant: '1200.00', entryId: null, deposit: { status: 'closed', placed: false } });
    const undone = await coordinator.post(`/api/rental-deposits/${id}/release/undo`, {});
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body).toMatchObject({ status: 'open', placed: true, release: null, owed: '0.00' });
    expect((await coordinator.post(`/api/rental-deposits/${id}/release/undo`, {})).body.code).toBe('not_released');
    const audit = await t.db.knex('audit_log').where({ entity_type: 'rental_deposits', entity_id: id, action: 'update' }).orderBy('id', 'desc').first();
    expect(audit).toMatchObject({ before: { status: 'released', released_on: '2021-06-30' }, after: { status: 'open', released_on: null } });
    expect(audit.actor_label).toBeTruthy();
  });

  it('sends a release that cleared a debt to the reversal of its entry', async () => {
    const id = await openAndRepay('0');
    const released = await moneyPost(coordinator, `/api/rental-deposits/${id}/release`, { releasedOn: '2021-06-30', landlordKept: '0.00' });
    expect(released.body.toFund).toBe('1200.00');
    const undo = await coordinator.post(`/api/rental-deposits/${id}/release/undo`, {});
    expect(undo.status).toBe(409);
    expect(undo.body.code).toBe('reverse_release_entry');
    const reversal = await moneyPost(coordinator, `/api/rental-deposit-fund/entries/${released.body.entryId}/reversal`, { reason: 'Mauvaise date de libération' });
    expect(reversal.status, JSON.stringify(reversal.body)).toBe(201);
    expect((await coordinator.get(`/api/rental-deposits/${id}`)).body).toMatchObject({ status: 'open', owed: '1200.00', placed: true });
  });

  it('keeps a release in a closed month as it was closed', async () => {
    const withEntry = await openAndRepay('0', '2022-01-03');
    const withoutEntry = await openAndRepay('all', '2022-01-03');
    const a = await moneyPost(coordinator, `/api/rental-deposits/${withEntry}/release`, { releasedOn: '2022-02-15', landlordKept: '0.00' });
    await moneyPost(coordinator, `/api/rental-deposits/${withoutEntry}/release`, { releasedOn: '2022-02-15', landlordKept: '0.00' });
    expect((await coordinator.post('/api/rental-deposit-fund/closings', { month: '2022-02' })).status).toBe(201);
    const placedBefore = (await coordinator.get('/api/rental-deposit-fund?on=2022-02-28')).body.placed;
    const reversal = await moneyPost(coordinator, `/api/rental-deposit-fund/entries/${a.body.entryId}/reversal`, { reason: 'Trop tard' });
    expect(reversal.status).toBe(409);
    expect(reversal.body.code).toBe('release_in_closed_month');
    const undo = await coordinator.post(`/api/rental-deposits/${withoutEntry}/release/undo`, {});
    expect(undo.status).toBe(409);
    expect(undo.body.code).toBe('release_in_closed_month');
    expect((await coordinator.get('/api/rental-deposit-fund?on=2022-02-28')).body.placed).toBe(placedBefore);
  });

  it('refuses an opening dated before any rule on rental guarantees is known', async () => {
    const household = await makeHousehold(t.db.knex);
    const res = await moneyPost(coordinator, '/api/rental-deposits', {
      householdId: household.id, landlord: { name: 'X' }, address: 'Rue Y 1', monthlyRent: '600.00', amount: '1200.00', openedOn: '1990-05-02', plan: { months: 2 }, firstDueOn: '1990-06-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('openedOn');
  });
});
