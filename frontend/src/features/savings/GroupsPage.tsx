import { Anchor, Badge, Button, Card, Group, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../api/auth';
import { EXIT_POLICIES, useCreateGroup, useGroups, type ExitPolicy, type GroupSummary } from '../../api/savings';
import { DateText } from '../../components/DateText';
import { PlusIcon } from '../../components/Icons';
import { ModalForm } from '../../components/ModalForm';
import { MoneyText } from '../../components/MoneyText';
import { notifySuccess } from '../../components/notify';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { CardList, WideTable } from '../../components/ResponsiveList';
import { normaliseAmount, todayInBrussels } from '../../i18n/format';
import { AmountInput, SavingsErrorBanner } from './components/ActionDialog';
import { otherFieldErrors, savingsFieldErrors } from './problems';

/** The GECS groups (staff): name, cohort, dates, monthly amount, members and pot; coordinators create groups. */
export function GroupsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const groups = useGroups();
  const [creating, create] = useDisclosure(false);
  const coordinator = session?.user.role === 'coordinator';
  return (
    <>
      <PageTitle
        title={t('savings.groups.title')}
        description={t('savings.groups.intro')}
        actions={
          coordinator && (
            <Button leftSection={<PlusIcon size={16} />} onClick={create.open}>
              {t('savings.groups.create')}
            </Button>
          )
        }
      />
      <QueryState query={groups}>
        {(items) =>
          items.length === 0 ? (
            <Paper p="xl">
              <Text ta="center">{coordinator ? t('savings.groups.emptyCoordinator') : t('savings.groups.empty')}</Text>
            </Paper>
          ) : (
            <>
              <GroupTable items={items} />
              <GroupCards items={items} />
            </>
          )
        }
      </QueryState>
      {coordinator && <CreateGroupModal opened={creating} onClose={create.close} />}
    </>
  );
}

function Dates({ group }: { group: GroupSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <DateText value={group.startsOn} />
      {' – '}
      {group.endsOn ? <DateText value={group.endsOn} /> : t('savings.groups.noEnd')}
    </>
  );
}

function GroupTable({ items }: { items: GroupSummary[] }) {
  const { t } = useTranslation();
  return (
    <WideTable
      caption={t('savings.groups.tableCaption')}
      minWidth={760}
      highlightOnHover
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('savings.group.name')}</Table.Th>
          <Table.Th scope="col">{t('savings.group.cohort')}</Table.Th>
          <Table.Th scope="col">{t('savings.group.period')}</Table.Th>
          <Table.Th scope="col" ta="right">{t('savings.group.monthlyAmount')}</Table.Th>
          <Table.Th scope="col" ta="right">{t('savings.group.activeMembers')}</Table.Th>
          <Table.Th scope="col" ta="right">{t('savings.pot.cash')}</Table.Th>
          <Table.Th scope="col">{t('savings.group.exitPolicy')}</Table.Th>
        </Table.Tr>
      }
    >
      {items.map((group) => (
        <Table.Tr key={group.id}>
          <Table.Td>
            <Anchor component={Link} to={`/groups/${group.id}`} fw={600}>
              {group.name}
            </Anchor>
          </Table.Td>
          <Table.Td>{group.cohort}</Table.Td>
          <Table.Td className="nowrap">
            <Dates group={group} />
          </Table.Td>
          <Table.Td ta="right">
            <MoneyText value={group.monthlyAmount} />
          </Table.Td>
          <Table.Td ta="right">{group.activeMembers}</Table.Td>
          <Table.Td ta="right">
            <MoneyText value={group.potCash} />
          </Table.Td>
          <Table.Td>{t(`savings.exitPolicy.${group.exitPolicy}.short`)}</Table.Td>
        </Table.Tr>
      ))}
    </WideTable>
  );
}

