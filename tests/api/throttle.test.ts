import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../backend/src/db/knex.ts';
import { AppError } from '../../backend/src/lib/errors.ts';
import { assertNotLocked, clearFailures, loginKeys, purgeStaleThrottles, recordFailure, throttleAddress } from '../../backend/src/modules/auth/throttle.ts';
import { createTestDatabase } from '../helpers/db.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const rule = { windowMinutes: 15, lockAfter: 4, lockMinutes: 15, slowAfter: 2 };

describe('login throttling', () => {
  it('slows failures from slowAfter on, doubling, and locks at lockAfter', async () => {
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await recordFailure(db.knex, 'ip:198.51.100.7', rule));
    expect(waits).toEqual([0, 250, 500, 1000]);
    const err = await assertNotLocked(db.knex, ['email:someone@example.org', 'ip:198.51.100.7']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(429);
    expect(Number((err as AppError).headers!['Retry-After'])).toBeGreaterThan(14 * 60);
    await expect(assertNotLocked(db.knex, ['ip:203.0.113.9'])).resolves.toBeUndefined();
  });

  it('caps the wait at two seconds', async () => {
    let wait = 0;
    for (let i = 0; i < 12; i++) wait = await recordFailure(db.knex, 'ip:198.51.100.8', { ...rule, lockAfter: 100 });
    expect(wait).toBe(2000);
  });

  it('starts counting again once the window has passed', async () => {
    for (let i = 0; i < 3; i++) await recordFailure(db.knex, 'ip:198.51.100.9', rule);
    await db.knex('login_throttles').where({ key: 'ip:198.51.100.9' }).update({ window_started_at: db.knex.raw(`now() - interval '16 minutes'`) });
    expect(await recordFailure(db.knex, 'ip:198.51.100.9', rule)).toBe(0);
    expect((await db.knex('login_throttles').where({ key: 'ip:198.51.100.9' }).first()).failures).toBe(1);
  });

  it('forgets an account after a success', async () => {
    await recordFailure(db.knex, 'email:a@example.org', rule);
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
