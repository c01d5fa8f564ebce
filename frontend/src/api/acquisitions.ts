/**
 * Acquisition hooks: partner projects and their units, households' candidacies and their dated
 * stages (compromis, deed and the acquisition), the purchase-cost simulator, and the acquisitions
 * charts. Types, query keys and hooks of the acquisitions API live here, in one place. Amounts are
 * the API's decimal strings, never JS numbers.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { journeyKeys } from './journey';
import { queryKeys } from './queryKeys';
import { savingsKeys } from './savings';
import type { Names } from './journey';
import type { DecimalString, PersonRef } from './types';

// ——— shapes ———

export type Partner = 'fonds_du_logement' | 'cltb' | 'citydev' | 'private_market' | 'other';
export const PARTNERS: readonly Partner[] = ['fonds_du_logement', 'cltb', 'citydev', 'private_market', 'other'];
export type Tenure = 'full_ownership' | 'clt_ground_lease' | 'citydev_conditions';
export const TENURES: readonly Tenure[] = ['full_ownership', 'clt_ground_lease', 'citydev_conditions'];
export type ProjectStatus = 'prospect' | 'open' | 'allocating' | 'under_construction' | 'delivered' | 'closed';
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['prospect', 'open', 'allocating', 'under_construction', 'delivered', 'closed'];
export type UnitStatus = 'available' | 'reserved' | 'allocated' | 'sold';
export const UNIT_STATUSES: readonly UnitStatus[] = ['available', 'reserved', 'allocated', 'sold'];
export type TaxRegime = 'vat' | 'registration_duties';

/** The stages of a candidacy in their order; `withdrawn` may follow any of them. */
export type CandidacyStage =
  | 'interested'
  | 'candidate'
  | 'selected'
  | 'unit_allocated'
  | 'compromis'
  | 'credit_approved'
  | 'deed'
  | 'moved_in'
  | 'withdrawn';
export const FORWARD_STAGES = ['interested', 'candidate', 'selected', 'unit_allocated', 'compromis', 'credit_approved', 'deed', 'moved_in'] as const satisfies readonly CandidacyStage[];
export const STAGES: readonly CandidacyStage[] = [...FORWARD_STAGES, 'withdrawn'];

/** A rate, share or percentage as the API writes it: a decimal fraction as a string ("0.035" is 3.5 %, "0.30" is 30 %). */
export type RateString = string;

/** A dated rule of a project (it applies from `from` until the next one). */
export interface ProjectRule {
  from: string;
  deferredPriceAllowed: boolean;
  deferredPriceMaxPercent: RateString | null;
  /** Yearly, in euros. */
  incomeCeiling: DecimalString | null;
  incomeCeilingPerDependent: DecimalString | null;
  occupancyYears: number | null;
  cltResaleSharePercent: RateString | null;
  note: string | null;
}

/** A row of GET /api/projects: counts of candidacies by current stage, units by status. */
export interface ProjectSummary {
  id: string;
  name: string;
  partner: Partner;
  partnerName: string | null;
  tenure: Tenure;
  commune: string | null;
  address: string | null;
  homes: number;
  status: ProjectStatus;
  statusSince: string | null;
  candidaciesByStage: Partial<Record<CandidacyStage, number>>;
  unitsByStatus: Partial<Record<UnitStatus, number>>;
}

/** A home of a project. */
export interface Unit {
  id: string;
  projectId: string;
  label: string;
  floor: number | null;
  bedrooms: number | null;
  /** m², a decimal string. */
  floorArea: string | null;
  price: DecimalString | null;
  taxRegime: TaxRegime;
  vatRate: RateString | null;
  landShare: DecimalString | null;
  /** Derived from the live candidacy holding it. */
  status: UnitStatus;
  /** The live candidacy holding it, if any. */
  candidacyId: string | null;
}

/** One dated stage of a candidacy's history (`note` and `author` are for staff only). */
export interface StageEntry {
  stage: CandidacyStage;
  on: string;
  note?: string | null;
  unitId: string | null;
  reasonKey: string | null;
  author?: PersonRef | null;
}

/** The compromis: signed on a date, at a price, with a down payment (acompte). */
export interface Compromis {
  on: string;
  price: DecimalString;
  downPayment: DecimalString;
}

/** The loan of a purchase. */
export interface Loan {
  lender: string | null;
  amount: DecimalString;
  annualRate: RateString;
  years: number;
  monthlyPayment: DecimalString;
}

