import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  communicationCheck,
  formatCommunication,
  isValidCommunication,
  randomCommunication,
} from '../../backend/src/lib/structured-communication.ts';

const DIGITS = '0123456789';
const tenDigits = fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 10, maxLength: 10 });
/** A valid 12-digit communication built from any ten digits. */
const validCommunication = tenDigits.map((ten) => ten + communicationCheck(ten));

/** Every communication that differs from `digits` in exactly one digit. */
function singleDigitChanges(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    for (const d of DIGITS) {
      if (d !== digits[i]) out.push(digits.slice(0, i) + d + digits.slice(i + 1));
    }
  }
  return out;
}

describe('communicationCheck', () => {
  it('is the first ten digits mod 97, on two digits', () => {
    expect(communicationCheck('0108068171')).toBe('83');
    expect(communicationCheck('0000000001')).toBe('01');
    expect(communicationCheck('9999999999')).toBe(String(9999999999 % 97).padStart(2, '0'));
  });

  it('is 97, never 00, when the remainder is zero', () => {
    expect(communicationCheck('0000000097')).toBe('97');
    expect(communicationCheck('0000000000')).toBe('97');
    expect(communicationCheck('0000009700')).toBe('97');
  });

  it('is always between 01 and 97 and matches the remainder of any ten digits', () => {
    fc.assert(
      fc.property(tenDigits, (ten) => {
        const check = communicationCheck(ten);
        const remainder = Number(BigInt(ten) % 97n);
        expect(check).toMatch(/^\d{2}$/);
        expect(Number(check)).toBe(remainder === 0 ? 97 : remainder);
      }),
    );
  });
});

describe('isValidCommunication', () => {
  it.each(['010/8068/17183', '000/0000/09797', '+++010/8068/17183+++', '***010/8068/17183***', '010806817183', ' 010 8068 17183 '])(
    'accepts the valid communication %j',
    (value) => {
      expect(isValidCommunication(value)).toBe(true);
    },
  );

  it.each([
    ['010/8068/17180', 'wrong check digits'],
    ['000/0000/00000', 'remainder zero written 00 instead of 97'],
    ['010/8068/1718', 'eleven digits'],
    ['010/8068/171830', 'thirteen digits'],
    ['010/8068/1718A', 'a letter'],
    ['010-8068-17183', 'dashes'],
    ['', 'nothing'],
    ['+++/+++', 'no digits'],
  ])('refuses %j (%s)', (value) => {
    expect(isValidCommunication(value)).toBe(false);
  });

  it.each(['010806817183', '000000009797'])('detects every single-digit change of %s', (valid) => {
    const accepted = singleDigitChanges(valid).filter(isValidCommunication);
    expect(accepted).toEqual([]);
  });

  it('detects any single-digit change of any valid communication', () => {
    fc.assert(
      fc.property(
        validCommunication,
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (digits, position, shift) => {
          expect(isValidCommunication(digits)).toBe(true);
          const changed = String((Number(digits[position]) + shift) % 10);
          const typo = digits.slice(0, position) + changed + digits.slice(position + 1);
          expect(typo).not.toBe(digits);
          expect(isValidCommunication(typo)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('detects a swap of two different adjacent digits among the first ten', () => {
    fc.assert(
      fc.property(validCommunication, fc.integer({ min: 0, max: 8 }), (digits, i) => {
        fc.pre(digits[i] !== digits[i + 1]);
        const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
        expect(isValidCommunication(swapped)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatCommunication', () => {
  it('prints 12 digits the way Belgian banks do', () => {
    expect(formatCommunication('010806817183')).toBe('+++010/8068/17183+++');
    expect(formatCommunication('000000009797')).toBe('+++000/0000/09797+++');
  });

  it('prints something isValidCommunication reads back as the same digits', () => {
    fc.assert(
      fc.property(validCommunication, (digits) => {
        const printed = formatCommunication(digits);
        expect(printed).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
        expect(printed.replace(/\D/g, '')).toBe(digits);
        expect(isValidCommunication(printed)).toBe(true);
      }),
    );
  });
});

describe('randomCommunication', () => {
  const samples = Array.from({ length: 5000 }, () => randomCommunication());

  it('always gives a valid 12-digit communication', () => {
    expect(samples.filter((c) => !/^\d{12}$/.test(c) || !isValidCommunication(c))).toEqual([]);
  });

  it('always starts with 1, so that banking apps cannot drop leading zeros', () => {
    expect(samples.filter((c) => !c.startsWith('1'))).toEqual([]);
  });

  it('is valid again once printed the way banks print it', () => {
    expect(samples.filter((c) => !isValidCommunication(formatCommunication(c)))).toEqual([]);
  });

  it('gives different references from one call to the next', () => {
    // 1e9 possible bases: 5000 draws should almost never collide more than a handful of times.
    expect(new Set(samples).size).toBeGreaterThan(4990);
  });
});
