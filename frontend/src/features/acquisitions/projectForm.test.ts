import { describe, expect, it } from 'vitest';
import { projectBody, unitBody, type ProjectValues, type UnitValues } from './projectForm';

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
