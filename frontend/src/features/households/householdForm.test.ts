import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Household } from '../../api/types';
import { formatAmountInput } from '../../i18n/format';
import {
  emptyHouseholdForm,
  formToCreateBody,
  formToPatchBody,
  householdToForm,
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
    expect(normaliseAmount('1,850.25')).toBe('1850.25');
    expect(normaliseAmount('1\u202f850,50')).toBe('1850.50');
    expect(normaliseAmount('1\u00a0234\u00a0567,8')).toBe('1234567.80');
  });

  it('leaves what it cannot read for the API to refuse', () => {
    expect(normaliseAmount('')).toBe('');
    expect(normaliseAmount('-5')).toBe('-5');
    expect(normaliseAmount('12.345')).toBe('12.345');
    expect(normaliseAmount('1.850')).toBe('1.850');
    expect(normaliseAmount('1,850')).toBe('1,850');
    expect(normaliseAmount('1,85.50')).toBe('1,85.50');
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

describe('formatAmountInput', () => {
  it("writes an amount as the reader's language types it, without a currency sign", () => {
    expect(formatAmountInput('1850.50', 'fr')).toBe('1\u202f850,50');
    expect(formatAmountInput('1850.50', 'nl')).toBe('1\u202f850,50');
    expect(formatAmountInput('1850.50', 'en')).toBe('1,850.50');
    expect(formatAmountInput('1234567.00', 'en')).toBe('1,234,567.00');
    expect(formatAmountInput('999.99', 'fr')).toBe('999,99');
    expect(formatAmountInput('0.00', 'nl')).toBe('0,00');
  });

  it('keeps every digit of long amounts (no JS number on the way)', () => {
    expect(formatAmountInput('123456789012.34', 'fr')).toBe('123\u202f456\u202f789\u202f012,34');
  });

  it('returns what is not a decimal string as it is', () => {
    expect(formatAmountInput('abc', 'fr')).toBe('abc');
    expect(formatAmountInput('', 'en')).toBe('');
  });

  it('is read back by normaliseAmount to the same decimal string, in every language', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 99 }))
      .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);
    fc.assert(
      fc.property(amount, fc.constantFrom('fr' as const, 'nl' as const, 'en' as const), (value, language) => {
        expect(normaliseAmount(formatAmountInput(value, language))).toBe(value);
      }),
    );
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
