/**
 * Every rule of the ledger and of the groups' money, through the API, with figures computed by hand.
 * Each block works on its own group, so the blocks do not depend on one another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';
import { today } from '../../backend/src/lib/dates.ts';

let t: TestApp;
let co: Client;
const groups: string[] = [];
let seq = 0;

beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'coordinator' });
  co = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
});
afterAll(() => t.close());

/** A group with n new member households, all joined on joinedOn. */
async function newGroup(n: number, opts: { exitPolicy?: string; exitCost?: string; startsOn?: string; monthlyAmount?: string; joinedOn?: string } = {}) {
  const res = await co.post('/api/groups', {
    name: `GECS règles ${++seq}`,
    cohort: '2025',
    startsOn: opts.startsOn ?? '2025-01-01',
    monthlyAmount: opts.monthlyAmount ?? '100.00',
    exitPolicy: opts.exitPolicy ?? 'refund_now',
    ...(opts.exitCost ? { exitCost: opts.exitCost } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.id as string;
  groups.push(id);
  const hh: string[] = [];
  for (let i = 0; i < n; i++) {
    const h = (await makeHousehold(t.db.knex)).id;
    await join(id, h, opts.joinedOn ?? opts.startsOn ?? '2025-01-01');
    hh.push(h);
  }
  return { id, hh };
}
async function join(groupId: string, householdId: string, joinedOn: string) {
  const res = await co.post(`/api/groups/${groupId}/members`, { householdId, joinedOn });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}
async function leave(groupId: string, householdId: string, leftOn: string) {
  const res = await co.post(`/api/groups/${groupId}/members/${householdId}/leave`, { leftOn });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
const dep = (h: string, amount: string, valueDate: string, target = 'group') => moneyPost(co, `/api/households/${h}/deposits`, { target, amount, valueDate });
async function deposited(h: string, amount: string, valueDate: string, target = 'group') {
  const res = await dep(h, amount, valueDate, target);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { entryId: string; entryNumber: number };
}
const adv = (g: string, householdId: string, amount: string, valueDate: string, status: 'approved' | 'paid' = 'paid') =>
  moneyPost(co, `/api/groups/${g}/advances`, { householdId, amount, valueDate, status });
async function advanced(g: string, householdId: string, amount: string, valueDate: string, status: 'approved' | 'paid' = 'paid') {
  const res = await adv(g, householdId, amount, valueDate, status);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; entryId: string | null };
}
const refund = (h: string, valueDate: string) => moneyPost(co, `/api/households/${h}/refunds`, { valueDate });
const reverse = (entryId: string, reason = 'Erreur de saisie') => moneyPost(co, `/api/entries/${entryId}/reversal`, { reason });
const pot = async (g: string, on: string) => (await co.get(`/api/groups/${g}/pot?on=${on}`)).body;
const savings = async (h: string, on?: string) => (await co.get(`/api/households/${h}/savings${on ? `?on=${on}` : ''}`)).body;
async function checkOk(g: string) {
  const res = await co.get(`/api/groups/${g}/check`);
  expect(res.status).toBe(200);
  expect(res.body, JSON.stringify(res.body)).toMatchObject({ ok: true, difference: '0.00', runningBalancesMatch: true, problems: [] });
  return res.body;
}

describe('deposits', () => {
  it('to the group grows the pot; to the individual PEPS savings does not', async () => {
    const { id, hh } = await newGroup(1);
    const res = await dep(hh[0]!, '125.50', '2025-01-05');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ entryId: expect.any(String), householdId: hh[0], groupId: id, target: 'group', amount: '125.50', valueDate: '2025-01-05' });
    const ind = await moneyPost(co, `/api/households/${hh[0]}/deposits`, { target: 'individual', amount: '40.00', valueDate: '2025-01-06', bankReference: 'BANK-123', note: 'PEPS' });
    expect(ind.status).toBe(201);
    expect(ind.body).toMatchObject({ groupId: null, target: 'individual', amount: '40.00' });
    expect(await savings(hh[0]!, '2025-01-31')).toMatchObject({ groupSavings: '125.50', individualSavings: '40.00', totalSavings: '165.50', outstandingAdvance: '0.00' });
    expect(await pot(id, '2025-01-31')).toMatchObject({ cash: '125.50', membersSavings: '125.50' });
    expect(await savings(hh[0]!, '2025-01-05')).toMatchObject({ groupSavings: '125.50', individualSavings: '0.00' });
    expect(await savings(hh[0]!, '2025-01-04')).toMatchObject({ groupSavings: '0.00', individualSavings: '0.00' });
    const entries = await co.get(`/api/households/${hh[0]}/entries?from=2025-01-01&to=2025-01-31`);
    expect(entries.body.items.map((e: { kind: string; bankReference: string | null; effects: object }) => [e.kind, e.bankReference, e.effects])).toEqual([
      ['deposit_group', null, { groupSavings: '125.50' }],
      ['deposit_individual', 'BANK-123', { individualSavings: '40.00' }],
    ]);
    await checkOk(id);
  });

  it('to the group is refused (409 not_a_member) before the household joined, after it left, or when it never joined', async () => {
    const { id, hh } = await newGroup(1, { joinedOn: '2025-02-10' });
    problem(await dep(hh[0]!, '100.00', '2025-02-09'), 409, 'not_a_member');
    expect((await dep(hh[0]!, '100.00', '2025-02-10')).status).toBe(201);
    await leave(id, hh[0]!, '2025-03-15');
    expect((await dep(hh[0]!, '100.00', '2025-03-15')).status).toBe(201);
    problem(await dep(hh[0]!, '100.00', '2025-03-16'), 409, 'not_a_member');
    const stranger = (await makeHousehold(t.db.knex)).id;
    problem(await dep(stranger, '100.00', '2025-03-01'), 409, 'not_a_member');
    // Individual savings need no group.
    expect((await dep(stranger, '100.00', '2025-03-01', 'individual')).status).toBe(201);
    await checkOk(id);
  });

  it('may be recorded by a referent', async () => {
    const { hh } = await newGroup(1);
    const staff = await makeStaff(t.db.knex, { role: 'referent' });
    const referent = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
    const res = await moneyPost(referent, `/api/households/${hh[0]}/deposits`, { target: 'group', amount: '100.00', valueDate: '2025-01-05' });
    expect(res.status).toBe(201);
    const entry = await t.db.knex('journal_entries').where({ id: res.body.entryId }).first();
    expect(entry.created_by_label).toBe(staff.email);
  });
});

describe('advances', () => {
  it('approved reserves cash; paid later; cancelled with a reason frees it', async () => {
    const { id, hh } = await newGroup(3);
    for (const h of hh) await deposited(h, '500.00', '2025-01-05');
    const approved = await advanced(id, hh[0]!, '600.00', '2025-02-01', 'approved');
    expect(approved).toMatchObject({ status: 'approved', amount: '600.00', approvedOn: '2025-02-01', paidOn: null, entryId: null, outstanding: null });
    expect(await pot(id, '2025-02-01')).toMatchObject({ cash: '1500.00', reserved: '600.00', available: '900.00', outstandingAdvances: '0.00' });
    expect(await pot(id, '2025-01-31')).toMatchObject({ reserved: '0.00', available: '1500.00' });
    // Another request sees only the available cash.
    const refused = problem(await adv(id, hh[1]!, '900.01', '2025-02-02', 'approved'), 409, 'insufficient_pot');
    expect(refused.detail).toContain('900.00');
    // Pay it later.
    const paid = await moneyPost(co, `/api/advances/${approved.id}/pay`, { valueDate: '2025-02-20' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paidOn: '2025-02-20', outstanding: '600.00', entryId: expect.any(String) });
    expect(await pot(id, '2025-02-20')).toMatchObject({ cash: '900.00', reserved: '0.00', available: '900.00', outstandingAdvances: '600.00', membersSavings: '1500.00' });
    expect(await pot(id, '2025-02-10')).toMatchObject({ cash: '1500.00', reserved: '600.00', available: '900.00' });
    problem(await moneyPost(co, `/api/advances/${approved.id}/pay`, { valueDate: '2025-02-21' }), 409, 'advance_not_approved');

    // Approve, then cancel with a reason.
    const second = await advanced(id, hh[1]!, '300.00', '2025-03-01', 'approved');
    expect(await pot(id, '2025-03-01')).toMatchObject({ reserved: '300.00', available: '600.00' });
    problem(await moneyPost(co, `/api/advances/${second.id}/cancel`, {}), 400, 'validation_failed');
    const cancelled = await moneyPost(co, `/api/advances/${second.id}/cancel`, { reason: 'Compromis annulé', on: '2025-03-10' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledOn: '2025-03-10', cancelReason: 'Compromis annulé' });
    expect(await pot(id, '2025-03-10')).toMatchObject({ reserved: '0.00', available: '900.00' });
    problem(await moneyPost(co, `/api/advances/${second.id}/pay`, { valueDate: '2025-03-11' }), 409, 'advance_not_approved');
    await checkOk(id);
  });

  it('is refused with 409 insufficient_pot naming the exact available amount', async () => {
    const { id, hh } = await newGroup(2);
    await deposited(hh[0]!, '600.00', '2025-01-05');
    await deposited(hh[1]!, '400.00', '2025-01-06');
    await advanced(id, hh[0]!, '300.00', '2025-01-10', 'approved');
    const res = problem(await adv(id, hh[1]!, '700.01', '2025-01-10'), 409, 'insufficient_pot');
    expect(res.detail).toContain('700.00 is available');
    expect((await adv(id, hh[1]!, '700.00', '2025-01-10')).status).toBe(201);
    expect(await pot(id, '2025-01-10')).toMatchObject({ cash: '300.00', reserved: '300.00', available: '0.00', outstandingAdvances: '700.00' });
    await checkOk(id);
  });

  it('back-dated, is checked against the cash on its date and on every later date', async () => {
    const { id, hh } = await newGroup(3);
    await deposited(hh[0]!, '1000.00', '2025-01-05');
    await deposited(hh[1]!, '1000.00', '2025-01-06');
    await advanced(id, hh[0]!, '1500.00', '2025-03-01');
    // On 1 February the pot held 2,000, but from 1 March on only 500.
    const res = problem(await adv(id, hh[1]!, '800.00', '2025-02-01'), 409, 'insufficient_pot');
    expect(res.detail).toContain('500.00 is available');
    expect((await adv(id, hh[1]!, '500.00', '2025-02-01')).status).toBe(201);
    expect(await pot(id, '2025-02-01')).toMatchObject({ cash: '1500.00', outstandingAdvances: '500.00' });
    expect(await pot(id, '2025-03-01')).toMatchObject({ cash: '0.00', outstandingAdvances: '2000.00', membersSavings: '2000.00' });
    // Before any deposit there was nothing.
    problem(await adv(id, hh[2]!, '0.01', '2025-01-04'), 409, 'insufficient_pot');
    await checkOk(id);
  });

  it('approved, cannot be paid once the cash was used meanwhile', async () => {
    const { id, hh } = await newGroup(2);
    await deposited(hh[0]!, '500.00', '2025-01-05');
    const mistaken = await deposited(hh[1]!, '500.00', '2025-01-05');
    const approved = await advanced(id, hh[0]!, '800.00', '2025-02-01', 'approved');
    // Cash promised to a buyer stays promised: a leaving member's refund may take only what is not reserved.
    await leave(id, hh[1]!, '2025-02-10');
    const refused = problem(await refund(hh[1]!, '2025-02-10'), 409, 'insufficient_pot');
    expect(refused.detail).toContain('200.00 is available');
    // A correction can still take cash away (the deposit was a bank error): the advance can then no longer be paid.
    const reversal = await moneyPost(co, `/api/entries/${mistaken.entryId}/reversal`, { reason: 'Virement rejeté par la banque' });
    expect(reversal.status, JSON.stringify(reversal.body)).toBe(201);
    expect((await pot(id, '2025-02-15')).available).toBe('-300.00');
    const res = problem(await moneyPost(co, `/api/advances/${approved.id}/pay`, { valueDate: '2025-02-15' }), 409, 'insufficient_pot');
    expect(res.detail).toContain('500.00 is available');
    expect((await co.get(`/api/advances/${approved.id}`)).body).toMatchObject({ status: 'approved', paidOn: null });
    problem(await moneyPost(co, `/api/advances/${approved.id}/pay`, { valueDate: '2025-01-31' }), 400, 'validation_failed');
    await checkOk(id);
  });

  it('is repaid partly, then fully; more than owed is refused; one advance at a time', async () => {
    const { id, hh } = await newGroup(2);
    await deposited(hh[0]!, '1000.00', '2025-01-05');
    await deposited(hh[1]!, '1000.00', '2025-01-05');
    const a = await advanced(id, hh[0]!, '600.00', '2025-02-01');
    problem(await adv(id, hh[0]!, '100.00', '2025-02-02', 'approved'), 409, 'advance_outstanding');
    const b = await advanced(id, hh[1]!, '100.00', '2025-02-01', 'approved');
    problem(await adv(id, hh[1]!, '100.00', '2025-02-02', 'approved'), 409, 'advance_open');
    problem(await moneyPost(co, `/api/advances/${b.id}/repayments`, { amount: '10.00', valueDate: '2025-02-03' }), 409, 'advance_not_paid');

    const part = await moneyPost(co, `/api/advances/${a.id}/repayments`, { amount: '200.00', valueDate: '2025-03-01' });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ outstanding: '400.00', entryId: expect.any(String) });
    const tooMuch = problem(await moneyPost(co, `/api/advances/${a.id}/repayments`, { amount: '400.01', valueDate: '2025-03-02' }), 409, 'exceeds_outstanding');
    expect(tooMuch.detail).toContain('400.00');
    problem(await moneyPost(co, `/api/advances/${a.id}/repayments`, { amount: '10.00', valueDate: '2025-01-31' }), 400, 'validation_failed');
    expect((await savings(hh[0]!, '2025-03-01')).outstandingAdvance).toBe('400.00');
    const full = await moneyPost(co, `/api/advances/${a.id}/repayments`, { amount: '400.00', valueDate: '2025-04-01' });
    expect(full.body).toMatchObject({ outstanding: '0.00' });
    expect(await pot(id, '2025-04-01')).toMatchObject({ cash: '2000.00', reserved: '100.00', available: '1900.00', outstandingAdvances: '0.00' });
    // Repaid: a new advance may follow.
    expect((await adv(id, hh[0]!, '100.00', '2025-04-02')).status).toBe(201);
    await checkOk(id);
  });
});

