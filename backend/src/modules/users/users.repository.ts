import type { Knex } from 'knex';

/** A staff member as stored. */
export interface StaffUser {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  role: 'coordinator' | 'referent';
  active: boolean;
  createdAt: Date;
}

type Row = { id: string; organisation_id: string; email: string; name: string; role: StaffUser['role']; active: boolean; created_at: Date };

function toStaffUser(r: Row): StaffUser {
  return { id: r.id, organisationId: r.organisation_id, email: r.email, name: r.name, role: r.role, active: r.active, createdAt: r.created_at };
}

const COLUMNS = ['id', 'organisation_id', 'email', 'name', 'role', 'active', 'created_at'];

/** Staff of an organisation, by name. */
export async function listStaff(knex: Knex, organisationId: string, filter: { role?: StaffUser['role']; active?: boolean }): Promise<StaffUser[]> {
  const q = knex('users').where({ organisation_id: organisationId }).whereNot('role', 'household').orderBy([{ column: 'name' }, { column: 'id' }]);
  if (filter.role) q.andWhere('role', filter.role);
  if (filter.active !== undefined) q.andWhere('active', filter.active);
  return ((await q.select(COLUMNS)) as Row[]).map(toStaffUser);
}

/** One staff member of an organisation, or undefined. */
export async function findStaff(knex: Knex, organisationId: string, id: string): Promise<StaffUser | undefined> {
  const row = (await knex('users').where({ id, organisation_id: organisationId }).whereNot('role', 'household').first(COLUMNS)) as Row | undefined;
  return row && toStaffUser(row);
}

/** Inserts a staff member. */
export async function insertStaff(
  trx: Knex,
  u: { organisationId: string; email: string; name: string; role: StaffUser['role']; passwordHash: string },
): Promise<StaffUser> {
  const [row] = (await trx('users')
    .insert({ organisation_id: u.organisationId, email: u.email, name: u.name, role: u.role, password_hash: u.passwordHash, password_changed_at: trx.fn.now() })
    .returning(COLUMNS)) as Row[];
  return toStaffUser(row!);
}

/** Changes name, role or active flag of a staff member. */
export async function updateStaff(trx: Knex, id: string, patch: { name?: string; role?: StaffUser['role']; active?: boolean }): Promise<StaffUser> {
  const [row] = (await trx('users')
    .where({ id })
    .update({ ...patch, updated_at: trx.fn.now() })
    .returning(COLUMNS)) as Row[];
  return toStaffUser(row!);
}
