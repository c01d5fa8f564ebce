import { Alert, Grid, NativeSelect, Radio, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useHousehold, useHouseholds } from '../../api/households';
import { rentalPaths, useRentalFund, useRentalOperation, type Deposit } from '../../api/rentalDeposits';
import { AlertIcon } from '../../components/Icons';
import { FormActions } from '../../components/FormActions';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { notifySuccess } from '../../components/notify';
import { currentLanguage } from '../../i18n';
import { formatAmountInput, formatMoney, normaliseAmount, todayInBrussels } from '../../i18n/format';
import { compareAmounts, subtractAmounts } from '../savings/amounts';
import { AmountInput, EffectSummary, SavingsErrorBanner, useIdempotencyKey, type EffectLine } from '../savings/components/ActionDialog';
import { previewAmount } from '../savings/effects';
import { defaultFirstDueOn, initialDepositValues, newDepositBody, twoMonthsRent, type NewDepositValues } from './depositForm';
import { newDepositFieldErrors } from './problems';
import { RENTAL_WORDING } from './RentalActions';

/** The new-advance form (coordinators): household, landlord, lease, the guarantee and its repayment plan. */
export function NewDepositPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const language = currentLanguage();
  const money = (value: string) => formatMoney(value, language) ?? value;
  const today = todayInBrussels();
  const [values, setValues] = useState<NewDepositValues>(() => initialDepositValues(today, searchParams.get('householdId') ?? ''));
  // Until the amount is typed, it follows the rent (two months' rent); the first due date follows the opening.
  const [amountTouched, setAmountTouched] = useState(false);
  const [dueTouched, setDueTouched] = useState(false);
  const set = (key: keyof NewDepositValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const households = useHouseholds({ q: debounced || undefined, page: 1, pageSize: 25 });
  const preset = useHousehold(searchParams.get('householdId') ?? undefined);
  const options = [...(preset.data ? [preset.data] : []), ...(households.data?.items ?? []).filter((h) => h.id !== preset.data?.id)];
  const chosen = options.find((h) => h.id === values.householdId) ?? options[0];

  const fund = useRentalFund();
  const key = useIdempotencyKey();
  const create = useRentalOperation<Deposit>();
  const { fields, other } = newDepositFieldErrors(create.error, values.planKind, t);

  const legal = twoMonthsRent(values.monthlyRent);
  const amountShown = amountTouched ? values.amount : legal ? formatAmountInput(legal, language) : '';
  const amount = previewAmount(normaliseAmount(amountShown));
  const cash = fund.data?.cash;
  const available = fund.data?.available;
  const lines: EffectLine[] = amount && cash ? [{ label: t('rentalDeposits.fund.cash'), before: cash, after: subtractAmounts(cash, amount) }] : [];
  const warnings: string[] = [];
  if (amount && available && compareAmounts(amount, available) > 0) warnings.push(t('rentalDeposits.form.moreThanAvailable', { available: money(available) }));
  if (amount && legal && compareAmounts(amount, legal) > 0) warnings.push(t('rentalDeposits.form.aboveLegal', { maximum: money(legal) }));

  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!create.error) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else formRef.current?.scrollIntoView({ block: 'start' });
  }, [create.error]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const body = newDepositBody({ ...values, householdId: chosen?.id ?? '', amount: amountShown, firstDueOn: dueTouched ? values.firstDueOn : defaultFirstDueOn(values.openedOn) });
    create.mutate(
      { path: rentalPaths.deposits(), body, idempotencyKey: key },
      {
        onSuccess: (deposit) => {
          notifySuccess(t('rentalDeposits.form.done', { name: chosen?.displayName ?? '' }));
          void navigate(`/rental-deposits/${deposit.id}`);
        },
      },
    );
  };

  const firstDueOn = dueTouched ? values.firstDueOn : defaultFirstDueOn(values.openedOn);

  return (
    <Stack gap="lg" maw={960}>
      <PageTitle title={t('rentalDeposits.form.title')} description={t('rentalDeposits.form.intro')} />
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="lg">
          {Boolean(create.error) && <SavingsErrorBanner error={create.error} extra={other} wording={RENTAL_WORDING} />}

          <SectionCard title={t('rentalDeposits.form.householdSection')} id="new-household">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput type="search" label={t('rentalDeposits.form.search')} description={t('rentalDeposits.form.searchHelp')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
              <NativeSelect
                label={t('rentalDeposits.list.household')}
                required
                data={options.length > 0 ? options.map((h) => ({ value: h.id, label: `${h.displayName} (${h.reference})` })) : [{ value: '', label: t('rentalDeposits.form.noMatch') }]}
                value={chosen?.id ?? ''}
                onChange={(e) => set('householdId')(e.currentTarget.value)}
                error={fields.householdId}
              />
            </SimpleGrid>
          </SectionCard>

          <SectionCard title={t('rentalDeposits.form.leaseSection')} id="new-lease">
            <Stack gap="md">
              <TextInput label={t('rentalDeposits.form.landlordName')} required value={values.landlordName} onChange={(e) => set('landlordName')(e.currentTarget.value)} error={fields.landlordName} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput type="tel" label={t('rentalDeposits.form.landlordPhone')} autoComplete="off" value={values.landlordPhone} onChange={(e) => set('landlordPhone')(e.currentTarget.value)} error={fields.landlordPhone} />
                <TextInput type="email" label={t('rentalDeposits.form.landlordEmail')} autoComplete="off" value={values.landlordEmail} onChange={(e) => set('landlordEmail')(e.currentTarget.value)} error={fields.landlordEmail} />
              </SimpleGrid>
              <Textarea label={t('rentalDeposits.fields.address')} required autosize minRows={2} value={values.address} onChange={(e) => set('address')(e.currentTarget.value)} error={fields.address} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <AmountInput label={t('rentalDeposits.fields.monthlyRent')} required value={values.monthlyRent} onChange={(e) => set('monthlyRent')(e.currentTarget.value)} error={fields.monthlyRent} />
                <AmountInput
                  label={t('rentalDeposits.form.amount')}
                  description={legal ? t('rentalDeposits.form.amountHelp', { maximum: money(legal) }) : t('rentalDeposits.form.amountHelpNoRent')}
                  required
                  value={amountShown}
                  onChange={(e) => {
                    setAmountTouched(true);
                    set('amount')(e.currentTarget.value);
                  }}
                  error={fields.amount}
                />
              </SimpleGrid>
            </Stack>
          </SectionCard>

          <SectionCard title={t('rentalDeposits.form.accountSection')} id="new-account">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput type="date" label={t('rentalDeposits.fields.openedOn')} required value={values.openedOn} onChange={(e) => set('openedOn')(e.currentTarget.value)} error={fields.openedOn} />
              <TextInput label={t('rentalDeposits.fields.bank')} value={values.bank} onChange={(e) => set('bank')(e.currentTarget.value)} error={fields.bank} />
              <TextInput label={t('rentalDeposits.fields.blockedAccountReference')} autoComplete="off" value={values.blockedAccountReference} onChange={(e) => set('blockedAccountReference')(e.currentTarget.value)} error={fields.blockedAccountReference} />
            </SimpleGrid>
          </SectionCard>

          <SectionCard title={t('rentalDeposits.form.planSection')} id="new-plan">
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Radio.Group label={t('rentalDeposits.form.planKind')} value={values.planKind} onChange={(v) => setValues((s) => ({ ...s, planKind: v === 'months' ? 'months' : 'instalment' }))}>
                  <Stack gap="xs" mt={4}>
                    <Radio value="instalment" label={t('rentalDeposits.form.planInstalment')} />
                    <Radio value="months" label={t('rentalDeposits.form.planMonths')} />
                  </Stack>
                </Radio.Group>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Stack gap="md">
                  {values.planKind === 'instalment' ? (
                    <AmountInput label={t('rentalDeposits.form.instalment')} description={t('rentalDeposits.form.instalmentHelp')} required value={values.instalment} onChange={(e) => set('instalment')(e.currentTarget.value)} error={fields.instalment} />
                  ) : (
                    <TextInput label={t('rentalDeposits.form.months')} description={t('rentalDeposits.form.monthsHelp')} inputMode="numeric" autoComplete="off" required value={values.months} onChange={(e) => set('months')(e.currentTarget.value)} error={fields.months} />
                  )}
                  <TextInput
                    type="date"
                    label={t('rentalDeposits.fields.firstDueOn')}
                    required
                    value={firstDueOn}
                    onChange={(e) => {
                      setDueTouched(true);
                      set('firstDueOn')(e.currentTarget.value);
                    }}
                    error={fields.firstDueOn}
                  />
                </Stack>
              </Grid.Col>
            </Grid>
          </SectionCard>

          <EffectSummary lines={lines} notes={amount ? [t('rentalDeposits.form.effect', { amount: money(amount) })] : []} />
          {warnings.map((warning) => (
            <Alert key={warning} color="yellow" variant="light" icon={<AlertIcon />}>
              {warning}
            </Alert>
          ))}
          <FormActions submitLabel={t('rentalDeposits.form.submit')} submitting={create.isPending} onCancel={() => void navigate('/rental-deposits')} />
        </Stack>
      </form>
    </Stack>
  );
}
