import { describe, expect, it } from 'vitest';
import { defaultSimulatorValues, percentToRate, rateToPercentInput, ratioPercent, simulationBody, simulationLines } from './simulatorForm';

describe('percentToRate', () => {
  it('moves the decimal point two places, on the text', () => {
    expect(percentToRate('3,5')).toBe('0.035');
    expect(percentToRate('3.5 %')).toBe('0.035');
    expect(percentToRate('30')).toBe('0.3');
    expect(percentToRate('6')).toBe('0.06');
    expect(percentToRate('12,5')).toBe('0.125');
    expect(percentToRate('100')).toBe('1');
    expect(percentToRate('0')).toBe('0');
    expect(percentToRate('')).toBe('');
  });

  it('sends anything unreadable as typed, for the API to refuse on its field', () => {
    expect(percentToRate(' trois ')).toBe('trois');
  });

  it('is undone by rateToPercentInput in each language', () => {
    expect(rateToPercentInput('0.035', 'fr')).toBe('3,5');
    expect(rateToPercentInput('0.035', 'en')).toBe('3.5');
    expect(rateToPercentInput('0.3', 'nl')).toBe('30');
    expect(rateToPercentInput('0.0325', 'fr')).toBe('3,25');
  });
});

describe('simulationBody', () => {
  const defaults = defaultSimulatorValues('2026-12-04', 'fr');

  it('maps the household-friendly defaults: a €250,000 only home with duties, 25 years at 3.5 %', () => {
    expect(simulationBody(defaults)).toEqual({
      price: '250000.00',
      compromisOn: '2026-12-04',
      onlyHome: true,
      ownFunds: '10000.00',
      loan: { annualRate: '0.035', years: 25 },
    });
  });

  it('sends VAT (rate and land share) only under the VAT regime, and a deferred price above zero', () => {
    const body = simulationBody({ ...defaults, regime: 'vat', vatPercent: '6', landShare: '42 500', deferredPercent: '30', householdId: 'h1' });
    expect(body.vat).toEqual({ rate: '0.06', landShare: '42500.00' });
    expect(body.deferredPercent).toBe('0.3');
    expect(body.householdId).toBe('h1');
    expect(simulationBody({ ...defaults, deferredPercent: '0,0' }).deferredPercent).toBeUndefined();
  });

  it('reads amounts typed the Belgian or the English way, and sends no own funds as zero', () => {
    const en = defaultSimulatorValues('2026-12-04', 'en');
    expect(simulationBody(en).price).toBe('250000.00');
    expect(simulationBody({ ...defaults, ownFunds: '' }).ownFunds).toBe('0.00');
    expect(simulationBody({ ...defaults, price: '1.234.567,89' }).price).toBe('1234567.89');
  });

  it('sends years that are not a whole number as null, for the API to refuse', () => {
    expect(JSON.parse(JSON.stringify(simulationBody({ ...defaults, years: '2,5' }))).loan.years).toBeNull();
  });
});

describe('simulationLines and ratioPercent', () => {
  it('keeps the lines the API answered, in their reading order', () => {
    const lines = simulationLines({
      price: '250000.00', registrationDuties: '6250.00', notaryFees: '2400.00', notaryFeesVat: '504.00', adminCosts: '1100.00', vat: '0.00', deferredAmount: '0.00',
      ownFunds: '10000.00', loanAmount: '250254.00', monthlyPayment: '1245.48', totalCost: '260254.00', totalRepaid: '373644.00',
    });
    expect(lines.map((l) => l.key)).toEqual(['price', 'vat', 'registrationDuties', 'notaryFees', 'notaryFeesVat', 'adminCosts', 'totalCost', 'deferredAmount', 'ownFunds', 'loanAmount', 'monthlyPayment', 'totalRepaid']);
  });

  it('gives a ratio as a whole percent, half up', () => {
    expect(ratioPercent('0.3120')).toBe('31');
    expect(ratioPercent('0.3150')).toBe('32');
    expect(ratioPercent('0.05')).toBe('5');
    expect(ratioPercent(null)).toBeNull();
  });
});
