import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/auth';
import {
  useFundCheck,
  useFundClosings,
  useFundEntries,
  useFundSeries,
  useRentalDeposits,
  useRentalFund,
  type RentalFund,
} from '../../api/rentalDeposits';
import { DateText } from '../../components/DateText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { AlertIcon, CashIcon, CheckIcon, EditIcon, LockIcon, PlusIcon } from '../../components/Icons';
import { LoadingState } from '../../components/LoadingState';
import { MoneyText } from '../../components/MoneyText';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { currentLanguage } from '../../i18n';
import { monthLabel, todayInBrussels } from '../../i18n/format';
import { useDialogState, type DialogState } from '../savings/components/ActionDialog';
import { addMonths } from '../savings/dates';
import { DepositsList } from './components/DepositsList';
import { FundChart } from './components/FundChart';
import { RentalEntryList } from './components/RentalEntryList';
import { fundEntryLine } from './entryLines';
import { toFundSeries } from './fundSeries';
import { RentalActionDialog, reversalLines, type RentalAction } from './RentalActions';
import { formatIban } from './references';

/** The fund chart shows this many months, up to this month. */
const CHART_MONTHS = 24;

/** The rental-deposit fund: its figures, chart, advances, entries and the coordinators' operations. */
export function FundPage() {
  const fund = useRentalFund();
  return <QueryState query={fund}>{(data) => <FundDetails fund={data} />}</QueryState>;
}

function FundDetails({ fund }: { fund: RentalFund }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const coordinator = session?.user.role === 'coordinator';
  const dialog = useDialogState<RentalAction>();
  const deposits = useRentalDeposits();

  return (
    <>
      <PageTitle
        title={fund.name}
        after={
          fund.iban ? (
            <Badge variant="outline" color="gray.8" radius="sm" size="lg" tt="none" className="mono">
              {formatIban(fund.iban)}
            </Badge>
          ) : undefined
        }
        description={t('rentalDeposits.fund.intro')}
        actions={
          coordinator && (
            <Button variant="default" leftSection={<EditIcon size={16} />} onClick={() => dialog.open({ kind: 'editFund' })}>
              {t('rentalDeposits.actions.editFund')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <CheckStatus />
        <FundFigures fund={fund} />

        {coordinator && (
          <SectionCard title={t('rentalDeposits.actions.title')} id="fund-actions-title">
            <Group gap="sm" wrap="wrap">
              <Button component={Link} to="/rental-deposits/new" leftSection={<PlusIcon size={16} />}>
                {t('rentalDeposits.actions.newDeposit')}
              </Button>
              <Button variant="default" leftSection={<CashIcon size={16} />} onClick={() => dialog.open({ kind: 'contribution' })}>
                {t('rentalDeposits.actions.contribution')}
              </Button>
              <Button variant="default" leftSection={<LockIcon size={16} />} onClick={() => dialog.open({ kind: 'closing' })}>
                {t('rentalDeposits.actions.closing')}
              </Button>
            </Group>
          </SectionCard>
        )}

        <SectionCard title={t('rentalDeposits.chart.sectionTitle')} id="fund-history-title">
          <FundHistory />
        </SectionCard>

        <SectionCard title={t('rentalDeposits.list.title')} id="deposits-title">
          <QueryState query={deposits}>
            {(items) => (items.length === 0 ? <Text c="dimmed">{t('rentalDeposits.list.empty')}</Text> : <DepositsList items={items} label={t('rentalDeposits.list.caption')} />)}
          </QueryState>
        </SectionCard>

        <SectionCard title={t('rentalDeposits.entries.fundTitle')} id="fund-entries-title">
          <FundEntries fund={fund} coordinator={coordinator} dialog={dialog} names={new Map((deposits.data ?? []).map((d) => [d.household.id, d.household.displayName]))} />
        </SectionCard>

        <SectionCard title={t('rentalDeposits.closing.historyTitle')} id="fund-closings-title">
          <Closings />
        </SectionCard>
      </Stack>
      <RentalActionDialog dialog={dialog} fund={fund} />
    </>
  );
}

/** The invariant check: a green "accounts balance" badge, or a warning. */
function CheckStatus() {
  const { t } = useTranslation();
  const check = useFundCheck();
  if (check.isPending) return null;
  if (check.isError) return <ErrorBanner error={check.error} onRetry={() => void check.refetch()} />;
  if (check.data.ok) {
    return (
      <Group gap="xs" data-testid="fund-check">
        <Badge color="green" variant="light" radius="sm" tt="none" size="lg" leftSection={<CheckIcon size={14} />}>
          {t('rentalDeposits.check.ok')}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('rentalDeposits.check.okHelp')}
        </Text>
      </Group>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} title={t('rentalDeposits.check.problem')} data-testid="fund-check">
      {!check.data.invariantHolds && <Text size="sm">{t('rentalDeposits.check.invariant')}</Text>}
      {!check.data.runningBalancesMatch && <Text size="sm">{t('rentalDeposits.check.runningBalances')}</Text>}
    </Alert>
  );
}

/** The fund today: cash, owed by tenants, placed, open advances, available, and where the money came from. */
function FundFigures({ fund }: { fund: RentalFund }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'cash', strong: true },
    { key: 'available', strong: true },
    { key: 'owedByTenants', strong: false },
    { key: 'placed', strong: false },
    { key: 'contributions', strong: false },
    { key: 'writtenOff', strong: false },
  ] as const;
  return (
    <SectionCard title={t('rentalDeposits.fund.title')} id="fund-figures-title">
      <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
        {figures.map((f) => (
          <Paper key={f.key} p="sm" bg={f.strong ? 'pot.0' : 'gray.0'} withBorder={false}>
            <Text component="dt" size="sm" c="dimmed" fw={500}>
              {t(`rentalDeposits.fund.${f.key}`)}
            </Text>
            <Text component="dd" m={0} fz={{ base: 'md', sm: 'lg' }} fw={700} data-testid={`fund-${f.key}`}>
              <MoneyText value={fund[f.key]} />
            </Text>
          </Paper>
        ))}
        <Paper p="sm" bg="gray.0" withBorder={false}>
          <Text component="dt" size="sm" c="dimmed" fw={500}>
            {t('rentalDeposits.fund.openCount')}
          </Text>
          <Text component="dd" m={0} fz={{ base: 'md', sm: 'lg' }} fw={700} data-testid="fund-openCount">
            {fund.openCount}
          </Text>
        </Paper>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {t('rentalDeposits.fund.explain')}
      </Text>
    </SectionCard>
  );
}

