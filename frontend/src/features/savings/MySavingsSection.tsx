import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDownloadStatement, useHouseholdEntries, useHouseholdSavings, type Entry, type HouseholdSavings } from '../../api/savings';
import { useHousehold } from '../../api/households';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DownloadIcon } from '../../components/Icons';
import { LoadingState } from '../../components/LoadingState';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { currentLanguage } from '../../i18n';
import { formatMoney, todayInBrussels } from '../../i18n/format';
import { isPositive } from './amounts';
import { SavingsErrorBanner } from './components/ActionDialog';
import { monthLabel } from '../../i18n/format';
import { EntryList } from './components/EntryList';
import { SavingsCurveChart } from './components/SavingsCurveChart';
import { lastTwelveMonths } from './dates';
import { HISTORY_START, hasAnySavings } from './HouseholdSavingsSection';
import { toSavingsCurve } from './savingsSeries';

/** How many of the latest movements the household sees on its page. */
const LAST_MOVEMENTS = 5;

/** The household's own savings, in plain words, phone first: what it saved, its months, its curve and statement. */
export function MySavingsSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const savings = useHouseholdSavings(householdId);
  return (
    <SectionCard title={t('savings.me.title')} id="me-savings-figures" titleSize="h3" titleGap="sm">
      <QueryState query={savings}>{(data) => <MySavings householdId={householdId} savings={data} />}</QueryState>
    </SectionCard>
  );
}

function MySavings({ householdId, savings }: { householdId: string; savings: HouseholdSavings }) {
  const { t } = useTranslation();
  const entries = useHouseholdEntries(householdId, HISTORY_START, todayInBrussels());
  if (entries.isPending) return <LoadingState />;
  if (entries.isError) return <ErrorBanner error={entries.error} onRetry={() => void entries.refetch()} />;
  const items = entries.data;
  if (!hasAnySavings(savings, items)) return <Text data-testid="my-savings-empty">{t('savings.me.nothingYet')}</Text>;
  return <MySavingsFigures householdId={householdId} savings={savings} entries={items} />;
}

function MySavingsFigures({ householdId, savings, entries }: { householdId: string; savings: HouseholdSavings; entries: Entry[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const money = (value: string) => formatMoney(value, language) ?? value;
  const household = useHousehold(householdId);
  const download = useDownloadStatement(householdId);
  const latest = [...entries].sort((a, b) => (a.valueDate === b.valueDate ? b.number - a.number : a.valueDate < b.valueDate ? 1 : -1)).slice(0, LAST_MOVEMENTS);
  const arrears = savings.arrears;
  const period = lastTwelveMonths(todayInBrussels());

  return (
    <Stack gap="md">
      <Text fz={{ base: 'lg', sm: 'xl' }} fw={600} data-testid="my-savings-summary">
        {t('savings.me.saved', { group: money(savings.groupSavings), individual: money(savings.individualSavings) })}
      </Text>
      <Text>{t('savings.me.total', { total: money(savings.totalSavings) })}</Text>

      {savings.expected &&
        (arrears.months === 0 ? (
          <Alert color="green" variant="light" title={t('savings.me.upToDateTitle')}>
            {t('savings.me.upToDate')}
          </Alert>
        ) : (
          <Alert color="yellow" variant="light" title={t('savings.me.behindTitle', { count: arrears.months })}>
            {t('savings.me.behind', {
              count: arrears.months,
              amount: money(arrears.amount),
              month: arrears.oldestUnpaidMonth ? monthLabel(arrears.oldestUnpaidMonth, language, 'long') : '',
            })}
          </Alert>
        ))}

      {isPositive(savings.outstandingAdvance) && <Text>{t('savings.me.advance', { amount: money(savings.outstandingAdvance) })}</Text>}

      {entries.length > 0 && <SavingsCurveChart title={t('savings.me.curveTitle')} points={toSavingsCurve(entries, savings)} simple />}

      <div>
        <Text fw={650} mb={4}>
          {t('savings.me.lastMovements')}
        </Text>
        <EntryList entries={latest} label={t('savings.me.lastMovements')} view="household" idPrefix="my-movement" />
      </div>

      {download.isError && <SavingsErrorBanner error={download.error} />}
      <Button
        leftSection={<DownloadIcon size={18} />}
        size="md"
        fullWidth
        loading={download.isPending}
        onClick={() =>
          download.mutate({ ...period, lang: language, fileName: t('savings.statement.fileName', { reference: household.data?.reference ?? '', from: period.from, to: period.to }) })
        }
      >
        {t('savings.me.download')}
      </Button>
    </Stack>
  );
}
