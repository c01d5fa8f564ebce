/**
 * The three GECS reads that join GECS tables with the ledger stay one statement each (docs/ARCHITECTURE.md,
 * "The savings ledger"; docs/benchmarks.md): a group deposit finds its group, the last closing and both
 * accounts in one query; the groups list reads every pot's cash in one; the journey timeline reads the
 * savings milestones in one. Counted from the statements the app's knex sends during each request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let coordinator: Client;
let groupId: string;
let householdId: string;

beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'coordinator' });
  coordinator = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  groupId = (await coordinator.post('/api/groups', { name: 'GECS Allers-retours', cohort: '2025', startsOn: '2025-01-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' })).body.id;
  householdId = (await makeHousehold(t.db.knex, { displayName: 'Famille Aller' })).id;
  expect((await coordinator.post(`/api/groups/${groupId}/members`, { householdId, joinedOn: '2025-01-01' })).status).toBe(201);
  // The first deposit creates the accounts; the ones counted below find them.
  expect((await moneyPost(coordinator, `/api/households/${householdId}/deposits`, { target: 'group', amount: '100.00', valueDate: '2025-01-05' })).status).toBe(201);
  const advance = await moneyPost(coordinator, `/api/groups/${groupId}/advances`, { householdId, amount: '50.00', valueDate: '2025-02-10', status: 'paid' });
  expect(advance.status).toBe(201);
});
afterAll(() => t.close());

/** The statements sent while `fn` runs that name one of the tables. */
async function statementsNaming(tables: string[], fn: () => PromiseLike<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (q: { sql: string }) => {
    if (tables.some((table) => q.sql.includes(table))) seen.push(q.sql);
  };
  t.db.knex.on('query', listener);
  try {
    await fn();
  } finally {
    t.db.knex.off('query', listener);
  }
  return seen;
}

describe('reads joining GECS and the ledger', () => {
  it('a group deposit finds its group, last closing and both accounts in one statement', async () => {
    const seen = await statementsNaming(['ledger_accounts', 'month_closings'], async () => {
      expect((await moneyPost(coordinator, `/api/households/${householdId}/deposits`, { target: 'group', amount: '100.00', valueDate: '2025-02-05' })).status).toBe(201);
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/FOR UPDATE/);
  });

  it('the groups list reads every pot\'s cash in one statement', async () => {
    let body: { items: Array<{ id: string; potCash: string }> } = { items: [] };
    const seen = await statementsNaming(['ledger_accounts', 'account_daily_balances'], async () => {
      body = (await coordinator.get('/api/groups')).body;
    });
    expect(seen).toHaveLength(1);
    expect(body.items.find((g) => g.id === groupId)!.potCash).toBe('150.00');
  });

  it('the journey timeline reads the savings milestones in one statement', async () => {
    let timeline: Array<{ kind: string; milestone?: string }> = [];
    const seen = await statementsNaming(['journal_entries', 'ledger_postings'], async () => {
      timeline = (await coordinator.get(`/api/households/${householdId}/journey`)).body.timeline;
    });
    expect(seen).toHaveLength(1);
    expect(timeline.filter((i) => i.kind === 'savings').map((i) => i.milestone)).toEqual(['joined_group', 'advance_paid']);
  });
});
