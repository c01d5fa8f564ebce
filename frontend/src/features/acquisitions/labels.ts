/** Names of acquisition data in the reader's language: withdrawal reasons, rates as percentages, a project's partner. */
import type { ProjectSummary, RateString, WithdrawalReason } from '../../api/acquisitions';
import type { TFunction } from 'i18next';
import { currentLanguage } from '../../i18n';
import { localeFor } from '../../i18n/format';

/** A withdrawal reason's name in the current language (its key when unknown). */
export function reasonName(reasons: WithdrawalReason[] | undefined, key: string | null): string {
  if (!key) return '';
  return reasons?.find((r) => r.key === key)?.names[currentLanguage()] ?? key;
}

/**
 * A fraction from the API ("0.035", "0.30") as a percentage for the reader ("3,5 %", "30 %"). Display
 * only: the string goes to Intl as is, and the server has already rounded it.
 */
export function formatPercent(rate: RateString | null | undefined, maximumFractionDigits = 2): string | null {
  if (rate === null || rate === undefined || !/^\d+(\.\d+)?$/.test(rate)) return null;
  return new Intl.NumberFormat(localeFor(currentLanguage()), { style: 'percent', maximumFractionDigits }).format(rate as `${number}`);
}

/** The project's partner as people say it ("Fonds du Logement", or the name given for "other"). */
export function partnerName(project: Pick<ProjectSummary, 'partner' | 'partnerName'>, t: TFunction): string {
  return project.partner === 'other' && project.partnerName ? project.partnerName : t(`acquisitions.partner.${project.partner}`);
}
