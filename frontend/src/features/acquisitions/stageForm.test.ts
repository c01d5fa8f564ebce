import { describe, expect, it } from 'vitest';
import { deedValuesFromSimulation, initialStageValues, nextStages, stageBody, withdrawalCancelsAdvance } from './stageForm';

const candidacy = { currentStage: 'unit_allocated' as const, compromis: null, unit: { id: 'u1', label: 'A.2' } };

describe('nextStages', () => {
  it('offers every later stage (skipping forward is allowed) and withdrawn', () => {
    expect(nextStages('interested')).toEqual(['candidate', 'selected', 'unit_allocated', 'compromis', 'credit_approved', 'deed', 'moved_in', 'withdrawn']);
    expect(nextStages('deed')).toEqual(['moved_in', 'withdrawn']);
  });

  it('offers nothing once moved in or withdrawn', () => {
    expect(nextStages('moved_in')).toEqual([]);
    expect(nextStages('withdrawn')).toEqual([]);
  });
});

describe('stageBody', () => {
  const start = initialStageValues(candidacy, '2026-12-04', 'fr');

  it('proposes the next stage, today, and the unit held', () => {
    expect(start.stage).toBe('compromis');
    expect(start.on).toBe('2026-12-04');
    expect(start.unitId).toBe('u1');
  });

  it('sends price and down payment at the compromis as decimal strings', () => {
    expect(stageBody({ ...start, price: '250 000', downPayment: '12 500,5', note: ' signé chez le notaire ' })).toEqual({
      stage: 'compromis', on: '2026-12-04', note: 'signé chez le notaire', unitId: 'u1', compromis: { price: '250000.00', downPayment: '12500.50' },
    });
    expect(stageBody({ ...start, unitId: '', downPayment: '5000' }).compromis).toEqual({ downPayment: '5000.00' });
  });

  it('sends the unit for unit_allocated, and nothing else for a plain stage', () => {
    expect(stageBody({ ...start, stage: 'unit_allocated', unitId: 'u2' })).toEqual({ stage: 'unit_allocated', on: '2026-12-04', unitId: 'u2' });
    expect(stageBody({ ...start, stage: 'credit_approved' })).toEqual({ stage: 'credit_approved', on: '2026-12-04' });
  });

  it('sends the withdrawal reason, and cancels the approved advance only when confirmed', () => {
    expect(stageBody({ ...start, stage: 'withdrawn', reason: 'credit_refused' })).toEqual({ stage: 'withdrawn', on: '2026-12-04', withdrawal: { reasonKey: 'credit_refused' } });
    expect(stageBody({ ...start, stage: 'withdrawn', reason: 'moved', cancelAdvance: true }).withdrawal).toEqual({ reasonKey: 'moved', confirmCancelAdvance: true });
  });

  it('fills the deed from a simulation (notary fees = scale + VAT + admin costs) and sends what is typed', () => {
    const simulation = {
      price: '250000.00', vat: '12600.00', registrationDuties: '0.00', notaryFees: '2000.00', notaryFeesVat: '420.00', adminCosts: '950.50',
      totalCost: '265970.50', deferredAmount: '75000.00', ownFunds: '10000.00', loanAmount: '180970.50', monthlyRate: '0.0028737345',
      monthlyPayment: '900.69', totalRepaid: '270207.00', affordability: null, monthlyIncome: null,
      rules: {
        registrationDuties: { from: '2023-04-01', rate: '0.125', reliefAmount: '200000.00', reliefCeiling: '600000.00', source: '' },
        notaryFees: { from: '2023-01-01', vatRate: '0.21', adminCostsEstimate: '950.50', source: '' },
      },
    };
    const values = deedValuesFromSimulation({ ...start, stage: 'deed', notary: ' Me Dupont ' }, simulation, { annualRate: '0.035', years: 25, deferredPercent: '0.3' }, 'fr');
    expect(values.annualRatePercent).toBe('3,5');
    expect(values.deferredPercent).toBe('30');
    const body = stageBody({ ...values, vat: '' });
    expect(body.deed).toEqual({
      notary: 'Me Dupont', onlyHome: true, price: '250000.00', deferredPercent: '0.3', deferredAmount: '75000.00', registrationDuties: '0.00',
      notaryFees: '3370.50', ownFunds: '10000.00', loan: { annualRate: '0.035', years: 25, amount: '180970.50', monthlyPayment: '900.69' },
    });
  });

  it('leaves every empty figure of the deed to the server, and the loan out without rate and years', () => {
    expect(stageBody({ ...start, stage: 'deed', price: '' }).deed).toEqual({ onlyHome: true });
  });
});

describe('withdrawalCancelsAdvance', () => {
  it('is true only for an approved, unpaid advance', () => {
    const advance = { id: 'a', groupId: 'g', amount: '12500.00', approvedOn: '2026-11-01', paidOn: null, outstanding: null, repaymentExpectedOn: null, repaymentDue: false };
    expect(withdrawalCancelsAdvance({ advance: { ...advance, status: 'approved' } })).toBe(true);
    expect(withdrawalCancelsAdvance({ advance: { ...advance, status: 'paid' } })).toBe(false);
    expect(withdrawalCancelsAdvance({ advance: null })).toBe(false);
  });
});
