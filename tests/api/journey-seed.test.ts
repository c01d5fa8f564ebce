import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { seed as seedStaff } from '../../seeds/01_demo_staff.ts';
import { seed as seedHouseholds } from '../../seeds/02_demo_households.ts';
import { seed as seedJourneys } from '../../seeds/03_demo_journey.ts';

// The demo journeys (seeds/03_demo_journey.ts), loaded after the demo staff and households only.
let t: TestApp;
let referent: Client;
beforeAll(async () => {
  t = await setupApp();
  await seedStaff(t.db.knex);
  await seedHouseholds(t.db.knex);
  referent = await login(t.app, { email: 'referent1@demo.potcommun.be', password: 'Logement-solidaire-2026' });
}, 120_000);
afterAll(() => t.close());

const count = async (table: string) => Number(((await t.db.knex(table).count({ n: '*' }).first()) as { n: number | string }).n);

describe('demo journeys', () => {
  it('load the cohorts, sessions, moves and exits through the services', { timeout: 120_000 }, async () => {
    const lines = await seedJourneys(t.db.knex);
    expect(lines[0]).toMatch(/^Demo journeys: 3 cohorts/);
    const cohorts = (await referent.get('/api/cohorts')).body.items.map((c: { name: string; membersCount: number }) => [c.name, c.membersCount]);
    expect(cohorts).toEqual([
      ['Action 2025-2026', 10],
      ['Action 2024-2025', 8],
      ['Préparation 2024-2025', 13],
    ]);
    expect(await count('journey_exits')).toBe(4);
  });

  it('reproduce the 2025 information sessions of the annual report', async () => {
    const stats = (await referent.get('/api/sessions/stats?year=2025&kind=information')).body;
    expect(stats).toMatchObject({ planned: 11, held: 7, cancelled: 4 });
    const cancelled = (await referent.get('/api/sessions?from=2025-01-01&to=2025-12-31&kind=information&status=cancelled')).body.items;
    expect(cancelled.map((s: { startsAt: string }) => s.startsAt.slice(0, 7))).toEqual(['2025-06', '2025-07', '2025-11', '2025-12']);
    expect(cancelled.every((s: { cancelReason: string | null }) => (s.cancelReason ?? '').length > 0)).toBe(true);
    // Preparatory workshops were attended at about the rate the report gives.
    const workshops = (await referent.get('/api/sessions/stats?year=2025&kind=preparation_workshop')).body;
    expect(Number(workshops.participationRate)).toBeGreaterThan(0.8);
    expect(Number(workshops.participationRate)).toBeLessThan(0.95);
  });

  it('put households at every phase, some not started, some gone, with warnings and a next session', async () => {
    const board = (await referent.get('/api/board')).body;
    const sizes = Object.fromEntries(board.columns.map((c: { phase: string | null; cards: unknown[] }) => [String(c.phase), c.cards.length]));
    expect(sizes).toEqual({ null: 2, information: 7, preparation: 2, action: 12, owner: 5 });
    expect(board.exited).toBe(3);
    const cards = board.columns.flatMap((c: { cards: Array<{ warnings: string[]; nextSession: unknown }> }) => c.cards);
    expect(cards.some((c: { warnings: string[] }) => c.warnings.includes('no_contact'))).toBe(true);
    expect(cards.some((c: { nextSession: unknown }) => c.nextSession !== null)).toBe(true);
  });

  it('include a re-entry and automatic moves from information sessions', async () => {
    const haddad = (await t.db.knex('households').where({ display_name: 'Samir Haddad' }).first('id')) as { id: string };
    const journey = (await referent.get(`/api/households/${haddad.id}/journey`)).body;
    expect(journey.currentPhase).toBe('information');
    expect(journey.transitions.map((x: { on: string; reEntry: boolean; sessionId: string | null }) => [x.on, x.reEntry, x.sessionId !== null])).toEqual([
      ['2024-05-14', false, true],
      ['2026-02-10', true, false],
    ]);
    expect(journey.exits.map((x: { reason: string }) => x.reason)).toEqual(['other']);
  });

  it('write nothing when run a second time', async () => {
    const before = await count('journey_transitions');
    expect(await seedJourneys(t.db.knex)).toEqual(['Demo journeys already present: skipped.']);
    expect(await count('journey_transitions')).toBe(before);
  });
});
