import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { SessionUser } from '../../lib/access.ts';

export interface LoadedSession {
  id: string;
  csrfToken: string;
  lastSeenAt: Date;
  user: SessionUser;
}

const ABSOLUTE_LIFETIME_HOURS = 7 * 24;

/** The database key of a cookie token: its SHA-256, so that a leaked sessions table opens no session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session; returns the token for the cookie and the CSRF token for the client. */
export async function createSession(
  knex: Knex,
  userId: string,
  opts: { idleHours: number; ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await knex('sessions').insert({
    id: sessionIdOf(token),
    user_id: userId,
    csrf_token: csrfToken,
    expires_at: knex.raw(`now() + make_interval(hours => ?)`, [opts.idleHours]),
    ip: opts.ip?.slice(0, 100) ?? null,
    user_agent: opts.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

type SessionRow = {
  id: string;
  csrf_token: string;
  last_seen_at: Date;
  user_id: string;
  organisation_id: string;
  role: SessionUser['role'];
  name: string;
  email: string | null;
  household_id: string | null;
  reference: string | null;
  household_name: string | null;
  preferred_language: SessionUser['preferredLanguage'];
};

/** Finds the live session of a cookie token with its active user, or null. */
export async function loadSession(knex: Knex, token: string): Promise<LoadedSession | null> {
  const row = (await knex('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .leftJoin('households as h', 'h.id', 'u.household_id')
    .where('s.id', sessionIdOf(token))
    .andWhere('s.expires_at', '>', knex.fn.now())
    .andWhere('s.created_at', '>', knex.raw(`now() - make_interval(hours => ?)`, [ABSOLUTE_LIFETIME_HOURS]))
    .andWhere('u.active', true)
    .first(
      's.id', 's.csrf_token', 's.last_seen_at', 'u.id as user_id', 'u.organisation_id', 'u.role', 'u.name', 'u.email',
      'u.household_id', 'h.reference', 'h.display_name as household_name', 'h.preferred_language',
    )) as SessionRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    lastSeenAt: row.last_seen_at,
    user: {
      id: row.user_id,
      organisationId: row.organisation_id,
      role: row.role,
      name: row.household_name ?? row.name,
      email: row.email,
      householdId: row.household_id,
      householdReference: row.reference,
      preferredLanguage: row.preferred_language,
    },
  };
}

/** Pushes the idle expiry forward (called at most once a minute per session). */
export async function touchSession(knex: Knex, id: string, idleHours: number): Promise<void> {
  await knex('sessions')
    .where({ id })
    .update({ last_seen_at: knex.fn.now(), expires_at: knex.raw(`now() + make_interval(hours => ?)`, [idleHours]) });
}

/** Ends one session. */
export async function deleteSession(knex: Knex, id: string): Promise<void> {
  await knex('sessions').where({ id }).delete();
}

/** Ends every session of a user (deactivation, password change, re-activation), except one to keep. */
export async function deleteUserSessions(knex: Knex, userId: string, keepId?: string): Promise<void> {
  const q = knex('sessions').where({ user_id: userId });
  if (keepId) q.andWhereNot({ id: keepId });
  await q.delete();
}

/** Removes expired sessions; cheap, run on login. */
export async function purgeExpiredSessions(knex: Knex): Promise<void> {
  await knex('sessions').where('expires_at', '<', knex.fn.now()).delete();
}