describe('refunds', () => {
  it('refund_now: after leaving, the whole savings; nothing twice', async () => {
    const { id, hh } = await newGroup(2);
    await deposited(hh[0]!, '300.00', '2025-01-05');
    await deposited(hh[1]!, '300.00', '2025-01-05');
    problem(await refund(hh[0]!, '2025-02-01'), 409, 'refund_not_due');
    await leave(id, hh[0]!, '2025-02-01');
    problem(await refund(hh[0]!, '2025-01-31'), 409, 'refund_not_due');
    const res = await refund(hh[0]!, '2025-02-01');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ savings: '300.00', settledAdvance: '0.00', costs: '0.00', paidOut: '300.00', groupId: id, valueDate: '2025-02-01' });
    problem(await refund(hh[0]!, '2025-02-02'), 409, 'nothing_to_refund');
    expect(await savings(hh[0]!, '2025-02-01')).toMatchObject({ groupSavings: '0.00' });
    expect(await pot(id, '2025-02-01')).toMatchObject({ cash: '300.00', membersSavings: '300.00' });
    const never = (await makeHousehold(t.db.knex)).id;
    problem(await refund(never, '2025-02-01'), 409, 'not_a_member');
    await checkOk(id);
  });

  it('refund_at_group_end: refused before the group ends, allowed from its end date', async () => {
    const { id, hh } = await newGroup(2, { exitPolicy: 'refund_at_group_end' });
    await deposited(hh[0]!, '100.00', '2025-01-05');
    await deposited(hh[1]!, '100.00', '2025-01-05');
    await leave(id, hh[0]!, '2025-03-01');
    problem(await refund(hh[0]!, '2025-03-01'), 409, 'refund_not_due');
    const patched = await co.patch(`/api/groups/${id}`, { endsOn: '2025-06-30' });
    expect(patched.status).toBe(200);
    expect(patched.body.endsOn).toBe('2025-06-30');
    const early = problem(await refund(hh[0]!, '2025-06-29'), 409, 'refund_not_due');
    expect(early.detail).toContain('2025-06-30');
    const res = await refund(hh[0]!, '2025-06-30');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ paidOut: '100.00', costs: '0.00' });
    // When the group has ended every member is refunded, leaving or not.
    expect((await refund(hh[1]!, '2025-07-01')).body).toMatchObject({ paidOut: '100.00' });
    expect(await pot(id, '2025-07-01')).toMatchObject({ cash: '0.00', membersSavings: '0.00' });
    await checkOk(id);
  });

  it('refund_minus_costs: the exit cost stays in the pot, as its unallocated reserve', async () => {
    const { id, hh } = await newGroup(2, { exitPolicy: 'refund_minus_costs', exitCost: '50.00' });
    await deposited(hh[0]!, '300.00', '2025-01-05');
    await deposited(hh[1]!, '300.00', '2025-01-05');
    await leave(id, hh[0]!, '2025-02-01');
    const res = await refund(hh[0]!, '2025-02-01');
    expect(res.body).toMatchObject({ savings: '300.00', costs: '50.00', paidOut: '250.00' });
    expect(await pot(id, '2025-02-01')).toMatchObject({ cash: '350.00', unallocated: '50.00', membersSavings: '300.00' });
    const check = await checkOk(id);
    expect(check).toMatchObject({ potCash: '350.00', membersSavings: '300.00', unallocated: '50.00' });
  });

  it('settles an outstanding advance first', async () => {
    const { id, hh } = await newGroup(2);
    await deposited(hh[0]!, '600.00', '2025-01-05');
    await deposited(hh[1]!, '600.00', '2025-01-05');
    const a = await advanced(id, hh[0]!, '400.00', '2025-02-01');
    await leave(id, hh[0]!, '2025-03-01');
    const res = await refund(hh[0]!, '2025-03-01');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ savings: '600.00', settledAdvance: '400.00', costs: '0.00', paidOut: '200.00' });
    expect(await savings(hh[0]!, '2025-03-01')).toMatchObject({ groupSavings: '0.00', outstandingAdvance: '0.00' });
    expect((await co.get(`/api/advances/${a.id}`)).body).toMatchObject({ outstanding: '0.00' });
    expect(await pot(id, '2025-03-01')).toMatchObject({ cash: '600.00', outstandingAdvances: '0.00', membersSavings: '600.00' });
    await checkOk(id);
  });

  it('is refused while the advance owed exceeds the savings', async () => {
    const { id, hh } = await newGroup(2);
    await deposited(hh[0]!, '300.00', '2025-01-05');
    await deposited(hh[1]!, '1000.00', '2025-01-05');
    await advanced(id, hh[0]!, '800.00', '2025-02-01');
    await leave(id, hh[0]!, '2025-03-01');
    const res = problem(await refund(hh[0]!, '2025-03-01'), 409, 'advance_outstanding');
    expect(res.detail).toContain('800.00');
    expect(await savings(hh[0]!, '2025-03-01')).toMatchObject({ groupSavings: '300.00', outstandingAdvance: '800.00' });
    await checkOk(id);
  });
});

