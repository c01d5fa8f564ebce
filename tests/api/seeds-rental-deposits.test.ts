import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { runSeeds } from '../../backend/src/db/seed.ts';
import { addDays, addMonths, monthOf, today } from '../../backend/src/lib/dates.ts';
import { formatCommunication } from '../../backend/src/lib/structured-communication.ts';

// The demo rental-deposit fund (seeds/05_demo_rental_deposits.ts), loaded with the other demo seeds as
// npm start does. What the fund page, the board and the yearly report of the demo rely on: a fund whose
// books balance, advances in every state, one in arrears today, and the 2025 figures (1 opening, 1 release)
// counted from the records.

type Summary = { id: string; household: { id: string; displayName: string }; openedOn: string; status: string; owed: string; arrears: { instalments: number; amount: string; oldestDueOn: string | null } };
type Deposit = Summary & {
  amount: string;
  paid: string;
  writtenOff: string;
  releasedToFund: string;
  structuredCommunication: string;
  fundIban: string | null;
  release: { releasedOn: string; landlordKept: string; released: string; toFund: string; toTenant: string } | null;
  entries: Array<{ kind: string; valueDate: string; amount: string; memo: string | null; bankReference: string | null }>;
};

let t: TestApp;
let coordinator: Client;
let lines: string[];
const deposits = new Map<string, Deposit>();

beforeAll(async () => {
  t = await setupApp();
  lines = await runSeeds(t.db.knex, 'development');
  coordinator = await login(t.app, { email: 'coordination@demo.potcommun.be', password: 'Logement-solidaire-2026' });
  const list = await coordinator.get('/api/rental-deposits');
  expect(list.status).toBe(200);
  for (const item of list.body.items as Summary[]) {
    const res = await coordinator.get(`/api/rental-deposits/${item.id}`);
    expect(res.status).toBe(200);
    deposits.set(item.household.displayName, res.body as Deposit);
  }
}, 300_000);
afterAll(() => t.close());

const of = (name: string) => {
  const d = deposits.get(name);
  if (!d) throw new Error(`no demo advance for ${name}`);
  return d;
};

