import { today } from '../../lib/dates.ts';
import type { Knex } from 'knex';
import type { Language } from '../../lib/locale.ts';

// The one place where a household's phase is derived from its history. The history is a list of dated
// transitions and exits; replaying it in order gives the current phase, when it began and which
// transitions were re-entries. Nothing else stores or computes a current phase.

/** A name in each language. */
export type Names = Record<Language, string>;

/** A phase or sub-step, with its place in the one global order. */
export interface Phase {
  id: string;
  key: string;
  /** The parent phase's key for a sub-step; null for the four top-level phases. */
  parentKey: string | null;
  position: number;
  names: Names;
  /** The top-level phase this phase belongs to (itself for a top-level phase): the board's column. */
  topKey: string;
  /** Rank in the global order: a phase before its sub-steps, sub-steps before the next phase. */
  order: number;
}

/** A transition or an exit, as replayed. */
export type JourneyEvent =
  | { kind: 'transition'; id: string; on: string; phaseId: string; createdAt: string }
  | { kind: 'exit'; id: string; on: string; reasonId: string; createdAt: string };

/** One replayed event with the phase before and after it. */
export interface ReplayStep {
  event: JourneyEvent;
  before: string | null;
  after: string | null;
  /** A transition that brings back a household that had left. */
  reEntry: boolean;
}

/** The state a history leads to. */
export interface Replay {
  steps: ReplayStep[];
  /** Id of the current phase; null before any transition and after an exit. */
  currentPhaseId: string | null;
  /** When the household entered its current phase. */
  since: string | null;
  hasExited: boolean;
}

type PhaseRow = { id: string; key: string; parent_id: string | null; position: number; name_fr: string; name_nl: string; name_en: string };

/** Orders phase rows: top-level phases by position, each followed by its sub-steps by position. */
export function orderPhases(rows: PhaseRow[]): Phase[] {
  const tops = rows.filter((r) => r.parent_id === null).sort((a, b) => a.position - b.position);
  const out: Phase[] = [];
  for (const top of tops) {
    const family = [top, ...rows.filter((r) => r.parent_id === top.id).sort((a, b) => a.position - b.position)];
    for (const r of family) {
      out.push({
        id: r.id,
        key: r.key,
        parentKey: r.parent_id ? top.key : null,
        position: r.position,
        names: { fr: r.name_fr, nl: r.name_nl, en: r.name_en },
        topKey: top.key,
        order: out.length,
      });
    }
  }
  return out;
}

/**
 * Sorts a history: by date; on one day transitions come before exits, transitions in the phases'
 * order (a household that went from information to preparation on one day ends in preparation),
 * then by recording time.
 */
export function sortEvents(events: JourneyEvent[], phases: Phase[]): JourneyEvent[] {
  const rank = new Map(phases.map((p) => [p.id, p.order]));
  const key = (e: JourneyEvent) => (e.kind === 'transition' ? (rank.get(e.phaseId) ?? 0) : Number.MAX_SAFE_INTEGER);
  return [...events].sort(
    (a, b) => a.on.localeCompare(b.on) || key(a) - key(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** Replays a history (in any order) and says where it leads. */
export function replay(events: JourneyEvent[], phases: Phase[]): Replay {
  let current: string | null = null;
  let since: string | null = null;
  let hasExited = false;
  const steps: ReplayStep[] = [];
  for (const event of sortEvents(events, phases)) {
    const before = current;
    if (event.kind === 'transition') {
      steps.push({ event, before, after: event.phaseId, reEntry: before === null && hasExited });
      if (current !== event.phaseId) since = event.on;
      current = event.phaseId;
    } else {
      steps.push({ event, before, after: null, reEntry: false });
      current = null;
      since = null;
      hasExited = true;
    }
  }
  return { steps, currentPhaseId: current, since, hasExited };
}

/** Why adding an event to a history is refused, if it is. */
export type HistoryProblem = 'already_in_phase' | 'not_in_journey' | 'orphan_exit';

/**
 * Checks a history with one more event: a transition must change the phase at its place in the
 * history, an exit must leave a phase, and no later exit may be left without a phase to leave.
 */
export function checkAddition(events: JourneyEvent[], added: JourneyEvent, phases: Phase[]): HistoryProblem | null {
  const { steps } = replay([...events, added], phases);
  const step = steps.find((s) => s.event === added)!;
  if (added.kind === 'transition' && step.before === added.phaseId) return 'already_in_phase';
  if (added.kind === 'exit' && step.before === null) return 'not_in_journey';
  if (steps.some((s) => s.event.kind === 'exit' && s.before === null)) return 'orphan_exit';
  return null;
}

/** All phases in the global order. */
export async function loadPhases(knex: Knex): Promise<Phase[]> {
  return orderPhases((await knex('phases').select('id', 'key', 'parent_id', 'position', 'name_fr', 'name_nl', 'name_en')) as PhaseRow[]);
}

/** The histories of some households (every household in the list gets an entry, maybe empty). */
export async function loadHistories(knex: Knex, householdIds: string[]): Promise<Map<string, JourneyEvent[]>> {
  const out = new Map<string, JourneyEvent[]>(householdIds.map((id) => [id, []]));
  if (householdIds.length === 0) return out;
  const transitions = (await knex('journey_transitions')
    .whereIn('household_id', householdIds)
    .select('id', 'household_id', 'entered_on', 'phase_id', 'created_at')) as Array<{ id: string; household_id: string; entered_on: string; phase_id: string; created_at: Date }>;
  const exits = (await knex('journey_exits')
    .whereIn('household_id', householdIds)
    .select('id', 'household_id', 'left_on', 'reason_id', 'created_at')) as Array<{ id: string; household_id: string; left_on: string; reason_id: string; created_at: Date }>;
  for (const t of transitions) {
    out.get(t.household_id)!.push({ kind: 'transition', id: t.id, on: t.entered_on, phaseId: t.phase_id, createdAt: t.created_at.toISOString() });
  }
  for (const x of exits) {
    out.get(x.household_id)!.push({ kind: 'exit', id: x.id, on: x.left_on, reasonId: x.reason_id, createdAt: x.created_at.toISOString() });
  }
  return out;
}

/** The current phase key (or null) of each household, derived from its history. */
export async function currentPhaseKeys(knex: Knex, householdIds: string[]): Promise<Map<string, string | null>> {
  if (householdIds.length === 0) return new Map();
  const phases = await loadPhases(knex);
  const keyOf = new Map(phases.map((p) => [p.id, p.key]));
  const histories = await loadHistories(knex, householdIds);
  return new Map(householdIds.map((id) => {
    const { currentPhaseId } = replay(histories.get(id) ?? [], phases);
    return [id, currentPhaseId ? (keyOf.get(currentPhaseId) ?? null) : null];
  }));
}

/** The calendar date of a timestamp in Brussels, where every session takes place. */
export function brusselsDate(at: Date | string): string {
  return today(new Date(at));
}
