import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../../api/types';

const COLORS: Record<AccountStatus, string> = { none: 'gray', code_issued: 'yellow', active: 'green' };

/** Whether the household can log in yet. */
export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" radius="sm" tt="none" fw={600}>
      {t(`households.account.status.${status}`)}
    </Badge>
  );
}
