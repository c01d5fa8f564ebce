import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Menu, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/auth';
import {
  useDownloadEntriesCsv,
  useDownloadGroupStatements,
  useGroup,
  useGroupCheck,
  useGroupEntries,
  usePotSeries,
  type GroupDetail,
  type GroupMember,
  type PotFigures,
} from '../../api/savings';
import { DateText } from '../../components/DateText';
import { ErrorBanner } from '../../components/ErrorBanner';
import {
  AlertIcon,
  CalendarIcon,
  CashIcon,
  CheckIcon,
  ChevronDownIcon,
  CoinsIcon,
  DownloadIcon,
  EditIcon,
  LockIcon,
  PlusIcon,
  SavingsIcon,
} from '../../components/Icons';
import { InfoList } from '../../components/InfoList';
import { LoadingState } from '../../components/LoadingState';
import { MoneyText } from '../../components/MoneyText';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { CardList, WideTable } from '../../components/ResponsiveList';
import { SectionCard } from '../../components/SectionCard';
import { currentLanguage } from '../../i18n';
import { todayInBrussels } from '../../i18n/format';
import { isPositive } from './amounts';
import { SavingsErrorBanner, useDialogState, type DialogState } from './components/ActionDialog';
import { monthLabel } from '../../i18n/format';
import { EntryList } from './components/EntryList';
import { MembersSavingsChart } from './components/MembersSavingsChart';
import { PotChart } from './components/PotChart';
import { AdvanceStatusBadge, ArrearsBadge } from './components/StatusBadges';
import { addMonths, lastTwelveMonths } from './dates';
import { GroupActionDialog, type GroupAction } from './GroupActions';
import { toMemberBars, toPotSeries } from './savingsSeries';

/** At most this many months in the pot chart (the API's own limit). */
const MAX_CHART_MONTHS = 360;

/** One GECS group: facts, pot, charts, members, advances, entries, exports and the coordinators' money operations. */
export function GroupPage() {
  const { id = '' } = useParams();
  const group = useGroup(id);
  return <QueryState query={group}>{(data) => <GroupDetails group={data} />}</QueryState>;
}

