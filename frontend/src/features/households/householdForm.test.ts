import { describe, expect, it } from 'vitest';
import {
  emptyHouseholdForm,
  formToCreateBody,
  formToPatchBody,
  isFormPath,
  normaliseAmount,
  type HouseholdFormValues,
} from './householdForm';

function filled(overrides: Partial<HouseholdFormValues> = {}): HouseholdFormValues {
  return {
    ...emptyHouseholdForm('fr'),
    displayName: '  Famille Diallo ',
    members: [{ key: 'a', firstName: ' Aïssatou ', lastName: 'Diallo', kind: 'adult', birthYear: '1988' }],
    ...overrides,
  };
}

describe('normaliseAmount', () => {
  it('reads Belgian and English ways of typing an amount as a decimal string', () => {
    expect(normaliseAmount('1850')).toBe('1850.00');
    expect(normaliseAmount('1850,5')).toBe('1850.50');
    expect(normaliseAmount('1 850,00 €')).toBe('1850.00');
    expect(normaliseAmount('1.850,25')).toBe('1850.25');
    expect(normaliseAmount('1850.25')).toBe('1850.25');
    expect(normaliseAmount('0')).toBe('0.00');
  });

  it('leaves what it cannot read for the API to refuse', () => {
    expect(normaliseAmount('')).toBe('');
    expect(normaliseAmount('-5')).toBe('-5');
    expect(normaliseAmount('12.345')).toBe('12.345');
    expect(normaliseAmount('1.850')).toBe('1.850');
    expect(normaliseAmount('abc')).toBe('abc');
  });
});

describe('formToCreateBody', () => {
  it('trims names and leaves empty optional fields out', () => {
    expect(formToCreateBody(filled())).toEqual({
      displayName: 'Famille Diallo',
      members: [{ firstName: 'Aïssatou', lastName: 'Diallo', kind: 'adult', birthYear: 1988 }],
      preferredLanguage: 'fr',
      flags: { singleParent: false, pasSolo: false },
    });
  });

  it('sends income as a decimal string and dependents as a whole number', () => {
    const body = formToCreateBody(filled({ monthlyIncome: '1 850,5', dependents: '3', referentId: 'u1' }));
    expect(body.monthlyIncome).toBe('1850.50');
    expect(body.dependents).toBe(3);
    expect(body.referentId).toBe('u1');
  });
});

describe('formToPatchBody', () => {
  it('sends only what changed, and null for a cleared field', () => {
    const initial = filled({ phone: '0470 12 34 56', commune: 'Schaerbeek' });
    const values = { ...initial, phone: '', commune: 'Anderlecht' };
    expect(formToPatchBody(values, initial)).toEqual({ phone: null, commune: 'Anderlecht' });
  });

  it('sends the whole member list when one member changed', () => {
    const initial = filled();
    const values = {
      ...initial,
      members: [...initial.members, { key: 'b', firstName: 'Mamadou', lastName: 'Diallo', kind: 'child' as const, birthYear: '' }],
    };
    expect(formToPatchBody(values, initial).members).toHaveLength(2);
  });

  it('is empty when nothing changed', () => {
    const initial = filled();
    expect(formToPatchBody({ ...initial }, initial)).toEqual({});
  });
});

describe('isFormPath', () => {
  it('recognises the paths shown next to inputs', () => {
    expect(isFormPath('members.0.firstName')).toBe(true);
    expect(isFormPath('monthlyIncome')).toBe(true);
    expect(isFormPath('unknownField')).toBe(false);
  });
});

describe('formToPatchBody on dependents', () => {
  it('sends 0 when the number of dependents is emptied (the API keeps a number)', () => {
    const initial = filled({ dependents: '2' });
    expect(formToPatchBody({ ...initial, dependents: '' }, initial)).toEqual({ dependents: 0 });
  });
});
