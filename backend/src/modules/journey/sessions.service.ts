import type { Knex } from 'knex';
import { assertGroupReference } from '../gecs/groups.repository.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { findCohort } from './cohorts.repository.ts';
import { existingHouseholdIds } from './journey.repository.ts';
import type { AttendanceInput, CreateSessionInput, StatsQuery, UpdateSessionInput } from './journey.schemas.ts';
import { enterInformationAfterSession } from './journey.service.ts';
import { participation, type Participation } from './participation.ts';
import {
  findSession,
  insertSession,
  replaceInvitations,
  sessionCounts,
  sessionInvitations,
  updateSessionRow,
  projectExists,
  type Invitation,
  type Session,
  type SessionRowValues,
} from './sessions.repository.ts';

const sessionInFuture = () =>
  new AppError(409, 'session_in_future', 'Conflict', 'A session that has not started yet cannot be marked as held.');

/** A session of the organisation, or a 404. */
export async function getSession(knex: Knex, organisationId: string, id: string): Promise<Session> {
  const session = await findSession(knex, organisationId, id);
  if (!session) throw errors.notFound('session');
  return session;
}

async function assertProject(knex: Knex, organisationId: string, projectId: string | null | undefined): Promise<void> {
  if (projectId && !(await projectExists(knex, organisationId, projectId))) throw errors.validation([{ path: 'projectId', message: 'Unknown project' }]);
}

async function assertCohort(knex: Knex, organisationId: string, cohortId: string | null | undefined): Promise<void> {
  if (cohortId && !(await findCohort(knex, organisationId, cohortId))) throw errors.validation([{ path: 'cohortId', message: 'Unknown cohort' }]);
}

function rowValues(input: Partial<CreateSessionInput> | UpdateSessionInput): SessionRowValues {
  const v: SessionRowValues = {};
  if (input.kind !== undefined) v.kind = input.kind;
  if (input.title !== undefined) v.title = input.title;
  if (input.startsAt !== undefined) v.starts_at = input.startsAt;
  if (input.place !== undefined) v.place = input.place;
  if (input.online !== undefined) v.online = input.online;
  if (input.cohortId !== undefined) v.cohort_id = input.cohortId;
  if (input.savingsGroupId !== undefined) v.savings_group_id = input.savingsGroupId;
  if (input.project !== undefined) v.project = input.project;
  if (input.projectId !== undefined) v.project_id = input.projectId;
  if (input.facilitator !== undefined) v.facilitator = input.facilitator;
  if (input.notes !== undefined) v.notes = input.notes;
  return v;
}

/** Plans a session (it starts as planned, whatever its date: recording past sessions is normal). */
export async function createSession(knex: Knex, actor: Actor, organisationId: string, input: CreateSessionInput): Promise<Session> {
  await assertCohort(knex, organisationId, input.cohortId);
  await assertGroupReference(knex, organisationId, input.savingsGroupId);
  await assertProject(knex, organisationId, input.projectId);
  const id = await inTransaction(knex, actor, (trx) =>
    insertSession(trx, { ...rowValues(input), organisation_id: organisationId, kind: input.kind, title: input.title, starts_at: input.startsAt }),
  );
  return getSession(knex, organisationId, id);
}

/** Changes a session's details; its status changes only through held and cancel. */
export async function updateSession(knex: Knex, actor: Actor, organisationId: string, id: string, input: UpdateSessionInput): Promise<Session> {
  const session = await getSession(knex, organisationId, id);
  await assertCohort(knex, organisationId, input.cohortId);
  await assertGroupReference(knex, organisationId, input.savingsGroupId);
  await assertProject(knex, organisationId, input.projectId);
  if (session.status === 'held' && input.startsAt && Date.parse(input.startsAt) > Date.now()) throw sessionInFuture();
  await inTransaction(knex, actor, (trx) => updateSessionRow(trx, id, rowValues(input)));
  return getSession(knex, organisationId, id);
}

