import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { login, problem, setupApp, type TestApp } from '../helpers/app.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
/** A login attempt as seen from a client address (the app trusts one proxy's X-Forwarded-For). */
const loginFrom = (ip: string, body: object) => request(t.app).post('/api/auth/login').set('X-Forwarded-For', ip).send(body);
beforeAll(async () => {
  // One proxy trusted, as behind the production reverse proxy: X-Forwarded-For names the client's address.
  t = await setupApp({ trustProxy: 1 });
});
afterAll(() => t.close());

describe('POST /api/auth/login', () => {
  it('logs staff in by e-mail (any case) with an HttpOnly SameSite=Lax session cookie and a CSRF token', async () => {
    const staff = await makeStaff(t.db.knex, { role: 'referent', email: 'Lina.Referent@example.org' });
    const res = await request(t.app).post('/api/auth/login').send({ email: 'LINA.referent@example.org', password: STAFF_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: staff.id, role: 'referent', email: 'lina.referent@example.org', name: staff.name });
    expect(res.body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^pc_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect(res.body.user.passwordHash).toBeUndefined();
  });

  it('stores only a hash of the session token', async () => {
    const staff = await makeStaff(t.db.knex);
    const res = await request(t.app).post('/api/auth/login').send({ email: staff.email, password: STAFF_PASSWORD });
    const token = decodeURIComponent(String(res.headers['set-cookie']).split(';')[0]!.split('=')[1]!);
    const stored = await t.db.knex('sessions').where({ user_id: staff.id });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((s) => s.id)).not.toContain(token);
  });

  it('logs a household in by its reference, and /me returns the same body', async () => {
    const household = await makeActivatedHousehold(t.db.knex);
    const client = await login(t.app, { reference: household.reference.toLowerCase(), password: HOUSEHOLD_PASSWORD });
    expect(client.user).toMatchObject({ role: 'household', householdId: household.id, name: household.displayName });
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: client.user, csrfToken: client.csrfToken });
  });

  it('answers a wrong password, an unknown account and a household reference used as e-mail with the same 401', async () => {
    const staff = await makeStaff(t.db.knex);
    const household = await makeActivatedHousehold(t.db.knex);
    const answers = await Promise.all([
      request(t.app).post('/api/auth/login').send({ email: staff.email, password: 'wrong-password-123' }),
      request(t.app).post('/api/auth/login').send({ email: 'nobody@example.org', password: STAFF_PASSWORD }),
      request(t.app).post('/api/auth/login').send({ email: household.reference, password: HOUSEHOLD_PASSWORD }),
      request(t.app).post('/api/auth/login').send({ reference: 'H-9999', password: HOUSEHOLD_PASSWORD }),
    ]);
    const bodies = answers.map((r) => problem(r, 401, 'invalid_credentials'));
    expect(new Set(bodies.map((b) => b.detail)).size).toBe(1);
  });

  it('refuses a deactivated staff member', async () => {
    const staff = await makeStaff(t.db.knex);
    await t.db.knex.transaction(async (trx) => {
      await trx.raw(`SELECT set_config('pot.actor_label', 'test', true)`);
      await trx('users').where({ id: staff.id }).update({ active: false });
    });
    problem(await request(t.app).post('/api/auth/login').send({ email: staff.email, password: STAFF_PASSWORD }), 401, 'invalid_credentials');
  });

  it('lists every invalid field of a malformed login', async () => {
    const res = await request(t.app).post('/api/auth/login').send({ email: 'a@b.c', reference: 'H-1', password: 5, extra: true });
    const body = problem(res, 400, 'validation_failed');
    expect(body.errors!.map((e) => e.path).sort()).toEqual(['email', 'extra', 'password']);
  });

  it('slows and then refuses repeated failures for one account from one address with 429 and Retry-After, even with the right password', async () => {
    const staff = await makeStaff(t.db.knex);
    for (let i = 0; i < 5; i++) {
      problem(await loginFrom('198.51.100.10', { email: staff.email, password: `wrong-password-${i}` }), 401, 'invalid_credentials');
    }
    const locked = await loginFrom('198.51.100.10', { email: staff.email, password: STAFF_PASSWORD });
    problem(locked, 429, 'too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(600);
    const state = await t.db.knex('login_throttles').where({ key: `email:${staff.email}|ip:198.51.100.10` }).first();
    expect(state.failures).toBe(5);
    expect(new Date(state.locked_until).getTime()).toBeGreaterThan(Date.now());
  });

  it('locks only the address that failed: the owner still logs in from another address', async () => {
    const household = await makeActivatedHousehold(t.db.knex);
    for (let i = 0; i < 5; i++) {
      problem(await loginFrom('203.0.113.66', { reference: household.reference, password: `wrong-password-${i}` }), 401, 'invalid_credentials');
    }
    problem(await loginFrom('203.0.113.66', { reference: household.reference, password: HOUSEHOLD_PASSWORD }), 429, 'too_many_attempts');
    const owner = await loginFrom('192.0.2.20', { reference: household.reference, password: HOUSEHOLD_PASSWORD });
    expect(owner.status).toBe(200);
    expect(owner.body.user.householdId).toBe(household.id);
    // The owner's success does not unlock the address that was guessing.
    problem(await loginFrom('203.0.113.66', { reference: household.reference, password: HOUSEHOLD_PASSWORD }), 429, 'too_many_attempts');
  });

  it('counts an IPv6 client by its /64: changing address within it does not escape the lock', async () => {
    const staff = await makeStaff(t.db.knex);
    for (let i = 0; i < 5; i++) {
      problem(await loginFrom(`2001:db8:0:1::${i + 1}`, { email: staff.email, password: `wrong-password-${i}` }), 401, 'invalid_credentials');
    }
    problem(await loginFrom('2001:db8:0:1:ffff:ffff:ffff:ffff', { email: staff.email, password: STAFF_PASSWORD }), 429, 'too_many_attempts');
    expect((await loginFrom('2001:db8:0:2::1', { email: staff.email, password: STAFF_PASSWORD })).status).toBe(200);
  });

  it('locks an account for everyone, with Retry-After, after 50 failures spread over many addresses; other accounts stay open', async () => {
    const staff = await makeStaff(t.db.knex);
    const other = await makeStaff(t.db.knex);
    const addresses = Array.from({ length: 10 }, (_, i) => `198.51.100.${100 + i}`);
    // Each address stays under its own lock (5 failures, the fifth locks that pair): 10 × 5 = 50 in all.
    await Promise.all(
      addresses.map(async (ip) => {
        for (let i = 0; i < 5; i++) {
          problem(await loginFrom(ip, { email: staff.email, password: `wrong-password-${i}` }), 401, 'invalid_credentials');
        }
      }),
    );
    const locked = await loginFrom('192.0.2.77', { email: staff.email, password: STAFF_PASSWORD });
    problem(locked, 429, 'too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(59 * 60);
    expect((await loginFrom(addresses[0]!, { email: other.email, password: STAFF_PASSWORD })).status).toBe(200);
  }, 120_000);

  it('refuses login from another site (Origin header)', async () => {
    const staff = await makeStaff(t.db.knex);
    const res = await request(t.app).post('/api/auth/login').set('Origin', 'https://evil.example').send({ email: staff.email, password: STAFF_PASSWORD });
    problem(res, 403, 'origin_refused');
  });
});

