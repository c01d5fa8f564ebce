/**
 * Savings hooks: GECS groups, their pot and members, households' savings and movements, the money
 * operations (each posted with an Idempotency-Key) and the statement/CSV downloads. Types, query keys
 * and hooks of the savings API live here, in one place.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, saveBlob } from './client';
import type { DecimalString, Language } from './types';

// ——— shapes ———

export type ExitPolicy = 'refund_now' | 'refund_at_group_end' | 'refund_minus_costs';
export const EXIT_POLICIES: readonly ExitPolicy[] = ['refund_now', 'refund_at_group_end', 'refund_minus_costs'];
export type OfficerRole = 'president' | 'treasurer' | 'secretary';
export const OFFICER_ROLES: readonly OfficerRole[] = ['president', 'treasurer', 'secretary'];
export type AdvanceStatus = 'approved' | 'paid' | 'cancelled';
export type MonthStatus = 'paid' | 'partial' | 'unpaid' | 'in_progress';
export type EntryKind =
  | 'deposit_group'
  | 'deposit_individual'
  | 'advance_payment'
  | 'advance_repayment'
  | 'refund'
  | 'dividend'
  | 'reversal';
export const ENTRY_KINDS: readonly EntryKind[] = [
  'deposit_group',
  'deposit_individual',
  'advance_payment',
  'advance_repayment',
  'refund',
  'dividend',
  'reversal',
];

/** The facts of a group (POST/PATCH /api/groups answers, and every list row). */
export interface GroupFacts {
  id: string;
  name: string;
  cohort: string;
  startsOn: string;
  endsOn: string | null;
  exitPolicy: ExitPolicy;
  /** What a household leaving early pays under refund_minus_costs. */
  exitCost: DecimalString;
}

/** A row of GET /api/groups. */
export interface GroupSummary extends GroupFacts {
  activeMembers: number;
  potCash: DecimalString;
  /** The monthly amount in force this month; null when none applies yet (the group starts later). */
  monthlyAmount: DecimalString | null;
}

/** A monthly amount and the month's first day it applies from. */
export interface MonthlyAmount {
  from: string;
  amount: DecimalString;
}

/** Months behind of a member at a date. */
export interface Arrears {
  months: number;
  amount: DecimalString;
  oldestUnpaidMonth: string | null;
  oldestUnpaidDays: number | null;
}

/** A member of a group with its figures at a date. */
export interface GroupMember {
  householdId: string;
  displayName: string;
  reference: string;
  joinedOn: string;
  leftOn: string | null;
  officerRole: OfficerRole | null;
  groupSavings: DecimalString;
  outstandingAdvance: DecimalString;
  arrears: Arrears;
}

/** The pot at a date. available = cash − reserved; cash + outstanding advances = members' savings + unallocated. */
export interface PotFigures {
  on: string;
  cash: DecimalString;
  reserved: DecimalString;
  available: DecimalString;
  outstandingAdvances: DecimalString;
  membersSavings: DecimalString;
  unallocated: DecimalString;
}

/** A down-payment advance; `outstanding` is null unless it was paid. */
export interface Advance {
  id: string;
  groupId: string;
  householdId: string;
  amount: DecimalString;
  status: AdvanceStatus;
  approvedOn: string;
  paidOn: string | null;
  cancelledOn: string | null;
  cancelReason: string | null;
  note: string | null;
  outstanding: DecimalString | null;
  /** The candidacy whose compromis the advance paid the down payment of, if any. */
  candidacyId?: string | null;
  /** That candidacy's deed date: the repayment is expected then. */
  deedOn?: string | null;
  /** The deed date is today or past, the advance is paid and not fully repaid. */
  repaymentDue?: boolean;
}

/** A closed month of a group. */
export interface MonthClosing {
  month: string;
  closedAt: string;
  closedBy: string;
}

/** GET /api/groups/:id. */
export interface GroupDetail extends GroupFacts {
  on: string;
  monthlyAmounts: MonthlyAmount[];
  members: GroupMember[];
  pot: PotFigures;
  advances: Array<Advance & { household: { displayName: string; reference: string } | null }>;
  closings: MonthClosing[];
  closedThrough: string | null;
}

/** GET /api/groups/:id/check. */
export interface GroupCheck {
  ok: boolean;
  on: string;
  potCash: DecimalString;
  outstandingAdvances: DecimalString;
  membersSavings: DecimalString;
  unallocated: DecimalString;
  difference: DecimalString;
  lowestCash: DecimalString;
  runningBalancesMatch: boolean;
  problems: string[];
}

/** Effect of an entry on the accounts asked for, in their normal direction (+ grows, − shrinks). */
export interface EntryEffects {
  groupSavings?: DecimalString;
  individualSavings?: DecimalString;
  advance?: DecimalString;
  potCash?: DecimalString;
  unallocated?: DecimalString;
}

