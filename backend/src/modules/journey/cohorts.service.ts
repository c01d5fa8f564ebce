import type { Knex } from 'knex';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError, errors } from '../../lib/errors.ts';
import {
  cohortMembers,
  deleteMember,
  findCohort,
  insertCohort,
  insertMember,
  updateCohortRow,
  type Cohort,
  type CohortMember,
  type CohortRowValues,
} from './cohorts.repository.ts';
import { assertGroupReference } from '../gecs/groups.repository.ts';
import { currentPhaseKeys } from './journey.history.ts';
import { existingHouseholdIds } from './journey.repository.ts';
import type { CreateCohortInput, UpdateCohortInput } from './journey.schemas.ts';
import { participation, type Participation } from './participation.ts';
import { cohortSessionCounts } from './sessions.repository.ts';

/** A cohort of the organisation, or a 404. */
export async function getCohort(knex: Knex, organisationId: string, id: string): Promise<Cohort> {
  const cohort = await findCohort(knex, organisationId, id);
  if (!cohort) throw errors.notFound('cohort');
  return cohort;
}

/** Creates a cohort ("Préparation 2024-2025"); names are unique in the organisation, whatever their case. */
export async function createCohort(knex: Knex, actor: Actor, organisationId: string, input: CreateCohortInput): Promise<Cohort> {
  await assertGroupReference(knex, organisationId, input.savingsGroupId);
  const id = await inTransaction(knex, actor, (trx) =>
    insertCohort(trx, {
      organisation_id: organisationId, name: input.name, kind: input.kind, starts_on: input.startsOn, ends_on: input.endsOn,
      savings_group_id: input.savingsGroupId ?? null,
    }),
  );
  return getCohort(knex, organisationId, id);
}

/** Renames a cohort, changes its dates or links it to a savings group. */
export async function updateCohort(knex: Knex, actor: Actor, organisationId: string, id: string, input: UpdateCohortInput): Promise<Cohort> {
  const cohort = await getCohort(knex, organisationId, id);
  await assertGroupReference(knex, organisationId, input.savingsGroupId);
  const startsOn = input.startsOn ?? cohort.startsOn;
  const endsOn = input.endsOn ?? cohort.endsOn;
  if (endsOn < startsOn) throw errors.validation([{ path: input.endsOn ? 'endsOn' : 'startsOn', message: 'The cohort must not end before it starts' }]);
  const v: CohortRowValues = {};
  if (input.name !== undefined) v.name = input.name;
  if (input.startsOn !== undefined) v.starts_on = input.startsOn;
  if (input.endsOn !== undefined) v.ends_on = input.endsOn;
  if (input.savingsGroupId !== undefined) v.savings_group_id = input.savingsGroupId;
  await inTransaction(knex, actor, (trx) => updateCohortRow(trx, id, v));
  return getCohort(knex, organisationId, id);
}

/** A member of a cohort with its current phase. */
export type CohortMemberView = CohortMember & { currentPhase: string | null };

/** A cohort with its households and the participation at its held sessions. */
export async function cohortDetail(knex: Knex, organisationId: string, id: string): Promise<{ cohort: Cohort; members: CohortMemberView[]; participation: Participation }> {
  const cohort = await getCohort(knex, organisationId, id);
  const members = await cohortMembers(knex, id);
  const phases = await currentPhaseKeys(knex, members.map((m) => m.householdId));
  const counts = await cohortSessionCounts(knex, id);
  return {
    cohort,
    members: members.map((m) => ({ ...m, currentPhase: phases.get(m.householdId) ?? null })),
    participation: participation(counts.invitations, counts.attendances),
  };
}

/** Adds a household to a cohort from a date, not after the cohort's end. */
export async function addMember(knex: Knex, actor: Actor, organisationId: string, cohortId: string, householdId: string, joinedOn: string): Promise<void> {
  const cohort = await getCohort(knex, organisationId, cohortId);
  if (!(await existingHouseholdIds(knex, organisationId, [householdId])).has(householdId)) {
    throw errors.validation([{ path: 'householdId', message: 'Unknown household' }]);
  }
  if (joinedOn > cohort.endsOn) {
    throw new AppError(422, 'outside_cohort', 'Unprocessable content', 'A household cannot join a cohort after the cohort has ended.', [
      { path: 'joinedOn', message: 'Must not be after the cohort ends' },
    ]);
  }
  const added = await inTransaction(knex, actor, (trx) => insertMember(trx, cohortId, householdId, joinedOn));
  if (!added) throw errors.conflict('already_member', 'This household is already in this cohort.');
}

/** Takes a household out of a cohort (a membership recorded by mistake). */
export async function removeMember(knex: Knex, actor: Actor, organisationId: string, cohortId: string, householdId: string): Promise<void> {
  await getCohort(knex, organisationId, cohortId);
  const removed = await inTransaction(knex, actor, (trx) => deleteMember(trx, cohortId, householdId));
  if (!removed) throw errors.notFound('cohort member');
}
