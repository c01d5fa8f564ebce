/** Pure helpers between the household form (strings, as typed) and API bodies. No fetching, no React. */
import {
  FLAG_FIELDS,
  HOUSEHOLD_FIELDS,
  MEMBER_FIELDS,
  type Household,
  type HouseholdCreateBody,
  type HouseholdPatchBody,
  type Language,
  type MemberInput,
  type MemberKind,
} from '../../api/types';
import { formatAmountInput, normaliseAmount } from '../../i18n/format';

/** One member row as edited in the form. `key` only identifies the row on screen. */
export interface MemberFormValues {
  key: string;
  firstName: string;
  lastName: string;
  kind: MemberKind;
  birthYear: string;
}

/** Every field of the household form, as typed by the user. */
export interface HouseholdFormValues {
  displayName: string;
  members: MemberFormValues[];
  phone: string;
  email: string;
  preferredLanguage: Language;
  commune: string;
  dependents: string;
  monthlyIncome: string;
  referentId: string;
  singleParent: boolean;
  pasSolo: boolean;
  notes: string;
}

let rowCounter = 0;
/** A fresh, empty member row. */
export function emptyMember(kind: MemberKind = 'adult'): MemberFormValues {
  rowCounter += 1;
  return { key: `row-${rowCounter}`, firstName: '', lastName: '', kind, birthYear: '' };
}

/** Values of the form for a new household (one empty adult row). */
export function emptyHouseholdForm(language: Language = 'fr'): HouseholdFormValues {
  return {
    displayName: '',
    members: [emptyMember()],
    phone: '',
    email: '',
    preferredLanguage: language,
    commune: '',
    dependents: '',
    monthlyIncome: '',
    referentId: '',
    singleParent: false,
    pasSolo: false,
    notes: '',
  };
}

/** Values of the form for an existing household; the income is written as readers of `language` type it. */
export function householdToForm(household: Household, language: Language): HouseholdFormValues {
  return {
    displayName: household.displayName,
    members: household.members.map((member) => ({
      key: `member-${member.id}`,
      firstName: member.firstName,
      lastName: member.lastName,
      kind: member.kind,
      birthYear: member.birthYear === null ? '' : String(member.birthYear),
    })),
    phone: household.phone ?? '',
    email: household.email ?? '',
    preferredLanguage: household.preferredLanguage,
    commune: household.commune ?? '',
    dependents: String(household.dependents),
    monthlyIncome: household.monthlyIncome === null ? '' : formatAmountInput(household.monthlyIncome, language),
    referentId: household.referentId ?? household.referent?.id ?? '',
    singleParent: household.flags.singleParent,
    pasSolo: household.flags.pasSolo,
    notes: household.notes ?? '',
  };
}

/** A whole number from a numeric input (which only lets digits through); undefined when empty. */
function wholeNumber(input: string): number | undefined {
  const text = input.trim();
  return /^\d+$/.test(text) ? Number.parseInt(text, 10) : undefined;
}

function memberToInput(member: MemberFormValues): MemberInput {
  const birthYear = wholeNumber(member.birthYear);
  return {
    firstName: member.firstName.trim(),
    lastName: member.lastName.trim(),
    kind: member.kind,
    ...(birthYear === undefined ? {} : { birthYear }),
  };
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The body of POST /api/households: empty optional fields are left out. */
export function formToCreateBody(values: HouseholdFormValues): HouseholdCreateBody {
  const body: HouseholdCreateBody = {
    displayName: values.displayName.trim(),
    members: values.members.map(memberToInput),
    preferredLanguage: values.preferredLanguage,
    flags: { singleParent: values.singleParent, pasSolo: values.pasSolo },
  };
  const phone = optional(values.phone);
  const email = optional(values.email);
  const commune = optional(values.commune);
  const notes = optional(values.notes);
  const referentId = optional(values.referentId);
  const dependents = wholeNumber(values.dependents);
  const income = normaliseAmount(values.monthlyIncome);
  if (phone !== undefined) body.phone = phone;
  if (email !== undefined) body.email = email;
  if (commune !== undefined) body.commune = commune;
  if (notes !== undefined) body.notes = notes;
  if (referentId !== undefined) body.referentId = referentId;
  if (dependents !== undefined) body.dependents = dependents;
  if (income !== '') body.monthlyIncome = income;
  return body;
}

function sameMembers(a: MemberInput[], b: MemberInput[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The body of PATCH /api/households/:id: only the fields that changed; a cleared optional field is
 * sent as null; `members` is sent whole when any member changed (it replaces the list).
 */
export function formToPatchBody(values: HouseholdFormValues, initial: HouseholdFormValues): HouseholdPatchBody {
  const next = formToCreateBody(values);
  const before = formToCreateBody(initial);
  const body: HouseholdPatchBody = {};
  if (next.displayName !== before.displayName) body.displayName = next.displayName;
  if (next.preferredLanguage !== before.preferredLanguage) body.preferredLanguage = next.preferredLanguage;
  if (!sameMembers(next.members, before.members)) body.members = next.members;
  if (values.singleParent !== initial.singleParent || values.pasSolo !== initial.pasSolo) {
    body.flags = { singleParent: values.singleParent, pasSolo: values.pasSolo };
  }
  const optionalKeys = ['phone', 'email', 'commune', 'notes', 'referentId', 'monthlyIncome'] as const;
  for (const key of optionalKeys) {
    if (next[key] !== before[key]) Object.assign(body, { [key]: next[key] ?? null });
  }
  // The API keeps a number of dependents on every household: an emptied field means none.
  if (next.dependents !== before.dependents) body.dependents = next.dependents ?? 0;
  return body;
}

const MEMBER_PATH = new RegExp(`^members\\.\\d+\\.(${MEMBER_FIELDS.join('|')})$`);
const FORM_PATHS: ReadonlySet<string> = new Set([
  ...HOUSEHOLD_FIELDS,
  'members',
  'flags',
  ...FLAG_FIELDS.map((flag) => `flags.${flag}`),
]);

/** The paths of API field errors that the form shows next to an input. */
export function isFormPath(path: string): boolean {
  return MEMBER_PATH.test(path) || FORM_PATHS.has(path);
}