function GroupCards({ items }: { items: GroupSummary[] }) {
  const { t } = useTranslation();
  return (
    <CardList label={t('savings.groups.tableCaption')}>
      {items.map((group) => (
        <Card component="li" key={group.id} withBorder padding="md" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/groups/${group.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {group.name}
            </Anchor>
            <Badge variant="outline" color="gray.8" radius="sm" tt="none">
              {group.cohort}
            </Badge>
          </Group>
          <Text size="sm" mt={4}>
            <Dates group={group} />
          </Text>
          <Text size="sm">
            {t('savings.group.monthlyAmount')} <MoneyText value={group.monthlyAmount} />
          </Text>
          <Text size="sm">
            {t('savings.groups.membersShort', { count: group.activeMembers })} · {t('savings.pot.cash')} <MoneyText value={group.potCash} />
          </Text>
        </Card>
      ))}
    </CardList>
  );
}

const CREATE_FIELDS = ['name', 'cohort', 'startsOn', 'endsOn', 'monthlyAmount', 'exitPolicy', 'exitCost'] as const;

/** The new-group form: name, cohort, start, monthly amount, exit policy (explained), exit cost, optional end. */
function CreateGroupModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateGroup();
  const empty = { name: '', cohort: '', startsOn: todayInBrussels(), endsOn: '', monthlyAmount: '', exitPolicy: 'refund_now' as ExitPolicy, exitCost: '' };
  const [values, setValues] = useState(empty);
  const set = <K extends keyof typeof empty>(key: K, value: (typeof empty)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = savingsFieldErrors(create.error, t);

  const close = () => {
    setValues(empty);
    create.reset();
    onClose();
  };

  const submit = () => {
    create.mutate(
      {
        name: values.name.trim(),
        cohort: values.cohort.trim(),
        startsOn: values.startsOn,
        monthlyAmount: normaliseAmount(values.monthlyAmount),
        exitPolicy: values.exitPolicy,
        ...(values.endsOn ? { endsOn: values.endsOn } : {}),
        ...(values.exitPolicy === 'refund_minus_costs' ? { exitCost: normaliseAmount(values.exitCost) } : {}),
      },
      {
        onSuccess: (group) => {
          notifySuccess(t('savings.groups.created', { name: group.name }));
          close();
          void navigate(`/groups/${group.id}`);
        },
      },
    );
  };

  return (
    <ModalForm opened={opened} title={t('savings.groups.createTitle')} submitLabel={t('savings.groups.createSubmit')} submitting={create.isPending} onSubmit={submit} onClose={close}>
      {create.isError && <SavingsErrorBanner error={create.error} extra={otherFieldErrors(create.error, CREATE_FIELDS)} />}
      <TextInput label={t('savings.group.name')} description={t('savings.groups.nameHelp')} required data-autofocus value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput label={t('savings.group.cohort')} description={t('savings.groups.cohortHelp')} required value={values.cohort} onChange={(e) => set('cohort', e.currentTarget.value)} error={errors.cohort} />
        <AmountInput label={t('savings.group.monthlyAmount')} description={t('savings.fields.amountHelp')} required value={values.monthlyAmount} onChange={(e) => set('monthlyAmount', e.currentTarget.value)} error={errors.monthlyAmount} />
        <TextInput type="date" label={t('savings.group.startsOn')} required value={values.startsOn} onChange={(e) => set('startsOn', e.currentTarget.value)} error={errors.startsOn} />
        <TextInput type="date" label={t('savings.group.endsOn')} description={t('savings.groups.endsOnHelp')} value={values.endsOn} onChange={(e) => set('endsOn', e.currentTarget.value)} error={errors.endsOn} />
      </SimpleGrid>
      <Radio.Group label={t('savings.group.exitPolicy')} description={t('savings.groups.exitPolicyHelp')} required value={values.exitPolicy} onChange={(v) => set('exitPolicy', EXIT_POLICIES.find((p) => p === v) ?? 'refund_now')} error={errors.exitPolicy}>
        <Stack gap="sm" mt="xs">
          {EXIT_POLICIES.map((policy) => (
            <Radio key={policy} value={policy} label={t(`savings.exitPolicy.${policy}.short`)} description={t(`savings.exitPolicy.${policy}.explain`)} />
          ))}
        </Stack>
      </Radio.Group>
      {values.exitPolicy === 'refund_minus_costs' && (
        <AmountInput label={t('savings.group.exitCost')} description={t('savings.groups.exitCostHelp')} required value={values.exitCost} onChange={(e) => set('exitCost', e.currentTarget.value)} error={errors.exitCost} />
      )}
    </ModalForm>
  );
}
