/** Where the journey meets the savings ledger: arrears on the board, savings milestones in the timeline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { makeActivatedHousehold, makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let coordinator: Client;
let groupId: string;
let late: { id: string; reference: string; password: string };
let punctual: string;

beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'coordinator' });
  coordinator = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  groupId = (await coordinator.post('/api/groups', { name: 'GECS Parcours', cohort: '2025', startsOn: '2025-01-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' })).body.id;
  late = await makeActivatedHousehold(t.db.knex, { displayName: 'Famille En Retard' });
  punctual = (await makeHousehold(t.db.knex, { displayName: 'Famille À Jour' })).id;
  for (const id of [late.id, punctual]) {
    expect((await coordinator.post(`/api/groups/${groupId}/members`, { householdId: id, joinedOn: '2025-01-01' })).status).toBe(201);
    expect((await coordinator.post(`/api/households/${id}/transitions`, { phase: 'action', on: '2025-01-01' })).status).toBe(201);
  }
  // The punctual household pays every month up to last month; the late one only January.
  const months: string[] = [];
  for (let d = new Date(Date.UTC(2025, 0, 5)); d < new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)); d.setUTCMonth(d.getUTCMonth() + 1)) {
    months.push(d.toISOString().slice(0, 10));
  }
  for (const on of months) expect((await moneyPost(coordinator, `/api/households/${punctual}/deposits`, { target: 'group', amount: '100.00', valueDate: on })).status).toBe(201);
  expect((await moneyPost(coordinator, `/api/households/${late.id}/deposits`, { target: 'group', amount: '100.00', valueDate: '2025-01-05' })).status).toBe(201);
});
afterAll(() => t.close());

type Card = { id: string; warnings: string[]; arrears: { months: number; amount: string } | null };
const cardOf = async (id: string): Promise<Card> => {
  const board = (await coordinator.get('/api/board')).body as { columns: Array<{ cards: Card[] }> };
  return board.columns.flatMap((c) => c.cards).find((c) => c.id === id)!;
};

describe('the board', () => {
  it('warns about a household behind on its GECS savings, with the months and the amount', async () => {
    const savings = (await coordinator.get(`/api/households/${late.id}/savings`)).body;
    expect(savings.arrears.months).toBeGreaterThan(1);
    const card = await cardOf(late.id);
    expect(card.warnings).toContain('arrears');
    expect(card.arrears).toEqual({ months: savings.arrears.months, amount: savings.arrears.amount });
  });

  it('does not warn about a household that is up to date', async () => {
    const card = await cardOf(punctual);
    expect(card.arrears).toBeNull();
    expect(card.warnings).not.toContain('arrears');
  });
});

describe('the journey timeline', () => {
  it('shows joining the group, the advance at the compromis and its repayment at the deed', async () => {
    const advance = await moneyPost(coordinator, `/api/groups/${groupId}/advances`, { householdId: punctual, amount: '500.00', valueDate: '2025-06-10', status: 'paid' });
    expect(advance.status, JSON.stringify(advance.body)).toBe(201);
    expect((await moneyPost(coordinator, `/api/advances/${advance.body.id}/repayments`, { amount: '200.00', valueDate: '2025-08-01' })).status).toBe(201);
    expect((await moneyPost(coordinator, `/api/advances/${advance.body.id}/repayments`, { amount: '300.00', valueDate: '2025-10-20' })).status).toBe(201);
    const journey = (await coordinator.get(`/api/households/${punctual}/journey`)).body as { timeline: Array<{ kind: string; on: string; milestone?: string; amount?: string | null; groupName?: string }> };
    const savings = journey.timeline.filter((i) => i.kind === 'savings').map((i) => [i.on, i.milestone, i.amount]);
    expect(savings).toEqual([
      ['2025-01-01', 'joined_group', null],
      ['2025-06-10', 'advance_paid', '500.00'],
      ['2025-10-20', 'advance_repaid', '500.00'],
    ]);
    // In date order with the rest of the journey.
    const dates = journey.timeline.map((i) => i.on);
    expect(dates).toEqual([...dates].sort());
  });

  it('leaves out an advance whose payment was reversed', async () => {
    const advance = await moneyPost(coordinator, `/api/groups/${groupId}/advances`, { householdId: late.id, amount: '50.00', valueDate: '2025-02-01', status: 'paid' });
    expect(advance.status, JSON.stringify(advance.body)).toBe(201);
    expect((await moneyPost(coordinator, `/api/entries/${advance.body.entryId}/reversal`, { reason: 'Compromis annulé' })).status).toBe(201);
    const journey = (await coordinator.get(`/api/households/${late.id}/journey`)).body as { timeline: Array<{ kind: string; milestone?: string }> };
    expect(journey.timeline.filter((i) => i.kind === 'savings').map((i) => i.milestone)).toEqual(['joined_group']);
  });

  it('is shown to the household itself', async () => {
    const household = await login(t.app, { reference: late.reference, password: late.password });
    const journey = (await household.get(`/api/households/${late.id}/journey`)).body as { timeline: Array<{ kind: string; milestone?: string }> };
    expect(journey.timeline.some((i) => i.kind === 'savings' && i.milestone === 'joined_group')).toBe(true);
  });
});
