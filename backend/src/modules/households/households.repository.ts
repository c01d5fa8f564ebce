import type { Knex } from 'knex';
import type { Language } from '../../lib/locale.ts';
import type { ListHouseholdsQuery } from './households.schemas.ts';

/** A member of a household. */
export interface Member {
  id: string;
  firstName: string;
  lastName: string;
  kind: 'adult' | 'child';
  birthYear: number | null;
}

/** Whether a household can log in: no account, a code issued and waiting, or an active account. */
export interface AccountState {
  status: 'none' | 'code_issued' | 'active';
  codeExpiresAt: Date | null;
}

/** A household as stored, with its members, referent and account state. */
export interface Household {
  id: string;
  organisationId: string;
  reference: string;
  structuredCommunication: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  preferredLanguage: Language;
  commune: string | null;
  dependents: number;
  /** Euros, decimal string from NUMERIC(14,2). */
  monthlyIncome: string | null;
  referent: { id: string; name: string } | null;
  singleParent: boolean;
  pasSolo: boolean;
  notes: string | null;
  members: Member[];
  account: AccountState;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns a household row is written with. */
export interface HouseholdRowValues {
  display_name?: string;
  phone?: string | null;
  email?: string | null;
  preferred_language?: Language;
  commune?: string | null;
  dependents?: number;
  monthly_income?: string | null;
  referent_id?: string | null;
  single_parent?: boolean;
  pas_solo?: boolean;
  notes?: string | null;
}

type HouseholdRow = {
  id: string; organisation_id: string; reference: string; structured_communication: string; display_name: string;
  phone: string | null; email: string | null; preferred_language: Language; commune: string | null; dependents: number;
  monthly_income: string | null; referent_id: string | null; referent_name: string | null; single_parent: boolean; pas_solo: boolean;
  notes: string | null; created_at: Date; updated_at: Date; has_account: boolean; code_expires_at: Date | null; members_count: number;
};
type MemberRow = { id: string; household_id: string; first_name: string; last_name: string; kind: Member['kind']; birth_year: number | null };

function baseQuery(knex: Knex) {
  return knex('households as h')
    .leftJoin('users as r', 'r.id', 'h.referent_id')
    .leftJoin('activation_codes as a', function () {
      this.on('a.household_id', '=', 'h.id').andOn('a.expires_at', '>', knex.raw('now()'));
    })
    .select(
      'h.*',
      'r.name as referent_name',
      'a.expires_at as code_expires_at',
      knex.raw('EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id AND u.active) AS has_account'),
      knex.raw('(SELECT count(*) FROM household_members m WHERE m.household_id = h.id)::int AS members_count'),
    );
}

function toMember(r: MemberRow): Member {
  return { id: r.id, firstName: r.first_name, lastName: r.last_name, kind: r.kind, birthYear: r.birth_year };
}

function toHousehold(r: HouseholdRow, members: Member[]): Household {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    reference: r.reference,
    structuredCommunication: r.structured_communication,
    displayName: r.display_name,
    phone: r.phone,
    email: r.email,
    preferredLanguage: r.preferred_language,
    commune: r.commune,
    dependents: r.dependents,
    monthlyIncome: r.monthly_income,
    referent: r.referent_id ? { id: r.referent_id, name: r.referent_name ?? '' } : null,
    singleParent: r.single_parent,
    pasSolo: r.pas_solo,
    notes: r.notes,
    members,
    account: {
      status: r.has_account ? 'active' : r.code_expires_at ? 'code_issued' : 'none',
      codeExpiresAt: r.code_expires_at,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** How other modules name a household: its id, name, reference, structured communication and language. */
export interface HouseholdIdentity {
  id: string;
  displayName: string;
  reference: string;
  structuredCommunication: string;
  preferredLanguage: string;
}

/** The identities of households of an organisation, by id, in one query (ids of other organisations are left out). */
export async function householdIdentities(knex: Knex, organisationId: string, ids: readonly string[]): Promise<Map<string, HouseholdIdentity>> {
  if (ids.length === 0) return new Map();
  const rows = await knex('households')
    .where({ organisation_id: organisationId })
    .whereIn('id', [...ids])
    .select<Array<{ id: string; display_name: string; reference: string; structured_communication: string; preferred_language: string }>>(
      'id', 'display_name', 'reference', 'structured_communication', 'preferred_language',
    );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, reference: r.reference, structuredCommunication: r.structured_communication, preferredLanguage: r.preferred_language }]),
  );
}

/** One household of an organisation with its members, or undefined. */
export async function findHousehold(knex: Knex, organisationId: string, id: string): Promise<Household | undefined> {
  const row = (await baseQuery(knex).where({ 'h.id': id, 'h.organisation_id': organisationId }).first()) as HouseholdRow | undefined;
  if (!row) return undefined;
  const members = (await knex('household_members').where({ household_id: id }).orderBy('position')) as MemberRow[];
  return toHousehold(row, members.map(toMember));
}

