import { Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FORWARD_STAGES, useHouseholdCandidacies, type CandidacyDetail } from '../../api/acquisitions';
import { DateText } from '../../components/DateText';
import { CheckIcon } from '../../components/Icons';
import { MoneyText } from '../../components/MoneyText';
import { QueryState } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { currentLanguage } from '../../i18n';
import { formatAmountInput } from '../../i18n/format';
import type { Language } from '../../api/types';
import { SimulatorPanel } from './components/SimulatorPanel';
import { rateToPercentInput, type SimulatorValues } from './simulatorForm';

/** The steps a household is told about (the other stages are the service's own bookkeeping). */
const MY_STEPS = ['interested', 'candidate', 'selected', 'compromis', 'credit_approved', 'deed', 'moved_in'] as const;

/** The candidacy a household is told about first: the live one furthest along, else the latest. */
function mainCandidacy(items: CandidacyDetail[]): CandidacyDetail | null {
  const live = items.filter((c) => c.currentStage !== 'withdrawn');
  const rank = (c: CandidacyDetail) => FORWARD_STAGES.indexOf(c.currentStage as (typeof FORWARD_STAGES)[number]);
  return [...live].sort((a, b) => rank(b) - rank(a))[0] ?? items.at(-1) ?? null;
}

/** The simulator starts from the home being bought: its price, its VAT regime and land share, the compromis date. */
function simulatorStart(candidacy: CandidacyDetail | null, price: string | null, language: Language): Partial<SimulatorValues> {
  const unit = candidacy?.unit;
  return {
    ...(price ? { price: formatAmountInput(price, language) } : {}),
    ...(unit?.taxRegime === 'vat' && unit.vatRate && unit.landShare ? { regime: 'vat' as const, vatPercent: rateToPercentInput(unit.vatRate, language), landShare: formatAmountInput(unit.landShare, language) } : {}),
    ...(candidacy?.compromis ? { compromisOn: candidacy.compromis.on } : {}),
  };
}

/** The household's own purchase in plain words (where it stands, what comes next, what it pays each month), then the simulator. */
export function MyPurchaseSection({ householdId }: { householdId: string }) {
  const candidacies = useHouseholdCandidacies(householdId);
  return <QueryState query={candidacies}>{(items) => <MyPurchase householdId={householdId} candidacy={mainCandidacy(items)} />}</QueryState>;
}

function MyPurchase({ householdId, candidacy }: { householdId: string; candidacy: CandidacyDetail | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const price = candidacy?.acquisition?.price ?? candidacy?.compromis?.price ?? candidacy?.unit?.price ?? null;
  const stage = candidacy?.currentStage ?? null;
  const reachedIndex = stage && stage !== 'withdrawn' ? FORWARD_STAGES.indexOf(stage) : -1;
  const loan = candidacy?.acquisition?.loan ?? null;
  return (
    <>
      <SectionCard title={t('acquisitions.my.title')} id="me-purchase" titleSize="h3" titleGap="sm">
        {!candidacy || !stage ? (
          <Text>{t('acquisitions.my.none')}</Text>
        ) : (
          <Stack gap="md">
            <Text fz="lg" data-testid="my-purchase">
              {t('acquisitions.my.where', { project: candidacy.project.name })} {t(`acquisitions.my.stage.${stage}`)} <DateText value={candidacy.since} />
            </Text>
            {candidacy.unit && <Text>{t('acquisitions.my.unit', { label: candidacy.unit.label })}</Text>}
            {stage !== 'withdrawn' && (
              <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('acquisitions.my.stepsLabel')}>
                {MY_STEPS.map((s, index) => {
                  const i = FORWARD_STAGES.indexOf(s);
                  // unit_allocated is told as part of "selected and get a home".
                  const state = s === 'selected' && stage === 'unit_allocated' ? 'current' : i < reachedIndex ? 'done' : i === reachedIndex ? 'current' : 'next';
                  return (
                    <Group component="li" key={s} wrap="nowrap" align="flex-start" gap="sm" aria-current={state === 'current' ? 'step' : undefined}>
                      <ThemeIcon radius="xl" size={28} color={state === 'next' ? 'gray' : 'pot'} variant={state === 'current' ? 'filled' : 'light'} aria-hidden="true">
                        {state === 'done' ? <CheckIcon size={16} /> : <Text span fw={700} size="sm">{index + 1}</Text>}
                      </ThemeIcon>
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Text fw={state === 'current' ? 700 : 500}>
                          {t(`acquisitions.my.steps.${s}`)}
                          <span className="visually-hidden"> — {t(`journey.my.state.${state}`)}</span>
                        </Text>
                      </Stack>
                    </Group>
                  );
                })}
              </Stack>
            )}
            <Paper p="md" bg="pot.0" withBorder={false}>
              <Title order={3} size="h5" mb={4}>
                {t('acquisitions.my.nextTitle')}
              </Title>
              <Text>{t(`acquisitions.my.next.${stage}`)}</Text>
            </Paper>
            {candidacy.compromis && (
              <Text>
                {t('acquisitions.my.compromis')} <MoneyText value={candidacy.compromis.price} /> · {t('acquisitions.my.downPayment')} <MoneyText value={candidacy.compromis.downPayment} />
              </Text>
            )}
            {candidacy.advance && candidacy.advance.status !== 'cancelled' && (
              <Text>
                {t('acquisitions.my.advance')} <MoneyText value={candidacy.advance.amount} />
                {candidacy.advance.repaymentExpectedOn && (
                  <>
                    {' · '}
                    {t('acquisitions.my.advanceBack')} <DateText value={candidacy.advance.repaymentExpectedOn} />
                  </>
                )}
              </Text>
            )}
            {loan && (
              <Paper p="md" withBorder>
                <Text fw={600}>{t('acquisitions.my.monthly')}</Text>
                <Text fz={26} fw={700} data-testid="my-monthly">
                  <MoneyText value={loan.monthlyPayment} />
                </Text>
                <Text size="sm">{t('acquisitions.my.monthlyFor', { count: loan.years, lender: loan.lender ?? '' })}</Text>
              </Paper>
            )}
          </Stack>
        )}
      </SectionCard>
      {!loan && (
        <section aria-labelledby="me-simulator">
          <Title order={2} size="h3" mb="xs" id="me-simulator">
            {t('acquisitions.my.simulatorTitle')}
          </Title>
          <Text mb="sm">{t('acquisitions.my.simulatorIntro')}</Text>
          <SimulatorPanel householdId={householdId} headingOrder={3} forHousehold stacked initial={simulatorStart(candidacy, price, language)} />
        </section>
      )}
    </>
  );
}
