import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { useSession } from '../../api/auth';
import type { StaffUser } from '../../api/types';
import { useStaffUsers, useUpdateStaffUser } from '../../api/users';
import { DateText } from '../../components/DateText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PlusIcon } from '../../components/Icons';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { CardList, WideTable } from '../../components/ResponsiveList';
import { CreateStaffUserModal } from './CreateStaffUserModal';

/** Coordinators manage staff accounts: list, create, deactivate and reactivate. */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useStaffUsers();
  const update = useUpdateStaffUser();
  const { data: session } = useSession();
  const [createOpened, create] = useDisclosure(false);

  const toggle = (user: StaffUser) => {
    update.mutate(
      { id: user.id, active: !user.active },
      {
        onSuccess: (saved) =>
          notifySuccess(t(saved.active ? 'users.reactivated' : 'users.deactivated', { name: saved.name })),
      },
    );
  };

  const sorted = (users.data ?? []).slice().sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));

  const action = (user: StaffUser) =>
    user.id === session?.user.id ? (
      <Text size="sm" c="dimmed">
        {t('users.you')}
      </Text>
    ) : (
      <Button
        size="compact-sm"
        variant={user.active ? 'default' : 'light'}
        loading={update.isPending && update.variables.id === user.id}
        onClick={() => toggle(user)}
        aria-label={t(user.active ? 'users.deactivateLabel' : 'users.reactivateLabel', { name: user.name })}
      >
        {t(user.active ? 'users.deactivate' : 'users.reactivate')}
      </Button>
    );

  const status = (user: StaffUser) => (
    <Badge color={user.active ? 'green' : 'gray'} variant="light" radius="sm" tt="none" fw={600}>
      {t(user.active ? 'users.active' : 'users.inactive')}
    </Badge>
  );

  return (
    <>
      <PageTitle
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          <Button leftSection={<PlusIcon size={16} />} onClick={create.open}>
            {t('users.create')}
          </Button>
        }
      />
      <Stack gap="md">
        {update.isError && <ErrorBanner error={update.error} />}
        {users.isError && <ErrorBanner error={users.error} onRetry={() => void users.refetch()} />}
        {users.isPending && <LoadingState />}
        {users.data && (
          <>
            <WideTable
              caption={t('users.tableCaption')}
              minWidth={720}
              head={
                <Table.Tr>
                  <Table.Th scope="col">{t('users.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('users.fields.email')}</Table.Th>
                  <Table.Th scope="col">{t('users.fields.role')}</Table.Th>
                  <Table.Th scope="col">{t('users.fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('users.fields.createdAt')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('users.fields.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              }
            >
              {sorted.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td fw={600}>{user.name}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
                  <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                  <Table.Td>{status(user)}</Table.Td>
                  <Table.Td>
                    <DateText value={user.createdAt} />
                  </Table.Td>
                  <Table.Td ta="right">{action(user)}</Table.Td>
                </Table.Tr>
              ))}
            </WideTable>
            <CardList label={t('users.tableCaption')}>
              {sorted.map((user) => (
                <Card component="li" key={user.id} withBorder padding="md" radius="md">
                  <Stack gap={2}>
                    <Text fw={600}>{user.name}</Text>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {user.email}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t(`roles.${user.role}`)}
                    </Text>
                  </Stack>
                  <Group justify="space-between" wrap="wrap" gap="xs" mt="sm">
                    {status(user)}
                    {action(user)}
                  </Group>
                </Card>
              ))}
            </CardList>
          </>
        )}
      </Stack>
      <CreateStaffUserModal opened={createOpened} onClose={create.close} />
    </>
  );
}
