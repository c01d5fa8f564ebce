import type { Board } from './board.service.ts';
import type { Cohort } from './cohorts.repository.ts';
import type { CohortMemberView } from './cohorts.service.ts';
import type { Phase } from './journey.history.ts';
import type { ExitReason } from './journey.repository.ts';
import type { HouseholdJourney } from './journey.service.ts';
import type { TimelineItem } from './journey.timeline.ts';
import { ratio, type Participation } from './participation.ts';
import type { HouseholdSession, Invitation, Session } from './sessions.repository.ts';

type Viewer = 'staff' | 'household';

/** A phase or sub-step. */
export function presentPhase(p: Phase) {
  return { key: p.key, parentKey: p.parentKey, position: p.position, names: p.names };
}

/** An exit reason. */
export function presentExitReason(r: ExitReason) {
  return { key: r.key, position: r.position, names: r.names, active: r.active };
}

/** A session as a household's journey shows it. */
export function presentHouseholdSession(s: HouseholdSession) {
  return {
    id: s.id, kind: s.kind, title: s.title, startsAt: s.startsAt.toISOString(), place: s.place, online: s.online, status: s.status,
    cancelReason: s.cancelReason, attended: s.attended, people: s.people,
  };
}

/** A timeline entry; staff notes and authors stay with staff. */
function presentTimelineItem(item: TimelineItem, viewer: Viewer) {
  if (viewer === 'household' && (item.kind === 'transition' || item.kind === 'exit')) return { ...item, note: null, author: null };
  return item;
}

/**
 * A household's journey. The household reading its own journey gets the same facts without the
 * staff's notes and authors.
 */
export function presentJourney(j: HouseholdJourney, viewer: Viewer) {
  const staff = viewer === 'staff';
  return {
    currentPhase: j.currentPhase?.key ?? null,
    since: j.since,
    transitions: j.transitions.map((t) => ({
      id: t.id, phase: t.phaseKey, on: t.on, reEntry: t.reEntry, sessionId: t.sessionId,
      note: staff ? t.note : null, author: staff ? t.author : null, createdAt: t.createdAt.toISOString(),
    })),
    exits: j.exits.map((x) => ({
      id: x.id, on: x.on, reason: x.reasonKey, note: staff ? x.note : null, author: staff ? x.author : null, createdAt: x.createdAt.toISOString(),
    })),
    cohorts: j.cohorts.map((c) => ({ id: c.cohortId, name: c.name, kind: c.kind, startsOn: c.startsOn, endsOn: c.endsOn, joinedOn: c.joinedOn })),
    sessions: j.sessions.map(presentHouseholdSession),
    nextSession: j.nextSession ? presentHouseholdSession(j.nextSession) : null,
    participation: j.participation,
    timeline: j.timeline.map((item) => presentTimelineItem(item, viewer)),
    phases: j.phases.map(presentPhase),
    exitReasons: j.exitReasons.map(presentExitReason),
  };
}

/** A session or workshop with its counts; participationRate only means something once held. */
export function presentSession(s: Session) {
  return {
    id: s.id, kind: s.kind, title: s.title, startsAt: s.startsAt.toISOString(), place: s.place, online: s.online,
    cohort: s.cohort, savingsGroupId: s.savingsGroupId, project: s.project, projectId: s.projectId, facilitator: s.facilitator, status: s.status,
    cancelReason: s.cancelReason, notes: s.notes, invitations: s.invitations, attendances: s.attendances,
    participationRate: s.status === 'held' ? ratio(s.attendances, s.invitations) : null,
    createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(),
  };
}

/** An invited household and its attendance. */
export function presentInvitation(i: Invitation) {
  return { householdId: i.householdId, reference: i.reference, displayName: i.displayName, attended: i.attended, people: i.people };
}

/** A cohort. */
export function presentCohort(c: Cohort) {
  return {
    id: c.id, name: c.name, kind: c.kind, startsOn: c.startsOn, endsOn: c.endsOn, savingsGroupId: c.savingsGroupId,
    membersCount: c.membersCount, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}

/** A cohort with its members and participation. */
export function presentCohortDetail(d: { cohort: Cohort; members: CohortMemberView[]; participation: Participation }) {
  return { ...presentCohort(d.cohort), members: d.members, participation: d.participation };
}

/** The board. */
export function presentBoard(b: Board) {
  return {
    today: b.today,
    exited: b.exited,
    columns: b.columns.map((c) => ({
      phase: c.phase,
      cards: c.cards.map((card) => ({
        ...card,
        nextSession: card.nextSession ? { id: card.nextSession.id, kind: card.nextSession.kind, title: card.nextSession.title, startsAt: card.nextSession.startsAt.toISOString() } : null,
      })),
    })),
  };
}
