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

export const ACCOUNT_RULE: ThrottleRule = { windowMinutes: 15, lockAfter: 5, lockMinutes: 15, slowAfter: 2 };
export const ADDRESS_RULE: ThrottleRule = { windowMinutes: 15, lockAfter: 30, lockMinutes: 15, slowAfter: 10 };

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

/** Waits, without holding any connection. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
