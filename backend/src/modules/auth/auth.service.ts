import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError, errors } from '../../lib/errors.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { claimAttempt, clearFailures, loginKeys, pause, purgeStaleThrottles, refundAttempt, RULES, slowDown, throttleAddress } from './throttle.ts';
import { createSession, deleteUserSessions, purgeExpiredSessions } from './sessions.repository.ts';

const INVALID_CREDENTIALS = () =>
  new AppError(401, 'invalid_credentials', 'Login failed', 'The login or the password is wrong.');

interface Credentials {
  email?: string;
  reference?: string;
  password: string;
}

interface LoginContext {
  ip: string;
  userAgent?: string;
  idleHours: number;
}

/** Checks credentials with throttling per account and address, per account and per address; opens a session on success. */
export async function login(knex: Knex, creds: Credentials, ctx: LoginContext) {
  const identifier = (creds.email ?? creds.reference ?? '').trim().toLowerCase();
  const keys = loginKeys(`${creds.email !== undefined ? 'email' : 'reference'}:${identifier}`, ctx.ip);
  // Counted before the password is checked (see claimAttempt): attempts sent at once cannot all pass.
  const claims = await claimAttempt(knex, [
    { key: keys.accountFromAddress, rule: RULES.accountFromAddress },
    { key: keys.account, rule: RULES.account },
    { key: keys.address, rule: RULES.address },
  ]);

  const query = knex('users as u').where('u.active', true).first('u.id', 'u.password_hash');
  if (creds.email !== undefined) {
    query.whereRaw('lower(u.email) = ?', [identifier]).whereNot('u.role', 'household');
  } else {
    query.join('households as h', 'h.id', 'u.household_id').whereRaw('lower(h.reference) = ?', [identifier]);
  }
  const user = (await query) as { id: string; password_hash: string | null } | undefined;
  const ok = await verifyPassword(user?.password_hash, creds.password);
  if (!user || !ok) {
    await pause(slowDown(claims));
    throw INVALID_CREDENTIALS();
  }
  // Only this address's failures are forgiven: the account-wide count keeps running until its window
  // ends, so that guessing from many addresses is not reset by the owner logging in between. This
  // attempt itself, counted in advance, is given back to the account and the address.
  await clearFailures(knex, keys.accountFromAddress);
  await Promise.all(claims.slice(1).map((claim) => refundAttempt(knex, claim)));
  await purgeExpiredSessions(knex);
  await purgeStaleThrottles(knex);
  return createSession(knex, user.id, { idleHours: ctx.idleHours, ip: ctx.ip, userAgent: ctx.userAgent });
}

/** Normalises an activation code as typed by a person: case, spaces and dashes do not matter. */
export function normaliseActivationCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** The stored form of an activation code. */
export function activationCodeHash(code: string): string {
  return createHash('sha256').update(normaliseActivationCode(code)).digest('hex');
}

/**
 * A household sets its password with a one-time code. Creates the household's account on first use;
 * afterwards the same path resets a forgotten password. The code is consumed; other sessions end.
 */
export async function activate(knex: Knex, input: { code: string; password: string }, ctx: { ip: string }) {
  const addressKey = `activate-ip:${throttleAddress(ctx.ip)}`;
  const claims = await claimAttempt(knex, [{ key: addressKey, rule: RULES.activationFromAddress }]);
  const row = (await knex('activation_codes as a')
    .join('households as h', 'h.id', 'a.household_id')
    .where('a.code_hash', activationCodeHash(input.code))
    .andWhere('a.expires_at', '>', knex.fn.now())
    .first('h.id', 'h.reference', 'h.display_name', 'h.organisation_id', 'h.email')) as
    | { id: string; reference: string; display_name: string; organisation_id: string; email: string | null }
    | undefined;
  if (!row) {
    await pause(slowDown(claims));
    throw new AppError(400, 'invalid_activation_code', 'Invalid code', 'This activation code is wrong, expired or already used.');
  }
  // A right code is no failure: the place it took in the address's count is given back.
  await refundAttempt(knex, claims[0]!);
  const problem = passwordProblem(input.password, [row.reference, row.display_name, ...(row.email ? [row.email] : [])]);
  if (problem) throw errors.validation([{ path: 'password', message: problem }]);
  const passwordHash = await hashPassword(input.password);
  const actor: Actor = { userId: null, label: `household ${row.reference}` };
  await inTransaction(knex, actor, async (trx) => {
    const existing = (await trx('users').where({ household_id: row.id }).first('id')) as { id: string } | undefined;
    if (existing) {
      await trx('users').where({ id: existing.id }).update({ password_hash: passwordHash, password_changed_at: trx.fn.now(), active: true, updated_at: trx.fn.now() });
      await deleteUserSessions(trx, existing.id);
    } else {
      await trx('users').insert({
        organisation_id: row.organisation_id,
        role: 'household',
        name: row.display_name,
        household_id: row.id,
        password_hash: passwordHash,
        password_changed_at: trx.fn.now(),
      });
    }
    await trx('activation_codes').where({ household_id: row.id }).delete();
  });
  return { reference: row.reference };
}

/** A signed-in user changes its password; its other sessions end. */
export async function changePassword(
  knex: Knex,
  actor: Actor & { userId: string },
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  context: string[],
) {
  // A session is not proof of knowing the password (an unlocked phone, a stolen cookie): guessing the
  // current one here is throttled like a login.
  const throttleKey = `password:${actor.userId}`;
  const claims = await claimAttempt(knex, [{ key: throttleKey, rule: RULES.passwordChange }]);
  const user = (await knex('users').where({ id: actor.userId }).first('password_hash')) as { password_hash: string | null } | undefined;
  if (!(await verifyPassword(user?.password_hash, input.currentPassword))) {
    await pause(slowDown(claims));
    throw errors.validation([{ path: 'currentPassword', message: 'The current password is wrong' }]);
  }
  await clearFailures(knex, throttleKey);
  const problem = passwordProblem(input.newPassword, context);
  if (problem) throw errors.validation([{ path: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(knex, actor, async (trx) => {
    await trx('users').where({ id: actor.userId }).update({ password_hash: passwordHash, password_changed_at: trx.fn.now(), updated_at: trx.fn.now() });
    await deleteUserSessions(trx, actor.userId, sessionId);
  });
}
