import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { defaultFirstDueOn, fieldOfPath, initialDepositValues, newDepositBody, twoMonthsRent, type NewDepositValues } from './depositForm';
import { newDepositFieldErrors } from './problems';

const t = ((key: string) => key) as unknown as Parameters<typeof newDepositFieldErrors>[2];

function values(overrides: Partial<NewDepositValues> = {}): NewDepositValues {
  return {
    ...initialDepositValues('2026-03-15', 'h-1'),
    landlordName: '  Jean Dupont ',
    address: 'Rue Haute 1, 1000 Bruxelles',
    monthlyRent: '800',
    amount: '1 600,00',
    instalment: '50',
    ...overrides,
  };
}

describe('the new-advance form', () => {
  it('starts opened today, with the first instalment at the start of next month', () => {
    const initial = initialDepositValues('2026-12-10');
    expect(initial.openedOn).toBe('2026-12-10');
    expect(initial.firstDueOn).toBe('2027-01-01');
    expect(initial.planKind).toBe('instalment');
    expect(defaultFirstDueOn('not a date')).toBe('');
  });

  it("suggests two months' rent, exactly, once the rent can be read", () => {
    expect(twoMonthsRent('800')).toBe('1600.00');
    expect(twoMonthsRent('812,35')).toBe('1624.70');
    expect(twoMonthsRent('1 250,50')).toBe('2501.00');
    expect(twoMonthsRent('')).toBeNull();
    expect(twoMonthsRent('abc')).toBeNull();
    expect(twoMonthsRent('0')).toBeNull();
  });

  it('maps the form to the body: trimmed texts, decimal strings, optional fields left out', () => {
    expect(newDepositBody(values())).toEqual({
      householdId: 'h-1',
      landlord: { name: 'Jean Dupont' },
      address: 'Rue Haute 1, 1000 Bruxelles',
      monthlyRent: '800.00',
      amount: '1600.00',
      openedOn: '2026-03-15',
      plan: { instalment: '50.00' },
      firstDueOn: '2026-04-01',
    });
  });

  it('sends the landlord contact, bank and blocked account when typed, and a plan in months', () => {
    const body = newDepositBody(values({ landlordPhone: ' 02 123 45 67 ', landlordEmail: 'jd@example.test', bank: 'Belfius', blockedAccountReference: ' BG-42 ', planKind: 'months', months: '24' }));
    expect(body.landlord).toEqual({ name: 'Jean Dupont', phone: '02 123 45 67', email: 'jd@example.test' });
    expect(body.bank).toBe('Belfius');
    expect(body.blockedAccountReference).toBe('BG-42');
    expect(body.plan).toEqual({ months: 24 });
  });

  it('sends unreadable values as typed so the API reports them on their field', () => {
    const body = newDepositBody(values({ monthlyRent: 'huit cents', planKind: 'months', months: '2,5' }));
    expect(body.monthlyRent).toBe('huit cents');
    expect(JSON.parse(JSON.stringify(body.plan))).toEqual({ months: null });
  });

  it("puts the API's field errors on the form's fields", () => {
    expect(fieldOfPath('landlord.name', 'instalment')).toBe('landlordName');
    expect(fieldOfPath('plan.months', 'months')).toBe('months');
    expect(fieldOfPath('plan', 'months')).toBe('months');
    expect(fieldOfPath('plan', 'instalment')).toBe('instalment');
    expect(fieldOfPath('somethingElse', 'instalment')).toBeNull();
    const error = new ApiError(400, { code: 'validation_failed', errors: [{ path: 'landlord.email', message: 'x' }, { path: 'plan.instalment', message: 'x' }, { path: 'other', message: 'x' }] });
    const { fields, other } = newDepositFieldErrors(error, 'instalment', t);
    expect(fields).toEqual({ landlordEmail: 'rentalDeposits.form.fieldErrors.landlordEmail', instalment: 'rentalDeposits.form.fieldErrors.instalment' });
    expect(other.map((e) => e.path)).toEqual(['other']);
  });

  it('says an amount refused by the API on the amount field, whose hint names the legal maximum', () => {
    const error = new ApiError(400, { code: 'validation_failed', errors: [{ path: 'amount', message: 'At most 1600.00' }] });
    expect(newDepositFieldErrors(error, 'instalment', t).fields.amount).toBe('rentalDeposits.form.fieldErrors.amount');
  });
});
