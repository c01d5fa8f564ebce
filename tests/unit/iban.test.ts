/** IBANs (backend/src/lib/iban.ts) with the domain's examples: the ISO check and Belgium's national one. */
import { describe, expect, it } from 'vitest';
import { compactIban, formatIban, isValidIban } from '../../backend/src/lib/iban.ts';

describe('isValidIban', () => {
  it('accepts BE68 5390 0754 7034, with or without spaces, in any case', () => {
    expect(isValidIban('BE68 5390 0754 7034')).toBe(true);
    expect(isValidIban('BE68539007547034')).toBe(true);
    expect(isValidIban(' be68 5390 0754 7034 ')).toBe(true);
  });

  it('refuses BE41 0918 1173 5141: its ISO check digits are right, the national check (mod 97 of the first ten digits) is not', () => {
    // The ISO 7064 check alone passes: only the Belgian rule catches it.
    const iban = 'BE41091811735141';
    const rearranged = iban.slice(4) + iban.slice(0, 4);
    const numeric = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
    expect(BigInt(numeric) % 97n).toBe(1n);
    expect(Number(BigInt(iban.slice(4, 14)) % 97n)).not.toBe(Number(iban.slice(14, 16)));
    expect(isValidIban('BE41 0918 1173 5141')).toBe(false);
  });

  it('refuses a wrong ISO check digit, a typo, a wrong length', () => {
    expect(isValidIban('BE69 5390 0754 7034')).toBe(false);
    expect(isValidIban('BE68 5390 0754 7035')).toBe(false);
    expect(isValidIban('BE68 5390 0754 703')).toBe(false);
    expect(isValidIban('BE68 5390 0754 70341')).toBe(false);
    expect(isValidIban('')).toBe(false);
    expect(isValidIban('not an iban')).toBe(false);
  });

  it('a Belgian IBAN whose account mod 97 is 0 carries 97 as its national check', () => {
    // 0000000097 mod 97 = 0 → the check digits are 97; the ISO digits computed for it.
    const bban = '000000009797';
    const check = 98n - (BigInt(`${bban}111400`) % 97n);
    const iban = `BE${String(check).padStart(2, '0')}${bban}`;
    expect(isValidIban(iban)).toBe(true);
    expect(isValidIban(iban.replace(/97$/, '00'))).toBe(false);
  });

  it('accepts other countries on the ISO check alone', () => {
    expect(isValidIban('FR14 2004 1010 0505 0001 3M02 606')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 01')).toBe(false);
  });
});

describe('compactIban / formatIban', () => {
  it('stores compact upper case and prints in groups of four', () => {
    expect(compactIban(' be68 5390\t0754 7034 ')).toBe('BE68539007547034');
    expect(formatIban('be68539007547034')).toBe('BE68 5390 0754 7034');
    expect(formatIban('FR1420041010050500013M02606')).toBe('FR14 2004 1010 0505 0001 3M02 606');
  });
});
