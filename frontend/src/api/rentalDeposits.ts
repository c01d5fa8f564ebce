/**
 * Rental-deposit hooks: the fund (figures, series, entries, closings, check), the advances (list,
 * one advance, release preview), the money operations (each posted with an Idempotency-Key) and the
 * letter/statement downloads. Types, query keys and hooks of the rental-deposit API live here, in one
 * place (docs/rental-deposits.md is the contract).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, saveBlob } from './client';
import type { DecimalString, Language } from './types';

// ——— shapes ———

export type DepositStatus = 'open' | 'released' | 'closed' | 'cancelled';
export const DEPOSIT_STATUSES: readonly DepositStatus[] = ['open', 'released', 'closed', 'cancelled'];
export type InstalmentState = 'paid' | 'partial' | 'late' | 'due' | 'upcoming';
export type RentalEntryKind = 'fund_contribution' | 'deposit_opening' | 'deposit_repayment' | 'deposit_release' | 'deposit_write_off' | 'reversal';
export const RENTAL_ENTRY_KINDS: readonly RentalEntryKind[] = [
  'fund_contribution',
  'deposit_opening',
  'deposit_repayment',
  'deposit_release',
  'deposit_write_off',
  'reversal',
];

/** GET /api/rental-deposit-fund: the fund at a date. `available` is the lowest cash from `on` on (what may be placed that day). */
export interface RentalFund {
  /** Null until the fund's first operation creates it. */
  id: string | null;
  name: string;
  iban: string | null;
  on: string;
  cash: DecimalString;
  owedByTenants: DecimalString;
  /** The guarantees currently on blocked accounts (a memo figure: not the fund's money). */
  placed: DecimalString;
  openCount: number;
  available: DecimalString;
  contributions: DecimalString;
  writtenOff: DecimalString;
  /** The last closed month ('YYYY-MM'), or null. */
  closedThrough: string | null;
}

/** One month-end of GET /api/rental-deposit-fund/series. */
export interface FundSeriesItem {
  month: string;
  on: string;
  cash: DecimalString;
  owedByTenants: DecimalString;
  placed: DecimalString;
  openCount: number;
}

/** Effects of a fund entry on the fund's accounts, in their normal direction (+ grows, − shrinks). */
export interface FundEntryEffects {
  fund_cash?: DecimalString;
  fund_capital?: DecimalString;
  deposit_receivable?: DecimalString;
  fund_write_offs?: DecimalString;
}

/** A journal entry of the fund. */
export interface FundEntry {
  id: string;
  number: number;
  kind: string;
  valueDate: string;
  householdId: string | null;
  depositId: string | null;
  effects: FundEntryEffects;
  memo: string | null;
  bankReference: string | null;
  reason: string | null;
  reversesEntryNumber: number | null;
  /** The kind of the entry a reversal corrects. */
  reversesEntryKind: string | null;
  reversedByEntryNumber: number | null;
  createdBy: string | null;
  createdAt: string;
}

/** A closed month of the fund. */
export interface FundClosing {
  month: string;
  closedAt: string;
  closedBy: string;
}

/** GET /api/rental-deposit-fund/check, recomputed from the postings. */
export interface FundCheck {
  ok: boolean;
  cash: DecimalString;
  owedByTenants: DecimalString;
  contributions: DecimalString;
  writtenOff: DecimalString;
  invariantHolds: boolean;
  runningBalancesMatch: boolean;
}

/** A household as an advance names it. */
export interface DepositHousehold {
  id: string;
  displayName: string;
  reference: string;
}

/** Instalments due and not fully covered at a date. */
export interface DepositArrears {
  instalments: number;
  amount: DecimalString;
  oldestDueOn: string | null;
  oldestAgeDays: number | null;
}

/** The next instalment to pay. */
export interface NextInstalment {
  dueOn: string;
  amount: DecimalString;
}

/** A row of GET /api/rental-deposits and GET /api/households/:id/rental-deposits. */
export interface DepositSummary {
  id: string;
  household: DepositHousehold;
  address: string;
  landlordName: string;
  amount: DecimalString;
  openedOn: string;
  releasedOn: string | null;
  status: DepositStatus;
  owed: DecimalString;
  arrears: DepositArrears;
  nextInstalment: NextInstalment | null;
}

/** The repayment plan: a fixed monthly instalment, or a number of months. */
export type DepositPlan = { instalment: DecimalString } | { months: number };

/** One instalment of the schedule and how much of it is covered. */
export interface ScheduleLine {
  number: number;
  dueOn: string;
  amount: DecimalString;
  covered: DecimalString;
  state: InstalmentState;
}

