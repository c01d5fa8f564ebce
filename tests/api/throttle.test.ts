import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../backend/src/db/knex.ts';
import { AppError } from '../../backend/src/lib/errors.ts';
import { claimAttempt, clearFailures, loginKeys, purgeStaleThrottles, refundAttempt, slowDown, throttleAddress } from '../../backend/src/modules/auth/throttle.ts';
import { createTestDatabase } from '../helpers/db.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const rule = { windowMinutes: 15, lockAfter: 4, lockMinutes: 15, slowAfter: 2 };
const fail = async (key: string, r = rule) => slowDown(await claimAttempt(db.knex, [{ key, rule: r }]));
const refusal = (keys: string[]) => claimAttempt(db.knex, keys.map((key) => ({ key, rule }))).catch((e: unknown) => e);

describe('login throttling', () => {
  it('slows failures from slowAfter on, doubling, and locks at lockAfter', async () => {
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await fail('ip:198.51.100.7'));
    expect(waits).toEqual([0, 250, 500, 1000]);
    const err = await refusal(['email:someone@example.org', 'ip:198.51.100.7']);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(429);
    expect(Number((err as AppError).headers!['Retry-After'])).toBeGreaterThan(14 * 60);
    // A refused attempt counts under none of its keys.
    expect(await db.knex('login_throttles').where({ key: 'email:someone@example.org' })).toHaveLength(0);
    expect((await db.knex('login_throttles').where({ key: 'ip:198.51.100.7' }).first()).failures).toBe(4);
    await expect(claimAttempt(db.knex, [{ key: 'ip:203.0.113.9', rule }])).resolves.toHaveLength(1);
  });

  it('lets at most lockAfter attempts at once through for one key', async () => {
    const answers = await Promise.allSettled(Array.from({ length: 20 }, () => claimAttempt(db.knex, [{ key: 'ip:198.51.100.5', rule }])));
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(rule.lockAfter);
    expect(answers.every((a) => a.status === 'fulfilled' || (a.reason as AppError).status === 429)).toBe(true);
    expect((await db.knex('login_throttles').where({ key: 'ip:198.51.100.5' }).first()).failures).toBe(rule.lockAfter);
  });

  it('gives back the place of an attempt that succeeded, with the lock it took', async () => {
    for (let i = 0; i < 3; i++) await fail('ip:198.51.100.6');
    const [last] = await claimAttempt(db.knex, [{ key: 'ip:198.51.100.6', rule }]);
    expect(last!.failures).toBe(4);
    expect(await refusal(['ip:198.51.100.6'])).toBeInstanceOf(AppError);
    await refundAttempt(db.knex, last!);
    const state = await db.knex('login_throttles').where({ key: 'ip:198.51.100.6' }).first();
    expect(state.failures).toBe(3);
    expect(state.locked_until).toBeNull();
    expect(await fail('ip:198.51.100.6')).toBe(1000);
  });

  it('caps the wait at two seconds', async () => {
    let wait = 0;
    for (let i = 0; i < 12; i++) wait = await fail('ip:198.51.100.8', { ...rule, lockAfter: 100 });
    expect(wait).toBe(2000);
  });

  it('starts counting again once the window has passed, or once its lock has ended', async () => {
    for (let i = 0; i < 3; i++) await fail('ip:198.51.100.9');
    await db.knex('login_throttles').where({ key: 'ip:198.51.100.9' }).update({ window_started_at: db.knex.raw(`now() - interval '16 minutes'`) });
    expect(await fail('ip:198.51.100.9')).toBe(0);
    expect((await db.knex('login_throttles').where({ key: 'ip:198.51.100.9' }).first()).failures).toBe(1);
    for (let i = 0; i < 3; i++) await fail('ip:198.51.100.9');
    await db.knex('login_throttles').where({ key: 'ip:198.51.100.9' }).update({ locked_until: db.knex.raw(`now() - interval '1 second'`) });
    expect(await fail('ip:198.51.100.9')).toBe(0);
  });

  it('forgets an account after a success', async () => {
    await fail('email:a@example.org');
    await clearFailures(db.knex, 'email:a@example.org');
    expect(await db.knex('login_throttles').where({ key: 'email:a@example.org' })).toHaveLength(0);
  });

  it('purges rows whose window is long over and whose lock has ended, and keeps every other', async () => {
    await db.knex('login_throttles').insert([
      { key: 'purge:old', failures: 3, window_started_at: db.knex.raw(`now() - interval '2 days'`) },
      { key: 'purge:old-lock-over', failures: 5, window_started_at: db.knex.raw(`now() - interval '2 days'`), locked_until: db.knex.raw(`now() - interval '1 day'`) },
      { key: 'purge:old-still-locked', failures: 5, window_started_at: db.knex.raw(`now() - interval '2 days'`), locked_until: db.knex.raw(`now() + interval '1 hour'`) },
      { key: 'purge:recent', failures: 1, window_started_at: db.knex.raw(`now() - interval '1 hour'`) },
    ]);
    await purgeStaleThrottles(db.knex);
    const left = (await db.knex('login_throttles').where('key', 'like', 'purge:%').orderBy('key')).map((r: { key: string }) => r.key);
    expect(left).toEqual(['purge:old-still-locked', 'purge:recent']);
  });


  it('counts an IPv6 client by its /64 network and an IPv4 one by its address', () => {
    expect(throttleAddress('203.0.113.5')).toBe('203.0.113.5');
    expect(throttleAddress('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(throttleAddress('2001:db8:0:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(throttleAddress('2001:0DB8:0000:0001::1')).toBe('2001:db8:0:1::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress('2001:db8:0:2::1')).not.toBe(throttleAddress('2001:db8:0:1::1'));
    // Not an address (a misconfigured proxy header): counted as written rather than refused.
    expect(throttleAddress('unknown')).toBe('unknown');
    expect(throttleAddress('1::2::3')).toBe('1::2::3');
    expect(loginKeys('email:a@example.org', '2001:db8:0:1::7')).toEqual({
      accountFromAddress: 'email:a@example.org|ip:2001:db8:0:1::/64',
      account: 'email:a@example.org',
      address: 'ip:2001:db8:0:1::/64',
    });
  });
});
