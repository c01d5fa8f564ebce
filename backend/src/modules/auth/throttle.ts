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

/** The 429 answered while a key is locked, with the seconds left in Retry-After. */
function tooManyAttempts(seconds: number): AppError {
  return new AppError(429, 'too_many_attempts', 'Too many attempts', `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, {
    'Retry-After': String(seconds),
  });
}

/** One attempt counted under a key before it is checked: the count it made and the window it joined. */
export interface Claim {
  key: string;
  rule: ThrottleRule;
  /** The failures of the window with this attempt, as if it fails. */
  failures: number;
  /** The window's start, in microseconds since the epoch (exact, so that a refund finds its window). */
  windowStartedUs: string;
}

/** A rule's number, checked before it is written into SQL. */
function whole(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`throttle rule: not a positive whole number: ${n}`);
  return n;
}

/**
 * Counts one attempt under every key BEFORE the attempt is checked, and refuses it with 429 (nothing
 * counted) when any key is locked. Counting first is what bounds the checks: attempts sent at once
 * each take a place in the count, one at a time (the upsert locks the row), so at most lockAfter of
 * them per window are ever checked; the one that takes the last place locks the key. A success
 * gives its place back (refundAttempt, or clearFailures for the pair). One short transaction, keys
 * in a fixed order so that two attempts sharing keys never deadlock; no row stays locked while the
 * password is verified. A window starts again when it has passed or its lock has ended.
 */
export async function claimAttempt(knex: Knex, keys: Array<{ key: string; rule: ThrottleRule }>): Promise<Claim[]> {
  const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return knex.transaction(async (trx) => {
    const claims: Claim[] = [];
    for (const { key, rule } of ordered) {
      const lockAfter = whole(rule.lockAfter);
      const lock = `now() + make_interval(mins => ${whole(rule.lockMinutes)})`;
      const fresh = `(t.window_started_at < now() - make_interval(mins => ${whole(rule.windowMinutes)})
                      OR (t.locked_until IS NOT NULL AND t.locked_until <= now()))`;
      const failures = `CASE WHEN ${fresh} THEN 1 ELSE t.failures + 1 END`;
      const result = await trx.raw(
        `INSERT INTO login_throttles AS t (key, failures, window_started_at, locked_until)
         VALUES (?, 1, now(), CASE WHEN 1 >= ${lockAfter} THEN ${lock} END)
         ON CONFLICT (key) DO UPDATE SET
           failures = ${failures},
           window_started_at = CASE WHEN ${fresh} THEN now() ELSE t.window_started_at END,
           locked_until = CASE WHEN ${failures} >= ${lockAfter} THEN ${lock} END
         WHERE t.locked_until IS NULL OR t.locked_until <= now()
         RETURNING t.failures, (extract(epoch FROM t.window_started_at) * 1000000)::bigint::text AS window_us`,
        [key],
      );
      const row = (result.rows as Array<{ failures: number; window_us: string }>)[0];
      if (!row) {
        // Locked: the upsert left the row as it was (and locked it), so its lock is read as it is.
        const locked = await trx.raw(`SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds FROM login_throttles WHERE key = ?`, [key]);
        const seconds = Number((locked.rows as Array<{ seconds: number }>)[0]?.seconds ?? 1);
        throw tooManyAttempts(Math.max(1, seconds));
      }
      claims.push({ key, rule, failures: Number(row.failures), windowStartedUs: row.window_us });
    }
    return keys.map(({ key }) => claims.find((c) => c.key === key)!);
  });
}

/** How long a failed answer waits, in milliseconds: from slowAfter failures, 250 ms doubling, at most 2 s. */
export function slowDown(claims: Claim[]): number {
  return Math.max(0, ...claims.map(({ failures, rule }) => (failures < rule.slowAfter ? 0 : Math.min(2000, 250 * 2 ** (failures - rule.slowAfter)))));
}

/**
 * Gives back the place an attempt took (it succeeded, so it was no failure), in the window it was
 * counted in only; the lock it may have taken goes with it.
 */
export async function refundAttempt(knex: Knex, claim: Claim): Promise<void> {
  await knex.raw(
    `UPDATE login_throttles SET failures = failures - 1,
       locked_until = CASE WHEN failures - 1 < ${whole(claim.rule.lockAfter)} THEN NULL ELSE locked_until END
     WHERE key = ? AND failures > 0 AND (extract(epoch FROM window_started_at) * 1000000)::bigint = ?::bigint`,
    [claim.key, claim.windowStartedUs],
  );
}

/** Forgets the failures of a key (after a successful login, for its account-and-address pair). */
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