describe('dividends', () => {
  it('shares €100.00 among three equal savers as 33.34 / 33.33 / 33.33, the extra cent to the first by household id', async () => {
    const { id, hh } = await newGroup(4);
    const [a, b, c, none] = hh as [string, string, string, string];
    for (const h of [a, b, c]) await deposited(h, '100.00', '2025-01-10');
    await deposited(b, '50.00', '2025-02-05'); // after the dividend's date: does not count
    const res = await moneyPost(co, `/api/groups/${id}/dividends`, { amount: '100.00', valueDate: '2025-01-31' });
    expect(res.status).toBe(201);
    const sorted = [a, b, c].sort();
    expect(res.body).toMatchObject({ amount: '100.00', valueDate: '2025-01-31', unallocated: '0.00' });
    expect(res.body.allocations).toEqual([
      { householdId: sorted[0], amount: '33.34' },
      { householdId: sorted[1], amount: '33.33' },
      { householdId: sorted[2], amount: '33.33' },
    ]);
    // None to a member without savings.
    expect(res.body.allocations.map((x: { householdId: string }) => x.householdId)).not.toContain(none);
    expect((await savings(sorted[0]!, '2025-01-31')).groupSavings).toBe('133.34');
    expect((await savings(none, '2025-01-31')).groupSavings).toBe('0.00');
    expect(await pot(id, '2025-01-31')).toMatchObject({ cash: '400.00', membersSavings: '400.00', unallocated: '0.00' });
    await checkOk(id);
  });

  it('is pro rata to the savings on its date, exactly', async () => {
    const { id, hh } = await newGroup(3);
    await deposited(hh[0]!, '100.00', '2025-01-10');
    await deposited(hh[1]!, '200.00', '2025-01-10');
    await deposited(hh[2]!, '300.00', '2025-01-10');
    const res = await moneyPost(co, `/api/groups/${id}/dividends`, { amount: '10.00', valueDate: '2025-01-31' });
    // 10 × 100/600 = 1.666…, 10 × 200/600 = 3.333…, 10 × 300/600 = 5: the cent left goes to the largest remainder (.666…).
    const by = new Map(res.body.allocations.map((x: { householdId: string; amount: string }) => [x.householdId, x.amount]));
    expect([by.get(hh[0]), by.get(hh[1]), by.get(hh[2])]).toEqual(['1.67', '3.33', '5.00']);
    await checkOk(id);
  });

  it('goes wholly to the unallocated reserve when nobody has savings', async () => {
    const { id } = await newGroup(2);
    const res = await moneyPost(co, `/api/groups/${id}/dividends`, { amount: '12.34', valueDate: '2025-01-31' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ allocations: [], unallocated: '12.34' });
    expect(await pot(id, '2025-01-31')).toMatchObject({ cash: '12.34', unallocated: '12.34', membersSavings: '0.00' });
    await checkOk(id);
  });
});

