import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DepositSummary } from '../../../api/rentalDeposits';
import { DateText } from '../../../components/DateText';
import { MoneyText } from '../../../components/MoneyText';
import { CardList, WideTable } from '../../../components/ResponsiveList';
import { sortDeposits } from '../depositOrder';
import { DepositArrearsBadge, DepositStatusBadge } from './StatusBadges';

function DepositLink({ deposit, showHousehold }: { deposit: DepositSummary; showHousehold: boolean }) {
  return (
    <Anchor component={Link} to={`/rental-deposits/${deposit.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
      {showHousehold ? deposit.household.displayName : deposit.address}
    </Anchor>
  );
}

/** Props of DepositsList. */
export interface DepositsListProps {
  items: DepositSummary[];
  label: string;
  /** The fund's list names each household; a household's list names the address instead. */
  showHousehold?: boolean;
}

/** The advances as a table on wide screens and cards on phones; arrears stand out with their amount and age. */
export function DepositsList({ items, label, showHousehold = true }: DepositsListProps) {
  const { t } = useTranslation();
  const sorted = sortDeposits(items);
  return (
    <>
      <WideTable
        caption={label}
        minWidth={860}
        head={
          <Table.Tr>
            <Table.Th scope="col">{showHousehold ? t('rentalDeposits.list.household') : t('rentalDeposits.fields.address')}</Table.Th>
            <Table.Th scope="col">{t('rentalDeposits.list.status')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('rentalDeposits.fields.amount')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('rentalDeposits.figures.owed')}</Table.Th>
            <Table.Th scope="col">{t('rentalDeposits.list.arrears')}</Table.Th>
            <Table.Th scope="col">{t('rentalDeposits.list.next')}</Table.Th>
          </Table.Tr>
        }
      >
        {sorted.map((d) => (
          <Table.Tr key={d.id} style={d.arrears.instalments > 0 ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-7)' } : undefined}>
            <Table.Td>
              <Stack gap={0}>
                <DepositLink deposit={d} showHousehold={showHousehold} />
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {showHousehold ? d.address : d.landlordName}
                  {' · '}
                  {t('rentalDeposits.list.openedOn')} <DateText value={d.openedOn} />
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <DepositStatusBadge status={d.status} />
            </Table.Td>
            <Table.Td ta="right">
              <MoneyText value={d.amount} />
            </Table.Td>
            <Table.Td ta="right" fw={600}>
              <MoneyText value={d.owed} />
            </Table.Td>
            <Table.Td>{d.status === 'cancelled' ? t('common.empty') : <DepositArrearsBadge arrears={d.arrears} />}</Table.Td>
            <Table.Td>
              {d.nextInstalment ? (
                <Text size="sm">
                  <MoneyText value={d.nextInstalment.amount} /> · <DateText value={d.nextInstalment.dueOn} />
                </Text>
              ) : (
                t('common.empty')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </WideTable>
      <CardList label={label}>
        {sorted.map((d) => (
          <Card component="li" key={d.id} withBorder padding="md" radius="md" style={d.arrears.instalments > 0 ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <DepositLink deposit={d} showHousehold={showHousehold} />
              <DepositStatusBadge status={d.status} />
            </Group>
            <Text size="sm" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {showHousehold ? d.address : d.landlordName}
            </Text>
            <Text size="sm" mt={4}>
              {t('rentalDeposits.fields.amount')} <MoneyText value={d.amount} /> · {t('rentalDeposits.figures.owed')}{' '}
              <Text span fw={700}>
                <MoneyText value={d.owed} />
              </Text>
            </Text>
            {d.nextInstalment && (
              <Text size="sm">
                {t('rentalDeposits.list.next')} <MoneyText value={d.nextInstalment.amount} /> · <DateText value={d.nextInstalment.dueOn} />
              </Text>
            )}
            {d.status !== 'cancelled' && (
              <Group mt="xs">
                <DepositArrearsBadge arrears={d.arrears} />
              </Group>
            )}
          </Card>
        ))}
      </CardList>
    </>
  );
}
