import { Alert, Button, Checkbox, Grid, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulation, type Simulation } from '../../../api/acquisitions';
import { AlertIcon } from '../../../components/Icons';
import { MoneyText } from '../../../components/MoneyText';
import { currentLanguage } from '../../../i18n';
import { formatDate, formatMoney, todayInBrussels } from '../../../i18n/format';
import { AmountInput } from '../../savings/components/ActionDialog';
import { formatPercent } from '../labels';
import { acquisitionFieldErrors, acquisitionProblemMessage, otherAcquisitionErrors, otherAcquisitionMessage, type AcquisitionField } from '../problems';
import { defaultSimulatorValues, ratioPercent, simulationBody, simulationLines, type SimulationLine, type SimulatorValues } from '../simulatorForm';

const SHOWN: readonly AcquisitionField[] = ['price', 'compromisOn', 'onlyHome', 'vat.rate', 'vat.landShare', 'deferredPercent', 'ownFunds', 'loan.annualRate', 'loan.years', 'householdId'];

/** Props of SimulatorPanel. */
export interface SimulatorPanelProps {
  /** The household whose income the affordability uses (a household's own id on its page). */
  householdId?: string;
  /** A picker for staff to choose a household (it fills `householdId` of the body). */
  householdPicker?: (value: string, onChange: (id: string) => void) => ReactNode;
  /** Heading level inside the page: 2 on the simulator page, 3 inside a household's section. */
  headingOrder?: 2 | 3;
  /** Simpler words, for a household. */
  forHousehold?: boolean;
  /** Inputs and results one above the other (a narrow page). */
  stacked?: boolean;
  /** Starting values besides the defaults (e.g. the price of the home the household is buying). */
  initial?: Partial<SimulatorValues>;
}

/**
 * The purchase-cost simulator: the inputs, then every line the server computed (stores nothing), each
 * said in plain words with what it is, and the monthly payment up front. Amounts are the server's
 * decimal strings; the browser computes nothing.
 */
