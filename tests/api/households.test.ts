import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';
import { isValidCommunication } from '../../backend/src/lib/structured-communication.ts';

let t: TestApp;
let referent: Client;
let referentId: string;
beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'referent', name: 'Sarah Janssens' });
  referentId = staff.id;
  referent = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
});
afterAll(() => t.close());

const validBody = () => ({
  displayName: '  Famille Al-Hassan  ',
  members: [
    { firstName: 'Rania', lastName: 'Al-Hassan', kind: 'adult', birthYear: 1986 },
    { firstName: 'Omar', lastName: 'Al-Hassan', kind: 'child', birthYear: 2015 },
  ],
  phone: '+32 470 12 34 56',
  email: 'Rania.AlHassan@example.org',
  preferredLanguage: 'nl',
  commune: 'Molenbeek-Saint-Jean',
  dependents: 1,
  monthlyIncome: '1850.5',
  referentId,
  flags: { singleParent: true, pasSolo: false },
  notes: 'Préfère les rendez-vous le matin.',
});

describe('POST /api/households', () => {
  it('creates a household with a reference, a valid unique structured communication and its members', async () => {
    const res = await referent.post('/api/households', validBody());
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/households/${res.body.id}`);
    expect(res.body).toMatchObject({
      reference: expect.stringMatching(/^H-\d{4,}$/),
      displayName: 'Famille Al-Hassan',
      phone: '+32 470 12 34 56',
      email: 'rania.alhassan@example.org',
      preferredLanguage: 'nl',
      commune: 'Molenbeek-Saint-Jean',
      dependents: 1,
      monthlyIncome: '1850.50',
      referentId,
      referent: { id: referentId, name: 'Sarah Janssens' },
      flags: { singleParent: true, pasSolo: false },
      notes: 'Préfère les rendez-vous le matin.',
      account: { status: 'none', codeExpiresAt: null },
    });
    expect(res.body.members).toEqual([
      { id: expect.any(String), firstName: 'Rania', lastName: 'Al-Hassan', kind: 'adult', birthYear: 1986 },
      { id: expect.any(String), firstName: 'Omar', lastName: 'Al-Hassan', kind: 'child', birthYear: 2015 },
    ]);
    expect(res.body.structuredCommunication).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    expect(isValidCommunication(res.body.structuredCommunication)).toBe(true);
    const stored = await t.db.knex('households').where({ id: res.body.id }).first();
    expect(stored.monthly_income).toBe('1850.50');
  });

  it('gives every household its own reference and communication', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, () => referent.post('/api/households', { displayName: 'Famille Parallèle' })));
    expect(made.every((r) => r.status === 201)).toBe(true);
    expect(new Set(made.map((r) => r.body.reference)).size).toBe(8);
    expect(new Set(made.map((r) => r.body.structuredCommunication)).size).toBe(8);
  });

  it('lists every invalid field and creates nothing', async () => {
    const before = await t.db.knex('households').count({ n: '*' }).first();
    const res = await referent.post('/api/households', {
      displayName: '   ',
      members: [{ firstName: '', lastName: 'X', kind: 'cousin', birthYear: 2999 }],
      phone: 'call me',
      email: 'not-an-email',
      preferredLanguage: 'de',
      dependents: -1,
      monthlyIncome: 1850,
      referentId: 'nope',
      flags: { singleParent: 'yes' },
      nationality: 'secret',
    });
    const body = problem(res, 400, 'validation_failed');
    expect(body.errors!.map((e) => e.path).sort()).toEqual(
      [
        'displayName', 'members.0.firstName', 'members.0.kind', 'members.0.birthYear', 'phone', 'email', 'preferredLanguage',
        'dependents', 'monthlyIncome', 'referentId', 'flags.singleParent', 'nationality',
      ].sort(),
    );
    expect(body.errors!.find((e) => e.path === 'monthlyIncome')!.message).toMatch(/decimal string/);
    const after = await t.db.knex('households').count({ n: '*' }).first();
    expect(after).toEqual(before);
  });

  it('refuses a negative income, more than two decimals, and a referent who is not active staff', async () => {
    const household = await makeActivatedHousehold(t.db.knex);
    const householdUser = await t.db.knex('users').where({ household_id: household.id }).first();
    for (const [patch, path] of [
      [{ monthlyIncome: '-1.00' }, 'monthlyIncome'],
      [{ monthlyIncome: '10.001' }, 'monthlyIncome'],
      [{ monthlyIncome: '1850,50' }, 'monthlyIncome'],
      [{ monthlyIncome: '' }, 'monthlyIncome'],
      [{ referentId: householdUser.id }, 'referentId'],
    ] as const) {
      const body = problem(await referent.post('/api/households', { displayName: 'Famille Refus', ...patch }), 400, 'validation_failed');
      expect(body.errors!.map((e) => e.path)).toEqual([path]);
    }
  });

  it('refuses a body that is not an object', async () => {
    const post = () => referent.agent.post('/api/households').set('X-CSRF-Token', referent.csrfToken).set('Content-Type', 'application/json');
    problem(await post().send('[1,2]'), 400, 'validation_failed');
    problem(await post().send('null'), 400, 'invalid_json');
    problem(await post().send('"x"'), 400, 'invalid_json');
    problem(await post().send(''), 400, 'validation_failed');
  });
});

describe('GET /api/households', () => {
  it('searches by name, reference and member name, filters by referent and flags, and paginates', async () => {
    const other = await makeStaff(t.db.knex, { role: 'referent' });
    const a = await makeHousehold(t.db.knex, { displayName: 'Famille Öztürk', referentId, flags: { pasSolo: true } });
    const b = await makeHousehold(t.db.knex, {
      displayName: 'Famille Kabeya',
      referentId: other.id,
      members: [{ firstName: 'Grâce', lastName: 'Mbuyi', kind: 'adult' }],
      flags: { singleParent: true },
    });
    const byName = await referent.get('/api/households?q=öztürk');
    expect(byName.body.items.map((h: { id: string }) => h.id)).toEqual([a.id]);
    expect(byName.body.items[0]).toMatchObject({
      reference: a.reference, displayName: 'Famille Öztürk', membersCount: 1, flags: { singleParent: false, pasSolo: true }, account: { status: 'none' },
    });
    expect(byName.body.items[0].notes).toBeUndefined();
    expect((await referent.get(`/api/households?q=${b.reference.toLowerCase()}`)).body.items.map((h: { id: string }) => h.id)).toEqual([b.id]);
    expect((await referent.get('/api/households?q=mbuyi')).body.items.map((h: { id: string }) => h.id)).toEqual([b.id]);
    expect((await referent.get('/api/households?q=100%25')).body.items).toEqual([]);
    const byReferent = await referent.get(`/api/households?referentId=${other.id}`);
    expect(byReferent.body.items.map((h: { id: string }) => h.id)).toEqual([b.id]);
    const pasSolo = await referent.get('/api/households?pasSolo=true');
    expect(pasSolo.body.items.map((h: { id: string }) => h.id)).toContain(a.id);
    expect(pasSolo.body.items.map((h: { id: string }) => h.id)).not.toContain(b.id);

    const all = await referent.get('/api/households?pageSize=100');
    const page2 = await referent.get('/api/households?page=2&pageSize=2');
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: all.body.total });
    expect(page2.body.items.map((h: { id: string }) => h.id)).toEqual(all.body.items.slice(2, 4).map((h: { id: string }) => h.id));
  });

  it('refuses bad query parameters with their names', async () => {
    const body = problem(await referent.get('/api/households?page=0&pageSize=1000&pasSolo=maybe&referentId=x&sort=name'), 400, 'validation_failed');
    expect(body.errors!.map((e) => e.path).sort()).toEqual(['query.page', 'query.pageSize', 'query.pasSolo', 'query.referentId', 'query.sort'].sort());
  });
});

describe('PATCH /api/households/:id', () => {
  it('updates fields and replaces members, and the history shows who changed what, before and after', async () => {
    const created = (await referent.post('/api/households', validBody())).body;
    const res = await referent.patch(`/api/households/${created.id}`, {
      displayName: 'Famille Al-Hassan Nour',
      monthlyIncome: '2100.00',
      members: [
        { firstName: 'Rania', lastName: 'Al-Hassan', kind: 'adult', birthYear: 1986 },
        { firstName: 'Omar', lastName: 'Al-Hassan', kind: 'child', birthYear: 2015 },
        { firstName: 'Lina', lastName: 'Al-Hassan', kind: 'child', birthYear: 2024 },
      ],
      phone: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'Famille Al-Hassan Nour', monthlyIncome: '2100.00', phone: null, email: 'rania.alhassan@example.org' });
    expect(res.body.members.map((m: { firstName: string }) => m.firstName)).toEqual(['Rania', 'Omar', 'Lina']);
    expect(res.body.members[0].id).toBe(created.members[0].id);

    const history = await referent.get(`/api/households/${created.id}/history`);
    expect(history.status).toBe(200);
    const update = history.body.items.find((i: { action: string; entityType: string }) => i.action === 'update' && i.entityType === 'households');
    expect(update.actor).toEqual({ id: referent.user.id, name: 'Sarah Janssens' });
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'displayName', before: 'Famille Al-Hassan', after: 'Famille Al-Hassan Nour' },
        { field: 'monthlyIncome', before: '1850.50', after: '2100.00' },
        { field: 'phone', before: '+32 470 12 34 56', after: null },
      ]),
    );
    type Item = { action: string; entityType: string; changes: Array<{ after: unknown }> };
    const memberAdded = history.body.items.find((i: Item) => i.action === 'create' && i.entityType === 'household_members' && i.changes.some((c: { after: unknown }) => c.after === 'Lina'));
    expect(memberAdded).toBeDefined();
    const creation = history.body.items.find((i: { action: string; entityType: string }) => i.action === 'create' && i.entityType === 'households');
    expect(creation.changes).toContainEqual({ field: 'structuredCommunication', before: null, after: created.structuredCommunication });
    // newest first
    const ids = history.body.items.map((i: { id: number }) => i.id);
    expect([...ids].sort((x: number, y: number) => y - x)).toEqual(ids);
  });

  it('removes members beyond a shorter list', async () => {
    const created = (await referent.post('/api/households', validBody())).body;
    const res = await referent.patch(`/api/households/${created.id}`, { members: [] });
    expect(res.body.members).toEqual([]);
    expect(await t.db.knex('household_members').where({ household_id: created.id })).toHaveLength(0);
  });

  it('answers 404 for an unknown household and 400 for a malformed id, and changes nothing', async () => {
    problem(await referent.patch('/api/households/00000000-0000-4000-8000-000000000000', { displayName: 'X' }), 404, 'not_found');
    const bad = problem(await referent.patch('/api/households/123', { displayName: 'X' }), 400, 'validation_failed');
    expect(bad.errors!.map((e) => e.path)).toEqual(['params.id']);
    const empty = problem(await referent.patch(`/api/households/${(await makeHousehold(t.db.knex)).id}`, {}), 400, 'validation_failed');
    expect(empty.errors).toHaveLength(1);
  });
});

describe('GET /api/households/:id', () => {
  it('shows the household its own record without staff notes', async () => {
    const household = await makeActivatedHousehold(t.db.knex, { notes: 'Note interne' });
    const own = await login(t.app, { reference: household.reference, password: HOUSEHOLD_PASSWORD });
    const res = await own.get(`/api/households/${household.id}`);
    expect(res.status).toBe(200);
    expect(res.body.reference).toBe(household.reference);
    expect(res.body.account.status).toBe('active');
    expect('notes' in res.body).toBe(false);
    const staffView = await referent.get(`/api/households/${household.id}`);
    expect(staffView.body.notes).toBe('Note interne');
  });
});

describe('activation letter', () => {
  it('prints the live code as a PDF letter, and refuses any other code', async () => {
    const household = await makeHousehold(t.db.knex, { preferredLanguage: 'en', displayName: "Famille N'Diaye" });
    const { code } = (await referent.post(`/api/households/${household.id}/activation`)).body;
    const res = await referent.post(`/api/households/${household.id}/activation/letter`, { code }).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`activation-${household.reference}.pdf`);
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', ['-', '-'], { input: res.body as Buffer }).toString();
    expect(text).toContain(code);
    expect(text).toContain(household.reference);
    expect(text).toContain("Famille N'Diaye");
    expect(text).toMatch(/Activate/i);
    problem(await referent.post(`/api/households/${household.id}/activation/letter`, { code: 'AAAA-BBBB-CCCC' }), 400, 'invalid_activation_code');
  });

  it('shows the issued code in the account state and the history, never the code itself', async () => {
    const household = await makeHousehold(t.db.knex);
    const { code } = (await referent.post(`/api/households/${household.id}/activation`)).body;
    const res = await referent.get(`/api/households/${household.id}`);
    expect(res.body.account.status).toBe('code_issued');
    const history = await referent.get(`/api/households/${household.id}/history`);
    expect(history.body.items.some((i: { entityType: string }) => i.entityType === 'activation_codes')).toBe(true);
    expect(JSON.stringify(history.body)).not.toContain(code);
    expect(JSON.stringify(await t.db.knex('audit_log').select('before', 'after'))).not.toMatch(/code_hash/);
  });
});

describe('audit trail', () => {
  it('refuses an audited change made without declaring who makes it', async () => {
    const household = await makeHousehold(t.db.knex);
    await expect(t.db.knex('households').where({ id: household.id }).update({ display_name: 'Changed Silently' })).rejects.toThrow(/without an actor/);
    expect((await t.db.knex('households').where({ id: household.id }).first()).display_name).toBe(household.displayName);
  });

  it('can never be updated or deleted', async () => {
    await makeHousehold(t.db.knex);
    await expect(t.db.knex('audit_log').update({ actor_label: 'someone else' })).rejects.toThrow(/never be updated or deleted/);
    await expect(t.db.knex('audit_log').delete()).rejects.toThrow(/never be updated or deleted/);
  });

  it('can never be truncated, not even with CASCADE', async () => {
    await makeHousehold(t.db.knex);
    const before = (await t.db.knex('audit_log').count({ n: '*' }).first())!.n;
    expect(Number(before)).toBeGreaterThan(0);
    // The app role may not truncate at all (embedded engine); the trigger refuses even the tables' owner.
    await expect(t.db.ownerKnex.raw('TRUNCATE audit_log')).rejects.toThrow(/never be updated or deleted/);
    await expect(t.db.ownerKnex.raw('TRUNCATE audit_log RESTART IDENTITY CASCADE')).rejects.toThrow(/never be updated or deleted/);
    expect((await t.db.knex('audit_log').count({ n: '*' }).first())!.n).toBe(before);
  });
});

it('answers anonymous household requests with 401', async () => {
  problem(await request(t.app).get('/api/households'), 401, 'unauthenticated');
});
