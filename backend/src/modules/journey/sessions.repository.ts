import type { Knex } from 'knex';
import type { ListSessionsQuery, SessionKind, SessionStatus } from './journey.schemas.ts';

/** A session or workshop, with how many households were invited and came. */
export interface Session {
  id: string;
  organisationId: string;
  kind: SessionKind;
  title: string;
  startsAt: Date;
  place: string | null;
  online: boolean;
  cohort: { id: string; name: string } | null;
  savingsGroupId: string | null;
  project: string | null;
  projectId: string | null;
  facilitator: string | null;
  status: SessionStatus;
  cancelReason: string | null;
  notes: string | null;
  invitations: number;
  attendances: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A household invited to a session, and whether (and with how many people) it came. */
export interface Invitation {
  householdId: string;
  reference: string;
  displayName: string;
  attended: boolean;
  people: number | null;
}

/** The columns a session row is written with. */
export interface SessionRowValues {
  kind?: SessionKind;
  title?: string;
  starts_at?: string;
  place?: string | null;
  online?: boolean;
  cohort_id?: string | null;
  savings_group_id?: string | null;
  project?: string | null;
  project_id?: string | null;
  facilitator?: string | null;
  notes?: string | null;
  status?: SessionStatus;
  cancel_reason?: string | null;
}

type SessionRow = {
  id: string; organisation_id: string; kind: SessionKind; title: string; starts_at: Date; place: string | null; online: boolean;
  cohort_id: string | null; cohort_name: string | null; savings_group_id: string | null; project: string | null; project_id: string | null; facilitator: string | null;
  status: SessionStatus; cancel_reason: string | null; notes: string | null; invitations: number; attendances: number;
  created_at: Date; updated_at: Date;
};

/** The Brussels calendar date of a session, in SQL. */
export const SESSION_DATE_SQL = `(s.starts_at AT TIME ZONE 'Europe/Brussels')::date`;

function baseQuery(knex: Knex) {
  return knex('journey_sessions as s')
    .leftJoin('cohorts as c', 'c.id', 's.cohort_id')
    .select(
      's.*',
      'c.name as cohort_name',
      knex.raw('(SELECT count(*) FROM session_invitations i WHERE i.session_id = s.id)::int AS invitations'),
      knex.raw('(SELECT count(*) FROM session_invitations i WHERE i.session_id = s.id AND i.attended)::int AS attendances'),
    );
}

function toSession(r: SessionRow): Session {
  return {
    id: r.id, organisationId: r.organisation_id, kind: r.kind, title: r.title, startsAt: r.starts_at, place: r.place, online: r.online,
    cohort: r.cohort_id ? { id: r.cohort_id, name: r.cohort_name ?? '' } : null, savingsGroupId: r.savings_group_id, project: r.project, projectId: r.project_id,
    facilitator: r.facilitator, status: r.status, cancelReason: r.cancel_reason, notes: r.notes, invitations: r.invitations,
    attendances: r.attendances, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** Sessions of the organisation matching the filters, by start time. */
export async function listSessions(knex: Knex, organisationId: string, q: ListSessionsQuery): Promise<Session[]> {
  const query = baseQuery(knex).where('s.organisation_id', organisationId);
  if (q.from) query.andWhereRaw(`${SESSION_DATE_SQL} >= ?`, [q.from]);
  if (q.to) query.andWhereRaw(`${SESSION_DATE_SQL} <= ?`, [q.to]);
  if (q.kind) query.andWhere('s.kind', q.kind);
  if (q.status) query.andWhere('s.status', q.status);
  if (q.cohortId) query.andWhere('s.cohort_id', q.cohortId);
  return ((await query.orderBy([{ column: 's.starts_at' }, { column: 's.id' }]).limit(2000)) as SessionRow[]).map(toSession);
}

/** One session of the organisation, or undefined. */
export async function findSession(knex: Knex, organisationId: string, id: string): Promise<Session | undefined> {
  const row = (await baseQuery(knex).where({ 's.id': id, 's.organisation_id': organisationId }).first()) as SessionRow | undefined;
  return row ? toSession(row) : undefined;
}

/** The households invited to a session, by name. */
export async function sessionInvitations(knex: Knex, sessionId: string): Promise<Invitation[]> {
  const rows = (await knex('session_invitations as i')
    .join('households as h', 'h.id', 'i.household_id')
    .where('i.session_id', sessionId)
    .orderByRaw('lower(h.display_name), h.reference')
    .select('i.household_id', 'h.reference', 'h.display_name', 'i.attended', 'i.people')) as Array<{
    household_id: string; reference: string; display_name: string; attended: boolean; people: number | null;
  }>;
  return rows.map((r) => ({ householdId: r.household_id, reference: r.reference, displayName: r.display_name, attended: r.attended, people: r.people }));
}

/** Inserts a session; returns its id. */
export async function insertSession(trx: Knex, values: SessionRowValues & { organisation_id: string; kind: SessionKind; title: string; starts_at: string }): Promise<string> {
  const [row] = (await trx('journey_sessions').insert(values).returning('id')) as Array<{ id: string }>;
  return row!.id;
}

/** Updates session columns. */
export async function updateSessionRow(trx: Knex, id: string, values: SessionRowValues): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await trx('journey_sessions').where({ id }).update({ ...values, updated_at: trx.fn.now() });
}

/**
 * Makes the session's invitations exactly the given list, changing only the rows that differ, so that
 * the audit trail shows who was added, removed or marked present.
 */
export async function replaceInvitations(
  trx: Knex,
  sessionId: string,
  invited: string[],
  attended: Map<string, number>,
): Promise<void> {
  const existing = (await trx('session_invitations').where({ session_id: sessionId }).select('id', 'household_id', 'attended', 'people')) as Array<{
    id: string; household_id: string; attended: boolean; people: number | null;
  }>;
  const wanted = new Set(invited);
  const gone = existing.filter((e) => !wanted.has(e.household_id)).map((e) => e.id);
  if (gone.length > 0) await trx('session_invitations').whereIn('id', gone).delete();
  for (const householdId of invited) {
    const people = attended.get(householdId) ?? null;
    const old = existing.find((e) => e.household_id === householdId);
    if (!old) await trx('session_invitations').insert({ session_id: sessionId, household_id: householdId, attended: people !== null, people });
    else if (old.people !== people) await trx('session_invitations').where({ id: old.id }).update({ attended: people !== null, people });
  }
}

/** A session a household was invited to, with its own attendance. */
export interface HouseholdSession {
  id: string;
  kind: SessionKind;
  title: string;
  startsAt: Date;
  place: string | null;
  online: boolean;
  status: SessionStatus;
  cancelReason: string | null;
  attended: boolean;
  people: number | null;
}

/** The sessions some households were invited to, by start time, per household. */
export async function sessionsOfHouseholds(knex: Knex, householdIds: string[]): Promise<Map<string, HouseholdSession[]>> {
  const out = new Map<string, HouseholdSession[]>(householdIds.map((id) => [id, []]));
  if (householdIds.length === 0) return out;
  const rows = (await knex('session_invitations as i')
    .join('journey_sessions as s', 's.id', 'i.session_id')
    .whereIn('i.household_id', householdIds)
    .orderBy([{ column: 's.starts_at' }, { column: 's.id' }])
    .select('i.household_id', 's.id', 's.kind', 's.title', 's.starts_at', 's.place', 's.online', 's.status', 's.cancel_reason', 'i.attended', 'i.people')) as Array<{
    household_id: string; id: string; kind: SessionKind; title: string; starts_at: Date; place: string | null; online: boolean;
    status: SessionStatus; cancel_reason: string | null; attended: boolean; people: number | null;
  }>;
  for (const r of rows) {
    out.get(r.household_id)!.push({
      id: r.id, kind: r.kind, title: r.title, startsAt: r.starts_at, place: r.place, online: r.online, status: r.status,
      cancelReason: r.cancel_reason, attended: r.attended, people: r.people,
    });
  }
  return out;
}

/** Counts of sessions and of invitations/attendances at held sessions. */
export interface SessionCounts {
  planned: number;
  held: number;
  cancelled: number;
  invitations: number;
  attendances: number;
}

/** Session counts of one year (Brussels time), optionally of one kind or cohort, in total and per month (1–12). */
export async function sessionCounts(
  knex: Knex,
  organisationId: string,
  f: { year: number; kind?: SessionKind; cohortId?: string },
): Promise<{ total: SessionCounts; months: Map<number, SessionCounts> }> {
  const rows = (await knex('journey_sessions as s')
    .leftJoin('session_invitations as i', 'i.session_id', 's.id')
    .where('s.organisation_id', organisationId)
    .andWhereRaw(`date_part('year', s.starts_at AT TIME ZONE 'Europe/Brussels') = ?`, [f.year])
    .modify((q) => {
      if (f.kind) q.andWhere('s.kind', f.kind);
      if (f.cohortId) q.andWhere('s.cohort_id', f.cohortId);
    })
    .groupByRaw(`date_part('month', s.starts_at AT TIME ZONE 'Europe/Brussels')`)
    .select(
      knex.raw(`date_part('month', s.starts_at AT TIME ZONE 'Europe/Brussels')::int AS month`),
      // planned counts every session scheduled, whatever became of it.
      knex.raw('count(DISTINCT s.id)::int AS planned'),
      knex.raw(`count(DISTINCT s.id) FILTER (WHERE s.status = 'held')::int AS held`),
      knex.raw(`count(DISTINCT s.id) FILTER (WHERE s.status = 'cancelled')::int AS cancelled`),
      knex.raw(`count(i.id) FILTER (WHERE s.status = 'held')::int AS invitations`),
      knex.raw(`count(i.id) FILTER (WHERE s.status = 'held' AND i.attended)::int AS attendances`),
    )) as Array<SessionCounts & { month: number }>;
  const total: SessionCounts = { planned: 0, held: 0, cancelled: 0, invitations: 0, attendances: 0 };
  const months = new Map<number, SessionCounts>();
  for (const r of rows) {
    const c: SessionCounts = { planned: r.planned, held: r.held, cancelled: r.cancelled, invitations: r.invitations, attendances: r.attendances };
    months.set(r.month, c);
    for (const k of Object.keys(total) as Array<keyof SessionCounts>) total[k] += c[k];
  }
  return { total, months };
}

/** Invitations and attendances at held sessions of one cohort's sessions. */
export async function cohortSessionCounts(knex: Knex, cohortId: string): Promise<{ invitations: number; attendances: number }> {
  const row = (await knex('session_invitations as i')
    .join('journey_sessions as s', 's.id', 'i.session_id')
    .where({ 's.cohort_id': cohortId, 's.status': 'held' })
    .select(knex.raw('count(*)::int AS invitations'), knex.raw('count(*) FILTER (WHERE i.attended)::int AS attendances'))
    .first()) as { invitations: number; attendances: number } | undefined;
  return { invitations: row?.invitations ?? 0, attendances: row?.attendances ?? 0 };
}

/** Whether an acquisition project of the organisation has this id (a session may name one). */
export async function projectExists(knex: Knex, organisationId: string, id: string): Promise<boolean> {
  return (await knex('projects').where({ id, organisation_id: organisationId }).first('id')) !== undefined;
}