function FundHistory() {
  const { t } = useTranslation();
  const to = todayInBrussels().slice(0, 7);
  const series = useFundSeries(addMonths(to, -(CHART_MONTHS - 1)), to);
  return (
    <QueryState query={series}>
      {(items) => {
        const points = toFundSeries(items);
        return points.length === 0 ? <Text c="dimmed">{t('rentalDeposits.chart.empty')}</Text> : <FundChart points={points} />;
      }}
    </QueryState>
  );
}

function FundEntries({ fund, coordinator, dialog, names }: { fund: RentalFund; coordinator: boolean; dialog: DialogState<RentalAction>; names: Map<string, string> }) {
  const { t } = useTranslation();
  const today = todayInBrussels();
  const [from, setFrom] = useState(`${addMonths(today.slice(0, 7), -2)}-01`);
  const [to, setTo] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const entries = useFundEntries(from, to, valid);
  return (
    <Stack gap="md">
      <Text size="sm">{t('rentalDeposits.entries.fundIntro')}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="date" label={t('rentalDeposits.fields.from')} value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('rentalDeposits.fields.to')} value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
      </SimpleGrid>
      {!valid ? (
        <Text size="sm" c="red.9">
          {t('rentalDeposits.fieldErrors.period')}
        </Text>
      ) : entries.isPending ? (
        <LoadingState />
      ) : entries.isError ? (
        <ErrorBanner error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.length === 0 ? (
        <Text c="dimmed">{t('rentalDeposits.entries.emptyPeriod')}</Text>
      ) : (
        <RentalEntryList
          lines={entries.data.map((e) => fundEntryLine(e, names))}
          label={t('rentalDeposits.entries.fundTitle')}
          idPrefix="fund-entry"
          initialCount={20}
          onReverse={
            coordinator
              ? (line) => {
                  const entry = entries.data.find((e) => e.id === line.id);
                  const cash = entry?.effects.fund_cash;
                  dialog.open({ kind: 'reversal', line, lines: reversalLines({ ...line, amount: cash ?? null }, { label: t('rentalDeposits.fund.cash'), before: fund.cash }) });
                }
              : undefined
          }
        />
      )}
    </Stack>
  );
}

/** The latest closings are listed; the rest are one click away. */
const CLOSINGS_SHOWN = 6;

function Closings() {
  const { t } = useTranslation();
  const closings = useFundClosings();
  const language = currentLanguage();
  const [all, setAll] = useState(false);
  return (
    <QueryState query={closings}>
      {(items) =>
        items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('rentalDeposits.closing.noneYet')}
          </Text>
        ) : (
          <Stack gap="xs">
            <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
              {[...items].sort((a, b) => (a.month < b.month ? 1 : -1)).slice(0, all ? undefined : CLOSINGS_SHOWN).map((c) => (
                <Group component="li" key={c.month} justify="space-between" wrap="wrap" gap="xs">
                  <Text size="sm" fw={600}>
                    {monthLabel(c.month, language, 'long')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('rentalDeposits.closing.closedBy', { name: c.closedBy })} <DateText value={c.closedAt} />
                  </Text>
                </Group>
              ))}
            </Stack>
            {items.length > CLOSINGS_SHOWN && (
              <div>
                <Button variant="subtle" size="compact-sm" onClick={() => setAll((v) => !v)} aria-expanded={all}>
                  {all ? t('rentalDeposits.closing.showFewer', { count: CLOSINGS_SHOWN }) : t('rentalDeposits.closing.showAll', { count: items.length })}
                </Button>
              </div>
            )}
          </Stack>
        )
      }
    </QueryState>
  );
}
