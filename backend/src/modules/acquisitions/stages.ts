/**
 * The rules of dated, ordered histories (pure): a candidacy's stages and a project's statuses. The
 * history is the record; the current stage is derived. Back-dated entries are allowed, an entry is
 * recorded at most once, and dates must follow the order (an earlier stage never after a later one).
 * Stages may be skipped forward. docs/acquisitions.md, "Stages".
 */

export const STAGES = ['interested', 'candidate', 'selected', 'unit_allocated', 'compromis', 'credit_approved', 'deed', 'moved_in'] as const;
export type ProgressStage = (typeof STAGES)[number];
export type Stage = ProgressStage | 'withdrawn';
export const ALL_STAGES: readonly Stage[] = [...STAGES, 'withdrawn'];

export const PROJECT_STATUSES = ['prospect', 'open', 'allocating', 'under_construction', 'delivered', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const UNIT_STATUSES = ['available', 'reserved', 'allocated', 'sold'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** One dated entry of an ordered history. */
export interface Dated<K extends string> {
  key: K;
  on: string;
}

/** Why adding an entry to an ordered history is refused, if it is. */
export type OrderProblem = 'recorded' | 'out_of_order';

/**
 * Checks one more entry of a history ordered by `order`: not yet recorded, and every recorded entry
 * earlier in the order dated on or before it, every later one on or after it.
 */
export function checkOrdered<K extends string>(order: readonly K[], history: Dated<K>[], added: Dated<K>): OrderProblem | null {
  if (history.some((h) => h.key === added.key)) return 'recorded';
  const rank = order.indexOf(added.key);
  for (const h of history) {
    const r = order.indexOf(h.key);
    if (r < rank && h.on > added.on) return 'out_of_order';
    if (r > rank && h.on < added.on) return 'out_of_order';
  }
  return null;
}

/** The entry latest in the order (the current status or stage), or null for an empty history. */
export function latestInOrder<K extends string>(order: readonly K[], history: Dated<K>[]): Dated<K> | null {
  let found: Dated<K> | null = null;
  for (const h of history) if (!found || order.indexOf(h.key) > order.indexOf(found.key)) found = h;
  return found;
}

/** Why recording a stage is refused, if it is. */
export type StageProblem = OrderProblem | 'closed' | 'completed';

/** Checks a new stage against a candidacy's history (withdrawn: before a deed, on or after every stage). */
export function checkStage(history: Dated<Stage>[], added: Dated<Stage>): StageProblem | null {
  if (history.some((h) => h.key === 'withdrawn' || h.key === 'moved_in')) return 'closed';
  if (added.key === 'withdrawn') {
    if (history.some((h) => h.key === 'deed')) return 'completed';
    return history.some((h) => h.on > added.on) ? 'out_of_order' : null;
  }
  return checkOrdered<Stage>(STAGES, history, added);
}

/** The current stage of a history: withdrawn once withdrawn, else the stage latest in the order. */
export function currentStage(history: Dated<Stage>[]): Dated<Stage> | null {
  return history.find((h) => h.key === 'withdrawn') ?? latestInOrder<Stage>(STAGES, history.filter((h) => h.key !== 'withdrawn'));
}

/** Whether nothing more may be recorded (moved in, or withdrawn). */
export function isClosed(history: Dated<Stage>[]): boolean {
  return history.some((h) => h.key === 'withdrawn' || h.key === 'moved_in');
}

/** The rank of the furthest progress stage reached (a skipped stage counts as reached when a later one is); -1 for none. */
export function furthestReached(history: Dated<Stage>[]): number {
  return Math.max(-1, ...history.filter((h) => h.key !== 'withdrawn').map((h) => STAGES.indexOf(h.key as ProgressStage)));
}

/** Whether a candidacy has reached a stage (itself or any later one). */
export function hasReached(history: Dated<Stage>[], stage: ProgressStage): boolean {
  return furthestReached(history) >= STAGES.indexOf(stage);
}

/**
 * A unit's status from the current stage of the live candidacy holding it (null: none holds it).
 * Up to selected the unit is set aside (reserved); from its allocation to the credit it is allocated;
 * from the deed it is sold.
 */
export function unitStatusOf(holderStage: Stage | null): UnitStatus {
  if (holderStage === null || holderStage === 'withdrawn') return 'available';
  const rank = STAGES.indexOf(holderStage);
  if (rank >= STAGES.indexOf('deed')) return 'sold';
  if (rank >= STAGES.indexOf('unit_allocated')) return 'allocated';
  return 'reserved';
}