/** An entry as an advance lists it; `amount` is its effect on what is owed (+ grows, − shrinks). */
export interface DepositEntry {
  id: string;
  number: number;
  kind: string;
  valueDate: string;
  amount: DecimalString;
  memo: string | null;
  bankReference: string | null;
  reason: string | null;
  reversesEntryNumber: number | null;
  reversesEntryKind: string | null;
  reversedByEntryNumber: number | null;
  createdBy: string | null;
  createdAt: string;
}

/** What a release did. */
export interface DepositRelease {
  releasedOn: string;
  landlordKept: DecimalString;
  released: DecimalString;
  toFund: DecimalString;
  toTenant: DecimalString;
}

/** GET /api/rental-deposits/:id: one advance at a date. */
export interface Deposit {
  id: string;
  household: DepositHousehold & { preferredLanguage: Language };
  landlord: { name: string; phone: string | null; email: string | null };
  address: string;
  monthlyRent: DecimalString;
  amount: DecimalString;
  openedOn: string;
  bank: string | null;
  blockedAccountReference: string | null;
  /** 12 digits; shown as +++123/4567/89012+++. */
  structuredCommunication: string;
  fundIban: string | null;
  plan: DepositPlan;
  firstDueOn: string;
  on: string;
  status: DepositStatus;
  placed: boolean;
  paid: DecimalString;
  releasedToFund: DecimalString;
  writtenOff: DecimalString;
  owed: DecimalString;
  arrears: DepositArrears;
  nextInstalment: NextInstalment | null;
  schedule: ScheduleLine[];
  release: DepositRelease | null;
  /** When the opening was reversed. */
  cancelled: { on: string; reason: string } | null;
  entries: DepositEntry[];
  createdAt: string;
}

/** GET /api/rental-deposits/:id/release-preview (stores nothing). */
export interface ReleasePreview {
  released: DecimalString;
  toFund: DecimalString;
  toTenant: DecimalString;
  remainingOwed: DecimalString;
}

/** Body of POST /api/rental-deposits. */
export interface CreateDepositBody {
  householdId: string;
  landlord: { name: string; phone?: string; email?: string };
  address: string;
  monthlyRent: DecimalString;
  amount: DecimalString;
  openedOn: string;
  bank?: string;
  blockedAccountReference?: string;
  plan: DepositPlan;
  firstDueOn: string;
}

/** Body of PATCH /api/rental-deposit-fund: only what changes; an empty IBAN removes it. */
export interface UpdateFundBody {
  name?: string;
  iban?: string;
}

// ——— query keys ———

export const rentalDepositKeys = {
  all: () => ['rentalDeposits'] as const,
  fund: () => ['rentalDeposits', 'fund'] as const,
  series: (from: string, to: string) => ['rentalDeposits', 'fund', 'series', from, to] as const,
  entries: (from: string, to: string) => ['rentalDeposits', 'fund', 'entries', from, to] as const,
  closings: () => ['rentalDeposits', 'fund', 'closings'] as const,
  check: () => ['rentalDeposits', 'fund', 'check'] as const,
  list: (status?: DepositStatus) => ['rentalDeposits', 'list', status ?? 'all'] as const,
  deposit: (id: string) => ['rentalDeposits', 'deposit', id] as const,
  releasePreview: (id: string, releasedOn: string, landlordKept: string) => ['rentalDeposits', 'deposit', id, 'release-preview', releasedOn, landlordKept] as const,
  household: (householdId: string) => ['rentalDeposits', 'household', householdId] as const,
};

const FUND = '/api/rental-deposit-fund';
const depositPath = (id: string) => `/api/rental-deposits/${encodeURIComponent(id)}`;

// ——— reads ———

/** The fund today: its figures and bank account (staff). */
export function useRentalFund() {
  return useQuery({
    queryKey: rentalDepositKeys.fund(),
    queryFn: ({ signal }) => api.get<RentalFund>(FUND, { signal }),
  });
}

/** Month-end fund figures between two months ('YYYY-MM'), for the fund chart. */
export function useFundSeries(from: string, to: string) {
  return useQuery({
    queryKey: rentalDepositKeys.series(from, to),
    queryFn: ({ signal }) => api.get<{ items: FundSeriesItem[] }>(`${FUND}/series`, { signal, query: { from, to } }),
    select: (data) => data.items,
  });
}

/** The fund's entries between two dates. */
export function useFundEntries(from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: rentalDepositKeys.entries(from, to),
    queryFn: ({ signal }) => api.get<{ items: FundEntry[] }>(`${FUND}/entries`, { signal, query: { from, to } }),
    select: (data) => data.items,
    enabled,
  });
}

