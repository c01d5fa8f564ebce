import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { runSeeds } from '../../backend/src/db/seed.ts';
import { addMonths, monthOf, monthsBetween, today } from '../../backend/src/lib/dates.ts';
import { DEMO_GROUPS } from '../../seeds/04_demo_savings.ts';

// The demo savings (seeds/04_demo_savings.ts), loaded with the other demo seeds as npm start does.
// What the charts and the household view of the demo rely on: two groups whose books balance, the
// three states of an advance, a dividend, a reversal, arrears, a refund, PEPS savings, closed months.

type Group = {
  id: string;
  name: string;
  exitPolicy: string;
  monthlyAmounts: Array<{ from: string; amount: string }>;
  members: Array<{ displayName: string; reference: string; householdId: string; leftOn: string | null; officerRole: string | null; groupSavings: string; outstandingAdvance: string; arrears: { months: number; amount: string } }>;
  pot: { cash: string; reserved: string; available: string; outstandingAdvances: string; membersSavings: string };
  advances: Array<{ householdId: string; amount: string; status: string; approvedOn: string; paidOn: string | null; outstanding: string | null }>;
  closings: Array<{ month: string }>;
  closedThrough: string | null;
};

let t: TestApp;
let coordinator: Client;
let lines: string[];
const groups = new Map<string, Group>();

beforeAll(async () => {
  t = await setupApp();
  lines = await runSeeds(t.db.knex, 'development');
  coordinator = await login(t.app, { email: 'coordination@demo.potcommun.be', password: 'Logement-solidaire-2026' });
  const list = await coordinator.get('/api/groups');
  for (const item of list.body.items as Array<{ id: string; name: string }>) {
    const res = await coordinator.get(`/api/groups/${item.id}`);
    expect(res.status).toBe(200);
    groups.set(item.name, res.body as Group);
  }
}, 300_000);
afterAll(() => t.close());

const member = (group: string, name: string) => {
  const m = groups.get(group)!.members.find((x) => x.displayName === name);
  if (!m) throw new Error(`${name} is not a member of ${group}`);
  return m;
};

