import type { Knex } from 'knex';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { getHousehold } from '../households/households.service.ts';
import { membershipsOf, type Membership } from './cohorts.repository.ts';
import {
  checkAddition,
  loadHistories,
  loadPhases,
  replay,
  brusselsDate,
  type HistoryProblem,
  type JourneyEvent,
  type Names,
  type Phase,
} from './journey.history.ts';
import {
  householdExits,
  householdTransitions,
  insertExit,
  insertExitReason,
  insertStep,
  insertTransition,
  listExitReasons,
  lockHousehold,
  renamePhase,
  updateExitReason,
  type ExitReason,
  type ExitRecord,
  type TransitionRecord,
} from './journey.repository.ts';
import type { ExitInput, TransitionInput } from './journey.schemas.ts';
import { sessionsOfHouseholds, type HouseholdSession } from './sessions.repository.ts';
import { participation, type Participation } from './participation.ts';
import { sessionOutcome, sortTimeline, type TimelineItem } from './journey.timeline.ts';
import { savingsMilestones } from '../gecs/figures.service.ts';
import type { RentalAdvanceReader } from './rental-advances.ts';
import { NO_CANDIDACY_STAGES, type CandidacyStageReader } from './candidacies.ts';

const PROBLEMS: Record<HistoryProblem, () => AppError> = {
  already_in_phase: () => errors.conflict('already_in_phase', 'On that date the household is already in this phase.'),
  not_in_journey: () => errors.conflict('not_in_journey', 'On that date the household is not in any phase: there is nothing to leave.'),
  orphan_exit: () => errors.conflict('history_conflict', 'This back-dated exit would leave a later exit with no phase to leave.'),
};

/** A phase by key, or a 400 on the named field. */
function phaseByKey(phases: Phase[], key: string, path = 'phase'): Phase {
  const phase = phases.find((p) => p.key === key);
  if (!phase) throw errors.validation([{ path, message: 'Unknown phase' }]);
  return phase;
}

// ——— Phases and exit reasons (configuration) ———

/** Every phase and sub-step in order. */
export function listPhases(knex: Knex): Promise<Phase[]> {
  return loadPhases(knex);
}

/** Renames a phase or sub-step (coordinators): names are data, keys never change. */
export async function renamePhaseByKey(knex: Knex, actor: Actor, key: string, names: Partial<Names>): Promise<Phase> {
  const phase = (await loadPhases(knex)).find((p) => p.key === key);
  if (!phase) throw errors.notFound('phase');
  await inTransaction(knex, actor, (trx) => renamePhase(trx, phase.id, names));
  return (await loadPhases(knex)).find((p) => p.key === key)!;
}

/** Adds a sub-step at the end of a top-level phase (coordinators). */
export async function addStep(knex: Knex, actor: Actor, parentKey: string, key: string, names: Names): Promise<Phase> {
  const phases = await loadPhases(knex);
  const parent = phases.find((p) => p.key === parentKey);
  if (!parent) throw errors.notFound('phase');
  if (parent.parentKey !== null) throw new AppError(422, 'not_a_phase', 'Unprocessable content', 'Sub-steps belong to one of the top-level phases.');
  if (phases.some((p) => p.key === key)) throw errors.conflict('key_taken', 'A phase or sub-step already has this key.');
  await inTransaction(knex, actor, (trx) => insertStep(trx, parent.id, key, names));
  return (await loadPhases(knex)).find((p) => p.key === key)!;
}

/** Every exit reason, retired ones included. */
export function exitReasons(knex: Knex): Promise<ExitReason[]> {
  return listExitReasons(knex);
}

/** Adds an exit reason (coordinators). */
export async function addExitReason(knex: Knex, actor: Actor, key: string, names: Names): Promise<ExitReason> {
  if ((await listExitReasons(knex)).some((r) => r.key === key)) throw errors.conflict('key_taken', 'An exit reason already has this key.');
  await inTransaction(knex, actor, (trx) => insertExitReason(trx, key, names));
  return (await listExitReasons(knex)).find((r) => r.key === key)!;
}

/** Renames, retires or brings back an exit reason (coordinators); a retired reason stays on old exits. */
export async function changeExitReason(knex: Knex, actor: Actor, key: string, patch: { names?: Partial<Names>; active?: boolean }): Promise<ExitReason> {
  const reason = (await listExitReasons(knex)).find((r) => r.key === key);
  if (!reason) throw errors.notFound('exit reason');
  await inTransaction(knex, actor, (trx) => updateExitReason(trx, reason.id, patch));
  return (await listExitReasons(knex)).find((r) => r.key === key)!;
}