/** Locks a session's row in the transaction and returns its current status and start. */
async function lockSession(trx: Knex.Transaction, organisationId: string, id: string) {
  const row = (await trx('journey_sessions').where({ id, organisation_id: organisationId }).forUpdate().first('status', 'starts_at', 'kind')) as
    | { status: Session['status']; starts_at: Date; kind: Session['kind'] }
    | undefined;
  if (!row) throw errors.notFound('session');
  return row;
}

/** planned → cancelled, with the reason (e.g. "no candidates"). */
export async function cancelSession(knex: Knex, actor: Actor, organisationId: string, id: string, reason: string): Promise<Session> {
  await inTransaction(knex, actor, async (trx) => {
    const row = await lockSession(trx, organisationId, id);
    if (row.status !== 'planned') throw errors.conflict('session_not_planned', `This session is already ${row.status}.`);
    await updateSessionRow(trx, id, { status: 'cancelled', cancel_reason: reason });
  });
  return getSession(knex, organisationId, id);
}

/** planned → held, once the session has started. */
export async function markHeld(knex: Knex, actor: Actor, organisationId: string, id: string): Promise<Session> {
  await inTransaction(knex, actor, async (trx) => {
    const row = await lockSession(trx, organisationId, id);
    if (row.status !== 'planned') throw errors.conflict('session_not_planned', `This session is already ${row.status}.`);
    if (row.starts_at.getTime() > Date.now()) throw sessionInFuture();
    await updateSessionRow(trx, id, { status: 'held' });
  });
  return getSession(knex, organisationId, id);
}

/**
 * Sets who was invited and, for a held session, who came and with how many people. Attendance at a
 * held information session moves a household with no phase yet into `information` on that date.
 */
export async function setAttendance(knex: Knex, actor: Actor, organisationId: string, id: string, input: AttendanceInput): Promise<void> {
  const known = await existingHouseholdIds(knex, organisationId, input.invited);
  const unknown = input.invited.map((h, i) => ({ h, i })).filter(({ h }) => !known.has(h));
  if (unknown.length > 0) throw errors.validation(unknown.map(({ i }) => ({ path: `invited.${i}`, message: 'Unknown household' })));
  await inTransaction(knex, actor, async (trx) => {
    const row = await lockSession(trx, organisationId, id);
    if (row.status === 'cancelled') throw errors.conflict('session_cancelled', 'A cancelled session has no invitations or attendance to change.');
    if (row.status !== 'held' && input.attended.length > 0) {
      throw errors.conflict('session_not_held', 'Attendance can be recorded only once the session is marked as held.');
    }
    await replaceInvitations(trx, id, input.invited, new Map(input.attended.map((a) => [a.householdId, a.people])));
    if (row.kind === 'information' && row.status === 'held') {
      await enterInformationAfterSession(trx, input.attended.map((a) => a.householdId), { id, startsAt: row.starts_at }, actor.userId);
    }
  });
}

/** A session with its invitations. */
export async function sessionDetail(knex: Knex, organisationId: string, id: string): Promise<{ session: Session; invitations: Invitation[] }> {
  const session = await getSession(knex, organisationId, id);
  return { session, invitations: await sessionInvitations(knex, id) };
}

/** The figures of one year's sessions. */
export interface SessionStats extends Participation {
  year: number;
  planned: number;
  held: number;
  cancelled: number;
  months: Array<{ month: string; planned: number; held: number; cancelled: number }>;
}

/** Sessions planned (all scheduled), held and cancelled in a year, with participation at held ones, in total and per month. */
export async function sessionStats(knex: Knex, organisationId: string, q: StatsQuery): Promise<SessionStats> {
  if (q.cohortId && !(await findCohort(knex, organisationId, q.cohortId))) throw errors.notFound('cohort');
  const { total, months } = await sessionCounts(knex, organisationId, q);
  return {
    year: q.year,
    planned: total.planned,
    held: total.held,
    cancelled: total.cancelled,
    ...participation(total.invitations, total.attendances),
    months: Array.from({ length: 12 }, (_, i) => {
      const c = months.get(i + 1);
      return { month: `${q.year}-${String(i + 1).padStart(2, '0')}`, planned: c?.planned ?? 0, held: c?.held ?? 0, cancelled: c?.cancelled ?? 0 };
    }),
  };
}