/** The figures of a purchase, recorded at the deed. */
export interface Acquisition {
  deedOn: string;
  notary: string | null;
  price: DecimalString;
  taxRegime: TaxRegime;
  vatRate: RateString | null;
  landShare: DecimalString | null;
  vat: DecimalString;
  deferredPercent: RateString;
  deferredAmount: DecimalString;
  registrationDuties: DecimalString;
  notaryFees: DecimalString;
  ownFunds: DecimalString;
  totalCost: DecimalString;
  loan: Loan | null;
}

/** The pot advance linked to a candidacy (the one not cancelled, else the latest cancelled one). */
export interface CandidacyAdvance {
  id: string;
  groupId: string;
  amount: DecimalString;
  status: 'approved' | 'paid' | 'cancelled';
  approvedOn: string;
  paidOn: string | null;
  outstanding: DecimalString | null;
  /** The deed date, once there is a deed: the repayment is expected then. */
  repaymentExpectedOn: string | null;
  /** The deed date is today or past, the advance is paid and not fully repaid. */
  repaymentDue: boolean;
}

/** A candidacy as listed on a project page. */
export interface ProjectCandidacy {
  id: string;
  householdId: string;
  household: { displayName: string; reference: string };
  currentStage: CandidacyStage;
  since: string;
  unitId: string | null;
}

/** GET /api/candidacies/:id (and each item of GET /api/households/:id/candidacies). */
export interface CandidacyDetail {
  id: string;
  projectId: string;
  project: { id: string; name: string; partner: Partner };
  householdId: string;
  household: { displayName: string; reference: string };
  currentStage: CandidacyStage;
  since: string;
  closed: boolean;
  stages: StageEntry[];
  unit: Unit | null;
  compromis: Compromis | null;
  acquisition: Acquisition | null;
  advance: CandidacyAdvance | null;
}

/** The figures of a project: candidacies that reached each stage, withdrawals, workshop participation. */
export interface ProjectFigures {
  interested: number;
  candidates: number;
  selected: number;
  compromis: number;
  deeds: number;
  withdrawals: Array<{ reasonKey: string; count: number }>;
  workshops: { invitations: number; attendances: number; participationRate: string | null };
}

/** GET /api/projects/:id. */
export interface ProjectDetail extends ProjectSummary {
  notes: string | null;
  statuses: Array<{ status: ProjectStatus; on: string; note: string | null }>;
  rules: ProjectRule[];
  currentRules: ProjectRule | null;
  units: Unit[];
  candidacies: ProjectCandidacy[];
  figures: ProjectFigures;
}

/** A reason a candidacy is withdrawn, from the configurable list. */
export interface WithdrawalReason {
  key: string;
  position: number;
  names: Names;
  active: boolean;
}

/** The deed's figures in a stage body; every figure left out is pre-filled by the server (the simulator's rules). */
export interface DeedBody {
  notary?: string;
  onlyHome?: boolean;
  price?: DecimalString;
  deferredPercent?: RateString;
  deferredAmount?: DecimalString;
  registrationDuties?: DecimalString;
  notaryFees?: DecimalString;
  vat?: DecimalString;
  ownFunds?: DecimalString;
  loan?: { lender?: string; amount?: DecimalString; annualRate: RateString; years: number; monthlyPayment?: DecimalString };
}

/** Body of POST /api/candidacies/:id/stages; `compromis`, `deed` and `withdrawal` go only with their own stage. */
export interface StageBody {
  stage: CandidacyStage;
  on: string;
  note?: string;
  unitId?: string;
  compromis?: { price?: DecimalString; downPayment: DecimalString };
  deed?: DeedBody;
  withdrawal?: { reasonKey: string; note?: string; confirmCancelAdvance?: boolean };
}

/** Body of POST /api/simulations/purchase. */
export interface SimulationBody {
  price: DecimalString;
  compromisOn: string;
  onlyHome: boolean;
  vat?: { rate: RateString; landShare: DecimalString };
  deferredPercent?: RateString;
  ownFunds: DecimalString;
  loan: { annualRate: RateString; years: number };
  householdId?: string;
}

