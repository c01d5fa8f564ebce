/** What each savings series is drawn in (from the one chart palette), and the savings charts' number format. */
import type { Language } from '../../../api/types';
import { CHART_COLORS as PALETTE } from '../../../components/chartColors';
import { localeFor } from '../../../i18n/format';

export const CHART_COLORS = {
  available: PALETTE.teal,
  reserved: PALETTE.orange,
  lent: PALETTE.indigo,
  group: PALETTE.teal,
  individual: PALETTE.indigo,
  total: PALETTE.gray,
  advance: PALETTE.orange,
} as const;

/** Axis ticks: whole euros, compact ("1,6 k €"). */
export function axisEuros(language: Language): (value: number) => string {
  const format = new Intl.NumberFormat(localeFor(language), { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 });
  return (value: number) => format.format(value);
}
