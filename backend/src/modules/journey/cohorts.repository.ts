import type { Knex } from 'knex';
import type { CohortKind } from './journey.schemas.ts';

/** A yearly group of households in preparation or in action. */
export interface Cohort {
  id: string;
  organisationId: string;
  name: string;
  kind: CohortKind;
  startsOn: string;
  endsOn: string;
  /** The GECS savings group an action cohort saves in, if linked. */
  savingsGroupId: string | null;
  membersCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A household in a cohort. */
export interface CohortMember {
  householdId: string;
  reference: string;
  displayName: string;
  joinedOn: string;
}

/** The columns a cohort row is written with. */
export interface CohortRowValues {
  name?: string;
  kind?: CohortKind;
  starts_on?: string;
  ends_on?: string;
  savings_group_id?: string | null;
}

type CohortRow = {
  id: string; organisation_id: string; name: string; kind: CohortKind; starts_on: string; ends_on: string;
  savings_group_id: string | null; members_count: number; created_at: Date; updated_at: Date;
};

function baseQuery(knex: Knex) {
  return knex('cohorts as c').select('c.*', knex.raw('(SELECT count(*) FROM cohort_members m WHERE m.cohort_id = c.id)::int AS members_count'));
}

function toCohort(r: CohortRow): Cohort {
  return {
    id: r.id, organisationId: r.organisation_id, name: r.name, kind: r.kind, startsOn: r.starts_on, endsOn: r.ends_on,
    savingsGroupId: r.savings_group_id, membersCount: r.members_count, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** The organisation's cohorts, newest first. */
export async function listCohorts(knex: Knex, organisationId: string, kind?: CohortKind): Promise<Cohort[]> {
  const q = baseQuery(knex).where('c.organisation_id', organisationId);
  if (kind) q.andWhere('c.kind', kind);
  return ((await q.orderBy([{ column: 'c.starts_on', order: 'desc' }, { column: 'c.name' }])) as CohortRow[]).map(toCohort);
}

/** One cohort of the organisation, or undefined. */
export async function findCohort(knex: Knex, organisationId: string, id: string): Promise<Cohort | undefined> {
  const row = (await baseQuery(knex).where({ 'c.id': id, 'c.organisation_id': organisationId }).first()) as CohortRow | undefined;
  return row ? toCohort(row) : undefined;
}

/** Inserts a cohort; returns its id. */
export async function insertCohort(trx: Knex, values: Required<Omit<CohortRowValues, 'savings_group_id'>> & CohortRowValues & { organisation_id: string }): Promise<string> {
  const [row] = (await trx('cohorts').insert(values).returning('id')) as Array<{ id: string }>;
  return row!.id;
}

/** Updates cohort columns. */
export async function updateCohortRow(trx: Knex, id: string, values: CohortRowValues): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await trx('cohorts').where({ id }).update({ ...values, updated_at: trx.fn.now() });
}

/** The households of a cohort, by name. */
export async function cohortMembers(knex: Knex, cohortId: string): Promise<CohortMember[]> {
  const rows = (await knex('cohort_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .where('m.cohort_id', cohortId)
    .orderByRaw('lower(h.display_name), h.reference')
    .select('m.household_id', 'h.reference', 'h.display_name', 'm.joined_on')) as Array<{ household_id: string; reference: string; display_name: string; joined_on: string }>;
  return rows.map((r) => ({ householdId: r.household_id, reference: r.reference, displayName: r.display_name, joinedOn: r.joined_on }));
}

/** Adds a household to a cohort; false when it is already a member. */
export async function insertMember(trx: Knex, cohortId: string, householdId: string, joinedOn: string): Promise<boolean> {
  const rows = await trx('cohort_members').insert({ cohort_id: cohortId, household_id: householdId, joined_on: joinedOn }).onConflict(['cohort_id', 'household_id']).ignore().returning('id');
  return rows.length === 1;
}

/** Takes a household out of a cohort (a membership recorded by mistake); false when it was not a member. */
export async function deleteMember(trx: Knex, cohortId: string, householdId: string): Promise<boolean> {
  const rows = await trx('cohort_members').where({ cohort_id: cohortId, household_id: householdId }).delete().returning('id');
  return rows.length > 0;
}

/** A cohort a household belongs to. */
export interface Membership {
  cohortId: string;
  name: string;
  kind: CohortKind;
  startsOn: string;
  endsOn: string;
  joinedOn: string;
}

/** The cohorts of some households, by join date, per household. */
export async function membershipsOf(knex: Knex, householdIds: string[]): Promise<Map<string, Membership[]>> {
  const out = new Map<string, Membership[]>(householdIds.map((id) => [id, []]));
  if (householdIds.length === 0) return out;
  const rows = (await knex('cohort_members as m')
    .join('cohorts as c', 'c.id', 'm.cohort_id')
    .whereIn('m.household_id', householdIds)
    .orderBy([{ column: 'm.joined_on' }, { column: 'c.name' }])
    .select('m.household_id', 'c.id', 'c.name', 'c.kind', 'c.starts_on', 'c.ends_on', 'm.joined_on')) as Array<{
    household_id: string; id: string; name: string; kind: CohortKind; starts_on: string; ends_on: string; joined_on: string;
  }>;
  for (const r of rows) {
    out.get(r.household_id)!.push({ cohortId: r.id, name: r.name, kind: r.kind, startsOn: r.starts_on, endsOn: r.ends_on, joinedOn: r.joined_on });
  }
  return out;
}
