/** Colours and number formats shared by the savings charts (each colour ≥ 3:1 against white). */
import type { Language } from '../../../api/types';
import { localeFor } from '../../../i18n/format';

export const CHART_COLORS = {
  /** pot.7 */
  available: '#0f7c76',
  /** orange.9 */
  reserved: '#d9480f',
  /** indigo.7 */
  lent: '#4263eb',
  group: '#0f7c76',
  individual: '#4263eb',
  /** gray.7 */
  total: '#495057',
  advance: '#d9480f',
} as const;

/** Axis ticks: whole euros, compact ("1,6 k €"). */
export function axisEuros(language: Language): (value: number) => string {
  const format = new Intl.NumberFormat(localeFor(language), { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 });
  return (value: number) => format.format(value);
}

/** A month 'YYYY-MM' as a short label ("avr. 25"). */
export function monthLabel(month: string, language: Language, long = false): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(localeFor(language), { month: long ? 'long' : 'short', year: long ? 'numeric' : '2-digit', timeZone: 'UTC' }).format(date);
}
