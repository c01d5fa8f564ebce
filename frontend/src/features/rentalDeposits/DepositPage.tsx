import { Alert, Anchor, Button, Grid, Group, NativeSelect, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/auth';
import { useDownloadDepositLetter, useDownloadDepositStatement, useRentalDeposit, type Deposit } from '../../api/rentalDeposits';
import type { Language } from '../../api/types';
import { DateText } from '../../components/DateText';
import { AlertIcon, CashIcon, DownloadIcon, LockIcon, ReverseIcon } from '../../components/Icons';
import { InfoList } from '../../components/InfoList';
import { MoneyText } from '../../components/MoneyText';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { LANGUAGES, currentLanguage } from '../../i18n';
import { formatDate, formatMoney, todayInBrussels } from '../../i18n/format';
import { isPositive } from '../savings/amounts';
import { SavingsErrorBanner, useDialogState } from '../savings/components/ActionDialog';
import { ScrollTable } from '../savings/components/ScrollTable';
import { RentalEntryList } from './components/RentalEntryList';
import { DepositArrearsBadge, DepositStatusBadge, InstalmentStateBadge } from './components/StatusBadges';
import { depositEntryLine } from './entryLines';
import { repaymentProgress } from './fundSeries';
import { RENTAL_WORDING, RentalActionDialog, reversalLines, type RentalAction } from './RentalActions';
import { formatIban, formatStructuredCommunication } from './references';

/** One rental-deposit advance: its facts, what is owed, the plan against what was paid, entries and the coordinators' operations. */
export function DepositPage() {
  const { id = '' } = useParams();
  const deposit = useRentalDeposit(id);
  return <QueryState query={deposit}>{(data) => <DepositDetails deposit={data} />}</QueryState>;
}

function DepositDetails({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const coordinator = session?.user.role === 'coordinator';
  const dialog = useDialogState<RentalAction>();
  const owes = isPositive(deposit.owed);
  const canRepay = owes && (deposit.status === 'open' || deposit.status === 'released');
  const canRelease = deposit.status === 'open' && deposit.placed;
  // What stays owed after the release is repaid or written off (the API refuses a write-off before it).
  const canWriteOff = owes && deposit.status === 'released';
  // A release that moved no money is undone here; one that cleared a debt by reversing its entry.
  const canUndoRelease = deposit.release !== null && !isPositive(deposit.release.toFund);
  const hasActions = canRepay || canRelease || canWriteOff || canUndoRelease;

  return (
    <>
      <PageTitle
        title={t('rentalDeposits.deposit.title', { name: deposit.household.displayName })}
        after={<DepositStatusBadge status={deposit.status} />}
        description={
          <Anchor component={Link} to="/rental-deposits" size="sm">
            {t('rentalDeposits.deposit.backToFund')}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <SectionCard title={t('rentalDeposits.deposit.facts')} id="deposit-facts">
              <Facts deposit={deposit} />
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SectionCard title={t('rentalDeposits.deposit.figures')} id="deposit-figures">
              <Figures deposit={deposit} />
            </SectionCard>
          </Grid.Col>
        </Grid>

        {coordinator && hasActions && (
          <SectionCard title={t('rentalDeposits.actions.title')} id="deposit-actions-title">
            <Group gap="sm" wrap="wrap">
              {canRepay && (
                <Button leftSection={<CashIcon size={16} />} onClick={() => dialog.open({ kind: 'repayment' })}>
                  {t('rentalDeposits.actions.repayment')}
                </Button>
              )}
              {canRelease && (
                <Button variant="default" leftSection={<LockIcon size={16} />} onClick={() => dialog.open({ kind: 'release' })}>
                  {t('rentalDeposits.actions.release')}
                </Button>
              )}
              {canUndoRelease && (
                <Button variant="default" leftSection={<ReverseIcon size={16} />} onClick={() => dialog.open({ kind: 'undoRelease' })}>
                  {t('rentalDeposits.actions.undoRelease')}
                </Button>
              )}
              {canWriteOff && (
                <Button variant="default" leftSection={<ReverseIcon size={16} />} onClick={() => dialog.open({ kind: 'writeOff' })}>
                  {t('rentalDeposits.actions.writeOff')}
                </Button>
              )}
            </Group>
          </SectionCard>
        )}

        <SectionCard title={t('rentalDeposits.schedule.title')} id="deposit-schedule">
          <Schedule deposit={deposit} />
        </SectionCard>

        {deposit.release && (
          <SectionCard title={t('rentalDeposits.release.doneTitle')} id="deposit-release">
            <InfoList
              cols={3}
              items={[
                { label: t('rentalDeposits.release.releasedOn'), value: <DateText value={deposit.release.releasedOn} /> },
                { label: t('rentalDeposits.release.landlordKept'), value: <MoneyText value={deposit.release.landlordKept} /> },
                { label: t('rentalDeposits.release.released'), value: <MoneyText value={deposit.release.released} /> },
                { label: t('rentalDeposits.release.toFund'), value: <MoneyText value={deposit.release.toFund} /> },
                { label: t('rentalDeposits.release.toTenant'), value: <MoneyText value={deposit.release.toTenant} /> },
              ]}
            />
          </SectionCard>
        )}

        <SectionCard title={t('rentalDeposits.documents.title')} id="deposit-documents">
          <Documents deposit={deposit} />
        </SectionCard>

        <SectionCard title={t('rentalDeposits.entries.depositTitle')} id="deposit-entries">
          {deposit.entries.length === 0 ? (
            <Text c="dimmed">{t('rentalDeposits.entries.empty')}</Text>
          ) : (
            <RentalEntryList
              lines={deposit.entries.map(depositEntryLine)}
              label={t('rentalDeposits.entries.depositTitle')}
              idPrefix="deposit-entry"
              initialCount={12}
              onReverse={coordinator ? (line) => dialog.open({ kind: 'reversal', line, lines: reversalLines(line, { label: t('rentalDeposits.figures.owed'), before: deposit.owed }) }) : undefined}
            />
          )}
        </SectionCard>
      </Stack>
      <RentalActionDialog dialog={dialog} deposit={deposit} />
    </>
  );
}

function Facts({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const plan =
    'instalment' in deposit.plan
      ? t('rentalDeposits.plan.instalmentText', { amount: formatMoney(deposit.plan.instalment, language) })
      : t('rentalDeposits.plan.monthsText', { count: deposit.plan.months });
  const landlord = [deposit.landlord.name, deposit.landlord.phone, deposit.landlord.email].filter((v): v is string => Boolean(v));
  return (
    <InfoList
      items={[
        {
          label: t('rentalDeposits.list.household'),
          value: (
            <Anchor component={Link} to={`/households/${deposit.household.id}?tab=rentalDeposit`}>
              {deposit.household.displayName} ({deposit.household.reference})
            </Anchor>
          ),
        },
        { label: t('rentalDeposits.fields.address'), value: deposit.address },
        {
          label: t('rentalDeposits.fields.landlord'),
          value: (
            <>
              {landlord.map((line, i) => (
                <span key={line}>
                  {i > 0 && <br />}
                  {line}
                </span>
              ))}
            </>
          ),
        },
        { label: t('rentalDeposits.fields.monthlyRent'), value: <MoneyText value={deposit.monthlyRent} /> },
        { label: t('rentalDeposits.fields.amount'), value: <MoneyText value={deposit.amount} /> },
        { label: t('rentalDeposits.fields.openedOn'), value: <DateText value={deposit.openedOn} /> },
        { label: t('rentalDeposits.fields.bank'), value: deposit.bank ?? t('common.empty') },
        { label: t('rentalDeposits.fields.blockedAccountReference'), value: deposit.blockedAccountReference ? <span className="mono">{deposit.blockedAccountReference}</span> : t('common.empty') },
        { label: t('rentalDeposits.fields.plan'), value: plan },
        { label: t('rentalDeposits.fields.firstDueOn'), value: <DateText value={deposit.firstDueOn} /> },
        {
          label: t('rentalDeposits.fields.structuredCommunication'),
          value: (
            <span className="mono" data-testid="deposit-communication">
              {formatStructuredCommunication(deposit.structuredCommunication)}
            </span>
          ),
        },
        { label: t('rentalDeposits.fund.iban'), value: deposit.fundIban ? <span className="mono">{formatIban(deposit.fundIban)}</span> : t('rentalDeposits.fund.noIban') },
      ]}
    />
  );
}

function Figures({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const progress = repaymentProgress(deposit);
  const figures = [
    { key: 'owed', strong: true },
    { key: 'paid', strong: false },
    { key: 'releasedToFund', strong: false },
    { key: 'writtenOff', strong: false },
  ] as const;
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={2} spacing="sm" m={0}>
        {figures.map((f) => (
          <Paper key={f.key} p="sm" bg={f.strong ? 'pot.0' : 'gray.0'} withBorder={false}>
            <Text component="dt" size="sm" c="dimmed" fw={500}>
              {t(`rentalDeposits.figures.${f.key}`)}
            </Text>
            <Text component="dd" m={0} fz={{ base: 'md', sm: 'lg' }} fw={700} data-testid={`deposit-${f.key}`}>
              <MoneyText value={deposit[f.key]} />
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <div>
        <Progress value={progress.percent} size="lg" radius="sm" aria-label={t('rentalDeposits.figures.progressLabel', { percent: progress.percent })} />
        <Text size="sm" mt={4}>
          {t('rentalDeposits.figures.progress', { percent: progress.percent, count: progress.paidInstalments, total: progress.totalInstalments })}
        </Text>
      </div>
      {deposit.status !== 'cancelled' && deposit.arrears.instalments === 0 && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{t('rentalDeposits.list.arrears')}</Text>
          <DepositArrearsBadge arrears={deposit.arrears} />
        </Group>
      )}
      {deposit.arrears.instalments > 0 && deposit.arrears.oldestDueOn && (
        <Alert color="red" variant="light" icon={<AlertIcon />} title={t('rentalDeposits.list.arrears')} data-testid="deposit-arrears">
          {t('rentalDeposits.arrears.detail', {
            count: deposit.arrears.instalments,
            amount: formatMoney(deposit.arrears.amount, language),
            date: formatDate(deposit.arrears.oldestDueOn, language),
            days: deposit.arrears.oldestAgeDays ?? 0,
          })}
        </Alert>
      )}
      {deposit.nextInstalment && (
        <Text size="sm" data-testid="deposit-next">
          {t('rentalDeposits.figures.next', { amount: formatMoney(deposit.nextInstalment.amount, language), date: formatDate(deposit.nextInstalment.dueOn, language) })}
        </Text>
      )}
    </Stack>
  );
}

function Schedule({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // A long plan opens where it matters: at the first instalment not fully paid (late, due or partial).
  const firstOpen = deposit.schedule.find((line) => line.state !== 'paid')?.number ?? null;
  useEffect(() => {
    const row = firstOpen === null ? null : box.current?.querySelector<HTMLElement>(`[data-instalment="${firstOpen}"]`);
    if (box.current && row) box.current.scrollTop += row.getBoundingClientRect().top - box.current.getBoundingClientRect().top - 48;
  }, [firstOpen]);
  if (deposit.schedule.length === 0) return <Text c="dimmed">{t('rentalDeposits.schedule.empty')}</Text>;
  return (
    <div ref={box} style={{ maxHeight: 480, overflowY: 'auto' }}>
      <ScrollTable
        caption={t('rentalDeposits.schedule.caption')}
        head={
          <Table.Tr>
            <Table.Th scope="col" visibleFrom="xs">
              {t('rentalDeposits.schedule.number')}
            </Table.Th>
            <Table.Th scope="col">{t('rentalDeposits.schedule.dueOn')}</Table.Th>
            <Table.Th scope="col" ta="right" visibleFrom="xs">
              {t('rentalDeposits.schedule.planned')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('rentalDeposits.schedule.covered')}
            </Table.Th>
            <Table.Th scope="col">{t('rentalDeposits.schedule.state')}</Table.Th>
          </Table.Tr>
        }
      >
        {deposit.schedule.map((line) => (
          <Table.Tr key={line.number} data-instalment={line.number}>
            <Table.Td visibleFrom="xs">{line.number}</Table.Td>
            <Table.Th scope="row" fw={500} className="nowrap">
              <DateText value={line.dueOn} />
            </Table.Th>
            <Table.Td ta="right" visibleFrom="xs">
              <MoneyText value={line.amount} />
            </Table.Td>
            <Table.Td ta="right">
              <MoneyText value={line.covered} />
              <Text span size="xs" c="dimmed" hiddenFrom="xs" display="block" className="nowrap">
                {t('rentalDeposits.schedule.ofPlanned', { amount: formatMoney(line.amount, currentLanguage()) })}
              </Text>
            </Table.Td>
            <Table.Td>
              <InstalmentStateBadge state={line.state} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ScrollTable>
    </div>
  );
}

/** The repayment letter and the statement, in a chosen language (the household's by default). */
function Documents({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Language>(deposit.household.preferredLanguage);
  const [from, setFrom] = useState(deposit.openedOn);
  const [to, setTo] = useState(todayInBrussels());
  const letter = useDownloadDepositLetter(deposit.id);
  const statement = useDownloadDepositStatement(deposit.id);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const error = letter.error ?? statement.error;
  const reference = deposit.household.reference;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('rentalDeposits.documents.intro')}</Text>
      <NativeSelect
        label={t('rentalDeposits.documents.language')}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
        value={lang}
        onChange={(e) => setLang(LANGUAGES.find((l) => l === e.currentTarget.value) ?? deposit.household.preferredLanguage)}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="date" label={t('rentalDeposits.fields.from')} value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('rentalDeposits.fields.to')} value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
      </SimpleGrid>
      {Boolean(error) && <SavingsErrorBanner error={error} wording={RENTAL_WORDING} />}
      <Group gap="sm" wrap="wrap">
        <Button
          leftSection={<DownloadIcon size={16} />}
          loading={letter.isPending}
          onClick={() => {
            statement.reset();
            letter.mutate({ lang, fileName: t('rentalDeposits.documents.letterFile', { reference }) });
          }}
        >
          {t('rentalDeposits.documents.letter')}
        </Button>
        <Button
          variant="default"
          leftSection={<DownloadIcon size={16} />}
          loading={statement.isPending}
          disabled={!valid}
          onClick={() => {
            letter.reset();
            statement.mutate({ from, to, lang, fileName: t('rentalDeposits.documents.statementFile', { reference, from, to }) });
          }}
        >
          {t('rentalDeposits.documents.statement')}
        </Button>
      </Group>
    </Stack>
  );
}