/** A journal entry as a movement line. */
export interface Entry {
  id: string;
  number: number;
  kind: EntryKind;
  valueDate: string;
  memo: string | null;
  bankReference: string | null;
  reason: string | null;
  groupId: string | null;
  householdId: string | null;
  advanceId: string | null;
  reverses: { id: string; number: number | null; valueDate: string | null; kind: EntryKind | null } | null;
  reversedBy: { id: string; number: number | null } | null;
  createdAt: string;
  /** Staff only. */
  createdBy?: string;
  effects: EntryEffects;
}

/** GET …/entries. */
export interface EntryList {
  from: string;
  to: string;
  items: Entry[];
}

/** One month of expected vs paid. */
export interface ExpectedMonth {
  month: string;
  due: DecimalString;
  paidInMonth: DecimalString;
  settled: DecimalString;
  status: MonthStatus;
}

/** GET /api/households/:id/savings. */
export interface HouseholdSavings {
  on: string;
  groupId: string | null;
  groupSavings: DecimalString;
  individualSavings: DecimalString;
  totalSavings: DecimalString;
  outstandingAdvance: DecimalString;
  arrears: Arrears;
  expected: { totalDue: DecimalString; totalPaid: DecimalString; months: ExpectedMonth[] } | null;
}

/** Body of POST /api/groups. */
export interface CreateGroupBody {
  name: string;
  cohort: string;
  startsOn: string;
  endsOn?: string | null;
  monthlyAmount: DecimalString;
  exitPolicy: ExitPolicy;
  exitCost?: DecimalString;
}

/** Body of PATCH /api/groups/:id: only what changes; `endsOn: null` removes the end date. */
export interface UpdateGroupBody {
  name?: string;
  cohort?: string;
  endsOn?: string | null;
  exitCost?: DecimalString;
}

/** Body of POST /api/households/:id/deposits. */
export interface DepositBody {
  target: 'group' | 'individual';
  amount: DecimalString;
  valueDate: string;
  bankReference?: string | null;
  note?: string | null;
}

/** Body of POST /api/groups/:id/advances. */
export interface AdvanceBody {
  householdId: string;
  amount: DecimalString;
  valueDate: string;
  status: 'approved' | 'paid';
  note?: string | null;
}

// ——— query keys ———

export const savingsKeys = {
  all: () => ['savings'] as const,
  groups: () => ['savings', 'groups'] as const,
  group: (id: string) => ['savings', 'group', id] as const,
  potSeries: (id: string, from: string, to: string) => ['savings', 'group', id, 'pot-series', from, to] as const,
  check: (id: string) => ['savings', 'group', id, 'check'] as const,
  groupEntries: (id: string, from: string, to: string) => ['savings', 'group', id, 'entries', from, to] as const,
  household: (id: string) => ['savings', 'household', id] as const,
  householdEntries: (id: string, from: string, to: string) => ['savings', 'household', id, 'entries', from, to] as const,
};

const groupPath = (id: string) => `/api/groups/${encodeURIComponent(id)}`;
const householdPath = (id: string) => `/api/households/${encodeURIComponent(id)}`;

// ——— reads ———

/** The organisation's groups with their active members and pot cash (staff). */
export function useGroups() {
  return useQuery({
    queryKey: savingsKeys.groups(),
    queryFn: ({ signal }) => api.get<{ items: GroupSummary[] }>('/api/groups', { signal }),
    select: (data) => data.items,
  });
}

/** One group today: facts, members, pot, advances, closings (staff). */
export function useGroup(id: string) {
  return useQuery({
    queryKey: savingsKeys.group(id),
    queryFn: ({ signal }) => api.get<GroupDetail>(groupPath(id), { signal }),
  });
}

/** Month-end pot figures between two dates, for the pot chart. */
export function usePotSeries(id: string, from: string, to: string) {
  return useQuery({
    queryKey: savingsKeys.potSeries(id, from, to),
    queryFn: ({ signal }) =>
      api.get<{ from: string; to: string; points: PotFigures[] }>(`${groupPath(id)}/pot/series`, { signal, query: { from, to } }),
    select: (data) => data.points,
  });
}

/** The invariant check of a group, recomputed from its postings. */
export function useGroupCheck(id: string) {
  return useQuery({
    queryKey: savingsKeys.check(id),
    queryFn: ({ signal }) => api.get<GroupCheck>(`${groupPath(id)}/check`, { signal }),
  });
}

/** A group's entries between two dates, oldest first. */
export function useGroupEntries(id: string, from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: savingsKeys.groupEntries(id, from, to),
    queryFn: ({ signal }) => api.get<EntryList>(`${groupPath(id)}/entries`, { signal, query: { from, to } }),
    select: (data) => data.items,
    enabled,
  });
}

/** A household's savings, advance and arrears today (staff, or the household itself). */
export function useHouseholdSavings(id: string) {
  return useQuery({
    queryKey: savingsKeys.household(id),
    queryFn: ({ signal }) => api.get<HouseholdSavings>(`${householdPath(id)}/savings`, { signal }),
  });
}

