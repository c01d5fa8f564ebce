import type { SavingsMilestoneKind } from '../gecs/figures.service.ts';
import type { Author } from './journey.repository.ts';
import type { CohortKind, SessionKind, SessionStatus } from './journey.schemas.ts';
import type { RentalMilestone } from './rental-advances.ts';
import type { CandidacyStageMilestone } from './candidacies.ts';

/** How a household stands with a session it was invited to. */
export type SessionOutcome = 'upcoming' | 'invited' | 'attended' | 'missed' | 'cancelled';

/**
 * One entry of a household's journey timeline. To show another kind of entry (e.g. savings
 * milestones), add a member here with its own `kind`, produce the items in householdJourney()
 * (journey.service.ts) and draw them in the timeline component (frontend TimelineList).
 */
export type TimelineItem =
  | { kind: 'transition'; on: string; id: string; phase: string; reEntry: boolean; note: string | null; author: Author }
  | { kind: 'exit'; on: string; id: string; reason: string; note: string | null; author: Author }
  | { kind: 'cohort'; on: string; cohortId: string; name: string; cohortKind: CohortKind }
  | {
      kind: 'session'; on: string; at: string; sessionId: string; title: string; sessionKind: SessionKind; status: SessionStatus;
      outcome: SessionOutcome; people: number | null; cancelReason: string | null;
    }
  | { kind: 'savings'; on: string; milestone: SavingsMilestoneKind; groupId: string; groupName: string; amount: string | null }
  | ({ kind: 'rental_deposit' } & RentalMilestone)
  | ({ kind: 'candidacy_stage' } & CandidacyStageMilestone);

// On one day: what happened at a session first (it may have moved the household), then cohorts,
// then phase changes (already in the history's order), exits last.
// A candidacy's stage (e.g. the deed) comes before the phase change it causes.
const KIND_RANK: Record<TimelineItem['kind'], number> = { session: 0, cohort: 1, savings: 2, rental_deposit: 3, candidacy_stage: 4, transition: 5, exit: 6 };

/** Merges timeline parts into one chronological list (stable: equal items keep their given order). */
export function sortTimeline(parts: TimelineItem[][]): TimelineItem[] {
  return parts.flat().sort((a, b) => {
    const at = (i: TimelineItem) => ('at' in i ? i.at : '');
    return a.on.localeCompare(b.on) || KIND_RANK[a.kind] - KIND_RANK[b.kind] || at(a).localeCompare(at(b));
  });
}

/** How a household stands with a session, given the session's state and the time now. */
export function sessionOutcome(s: { status: SessionStatus; attended: boolean; startsAt: Date }, now: Date): SessionOutcome {
  if (s.status === 'cancelled') return 'cancelled';
  if (s.status === 'held') return s.attended ? 'attended' : 'missed';
  return s.startsAt.getTime() >= now.getTime() ? 'upcoming' : 'invited';
}