function GroupDetails({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const coordinator = session?.user.role === 'coordinator';
  const dialog = useDialogState<GroupAction>();
  const current = group.monthlyAmounts[group.monthlyAmounts.length - 1];
  const active = group.members.filter((m) => !m.leftOn);

  return (
    <>
      <PageTitle
        title={group.name}
        after={
          <Badge variant="outline" color="gray.8" radius="sm" size="lg" tt="none">
            {group.cohort}
          </Badge>
        }
        description={
          <span data-testid="group-period">
            <DateText value={group.startsOn} />
            {' – '}
            {group.endsOn ? <DateText value={group.endsOn} /> : t('savings.groups.noEnd')}
            {' · '}
            {t(`savings.exitPolicy.${group.exitPolicy}.short`)}
          </span>
        }
        actions={
          coordinator && (
            <Button variant="default" leftSection={<EditIcon size={16} />} onClick={() => dialog.open({ kind: 'editGroup' })}>
              {t('savings.actions.editGroup')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <CheckStatus groupId={group.id} />

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SectionCard title={t('savings.group.facts')} id="group-facts">
              <InfoList
                items={[
                  { label: t('savings.group.startsOn'), value: <DateText value={group.startsOn} /> },
                  { label: t('savings.group.endsOn'), value: group.endsOn ? <DateText value={group.endsOn} /> : t('savings.groups.noEnd') },
                  { label: t('savings.group.monthlyAmount'), value: <MoneyText value={current?.amount} /> },
                  { label: t('savings.group.activeMembers'), value: active.length },
                  { label: t('savings.group.exitPolicy'), value: t(`savings.exitPolicy.${group.exitPolicy}.short`) },
                  ...(group.exitPolicy === 'refund_minus_costs' ? [{ label: t('savings.group.exitCost'), value: <MoneyText value={group.exitCost} /> }] : []),
                  {
                    label: t('savings.group.closedThrough'),
                    value: group.closedThrough ? monthLabel(group.closedThrough, currentLanguage(), 'long') : t('savings.closing.noneShort'),
                  },
                ]}
              />
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <PotFiguresCard pot={group.pot} />
          </Grid.Col>
        </Grid>

        <ActionsCard coordinator={coordinator} hasMembers={active.length > 0} dialog={dialog} />

        <SectionCard title={t('savings.pot.historyTitle')} id="pot-history">
          <PotHistory group={group} />
        </SectionCard>

        <SectionCard title={t('savings.members.title', { count: group.members.length })} id="members-title">
          {group.members.length === 0 ? (
            <Text c="dimmed">{t('savings.members.empty')}</Text>
          ) : (
            <Stack gap="lg">
              <MembersTable group={group} coordinator={coordinator} dialog={dialog} />
              <MembersCards group={group} coordinator={coordinator} dialog={dialog} />
              <MembersSavingsChart bars={toMemberBars(group.members)} />
            </Stack>
          )}
        </SectionCard>

        <SectionCard title={t('savings.advances.title')} id="advances-title">
          <AdvancesList group={group} coordinator={coordinator} dialog={dialog} />
        </SectionCard>

        <SectionCard title={t('savings.entries.groupTitle')} id="entries-title">
          <GroupEntries group={group} coordinator={coordinator} dialog={dialog} />
        </SectionCard>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <SectionCard title={t('savings.monthlyAmount.historyTitle')} id="amounts-title">
              <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
                {[...group.monthlyAmounts].reverse().map((a) => (
                  <Group component="li" key={a.from} justify="space-between" wrap="wrap">
                    <Text size="sm">{t('savings.monthlyAmount.fromMonth', { month: monthLabel(a.from.slice(0, 7), currentLanguage(), 'long') })}</Text>
                    <Text size="sm" fw={600}>
                      <MoneyText value={a.amount} />
                    </Text>
                  </Group>
                ))}
              </Stack>
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <SectionCard title={t('savings.closing.historyTitle')} id="closings-title">
              {group.closings.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('savings.closing.noneYet')}
                </Text>
              ) : (
                <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
                  {group.closings.map((c) => (
                    <Group component="li" key={c.month} justify="space-between" wrap="wrap" gap="xs">
                      <Text size="sm" fw={600}>
                        {monthLabel(c.month, currentLanguage(), 'long')}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {t('savings.closing.closedBy', { name: c.closedBy })} <DateText value={c.closedAt} />
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </SectionCard>
          </Grid.Col>
        </Grid>

        <SectionCard title={t('savings.exports.title')} id="exports-title">
          <Exports group={group} />
        </SectionCard>
      </Stack>

      <GroupActionDialog dialog={dialog} group={group} />
    </>
  );
}

/** The invariant check: a green "accounts balance" badge, or a warning with what is wrong. */
function CheckStatus({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const check = useGroupCheck(groupId);
  if (check.isPending) return null;
  if (check.isError) return <ErrorBanner error={check.error} onRetry={() => void check.refetch()} />;
  const data = check.data;
  if (data.ok) {
    return (
      <Group gap="xs" data-testid="group-check">
        <Badge color="green" variant="light" radius="sm" tt="none" size="lg" leftSection={<CheckIcon size={14} />}>
          {t('savings.check.ok')}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('savings.check.okHelp')}
        </Text>
      </Group>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} title={t('savings.check.problem')} data-testid="group-check">
      <List size="sm">
        {data.problems.map((p) => (
          <List.Item key={p}>{t(`savings.check.problems.${p === 'invariant_broken' || p === 'pot_went_below_zero' ? p : 'running_balances_differ_from_postings'}`, { difference: data.difference, lowest: data.lowestCash })}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The pot today: cash, reserved, available, lent out, members' savings, unallocated. */
function PotFiguresCard({ pot }: { pot: PotFigures }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'cash', strong: true },
    { key: 'reserved', strong: false },
    { key: 'available', strong: true },
    { key: 'outstandingAdvances', strong: false },
    { key: 'membersSavings', strong: false },
    { key: 'unallocated', strong: false },
  ] as const;
  return (
    <SectionCard title={t('savings.pot.title')} id="pot-title">
      <SimpleGrid component="dl" cols={{ base: 2, xs: 3 }} spacing="sm" m={0}>
        {figures.map((f) => (
          <Paper key={f.key} p="sm" bg={f.strong ? 'pot.0' : 'gray.0'} withBorder={false}>
            <Text component="dt" size="sm" c="dimmed" fw={500}>
              {t(`savings.pot.${f.key}`)}
            </Text>
            <Text component="dd" m={0} fz={{ base: 'md', sm: 'lg' }} fw={700} data-testid={`pot-${f.key}`}>
              <MoneyText value={pot[f.key]} />
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {t('savings.pot.explain')}
      </Text>
    </SectionCard>
  );
}

function ActionsCard({ coordinator, hasMembers, dialog }: { coordinator: boolean; hasMembers: boolean; dialog: DialogState<GroupAction> }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('savings.actions.title')} id="group-actions-title">
      <Group gap="sm" wrap="wrap">
        <Button leftSection={<CashIcon size={16} />} onClick={() => dialog.open({ kind: 'deposit' })} disabled={!hasMembers}>
          {t('savings.actions.deposit')}
        </Button>
        {coordinator && (
          <>
            <Button variant="default" leftSection={<SavingsIcon size={16} />} onClick={() => dialog.open({ kind: 'advance' })} disabled={!hasMembers}>
              {t('savings.actions.advance')}
            </Button>
            <Button variant="default" leftSection={<CoinsIcon size={16} />} onClick={() => dialog.open({ kind: 'dividend' })}>
              {t('savings.actions.dividend')}
            </Button>
            <Button variant="default" leftSection={<PlusIcon size={16} />} onClick={() => dialog.open({ kind: 'addMember' })}>
              {t('savings.actions.addMember')}
            </Button>
            <Button variant="default" leftSection={<CalendarIcon size={16} />} onClick={() => dialog.open({ kind: 'monthlyAmount' })}>
              {t('savings.actions.monthlyAmount')}
            </Button>
            <Button variant="default" leftSection={<LockIcon size={16} />} onClick={() => dialog.open({ kind: 'closing' })}>
              {t('savings.actions.closing')}
            </Button>
          </>
        )}
      </Group>
    </SectionCard>
  );
}

function PotHistory({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const today = todayInBrussels();
  const earliest = `${addMonths(today.slice(0, 7), -(MAX_CHART_MONTHS - 1))}-01`;
  const from = group.startsOn > earliest ? group.startsOn : earliest;
  const started = group.startsOn <= today;
  const series = usePotSeries(group.id, started ? from : today, today);
  if (!started) return <Text c="dimmed">{t('savings.pot.notStarted')}</Text>;
  return <QueryState query={series}>{(points) => <PotChart points={toPotSeries(points)} />}</QueryState>;
}

function MemberActions({ member, coordinator, dialog }: { member: GroupMember; coordinator: boolean; dialog: DialogState<GroupAction> }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button variant="default" size="compact-sm" rightSection={<ChevronDownIcon size={14} />} aria-label={t('savings.members.actionsFor', { name: member.displayName })}>
          {t('savings.members.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => dialog.open({ kind: 'deposit', householdId: member.householdId })}>{t('savings.actions.deposit')}</Menu.Item>
        {coordinator && !member.leftOn && <Menu.Item onClick={() => dialog.open({ kind: 'advance', householdId: member.householdId })}>{t('savings.actions.advance')}</Menu.Item>}
        {coordinator && <Menu.Item onClick={() => dialog.open({ kind: 'refund', member })}>{t('savings.actions.refund')}</Menu.Item>}
        {coordinator && !member.leftOn && <Menu.Item onClick={() => dialog.open({ kind: 'officer', member })}>{t('savings.actions.officer')}</Menu.Item>}
        {coordinator && !member.leftOn && <Menu.Item onClick={() => dialog.open({ kind: 'leave', member })}>{t('savings.actions.leave')}</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
}

function MemberName({ member }: { member: GroupMember }) {
  return (
    <Anchor component={Link} to={`/households/${member.householdId}?tab=savings`} fw={600} style={{ overflowWrap: 'anywhere' }}>
      {member.displayName}
    </Anchor>
  );
}

function Membership({ member }: { member: GroupMember }) {
  const { t } = useTranslation();
  return (
    <>
      {t('savings.members.since')} <DateText value={member.joinedOn} />
      {member.leftOn && (
        <>
          <br />
          {t('savings.members.left')} <DateText value={member.leftOn} />
        </>
      )}
    </>
  );
}

function MembersTable({ group, coordinator, dialog }: { group: GroupDetail; coordinator: boolean; dialog: DialogState<GroupAction> }) {
  const { t } = useTranslation();
  return (
    <WideTable
      caption={t('savings.members.tableCaption')}
      minWidth={860}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('savings.members.name')}</Table.Th>
          <Table.Th scope="col">{t('savings.members.membership')}</Table.Th>
          <Table.Th scope="col">{t('savings.members.officerRole')}</Table.Th>
          <Table.Th scope="col" ta="right">{t('savings.members.groupSavings')}</Table.Th>
          <Table.Th scope="col">{t('savings.members.arrears')}</Table.Th>
          <Table.Th scope="col" ta="right">{t('savings.members.outstandingAdvance')}</Table.Th>
          <Table.Th scope="col">
            <span className="visually-hidden">{t('savings.members.actions')}</span>
          </Table.Th>
        </Table.Tr>
      }
    >
      {group.members.map((m) => (
        <Table.Tr key={m.householdId}>
          <Table.Td>
            <Stack gap={0}>
              <MemberName member={m} />
              <Text size="sm" c="dimmed" className="mono">
                {m.reference}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              <Membership member={m} />
            </Text>
          </Table.Td>
          <Table.Td>{m.officerRole ? t(`savings.officerRole.${m.officerRole}`) : t('common.empty')}</Table.Td>
          <Table.Td ta="right" fw={600}>
            <MoneyText value={m.groupSavings} />
          </Table.Td>
          <Table.Td>
            <ArrearsBadge arrears={m.arrears} />
          </Table.Td>
          <Table.Td ta="right">{isPositive(m.outstandingAdvance) ? <MoneyText value={m.outstandingAdvance} /> : t('common.empty')}</Table.Td>
          <Table.Td ta="right">
            <MemberActions member={m} coordinator={coordinator} dialog={dialog} />
          </Table.Td>
        </Table.Tr>
      ))}
    </WideTable>
  );
}

function MembersCards({ group, coordinator, dialog }: { group: GroupDetail; coordinator: boolean; dialog: DialogState<GroupAction> }) {
  const { t } = useTranslation();
  return (
    <CardList label={t('savings.members.tableCaption')}>
      {group.members.map((m) => (
        <Card component="li" key={m.householdId} withBorder padding="md" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <MemberName member={m} />
            <Text size="sm" className="mono nowrap">
              {m.reference}
            </Text>
          </Group>
          <Text size="sm" mt={4}>
            <Membership member={m} />
            {m.officerRole && ` · ${t(`savings.officerRole.${m.officerRole}`)}`}
          </Text>
          <Text size="sm" mt={4}>
            {t('savings.members.groupSavings')}{' '}
            <Text span fw={700}>
              <MoneyText value={m.groupSavings} />
            </Text>
          </Text>
          {isPositive(m.outstandingAdvance) && (
            <Text size="sm">
              {t('savings.members.outstandingAdvance')} <MoneyText value={m.outstandingAdvance} />
            </Text>
          )}
          <Group justify="space-between" mt="xs" gap="xs" wrap="wrap">
            <ArrearsBadge arrears={m.arrears} />
            <MemberActions member={m} coordinator={coordinator} dialog={dialog} />
          </Group>
        </Card>
      ))}
    </CardList>
  );
}

function AdvancesList({ group, coordinator, dialog }: { group: GroupDetail; coordinator: boolean; dialog: DialogState<GroupAction> }) {
  const { t } = useTranslation();
  if (group.advances.length === 0) return <Text c="dimmed">{t('savings.advances.empty')}</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('savings.advances.title')}>
      {group.advances.map((a) => (
        <Card component="li" key={a.id} withBorder padding="sm" radius="md">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {a.household?.displayName ?? t('common.empty')}
                </Text>
                <AdvanceStatusBadge status={a.status} />
                {a.repaymentDue && (
                  <Badge color="orange" variant="light" radius="sm" tt="none">
                    {t('savings.advances.repaymentDue')}
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                {t('savings.advances.amount')}{' '}
                <Text span fw={700}>
                  <MoneyText value={a.amount} />
                </Text>
                {a.outstanding !== null && (
                  <>
                    {' · '}
                    {t('savings.advances.outstanding')} <MoneyText value={a.outstanding} />
                  </>
                )}
              </Text>
              <Text size="sm" c="dimmed">
                {t('savings.advances.approvedOn')} <DateText value={a.approvedOn} />
                {a.paidOn && (
                  <>
                    {' · '}
                    {t('savings.advances.paidOn')} <DateText value={a.paidOn} />
                  </>
                )}
                {a.cancelledOn && (
                  <>
                    {' · '}
                    {t('savings.advances.cancelledOn')} <DateText value={a.cancelledOn} />
                  </>
                )}
              </Text>
              {a.deedOn && (
                <Text size="sm">
                  {t('savings.advances.deedOn')} <DateText value={a.deedOn} />
                </Text>
              )}
              {a.cancelReason && <Text size="sm">{t('savings.entries.reason', { reason: a.cancelReason })}</Text>}
              {a.note && (
                <Text size="sm" c="dimmed">
                  {a.note}
                </Text>
              )}
            </Stack>
            {coordinator && (
              <Group gap="xs" wrap="wrap">
                {a.status === 'approved' && (
                  <>
                    <Button size="compact-sm" onClick={() => dialog.open({ kind: 'payAdvance', advance: a })} aria-label={t('savings.advances.payLabel', { name: a.household?.displayName ?? '' })}>
                      {t('savings.advances.pay')}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => dialog.open({ kind: 'cancelAdvance', advance: a })} aria-label={t('savings.advances.cancelLabel', { name: a.household?.displayName ?? '' })}>
                      {t('savings.advances.cancel')}
                    </Button>
                  </>
                )}
                {a.status === 'paid' && a.outstanding !== null && isPositive(a.outstanding) && (
                  <Button size="compact-sm" variant="default" onClick={() => dialog.open({ kind: 'repayment', advance: a })} aria-label={t('savings.advances.repayLabel', { name: a.household?.displayName ?? '' })}>
                    {t('savings.advances.repay')}
                  </Button>
                )}
              </Group>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function PeriodInputs({ from, to, onFrom, onTo }: { from: string; to: string; onFrom: (v: string) => void; onTo: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <TextInput type="date" label={t('savings.fields.from')} value={from} max={to} onChange={(e) => onFrom(e.currentTarget.value)} />
      <TextInput type="date" label={t('savings.fields.to')} value={to} min={from} onChange={(e) => onTo(e.currentTarget.value)} />
    </SimpleGrid>
  );
}

function GroupEntries({ group, coordinator, dialog }: { group: GroupDetail; coordinator: boolean; dialog: DialogState<GroupAction> }) {
  const { t } = useTranslation();
  const today = todayInBrussels();
  const [from, setFrom] = useState(`${addMonths(today.slice(0, 7), -2)}-01`);
  const [to, setTo] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const entries = useGroupEntries(group.id, from, to, valid);
  const names = new Map(group.members.map((m) => [m.householdId, m.displayName]));
  return (
    <Stack gap="md">
      <Text size="sm">{coordinator ? t('savings.entries.groupIntroCoordinator') : t('savings.entries.groupIntro')}</Text>
      <PeriodInputs from={from} to={to} onFrom={setFrom} onTo={setTo} />
      {!valid ? (
        <Text size="sm" c="red.9">
          {t('savings.fieldErrors.to')}
        </Text>
      ) : entries.isPending ? (
        <LoadingState />
      ) : entries.isError ? (
        <ErrorBanner error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.length === 0 ? (
        <Text c="dimmed">{t('savings.entries.emptyPeriod')}</Text>
      ) : (
        <EntryList
          entries={entries.data}
          label={t('savings.entries.groupTitle')}
          view="group"
          names={names}
          staff
          idPrefix="group-entry"
          onReverse={coordinator ? (entry) => dialog.open({ kind: 'reversal', entry }) : undefined}
        />
      )}
    </Stack>
  );
}

function Exports({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const today = todayInBrussels();
  const initial = lastTwelveMonths(today);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const zip = useDownloadGroupStatements(group.id);
  const csv = useDownloadEntriesCsv(group.id);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const error = zip.error ?? csv.error;
  return (
    <Stack gap="md">
      <Text size="sm">{t('savings.exports.intro')}</Text>
      <PeriodInputs from={from} to={to} onFrom={setFrom} onTo={setTo} />
      {Boolean(error) && <SavingsErrorBanner error={error} />}
      <Group gap="sm" wrap="wrap">
        <Button
          leftSection={<DownloadIcon size={16} />}
          loading={zip.isPending}
          disabled={!valid}
          onClick={() => {
            csv.reset();
            zip.mutate({ from, to, fileName: t('savings.exports.zipName', { from, to }) });
          }}
        >
          {t('savings.exports.statements')}
        </Button>
        <Button
          variant="default"
          leftSection={<DownloadIcon size={16} />}
          loading={csv.isPending}
          disabled={!valid}
          onClick={() => {
            zip.reset();
            csv.mutate({ from, to, fileName: t('savings.exports.csvName', { from, to }) });
          }}
        >
          {t('savings.exports.csv')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('savings.exports.csvHelp')}
      </Text>
    </Stack>
  );
}
