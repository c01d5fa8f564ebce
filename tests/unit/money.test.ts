import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocate,
  formatAmount,
  formatOptionalAmount,
  MAX_AMOUNT,
  Money,
  moneyString,
  parseMoney,
  roundCents,
  sum,
} from '../../backend/src/lib/money.ts';

/** The parts as fixed-scale strings, the way the API would send them. */
const amounts = (parts: Money[]): string[] => parts.map(formatAmount);

/** A count of cents as a euro string with two decimals ("-12345" → "-123.45"). */
function centsToEuros(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** A money value known to be whole cents, as a bigint count of cents. */
function toCents(value: Money): bigint {
  const cents = value.times(100);
  if (!cents.isInteger()) throw new Error(`not whole cents: ${value.toString()}`);
  return BigInt(cents.toFixed(0));
}

describe('Money', () => {
  it('rounds half-up, away from zero, whichever helper is used', () => {
    expect(new Money('2.5').toDecimalPlaces(0).toString()).toBe('3');
    expect(new Money('-2.5').toDecimalPlaces(0).toString()).toBe('-3');
    expect(new Money('1.005').toDecimalPlaces(2).toString()).toBe('1.01');
  });

  it('caps amounts at what NUMERIC(14,2) can store, 999999999999.99', () => {
    expect(MAX_AMOUNT.toFixed(2)).toBe('999999999999.99');
  });
});

describe('parseMoney', () => {
  it.each([
    ['1234.5', '1234.5'],
    ['1234.50', '1234.5'],
    ['-0.05', '-0.05'],
    ['0', '0'],
    ['7', '7'],
    ['999999999999.99', '999999999999.99'],
    ['-999999999999.99', '-999999999999.99'],
  ])('reads the decimal string %s as %s euros', (input, expected) => {
    expect(parseMoney(input).toString()).toBe(expected);
  });

  it.each([12.5, 0, 100, Number.NaN, null, undefined, true, {}, ['1.00']])(
    'refuses the non-string %s (a JavaScript number never holds an amount)',
    (input) => {
      expect(() => parseMoney(input)).toThrow(TypeError);
    },
  );

  it.each(['1.234', '1e3', ' 1', '1 ', '', '--1', '+1', '1,50', '12.', '.5', '1.2.3', 'NaN', 'Infinity', '0x10', '1000000000000'])(
    'refuses the malformed string %j',
    (input) => {
      expect(() => parseMoney(input)).toThrow(TypeError);
    },
  );
});

describe('roundCents', () => {
  it.each([
    ['0.005', '0.01'],
    ['-0.005', '-0.01'],
    ['0.004', '0'],
    ['2.675', '2.68'],
    ['-2.675', '-2.68'],
    ['1.0049999999', '1'],
    ['10.125', '10.13'],
    ['999999999999.994', '999999999999.99'],
    ['999999999999.995', '1000000000000'],
  ])('rounds %s half-up to %s', (input, expected) => {
    expect(roundCents(input).toString()).toBe(expected);
  });

  it('gets 2.675 right where binary floats round it down to 2.67', () => {
    expect((2.675).toFixed(2)).toBe('2.67');
    expect(roundCents('2.675').toFixed(2)).toBe('2.68');
  });

  it('rounds any amount given in thousandths of a euro half-up, away from zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (mills) => {
        const abs = mills < 0n ? -mills : mills;
        const roundedAbs = (abs + 5n) / 10n;
        const expected = mills < 0n ? -roundedAbs : roundedAbs;
        const milliEuros = `${mills < 0n ? '-' : ''}${abs / 1000n}.${String(abs % 1000n).padStart(3, '0')}`;
        expect(toCents(roundCents(milliEuros))).toBe(expected);
      }),
    );
  });
});

