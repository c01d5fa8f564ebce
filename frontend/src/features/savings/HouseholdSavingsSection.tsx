import { Anchor, Button, Grid, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHousehold } from '../../api/households';
import { useDownloadStatement, useHouseholdEntries, useHouseholdSavings, type Entry, type HouseholdSavings } from '../../api/savings';
import type { Language } from '../../api/types';
import { AppModal } from '../../components/AppModal';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CashIcon, DownloadIcon } from '../../components/Icons';
import { LoadingState } from '../../components/LoadingState';
import { MoneyText } from '../../components/MoneyText';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { LANGUAGES, currentLanguage } from '../../i18n';
import { todayInBrussels } from '../../i18n/format';
import { isPositive } from './amounts';
import { SavingsErrorBanner, useDialogState } from './components/ActionDialog';
import { monthLabel } from '../../i18n/format';
import { DepositForm } from './components/DepositForm';
import { EntryList } from './components/EntryList';
import { SavingsCurveChart } from './components/SavingsCurveChart';
import { ScrollTable } from './components/ScrollTable';
import { ArrearsBadge, MonthStatusBadge } from './components/StatusBadges';
import { lastTwelveMonths } from './dates';
import { toSavingsCurve } from './savingsSeries';

/** Movements are read from this date: all of a household's history, which stays small (a few hundred lines). */
export const HISTORY_START = '2000-01-01';

/** The savings tab of the staff household page: balances, curve, expected vs paid, movements, deposit, statement. */
export function HouseholdSavingsSection({ householdId }: { householdId: string }) {
  const savings = useHouseholdSavings(householdId);
  return <QueryState query={savings}>{(data) => <SavingsDetails householdId={householdId} savings={data} />}</QueryState>;
}