/** A household's movements between two dates, oldest first. */
export function useHouseholdEntries(id: string, from: string, to: string) {
  return useQuery({
    queryKey: savingsKeys.householdEntries(id, from, to),
    queryFn: ({ signal }) => api.get<EntryList>(`${householdPath(id)}/entries`, { signal, query: { from, to } }),
    select: (data) => data.items,
  });
}

// ——— writes ———

/** A fresh Idempotency-Key (crypto.randomUUID where the page is a secure context). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A money operation: its path, body and the dialog's Idempotency-Key. */
export interface MoneyRequest {
  path: string;
  body: unknown;
  idempotencyKey: string;
}

/** Paths of the money operations. */
export const moneyPaths = {
  deposit: (householdId: string) => `${householdPath(householdId)}/deposits`,
  refund: (householdId: string) => `${householdPath(householdId)}/refunds`,
  advance: (groupId: string) => `${groupPath(groupId)}/advances`,
  dividend: (groupId: string) => `${groupPath(groupId)}/dividends`,
  payAdvance: (advanceId: string) => `/api/advances/${encodeURIComponent(advanceId)}/pay`,
  cancelAdvance: (advanceId: string) => `/api/advances/${encodeURIComponent(advanceId)}/cancel`,
  repayment: (advanceId: string) => `/api/advances/${encodeURIComponent(advanceId)}/repayments`,
  reversal: (entryId: string) => `/api/entries/${encodeURIComponent(entryId)}/reversal`,
};

/**
 * Posts one money operation with its Idempotency-Key, then refreshes every savings figure on screen.
 * The key belongs to one dialog opening: a retry (double click, network failure, a corrected value
 * after a refusal) sends the same key, and the server posts at most once.
 */
export function useMoneyOperation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, idempotencyKey }: MoneyRequest) => api.post<unknown>(path, body, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: savingsKeys.all() }),
  });
}

/** A group change that moves no money (facts, member, officer, monthly amount, closing). */
export interface GroupRequest {
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  body: unknown;
}

/** Paths of the group changes that move no money. */
export const groupPaths = {
  groups: () => '/api/groups',
  /** PATCH: name, cohort, end date, exit cost (UpdateGroupBody). */
  group: (groupId: string) => groupPath(groupId),
  members: (groupId: string) => `${groupPath(groupId)}/members`,
  leave: (groupId: string, householdId: string) => `${groupPath(groupId)}/members/${encodeURIComponent(householdId)}/leave`,
  officer: (groupId: string, householdId: string) => `${groupPath(groupId)}/members/${encodeURIComponent(householdId)}/officer`,
  monthlyAmounts: (groupId: string) => `${groupPath(groupId)}/monthly-amounts`,
  closings: (groupId: string) => `${groupPath(groupId)}/closings`,
};

/** Sends a group change, then refreshes every savings figure on screen. */
export function useGroupChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: GroupRequest) => {
      if (method === 'PUT') return api.put<unknown>(path, body);
      if (method === 'PATCH') return api.patch<unknown>(path, body);
      return api.post<unknown>(path, body);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: savingsKeys.all() }),
  });
}

/** Creates a group (coordinators). */
export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGroupBody) => api.post<GroupFacts>('/api/groups', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: savingsKeys.groups() }),
  });
}

// ——— downloads ———

/** Downloads a file of the API and saves it under the server's name (Content-Disposition), else `fallbackName`. */
async function downloadFile(path: string, query: Record<string, string | undefined>, accept: string, fallbackName: string): Promise<void> {
  const { blob, filename } = await api.getBlob(path, { query, accept });
  saveBlob(blob, filename ?? fallbackName);
}

/** A period (YYYY-MM-DD both) of a statement or export. */
export interface Period {
  from: string;
  to: string;
}

/** Downloads a household's savings statement (PDF) for a period, in a language. */
export function useDownloadStatement(householdId: string) {
  return useMutation({
    mutationFn: ({ from, to, lang, fileName }: Period & { lang?: Language; fileName: string }) =>
      downloadFile(`${householdPath(householdId)}/statement.pdf`, { from, to, lang }, 'application/pdf', fileName),
  });
}

/** Downloads the statements of every member of a group (ZIP of PDFs) for a period. */
export function useDownloadGroupStatements(groupId: string) {
  return useMutation({
    mutationFn: ({ from, to, fileName }: Period & { fileName: string }) =>
      downloadFile(`${groupPath(groupId)}/statements.zip`, { from, to }, 'application/zip', fileName),
  });
}

/** Downloads a group's entries (CSV for Excel as used in Belgium) for a period. */
export function useDownloadEntriesCsv(groupId: string) {
  return useMutation({
    mutationFn: ({ from, to, fileName }: Period & { fileName: string }) =>
      downloadFile(`${groupPath(groupId)}/entries.csv`, { from, to }, 'text/csv', fileName),
  });
}