describe('reversals', () => {
  it('post a linked mirror entry with its reason, once; a reversal cannot be reversed', async () => {
    const { id, hh } = await newGroup(1);
    const d = await deposited(hh[0]!, '200.00', '2025-01-05');
    problem(await moneyPost(co, `/api/entries/${d.entryId}/reversal`, {}), 400, 'validation_failed');
    problem(await moneyPost(co, `/api/entries/${d.entryId}/reversal`, { reason: '   ' }), 400, 'validation_failed');
    const res = await reverse(d.entryId, 'Montant erroné');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ reversesEntryId: d.entryId, reversesEntryNumber: d.entryNumber, valueDate: '2025-01-05', reason: 'Montant erroné' });
    problem(await reverse(d.entryId), 409, 'already_reversed');
    problem(await reverse(res.body.entryId), 409, 'cannot_reverse_reversal');
    expect((await savings(hh[0]!, '2025-01-05')).groupSavings).toBe('0.00');
    const postings = await t.db.knex('ledger_postings').where({ entry_id: res.body.entryId }).orderBy('amount');
    const originals = await t.db.knex('ledger_postings').where({ entry_id: d.entryId }).orderBy('amount', 'desc');
    expect(postings.map((p) => [p.account_id, p.amount])).toEqual(originals.map((p) => [p.account_id, `${p.amount.startsWith('-') ? p.amount.slice(1) : `-${p.amount}`}`]));
    const list = (await co.get(`/api/households/${hh[0]}/entries?from=2025-01-01&to=2025-01-31`)).body.items;
    expect(list.map((e: { kind: string; reason: string | null; reverses: unknown; reversedBy: unknown; effects: object }) => [e.kind, e.reason, e.reverses, e.reversedBy, e.effects])).toEqual([
      ['deposit_group', null, null, { id: res.body.entryId, number: res.body.entryNumber }, { groupSavings: '200.00' }],
      ['reversal', 'Montant erroné', { id: d.entryId, number: d.entryNumber, valueDate: '2025-01-05', kind: 'deposit_group' }, null, { groupSavings: '-200.00' }],
    ]);
    const groupList = (await co.get(`/api/groups/${id}/entries?from=2025-01-01&to=2025-01-31`)).body.items;
    expect(groupList.map((e: { kind: string }) => e.kind)).toEqual(['deposit_group', 'reversal']);
    await checkOk(id);
  });

  it('of an entry in a closed month is dated today and says which entry of which date it corrects', async () => {
    const { id, hh } = await newGroup(1);
    const d = await deposited(hh[0]!, '300.00', '2025-02-05');
    expect((await co.post(`/api/groups/${id}/closings`, { month: '2025-02' })).status).toBe(201);
    const res = await reverse(d.entryId, 'Virement d’un autre ménage');
    expect(res.status).toBe(201);
    expect(res.body.valueDate).toBe(today());
    const entry = await t.db.knex('journal_entries').where({ id: res.body.entryId }).first();
    expect(entry.memo).toBe(`Correction of entry #${d.entryNumber} dated 2025-02-05`);
    const list = (await co.get(`/api/households/${hh[0]}/entries?from=2025-02-01&to=${today()}`)).body.items;
    expect(list.at(-1)).toMatchObject({ kind: 'reversal', valueDate: today(), memo: entry.memo, reason: 'Virement d’un autre ménage', reverses: { id: d.entryId, valueDate: '2025-02-05' } });
    expect((await savings(hh[0]!, '2025-02-28')).groupSavings).toBe('300.00');
    expect((await savings(hh[0]!)).groupSavings).toBe('0.00');
    await checkOk(id);
  });

  it('of an advance payment is refused while repayments stand, and cancels the advance once they are reversed', async () => {
    const { id, hh } = await newGroup(1);
    await deposited(hh[0]!, '1000.00', '2025-01-05');
    const a = await advanced(id, hh[0]!, '500.00', '2025-03-01');
    const r = await moneyPost(co, `/api/advances/${a.id}/repayments`, { amount: '100.00', valueDate: '2025-03-10' });
    problem(await reverse(a.entryId!), 409, 'advance_has_repayments');
    expect((await reverse(r.body.entryId)).status).toBe(201);
    expect((await co.get(`/api/advances/${a.id}`)).body).toMatchObject({ outstanding: '500.00' });
    expect((await reverse(a.entryId!)).status).toBe(201);
    expect((await co.get(`/api/advances/${a.id}`)).body).toMatchObject({ status: 'cancelled', cancelReason: 'Erreur de saisie' });
    expect(await pot(id, '2025-03-31')).toMatchObject({ cash: '1000.00', outstandingAdvances: '0.00' });
    await checkOk(id);
  });

  it('of a deposit whose money was advanced since is refused (409 reversal_would_overdraw)', async () => {
    const { id, hh } = await newGroup(2);
    const d = await deposited(hh[0]!, '1000.00', '2025-01-05');
    await advanced(id, hh[1]!, '900.00', '2025-02-01');
    const res = problem(await reverse(d.entryId), 409, 'reversal_would_overdraw');
    expect(res.detail).toContain('2025-01-05');
    expect((await t.db.knex('journal_entries').where({ reverses_entry_id: d.entryId })).length).toBe(0);
    await checkOk(id);
  });
});