describe('the demo rental-deposit fund', () => {
  it('has its name, IBAN and capital from the organisation and a donor, 2021–2025', async () => {
    expect(lines.some((l) => l.startsWith('Demo rental deposits: '))).toBe(true);
    const fund = await coordinator.get('/api/rental-deposit-fund');
    expect(fund.status).toBe(200);
    expect(fund.body).toMatchObject({ name: 'Fonds de garantie locative', iban: 'BE68539007547034', contributions: '20000.00' });
    const entries = (await coordinator.get(`/api/rental-deposit-fund/entries?from=2021-01-01&to=${today()}`)).body.items as Array<{ kind: string; valueDate: string; memo: string | null }>;
    const contributions = entries.filter((e) => e.kind === 'fund_contribution');
    expect(contributions.map((e) => e.valueDate)).toEqual(['2021-03-01', '2022-11-15', '2025-03-10']);
    expect(contributions.some((e) => /asbl/.test(e.memo ?? ''))).toBe(true);
    expect(contributions.some((e) => /Don/.test(e.memo ?? ''))).toBe(true);
  });

  it('keeps books that the check finds in order', async () => {
    const check = await coordinator.get('/api/rental-deposit-fund/check');
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ ok: true, invariantHolds: true, runningBalancesMatch: true, contributions: '20000.00', writtenOff: '300.00' });
    // What the check recomputes from the postings is what the fund shows today.
    const fund = (await coordinator.get('/api/rental-deposit-fund')).body;
    expect(fund).toMatchObject({ cash: check.body.cash, owedByTenants: check.body.owedByTenants });
  });

  it('counts exactly one opening and one release in 2025, from the records', () => {
    const all = [...deposits.values()];
    expect(all.filter((d) => d.openedOn.startsWith('2025-')).map((d) => d.household.displayName)).toEqual(['Famille Dethier']);
    expect(all.filter((d) => d.release?.releasedOn.startsWith('2025-')).map((d) => d.household.displayName)).toEqual(['Famille Farah']);
    expect(all.every((d) => d.status !== 'cancelled')).toBe(true);
  });

  it('has older advances still being repaid month by month, with bank references', () => {
    for (const name of ['Sahra Mohamed', 'Famille Bondarenko']) {
      const d = of(name);
      expect(d.openedOn >= '2022-01-01' && d.openedOn <= '2024-12-31', name).toBe(true);
      expect(d.status, name).toBe('open');
      expect(Number(d.paid) > 0 && Number(d.owed) > 0, name).toBe(true);
      expect(d.arrears.instalments, name).toBe(0);
      const repayments = d.entries.filter((e) => e.kind === 'deposit_repayment');
      expect(repayments.length, name).toBeGreaterThan(20);
      expect(repayments.every((e) => e.bankReference === formatCommunication(d.structuredCommunication)), name).toBe(true);
      // Paid up to last month: the latest repayment is less than two months old.
      expect(repayments.at(-1)!.valueDate >= `${addMonths(monthOf(today()), -1)}-01`, name).toBe(true);
    }
    // 60 months: 59 instalments of €31.66 and the rounding remainder on the last.
    expect(of('Famille Bondarenko').entries.find((e) => e.kind === 'deposit_repayment')!.amount).toBe('-31.66');
  });

  it('has exactly one advance in arrears today, still in arrears on later dates', async () => {
    const list = (await coordinator.get(`/api/rental-deposits?on=${today()}`)).body.items as Summary[];
    expect(list.filter((d) => d.arrears.instalments > 0).map((d) => d.household.displayName)).toEqual(['Olena Shevchenko']);
    // Later dates: the others have not paid those instalments yet either; Shevchenko's arrears only grow.
    for (const on of [addDays(today(), 45), addDays(today(), 400)]) {
      const later = (await coordinator.get(`/api/rental-deposits/${of('Olena Shevchenko').id}?on=${on}`)).body as Deposit;
      expect(later.arrears.instalments, on).toBeGreaterThanOrEqual(of('Olena Shevchenko').arrears.instalments);
    }
    const shevchenko = of('Olena Shevchenko');
    expect(shevchenko.status).toBe('open');
    expect(shevchenko.arrears.instalments).toBeGreaterThanOrEqual(3);
    expect(Number(shevchenko.arrears.amount)).toBe(40 * shevchenko.arrears.instalments);
    // Repayments stopped a few months ago, not years ago.
    expect(shevchenko.arrears.oldestDueOn! >= `${addMonths(monthOf(today()), -4)}-01`).toBe(true);
  });

  it('has a release where the landlord kept part, part of the rest written off with a reason, the rest repaid', () => {
    const farah = of('Famille Farah');
    expect(farah.release).toMatchObject({ releasedOn: '2025-06-30', landlordKept: '1300.00', released: '400.00', toFund: '400.00', toTenant: '0.00' });
    expect(farah).toMatchObject({ status: 'closed', owed: '0.00', paid: '1000.00', releasedToFund: '400.00', writtenOff: '300.00' });
    const off = farah.entries.find((e) => e.kind === 'deposit_write_off')!;
    expect(off).toMatchObject({ valueDate: '2025-07-15', amount: '-300.00' });
    expect(off.memo).toMatch(/état des lieux/);
    // And one fully repaid, released with nothing kept: all of it back to the tenant.
    expect(of('Famille Haidari')).toMatchObject({ status: 'closed', owed: '0.00', paid: '1400.00', release: { landlordKept: '0.00', toFund: '0.00', toTenant: '1400.00' } });
  });

  it('tells tenants the fund’s IBAN and their own structured communication', () => {
    for (const d of deposits.values()) {
      expect(d.fundIban).toBe('BE68539007547034');
      expect(d.structuredCommunication).toMatch(/^\d{12}$/);
    }
    expect(new Set([...deposits.values()].map((d) => d.structuredCommunication)).size).toBe(deposits.size);
  });

  it('puts Shevchenko’s arrears on the board and Farah’s opening and release in her timeline', async () => {
    const shevchenko = of('Olena Shevchenko');
    const board = (await coordinator.get('/api/board')).body as { columns: Array<{ cards: Array<{ id: string; warnings: string[]; rentalArrears: unknown }> }> };
    const cards = board.columns.flatMap((c) => c.cards);
    expect(cards.filter((c) => c.warnings.includes('rental_arrears')).map((c) => c.id)).toEqual([shevchenko.household.id]);
    expect(cards.find((c) => c.id === shevchenko.household.id)!.rentalArrears).toEqual({
      instalments: shevchenko.arrears.instalments,
      amount: shevchenko.arrears.amount,
      oldestDueOn: shevchenko.arrears.oldestDueOn,
    });
    const farah = of('Famille Farah');
    const journey = (await coordinator.get(`/api/households/${farah.household.id}/journey`)).body as { timeline: Array<{ kind: string; on: string; milestone?: string; amount?: string }> };
    expect(journey.timeline.filter((i) => i.kind === 'rental_deposit').map((i) => [i.on, i.milestone, i.amount])).toEqual([
      ['2022-09-01', 'opened', '1700.00'],
      ['2025-06-30', 'released', '400.00'],
    ]);
  });

  it('closes the fund’s months up to the month before last', async () => {
    const fund = (await coordinator.get('/api/rental-deposit-fund')).body;
    expect(fund.closedThrough?.slice(0, 7)).toBe(addMonths(monthOf(today()), -2));
  });

  it('creates nothing when run a second time', async () => {
    const count = async (table: string) => Number(((await t.db.knex(table).count({ n: '*' }).first()) as { n: number | string }).n);
    const before = [await count('journal_entries'), await count('rental_deposits'), await count('rental_deposit_funds')];
    const again = await runSeeds(t.db.knex, 'development');
    expect(again).toContain('Demo rental-deposit fund already present: skipped.');
    expect([await count('journal_entries'), await count('rental_deposits'), await count('rental_deposit_funds')]).toEqual(before);
  });
});
