import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let coordinator: Client;
beforeAll(async () => {
  t = await setupApp();
  const c = await makeStaff(t.db.knex, { role: 'coordinator', name: 'Nathalie Coordination' });
  coordinator = await login(t.app, { email: c.email, password: STAFF_PASSWORD });
});
afterAll(() => t.close());

describe('POST /api/users', () => {
  it('creates a staff user who can then log in; the password is never returned', async () => {
    const res = await coordinator.post('/api/users', { email: 'Yasmina.Referente@Example.org', name: ' Yasmina El Idrissi ', role: 'referent', password: 'accueil-logement-42' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), name: 'Yasmina El Idrissi', email: 'yasmina.referente@example.org', role: 'referent', active: true, createdAt: expect.any(String) });
    const client = await login(t.app, { email: 'yasmina.referente@example.org', password: 'accueil-logement-42' });
    expect(client.user.role).toBe('referent');
    const audit = await t.db.knex('audit_log').where({ entity_type: 'users', entity_id: res.body.id, action: 'create' }).first();
    expect(audit.actor_user_id).toBe(coordinator.user.id);
    expect(JSON.stringify(audit.after)).not.toContain('argon2');
  });

  it('refuses a taken e-mail (any case) with 409, and bad fields with 400', async () => {
    const existing = await makeStaff(t.db.knex);
    problem(await coordinator.post('/api/users', { email: existing.email.toUpperCase(), name: 'Double', role: 'referent', password: 'accueil-logement-42' }), 409, 'email_taken');
    const body = problem(await coordinator.post('/api/users', { email: 'nope', name: '', role: 'household', password: 'short' }), 400, 'validation_failed');
    expect(body.errors!.map((e) => e.path).sort()).toEqual(['email', 'name', 'role']);
    const weak = problem(await coordinator.post('/api/users', { email: 'weak@example.org', name: 'Weak', role: 'referent', password: 'short' }), 400, 'validation_failed');
    expect(weak.errors).toEqual([{ path: 'password', message: expect.stringContaining('10') }]);
    expect(await t.db.knex('users').where({ email: 'weak@example.org' })).toHaveLength(0);
  });
});

describe('PATCH /api/users/:id', () => {
  it('deactivates a staff member, which ends their sessions and blocks login; reactivation restores login', async () => {
    const staff = await makeStaff(t.db.knex);
    const theirs = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
    const res = await coordinator.patch(`/api/users/${staff.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    problem(await theirs.get('/api/auth/me'), 401, 'unauthenticated');
    problem(await request(t.app).post('/api/auth/login').send({ email: staff.email, password: STAFF_PASSWORD }), 401, 'invalid_credentials');
    await coordinator.patch(`/api/users/${staff.id}`, { active: true });
    await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  });

  it('refuses to deactivate oneself or change one’s own role', async () => {
    problem(await coordinator.patch(`/api/users/${coordinator.user.id}`, { active: false }), 409, 'cannot_change_self');
    problem(await coordinator.patch(`/api/users/${coordinator.user.id}`, { role: 'referent' }), 409, 'cannot_change_self');
  });

  it('answers 404 for an unknown user', async () => {
    problem(await coordinator.patch('/api/users/00000000-0000-4000-8000-000000000000', { name: 'X' }), 404, 'not_found');
  });
});

describe('GET /api/users', () => {
  it('lists staff (never households) and filters by role', async () => {
    await makeStaff(t.db.knex, { role: 'referent' });
    const all = await coordinator.get('/api/users');
    expect(all.body.items.every((u: { role: string }) => u.role !== 'household')).toBe(true);
    const referents = await coordinator.get('/api/users?role=referent');
    expect(referents.body.items.length).toBeGreaterThan(0);
    expect(referents.body.items.every((u: { role: string }) => u.role === 'referent')).toBe(true);
  });
});
