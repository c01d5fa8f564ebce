import type { Knex } from 'knex';
import { errors } from '../../lib/errors.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { deleteUserSessions } from '../auth/sessions.repository.ts';
import { findStaff, insertStaff, updateStaff, type StaffUser } from './users.repository.ts';

/** The organisation new records belong to while Pot commun serves a single organisation. */
export async function defaultOrganisationId(knex: Knex): Promise<string> {
  const row = (await knex('organisations').orderBy('created_at').first('id')) as { id: string } | undefined;
  if (!row) throw new Error('no organisation: run the migrations');
  return row.id;
}

/** Creates a staff member with a checked, hashed password. E-mails are unique, case-insensitively. */
export async function createStaffUser(
  knex: Knex,
  actor: Actor,
  input: { organisationId: string; email: string; name: string; role: StaffUser['role']; password: string },
): Promise<StaffUser> {
  const email = input.email.trim().toLowerCase();
  const problem = passwordProblem(input.password, [email, input.name]);
  if (problem) throw errors.validation([{ path: 'password', message: problem }]);
  const taken = await knex('users').whereRaw('lower(email) = ?', [email]).first('id');
  if (taken) throw errors.conflict('email_taken', 'A user with this e-mail already exists.');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(knex, actor, (trx) => insertStaff(trx, { ...input, email, passwordHash }));
}

/** Renames, changes the role of, deactivates or reactivates a staff member; deactivation ends its sessions. */
export async function updateStaffUser(
  knex: Knex,
  actor: Actor & { userId: string },
  organisationId: string,
  id: string,
  patch: { name?: string; role?: StaffUser['role']; active?: boolean },
): Promise<StaffUser> {
  const user = await findStaff(knex, organisationId, id);
  if (!user) throw errors.notFound('user');
  if (id === actor.userId && (patch.active === false || (patch.role && patch.role !== user.role))) {
    throw errors.conflict('cannot_change_self', 'You cannot deactivate yourself or change your own role.');
  }
  return inTransaction(knex, actor, async (trx) => {
    const updated = await updateStaff(trx, id, patch);
    if (patch.active === false) await deleteUserSessions(trx, id);
    return updated;
  });
}