// ——— Transitions and exits ———

/**
 * Checks an event against the household's history (read inside the transaction, after locking the
 * household) and records it; a refused event changes nothing.
 */
async function recordEvent(
  trx: Knex.Transaction,
  organisationId: string,
  householdId: string,
  phases: Phase[],
  added: JourneyEvent,
  write: () => Promise<void>,
): Promise<void> {
  if (!(await lockHousehold(trx, organisationId, householdId))) throw errors.notFound('household');
  const history = (await loadHistories(trx, [householdId])).get(householdId) ?? [];
  const problem = checkAddition(history, added, phases);
  if (problem) throw PROBLEMS[problem]();
  await write();
}

/** Moves a household into a phase on a date (back-dating allowed, never in the future). */
export async function addTransition(knex: Knex, actor: Actor, organisationId: string, householdId: string, input: TransitionInput): Promise<void> {
  await getHousehold(knex, organisationId, householdId);
  const phases = await loadPhases(knex);
  const phase = phaseByKey(phases, input.phase);
  await inTransaction(knex, actor, (trx) =>
    recordEvent(trx, organisationId, householdId, phases, { kind: 'transition', id: '~new', on: input.on, phaseId: phase.id, createdAt: new Date().toISOString() }, async () => {
      await insertTransition(trx, { householdId, phaseId: phase.id, on: input.on, note: input.note ?? null, authorId: actor.userId });
    }),
  );
}

/** Records that a household left the process on a date, for a reason. */
export async function addExit(knex: Knex, actor: Actor, organisationId: string, householdId: string, input: ExitInput): Promise<void> {
  await getHousehold(knex, organisationId, householdId);
  const phases = await loadPhases(knex);
  const reason = (await listExitReasons(knex)).find((r) => r.key === input.reason);
  if (!reason) throw errors.validation([{ path: 'reason', message: 'Unknown exit reason' }]);
  if (!reason.active) throw errors.validation([{ path: 'reason', message: 'This exit reason is no longer used' }]);
  await inTransaction(knex, actor, (trx) =>
    recordEvent(trx, organisationId, householdId, phases, { kind: 'exit', id: '~new', on: input.on, reasonId: reason.id, createdAt: new Date().toISOString() }, async () => {
      await insertExit(trx, { householdId, reasonId: reason.id, on: input.on, note: input.note ?? null, authorId: actor.userId });
    }),
  );
}

/**
 * Moves households that have never been in any phase into `information` on the date of the
 * information session they attended. Runs inside the caller's transaction.
 */
export async function enterInformationAfterSession(
  trx: Knex.Transaction,
  householdIds: string[],
  session: { id: string; startsAt: Date },
  authorId: string | null,
): Promise<void> {
  if (householdIds.length === 0) return;
  const phases = await loadPhases(trx);
  const information = phaseByKey(phases, 'information');
  const histories = await loadHistories(trx, householdIds);
  for (const id of householdIds) {
    if ((histories.get(id) ?? []).length > 0) continue;
    await insertTransition(trx, { householdId: id, phaseId: information.id, on: brusselsDate(session.startsAt), note: null, authorId, sessionId: session.id });
  }
}

/**
 * Moves a household into a phase on a date inside the caller's transaction (a transition like any
 * other, checked against its history), unless on that date it already is in that phase or one of its
 * sub-steps. Returns whether a transition was recorded. The acquisitions deed uses it for `owner`.
 */
export async function enterPhaseUnlessThere(
  trx: Knex.Transaction,
  organisationId: string,
  householdId: string,
  phaseKey: string,
  on: string,
  v: { note: string | null; authorId: string | null },
): Promise<boolean> {
  const phases = await loadPhases(trx);
  const phase = phaseByKey(phases, phaseKey);
  if (!(await lockHousehold(trx, organisationId, householdId))) throw errors.notFound('household');
  const history = (await loadHistories(trx, [householdId])).get(householdId) ?? [];
  const { currentPhaseId } = replay(history.filter((e) => e.on <= on), phases);
  if (phases.find((p) => p.id === currentPhaseId)?.topKey === phase.key) return false;
  const problem = checkAddition(history, { kind: 'transition', id: '~new', on, phaseId: phase.id, createdAt: new Date().toISOString() }, phases);
  if (problem) throw PROBLEMS[problem]();
  await insertTransition(trx, { householdId, phaseId: phase.id, on, note: v.note, authorId: v.authorId });
  return true;
}

// ——— A household's journey ———