describe('formatAmount', () => {
  it.each([
    ['5', '5.00'],
    ['1234.5', '1234.50'],
    ['0', '0.00'],
    ['-0.05', '-0.05'],
    ['-12', '-12.00'],
    ['0.005', '0.01'],
    ['-0.005', '-0.01'],
    ['2.675', '2.68'],
    ['999999999999.99', '999999999999.99'],
    ['1e-7', '0.00'],
    ['1e21', '1000000000000000000000.00'],
  ])('writes %s as the fixed two-decimal string %s', (input, expected) => {
    expect(formatAmount(input)).toBe(expected);
  });

  it('never writes a negative zero', () => {
    expect(formatAmount('-0.004')).toBe('0.00');
    expect(formatAmount(new Money(-0))).toBe('0.00');
    expect(formatAmount(parseMoney('-0.00'))).toBe('0.00');
  });

  it('accepts a Money as well as a string', () => {
    expect(formatAmount(new Money('3.1'))).toBe('3.10');
  });

  it('gives back, for any amount in cents, a string that parseMoney reads as the same amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -99_999_999_999_999n, max: 99_999_999_999_999n }), (cents) => {
        const text = formatAmount(centsToEuros(cents));
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        expect(text).toBe(centsToEuros(cents));
        expect(toCents(parseMoney(text))).toBe(cents);
      }),
    );
  });
});

describe('formatOptionalAmount', () => {
  it('keeps a missing amount missing', () => {
    expect(formatOptionalAmount(null)).toBeNull();
    expect(formatOptionalAmount(undefined)).toBeNull();
  });

  it('formats a present amount with two decimals', () => {
    expect(formatOptionalAmount('3.1')).toBe('3.10');
    expect(formatOptionalAmount(new Money('0'))).toBe('0.00');
  });
});

describe('sum', () => {
  it('adds 0.10 and 0.20 to exactly 0.30, unlike binary floats', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const total = sum(['0.1', '0.2']);
    expect(total.equals(new Money('0.3'))).toBe(true);
    expect(formatAmount(total)).toBe('0.30');
  });

  it('gives zero for no amounts', () => {
    expect(sum([]).isZero()).toBe(true);
  });

  it('adds a thousand cents to exactly 10.00', () => {
    expect(formatAmount(sum(Array.from({ length: 1000 }, () => '0.01')))).toBe('10.00');
  });

  it('mixes strings, Money values and negative amounts', () => {
    expect(formatAmount(sum(['100.00', new Money('-33.34'), '-33.33', new Money('-33.33')]))).toBe('0.00');
  });

  it('stays exact past the largest storable amount', () => {
    expect(sum([MAX_AMOUNT, '0.01']).toFixed(2)).toBe('1000000000000.00');
    expect(sum([MAX_AMOUNT, MAX_AMOUNT, MAX_AMOUNT]).toFixed(2)).toBe('2999999999999.97');
  });

  it('adds any list of cent amounts exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), { maxLength: 60 }), (list) => {
        const expected = list.reduce((a, b) => a + b, 0n);
        expect(toCents(sum(list.map(centsToEuros)))).toBe(expected);
      }),
    );
  });
});

