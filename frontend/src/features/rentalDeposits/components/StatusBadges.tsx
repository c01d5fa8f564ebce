import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DepositArrears, DepositStatus, InstalmentState } from '../../../api/rentalDeposits';
import { currentLanguage } from '../../../i18n';
import { formatMoney } from '../../../i18n/format';

const STATUS_COLORS: Record<DepositStatus, string> = { open: 'indigo', released: 'yellow', closed: 'green', cancelled: 'gray' };
const STATE_COLORS: Record<InstalmentState, string> = { paid: 'green', partial: 'yellow', late: 'red', due: 'orange', upcoming: 'gray' };

/** Open / released (something still owed) / closed / cancelled. */
export function DepositStatusBadge({ status }: { status: DepositStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" tt="none" style={{ minWidth: 'max-content' }}>
      {t(`rentalDeposits.status.${status}`)}
    </Badge>
  );
}

/** Paid / partly paid / late / due / upcoming, for one instalment of the schedule. */
export function InstalmentStateBadge({ state }: { state: InstalmentState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" radius="sm" tt="none" style={{ minWidth: 'max-content' }}>
      {t(`rentalDeposits.instalmentState.${state}`)}
    </Badge>
  );
}

/** A red badge with what is missing and since how long ("2 instalments late · 100,00 € · 45 days"); "up to date" otherwise. */
export function DepositArrearsBadge({ arrears }: { arrears: DepositArrears }) {
  const { t } = useTranslation();
  if (arrears.instalments === 0) {
    return (
      <Badge color="green" variant="light" radius="sm" tt="none">
        {t('rentalDeposits.arrears.upToDate')}
      </Badge>
    );
  }
  return (
    <Badge color="red" variant="light" radius="sm" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }} styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
      {t('rentalDeposits.arrears.behind', { count: arrears.instalments, amount: formatMoney(arrears.amount, currentLanguage()) })}
      {arrears.oldestAgeDays !== null && ` · ${t('rentalDeposits.arrears.age', { count: arrears.oldestAgeDays })}`}
    </Badge>
  );
}