/** The answer of the simulator: every amount a decimal string, computed by the server. */
export interface Simulation {
  price: DecimalString;
  vat: DecimalString;
  registrationDuties: DecimalString;
  /** The fee on the legal scale. */
  notaryFees: DecimalString;
  notaryFeesVat: DecimalString;
  adminCosts: DecimalString;
  totalCost: DecimalString;
  deferredAmount: DecimalString;
  ownFunds: DecimalString;
  loanAmount: DecimalString;
  /** The equivalent monthly rate (1 + i)^(1/12) − 1, ten places. */
  monthlyRate: RateString;
  monthlyPayment: DecimalString;
  totalRepaid: DecimalString;
  /** Monthly payment ÷ monthly income, four places ("0.3500"); null without a household or a known income. */
  affordability: RateString | null;
  monthlyIncome: DecimalString | null;
  rules: {
    registrationDuties: { from: string; rate: RateString; reliefAmount: DecimalString; reliefCeiling: DecimalString; source: string };
    notaryFees: { from: string; vatRate: RateString; adminCostsEstimate: DecimalString; source: string };
  };
}

/** GET /api/acquisitions/series: deeds per month and per project. */
export interface AcquisitionSeries {
  from: string;
  to: string;
  months: string[];
  projects: Array<{ id: string; name: string; deeds: number[]; total: number }>;
  totals: number[];
}

/** GET /api/projects/:id/funnel: how many candidacies reached each stage. */
export interface ProjectFunnel {
  projectId: string;
  stages: Array<{ stage: CandidacyStage; reached: number }>;
  withdrawn: number;
}

/** Buckets [from, to) of a distribution. */
export interface Buckets {
  width: DecimalString;
  buckets: Array<{ from: DecimalString; to: DecimalString; count: number }>;
}

/** GET /api/acquisitions/distribution?year: the year's deeds and their price, loan and deferred-price buckets. */
export interface AcquisitionDistribution {
  year: number;
  count: number;
  items: Array<{ candidacyId: string; projectId: string; deedOn: string; price: DecimalString; loanAmount: DecimalString | null; deferredAmount: DecimalString | null }>;
  price: Buckets;
  loan: Buckets;
  deferred: Buckets;
}

// ——— query keys ———

export const acquisitionKeys = {
  all: () => ['acquisitions'] as const,
  projects: () => ['acquisitions', 'projects'] as const,
  project: (id: string) => ['acquisitions', 'project', id] as const,
  funnel: (id: string) => ['acquisitions', 'project', id, 'funnel'] as const,
  candidacy: (id: string) => ['acquisitions', 'candidacy', id] as const,
  household: (id: string) => ['acquisitions', 'household', id] as const,
  series: (from: string, to: string) => ['acquisitions', 'series', from, to] as const,
  distribution: (year: number) => ['acquisitions', 'distribution', year] as const,
  withdrawalReasons: () => ['acquisitions', 'withdrawalReasons'] as const,
};