export function SimulatorPanel({ householdId, householdPicker, headingOrder = 2, forHousehold = false, stacked = false, initial }: SimulatorPanelProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const simulation = useSimulation();
  const [values, setValues] = useState<SimulatorValues>(() => defaultSimulatorValues(todayInBrussels(), language, { ...initial, householdId: householdId ?? '' }));
  const set = <K extends keyof SimulatorValues>(key: K) => (value: SimulatorValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = acquisitionFieldErrors(simulation.error, t);
  const extra = otherAcquisitionErrors(simulation.error, SHOWN);
  const formRef = useRef<HTMLFormElement>(null);

  const run = (next: SimulatorValues) => simulation.mutate(simulationBody({ ...next, householdId: householdId ?? next.householdId }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run(values);
  };
  // The household-friendly example is computed once on arrival, so the page opens with figures.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    run(values);
  }, []);
  useEffect(() => {
    if (simulation.isError) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [simulation.isError, simulation.error]);

  return (
    <Grid gap="lg">
      <Grid.Col span={stacked ? 12 : { base: 12, md: 5 }}>
        <Paper component="section" aria-labelledby="simulator-inputs" p={{ base: 'md', sm: 'lg' }}>
          <Title order={headingOrder} size="h4" mb="md" id="simulator-inputs">
            {t('acquisitions.simulator.inputsTitle')}
          </Title>
          <form ref={formRef} onSubmit={submit} noValidate>
            <Stack gap="md">
              {householdPicker?.(values.householdId, set('householdId'))}
              <AmountInput label={t('acquisitions.simulator.fields.price')} description={t('acquisitions.simulator.help.price')} required value={values.price} onChange={(e) => set('price')(e.currentTarget.value)} error={errors.price} />
              <TextInput
                type="date"
                label={t('acquisitions.simulator.fields.compromisOn')}
                description={t('acquisitions.simulator.help.compromisOn')}
                required
                value={values.compromisOn}
                onChange={(e) => set('compromisOn')(e.currentTarget.value)}
                error={errors.compromisOn}
              />
              <Checkbox
                label={t('acquisitions.simulator.fields.onlyHome')}
                description={t('acquisitions.simulator.help.onlyHome')}
                checked={values.onlyHome}
                onChange={(e) => set('onlyHome')(e.currentTarget.checked)}
                error={errors.onlyHome}
              />
              <Radio.Group label={t('acquisitions.simulator.fields.regime')} value={values.regime} onChange={(v) => set('regime')(v === 'vat' ? 'vat' : 'registration_duties')}>
                <Stack gap="xs" mt={4}>
                  <Radio value="registration_duties" label={t('acquisitions.taxRegime.registration_duties')} description={t('acquisitions.simulator.help.duties')} />
                  <Radio value="vat" label={t('acquisitions.taxRegime.vat')} description={t('acquisitions.simulator.help.vat')} />
                </Stack>
              </Radio.Group>
              {values.regime === 'vat' && (
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                  <TextInput label={t('acquisitions.simulator.fields.vatPercent')} inputMode="decimal" rightSection={<span aria-hidden="true">%</span>} required value={values.vatPercent} onChange={(e) => set('vatPercent')(e.currentTarget.value)} error={errors['vat.rate']} />
                  <AmountInput label={t('acquisitions.simulator.fields.landShare')} description={t('acquisitions.simulator.help.landShare')} required value={values.landShare} onChange={(e) => set('landShare')(e.currentTarget.value)} error={errors['vat.landShare']} />
                </SimpleGrid>
              )}
              <TextInput
                label={t('acquisitions.simulator.fields.deferredPercent')}
                description={t('acquisitions.simulator.help.deferredPercent')}
                inputMode="decimal"
                rightSection={<span aria-hidden="true">%</span>}
                value={values.deferredPercent}
                onChange={(e) => set('deferredPercent')(e.currentTarget.value)}
                error={errors.deferredPercent}
              />
              <AmountInput label={t('acquisitions.simulator.fields.ownFunds')} description={t('acquisitions.simulator.help.ownFunds')} value={values.ownFunds} onChange={(e) => set('ownFunds')(e.currentTarget.value)} error={errors.ownFunds} />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <TextInput label={t('acquisitions.simulator.fields.annualRate')} inputMode="decimal" rightSection={<span aria-hidden="true">%</span>} required value={values.annualRatePercent} onChange={(e) => set('annualRatePercent')(e.currentTarget.value)} error={errors['loan.annualRate']} />
                <TextInput label={t('acquisitions.simulator.fields.years')} inputMode="numeric" required value={values.years} onChange={(e) => set('years')(e.currentTarget.value)} error={errors['loan.years']} />
              </SimpleGrid>
              {simulation.isError && (
                <Alert color="red" variant="light" role="alert" icon={<AlertIcon />} title={acquisitionProblemMessage(simulation.error, t)}>
                  {extra.map((item) => (
                    <Text key={item.path} size="sm">
                      {otherAcquisitionMessage(item, t)}
                    </Text>
                  ))}
                </Alert>
              )}
              <Button type="submit" loading={simulation.isPending}>
                {t('acquisitions.simulator.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Grid.Col>
      <Grid.Col span={stacked ? 12 : { base: 12, md: 7 }}>
        <Paper component="section" aria-labelledby="simulator-result" p={{ base: 'md', sm: 'lg' }} aria-busy={simulation.isPending}>
          <Title order={headingOrder} size="h4" mb="md" id="simulator-result">
            {t('acquisitions.simulator.resultTitle')}
          </Title>
          {simulation.data ? (
            <SimulationResult simulation={simulation.data} years={values.years} forHousehold={forHousehold} />
          ) : (
            <Text c="dimmed">{t('acquisitions.simulator.noResult')}</Text>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

/** What a line means, in plain words, with the rule the server applied where there is one. */
function explain(key: SimulationLine, s: Simulation, t: TFunction): string {
  const language = currentLanguage();
  const money = (v: string) => formatMoney(v, language) ?? v;
  switch (key) {
    case 'registrationDuties':
      return t('acquisitions.simulator.lines.registrationDuties.explain', {
        rate: formatPercent(s.rules.registrationDuties.rate) ?? s.rules.registrationDuties.rate,
        relief: money(s.rules.registrationDuties.reliefAmount),
        ceiling: money(s.rules.registrationDuties.reliefCeiling),
        from: formatDate(s.rules.registrationDuties.from, language) ?? s.rules.registrationDuties.from,
      });
    case 'notaryFeesVat':
      return t('acquisitions.simulator.lines.notaryFeesVat.explain', { rate: formatPercent(s.rules.notaryFees.vatRate) ?? s.rules.notaryFees.vatRate });
    case 'monthlyPayment':
      return t('acquisitions.simulator.lines.monthlyPayment.explain', { rate: formatPercent(s.monthlyRate, 4) ?? s.monthlyRate });
    default: {
      const plain: Exclude<SimulationLine, 'registrationDuties' | 'notaryFeesVat' | 'monthlyPayment'> = key;
      return t(`acquisitions.simulator.lines.${plain}.explain`);
    }
  }
}

/** The simulation's lines: the monthly payment first, then each line with its explanation, then affordability. */
export function SimulationResult({ simulation, years, forHousehold }: { simulation: Simulation; years: string; forHousehold: boolean }) {
  const { t } = useTranslation();
  const percent = ratioPercent(simulation.affordability);
  return (
    <Stack gap="md" data-testid="simulation">
      <Paper p="md" bg="pot.0" withBorder={false}>
        <Text size="sm" fw={500}>
          {forHousehold ? t('acquisitions.simulator.monthlyLeadHousehold') : t('acquisitions.simulator.monthlyLead')}
        </Text>
        <Text fz={{ base: 26, sm: 30 }} fw={700} data-testid="monthly-payment">
          <MoneyText value={simulation.monthlyPayment} />
        </Text>
        <Text size="sm">{t('acquisitions.simulator.monthlyFor', { years, loan: formatMoney(simulation.loanAmount, currentLanguage()) ?? simulation.loanAmount })}</Text>
        {percent !== null && simulation.monthlyIncome && (
          <Text size="sm" mt="xs" data-testid="affordability">
            {t('acquisitions.simulator.affordability', { percent, income: formatMoney(simulation.monthlyIncome, currentLanguage()) ?? simulation.monthlyIncome })}
          </Text>
        )}
      </Paper>
      <Stack component="dl" gap={0} m={0}>
        {simulationLines(simulation).map(({ key, value }) => (
          <div key={key} style={{ padding: '0.6rem 0', borderBottom: '1px solid var(--mantine-color-gray-2)', display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: '0.75rem' }} data-line={key}>
            <Text component="dt" fw={key === 'totalCost' || key === 'monthlyPayment' ? 700 : 600}>
              {t(`acquisitions.simulator.lines.${key}.label`)}
            </Text>
            <Text component="dd" m={0} fw={key === 'totalCost' || key === 'monthlyPayment' ? 700 : 600} data-amount>
              <MoneyText value={value} />
            </Text>
            <Text component="dd" m={0} size="sm" c="dimmed" style={{ flexBasis: '100%' }}>
              {explain(key, simulation, t)}
            </Text>
          </div>
        ))}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('acquisitions.simulator.disclaimer')}
      </Text>
    </Stack>
  );
}
