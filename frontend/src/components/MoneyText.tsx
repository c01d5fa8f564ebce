import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatMoney } from '../i18n/format';

/** Props of MoneyText. */
export interface MoneyTextProps {
  /** Amount in euros as a decimal string ("1850.00"); null shows the empty placeholder. */
  value: string | null | undefined;
}

/** An amount in euros, formatted for the reader's locale. */
export function MoneyText({ value }: MoneyTextProps) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <>{t('common.empty')}</>;
  return <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value, currentLanguage()) ?? value}</span>;
}
