/** Locale-aware formatting of amounts and dates for the reader's language. */
import type { Language } from '../api/types';

const LOCALES: Record<Language, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-BE' };
/** Staff and households are in Brussels: show every time in Brussels time. */
const TIME_ZONE = 'Europe/Brussels';
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The BCP 47 locale used to format for a language. */
export function localeFor(language: Language): string {
  return LOCALES[language];
}

/**
 * Formats a decimal string in euros (e.g. "1850.00" → "1.850,00 €" in fr-BE).
 * The string goes to Intl as is, so no precision is lost; null when it is not a decimal.
 */
export function formatMoney(amount: string, language: Language): string | null {
  if (!DECIMAL.test(amount)) return null;
  return new Intl.NumberFormat(localeFor(language), { style: 'currency', currency: 'EUR' }).format(
    amount as `${number}`,
  );
}

/** Formats an ISO timestamp or a YYYY-MM-DD date; null when it cannot be read. */
export function formatDate(value: string, language: Language, withTime = false): string | null {
  const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(calendarDate ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(localeFor(language), {
    dateStyle: 'medium',
    timeStyle: withTime && !calendarDate ? 'short' : undefined,
    timeZone: calendarDate ? 'UTC' : TIME_ZONE,
  }).format(date);
}
