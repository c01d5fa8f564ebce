/** Journey hooks and types: phases, a household's journey, moves and exits, the board, cohorts, sessions and figures. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';
import type { HouseholdFlags, Language, PersonRef } from './types';

/** A name in each language. */
export type Names = Record<Language, string>;

/** A phase or sub-step (GET /api/phases, and the `phases` of a journey). */
export interface Phase {
  key: string;
  /** The top-level phase of a sub-step; null for a top-level phase. */
  parentKey: string | null;
  position: number;
  names: Names;
}

/** A reason to leave the process. */
export interface ExitReason {
  key: string;
  position: number;
  names: Names;
  active: boolean;
}

export type SessionKind = 'information' | 'preparation_workshop' | 'action_workshop' | 'project_workshop' | 'group_meeting';
export const SESSION_KINDS: readonly SessionKind[] = ['information', 'preparation_workshop', 'action_workshop', 'project_workshop', 'group_meeting'];
export type SessionStatus = 'planned' | 'held' | 'cancelled';
export type SessionOutcome = 'upcoming' | 'invited' | 'attended' | 'missed' | 'cancelled';
export type CohortKind = 'preparation' | 'action';

/** Invitations to and attendances at held sessions; the rate is a four-place decimal string or null. */
export interface Participation {
  invitations: number;
  attendances: number;
  participationRate: string | null;
}

/** A session as seen from one household's journey. */
export interface HouseholdSession {
  id: string;
  kind: SessionKind;
  title: string;
  startsAt: string;
  place: string | null;
  online: boolean;
  status: SessionStatus;
  cancelReason: string | null;
  attended: boolean;
  people: number | null;
}

/** One entry of the journey timeline; new kinds (savings milestones) are added here and in TimelineList. */
export type TimelineItem =
  | { kind: 'transition'; on: string; id: string; phase: string; reEntry: boolean; note: string | null; author: PersonRef | null }
  | { kind: 'exit'; on: string; id: string; reason: string; note: string | null; author: PersonRef | null }
  | { kind: 'cohort'; on: string; cohortId: string; name: string; cohortKind: CohortKind }
  | {
      kind: 'session'; on: string; at: string; sessionId: string; title: string; sessionKind: SessionKind; status: SessionStatus;
      outcome: SessionOutcome; people: number | null; cancelReason: string | null;
    }
  | { kind: 'savings'; on: string; milestone: SavingsMilestone; groupId: string; groupName: string; amount: string | null }
  | {
      kind: 'rental_deposit'; on: string; milestone: 'opened' | 'released'; depositId: string; address: string;
      /** Opened: the guarantee placed; released: the amount the landlord let go of. */
      amount: string; landlordKept: string | null; toFund: string | null; toTenant: string | null;
    }
  | {
      /** A dated stage of an acquisition candidacy (docs/acquisitions.md). */
      kind: 'candidacy_stage'; on: string; candidacyId: string; projectId: string; projectName: string;
      stage: CandidacyStage; reasonKey: string | null;
    };

/** The stages of an acquisition candidacy, in order, and its withdrawal. */
export type CandidacyStage = 'interested' | 'candidate' | 'selected' | 'unit_allocated' | 'compromis' | 'credit_approved' | 'deed' | 'moved_in' | 'withdrawn';

/** A landmark of the household's savings in its GECS. */
export type SavingsMilestone = 'joined_group' | 'left_group' | 'advance_paid' | 'advance_repaid' | 'refunded';

/** GET /api/households/:id/journey. */
export interface Journey {
  currentPhase: string | null;
  since: string | null;
  transitions: Array<{ id: string; phase: string; on: string; reEntry: boolean; sessionId: string | null; note: string | null; author: PersonRef | null; createdAt: string }>;
  exits: Array<{ id: string; on: string; reason: string; note: string | null; author: PersonRef | null; createdAt: string }>;
  cohorts: Array<{ id: string; name: string; kind: CohortKind; startsOn: string; endsOn: string; joinedOn: string }>;
  sessions: HouseholdSession[];
  nextSession: HouseholdSession | null;
  participation: Participation;
  timeline: TimelineItem[];
  phases: Phase[];
  exitReasons: ExitReason[];
}

