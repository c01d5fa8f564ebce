/**
 * Pure helpers between the simulator's inputs (strings, as typed) and POST /api/simulations/purchase.
 * Text handling only: percentages become rates by moving the decimal point, never through a JS number.
 */
import type { Simulation, SimulationBody } from '../../api/acquisitions';
import type { Language } from '../../api/types';
import { formatAmountInput, normaliseAmount } from '../../i18n/format';

/** The simulator's inputs as typed. Percentages are typed as people say them ("3,5" for 3.5 %). */
export interface SimulatorValues {
  price: string;
  compromisOn: string;
  onlyHome: boolean;
  regime: 'registration_duties' | 'vat';
  vatPercent: string;
  landShare: string;
  deferredPercent: string;
  ownFunds: string;
  annualRatePercent: string;
  years: string;
  householdId: string;
}

/** The fields the simulator shows next to an input, as the API names them in `errors[].path`. */
export const SIMULATOR_FIELDS = ['price', 'compromisOn', 'onlyHome', 'vat.rate', 'vat.landShare', 'deferredPercent', 'ownFunds', 'loan.annualRate', 'loan.years', 'householdId'] as const;
export type SimulatorField = (typeof SIMULATOR_FIELDS)[number];

/**
 * Household-friendly starting values: a €250,000 home, the buyer's only home, with registration
 * duties, €10,000 of own funds and a 25-year loan at 3.5 % (an FdL rate since 2023). Examples to
 * change, never rules: the server applies the rules in force on the compromis date.
 */
export function defaultSimulatorValues(today: string, language: Language, overrides: Partial<SimulatorValues> = {}): SimulatorValues {
  const decimal = language === 'en' ? '.' : ',';
  return {
    price: formatAmountInput('250000.00', language),
    compromisOn: today,
    onlyHome: true,
    regime: 'registration_duties',
    vatPercent: '6',
    landShare: formatAmountInput('50000.00', language),
    deferredPercent: '0',
    ownFunds: formatAmountInput('10000.00', language),
    annualRatePercent: `3${decimal}5`,
    years: '25',
    householdId: '',
    ...overrides,
  };
}

/**
 * A percentage as typed ("3,5", "3.5 %", "30") → the same value as a fraction, as a decimal string
 * ("0.035", "0.3"), by moving the decimal point two places. Anything unreadable comes back trimmed,
 * for the API to refuse on its field; an empty input gives ''.
 */
export function percentToRate(input: string): string {
  const text = input.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (text === '') return '';
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return input.trim();
  const whole = (match[1] ?? '0').padStart(3, '0');
  const fraction = match[2] ?? '';
  const digits = `${whole.slice(0, -2).replace(/^0+(?=\d)/, '')}.${whole.slice(-2)}${fraction}`;
  const [intPart = '0', fracPart = ''] = digits.split('.');
  const trimmed = fracPart.replace(/0+$/, '');
  return trimmed === '' ? intPart : `${intPart}.${trimmed}`;
}

/** A rate ("0.035") as a percentage for an input ("3,5" in fr and nl, "3.5" in en): the inverse of percentToRate. */
export function rateToPercentInput(rate: string, language: Language): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!match) return rate;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const intPart = `${whole}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2).replace(/0+$/, '');
  return rest === '' ? intPart : `${intPart}${language === 'en' ? '.' : ','}${rest}`;
}

/** Years as typed → an integer for the API, or the text itself (the API then refuses it on `loan.years`). */
function years(input: string): number {
  const text = input.trim();
  return /^\d{1,3}$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
}

/**
 * The body of POST /api/simulations/purchase. VAT is sent only under the VAT regime (then duties are
 * on the land share only); a deferred price only when above zero; the household only when chosen.
 */
export function simulationBody(values: SimulatorValues): SimulationBody {
  const deferred = percentToRate(values.deferredPercent);
  const body: SimulationBody = {
    price: normaliseAmount(values.price),
    compromisOn: values.compromisOn.trim(),
    onlyHome: values.onlyHome,
    ownFunds: normaliseAmount(values.ownFunds) || '0.00',
    loan: { annualRate: percentToRate(values.annualRatePercent), years: years(values.years) },
  };
  if (values.regime === 'vat') body.vat = { rate: percentToRate(values.vatPercent), landShare: normaliseAmount(values.landShare) };
  if (deferred !== '' && deferred !== '0') body.deferredPercent = deferred;
  if (values.householdId) body.householdId = values.householdId;
  return body;
}

/** The simulator's lines in the order they are explained, each a key of Simulation. */
export const SIMULATION_LINES = ['price', 'vat', 'registrationDuties', 'notaryFees', 'notaryFeesVat', 'adminCosts', 'totalCost', 'deferredAmount', 'ownFunds', 'loanAmount', 'monthlyPayment', 'totalRepaid'] as const;
export type SimulationLine = (typeof SIMULATION_LINES)[number];

/** The lines of an answer that have a value (a line the API leaves out is not shown). */
export function simulationLines(simulation: Partial<Simulation>): Array<{ key: SimulationLine; value: string }> {
  return SIMULATION_LINES.flatMap((key) => {
    const value = simulation[key];
    return typeof value === 'string' ? [{ key, value }] : [];
  });
}

/** An affordability ratio ("0.3120") as a whole percentage for the reader; null when there is none. */
export function ratioPercent(ratio: string | null | undefined): string | null {
  if (!ratio || !/^\d+(\.\d+)?$/.test(ratio)) return null;
  const percent = rateToPercentInput(ratio, 'en');
  const [whole = '0', fraction = ''] = percent.split('.');
  // Half-up to a whole percent, on the text.
  const up = (fraction[0] ?? '0') >= '5';
  return up ? String(BigInt(whole) + 1n) : whole.replace(/^0+(?=\d)/, '');
}

/** Amount inputs pre-filled from a decimal string, as readers of `language` type them. */
export function amountInput(value: string | null | undefined, language: Language): string {
  return value ? formatAmountInput(value, language) : '';
}