/** A page of households matching a search, by name; members are counted, not loaded. */
export async function listHouseholds(
  knex: Knex,
  organisationId: string,
  q: ListHouseholdsQuery,
): Promise<{ items: Array<Household & { membersCount: number }>; total: number }> {
  const filtered = (query: Knex.QueryBuilder) => {
    query.where('h.organisation_id', organisationId);
    if (q.q) {
      const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere((w) =>
        w
          .whereRaw('lower(h.display_name) LIKE ?', [like])
          .orWhereRaw('lower(h.reference) LIKE ?', [like])
          .orWhereExists(
            knex('household_members as m').whereRaw('m.household_id = h.id').andWhereRaw("lower(m.first_name || ' ' || m.last_name) LIKE ?", [like]),
          ),
      );
    }
    if (q.referentId) query.andWhere('h.referent_id', q.referentId);
    if (q.singleParent !== undefined) query.andWhere('h.single_parent', q.singleParent);
    if (q.pasSolo !== undefined) query.andWhere('h.pas_solo', q.pasSolo);
    return query;
  };
  const countRow = (await filtered(knex('households as h')).count({ n: '*' }).first()) as { n: number | string } | undefined;
  const rows = (await filtered(baseQuery(knex))
    .orderByRaw('lower(h.display_name), h.reference')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)) as HouseholdRow[];
  return { items: rows.map((r) => ({ ...toHousehold(r, []), membersCount: r.members_count })), total: Number(countRow?.n ?? 0) };
}

/** Inserts a household row; reference and communication are given by the service. */
export async function insertHousehold(
  trx: Knex,
  values: HouseholdRowValues & { organisation_id: string; reference: string; structured_communication: string; display_name: string },
): Promise<string> {
  const [row] = (await trx('households').insert(values).returning('id')) as Array<{ id: string }>;
  return row!.id;
}

/** Updates household columns. */
export async function updateHouseholdRow(trx: Knex, id: string, values: HouseholdRowValues): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await trx('households').where({ id }).update({ ...values, updated_at: trx.fn.now() });
}

/**
 * Replaces the member list, changing only what differs: unchanged members keep their row (and id),
 * so the audit trail shows real changes, not a delete and re-insert of everyone.
 */
export async function replaceMembers(trx: Knex, householdId: string, members: Array<Omit<Member, 'id' | 'birthYear'> & { birthYear?: number | null }>): Promise<void> {
  const existing = (await trx('household_members').where({ household_id: householdId }).orderBy('position')) as Array<MemberRow & { position: number }>;
  const values = members.map((m, position) => ({
    household_id: householdId, position, first_name: m.firstName, last_name: m.lastName, kind: m.kind, birth_year: m.birthYear ?? null,
  }));
  if (existing.length > values.length) {
    await trx('household_members').where({ household_id: householdId }).andWhere('position', '>=', values.length).delete();
  }
  for (const v of values) {
    const old = existing.find((e) => e.position === v.position);
    if (!old) await trx('household_members').insert(v);
    else if (old.first_name !== v.first_name || old.last_name !== v.last_name || old.kind !== v.kind || old.birth_year !== v.birth_year) {
      await trx('household_members').where({ id: old.id }).update(v);
    }
  }
}

/** Whether a user is an active staff member of the organisation (a valid referent). */
export async function isActiveStaff(knex: Knex, organisationId: string, userId: string): Promise<boolean> {
  return !!(await knex('users').where({ id: userId, organisation_id: organisationId, active: true }).whereNot('role', 'household').first('id'));
}

/** Stores a household's activation code hash, replacing any earlier one. */
export async function upsertActivationCode(trx: Knex, householdId: string, codeHash: string, expiresAt: Date, issuedBy: string): Promise<void> {
  await trx('activation_codes')
    .insert({ household_id: householdId, code_hash: codeHash, expires_at: expiresAt, issued_by: issuedBy, issued_at: trx.fn.now() })
    .onConflict('household_id')
    .merge();
}

/** Whether a code (by hash) is the live code of this household. */
export async function isLiveActivationCode(knex: Knex, householdId: string, codeHash: string): Promise<Date | null> {
  const row = (await knex('activation_codes')
    .where({ household_id: householdId, code_hash: codeHash })
    .andWhere('expires_at', '>', knex.fn.now())
    .first('expires_at')) as { expires_at: Date } | undefined;
  return row?.expires_at ?? null;
}

/** An audit row of a household (its record, members, account and activation codes). */
export interface AuditRow {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  actorLabel: string;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit trail of a household, newest first, by keyset pages. */
export async function householdAudit(knex: Knex, householdId: string, opts: { limit: number; beforeId?: number }): Promise<AuditRow[]> {
  const q = knex('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .where('a.household_id', householdId)
    .orderBy('a.id', 'desc')
    .limit(opts.limit)
    .select('a.*', 'u.name as actor_name');
  if (opts.beforeId) q.andWhere('a.id', '<', opts.beforeId);
  const rows = (await q) as Array<{
    id: number; at: Date; actor_user_id: string | null; actor_name: string | null; actor_label: string; action: AuditRow['action'];
    entity_type: string; entity_id: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null;
  }>;
  return rows.map((r) => ({
    id: Number(r.id), at: r.at, actorUserId: r.actor_user_id, actorName: r.actor_name, actorLabel: r.actor_label, action: r.action,
    entityType: r.entity_type, entityId: r.entity_id, before: r.before, after: r.after,
  }));
}
