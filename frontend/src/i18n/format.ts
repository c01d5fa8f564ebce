/**
 * Amounts and dates between the API and people: formatting for the reader's language, reading an
 * amount as typed, and today's date in Brussels. Text handling only, never a JS number for money.
 */
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

/** How a reader of each language types an amount: fr and nl group thousands with a (narrow) space. */
const AMOUNT_INPUT: Record<Language, { group: string; decimal: string }> = {
  fr: { group: '\u202f', decimal: ',' },
  nl: { group: '\u202f', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * Writes a decimal string as a reader of the language types an amount, to fill an input without a
 * currency sign ("1850.50" → "1 850,50" in fr and nl, "1,850.50" in en). Text handling only, never
 * a JS number; anything that is not a decimal string comes back as it is.
 */
export function formatAmountInput(amount: string, language: Language): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return amount;
  const [, sign = '', whole = '', fraction] = match;
  const { group, decimal } = AMOUNT_INPUT[language];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}${decimal}${fraction}`;
}

/**
 * Reads an amount as typed in Belgium ("1 850,5") or in English ("1,850.50") — the inverse of
 * formatAmountInput — as the API's decimal string ("1850.50"). Pure text handling: the amount is
 * never turned into a JS number. Anything unreadable is sent as typed so the API reports it on the
 * field; an empty input gives ''.
 */
export function normaliseAmount(input: string): string {
  const compact = input.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return '';
  let text = compact;
  // "1.850,25" has dots as thousands separators, "1,850.25" commas; a lone "1.850" or "1,850" is
  // ambiguous and left for the API to refuse.
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(text)) text = text.replace(/\./g, '');
  else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(text)) text = text.replace(/,/g, '');
  text = text.replace(',', '.');
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return input.trim();
  const whole = match[1] ?? '0';
  const cents = (match[2] ?? '').padEnd(2, '0');
  return `${whole}.${cents}`;
}

/** Today in Brussels ('YYYY-MM-DD'), the calendar day the server counts in, whatever the device's time zone. */
export function todayInBrussels(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
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

/** How a month is named: "avr. 25" (short, chart ticks), "avril 2025" (long, text and tables), "avr." (name only, a year's twelve bars). */
export type MonthForm = 'short' | 'long' | 'name';

/** A month 'YYYY-MM' named in the reader's language; the text itself when it is not a month. */
export function monthLabel(month: string, language: Language, form: MonthForm = 'short'): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m || m < 1 || m > 12) return month;
  const options: Intl.DateTimeFormatOptions =
    form === 'name' ? { month: 'short' } : form === 'long' ? { month: 'long', year: 'numeric' } : { month: 'short', year: '2-digit' };
  return new Intl.DateTimeFormat(localeFor(language), { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 15, 12)));
}