const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`;
const candidacyPath = (id: string) => `/api/candidacies/${encodeURIComponent(id)}`;

// ——— reads ———

/** The projects with their counts by stage and units by status (staff). */
export function useProjects() {
  return useQuery({
    queryKey: acquisitionKeys.projects(),
    queryFn: ({ signal }) => api.get<{ items: ProjectSummary[] }>('/api/projects', { signal }),
    select: (data) => data.items,
  });
}

/** One project: facts, rules, units, candidacies and figures (staff). */
export function useProject(id: string) {
  return useQuery({
    queryKey: acquisitionKeys.project(id),
    queryFn: ({ signal }) => api.get<ProjectDetail>(projectPath(id), { signal }),
  });
}

/** How many of a project's candidacies reached each stage. */
export function useProjectFunnel(id: string | null) {
  return useQuery({
    queryKey: acquisitionKeys.funnel(id ?? ''),
    queryFn: ({ signal }) => api.get<ProjectFunnel>(`${projectPath(id ?? '')}/funnel`, { signal }),
    enabled: Boolean(id),
  });
}

/** One candidacy with its history, compromis, acquisition and linked advance (staff, or its household). */
export function useCandidacy(id: string | null) {
  return useQuery({
    queryKey: acquisitionKeys.candidacy(id ?? ''),
    queryFn: ({ signal }) => api.get<CandidacyDetail>(candidacyPath(id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** A household's candidacies, each in full (staff, or the household itself). */
export function useHouseholdCandidacies(householdId: string) {
  return useQuery({
    queryKey: acquisitionKeys.household(householdId),
    queryFn: ({ signal }) => api.get<{ items: CandidacyDetail[] }>(`/api/households/${encodeURIComponent(householdId)}/candidacies`, { signal }),
    select: (data) => data.items,
  });
}

/** Deeds per month and per project between two dates (staff). */
export function useAcquisitionSeries(from: string, to: string) {
  return useQuery({
    queryKey: acquisitionKeys.series(from, to),
    queryFn: ({ signal }) => api.get<AcquisitionSeries>('/api/acquisitions/series', { signal, query: { from, to } }),
    placeholderData: keepPreviousData,
  });
}

/** The deeds of a year and the distribution of their price, loan and deferred price (staff). */
export function useAcquisitionDistribution(year: number) {
  return useQuery({
    queryKey: acquisitionKeys.distribution(year),
    queryFn: ({ signal }) => api.get<AcquisitionDistribution>('/api/acquisitions/distribution', { signal, query: { year } }),
    placeholderData: keepPreviousData,
  });
}

/** The configurable reasons a candidacy can be withdrawn. */
export function useWithdrawalReasons() {
  return useQuery({
    queryKey: acquisitionKeys.withdrawalReasons(),
    queryFn: ({ signal }) => api.get<{ items: WithdrawalReason[] }>('/api/withdrawal-reasons', { signal }),
    select: (data) => data.items,
    staleTime: 60 * 60 * 1000,
  });
}

// ——— writes ———

/** Runs the purchase-cost simulator (stores nothing). */
export function useSimulation() {
  return useMutation({
    mutationFn: (body: SimulationBody) => api.post<Simulation>('/api/simulations/purchase', body),
  });
}

/** Records a dated stage of a candidacy; refreshes the acquisitions, the journey (the deed moves it) and the savings (a withdrawal may cancel an advance). */
export function useAddStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ candidacyId, body }: { candidacyId: string; body: StageBody }) => api.post<CandidacyDetail>(`${candidacyPath(candidacyId)}/stages`, body),
    onSuccess: (candidacy) => {
      // The answer is the candidacy as it now is: a dialog that goes on (to the advance, to the repayment) reads it at once.
      queryClient.setQueryData(acquisitionKeys.candidacy(candidacy.id), candidacy);
      void queryClient.invalidateQueries({ queryKey: acquisitionKeys.all() });
      void queryClient.invalidateQueries({ queryKey: journeyKeys.all() });
      void queryClient.invalidateQueries({ queryKey: savingsKeys.all() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.households.all() });
    },
  });
}

/** Opens a candidacy of a household to a project. */
export function useCreateCandidacy(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { householdId: string; on: string; note?: string }) => api.post<CandidacyDetail>(`${projectPath(projectId)}/candidacies`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: acquisitionKeys.all() }),
  });
}

/** Posts the pot advance of a candidacy's down payment, or the repayment at its deed, then refreshes the acquisitions too. */
export function useCandidacyMoney() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, idempotencyKey }: { path: string; body: unknown; idempotencyKey: string }) =>
      api.post<unknown>(path, body, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: acquisitionKeys.all() });
      void queryClient.invalidateQueries({ queryKey: savingsKeys.all() });
    },
  });
}

/** Creates a project (coordinators); the body is shaped by projectForm.ts. */
export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<ProjectDetail>('/api/projects', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: acquisitionKeys.projects() }),
  });
}

/** Adds a home to a project (coordinators). */
export function useCreateUnit(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<Unit>(`${projectPath(projectId)}/units`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: acquisitionKeys.all() }),
  });
}

/** Records a dated status of a project (coordinators). */
export function useAddProjectStatus(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { status: ProjectStatus; on: string; note?: string }) => api.post<ProjectDetail>(`${projectPath(projectId)}/statuses`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: acquisitionKeys.all() }),
  });
}

/** Changes a project's facts (coordinators); the body is shaped by projectForm.ts. */
export function useUpdateProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<ProjectDetail>(projectPath(projectId), body),
    onSuccess: (project) => {
      queryClient.setQueryData(acquisitionKeys.project(project.id), project);
      void queryClient.invalidateQueries({ queryKey: acquisitionKeys.all() });
    },
  });
}

/** Changes a home of a project (coordinators). */
export function useUpdateUnit(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<Unit>(`/api/units/${encodeURIComponent(unitId)}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: acquisitionKeys.all() }),
  });
}

/** Adds a dated rule to a project (coordinators); one rule per date. */
export function useAddProjectRule(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<ProjectDetail>(`${projectPath(projectId)}/rules`, body),
    onSuccess: (project) => {
      queryClient.setQueryData(acquisitionKeys.project(project.id), project);
      void queryClient.invalidateQueries({ queryKey: acquisitionKeys.all() });
    },
  });
}