/** A transition with what the replay says about it. */
export type JourneyTransition = TransitionRecord & { reEntry: boolean };

/** Everything about one household's journey, in date order. */
export interface HouseholdJourney {
  phases: Phase[];
  exitReasons: ExitReason[];
  currentPhase: Phase | null;
  since: string | null;
  transitions: JourneyTransition[];
  exits: ExitRecord[];
  cohorts: Membership[];
  sessions: HouseholdSession[];
  nextSession: HouseholdSession | null;
  participation: Participation;
  timeline: TimelineItem[];
}

/** The next planned session a household is invited to, if any. */
export function nextSessionOf(sessions: HouseholdSession[], now: Date): HouseholdSession | null {
  return sessions.find((s) => s.status === 'planned' && s.startsAt.getTime() >= now.getTime()) ?? null;
}

/** Invitations and attendances of a household at held sessions. */
export function householdParticipation(sessions: HouseholdSession[]): Participation {
  const held = sessions.filter((s) => s.status === 'held');
  return participation(held.length, held.filter((s) => s.attended).length);
}

/** Loads and assembles a household's journey: derived phase, history, cohorts, sessions, timeline (rental advances read through `rental`, candidacy stages through `candidacies`). */
export async function householdJourney(
  knex: Knex,
  organisationId: string,
  householdId: string,
  rental: RentalAdvanceReader,
  candidacies: CandidacyStageReader = NO_CANDIDACY_STAGES,
  now = new Date(),
): Promise<HouseholdJourney> {
  await getHousehold(knex, organisationId, householdId);
  const [phases, reasons, transitions, exits, memberships, sessionsByHousehold, histories] = await Promise.all([
    loadPhases(knex),
    listExitReasons(knex),
    householdTransitions(knex, householdId),
    householdExits(knex, householdId),
    membershipsOf(knex, [householdId]),
    sessionsOfHouseholds(knex, [householdId]),
    loadHistories(knex, [householdId]),
  ]);
  const { steps, currentPhaseId, since } = replay(histories.get(householdId) ?? [], phases);
  const reEntries = new Set(steps.filter((s) => s.reEntry).map((s) => s.event.id));
  const byId = new Map<string, JourneyTransition | ExitRecord>([
    ...transitions.map((t) => [t.id, { ...t, reEntry: reEntries.has(t.id) }] as const),
    ...exits.map((x) => [x.id, x] as const),
  ]);
  // Transitions and exits in the history's own order (same-day moves by the phases' order).
  const ordered = steps.map((s) => byId.get(s.event.id)!);
  const journeyTransitions = ordered.filter((e): e is JourneyTransition => 'phaseKey' in e);
  const cohorts = memberships.get(householdId) ?? [];
  const sessions = sessionsByHousehold.get(householdId) ?? [];

  const timeline = sortTimeline([
    ordered.map((e): TimelineItem =>
      'phaseKey' in e
        ? { kind: 'transition', on: e.on, id: e.id, phase: e.phaseKey, reEntry: e.reEntry, note: e.note, author: e.author }
        : { kind: 'exit', on: e.on, id: e.id, reason: e.reasonKey, note: e.note, author: e.author },
    ),
    cohorts.map((c): TimelineItem => ({ kind: 'cohort', on: c.joinedOn, cohortId: c.cohortId, name: c.name, cohortKind: c.kind })),
    sessions.map((s): TimelineItem => ({
      kind: 'session', on: brusselsDate(s.startsAt), at: s.startsAt.toISOString(), sessionId: s.id, title: s.title, sessionKind: s.kind,
      status: s.status, outcome: sessionOutcome(s, now), people: s.people, cancelReason: s.cancelReason,
    })),
    (await savingsMilestones(knex, householdId)).map((m): TimelineItem => ({ kind: 'savings', ...m })),
    (await rental.milestonesOf(knex, organisationId, householdId)).map((m): TimelineItem => ({ kind: 'rental_deposit', ...m })),
    (await candidacies.stagesOf(knex, organisationId, householdId)).map((m): TimelineItem => ({ kind: 'candidacy_stage', ...m })),
  ]);

  return {
    phases,
    exitReasons: reasons,
    currentPhase: phases.find((p) => p.id === currentPhaseId) ?? null,
    since,
    transitions: journeyTransitions,
    exits: ordered.filter((e): e is ExitRecord => 'reasonKey' in e),
    cohorts,
    sessions,
    nextSession: nextSessionOf(sessions, now),
    participation: householdParticipation(sessions),
    timeline,
  };
}