describe('sessions', () => {
  it('answers /me without a session with 401', async () => {
    problem(await request(t.app).get('/api/auth/me'), 401, 'unauthenticated');
  });

  it('refuses a state-changing request without or with a wrong X-CSRF-Token with 403', async () => {
    const staff = await makeStaff(t.db.knex);
    const client = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
    problem(await client.agent.post('/api/households').send({ displayName: 'Famille Sans Jeton' }), 403, 'csrf_failed');
    problem(await client.agent.post('/api/households').set('X-CSRF-Token', 'x'.repeat(43)).send({ displayName: 'Famille Faux Jeton' }), 403, 'csrf_failed');
    expect(await t.db.knex('households').whereIn('display_name', ['Famille Sans Jeton', 'Famille Faux Jeton'])).toHaveLength(0);
  });

  it('ends the session at logout', async () => {
    const staff = await makeStaff(t.db.knex);
    const client = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
    problem(await client.agent.post('/api/auth/logout'), 403, 'csrf_failed');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    problem(await client.get('/api/auth/me'), 401, 'unauthenticated');
  });

  it('is shared through the database: a second app instance accepts the same cookie', async () => {
    const staff = await makeStaff(t.db.knex);
    const res = await request(t.app).post('/api/auth/login').send({ email: staff.email, password: STAFF_PASSWORD });
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const { createApp } = await import('../../backend/src/app.ts');
    const pino = (await import('pino')).default;
    const other = createApp({ knex: t.db.knex, engine: t.db.engine, config: t.config, logger: pino({ level: 'silent' }), version: 'test' });
    const me = await request(other).get('/api/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(staff.id);
  });

  it('marks the cookie Secure and __Host- prefixed when secure cookies are on', async () => {
    const secure = await setupApp({ secureCookies: true });
    try {
      const staff = await makeStaff(secure.db.knex);
      const res = await request(secure.app).post('/api/auth/login').send({ email: staff.email, password: STAFF_PASSWORD });
      expect(String(res.headers['set-cookie'])).toMatch(/^__Host-pc_session=.*Secure/);
      expect(res.headers['strict-transport-security']).toBeDefined();
    } finally {
      await secure.close();
    }
  });
});

describe('POST /api/auth/activate', () => {
  async function issue(householdId: string) {
    const staff = await makeStaff(t.db.knex);
    const client = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
    const res = await client.post(`/api/households/${householdId}/activation`);
    expect(res.status).toBe(201);
    return res.body as { code: string; expiresAt: string };
  }

  it('issues a 14-day code that lets the household choose its password once, then log in by reference', async () => {
    const household = await makeHousehold(t.db.knex);
    const { code, expiresAt } = await issue(household.id);
    expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}$/);
    const days = (new Date(expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    expect(await t.db.knex('activation_codes').where({ code_hash: code })).toHaveLength(0);

    const res = await request(t.app).post('/api/auth/activate').send({ code: code.toLowerCase().replace(/-/g, ' '), password: 'un-jardin-a-nous-77' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ reference: household.reference });
    const client = await login(t.app, { reference: household.reference, password: 'un-jardin-a-nous-77' });
    expect(client.user.householdId).toBe(household.id);
    problem(await request(t.app).post('/api/auth/activate').send({ code, password: 'un-autre-jardin-88' }), 400, 'invalid_activation_code');
  });

  it('replaces an earlier code when a new one is issued', async () => {
    const household = await makeHousehold(t.db.knex);
    const first = await issue(household.id);
    const second = await issue(household.id);
    problem(await request(t.app).post('/api/auth/activate').send({ code: first.code, password: 'un-jardin-a-nous-77' }), 400, 'invalid_activation_code');
    expect((await request(t.app).post('/api/auth/activate').send({ code: second.code, password: 'un-jardin-a-nous-77' })).status).toBe(200);
  });

  it('refuses an expired code', async () => {
    const household = await makeHousehold(t.db.knex);
    const { code } = await issue(household.id);
    await t.db.knex.transaction(async (trx) => {
      await trx.raw(`SELECT set_config('pot.actor_label', 'test', true)`);
      await trx('activation_codes').where({ household_id: household.id }).update({ expires_at: trx.raw(`now() - interval '1 minute'`) });
    });
    problem(await request(t.app).post('/api/auth/activate').send({ code, password: 'un-jardin-a-nous-77' }), 400, 'invalid_activation_code');
  });

  it('refuses a short, common or personal password and keeps the code usable', async () => {
    const household = await makeHousehold(t.db.knex, { displayName: 'Famille Benali' });
    const { code } = await issue(household.id);
    for (const password of ['court', 'motdepasse123', `benali-${household.reference}`]) {
      const body = problem(await request(t.app).post('/api/auth/activate').send({ code, password }), 400, 'validation_failed');
      expect(body.errors).toEqual([{ path: 'password', message: expect.any(String) }]);
    }
    expect((await request(t.app).post('/api/auth/activate').send({ code, password: 'un-jardin-a-nous-77' })).status).toBe(200);
  });

  it('refuses with 429 and Retry-After after 10 wrong codes from one address, even a right code; other addresses go on', async () => {
    const household = await makeHousehold(t.db.knex);
    const { code } = await issue(household.id);
    const activateFrom = (ip: string, body: object) => request(t.app).post('/api/auth/activate').set('X-Forwarded-For', ip).send(body);
    for (let i = 0; i < 10; i++) {
      problem(await activateFrom('198.51.100.200', { code: `WRNG-CODE-000${i}`, password: 'un-jardin-a-nous-77' }), 400, 'invalid_activation_code');
    }
    const locked = await activateFrom('198.51.100.200', { code, password: 'un-jardin-a-nous-77' });
    problem(locked, 429, 'too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(600);
    expect((await activateFrom('192.0.2.201', { code, password: 'un-jardin-a-nous-77' })).status).toBe(200);
  }, 60_000);

  it('resets a forgotten password with a new code and ends the old sessions', async () => {
    const household = await makeActivatedHousehold(t.db.knex);
    const before = await login(t.app, { reference: household.reference, password: HOUSEHOLD_PASSWORD });
    const { code } = await issue(household.id);
    expect((await request(t.app).post('/api/auth/activate').send({ code, password: 'nouvelle-cle-2027' })).status).toBe(200);
    problem(await before.get('/api/auth/me'), 401, 'unauthenticated');
    problem(await request(t.app).post('/api/auth/login').send({ reference: household.reference, password: HOUSEHOLD_PASSWORD }), 401, 'invalid_credentials');
    await login(t.app, { reference: household.reference, password: 'nouvelle-cle-2027' });
  });
});

describe('POST /api/auth/password', () => {
  it('refuses with 429 and Retry-After after 5 wrong current passwords, even the right one, and leaves login open', async () => {
    const staff = await makeStaff(t.db.knex);
    const client = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
    for (let i = 0; i < 5; i++) {
      const wrong = problem(await client.post('/api/auth/password', { currentPassword: `not-it-${i}-at-all`, newPassword: 'tout-neuf-2027-ok' }), 400, 'validation_failed');
      expect(wrong.errors![0]!.path).toBe('currentPassword');
    }
    const locked = await client.post('/api/auth/password', { currentPassword: STAFF_PASSWORD, newPassword: 'tout-neuf-2027-ok' });
    problem(locked, 429, 'too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(600);
    await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  }, 60_000);

  it('changes the password after checking the current one, and audits it without the hash', async () => {
    const staff = await makeStaff(t.db.knex);
    const client = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
    const wrong = problem(await client.post('/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'tout-neuf-2027-ok' }), 400, 'validation_failed');
    expect(wrong.errors![0]!.path).toBe('currentPassword');
    expect((await client.post('/api/auth/password', { currentPassword: STAFF_PASSWORD, newPassword: 'tout-neuf-2027-ok' })).status).toBe(204);
    await login(t.app, { email: staff.email, password: 'tout-neuf-2027-ok' });
    const audit = await t.db.knex('audit_log').where({ entity_type: 'users', entity_id: staff.id, action: 'update' });
    expect(audit.length).toBe(1);
    expect(JSON.stringify(audit)).not.toContain('argon2');
    expect(audit[0].actor_user_id).toBe(staff.id);
  });
});
