import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { runSeeds } from '../../backend/src/db/seed.ts';
import { isValidCommunication } from '../../backend/src/lib/structured-communication.ts';

// The demo logins the README documents: a change here must change the README too.
const STAFF_EMAILS = ['coordination@demo.potcommun.be', 'referent1@demo.potcommun.be', 'referent2@demo.potcommun.be'];

const TABLES = ['users', 'households', 'household_members', 'payment_references', 'activation_codes', 'audit_log'] as const;

let t: TestApp;
beforeAll(async () => {
  t = await setupApp();
});
afterAll(() => t.close());

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = (await t.db.knex(table).count({ n: '*' }).first()) as { n: number | string };
    out[table] = Number(row.n);
  }
  return out;
}

type HouseholdDetail = {
  id: string;
  reference: string;
  structuredCommunication: string;
  displayName: string;
  members: Array<{ kind: 'adult' | 'child'; birthYear: number | null }>;
  dependents: number;
  monthlyIncome: string | null;
  preferredLanguage: string;
  referent: { id: string; name: string } | null;
  flags: { singleParent: boolean; pasSolo: boolean };
  notes?: string | null;
  account: { status: 'none' | 'code_issued' | 'active' };
};

describe('demo seeds', () => {
  let lines: string[] = [];
  let coordinator: Client;

  it('refuse to run in production and write nothing', async () => {
    const before = await counts();
    await expect(runSeeds(t.db.knex, 'production')).rejects.toThrow(/production/);
    expect(await counts()).toEqual(before);
    expect(before.users).toBe(0);
    expect(before.households).toBe(0);
  });

  it('create the demo staff and about thirty households through the services', { timeout: 120_000 }, async () => {
    lines = await runSeeds(t.db.knex, 'development');
    const staff = (await t.db.knex('users').whereNot('role', 'household').orderBy('email').select('email', 'role')) as Array<{ email: string; role: string }>;
    expect(staff).toEqual([
      { email: 'coordination@demo.potcommun.be', role: 'coordinator' },
      { email: 'referent1@demo.potcommun.be', role: 'referent' },
      { email: 'referent2@demo.potcommun.be', role: 'referent' },
    ]);
    const c = await counts();
    expect(c.households).toBeGreaterThanOrEqual(28);
    // Every household got its communication in the shared registry (as did each demo rental advance), and every change is audited.
    const households = (await t.db.knex('payment_references').where({ owner_kind: 'household' }).count({ n: '*' }).first()) as { n: number | string };
    expect(Number(households.n)).toBe(c.households);
    const audited = (await t.db.knex('audit_log').where({ entity_type: 'households', action: 'create', actor_label: 'system:seed' }).count({ n: '*' }).first()) as { n: number | string };
    expect(Number(audited.n)).toBe(c.households);
  });

  it('print the staff logins, and they work', async () => {
    const staffLines = lines.filter((l) => l.startsWith('Staff login'));
    expect(staffLines).toHaveLength(3);
    for (const email of STAFF_EMAILS) {
      const line = staffLines.find((l) => l.includes(` ${email} / `));
      expect(line, email).toBeDefined();
      const password = line!.split(' / ')[1]!;
      expect(password.length).toBeGreaterThanOrEqual(10);
      const client = await login(t.app, { email, password });
      expect(client.user.role).toBe(email.startsWith('coordination') ? 'coordinator' : 'referent');
      if (client.user.role === 'coordinator') coordinator = client;
    }
  });

  it('give every household a valid structured communication and believable data', async () => {
    const list = await coordinator.get('/api/households?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(28);
    const details: HouseholdDetail[] = [];
    for (const item of list.body.items as Array<{ id: string }>) {
      const res = await coordinator.get(`/api/households/${item.id}`);
      expect(res.status).toBe(200);
      details.push(res.body as HouseholdDetail);
    }
    expect(details).toHaveLength(list.body.total);

    const communications = new Set<string>();
    for (const h of details) {
      expect(h.structuredCommunication, h.reference).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
      expect(isValidCommunication(h.structuredCommunication), h.structuredCommunication).toBe(true);
      communications.add(h.structuredCommunication);
      expect(h.reference).toMatch(/^H-\d{4,}$/);
      expect(h.members.length, h.displayName).toBeGreaterThanOrEqual(1);
      expect(h.members.length, h.displayName).toBeLessThanOrEqual(7);
      expect(h.members.every((m) => typeof m.birthYear === 'number')).toBe(true);
      const children = h.members.filter((m) => m.kind === 'child').length;
      expect(h.dependents, h.displayName).toBeGreaterThanOrEqual(children);
      const income = Number(h.monthlyIncome);
      expect(h.monthlyIncome).toMatch(/^\d+\.\d{2}$/);
      expect(income).toBeGreaterThanOrEqual(1300);
      expect(income).toBeLessThanOrEqual(3200);
      expect(h.referent).not.toBeNull();
      if (h.flags.pasSolo) expect(h.flags.singleParent).toBe(true);
    }
    expect(communications.size).toBe(details.length);

    // A varied world: both referents, several languages, single parents, PAS-SOLO, accents and apostrophes.
    expect(new Set(details.map((h) => h.referent!.id)).size).toBe(2);
    expect(new Set(details.map((h) => h.preferredLanguage))).toEqual(new Set(['fr', 'nl', 'en']));
    expect(details.filter((h) => h.flags.singleParent).length).toBeGreaterThanOrEqual(3);
    expect(details.filter((h) => h.flags.pasSolo).length).toBeGreaterThanOrEqual(2);
    expect(details.some((h) => h.displayName.includes("'"))).toBe(true);
    expect(details.some((h) => /[À-ÿ]/.test(h.displayName))).toBe(true);
    expect(details.filter((h) => h.account.status === 'active').length).toBeGreaterThanOrEqual(4);
    expect(details.filter((h) => h.account.status === 'code_issued').length).toBeGreaterThanOrEqual(2);
  });

  it('print household logins that work, and a household sees only its own record', async () => {
    const householdLogins = lines
      .map((l) => /^Household login \(.+\): (H-\d{4,}) \/ (\S+)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ reference: m[1]!, password: m[2]! }));
    expect(householdLogins.length).toBeGreaterThanOrEqual(4);
    for (const creds of householdLogins) {
      const res = await request(t.app).post('/api/auth/login').send(creds);
      expect(res.status, creds.reference).toBe(200);
      expect(res.body.user.reference).toBe(creds.reference);
    }

    const household = await login(t.app, householdLogins[0]!);
    expect(household.user.role).toBe('household');
    const own = await household.get(`/api/households/${household.user.householdId}`);
    expect(own.status).toBe(200);
    expect(own.body.reference).toBe(householdLogins[0]!.reference);
    expect(own.body).not.toHaveProperty('notes');

    const other = (await t.db.knex('households').whereNot({ id: household.user.householdId }).orderBy('reference').first('id')) as { id: string };
    expect((await household.get(`/api/households/${other.id}`)).status).toBe(404);
  });

  it('print unused activation codes that a household can use', async () => {
    const codeLines = lines.map((l) => /^Household activation code \(.+\): (H-\d{4,}) → ([A-Z0-9-]+), valid until \d{4}-\d{2}-\d{2}$/.exec(l)).filter((m) => m !== null);
    expect(codeLines.length).toBeGreaterThanOrEqual(2);
    const [, reference, code] = codeLines[0]!;
    const password = 'Une-nouvelle-cle-2026';
    const res = await request(t.app).post('/api/auth/activate').send({ code, password });
    expect(res.status).toBe(200);
    expect(res.body.reference).toBe(reference);
    await login(t.app, { reference: reference!, password });
  });

  it('create nothing when run a second time', { timeout: 60_000 }, async () => {
    const before = await counts();
    const again = await runSeeds(t.db.knex, 'development');
    expect(await counts()).toEqual(before);
    expect(again.some((l) => /staff already present/i.test(l))).toBe(true);
    expect(again.some((l) => /households already present/i.test(l))).toBe(true);
    expect(again.some((l) => l.startsWith('Staff login') || l.startsWith('Household login'))).toBe(false);
  });
});
