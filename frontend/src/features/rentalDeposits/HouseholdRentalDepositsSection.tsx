import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/auth';
import { useHouseholdRentalDeposits } from '../../api/rentalDeposits';
import { PlusIcon } from '../../components/Icons';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { DepositsList } from './components/DepositsList';

/** The rental-deposit tab of the staff household page: the household's advances, with links, and a new one (coordinators). */
export function HouseholdRentalDepositsSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const deposits = useHouseholdRentalDeposits(householdId);
  return (
    <SectionCard title={t('rentalDeposits.household.title')} id="household-deposits-title">
      <Stack gap="md">
        <QueryState query={deposits}>
          {(items) =>
            items.length === 0 ? (
              <Text c="dimmed">{t('rentalDeposits.household.empty')}</Text>
            ) : (
              <DepositsList items={items} label={t('rentalDeposits.household.caption')} showHousehold={false} />
            )
          }
        </QueryState>
        {session?.user.role === 'coordinator' && (
          <Group>
            <Button component={Link} to={`/rental-deposits/new?householdId=${encodeURIComponent(householdId)}`} leftSection={<PlusIcon size={16} />}>
              {t('rentalDeposits.actions.newDeposit')}
            </Button>
          </Group>
        )}
      </Stack>
    </SectionCard>
  );
}