describe('month closing', () => {
  it('refuses a month that has not ended, and closing twice', async () => {
    const { id } = await newGroup(1);
    problem(await co.post(`/api/groups/${id}/closings`, { month: today().slice(0, 7) }), 409, 'month_not_ended');
    problem(await co.post(`/api/groups/${id}/closings`, { month: '2099-01' }), 409, 'month_not_ended');
    const res = await co.post(`/api/groups/${id}/closings`, { month: '2025-03' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ groupId: id, month: '2025-03' });
    problem(await co.post(`/api/groups/${id}/closings`, { month: '2025-03' }), 409, 'already_closed');
    problem(await co.post(`/api/groups/${id}/closings`, { month: '2025-02' }), 409, 'already_closed');
    expect((await co.get(`/api/groups/${id}`)).body).toMatchObject({ closedThrough: '2025-03' });
  });

  it('then refuses deposits, advances, dividends and amount changes dated in or before it (409 month_closed)', async () => {
    const { id, hh } = await newGroup(2);
    await deposited(hh[0]!, '1000.00', '2025-01-05');
    expect((await co.post(`/api/groups/${id}/closings`, { month: '2025-03' })).status).toBe(201);
    problem(await dep(hh[0]!, '100.00', '2025-03-31'), 409, 'month_closed');
    problem(await dep(hh[0]!, '100.00', '2025-01-10'), 409, 'month_closed');
    problem(await adv(id, hh[1]!, '100.00', '2025-03-15'), 409, 'month_closed');
    problem(await moneyPost(co, `/api/groups/${id}/dividends`, { amount: '5.00', valueDate: '2025-02-01' }), 409, 'month_closed');
    problem(await co.post(`/api/groups/${id}/monthly-amounts`, { amount: '120.00', from: '2025-03' }), 409, 'month_closed');
    problem(await co.post(`/api/groups/${id}/members/${hh[1]}/leave`, { leftOn: '2025-03-31' }), 409, 'month_closed');
    expect((await dep(hh[0]!, '100.00', '2025-04-01')).status).toBe(201);
    expect((await adv(id, hh[1]!, '100.00', '2025-04-01')).status).toBe(201);
    expect((await co.post(`/api/groups/${id}/monthly-amounts`, { amount: '120.00', from: '2025-04' })).status).toBe(201);
    // Individual savings belong to no group: its closings do not concern them.
    expect((await dep(hh[0]!, '100.00', '2025-01-10', 'individual')).status).toBe(201);
    await checkOk(id);
  });
});

