/** Shapes of the JSON the API returns and accepts. Amounts are decimal strings ("1850.00"). */

export type Role = 'coordinator' | 'referent' | 'household';
export type StaffRole = 'coordinator' | 'referent';
export type Language = 'fr' | 'nl' | 'en';
export type AccountStatus = 'none' | 'code_issued' | 'active';
export type MemberKind = 'adult' | 'child';
/** A fixed-scale decimal amount in euros, e.g. "1850.00". Never a JS number. */
export type DecimalString = string;

/** The logged-in person, as returned by login and /api/auth/me. */
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  email?: string;
  householdId?: string;
  preferredLanguage?: Language;
}

/** Body of POST /api/auth/login and GET /api/auth/me. */
export interface Session {
  user: SessionUser;
  csrfToken: string;
}

/** A staff account as listed by GET /api/users. */
export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  createdAt: string;
}

/** A reference to a staff member. */
export interface PersonRef {
  id: string;
  name: string;
}

/** The two flags the service tracks on a household. */
export interface HouseholdFlags {
  singleParent: boolean;
  pasSolo: boolean;
}

/** A row of GET /api/households. */
export interface HouseholdSummary {
  id: string;
  reference: string;
  displayName: string;
  commune: string | null;
  preferredLanguage: Language;
  referent: PersonRef | null;
  flags: HouseholdFlags;
  membersCount: number;
  account: { status: AccountStatus };
  /** Phase key of the journey (derived from its history), or null. */
  currentPhase: string | null;
}

/** One page of GET /api/households. */
export interface HouseholdPage {
  items: HouseholdSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** A household member as stored. */
export interface Member {
  id: string;
  firstName: string;
  lastName: string;
  kind: MemberKind;
  birthYear: number | null;
}

/** The full household record (GET/POST/PATCH /api/households[/:id]). */
export interface Household {
  id: string;
  reference: string;
  structuredCommunication: string;
  displayName: string;
  members: Member[];
  phone: string | null;
  email: string | null;
  preferredLanguage: Language;
  commune: string | null;
  dependents: number;
  monthlyIncome: DecimalString | null;
  referent: PersonRef | null;
  referentId: string | null;
  flags: HouseholdFlags;
  /** Absent when a household reads its own record. */
  notes?: string | null;
  account: { status: AccountStatus; codeExpiresAt: string | null };
  /** The phase key the household's journey is in (derived from its history); null before it starts or after an exit. */
  currentPhase: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A member in a create/update body. */
export interface MemberInput {
  firstName: string;
  lastName: string;
  kind: MemberKind;
  birthYear?: number | null;
}

/** Body of POST /api/households. */
export interface HouseholdCreateBody {
  displayName: string;
  members: MemberInput[];
  phone?: string;
  email?: string;
  preferredLanguage: Language;
  commune?: string;
  dependents?: number;
  monthlyIncome?: DecimalString;
  referentId?: string;
  flags?: HouseholdFlags;
  notes?: string;
}

/** Body of PATCH /api/households/:id: only what changed; null clears an optional field. */
export interface HouseholdPatchBody {
  displayName?: string;
  members?: MemberInput[];
  phone?: string | null;
  email?: string | null;
  preferredLanguage?: Language;
  commune?: string | null;
  dependents?: number;
  monthlyIncome?: DecimalString | null;
  referentId?: string | null;
  flags?: HouseholdFlags;
  notes?: string | null;
}

/**
 * The fields of a household a body may set besides `members` and `flags`, as the API names them in
 * bodies, field errors (`path`) and history entries.
 */
export const HOUSEHOLD_FIELDS = [
  'displayName',
  'phone',
  'email',
  'preferredLanguage',
  'commune',
  'dependents',
  'monthlyIncome',
  'referentId',
  'notes',
] as const satisfies readonly (keyof HouseholdCreateBody)[];

/** The fields of a member (paths `members.<index>.<field>`). */
export const MEMBER_FIELDS = ['firstName', 'lastName', 'kind', 'birthYear'] as const satisfies readonly (keyof MemberInput)[];

/** The flags of a household (paths `flags.<flag>`). */
export const FLAG_FIELDS = ['singleParent', 'pasSolo'] as const satisfies readonly (keyof HouseholdFlags)[];

/** One change inside an audit entry. */
export interface HistoryChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One entry of GET /api/households/:id/history. */
export interface HistoryEntry {
  id: string;
  at: string;
  actor: PersonRef | null;
  actorLabel: string;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  changes: HistoryChange[];
}

/** Result of POST /api/households/:id/activation. */
export interface ActivationCode {
  code: string;
  expiresAt: string;
}