describe('allocate', () => {
  it('splits 100.00 three ways as 33.34, 33.33, 33.33', () => {
    expect(amounts(allocate('100.00', [1, 1, 1]))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('splits -100.00 three ways as -33.34, -33.33, -33.33', () => {
    expect(amounts(allocate('-100.00', [1, 1, 1]))).toEqual(['-33.34', '-33.33', '-33.33']);
  });

  it('gives the leftover cents of a tie to the earlier parts', () => {
    expect(amounts(allocate('0.01', [1, 1, 1]))).toEqual(['0.01', '0.00', '0.00']);
    expect(amounts(allocate('0.02', [1, 1, 1]))).toEqual(['0.01', '0.01', '0.00']);
    expect(amounts(allocate('1.00', [1, 1, 1]))).toEqual(['0.34', '0.33', '0.33']);
    expect(amounts(allocate('-0.02', [1, 1, 1]))).toEqual(['-0.01', '-0.01', '0.00']);
  });

  it('gives a leftover cent to the largest remainder before the earlier part', () => {
    // 1.00 × 1/3 = 0.333…, 1.00 × 2/3 = 0.666…: the second part has the larger remainder.
    expect(amounts(allocate('1.00', [1, 2]))).toEqual(['0.33', '0.67']);
  });

  it('splits zero into zero parts, without negative zeros', () => {
    expect(amounts(allocate('0', [1, 2, 3]))).toEqual(['0.00', '0.00', '0.00']);
    expect(amounts(allocate('-0.01', [1, 1]))).toEqual(['-0.01', '0.00']);
  });

  it('gives nothing to parts weighted zero among others', () => {
    expect(amounts(allocate('10.00', [0, 1, 0, 1]))).toEqual(['0.00', '5.00', '0.00', '5.00']);
    expect(amounts(allocate('0.01', [0, 1, 1]))).toEqual(['0.00', '0.01', '0.00']);
    expect(amounts(allocate('-0.03', [0, 0, 1]))).toEqual(['0.00', '0.00', '-0.03']);
  });

  it('gives everything to a single part', () => {
    expect(amounts(allocate('123.45', [7]))).toEqual(['123.45']);
  });

  it('splits in proportion to decimal-string, Money and number weights', () => {
    expect(amounts(allocate('900.00', ['1250.50', new Money('625.25'), 625.25]))).toEqual(['450.00', '225.00', '225.00']);
    expect(amounts(allocate('10.00', ['0.1', '0.2']))).toEqual(['3.33', '6.67']);
  });

  it('splits the largest storable amount, 999999999999.99, exactly', () => {
    const threeWays = allocate('999999999999.99', [1, 1, 1]);
    expect(amounts(threeWays)).toEqual(['333333333333.33', '333333333333.33', '333333333333.33']);
    expect(formatAmount(sum(threeWays))).toBe('999999999999.99');
    expect(amounts(allocate(MAX_AMOUNT, [1, 2]))).toEqual(['333333333333.33', '666666666666.66']);
    // 99999999999999 cents × 2/4 leaves a remainder of .5, the two others .75 each: they get the cents.
    expect(amounts(allocate(MAX_AMOUNT.negated(), [2, 1, 1]))).toEqual(['-499999999999.99', '-250000000000.00', '-250000000000.00']);
  });

  it('refuses a total that is not whole cents', () => {
    expect(() => allocate('10.001', [1, 1])).toThrow(RangeError);
    expect(() => allocate('-0.005', [1])).toThrow(/whole cents/);
  });

  it('refuses an empty list of weights', () => {
    expect(() => allocate('10.00', [])).toThrow(/no parts/);
  });

  it('refuses weights that are all zero', () => {
    expect(() => allocate('10.00', [0, 0, '0.00'])).toThrow(/sum to zero/);
  });

  it('refuses a negative weight', () => {
    expect(() => allocate('10.00', [1, -1, 2])).toThrow(/negative weight/);
    expect(() => allocate('10.00', ['-0.01', '5'])).toThrow(RangeError);
  });

  it('refuses non-finite weights and totals instead of returning parts that do not add up', () => {
    const cases: Array<[string, ReadonlyArray<number>]> = [
      ['1.00', [Number.NaN, 1]],
      ['1.00', [Number.POSITIVE_INFINITY, 1]],
      ['Infinity', [1, 1]],
    ];
    const accepted = cases.filter(([total, weights]) => {
      try {
        allocate(total, weights);
        return true;
      } catch (error) {
        return !(error instanceof RangeError);
      }
    });
    expect(accepted).toEqual([]);
  });

  it('treats a negative-zero weight as a zero weight', () => {
    expect(amounts(allocate('1.00', [-0, 1]))).toEqual(['0.00', '1.00']);
    expect(amounts(allocate('1.00', [new Money(0).negated(), 1]))).toEqual(['0.00', '1.00']);
  });

  describe('for any total up to 1e11 cents and any 1–50 non-negative weights', () => {
    const totals = fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n });
    const weight = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 3 }));
    const weights = fc.array(weight, { minLength: 1, maxLength: 50 }).filter((ws) => ws.some((w) => w > 0));

    it('returns one part per weight, each whole cents, adding up exactly to the total', () => {
      fc.assert(
        fc.property(totals, weights, (cents, ws) => {
          const parts = allocate(centsToEuros(cents), ws);
          expect(parts).toHaveLength(ws.length);
          const partCents = parts.map(toCents);
          expect(partCents.reduce((a, b) => a + b, 0n)).toBe(cents);
        }),
        { numRuns: 500 },
      );
    });

    it('keeps every part within one cent of its exact proportional share, on the side of the total', () => {
      fc.assert(
        fc.property(totals, weights, (cents, ws) => {
          const parts = allocate(centsToEuros(cents), ws).map(toCents);
          const weightSum = BigInt(ws.reduce((a, b) => a + b, 0));
          parts.forEach((part, i) => {
            const w = BigInt(ws[i]!);
            // |part − cents × w / W| < 1, multiplied through by W to stay in integers.
            const diff = part * weightSum - cents * w;
            expect(diff < 0n ? -diff : diff).toBeLessThan(weightSum);
            if (w === 0n) expect(part).toBe(0n);
            if (cents >= 0n) expect(part >= 0n).toBe(true);
            else expect(part <= 0n).toBe(true);
          });
        }),
        { numRuns: 500 },
      );
    });

    it('splits a negative total as the mirror image of the positive one', () => {
      fc.assert(
        fc.property(totals, weights, (cents, ws) => {
          const positive = allocate(centsToEuros(cents < 0n ? -cents : cents), ws).map(toCents);
          const negative = allocate(centsToEuros(cents < 0n ? cents : -cents), ws).map(toCents);
          expect(negative).toEqual(positive.map((c) => -c));
        }),
        { numRuns: 200 },
      );
    });

    it('gives the same result for weights given as two-decimal strings', () => {
      fc.assert(
        fc.property(totals, weights, (cents, ws) => {
          const asNumbers = allocate(centsToEuros(cents), ws).map(toCents);
          const asStrings = allocate(
            centsToEuros(cents),
            ws.map((w) => centsToEuros(BigInt(w))),
          ).map(toCents);
          expect(asStrings).toEqual(asNumbers);
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('moneyString', () => {
  it.each(['125.00', '125', '0.5', '-3.20', '999999999999.99'])('accepts the decimal string %j', (input) => {
    expect(moneyString().safeParse(input)).toEqual({ success: true, data: input });
  });

  it.each([125, 0, 12.5])('refuses the JSON number %j', (input) => {
    const result = moneyString().safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['Must be a decimal string such as "125.00"']);
  });

  it('says a missing amount is required', () => {
    expect(moneyString().safeParse(undefined).error?.issues.map((i) => i.message)).toEqual(['Required']);
  });

  it.each(['1.234', '1e3', '12.', '1000000000000'])('refuses the malformed string %j', (input) => {
    const result = moneyString().safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Must be a decimal string with at most two decimals, such as "125.00"');
  });

  it('reports malformed strings such as "1,50" (a Belgian decimal comma) as validation issues rather than throwing', () => {
    const inputs = ['1,50', 'abc', '', ' 1', '--1', '12 €'];
    const thrown = inputs.filter((input) => {
      try {
        return moneyString({ min: 'nonNegative' }).safeParse(input).success;
      } catch {
        return true;
      }
    });
    expect(thrown).toEqual([]);
  });

  it('with min "positive", refuses zero and negatives', () => {
    const schema = moneyString({ min: 'positive' });
    expect(schema.safeParse('0.01').success).toBe(true);
    expect(schema.safeParse('0.00').error?.issues.map((i) => i.message)).toEqual(['Must be greater than zero']);
    expect(schema.safeParse('-5.00').error?.issues.map((i) => i.message)).toEqual(['Must be greater than zero']);
  });

  it('with min "nonNegative", accepts zero and refuses negatives', () => {
    const schema = moneyString({ min: 'nonNegative' });
    expect(schema.safeParse('0.00').success).toBe(true);
    expect(schema.safeParse('-0.01').error?.issues.map((i) => i.message)).toEqual(['Must not be negative']);
  });
});
