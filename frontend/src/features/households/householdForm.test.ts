import { describe, expect, it } from 'vitest';
import type { Household } from '../../api/types';
import {
  emptyHouseholdForm,
  formToCreateBody,
  formToPatchBody,
  householdToForm,
  isFormPath,
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

describe('householdToForm', () => {
  const household: Household = {
    id: 'h1',
    reference: 'H-0042',
    structuredCommunication: '+++000/0000/04242+++',
    displayName: 'Famille Diallo',
    members: [{ id: 'm1', firstName: 'Aïssatou', lastName: 'Diallo', kind: 'adult', birthYear: 1988 }],
    phone: null,
    email: null,
    preferredLanguage: 'fr',
    commune: null,
    dependents: 2,
    monthlyIncome: '1850.50',
    referent: null,
    referentId: null,
    flags: { singleParent: false, pasSolo: false },
    notes: null,
    account: { status: 'none', codeExpiresAt: null },
    currentPhase: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };

  it('shows the income in the reader\'s format, and an untouched form sends nothing', () => {
    const fr = householdToForm(household, 'fr');
    expect(fr.monthlyIncome).toBe('1\u202f850,50');
    expect(householdToForm(household, 'en').monthlyIncome).toBe('1,850.50');
    expect(formToPatchBody({ ...fr }, fr)).toEqual({});
    expect(formToPatchBody({ ...fr, monthlyIncome: '1 900,5' }, fr)).toEqual({ monthlyIncome: '1900.50' });
  });

  it('leaves an unknown income empty', () => {
    expect(householdToForm({ ...household, monthlyIncome: null }, 'nl').monthlyIncome).toBe('');
  });
});
