/**
 * The pure arithmetic of a rental advance (backend/src/modules/rental-deposits/plan.ts, rules.ts):
 * the schedule, its settlement on a date, the split of a released guarantee and the dated legal
 * maximum. Figures by hand first, then properties over random amounts and plans (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../../backend/src/lib/money.ts';
import { MAX_INSTALMENTS, allocateRelease, instalmentCount, sameDayMonthsLater, schedulePlan, settle, type Plan } from '../../backend/src/modules/rental-deposits/plan.ts';
import { BLOCKED_ACCOUNT_RULES, blockedAccountRuleOn, maxGuarantee } from '../../backend/src/modules/rental-deposits/rules.ts';
import { checkOpening } from '../../backend/src/modules/rental-deposits/rental-deposits.service.ts';

const SEED = 20261205;
const amounts = (xs: Array<{ amount: Money }>) => xs.map((x) => x.amount.toFixed(2));
const dates = (xs: Array<{ dueOn: string }>) => xs.map((x) => x.dueOn);

describe('schedulePlan: a monthly instalment', () => {
  it('€1,600 at €50 → 32 instalments of €50 from the first due date', () => {
    const s = schedulePlan('1600.00', { instalment: '50.00' }, '2023-02-01');
    expect(s).toHaveLength(32);
    expect(new Set(amounts(s))).toEqual(new Set(['50.00']));
    expect(s[0]).toMatchObject({ number: 1, dueOn: '2023-02-01' });
    expect(s[31]).toMatchObject({ number: 32, dueOn: '2025-09-01' });
  });

  it('the last instalment is what remains, smaller: €1,000 at €300 → 300, 300, 300, 100', () => {
    expect(amounts(schedulePlan('1000.00', { instalment: '300.00' }, '2025-01-10'))).toEqual(['300.00', '300.00', '300.00', '100.00']);
    expect(amounts(schedulePlan('100.01', { instalment: '50.00' }, '2025-01-10'))).toEqual(['50.00', '50.00', '0.01']);
  });

  it('an instalment larger than the amount is one instalment of the amount', () => {
    expect(amounts(schedulePlan('120.00', { instalment: '500.00' }, '2025-01-10'))).toEqual(['120.00']);
    expect(instalmentCount('120.00', { instalment: '500.00' })).toBe(1);
  });

  it('refuses more than MAX_INSTALMENTS instalments', () => {
    expect(instalmentCount('1210.00', { instalment: '10.00' })).toBe(121);
    expect(() => schedulePlan('1210.00', { instalment: '10.00' }, '2025-01-10')).toThrow(RangeError);
    expect(schedulePlan('1200.00', { instalment: '10.00' }, '2025-01-10')).toHaveLength(MAX_INSTALMENTS);
  });
});

describe('schedulePlan: a number of months', () => {
  it('the rounding remainder goes on the last instalment: €100 over 3 months → 33.33, 33.33, 33.34', () => {
    expect(amounts(schedulePlan('100.00', { months: 3 }, '2025-01-10'))).toEqual(['33.33', '33.33', '33.34']);
    expect(amounts(schedulePlan('1600.00', { months: 7 }, '2025-01-10'))).toEqual(['228.57', '228.57', '228.57', '228.57', '228.57', '228.57', '228.58']);
    expect(amounts(schedulePlan('1600.00', { months: 32 }, '2025-01-10'))).toEqual(Array(32).fill('50.00'));
  });

  it('refuses 0 or more than MAX_INSTALMENTS months', () => {
    expect(() => schedulePlan('100.00', { months: 0 }, '2025-01-10')).toThrow(RangeError);
    expect(() => schedulePlan('100.00', { months: MAX_INSTALMENTS + 1 }, '2025-01-10')).toThrow(RangeError);
    expect(() => schedulePlan('100.00', { months: 1.5 }, '2025-01-10')).toThrow(RangeError);
  });

  it('never plans an instalment of €0: fewer cents than months is refused, not a plan of zeros', () => {
    // €0.05 over 10 months would be nine instalments of 0.00 and a last one of 0.05.
    expect(() => schedulePlan('0.05', { months: 10 }, '2025-01-10')).toThrow(RangeError);
    expect(amounts(schedulePlan('0.10', { months: 10 }, '2025-01-10'))).toEqual(Array(10).fill('0.01'));
  });
});

describe('due dates keep the day of the month, clamped to the month end', () => {
  it('first due 2025-01-31 → 2025-02-28, 2025-03-31, 2025-04-30', () => {
    expect(dates(schedulePlan('400.00', { months: 4 }, '2025-01-31'))).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
  });
  it('a leap year: 2024-01-30 → 2024-02-29, then the 30th again', () => {
    expect(dates(schedulePlan('300.00', { months: 3 }, '2024-01-30'))).toEqual(['2024-01-30', '2024-02-29', '2024-03-30']);
  });
  it('across the year end', () => {
    expect(dates(schedulePlan('300.00', { instalment: '100.00' }, '2025-11-15'))).toEqual(['2025-11-15', '2025-12-15', '2026-01-15']);
    expect(sameDayMonthsLater('2025-12-31', 2)).toBe('2026-02-28');
  });
});

describe('settle: payments cover the oldest instalments first', () => {
  const plan = schedulePlan('300.00', { instalment: '100.00' }, '2025-01-10'); // 10 Jan, 10 Feb, 10 Mar

  it('nothing paid, before the first due date: the first is due, the rest upcoming, no arrears', () => {
    const s = settle(plan, '0', '2025-01-05');
    expect(s.schedule.map((i) => i.state)).toEqual(['due', 'upcoming', 'upcoming']);
    expect(s.arrears).toEqual({ instalments: 0, amount: new Money(0), oldestDueOn: null, oldestAgeDays: null });
    expect(s.nextInstalment).toEqual({ dueOn: '2025-01-10', amount: new Money(100) });
  });

  it('on the due date itself the instalment is due, not late', () => {
    const s = settle(plan, '0', '2025-01-10');
    expect(s.schedule[0]!.state).toBe('due');
    expect(s.arrears.instalments).toBe(0);
  });

  it('€150 paid on 2025-03-20: the first paid, the second half covered and late, the third late', () => {
    const s = settle(plan, '150.00', '2025-03-20');
    expect(s.schedule.map((i) => [i.state, i.covered.toFixed(2)])).toEqual([
      ['paid', '100.00'],
      ['late', '50.00'],
      ['late', '0.00'],
    ]);
    expect(s.arrears.instalments).toBe(2);
    expect(s.arrears.amount.toFixed(2)).toBe('150.00');
    expect(s.arrears.oldestDueOn).toBe('2025-02-10');
    expect(s.arrears.oldestAgeDays).toBe(38);
    expect(s.nextInstalment).toBeNull();
  });

  it('a partial payment of the next instalment before its date: partial, and the next instalment is what remains of it', () => {
    const s = settle(plan, '130.00', '2025-02-01');
    expect(s.schedule.map((i) => i.state)).toEqual(['paid', 'partial', 'upcoming']);
    expect(s.nextInstalment).toEqual({ dueOn: '2025-02-10', amount: new Money(70) });
    expect(s.arrears.instalments).toBe(0);
  });

  it('an early payment covers later instalments too: partial beyond the next one', () => {
    const s = settle(plan, '250.00', '2025-01-05');
    expect(s.schedule.map((i) => [i.state, i.covered.toFixed(2)])).toEqual([
      ['paid', '100.00'],
      ['paid', '100.00'],
      ['partial', '50.00'],
    ]);
    expect(s.nextInstalment).toEqual({ dueOn: '2025-03-10', amount: new Money(50) });
  });

  it('all paid: no arrears, no next instalment; more than the amount never covers more than each instalment', () => {
    const s = settle(plan, '999.00', '2026-01-01');
    expect(s.schedule.every((i) => i.state === 'paid')).toBe(true);
    expect(s.schedule.map((i) => i.covered.toFixed(2))).toEqual(['100.00', '100.00', '100.00']);
    expect(s.arrears.amount.toFixed(2)).toBe('0.00');
    expect(s.nextInstalment).toBeNull();
  });

  it('a negative coverage counts as nothing paid', () => {
    const s = settle(plan, '-50.00', '2025-02-11');
    expect(s.arrears.amount.toFixed(2)).toBe('200.00');
    expect(s.schedule.every((i) => i.covered.gte(0))).toBe(true);
  });
});

describe('allocateRelease: the worked example (rent €800, guarantee €1,600, €600 owed)', () => {
  const triple = (kept: string, owed = '600.00') => {
    const a = allocateRelease('1600.00', kept, owed);
    return [a.released, a.toFund, a.toTenant, a.remainingOwed].map((m) => m.toFixed(2));
  };
  it('nothing kept → €1,600 released: €600 to the fund, €1,000 to the tenant, €0 owed', () => expect(triple('0.00')).toEqual(['1600.00', '600.00', '1000.00', '0.00']));
  it('€400 kept → €1,200 released: €600 to the fund, €600 to the tenant', () => expect(triple('400.00')).toEqual(['1200.00', '600.00', '600.00', '0.00']));
  it('€1,200 kept → €400 released: €400 to the fund, €0 to the tenant, €200 still owed', () => expect(triple('1200.00')).toEqual(['400.00', '400.00', '0.00', '200.00']));
  it('all kept → nothing released, everything still owed', () => expect(triple('1600.00')).toEqual(['0.00', '0.00', '0.00', '600.00']));
  it('nothing owed → all to the tenant', () => expect(triple('100.00', '0.00')).toEqual(['1500.00', '0.00', '1500.00', '0.00']));
  it('released = toFund + toTenant and owed = toFund + remainingOwed, for random figures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_00 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (g, keptPct, owedPct) => {
        const guarantee = new Money(g).dividedBy(100);
        const kept = guarantee.times(keptPct).dividedBy(100).toDecimalPlaces(2, Money.ROUND_DOWN);
        const owed = guarantee.times(owedPct).dividedBy(100).toDecimalPlaces(2, Money.ROUND_DOWN);
        const a = allocateRelease(guarantee, kept, owed);
        expect(a.released.equals(guarantee.minus(kept))).toBe(true);
        expect(a.toFund.plus(a.toTenant).equals(a.released)).toBe(true);
        expect(a.toFund.plus(a.remainingOwed).equals(owed)).toBe(true);
        for (const m of [a.toFund, a.toTenant, a.remainingOwed]) expect(m.gte(0)).toBe(true);
        // The tenant gets something only once the debt is cleared.
        if (a.toTenant.gt(0)) expect(a.remainingOwed.isZero()).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('rules: the legal maximum on a blocked account, dated', () => {
  it('two months of rent in Brussels', () => {
    expect(maxGuarantee('800.00', '2025-01-02')!.amount.toFixed(2)).toBe('1600.00');
    expect(maxGuarantee('733.33', '2025-01-02')!.amount.toFixed(2)).toBe('1466.66');
  });
  it('the rule in force is the latest one on or before the date', () => {
    expect(blockedAccountRuleOn('2017-12-31')!.from).toBe('2007-06-18');
    expect(blockedAccountRuleOn('2018-01-01')!.from).toBe('2018-01-01');
    expect(blockedAccountRuleOn('2030-06-01')!.from).toBe('2018-01-01');
    expect(maxGuarantee('800.00', '2018-01-01')!.rule.source).toMatch(/Code bruxellois du Logement/);
  });
  it('three months before the 2007 reform; no rule before the first one (null, not a maximum of zero)', () => {
    expect(blockedAccountRuleOn('2007-06-17')!.maxMonthsOfRent).toBe(3);
    expect(blockedAccountRuleOn('1991-02-27')).toBeNull();
    expect(maxGuarantee('800.00', '2000-01-01')!.amount.toFixed(2)).toBe('2400.00');
    expect(maxGuarantee('800.00', '1990-01-01')).toBeNull();
  });
  it('a later dated rule applies from its date only, whatever the order of the rows', () => {
    const rules = [
      { from: '2030-01-01', maxMonthsOfRent: 3, source: 'hypothetical' },
      ...BLOCKED_ACCOUNT_RULES,
    ];
    expect(blockedAccountRuleOn('2029-12-31', rules)!.maxMonthsOfRent).toBe(2);
    expect(blockedAccountRuleOn('2030-01-01', rules)!.maxMonthsOfRent).toBe(3);
  });
  it('checkOpening refuses more than two months of rent with a 400 naming amount, and accepts exactly two', () => {
    expect(() => checkOpening({ monthlyRent: '800.00', amount: '1600.00', openedOn: '2025-01-02', plan: { months: 10 } })).not.toThrow();
    expect(() => checkOpening({ monthlyRent: '800.00', amount: '1600.01', openedOn: '2025-01-02', plan: { months: 10 } })).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: 'amount' })] }),
    );
  });
});

// ——— Properties ———

/** A random amount in cents (1 cent to €20,000) and a random plan of either kind. */
const amountCents = fc.integer({ min: 1, max: 2_000_000 });
const planArb = (cents: number): fc.Arbitrary<Plan> =>
  fc.oneof(
    // Instalments that give at most MAX_INSTALMENTS instalments.
    fc.integer({ min: Math.max(1, Math.ceil(cents / MAX_INSTALMENTS)), max: Math.max(1, cents * 2) }).map((c) => ({ instalment: (c / 100).toFixed(2) })),
    // Months that leave at least a cent an instalment.
    fc.integer({ min: 1, max: Math.min(MAX_INSTALMENTS, cents) }).map((months) => ({ months })),
  );
