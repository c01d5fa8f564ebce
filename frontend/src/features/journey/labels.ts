/** Names of journey data in the reader's language, and translated messages for journey problems. */
import { todayInBrussels } from '../../i18n/format';
import type { TFunction } from 'i18next';
import type { ExitReason, Phase } from '../../api/journey';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../components/errors';
import { currentLanguage } from '../../i18n';
import { localeFor } from '../../i18n/format';

/** The phase or sub-step's name in the current language (its key when unknown). */
export function phaseName(phases: Phase[] | undefined, key: string): string {
  return phases?.find((p) => p.key === key)?.names[currentLanguage()] ?? key;
}

/** A sub-step's name preceded by its phase's name ("Action › Compromis signé"). */
export function phaseFullName(phases: Phase[] | undefined, key: string): string {
  const phase = phases?.find((p) => p.key === key);
  if (!phase?.parentKey) return phaseName(phases, key);
  return `${phaseName(phases, phase.parentKey)} › ${phaseName(phases, key)}`;
}

/** The top-level phase a phase or sub-step belongs to. */
export function topPhaseKey(phases: Phase[] | undefined, key: string): string {
  return phases?.find((p) => p.key === key)?.parentKey ?? key;
}

/** The exit reason's name in the current language. */
export function exitReasonName(reasons: ExitReason[] | undefined, key: string): string {
  return reasons?.find((r) => r.key === key)?.names[currentLanguage()] ?? key;
}

const JOURNEY_CODES = [
  'already_in_phase',
  'not_in_journey',
  'history_conflict',
  'session_not_held',
  'session_cancelled',
  'session_not_planned',
  'session_in_future',
  'already_member',
  'outside_cohort',
  'key_taken',
] as const;
type JourneyCode = (typeof JOURNEY_CODES)[number];
const isJourneyCode = (code: string): code is JourneyCode => (JOURNEY_CODES as readonly string[]).includes(code);

/** The translated sentence for a problem of the journey API, else the app's usual message. */
export function journeyProblemMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && isJourneyCode(error.code)) return t(`journey.errors.${error.code}`);
  return problemMessage(error, t);
}

const JOURNEY_FIELDS = ['phase', 'on', 'note', 'reason', 'kind', 'title', 'startsAt', 'place', 'cohortId', 'facilitator', 'invited', 'attended', 'people'] as const;
type JourneyField = (typeof JOURNEY_FIELDS)[number];
const isJourneyField = (name: string): name is JourneyField => (JOURNEY_FIELDS as readonly string[]).includes(name);

/** Translated hints for the invalid fields of a journey form, keyed by their path's first segment. */
export function journeyFieldErrors(error: unknown, t: TFunction): Partial<Record<JourneyField, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<JourneyField, string>> = {};
  for (const item of error.errors) {
    const field = item.path.split('.')[0] ?? '';
    if (isJourneyField(field) && !out[field]) out[field] = t(`journey.fields.${field}`);
  }
  return out;
}

/** Today's date in Brussels (as the API checks it) as YYYY-MM-DD. */
export function todayIso(): string {
  return todayInBrussels();
}

/** A participation rate ("0.8600") as a percentage for the reader ("86 %"); null when there is none. */
export function formatRate(rate: string | null): string | null {
  if (rate === null || !/^\d+(\.\d+)?$/.test(rate)) return null;
  // Display only: the API has already rounded the rate with decimals.
  return new Intl.NumberFormat(localeFor(currentLanguage()), { style: 'percent', maximumFractionDigits: 1 }).format(Number(rate));
}