describe('demo savings', () => {
  it('create the two GECS groups with their members, officers and monthly amounts', () => {
    expect(lines.some((l) => l.startsWith('Demo savings: '))).toBe(true);
    expect([...groups.keys()].sort()).toEqual(['GECS Anderlecht 2024', 'GECS Molenbeek 2023']);
    const molenbeek = groups.get('GECS Molenbeek 2023')!;
    expect(molenbeek.exitPolicy).toBe('refund_now');
    expect(molenbeek.monthlyAmounts).toEqual([
      { from: '2023-03-01', amount: '100.00' },
      { from: '2025-01-01', amount: '120.00' },
    ]);
    expect(molenbeek.members).toHaveLength(12);
    const anderlecht = groups.get('GECS Anderlecht 2024')!;
    expect(anderlecht.exitPolicy).toBe('refund_at_group_end');
    expect(anderlecht.members).toHaveLength(8);
    for (const g of groups.values()) {
      expect(g.members.map((m) => m.officerRole).filter(Boolean).sort(), g.name).toEqual(['president', 'secretary', 'treasurer']);
    }
  });

  it('keep books that the staff check finds in order', async () => {
    for (const g of groups.values()) {
      const res = await coordinator.get(`/api/groups/${g.id}/check`);
      expect(res.status).toBe(200);
      expect(res.body, g.name).toMatchObject({ ok: true, difference: '0.00', runningBalancesMatch: true, problems: [] });
    }
  });

  it('show an advance repaid at the deed, one outstanding and one approved that reserves cash', () => {
    const anderlecht = groups.get('GECS Anderlecht 2024')!;
    const mukendi = member('GECS Anderlecht 2024', 'Famille Mukendi');
    const kidane = member('GECS Anderlecht 2024', 'Famille Kidane');
    // Both Steyls compromis of 2025 (seeds/06_demo_acquisitions.ts): Mukendi's acompte, then what the pot still had for Kidane's; both repaid at the deed.
    expect(anderlecht.advances).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ householdId: mukendi.householdId, amount: '5000.00', status: 'paid', paidOn: '2025-07-21', outstanding: '0.00' }),
        expect.objectContaining({ householdId: kidane.householdId, amount: '1500.00', status: 'paid', paidOn: '2025-08-11', outstanding: '0.00' }),
      ]),
    );
    expect(anderlecht.advances).toHaveLength(2);

    const molenbeek = groups.get('GECS Molenbeek 2023')!;
    const ozturk = member('GECS Molenbeek 2023', 'Famille Öztürk');
    const aitLahcen = member('GECS Molenbeek 2023', 'Famille Aït Lahcen');
    expect(molenbeek.advances.find((a) => a.householdId === ozturk.householdId)).toMatchObject({ amount: '12000.00', status: 'paid', outstanding: '12000.00' });
    expect(molenbeek.advances.find((a) => a.householdId === aitLahcen.householdId)).toMatchObject({ amount: '9000.00', status: 'approved', paidOn: null });
    expect(ozturk.outstandingAdvance).toBe('12000.00');
    expect(molenbeek.pot).toMatchObject({ reserved: '9000.00', outstandingAdvances: '12000.00' });
    expect(Number(molenbeek.pot.available)).toBeGreaterThan(0);
  });

  it('have households in arrears, one of them more than three months behind', async () => {
    const molenbeek = groups.get('GECS Molenbeek 2023')!;
    const arrears = await coordinator.get(`/api/groups/${molenbeek.id}/arrears`);
    expect(arrears.status).toBe(200);
    expect(arrears.body.households).toBeGreaterThanOrEqual(2);
    expect(member('GECS Molenbeek 2023', 'Famille Camara').arrears.months).toBeGreaterThanOrEqual(3);
    expect(member('GECS Molenbeek 2023', 'Famille Demir').arrears.months).toBeGreaterThanOrEqual(1);
    expect(member('GECS Anderlecht 2024', 'Famille Berhane').arrears.months).toBeGreaterThanOrEqual(1);
    expect(member('GECS Molenbeek 2023', 'Famille Benali').arrears.months).toBe(0);
  });

  it('close every month of both groups up to the month before last', () => {
    const closedThrough = addMonths(monthOf(today()), -2);
    for (const spec of DEMO_GROUPS) {
      const g = groups.get(spec.name)!;
      expect(g.closedThrough, g.name).toBe(closedThrough);
      expect(g.closings.map((c) => c.month).sort(), g.name).toEqual(monthsBetween(spec.startsOn, closedThrough));
    }
  });

  it('record a Crédal dividend shared exactly, a reasoned reversal and a refund', async () => {
    const molenbeek = groups.get('GECS Molenbeek 2023')!;
    const entries = (await coordinator.get(`/api/groups/${molenbeek.id}/entries?from=2023-03-01&to=${today()}`)).body.items as Array<{
      kind: string;
      valueDate: string;
      reason: string | null;
      householdId: string | null;
      reverses: { number: number } | null;
      effects: Record<string, string>;
    }>;
    const dividend = entries.find((e) => e.kind === 'dividend')!;
    expect(dividend).toMatchObject({ valueDate: '2026-03-31', effects: { potCash: '187.43', groupSavings: '187.43' } });

    const reversal = entries.find((e) => e.kind === 'reversal')!;
    expect(reversal.reason).toMatch(/deux fois/);
    expect(reversal.householdId).toBe(member('GECS Molenbeek 2023', 'Famille Mahmoud').householdId);
    expect(reversal.effects.groupSavings).toBe('-120.00');

    const lukusa = member('GECS Molenbeek 2023', 'Famille Lukusa');
    expect(lukusa).toMatchObject({ leftOn: '2025-03-10', groupSavings: '0.00' });
    expect(entries.some((e) => e.kind === 'refund' && e.householdId === lukusa.householdId)).toBe(true);
    // Anderlecht refunds at the group's end: Peeters left, and keeps its savings in the pot until then.
    const peeters = member('GECS Anderlecht 2024', 'Famille Peeters');
    expect(peeters.leftOn).toBe('2025-06-20');
    expect(Number(peeters.groupSavings)).toBeGreaterThan(0);
  });

  it('let the demo households that log in see their savings', async () => {
    for (const [reference, expectGroup] of [['H-0001', true], ['H-0004', true], ['H-0005', true], ['H-0009', true], ['H-0011', true]] as const) {
      const household = await login(t.app, { reference, password: 'Maison-soleil-2026' });
      const res = await household.get(`/api/households/${household.user.householdId}/savings`);
      expect(res.status, reference).toBe(200);
      expect(Number(res.body.groupSavings) > 0, reference).toBe(expectGroup);
    }
    // Al-Hassan also saves on its own at Crédal (PEPS).
    const alHassan = await login(t.app, { reference: 'H-0001', password: 'Maison-soleil-2026' });
    const savings = (await alHassan.get(`/api/households/${alHassan.user.householdId}/savings`)).body;
    expect(Number(savings.individualSavings)).toBeGreaterThan(0);
  });

  it('create nothing when run a second time', async () => {
    const count = async () => Number(((await t.db.knex('journal_entries').count({ n: '*' }).first()) as { n: number | string }).n);
    const before = await count();
    const again = await runSeeds(t.db.knex, 'development');
    expect(again).toContain('Demo savings groups already present: skipped.');
    expect(await count()).toBe(before);
  });
});
