/**
 * Calendar helpers on 'YYYY-MM-DD' and 'YYYY-MM' strings (no Date arithmetic across time zones).
 * Today's date is todayInBrussels in i18n/format.ts.
 */

/** 'YYYY-MM' moved by n months. */
export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const year = Math.floor(total / 12);
  return `${String(year).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Every month from a to b, both included ('YYYY-MM'). */
export function monthsBetween(a: string, b: string): string[] {
  const out: string[] = [];
  for (let m = a; m <= b; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last day of a month ('YYYY-MM-DD'). */
export function monthEnd(month: string): string {
  const next = addMonths(month, 1);
  const last = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0));
  return `${month}-${String(last.getUTCDate()).padStart(2, '0')}`;
}

/** The default period of a statement: the twelve months up to today (first day of the month 11 months back). */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  return { from: `${addMonths(today.slice(0, 7), -11)}-01`, to: today };
}

/** The last month that has ended ('YYYY-MM'), the one a coordinator usually closes. */
export function previousMonth(today: string): string {
  return addMonths(today.slice(0, 7), -1);
}