/** A household on the board. */
export interface BoardCard {
  id: string;
  reference: string;
  displayName: string;
  referent: PersonRef | null;
  flags: HouseholdFlags;
  phase: string | null;
  since: string | null;
  daysInPhase: number | null;
  nextSession: { id: string; kind: SessionKind; title: string; startsAt: string } | null;
  lastContactOn: string;
  warnings: Array<'no_contact' | 'arrears' | 'rental_arrears'>;
  /** Savings arrears in the household's GECS; null when up to date or not saving in a group. */
  arrears: { months: number; amount: string } | null;
  /** Rental-deposit instalments due and not covered; null when none. */
  rentalArrears: { instalments: number; amount: string; oldestDueOn: string } | null;
  cohorts: Array<{ id: string; name: string }>;
}

/** GET /api/board. */
export interface Board {
  today: string;
  exited: number;
  columns: Array<{ phase: string | null; cards: BoardCard[] }>;
}

/** Filters of the board, as sent to GET /api/board. */
export interface BoardParams {
  referentId?: string;
  cohortId?: string;
  flag?: 'singleParent' | 'pasSolo' | 'warning';
}

/** A cohort (GET /api/cohorts). */
export interface Cohort {
  id: string;
  name: string;
  kind: CohortKind;
  startsOn: string;
  endsOn: string;
  savingsGroupId: string | null;
  membersCount: number;
}

/** A cohort with its members (GET /api/cohorts/:id). */
export interface CohortDetail extends Cohort {
  members: Array<{ householdId: string; reference: string; displayName: string; joinedOn: string; currentPhase: string | null }>;
  participation: Participation;
}

/** A session or workshop (GET /api/sessions). */
export interface Session {
  id: string;
  kind: SessionKind;
  title: string;
  startsAt: string;
  place: string | null;
  online: boolean;
  cohort: { id: string; name: string } | null;
  savingsGroupId: string | null;
  project: string | null;
  /** The acquisition project the session is about, if linked (its figures count the session). */
  projectId: string | null;
  facilitator: string | null;
  status: SessionStatus;
  cancelReason: string | null;
  notes: string | null;
  invitations: number;
  attendances: number;
  participationRate: string | null;
}

/** A session with its invited households (GET /api/sessions/:id). */
export interface SessionDetail extends Session {
  households: Array<{ householdId: string; reference: string; displayName: string; attended: boolean; people: number | null }>;
}

/** Body of POST /api/sessions. */
export interface SessionCreateBody {
  kind: SessionKind;
  title: string;
  startsAt: string;
  place?: string | null;
  online?: boolean;
  cohortId?: string | null;
  project?: string | null;
  projectId?: string | null;
  facilitator?: string | null;
  notes?: string | null;
}

/** Body of PUT /api/sessions/:id/attendance. */
export interface AttendanceBody {
  invited: string[];
  attended: Array<{ householdId: string; people: number }>;
}

/** GET /api/sessions/stats. */
export interface SessionStats extends Participation {
  year: number;
  planned: number;
  held: number;
  cancelled: number;
  months: Array<{ month: string; planned: number; held: number; cancelled: number }>;
}

/** GET /api/board/funnel. */
export interface Funnel {
  year: number;
  phases: Array<{ phase: string; entered: number }>;
  exits: Array<{ reason: string; count: number }>;
  conversion: { informed: number; reachedAction: number; rate: string | null };
}

/** Query keys of the journey resources (all under 'journey', so one invalidation refreshes them). */
export const journeyKeys = {
  all: () => ['journey'] as const,
  phases: () => ['journey', 'phases'] as const,
  exitReasons: () => ['journey', 'exitReasons'] as const,
  household: (id: string) => ['journey', 'household', id] as const,
  board: (params: BoardParams) => ['journey', 'board', params] as const,
  funnel: (year: number) => ['journey', 'funnel', year] as const,
  stats: (year: number, kind?: SessionKind) => ['journey', 'stats', year, kind ?? 'all'] as const,
  cohorts: () => ['journey', 'cohorts'] as const,
  sessions: (from: string, to: string) => ['journey', 'sessions', from, to] as const,
  session: (id: string) => ['journey', 'session', id] as const,
};

const householdPath = (id: string) => `/api/households/${encodeURIComponent(id)}`;
const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