/** The fund's closed months. */
export function useFundClosings() {
  return useQuery({
    queryKey: rentalDepositKeys.closings(),
    queryFn: ({ signal }) => api.get<{ items: FundClosing[] }>(`${FUND}/closings`, { signal }),
    select: (data) => data.items,
  });
}

/** The fund's invariant check, recomputed from its postings. */
export function useFundCheck() {
  return useQuery({
    queryKey: rentalDepositKeys.check(),
    queryFn: ({ signal }) => api.get<FundCheck>(`${FUND}/check`, { signal }),
  });
}

/** Every advance of the organisation, optionally of one status (staff). */
export function useRentalDeposits(status?: DepositStatus) {
  return useQuery({
    queryKey: rentalDepositKeys.list(status),
    queryFn: ({ signal }) => api.get<{ items: DepositSummary[] }>('/api/rental-deposits', { signal, query: { status } }),
    select: (data) => data.items,
  });
}

/** One advance today (staff, or the household it belongs to). */
export function useRentalDeposit(id: string) {
  return useQuery({
    queryKey: rentalDepositKeys.deposit(id),
    queryFn: ({ signal }) => api.get<Deposit>(depositPath(id), { signal }),
  });
}

/** A household's advances (staff, or the household itself). */
export function useHouseholdRentalDeposits(householdId: string) {
  return useQuery({
    queryKey: rentalDepositKeys.household(householdId),
    queryFn: ({ signal }) => api.get<{ items: DepositSummary[] }>(`/api/households/${encodeURIComponent(householdId)}/rental-deposits`, { signal }),
    select: (data) => data.items,
  });
}

/** What a release would give the fund and the tenant (the server computes it; nothing is stored). */
export function useReleasePreview(id: string, releasedOn: string, landlordKept: string, enabled: boolean) {
  return useQuery({
    queryKey: rentalDepositKeys.releasePreview(id, releasedOn, landlordKept),
    queryFn: ({ signal }) => api.get<ReleasePreview>(`${depositPath(id)}/release-preview`, { signal, query: { releasedOn, landlordKept } }),
    enabled,
    retry: false,
  });
}

// ——— writes ———

/** Paths of the writes. */
export const rentalPaths = {
  fund: () => FUND,
  contributions: () => `${FUND}/contributions`,
  closings: () => `${FUND}/closings`,
  reversal: (entryId: string) => `${FUND}/entries/${encodeURIComponent(entryId)}/reversal`,
  deposits: () => '/api/rental-deposits',
  repayments: (id: string) => `${depositPath(id)}/repayments`,
  release: (id: string) => `${depositPath(id)}/release`,
  /** Reopens a release that moved no money (one that cleared a debt is undone by reversing its entry). */
  undoRelease: (id: string) => `${depositPath(id)}/release/undo`,
  writeOff: (id: string) => `${depositPath(id)}/write-off`,
};

/** One write of the rental-deposit API, with the dialog's Idempotency-Key. */
export interface RentalRequest {
  method?: 'POST' | 'PATCH';
  path: string;
  body: unknown;
  idempotencyKey: string;
}

/**
 * Sends one write with its Idempotency-Key, then refreshes every rental-deposit figure on screen.
 * The key belongs to one dialog opening (or one form): a retry sends the same key and the server
 * posts at most once.
 */
export function useRentalOperation<T = unknown>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body, idempotencyKey }: RentalRequest) => {
      const options = { headers: { 'Idempotency-Key': idempotencyKey } };
      return method === 'PATCH' ? api.patch<T>(path, body, options) : api.post<T>(path, body, options);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rentalDepositKeys.all() }),
  });
}

// ——— downloads ———

/** Downloads an advance's repayment letter (PDF) in a language. */
export function useDownloadDepositLetter(id: string) {
  return useMutation({
    mutationFn: async ({ lang, fileName }: { lang: Language; fileName: string }) => {
      const { blob, filename } = await api.getBlob(`${depositPath(id)}/letter.pdf`, { query: { lang }, accept: 'application/pdf' });
      saveBlob(blob, filename ?? fileName);
    },
  });
}

/** Downloads an advance's statement (PDF) for a period, in a language. */
export function useDownloadDepositStatement(id: string) {
  return useMutation({
    mutationFn: async ({ from, to, lang, fileName }: { from: string; to: string; lang: Language; fileName: string }) => {
      const { blob, filename } = await api.getBlob(`${depositPath(id)}/statement.pdf`, { query: { from, to, lang }, accept: 'application/pdf' });
      saveBlob(blob, filename ?? fileName);
    },
  });
}
