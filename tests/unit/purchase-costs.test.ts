import { describe, expect, it } from 'vitest';
import { Money, sum } from '../../backend/src/lib/money.ts';
import { monthlyPayment, monthlyRate, notaryFee, purchaseCosts, registrationDuties } from '../../backend/src/lib/purchase-costs.ts';

/** A small seeded PRNG (mulberry32), so that a failing case can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Brussels registration duties', () => {
  it.each([
    ['250000.00', '6250.00'],
    ['600000.00', '50000.00'],
    ['600000.01', '75000.00'],
    ['180000.00', '0.00'],
  ])('on %s for an only home (compromis 2025) → %s', (price, duty) => {
    expect(registrationDuties(price, '2025-03-15', true).toFixed(2)).toBe(duty);
  });

  it('before 1 April 2023: €175,000 relief up to €500,000', () => {
    expect(registrationDuties('250000.00', '2023-03-31', true).toFixed(2)).toBe('9375.00');
    expect(registrationDuties('500000.01', '2023-03-31', true).toFixed(2)).toBe('62500.00');
    expect(registrationDuties('250000.00', '2023-04-01', true).toFixed(2)).toBe('6250.00');
  });

  it('no relief when it is not the only home', () => {
    expect(registrationDuties('250000.00', '2025-03-15', false).toFixed(2)).toBe('31250.00');
  });

  it('grows with the taxable amount, except at the cliff above the ceiling', () => {
    const random = prng(7);
    for (let i = 0; i < 2000; i++) {
      const a = new Money(Math.floor(random() * 90_000_000)).dividedBy(100);
      const b = a.plus(new Money(Math.floor(random() * 5_000_000)).dividedBy(100));
      const da = registrationDuties(a, '2025-01-01', true);
      const db = registrationDuties(b, '2025-01-01', true);
      const crossesCliff = a.lte(600000) && b.gt(600000);
      if (!crossesCliff) expect(db.gte(da), `${a} → ${da}, ${b} → ${db}`).toBe(true);
      else expect(db.gt(da)).toBe(true);
    }
  });
});

describe('notary fees and the mortgage', () => {
  it('the degressive scale on €250,000', () => {
    // 7,500 × 4.56 % + 10,000 × 2.85 % + 12,500 × 2.28 % + 15,495 × 1.71 % + 18,600 × 1.14 % + 185,905 × 0.57 %
    expect(notaryFee('250000.00', '2025-01-01').toFixed(2)).toBe('2448.66');
    expect(notaryFee('0', '2025-01-01').toFixed(2)).toBe('0.00');
  });

  it('€250,000 at 3.5 % over 25 years → €1,244.21 a month at the equivalent monthly rate', () => {
    expect(monthlyRate('0.035').toFixed(10)).toBe('0.0028708987');
    expect(monthlyPayment('250000.00', '0.035', 25).toFixed(2)).toBe('1244.21');
    expect(monthlyPayment('1200.00', '0', 1).toFixed(2)).toBe('100.00');
    expect(monthlyPayment('0', '0.035', 25).toFixed(2)).toBe('0.00');
  });
});

describe('a purchase, line by line', () => {
  it('VDP: €250,000 with 6 % VAT on the building, 30 % deferred price → €75,000.00 not financed by the loan', () => {
    const c = purchaseCosts({ price: '250000.00', compromisOn: '2025-05-01', onlyHome: true, vat: { rate: '0.06', landShare: '40000.00' }, deferredPercent: '0.30', ownFunds: '10000.00', loan: { annualRate: '0.035', years: 25 } });
    expect(c.deferredAmount.toFixed(2)).toBe('75000.00');
    expect(c.vat.toFixed(2)).toBe('12600.00');
    expect(c.registrationDuties.toFixed(2)).toBe('0.00');
    expect(c.loanAmount.toFixed(2)).toBe(c.totalCost.minus(75000).minus(10000).toFixed(2));
  });

  it('the lines always sum to the total, each rounded to the cent, and the loan never goes below zero', () => {
    const random = prng(42);
    for (let i = 0; i < 1000; i++) {
      const price = new Money(Math.floor(50_000_00 + random() * 700_000_00)).dividedBy(100);
      const withVat = random() < 0.5;
      const c = purchaseCosts({
        price,
        compromisOn: random() < 0.3 ? '2022-06-01' : '2025-06-01',
        onlyHome: random() < 0.8,
        vat: withVat ? { rate: random() < 0.5 ? '0.06' : '0.21', landShare: price.times(random() * 0.4).toDecimalPlaces(2) } : null,
        deferredPercent: random() < 0.3 ? '0.30' : null,
        ownFunds: new Money(Math.floor(random() * 100_000_00)).dividedBy(100),
        loan: { annualRate: (0.02 + random() * 0.04).toFixed(4), years: 10 + Math.floor(random() * 21) },
      });
      const lines = [c.price, c.vat, c.registrationDuties, c.notaryFees, c.notaryFeesVat, c.adminCosts];
      expect(sum(lines).equals(c.totalCost)).toBe(true);
      for (const line of [...lines, c.deferredAmount, c.loanAmount, c.monthlyPayment]) expect(line.decimalPlaces()).toBeLessThanOrEqual(2);
      expect(c.loanAmount.gte(0)).toBe(true);
    }
  });
});
