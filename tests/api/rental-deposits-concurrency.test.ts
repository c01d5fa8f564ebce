/**
 * Rental-deposit money operations racing each other, on both engines: the embedded one (a real
 * PostgreSQL server started by the test run) and PostgreSQL 15 when TEST_DATABASE_URL is set (.ci/run
 * runs the whole api project a second time that way). supertest sends the requests together to one
 * app whose pool holds several connections, so the transactions truly overlap in the database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '../../backend/src/lib/money.ts';
import { login, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let co: Client;

function openingBody(householdId: string, amount: string, openedOn: string) {
  return {
    householdId,
    landlord: { name: 'M. Janssens' },
    address: 'Rue de la Senne 12, 1000 Bruxelles',
    monthlyRent: '800.00',
    amount,
    openedOn,
    plan: { instalment: '50.00' },
    firstDueOn: openedOn,
  };
}
async function contributed(amount: string, valueDate: string) {
  const res = await moneyPost(co, '/api/rental-deposit-fund/contributions', { amount, valueDate });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}
async function opened(amount: string, openedOn: string): Promise<string> {
  const res = await moneyPost(co, '/api/rental-deposits', openingBody((await makeHousehold(t.db.knex)).id, amount, openedOn));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}
const entriesOf = async (depositId: string, kind?: string) =>
  Number((await t.db.knex('journal_entries').where({ advance_id: depositId, ...(kind ? { kind } : {}) }).count<{ n: string }[]>('* as n'))[0]!.n);

/** The fund's cash never below zero on any day, and its check ok. */
async function booksOk() {
  const fund = await t.db.knex('rental_deposit_funds').first();
  const lowest = (await t.db.knex.raw(
    `SELECT a.kind, min(running) AS lowest FROM (
       SELECT a.id, sum(sum(p.amount * a.normal_sign)) OVER (PARTITION BY a.id ORDER BY p.value_date) AS running
         FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id WHERE a.group_id = ? GROUP BY a.id, p.value_date) d
       JOIN ledger_accounts a ON a.id = d.id GROUP BY a.kind`,
    [fund.id],
  )) as { rows: Array<{ kind: string; lowest: string }> };
  for (const r of lowest.rows) expect(new Money(r.lowest).gte(0), `${r.kind} lowest ${r.lowest}`).toBe(true);
  const check = await co.get('/api/rental-deposit-fund/check');
  expect(check.body, JSON.stringify(check.body)).toMatchObject({ ok: true, invariantHolds: true, runningBalancesMatch: true });
}