describe('monthly amounts, expected vs paid and arrears', () => {
  it('computes arrears per household and per group, by hand', async () => {
    const { id, hh } = await newGroup(1);
    const [a] = hh as [string];
    const b = (await makeHousehold(t.db.knex)).id;
    const c = (await makeHousehold(t.db.knex)).id;
    await join(id, b, '2025-02-10');
    await join(id, c, '2025-01-01');
    const amounts = await co.post(`/api/groups/${id}/monthly-amounts`, { amount: '120.00', from: '2025-04-01' });
    expect(amounts.body.monthlyAmounts).toEqual([
      { from: '2025-01-01', amount: '100.00' },
      { from: '2025-04-01', amount: '120.00' },
    ]);
    problem(await co.post(`/api/groups/${id}/monthly-amounts`, { amount: '120.00', from: '2024-12' }), 400, 'validation_failed');
    problem(await co.post(`/api/groups/${id}/monthly-amounts`, { amount: '120.00', from: '2025-04-15' }), 400, 'validation_failed');
    // A pays every month, in time.
    for (const [date, amount] of [['2025-01-05', '100.00'], ['2025-02-05', '100.00'], ['2025-03-05', '100.00'], ['2025-04-05', '120.00'], ['2025-05-05', '120.00']] as const) await deposited(a, amount, date);
    // B joined on 10 February: pays February, then 50 in April.
    await deposited(b, '100.00', '2025-02-15');
    await deposited(b, '50.00', '2025-04-10');
    // C pays January and leaves on 15 March: it owes February and March.
    await deposited(c, '100.00', '2025-01-05');
    await leave(id, c, '2025-03-15');

    const on = '2025-05-20';
    expect((await savings(a, on)).arrears).toEqual({ months: 0, amount: '0.00', oldestUnpaidMonth: null, oldestUnpaidDays: null });
    const sb = await savings(b, on);
    // Feb 100 paid; Mar 50 of 100; Apr 0 of 120; May running. March ended 50 days before 20 May.
    expect(sb.arrears).toEqual({ months: 2, amount: '170.00', oldestUnpaidMonth: '2025-03', oldestUnpaidDays: 50 });
    expect(sb.expected).toEqual({
      totalDue: '440.00',
      totalPaid: '150.00',
      months: [
        { month: '2025-02', due: '100.00', paidInMonth: '100.00', settled: '100.00', status: 'paid' },
        { month: '2025-03', due: '100.00', paidInMonth: '0.00', settled: '50.00', status: 'partial' },
        { month: '2025-04', due: '120.00', paidInMonth: '50.00', settled: '0.00', status: 'unpaid' },
        { month: '2025-05', due: '120.00', paidInMonth: '0.00', settled: '0.00', status: 'in_progress' },
      ],
    });
    // C: February and March, 200; February ended 81 days before 20 May (31 + 30 + 20).
    expect((await savings(c, on)).arrears).toEqual({ months: 2, amount: '200.00', oldestUnpaidMonth: '2025-02', oldestUnpaidDays: 81 });

    const group = await co.get(`/api/groups/${id}/arrears?on=${on}`);
    expect(group.status).toBe(200);
    expect(group.body).toMatchObject({ on, households: 2, months: 4, amount: '370.00' });
    expect(
      group.body.members.map((m: { householdId: string; arrears: unknown }) => [m.householdId, m.arrears]).sort((x: [string], y: [string]) => x[0].localeCompare(y[0])),
    ).toEqual(
      [
        [b, { months: 2, amount: '170.00', oldestUnpaidMonth: '2025-03', oldestUnpaidDays: 50 }],
        [c, { months: 2, amount: '200.00', oldestUnpaidMonth: '2025-02', oldestUnpaidDays: 81 }],
      ].sort((x, y) => (x[0] as string).localeCompare(y[0] as string)),
    );
    // The group page shows the same arrears per member.
    const page = (await co.get(`/api/groups/${id}?on=${on}`)).body;
    expect(page.members.find((m: { householdId: string }) => m.householdId === b).arrears).toEqual(sb.arrears);

    // A deposit reversed no longer counts as paid.
    const late = await deposited(b, '170.00', '2025-05-10');
    expect((await savings(b, on)).arrears.months).toBe(0);
    await reverse(late.entryId);
    expect((await savings(b, on)).arrears).toMatchObject({ months: 2, amount: '170.00' });

    // Today, the running month of a member still in the group is in progress.
    const now = await savings(a);
    expect(now.expected.months.at(-1)).toMatchObject({ month: today().slice(0, 7), status: 'in_progress' });
    await checkOk(id);
  });
});

