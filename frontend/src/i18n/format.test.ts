import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmountInput, formatMoney, monthLabel, normaliseAmount, todayInBrussels } from './format';

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

describe('formatMoney', () => {
  it('formats a decimal string in euros for each language, without losing digits', () => {
    expect(formatMoney('1850.00', 'fr')?.replace(/\s/g, ' ')).toBe('1 850,00 €');
    expect(formatMoney('123456789012.34', 'en')).toContain('123,456,789,012.34');
    expect(formatMoney('abc', 'nl')).toBeNull();
  });
});

describe('todayInBrussels', () => {
  it('counts the calendar day in Brussels, not in UTC nor on the device', () => {
    // 23:30 UTC on 31 December is already 1 January in Brussels (UTC+1 in winter).
    expect(todayInBrussels(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Brussels (UTC+2 in summer).
    expect(todayInBrussels(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInBrussels(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });
});

describe('monthLabel', () => {
  it('names a month short for chart ticks, long for text, or by name alone', () => {
    expect(monthLabel('2025-04', 'fr')).toBe('avr. 25');
    expect(monthLabel('2025-04', 'fr', 'long')).toBe('avril 2025');
    expect(monthLabel('2025-06', 'fr', 'name')).toBe('juin');
    expect(monthLabel('2025-06', 'en', 'name')).toBe('Jun');
    expect(monthLabel('2025-01', 'nl', 'long')).toBe('januari 2025');
  });

  it('gives back what is not a month', () => {
    expect(monthLabel('2025-13', 'fr')).toBe('2025-13');
    expect(monthLabel('soon', 'en', 'long')).toBe('soon');
  });
});
