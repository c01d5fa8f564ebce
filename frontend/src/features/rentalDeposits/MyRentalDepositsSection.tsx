import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDownloadDepositLetter, useHouseholdRentalDeposits, useRentalDeposit, type Deposit, type DepositSummary } from '../../api/rentalDeposits';
import { DownloadIcon } from '../../components/Icons';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { currentLanguage } from '../../i18n';
import { formatDate, formatMoney } from '../../i18n/format';
import { isPositive } from '../savings/amounts';
import { SavingsErrorBanner } from '../savings/components/ActionDialog';
import { CopyValue } from './components/CopyValue';
import { RENTAL_WORDING } from './RentalActions';
import { compactIban, formatIban, formatStructuredCommunication } from './references';

/** The household's own rental-deposit advances, in plain words and phone first; nothing when it has none to repay. */
export function MyRentalDepositsSection({ householdId }: { householdId: string }) {
  const deposits = useHouseholdRentalDeposits(householdId);
  if (!deposits.data) return deposits.isError ? <QueryState query={deposits}>{() => null}</QueryState> : null;
  const shown = deposits.data.filter((d: DepositSummary) => d.status === 'open' || (d.status === 'released' && isPositive(d.owed)));
  return (
    <>
      {shown.map((d) => (
        <MyDeposit key={d.id} depositId={d.id} />
      ))}
    </>
  );
}

function MyDeposit({ depositId }: { depositId: string }) {
  const { t } = useTranslation();
  const deposit = useRentalDeposit(depositId);
  return (
    <SectionCard title={t('rentalDeposits.me.title')} id={`me-deposit-${depositId}`} titleSize="h3" titleGap="sm">
      <QueryState query={deposit}>{(data) => <MyDepositDetails deposit={data} />}</QueryState>
    </SectionCard>
  );
}

function MyDepositDetails({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const money = (value: string) => formatMoney(value, language) ?? value;
  const date = (value: string) => formatDate(value, language) ?? value;
  const letter = useDownloadDepositLetter(deposit.id);
  const arrears = deposit.arrears;
  const communication = formatStructuredCommunication(deposit.structuredCommunication);
  return (
    <Stack gap="md">
      <Text>{t('rentalDeposits.me.intro', { address: deposit.address, amount: money(deposit.amount) })}</Text>
      <Text fz={{ base: 'lg', sm: 'xl' }} fw={600} data-testid="my-deposit-owed">
        {t('rentalDeposits.me.owed', { amount: money(deposit.owed) })}
      </Text>
      {deposit.nextInstalment && (
        <Text data-testid="my-deposit-next">{t('rentalDeposits.me.next', { amount: money(deposit.nextInstalment.amount), date: date(deposit.nextInstalment.dueOn) })}</Text>
      )}
      {arrears.instalments === 0 ? (
        <Alert color="green" variant="light" title={t('rentalDeposits.me.upToDateTitle')}>
          {t('rentalDeposits.me.upToDate')}
        </Alert>
      ) : (
        <Alert color="yellow" variant="light" title={t('rentalDeposits.me.behindTitle')} data-testid="my-deposit-arrears">
          {t('rentalDeposits.me.behind', { count: arrears.instalments, amount: money(arrears.amount), date: arrears.oldestDueOn ? date(arrears.oldestDueOn) : '' })}
        </Alert>
      )}
      <div>
        <Text fw={650} mb={4}>
          {t('rentalDeposits.me.howToPay')}
        </Text>
        <Text size="sm" mb="sm">
          {t('rentalDeposits.me.howToPayBody')}
        </Text>
        <Stack gap="sm">
          {deposit.fundIban ? (
            <CopyValue label={t('rentalDeposits.me.iban')} display={formatIban(deposit.fundIban)} value={compactIban(deposit.fundIban)} copyLabel={t('rentalDeposits.me.copyIban')} testId="my-deposit-iban" />
          ) : (
            <Text size="sm">{t('rentalDeposits.me.noIban')}</Text>
          )}
          <CopyValue label={t('rentalDeposits.me.communication')} display={communication} copyLabel={t('rentalDeposits.me.copyCommunication')} testId="my-deposit-communication" />
        </Stack>
      </div>
      {letter.isError && <SavingsErrorBanner error={letter.error} wording={RENTAL_WORDING} />}
      <Button
        leftSection={<DownloadIcon size={18} />}
        size="md"
        fullWidth
        variant="light"
        loading={letter.isPending}
        onClick={() => letter.mutate({ lang: language, fileName: t('rentalDeposits.documents.letterFile', { reference: deposit.household.reference }) })}
      >
        {t('rentalDeposits.me.letter')}
      </Button>
    </Stack>
  );
}
