import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Acquisition } from '../../../api/acquisitions';
import { DateText } from '../../../components/DateText';
import { InfoList } from '../../../components/InfoList';
import { MoneyText } from '../../../components/MoneyText';
import { formatPercent } from '../labels';

/** The figures recorded at the deed, as a description list (the server's amounts, as they are). */
export function AcquisitionFacts({ acquisition }: { acquisition: Acquisition }) {
  const { t } = useTranslation();
  const loan = acquisition.loan;
  return (
    <Stack gap="sm" data-testid="acquisition">
      <InfoList
        cols={3}
        items={[
          { label: t('acquisitions.acquisition.deedOn'), value: <DateText value={acquisition.deedOn} /> },
          { label: t('acquisitions.acquisition.notary'), value: acquisition.notary ?? t('common.empty') },
          { label: t('acquisitions.simulator.lines.price.label'), value: <MoneyText value={acquisition.price} /> },
          {
            label: t('acquisitions.acquisition.regime'),
            value: acquisition.taxRegime === 'vat' ? t('acquisitions.acquisition.vatAt', { rate: formatPercent(acquisition.vatRate) ?? '' }) : t('acquisitions.taxRegime.registration_duties'),
          },
          { label: t('acquisitions.simulator.lines.vat.label'), value: <MoneyText value={acquisition.vat} /> },
          { label: t('acquisitions.simulator.lines.registrationDuties.label'), value: <MoneyText value={acquisition.registrationDuties} /> },
          { label: t('acquisitions.acquisition.notaryFees'), value: <MoneyText value={acquisition.notaryFees} /> },
          {
            label: t('acquisitions.acquisition.deferred'),
            value: (
              <>
                <MoneyText value={acquisition.deferredAmount} /> ({formatPercent(acquisition.deferredPercent) ?? '0 %'})
              </>
            ),
          },
          { label: t('acquisitions.simulator.lines.ownFunds.label'), value: <MoneyText value={acquisition.ownFunds} /> },
          { label: t('acquisitions.simulator.lines.totalCost.label'), value: <MoneyText value={acquisition.totalCost} /> },
        ]}
      />
      {loan ? (
        <InfoList
          cols={3}
          items={[
            { label: t('acquisitions.acquisition.lender'), value: loan.lender ?? t('common.empty') },
            { label: t('acquisitions.simulator.lines.loanAmount.label'), value: <MoneyText value={loan.amount} /> },
            { label: t('acquisitions.acquisition.rateYears'), value: t('acquisitions.acquisition.rateYearsValue', { rate: formatPercent(loan.annualRate, 3) ?? loan.annualRate, count: loan.years }) },
            { label: t('acquisitions.simulator.lines.monthlyPayment.label'), value: <MoneyText value={loan.monthlyPayment} /> },
          ]}
        />
      ) : (
        <Text size="sm">{t('acquisitions.acquisition.noLoan')}</Text>
      )}
    </Stack>
  );
}
