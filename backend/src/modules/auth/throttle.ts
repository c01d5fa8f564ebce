import type { Knex } from 'knex';
import { AppError } from '../../lib/errors.ts';

/** How failed attempts are slowed and then refused. Kept in the database: every API process shares it. */
export interface ThrottleRule {
  /** Failures counted within this many minutes. */
  windowMinutes: number;
  /** From this many failures in the window, attempts are refused for lockMinutes. */
  lockAfter: number;
  lockMinutes: number;
  /** From this many failures, each failed answer waits longer (250 ms doubling, at most 2 s). */
  slowAfter: number;
}

/**
 * The rules, one per kind of key (see docs/ARCHITECTURE.md, Accounts). A lock on one account from one
 * address refuses only that pair, so that nobody can lock a person out by typing wrong passwords for
 * their login: the owner still gets in from another address. Guessing spread over many addresses meets
 * the slower cap per account, which locks everyone: one address gives at most 5 failures per 15 minutes
 * (20 an hour), so reaching it takes several addresses at once.
 */
export const RULES = {
  /** One login (e-mail or household reference) from one address. */
  accountFromAddress: { windowMinutes: 15, lockAfter: 5, lockMinutes: 15, slowAfter: 2 },
  /** One login from every address together. */
  account: { windowMinutes: 60, lockAfter: 50, lockMinutes: 60, slowAfter: 10 },
  /** One address, whatever the logins (one password tried on many accounts). */
  address: { windowMinutes: 15, lockAfter: 30, lockMinutes: 15, slowAfter: 10 },
  /** Activation codes tried from one address; a code has about 59 bits, so no account-wide cap is needed. */
  activationFromAddress: { windowMinutes: 15, lockAfter: 10, lockMinutes: 15, slowAfter: 10 },
  /** Wrong current passwords given by one signed-in user (e.g. someone at an unlocked phone). */
  passwordChange: { windowMinutes: 15, lockAfter: 5, lockMinutes: 15, slowAfter: 2 },
} satisfies Record<string, ThrottleRule>;

/**
 * The address a throttle counts: an IPv4 address, or the /64 network of an IPv6 one, since a single
 * customer (a home line, a cheap server) gets a whole /64 and could otherwise change address at will.
 */
export function throttleAddress(ip: string): string {
  const address = ip.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':') || address.split('::').length > 2) return address;
  const [head = '', tail] = address.split('::', 2);
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The throttle keys of a login attempt: the account, the address and the pair of both. */
export function loginKeys(account: string, ip: string) {
  const address = throttleAddress(ip);
  return { accountFromAddress: `${account}|ip:${address}`, account, address: `ip:${address}` };
}

/** Refuses with 429 when any of the keys is locked. */
export async function assertNotLocked(knex: Knex, keys: string[]): Promise<void> {
  const row = (await knex('login_throttles')
    .whereIn('key', keys)
    .andWhere('locked_until', '>', knex.fn.now())
    .max({ until: 'locked_until' })
    .first()) as { until: Date | null } | undefined;
  if (row?.until) {
    const seconds = Math.max(1, Math.ceil((new Date(row.until).getTime() - Date.now()) / 1000));
    throw new AppError(429, 'too_many_attempts', 'Too many attempts', `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, {
      'Retry-After': String(seconds),
    });
  }
}

/** Counts one failure for a key; returns how long the answer should wait, in milliseconds. */
export async function recordFailure(knex: Knex, key: string, rule: ThrottleRule): Promise<number> {
  const expired = `login_throttles.window_started_at < now() - make_interval(mins => ${rule.windowMinutes})`;
  const result = await knex.raw(
    `INSERT INTO login_throttles AS login_throttles (key, failures, window_started_at) VALUES (?, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN ${expired} THEN 1 ELSE login_throttles.failures + 1 END,
       window_started_at = CASE WHEN ${expired} THEN now() ELSE login_throttles.window_started_at END,
       locked_until = CASE WHEN NOT (${expired}) AND login_throttles.failures + 1 >= ?
                           THEN now() + make_interval(mins => ?) ELSE login_throttles.locked_until END
     RETURNING failures`,
    [key, rule.lockAfter, rule.lockMinutes],
  );
  const failures = Number((result.rows as Array<{ failures: number }>)[0]?.failures ?? 1);
  if (failures < rule.slowAfter) return 0;
  return Math.min(2000, 250 * 2 ** (failures - rule.slowAfter));
}

/** Forgets the failures of a key (after a successful login). */
export async function clearFailures(knex: Knex, key: string): Promise<void> {
  await knex('login_throttles').where({ key }).delete();
}

/** Removes rows that no longer count: every window is at most an hour and their lock is over. */
export async function purgeStaleThrottles(knex: Knex): Promise<void> {
  await knex('login_throttles')
    .where('window_started_at', '<', knex.raw(`now() - interval '1 day'`))
    .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<', knex.fn.now()))
    .delete();
}

/** Waits, without holding any connection. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