describe('the end of a group and leaving members', () => {
  it('no month is due after the group ends, for members who never left', async () => {
    const { id, hh } = await newGroup(1);
    for (const m of ['01', '02', '03', '04', '05', '06']) await deposited(hh[0]!, '100.00', `2025-${m}-05`);
    expect((await co.patch(`/api/groups/${id}`, { endsOn: '2025-06-30' })).status).toBe(200);
    const s = await savings(hh[0]!, '2025-09-15');
    expect(s.arrears).toEqual({ months: 0, amount: '0.00', oldestUnpaidMonth: null, oldestUnpaidDays: null });
    expect(s.expected.months.map((m: { month: string }) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect((await co.get(`/api/groups/${id}/arrears?on=2025-09-15`)).body).toMatchObject({ households: 0, months: 0, amount: '0.00' });
    // Nothing is paid into, or advanced from, a group after its end.
    problem(await dep(hh[0]!, '100.00', '2025-07-05'), 409, 'not_a_member');
    problem(await adv(id, hh[0]!, '100.00', '2025-07-05'), 409, 'not_a_member');
    expect((await dep(hh[0]!, '1.00', '2025-06-30')).status).toBe(201);
    // A group ending mid-month still asks for that month (less the euro paid ahead on 30 June).
    expect((await co.patch(`/api/groups/${id}`, { endsOn: '2025-07-10' })).status).toBe(200);
    expect((await savings(hh[0]!, '2025-09-15')).arrears).toMatchObject({ months: 1, amount: '99.00', oldestUnpaidMonth: '2025-07' });
  });

  it('a household with an approved advance cannot leave, and the advance cannot be paid after the group ends', async () => {
    const { id, hh } = await newGroup(2);
    await deposited(hh[0]!, '500.00', '2025-01-05');
    await deposited(hh[1]!, '500.00', '2025-01-05');
    const approved = await advanced(id, hh[0]!, '300.00', '2025-02-01', 'approved');
    problem(await co.post(`/api/groups/${id}/members/${hh[0]}/leave`, { leftOn: '2025-02-10' }), 409, 'advance_open');
    expect((await co.patch(`/api/groups/${id}`, { endsOn: '2025-02-10' })).status).toBe(200);
    problem(await moneyPost(co, `/api/advances/${approved.id}/pay`, { valueDate: '2025-02-11' }), 409, 'not_a_member');
    // Until the group's last day, it could still be paid.
    const paid = await moneyPost(co, `/api/advances/${approved.id}/pay`, { valueDate: '2025-02-10' });
    expect(paid.status).toBe(200);
    await checkOk(id);
  });
});

describe('the invariant', () => {
  it('holds for every group after all the operations above', async () => {
    expect(groups.length).toBeGreaterThan(15);
    for (const g of groups) await checkOk(g);
  });
});