function SavingsDetails({ householdId, savings }: { householdId: string; savings: HouseholdSavings }) {
  const { t } = useTranslation();
  const household = useHousehold(householdId);
  const today = todayInBrussels();
  const entries = useHouseholdEntries(householdId, HISTORY_START, today);
  const dialog = useDialogState<'deposit'>();
  const name = household.data?.displayName ?? '';

  return (
    <Stack gap="lg">
      <SectionCard title={t('savings.balances.title')} id="balances-title">
        <Stack gap="md">
          <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
            {(['groupSavings', 'individualSavings', 'totalSavings', 'outstandingAdvance'] as const).map((key) => (
              <Paper key={key} p="sm" bg={key === 'totalSavings' ? 'pot.0' : 'gray.0'} withBorder={false}>
                <Text component="dt" size="sm" c="dimmed" fw={500}>
                  {t(`savings.balances.${key}`)}
                </Text>
                <Text component="dd" m={0} fz="lg" fw={700} data-testid={`balance-${key}`}>
                  <MoneyText value={savings[key]} />
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Group gap="sm" justify="space-between" wrap="wrap">
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('savings.balances.arrears')}</Text>
              <ArrearsBadge arrears={savings.arrears} />
              {savings.groupId && (
                <Anchor component={Link} to={`/groups/${savings.groupId}`} size="sm">
                  {t('savings.balances.openGroup')}
                </Anchor>
              )}
            </Group>
            <Button leftSection={<CashIcon size={16} />} onClick={() => dialog.open('deposit')}>
              {t('savings.actions.deposit')}
            </Button>
          </Group>
          {!savings.groupId && <Text size="sm" c="dimmed">{t('savings.balances.noGroup')}</Text>}
        </Stack>
      </SectionCard>

      <SectionCard title={t('savings.curve.staffTitle')} id="curve-title">
        {entries.isPending ? (
          <LoadingState />
        ) : entries.isError ? (
          <ErrorBanner error={entries.error} onRetry={() => void entries.refetch()} />
        ) : entries.data.length === 0 ? (
          <Text c="dimmed">{t('savings.curve.empty')}</Text>
        ) : (
          <SavingsCurveChart title={t('savings.curve.chartTitle')} points={toSavingsCurve(entries.data, savings)} />
        )}
      </SectionCard>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SectionCard title={t('savings.expected.title')} id="expected-title">
            <ExpectedVsPaid savings={savings} />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SectionCard title={t('savings.statement.title')} id="statement-title">
            <StatementDownload householdId={householdId} reference={household.data?.reference ?? ''} language={household.data?.preferredLanguage} />
          </SectionCard>
        </Grid.Col>
      </Grid>

      <SectionCard title={t('savings.entries.title')} id="movements-title">
        <Movements entries={entries.data} pending={entries.isPending} />
      </SectionCard>

      <AppModal opened={dialog.opened} onClose={dialog.close} title={t('savings.deposit.title')} size="lg">
        {dialog.action && (
          <DepositForm
            key={dialog.serial}
            households={[{ id: householdId, name, groupSavings: savings.groupSavings, individualSavings: savings.individualSavings, inGroup: savings.groupId !== null }]}
            pot={null}
            onDone={dialog.close}
          />
        )}
      </AppModal>
    </Stack>
  );
}

function Movements({ entries, pending }: { entries: Entry[] | undefined; pending: boolean }) {
  const { t } = useTranslation();
  if (pending || !entries) return <LoadingState />;
  if (entries.length === 0) return <Text c="dimmed">{t('savings.entries.empty')}</Text>;
  return <EntryList entries={entries} label={t('savings.entries.title')} view="household" staff idPrefix="movement" />;
}

function ExpectedVsPaid({ savings }: { savings: HouseholdSavings }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!savings.expected) return <Text c="dimmed">{t('savings.expected.none')}</Text>;
  const months = [...savings.expected.months].reverse();
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('savings.expected.totals')} <MoneyText value={savings.expected.totalDue} /> · {t('savings.expected.paid')} <MoneyText value={savings.expected.totalPaid} />
      </Text>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        <ScrollTable
          caption={t('savings.expected.tableCaption')}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('savings.fields.month')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('savings.expected.due')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('savings.expected.paidInMonth')}</Table.Th>
              <Table.Th scope="col">{t('savings.expected.status')}</Table.Th>
            </Table.Tr>
          }
        >
          {months.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Th scope="row" fw={500} className="nowrap">
                {monthLabel(m.month, language, 'long')}
              </Table.Th>
              <Table.Td ta="right">
                <MoneyText value={m.due} />
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText value={m.paidInMonth} />
              </Table.Td>
              <Table.Td>
                <MonthStatusBadge status={m.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      </div>
    </Stack>
  );
}

/** From/to dates and a language (the household's by default), then the statement PDF. */
function StatementDownload({ householdId, reference, language }: { householdId: string; reference: string; language: Language | undefined }) {
  const { t } = useTranslation();
  const initial = lastTwelveMonths(todayInBrussels());
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [lang, setLang] = useState<Language | ''>('');
  const chosen = lang || language || 'fr';
  const download = useDownloadStatement(householdId);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('savings.statement.intro')}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="date" label={t('savings.fields.from')} value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('savings.fields.to')} value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
      </SimpleGrid>
      <NativeSelect
        label={t('savings.statement.language')}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
        value={chosen}
        onChange={(e) => setLang(LANGUAGES.find((l) => l === e.currentTarget.value) ?? '')}
      />
      {download.isError && <SavingsErrorBanner error={download.error} />}
      <div>
        <Button
          leftSection={<DownloadIcon size={16} />}
          loading={download.isPending}
          disabled={!valid}
          onClick={() => download.mutate({ from, to, lang: chosen, fileName: t('savings.statement.fileName', { reference, from, to }) })}
        >
          {t('savings.statement.download')}
        </Button>
      </div>
    </Stack>
  );
}

/** Shared with the household's own page. */
export function hasAnySavings(savings: HouseholdSavings, entries: Entry[]): boolean {
  return entries.length > 0 || isPositive(savings.totalSavings) || isPositive(savings.outstandingAdvance);
}
