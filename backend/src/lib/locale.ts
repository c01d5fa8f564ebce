/** A language the service writes documents in. */
export type Language = 'fr' | 'nl' | 'en';

/** Every supported language, French (the default) first. */
export const LANGUAGES = ['fr', 'nl', 'en'] as const satisfies readonly Language[];

// Node 20's full ICU knows en-BE: English words with Belgian conventions (day month year, 24-hour clock).
const LOCALES: Record<Language, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-BE' };

/** Documents are dated in Brussels time, whatever the server's TZ. */
export const DOCUMENT_TIME_ZONE = 'Europe/Brussels';

/** The BCP 47 locale used to format documents in a language: 'fr-BE', 'nl-BE' or 'en-BE'. */
export function localeOf(lang: Language): string {
  return LOCALES[lang];
}

/** Type guard for a language code coming from the database or a request. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A long, human date ("11 décembre 2026", "11 december 2026", "11 December 2026").
 * A 'YYYY-MM-DD' calendar date is printed as that day, never shifted by a time zone (and has no time);
 * a Date or an ISO timestamp is shown as the day (and, with `withTime`, the hour) in Brussels.
 */
export function formatDate(date: Date | string, lang: Language, opts: { withTime?: boolean } = {}): string {
  const calendar = typeof date === 'string' ? CALENDAR_DATE.exec(date) : null;
  if (calendar) {
    const [, y, m, d] = calendar.map(Number) as [number, number, number, number];
    const instant = new Date(Date.UTC(y, m - 1, d));
    if (instant.getUTCFullYear() !== y || instant.getUTCMonth() !== m - 1 || instant.getUTCDate() !== d) {
      throw new RangeError(`not a calendar date: ${date}`);
    }
    // Formatting the UTC midnight of that day in UTC gives back exactly that day, in any process TZ.
    return formatter(`date:${lang}`, () => new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' })).format(instant);
  }
  const instant = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(`not a date: ${String(date)}`);
  }
  return formatter(`instant:${lang}:${Boolean(opts.withTime)}`, () =>
    new Intl.DateTimeFormat(localeOf(lang), {
      dateStyle: 'long',
      ...(opts.withTime ? { timeStyle: 'short', hourCycle: 'h23' } : {}),
      timeZone: DOCUMENT_TIME_ZONE,
    }),
  ).format(instant);
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
/** Building an Intl formatter costs far more than using one: one per language and style, built once. */
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

const DECIMAL_AMOUNT = /^-?\d+(\.\d+)?$/;

/**
 * Displays an amount of euros given as a decimal string ("1234.50") in the language's conventions:
 * "1 234,50 €" (fr, narrow no-break space), "€ 1.234,50" (nl), "€1,234.50" (en).
 * The string goes to Intl as is: since Intl.NumberFormat v3 (Node ≥ 19) a numeric string is formatted
 * exactly, so no digit is lost through a JavaScript number, however large the amount. Shown to the cent,
 * rounding half-up (Intl's default "halfExpand"); amounts are expected to be already rounded.
 */
export function formatMoney(amount: string, lang: Language): string {
  if (!DECIMAL_AMOUNT.test(amount)) {
    throw new TypeError(`not a money amount: ${JSON.stringify(amount)}`);
  }
  // signDisplay 'negative': "-0.00" prints "0,00 €", not "-0,00 €".
  return formatter(`money:${lang}`, () => new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency: 'EUR', signDisplay: 'negative' })).format(
    amount as `${number}`,
  );
}
