/** Where the journey meets rental-deposit advances: their arrears on the board, their opening and release in the timeline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { makeActivatedHousehold, makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let coordinator: Client;
let late: { id: string; reference: string; password: string };
let lateDepositId: string;
let released: string;

const opening = (householdId: string, over: Record<string, unknown> = {}) => ({
  householdId,
  landlord: { name: 'M. Peeters' },
  address: 'Rue Haute 200, 1000 Bruxelles',
  monthlyRent: '700.00',
  amount: '1400.00',
  openedOn: '2025-01-06',
  plan: { instalment: '50.00' },
  firstDueOn: '2025-02-01',
  ...over,
});

beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'coordinator' });
  coordinator = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  expect((await moneyPost(coordinator, '/api/rental-deposit-fund/contributions', { amount: '10000.00', valueDate: '2024-01-02' })).status).toBe(201);

  // Late: paid February and March 2025, nothing since.
  late = await makeActivatedHousehold(t.db.knex, { displayName: 'Famille Loyer En Retard' });
  const lateOpening = await moneyPost(coordinator, '/api/rental-deposits', opening(late.id));
  expect(lateOpening.status, JSON.stringify(lateOpening.body)).toBe(201);
  lateDepositId = lateOpening.body.id;
  for (const on of ['2025-02-01', '2025-03-01']) {
    expect((await moneyPost(coordinator, `/api/rental-deposits/${lateDepositId}/repayments`, { amount: '50.00', valueDate: on })).status).toBe(201);
  }

  // Released: €1,000 in 10 months, 3 paid (€700 owed); the landlord keeps €200 → €800 released, €700 to the fund, €100 to the tenant.
  released = (await makeHousehold(t.db.knex, { displayName: 'Famille Bail Terminé' })).id;
  const res = await moneyPost(coordinator, '/api/rental-deposits', opening(released, { monthlyRent: '500.00', amount: '1000.00', openedOn: '2024-03-01', plan: { months: 10 }, firstDueOn: '2024-04-01' }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  for (const on of ['2024-04-01', '2024-05-01', '2024-06-01']) {
    expect((await moneyPost(coordinator, `/api/rental-deposits/${res.body.id}/repayments`, { amount: '100.00', valueDate: on })).status).toBe(201);
  }
  const release = await moneyPost(coordinator, `/api/rental-deposits/${res.body.id}/release`, { releasedOn: '2024-06-28', landlordKept: '200.00' });
  expect(release.body).toMatchObject({ toFund: '700.00', toTenant: '100.00', remainingOwed: '0.00' });
});
afterAll(() => t.close());

type Card = { id: string; warnings: string[]; rentalArrears: { instalments: number; amount: string; oldestDueOn: string } | null };
const cardOf = async (id: string, query = ''): Promise<Card | undefined> => {
  const board = (await coordinator.get(`/api/board${query}`)).body as { columns: Array<{ cards: Card[] }> };
  return board.columns.flatMap((c) => c.cards).find((c) => c.id === id);
};
type Item = { kind: string; on: string; milestone?: string; amount?: string; landlordKept?: string | null; toFund?: string | null; toTenant?: string | null; depositId?: string };
const rentalItems = (timeline: Item[]) => timeline.filter((i) => i.kind === 'rental_deposit').map((i) => [i.on, i.milestone, i.amount, i.landlordKept, i.toFund, i.toTenant]);

describe('the board', () => {
  it('warns about a household behind on its rental advance: instalments, amount and oldest due date, as the advance shows them', async () => {
    const deposit = (await coordinator.get(`/api/rental-deposits/${lateDepositId}`)).body;
    expect(deposit.arrears.instalments).toBeGreaterThan(2);
    expect(deposit.arrears.oldestDueOn).toBe('2025-04-01');
    const card = await cardOf(late.id);
    expect(card!.warnings).toContain('rental_arrears');
    expect(card!.rentalArrears).toEqual({ instalments: deposit.arrears.instalments, amount: deposit.arrears.amount, oldestDueOn: '2025-04-01' });
    expect(Number(deposit.arrears.amount)).toBe(50 * deposit.arrears.instalments);
    // The board's "with a warning" filter keeps it.
    expect(await cardOf(late.id, '?flag=warning')).toBeDefined();
  });

  it('does not warn about a household whose advance was settled at the release', async () => {
    const card = await cardOf(released);
    expect(card!.rentalArrears).toBeNull();
    expect(card!.warnings).not.toContain('rental_arrears');
  });
});

describe('the journey timeline', () => {
  it('shows the opening and the release with their amounts, in date order', async () => {
    const journey = (await coordinator.get(`/api/households/${released}/journey`)).body as { timeline: Item[] };
    expect(rentalItems(journey.timeline)).toEqual([
      ['2024-03-01', 'opened', '1000.00', null, null, null],
      ['2024-06-28', 'released', '800.00', '200.00', '700.00', '100.00'],
    ]);
    const dates = journey.timeline.map((i) => i.on);
    expect(dates).toEqual([...dates].sort());
  });

  it('shows an opening not yet released, and the household sees it on its own journey', async () => {
    const own = await login(t.app, { reference: late.reference, password: late.password });
    const journey = await own.get(`/api/households/${late.id}/journey`);
    expect(journey.status).toBe(200);
    expect(rentalItems(journey.body.timeline as Item[])).toEqual([['2025-01-06', 'opened', '1400.00', null, null, null]]);
  });

  it('leaves out an advance whose opening was reversed', async () => {
    const other = await moneyPost(coordinator, '/api/rental-deposits', opening(late.id, { openedOn: '2025-05-05', firstDueOn: '2025-06-01', amount: '600.00' }));
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const openingEntry = (other.body.entries as Array<{ id: string; kind: string }>).find((e) => e.kind === 'deposit_opening')!;
    expect((await moneyPost(coordinator, `/api/rental-deposit-fund/entries/${openingEntry.id}/reversal`, { reason: 'Bail non signé' })).status).toBe(201);
    const journey = (await coordinator.get(`/api/households/${late.id}/journey`)).body as { timeline: Item[] };
    expect(journey.timeline.filter((i) => i.kind === 'rental_deposit').map((i) => i.depositId)).toEqual([lateDepositId]);
    // Nor does a cancelled advance add arrears to the board.
    const card = await cardOf(late.id);
    const deposit = (await coordinator.get(`/api/rental-deposits/${lateDepositId}`)).body;
    expect(card!.rentalArrears!.instalments).toBe(deposit.arrears.instalments);
  });
});
