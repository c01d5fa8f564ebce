import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdvanceStatus, Arrears, MonthStatus } from '../../../api/savings';
import { formatMoney } from '../../../i18n/format';
import { currentLanguage } from '../../../i18n';

const MONTH_COLORS: Record<MonthStatus, string> = { paid: 'green', partial: 'yellow', unpaid: 'red', in_progress: 'gray' };
const ADVANCE_COLORS: Record<AdvanceStatus, string> = { approved: 'yellow', paid: 'indigo', cancelled: 'gray' };

/** Paid / partly paid / unpaid / in progress, for one month of expected vs paid. */
export function MonthStatusBadge({ status }: { status: MonthStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={MONTH_COLORS[status]} variant="light" radius="sm" tt="none">
      {t(`savings.monthStatus.${status}`)}
    </Badge>
  );
}

/** Approved (reserved) / paid / cancelled. */
export function AdvanceStatusBadge({ status }: { status: AdvanceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ADVANCE_COLORS[status]} variant="light" radius="sm" tt="none">
      {t(`savings.advanceStatus.${status}`)}
    </Badge>
  );
}

/** A warning badge when a member is behind ("2 months behind · 150,00 €"); "up to date" otherwise. */
export function ArrearsBadge({ arrears }: { arrears: Arrears }) {
  const { t } = useTranslation();
  if (arrears.months === 0) {
    return (
      <Badge color="green" variant="light" radius="sm" tt="none">
        {t('savings.arrears.upToDate')}
      </Badge>
    );
  }
  return (
    <Badge color="red" variant="light" radius="sm" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }}>
      {t('savings.arrears.behind', { count: arrears.months, amount: formatMoney(arrears.amount, currentLanguage()) })}
    </Badge>
  );
}
