import { describe, expect, it } from 'vitest';
import type { Unit } from '../../api/acquisitions';
import { projectBody, projectEditValues, projectPatchBody, ruleBody, unitBody, unitEditValues, unitPatchBody, type ProjectValues, type RuleValues, type UnitValues } from './projectForm';

const project: ProjectValues = {
  name: ' VDP ', partner: 'fonds_du_logement', partnerName: 'ignored', tenure: 'full_ownership', commune: ' Molenbeek-Saint-Jean ', address: '',
  homes: '36', deferredPercent: '30', status: 'allocating', statusOn: '2025-03-01', notes: '',
};

describe('projectBody', () => {
  it('trims the texts, sends the homes as a number and the deferred-price maximum as a fraction', () => {
    expect(projectBody(project)).toEqual({
      name: 'VDP', partner: 'fonds_du_logement', tenure: 'full_ownership', commune: 'Molenbeek-Saint-Jean', homes: 36,
      status: 'allocating', statusOn: '2025-03-01', deferredPriceMaxPercent: '0.3',
    });
  });

  it("sends the partner's name only for another partner, and no deferred price when none", () => {
    const body = projectBody({ ...project, partner: 'other', partnerName: ' Logement Bruxellois ', deferredPercent: '', address: ' Rue Haute 1 ' });
    expect(body.partnerName).toBe('Logement Bruxellois');
    expect(body.address).toBe('Rue Haute 1');
    expect(body.deferredPriceMaxPercent).toBeUndefined();
  });

  it('sends an unreadable number of homes as null, for the API to refuse on its field', () => {
    expect(JSON.parse(JSON.stringify(projectBody({ ...project, homes: 'trente' }))).homes).toBeNull();
  });
});

describe('unitBody', () => {
  const unit: UnitValues = { label: ' A.1 ', price: '250 000', bedrooms: '2', floor: '', floorArea: '78,5', taxRegime: 'vat', vatPercent: '6', landShare: '40 000' };

  it('sends a VAT unit with its rate as a fraction and its land share', () => {
    expect(unitBody(unit)).toEqual({ label: 'A.1', price: '250000.00', bedrooms: 2, floorArea: '78.5', taxRegime: 'vat', vatRate: '0.06', landShare: '40000.00' });
  });

  it('sends neither rate nor land share under registration duties, and a floor when given', () => {
    expect(unitBody({ ...unit, taxRegime: 'registration_duties', floor: '3' })).toEqual({ label: 'A.1', price: '250000.00', bedrooms: 2, floor: 3, floorArea: '78.5', taxRegime: 'registration_duties' });
  });
});

describe('projectEditValues and projectPatchBody', () => {
  const detail = { name: 'VDP', partner: 'fonds_du_logement' as const, partnerName: null, tenure: 'full_ownership' as const, commune: 'Molenbeek', address: null, homes: 36, notes: null };

  it('fills the dialog with the project and sends it back unchanged', () => {
    const values = projectEditValues(detail);
    expect(values).toEqual({ name: 'VDP', partner: 'fonds_du_logement', partnerName: '', tenure: 'full_ownership', commune: 'Molenbeek', address: '', homes: '36', notes: '' });
    expect(projectPatchBody(values)).toEqual({ ...detail });
  });

  it("trims, sends cleared texts as null and the partner's name only for another partner", () => {
    const values = { ...projectEditValues(detail), name: ' VDP 2 ', address: ' Rue Haute 1 ', notes: '  ', partnerName: 'ignored' };
    expect(projectPatchBody(values)).toMatchObject({ name: 'VDP 2', address: 'Rue Haute 1', notes: null, partnerName: null });
    expect(projectPatchBody({ ...values, partner: 'other', partnerName: ' Logement Bruxellois ' }).partnerName).toBe('Logement Bruxellois');
  });
});

describe('unitEditValues and unitPatchBody', () => {
  const vatUnit: Unit = {
    id: 'u', projectId: 'p', label: 'A.1', floor: 2, bedrooms: 2, floorArea: '78.50', price: '250000.00', taxRegime: 'vat', vatRate: '0.0600', landShare: '40000.00', status: 'available', candidacyId: null,
  };

  it('fills the dialog as the reader types: amounts grouped, the VAT rate as a percentage, the area with a comma in French', () => {
    expect(unitEditValues(vatUnit, 'fr')).toEqual({ label: 'A.1', price: '250\u202f000,00', bedrooms: '2', floor: '2', floorArea: '78,5', taxRegime: 'vat', vatPercent: '6', landShare: '40\u202f000,00' });
    expect(unitEditValues(vatUnit, 'en').floorArea).toBe('78.5');
  });

  it('sends the home back with its rate as a fraction, and a cleared floor or area as null', () => {
    const values = { ...unitEditValues(vatUnit, 'fr'), price: '260 000', floor: '', floorArea: '' };
    expect(unitPatchBody(values)).toEqual({ label: 'A.1', price: '260000.00', bedrooms: 2, floor: null, floorArea: null, taxRegime: 'vat', vatRate: '0.06', landShare: '40000.00' });
  });

  it('sends no VAT fields under registration duties (the server clears them)', () => {
    const body = unitPatchBody({ ...unitEditValues(vatUnit, 'fr'), taxRegime: 'registration_duties' });
    expect(body.vatRate).toBeUndefined();
    expect(body.landShare).toBeUndefined();
  });
});

describe('ruleBody', () => {
  const rule: RuleValues = { from: '2025-03-01', deferredPriceAllowed: true, deferredPercent: '30', incomeCeiling: '', incomeCeilingPerDependent: '', occupancyYears: '', cltResalePercent: '', note: '' };

  it('sends the deferred-price maximum as a fraction, moving the decimal point in the text', () => {
    expect(ruleBody(rule)).toEqual({ from: '2025-03-01', deferredPriceAllowed: true, deferredPriceMaxPercent: '0.3' });
    expect(ruleBody({ ...rule, deferredPercent: '12,5' }).deferredPriceMaxPercent).toBe('0.125');
  });

  it('sends no maximum when no deferred price is allowed, and every other limit when given', () => {
    expect(ruleBody({ ...rule, deferredPriceAllowed: false, incomeCeiling: '60 000', incomeCeilingPerDependent: '5 000', occupancyYears: '20', cltResalePercent: '25', note: ' CLTB ' })).toEqual({
      from: '2025-03-01', deferredPriceAllowed: false, incomeCeiling: '60000.00', incomeCeilingPerDependent: '5000.00', occupancyYears: 20, cltResaleSharePercent: '0.25', note: 'CLTB',
    });
  });
});
