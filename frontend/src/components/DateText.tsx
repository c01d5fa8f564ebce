import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatDate } from '../i18n/format';

/** Props of DateText. */
export interface DateTextProps {
  /** ISO timestamp or YYYY-MM-DD date. */
  value: string | null | undefined;
  withTime?: boolean;
}

/** A date (or timestamp) in a <time> element, formatted for the reader's locale. */
export function DateText({ value, withTime = false }: DateTextProps) {
  const { t } = useTranslation();
  if (!value) return <>{t('common.empty')}</>;
  return <time dateTime={value}>{formatDate(value, currentLanguage(), withTime) ?? value}</time>;
}