const firstDue = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const caseArb = amountCents.chain((cents) => fc.tuple(fc.constant(cents), planArb(cents), firstDue));

describe('properties of schedules', () => {
  it('sum exactly to the amount, every instalment > 0 and whole cents, never more than MAX_INSTALMENTS, due monthly', () => {
    fc.assert(
      fc.property(caseArb, ([cents, plan, first]) => {
        const amount = new Money(cents).dividedBy(100);
        const s = schedulePlan(amount, plan, first);
        expect(s.length).toBeGreaterThanOrEqual(1);
        expect(s.length).toBeLessThanOrEqual(MAX_INSTALMENTS);
        expect(s.reduce((acc, i) => acc.plus(i.amount), new Money(0)).equals(amount)).toBe(true);
        for (const [k, i] of s.entries()) {
          expect(i.amount.gt(0), `instalment ${i.number} of ${JSON.stringify(plan)} on ${amount}`).toBe(true);
          expect(i.amount.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(i.number).toBe(k + 1);
          expect(i.dueOn).toBe(sameDayMonthsLater(first, k));
          if (k > 0) expect(i.dueOn > s[k - 1]!.dueOn).toBe(true);
        }
        if ('months' in plan) {
          expect(s).toHaveLength(plan.months);
          // Every one but the last is the same; the last holds the remainder (less than a cent per month more).
          const regular = s[0]!.amount;
          expect(s.slice(0, -1).every((i) => i.amount.equals(regular))).toBe(true);
          expect(s.at(-1)!.amount.gte(regular)).toBe(true);
          expect(s.at(-1)!.amount.minus(regular).lt(new Money(plan.months).dividedBy(100))).toBe(true);
        } else {
          // Every one but the last is the instalment; the last is never larger.
          const inst = Money.min(new Money(plan.instalment), amount);
          expect(s.slice(0, -1).every((i) => i.amount.equals(inst))).toBe(true);
          expect(s.at(-1)!.amount.lte(inst)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('every instalment > 0 for any months plan the API accepts, or a RangeError — never a €0 instalment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: MAX_INSTALMENTS }), (cents, months) => {
        let s;
        try {
          s = schedulePlan(new Money(cents).dividedBy(100), { months }, '2025-01-31');
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
          return;
        }
        expect(s.every((i) => i.amount.gt(0))).toBe(true);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('random coverages and dates never make arrears negative; covered never exceeds an instalment; paid + arrears + not yet due = amount', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -100_000, max: 3_000_000 }), fc.integer({ min: -60, max: 4000 }), ([cents, plan, first], coveredCents, dayOffset) => {
        const amount = new Money(cents).dividedBy(100);
        const s = schedulePlan(amount, plan, first);
        const on = new Date(Date.parse(first) + dayOffset * 86_400_000).toISOString().slice(0, 10);
        const covered = new Money(coveredCents).dividedBy(100);
        const r = settle(s, covered, on);
        expect(r.arrears.amount.gte(0)).toBe(true);
        expect(r.arrears.instalments).toBeGreaterThanOrEqual(0);
        const coveredTotal = r.schedule.reduce((acc, i) => acc.plus(i.covered), new Money(0));
        expect(coveredTotal.equals(Money.min(Money.max(covered, 0), amount))).toBe(true);
        for (const i of r.schedule) {
          expect(i.covered.gte(0) && i.covered.lte(i.amount)).toBe(true);
          if (i.state === 'late') expect(i.dueOn < on).toBe(true);
          if (i.state === 'paid') expect(i.covered.equals(i.amount)).toBe(true);
        }
        const notYetDue = r.schedule.filter((i) => i.dueOn >= on).reduce((acc, i) => acc.plus(i.amount.minus(i.covered)), new Money(0));
        expect(coveredTotal.plus(r.arrears.amount).plus(notYetDue).equals(amount)).toBe(true);
        expect(r.arrears.oldestDueOn === null).toBe(r.arrears.instalments === 0);
        // Oldest first: nothing after a late or partial instalment is covered beyond it.
        const firstShort = r.schedule.findIndex((i) => !i.covered.equals(i.amount));
        if (firstShort >= 0) expect(r.schedule.slice(firstShort + 1).every((i) => i.covered.isZero())).toBe(true);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