/** After any journey change: every journey view, and the household records that carry currentPhase. */
function refreshAfterChange(queryClient: QueryClient, householdId?: string) {
  void queryClient.invalidateQueries({ queryKey: journeyKeys.all() });
  void queryClient.invalidateQueries({ queryKey: householdId ? queryKeys.households.detail(householdId) : queryKeys.households.all() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.households.lists() });
}

/** Every phase and sub-step in order (staff). */
export function usePhases() {
  return useQuery({
    queryKey: journeyKeys.phases(),
    queryFn: ({ signal }) => api.get<{ items: Phase[] }>('/api/phases', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

/** Every exit reason (staff). */
export function useExitReasons() {
  return useQuery({
    queryKey: journeyKeys.exitReasons(),
    queryFn: ({ signal }) => api.get<{ items: ExitReason[] }>('/api/exit-reasons', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

/** A household's journey (staff, or the household itself). */
export function useHouseholdJourney(id: string) {
  return useQuery({
    queryKey: journeyKeys.household(id),
    queryFn: ({ signal }) => api.get<Journey>(`${householdPath(id)}/journey`, { signal }),
  });
}

/** Moves a household into a phase on a date. */
export function useAddTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ householdId, ...body }: { householdId: string; phase: string; on: string; note?: string | null }) =>
      api.post<Journey>(`${householdPath(householdId)}/transitions`, body),
    onSuccess: (journey, { householdId }) => {
      queryClient.setQueryData(journeyKeys.household(householdId), journey);
      refreshAfterChange(queryClient, householdId);
    },
  });
}

/** Records that a household left the process. */
export function useAddExit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ householdId, ...body }: { householdId: string; reason: string; on: string; note?: string | null }) =>
      api.post<Journey>(`${householdPath(householdId)}/exits`, body),
    onSuccess: (journey, { householdId }) => {
      queryClient.setQueryData(journeyKeys.household(householdId), journey);
      refreshAfterChange(queryClient, householdId);
    },
  });
}

/** The referent's board. */
export function useBoard(params: BoardParams) {
  return useQuery({
    queryKey: journeyKeys.board(params),
    queryFn: ({ signal }) => api.get<Board>('/api/board', { signal, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

/** The funnel of a year. */
export function useFunnel(year: number) {
  return useQuery({
    queryKey: journeyKeys.funnel(year),
    queryFn: ({ signal }) => api.get<Funnel>('/api/board/funnel', { signal, query: { year } }),
    placeholderData: keepPreviousData,
  });
}

/** The session figures of a year, optionally of one kind. */
export function useSessionStats(year: number, kind?: SessionKind) {
  return useQuery({
    queryKey: journeyKeys.stats(year, kind),
    queryFn: ({ signal }) => api.get<SessionStats>('/api/sessions/stats', { signal, query: { year, kind } }),
    placeholderData: keepPreviousData,
  });
}

/** The organisation's cohorts. */
export function useCohorts() {
  return useQuery({
    queryKey: journeyKeys.cohorts(),
    queryFn: ({ signal }) => api.get<{ items: Cohort[] }>('/api/cohorts', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

/** Sessions between two dates (inclusive, Brussels calendar). */
export function useSessions(from: string, to: string) {
  return useQuery({
    queryKey: journeyKeys.sessions(from, to),
    queryFn: ({ signal }) => api.get<{ items: Session[] }>('/api/sessions', { signal, query: { from, to } }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

/** One session with its invited households. */
export function useSession(id: string | null) {
  return useQuery({
    queryKey: journeyKeys.session(id ?? ''),
    queryFn: ({ signal }) => api.get<SessionDetail>(sessionPath(id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** Plans a session. */
export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionCreateBody) => api.post<Session>('/api/sessions', body),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** Marks a session held, or cancels it with a reason. */
export function useSessionStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'held' | 'cancel'; reason?: string }) =>
      api.post<Session>(`${sessionPath(id)}/${action}`, action === 'cancel' ? { reason } : {}),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** Sets who was invited to a session and who came. */
export function useSetAttendance(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceBody) => api.put<SessionDetail>(`${sessionPath(id)}/attendance`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(journeyKeys.session(id), detail);
      refreshAfterChange(queryClient);
    },
  });
}

/** One cohort with its households. */
export function useCohort(id: string | null) {
  return useQuery({
    queryKey: [...journeyKeys.cohorts(), id ?? ''] as const,
    queryFn: ({ signal }) => api.get<CohortDetail>(`/api/cohorts/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}
