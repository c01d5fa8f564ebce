import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../backend/src/modules/auth/throttle.ts';
import { makeStaff, STAFF_PASSWORD } from '../factories/index.ts';
import { login, setupApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await setupApp();
});
afterAll(() => t.close());

describe('login throttling under concurrent attempts', () => {
  it('checks at most lockAfter wrong passwords for one account from one address, even when they arrive at once', async () => {
    // The lock is checked before the password and counted after it: wrong passwords sent together all
    // pass the check. ARCHITECTURE.md promises 5 per 15 minutes (20 an hour) from one address, which
    // keeps one address from reaching the account-wide lock that shuts the owner out everywhere.
    const staff = await makeStaff(t.db.knex);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => request(t.app).post('/api/auth/login').send({ email: staff.email, password: `wrong-password-${i}` })),
    );
    const checked = answers.filter((r) => r.status === 401).length;
    expect(answers.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(checked).toBeLessThanOrEqual(RULES.accountFromAddress.lockAfter);
  });

  it('checks at most lockAfter wrong current passwords sent at once to the password change', async () => {
    const staff = await makeStaff(t.db.knex);
    const client = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => client.post('/api/auth/password', { currentPassword: `not-it-${i}-at-all`, newPassword: 'tout-neuf-2027-ok' })),
    );
    expect(answers.every((r) => r.status === 400 || r.status === 429)).toBe(true);
    expect(answers.filter((r) => r.status === 400).length).toBeLessThanOrEqual(RULES.passwordChange.lockAfter);
  });

  it('gives a success back to the account and the address: it counts as no failure', async () => {
    const staff = await makeStaff(t.db.knex);
    const wrong = await request(t.app).post('/api/auth/login').send({ email: staff.email, password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect((await request(t.app).post('/api/auth/login').send({ email: staff.email, password: STAFF_PASSWORD })).status).toBe(200);
    const account = await t.db.knex('login_throttles').where({ key: `email:${staff.email}` }).first();
    expect(account.failures).toBe(1);
    expect(await t.db.knex('login_throttles').where('key', 'like', `email:${staff.email}|%`)).toHaveLength(0);
  });
});