describe(`concurrent rental-deposit operations (${process.env.TEST_DATABASE_URL ? 'PostgreSQL server' : 'embedded PostgreSQL'})`, () => {
  beforeAll(async () => {
    t = await setupApp();
    co = await login(t.app, { email: (await makeStaff(t.db.knex, { role: 'coordinator' })).email, password: STAFF_PASSWORD });
    // The pool must let transactions overlap for these tests to mean anything.
    const pool = (t.db.knex.client as { pool: { max: number } }).pool;
    expect(pool.max).toBeGreaterThanOrEqual(3);
  });
  afterAll(() => t?.close());

  it('the first operations of an organisation racing: one fund is created, with one account of each kind', async () => {
    expect(await t.db.knex('rental_deposit_funds')).toHaveLength(0);
    const answers = await Promise.all(Array.from({ length: 5 }, () => moneyPost(co, '/api/rental-deposit-fund/contributions', { amount: '400.00', valueDate: '2025-01-01' })));
    expect(answers.map((a) => a.status), JSON.stringify(answers.map((a) => a.body))).toEqual(Array(5).fill(201));
    const funds = await t.db.knex('rental_deposit_funds');
    expect(funds).toHaveLength(1);
    expect(await t.db.knex('ledger_books').where({ id: funds[0].id })).toHaveLength(1);
    const accounts = await t.db.knex('ledger_accounts').where({ group_id: funds[0].id }).select('kind');
    expect(accounts.map((a) => a.kind).sort()).toEqual(['fund_capital', 'fund_cash']);
    expect((await co.get('/api/rental-deposit-fund?on=2025-01-01')).body).toMatchObject({ cash: '2000.00', contributions: '2000.00' });
    await booksOk();
  });

  it('two openings racing on a fund that can pay only one: exactly one 201 and one 409 insufficient_fund', async () => {
    const households = [(await makeHousehold(t.db.knex)).id, (await makeHousehold(t.db.knex)).id];
    const answers = await Promise.all(households.map((h) => moneyPost(co, '/api/rental-deposits', openingBody(h, '1600.00', '2025-02-01'))));
    expect(answers.map((a) => a.status).sort(), JSON.stringify(answers.map((a) => a.body))).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('insufficient_fund');
    expect(await t.db.knex('rental_deposits').whereIn('household_id', households)).toHaveLength(1);
    expect((await co.get('/api/rental-deposit-fund?on=2025-02-01')).body).toMatchObject({ cash: '400.00', owedByTenants: '1600.00', placed: '1600.00', openCount: 1, available: '400.00' });
    await booksOk();
  });

  it('ten openings racing for €1,000 at €300 each: exactly three placed, cash never negative', async () => {
    await contributed('600.00', '2025-03-01'); // cash 1,000 from 2025-03-01
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => moneyPost(co, '/api/rental-deposits', openingBody((await makeHousehold(t.db.knex)).id, '300.00', '2025-03-02'))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'insufficient_fund')).toBe(true);
    expect((await co.get('/api/rental-deposit-fund?on=2025-03-02')).body).toMatchObject({ cash: '100.00', available: '100.00', openCount: 4 });
    await booksOk();
  });

  it('a back-dated opening racing a later one cannot spend money that a later date needs', async () => {
    // Cash 100 until 2025-04-01, then 1,700 from 2025-04-01: two openings of 1,600, one on 2025-04-02 and
    // one back-dated to 2025-03-15 (refused anyway: only 100 then); whatever the order, at most one.
    await contributed('1600.00', '2025-04-01');
    const answers = await Promise.all([
      moneyPost(co, '/api/rental-deposits', openingBody((await makeHousehold(t.db.knex)).id, '1600.00', '2025-04-02')),
      moneyPost(co, '/api/rental-deposits', openingBody((await makeHousehold(t.db.knex)).id, '1600.00', '2025-04-03')),
      moneyPost(co, '/api/rental-deposits', openingBody((await makeHousehold(t.db.knex)).id, '1600.00', '2025-03-15')),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(answers[2]!.status).toBe(409);
    await booksOk();
  });

  it('the same repayment with the same Idempotency-Key sent 20 times at once: posted once, every answer identical', async () => {
    await contributed('10000.00', '2025-05-01');
    const id = await opened('1600.00', '2025-05-02');
    const key = randomUUID();
    const body = { amount: '50.00', valueDate: '2025-05-10', bankReference: 'BANK-REF-1' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => moneyPost(co, `/api/rental-deposits/${id}/repayments`, body, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(answers.filter((a) => a.headers['x-idempotent-replay'] === 'false')).toHaveLength(1);
    // Identical answers (the replays come from the stored JSON, whose key order may differ: compare values).
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body).toMatchObject({ paid: '50.00', owed: '1550.00', entryId: expect.any(String) });
    expect(await entriesOf(id, 'deposit_repayment')).toBe(1);
    expect((await co.get(`/api/rental-deposits/${id}`)).body).toMatchObject({ paid: '50.00', owed: '1550.00' });
    await booksOk();
  });

  it('concurrent repayments with different keys that together exceed what is owed: never more than the amount posted', async () => {
    const id = await opened('1000.00', '2025-05-02');
    // 7 × €300 = €2,100 against €1,000 owed: three fit (€900), the others are refused.
    const answers = await Promise.all(Array.from({ length: 7 }, (_, i) => moneyPost(co, `/api/rental-deposits/${id}/repayments`, { amount: '300.00', valueDate: `2025-06-0${1 + i}` })));
    const accepted = answers.filter((a) => a.status === 201);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'more_than_owed')).toBe(true);
    expect(accepted).toHaveLength(3);
    const posted = await t.db.knex('journal_entries as e').join('ledger_postings as p', 'p.entry_id', 'e.id').join('ledger_accounts as a', 'a.id', 'p.account_id')
      .where({ 'e.advance_id': id, 'e.kind': 'deposit_repayment', 'a.kind': 'deposit_receivable' }).sum<{ s: string }[]>('p.amount as s');
    expect(new Money(posted[0]!.s).negated().toFixed(2)).toBe('900.00');
    expect((await co.get(`/api/rental-deposits/${id}`)).body).toMatchObject({ paid: '900.00', owed: '100.00' });
    // Odd amounts too: €100 owed, five repayments of €40 at once → two fit.
    const more = await Promise.all(Array.from({ length: 5 }, () => moneyPost(co, `/api/rental-deposits/${id}/repayments`, { amount: '40.00', valueDate: '2025-06-20' })));
    expect(more.filter((a) => a.status === 201)).toHaveLength(2);
    expect((await co.get(`/api/rental-deposits/${id}`)).body).toMatchObject({ paid: '980.00', owed: '20.00' });
    await booksOk();
  });

  it('a release racing a repayment and a second release: one release, and the debt is never paid twice', async () => {
    const id = await opened('1600.00', '2025-05-02');
    const answers = await Promise.all([
      moneyPost(co, `/api/rental-deposits/${id}/release`, { releasedOn: '2025-07-01', landlordKept: '0.00' }),
      moneyPost(co, `/api/rental-deposits/${id}/release`, { releasedOn: '2025-07-02', landlordKept: '100.00' }),
      moneyPost(co, `/api/rental-deposits/${id}/repayments`, { amount: '1600.00', valueDate: '2025-06-15' }),
    ]);
    const releases = answers.slice(0, 2);
    expect(releases.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(releases.find((a) => a.status === 409)!.body.code).toBe('already_released');
    const d = (await co.get(`/api/rental-deposits/${id}`)).body;
    // Whatever the order, the €1,600 was cleared once: by the repayment, the release, or what stays owed
    // (when the release keeping €100 ran first, the repayment of €1,600 became more than owed).
    expect(new Money(d.paid).plus(d.releasedToFund).plus(d.owed).toFixed(2)).toBe('1600.00');
    expect(new Money(d.owed).gte(0)).toBe(true);
    expect(await entriesOf(id, 'deposit_release')).toBeLessThanOrEqual(1);
    expect(answers[2]!.status === 201 ? [d.paid, d.releasedToFund, d.owed] : [d.paid, answers[2]!.body.code]).toEqual(
      answers[2]!.status === 201 ? ['1600.00', '0.00', '0.00'] : ['0.00', 'more_than_owed'],
    );
    expect(d.status).toBe(d.owed === '0.00' ? 'closed' : 'released');
    await booksOk();
  });

  it('the same entry reversed five times at once is reversed once', async () => {
    const id = await opened('1600.00', '2025-05-02');
    const rep = await moneyPost(co, `/api/rental-deposits/${id}/repayments`, { amount: '100.00', valueDate: '2025-05-20' });
    expect(rep.status).toBe(201);
    const answers = await Promise.all(Array.from({ length: 5 }, () => moneyPost(co, `/api/rental-deposit-fund/entries/${rep.body.entryId}/reversal`, { reason: 'Doublon' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await t.db.knex('journal_entries').where({ reverses_entry_id: rep.body.entryId })).toHaveLength(1);
    expect((await co.get(`/api/rental-deposits/${id}`)).body).toMatchObject({ paid: '0.00', owed: '1600.00' });
    await booksOk();
  });
});
