/**
 * Acquisition projects, units and candidacies (docs/acquisitions.md): the stage rules, units held by one
 * candidacy at a time, withdrawals (the unit freed, an approved advance cancelled only when confirmed), the
 * deed's journey move and figures, the pot advance linked to a compromis and repaid at the deed through
 * gecs, what a household may read, the simulator against the worked examples, and the charts' data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { moneyPost } from '../helpers/money.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';
import { addDays, today } from '../../backend/src/lib/dates.ts';

let t: TestApp;
let co: Client;
let referent: Client;
let family: Client;
let own: string; // the signed-in household
let other: string;
let groupId: string;
let vdp: string; // a Fonds du Logement project with units, deferred price up to 30 %
let privateMarket: string;

const tomorrow = () => addDays(today(), 1);
const count = async (table: string) => Number((await t.db.knex(table).count<{ n: string }[]>('* as n'))[0]!.n);

async function newHousehold(): Promise<string> {
  return (await makeHousehold(t.db.knex)).id;
}
async function unit(projectId: string, body: object = {}) {
  const res = await co.post(`/api/projects/${projectId}/units`, { label: `U-${Math.random().toString(36).slice(2, 8)}`, price: '250000.00', bedrooms: 2, ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string };
}
async function candidacy(projectId: string, householdId: string, on = '2025-01-10') {
  const res = await referent.post(`/api/projects/${projectId}/candidacies`, { householdId, on });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
const stage = (id: string, body: object, client: Client = referent) => client.post(`/api/candidacies/${id}/stages`, body);

beforeAll(async () => {
  t = await setupApp();
  co = await login(t.app, { email: (await makeStaff(t.db.knex, { role: 'coordinator' })).email, password: STAFF_PASSWORD });
  referent = await login(t.app, { email: (await makeStaff(t.db.knex, { role: 'referent' })).email, password: STAFF_PASSWORD });
  const a = await makeActivatedHousehold(t.db.knex, { monthlyIncome: '2500.00' });
  own = a.id;
  other = (await makeActivatedHousehold(t.db.knex)).id;
  family = await login(t.app, { reference: a.reference, password: HOUSEHOLD_PASSWORD });
  const created = await co.post('/api/projects', {
    name: 'VDP', partner: 'fonds_du_logement', tenure: 'full_ownership', commune: 'Molenbeek', homes: 36, deferredPriceMaxPercent: '0.30', status: 'open', statusOn: '2024-09-01',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  vdp = created.body.id;
  privateMarket = (await co.post('/api/projects', { name: 'Marché privé', partner: 'private_market', tenure: 'full_ownership', commune: 'Bruxelles', homes: 0, statusOn: '2024-01-01' })).body.id;
  groupId = (await co.post('/api/groups', { name: 'GECS acquisitions', cohort: '2025', startsOn: '2025-01-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' })).body.id;
});
afterAll(() => t.close());

describe('projects', () => {
  it('creates a project with its first status and deferred-price rule, and lists it with counts', async () => {
    const detail = (await co.get(`/api/projects/${vdp}`)).body;
    expect(detail).toMatchObject({
      name: 'VDP', partner: 'fonds_du_logement', status: 'open', statusSince: '2024-09-01', homes: 36,
      statuses: [{ status: 'open', on: '2024-09-01', note: null }],
      rules: [{ from: '2024-09-01', deferredPriceAllowed: true, deferredPriceMaxPercent: '0.3000' }],
      currentRules: { deferredPriceMaxPercent: '0.3000' },
    });
    const list = (await referent.get('/api/projects')).body.items;
    expect(list.find((p: { id: string }) => p.id === vdp)).toMatchObject({ unitsByStatus: { available: expect.any(Number) }, candidaciesByStage: { interested: expect.any(Number), withdrawn: expect.any(Number) } });
  });

  it('requires a partner name for partner other, and refuses a referent (403) and bad input (400 naming fields)', async () => {
    const p = problem(await co.post('/api/projects', { name: 'X', partner: 'other', tenure: 'full_ownership', commune: 'Ixelles', homes: 3 }), 400, 'validation_failed');
    expect(p.errors).toEqual([{ path: 'partnerName', message: 'Required when partner is other' }]);
    problem(await referent.post('/api/projects', { name: 'Y', partner: 'cltb', tenure: 'clt_ground_lease', commune: 'Bruxelles', homes: 14 }), 403, 'forbidden');
    const bad = problem(await co.post('/api/projects', { name: '', partner: 'bank', tenure: 'rent', commune: 'X', homes: -1, extra: 1 }), 400, 'validation_failed');
    expect(bad.errors!.map((e) => e.path).sort()).toEqual(['extra', 'homes', 'name', 'partner', 'tenure']);
    problem(await co.post('/api/projects', { name: 'VDP', partner: 'cltb', tenure: 'clt_ground_lease', commune: 'Bruxelles', homes: 14 }), 409, 'name_taken');
  });

  it('records statuses in order, never twice, never in the future', async () => {
    expect((await co.post(`/api/projects/${vdp}/statuses`, { status: 'allocating', on: '2025-01-01' })).status).toBe(201);
    problem(await co.post(`/api/projects/${vdp}/statuses`, { status: 'allocating', on: '2025-02-01' }), 409, 'status_recorded');
    problem(await co.post(`/api/projects/${vdp}/statuses`, { status: 'prospect', on: '2025-03-01' }), 409, 'status_out_of_order');
    problem(await co.post(`/api/projects/${vdp}/statuses`, { status: 'delivered', on: tomorrow() }), 400, 'validation_failed');
    expect((await co.get(`/api/projects/${vdp}`)).body).toMatchObject({ status: 'allocating', statusSince: '2025-01-01' });
  });

  it('keeps rules as dated rows: a rule from a date applies to deeds from that date', async () => {
    const walrut = (await co.post('/api/projects', { name: 'Walrut', partner: 'citydev', tenure: 'citydev_conditions', commune: 'Schaerbeek', homes: 20, statusOn: '2024-01-01' })).body.id;
    const r = await co.post(`/api/projects/${walrut}/rules`, { from: '2024-01-01', deferredPriceAllowed: false, incomeCeiling: '65000.00', incomeCeilingPerDependent: '5000.00', occupancyYears: 20 });
    expect(r.status).toBe(201);
    expect(r.body.currentRules).toMatchObject({ from: '2024-01-01', deferredPriceAllowed: false, incomeCeiling: '65000.00', occupancyYears: 20 });
    problem(await co.post(`/api/projects/${walrut}/rules`, { from: '2024-01-01', deferredPriceAllowed: true }), 409, 'rule_exists');
    const bad = problem(await co.post(`/api/projects/${walrut}/rules`, { from: '2025-06-01', deferredPriceAllowed: false, deferredPriceMaxPercent: '0.20', cltResaleSharePercent: '25' }), 400, 'validation_failed');
    expect(bad.errors!.map((e) => e.path).sort()).toEqual(['cltResaleSharePercent', 'deferredPriceMaxPercent']);
    expect((await co.post(`/api/projects/${walrut}/rules`, { from: '2025-06-01', deferredPriceAllowed: true, deferredPriceMaxPercent: '0.20' })).status).toBe(201);
    const early = await candidacy(walrut, await newHousehold(), '2025-01-01');
    await stage(early, { stage: 'compromis', on: '2025-02-01', compromis: { price: '200000.00', downPayment: '20000.00' } });
    problem(await stage(early, { stage: 'deed', on: '2025-05-31', deed: { notary: 'Me A', deferredPercent: '0.10' } }), 400, 'validation_failed');
    expect((await stage(early, { stage: 'deed', on: '2025-06-01', deed: { notary: 'Me A', deferredPercent: '0.10' } })).body.acquisition).toMatchObject({ deferredAmount: '20000.00' });
    const patched = await co.patch(`/api/projects/${walrut}`, { address: 'Rue Walrut 1', homes: 22 });
    expect(patched.body).toMatchObject({ address: 'Rue Walrut 1', homes: 22, name: 'Walrut' });
    problem(await co.patch(`/api/projects/${walrut}`, { partner: 'other' }), 400, 'validation_failed');
    problem(await referent.patch(`/api/projects/${walrut}`, { homes: 1 }), 403, 'forbidden');
    problem(await referent.post(`/api/projects/${walrut}/units`, { label: 'R1', price: '1.00', bedrooms: 1 }), 403, 'forbidden');
  });

  it('adds units with their tax regime; a VAT unit needs a rate and a land share', async () => {
    const u = await unit(vdp, { label: 'A1', taxRegime: 'vat', vatRate: '0.06', landShare: '40000.00', floorArea: '82.50', floor: 1 });
    expect(u).toMatchObject({ label: 'A1', taxRegime: 'vat', vatRate: '0.0600', landShare: '40000.00', floorArea: '82.50', status: 'available', candidacyId: null });
    const p = problem(await co.post(`/api/projects/${vdp}/units`, { label: 'A2', price: '250000.00', bedrooms: 2, taxRegime: 'vat' }), 400, 'validation_failed');
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['landShare', 'vatRate']);
    problem(await co.post(`/api/projects/${vdp}/units`, { label: 'A1', price: '250000.00', bedrooms: 2 }), 409, 'label_taken');
    problem(await co.post(`/api/projects/${vdp}/units`, { label: 'A3', price: 250000, bedrooms: 2 }), 400, 'validation_failed');
    const changed = await co.patch(`/api/units/${u.id}`, { price: '255000.00' });
    expect(changed.body).toMatchObject({ price: '255000.00', taxRegime: 'vat' });
    problem(await co.patch(`/api/units/${u.id}`, { landShare: '300000.00' }), 400, 'validation_failed');
  });
});

describe('candidacy stages', () => {
  it('starts interested, allows skips and back-dated stages in order, refuses a stage twice, out of order or in the future', async () => {
    const id = await candidacy(vdp, await newHousehold(), '2025-01-10');
    expect((await stage(id, { stage: 'selected', on: '2025-03-01' })).body).toMatchObject({ currentStage: 'selected', since: '2025-03-01' });
    // Back-dated between two recorded stages, in order.
    expect((await stage(id, { stage: 'candidate', on: '2025-02-01' })).status).toBe(201);
    problem(await stage(id, { stage: 'candidate', on: '2025-02-02' }), 409, 'stage_recorded');
    problem(await stage(id, { stage: 'credit_approved', on: '2025-02-15' }), 409, 'stage_out_of_order');
    const future = problem(await stage(id, { stage: 'credit_approved', on: tomorrow() }), 400, 'validation_failed');
    expect(future.errors).toEqual([{ path: 'on', message: 'Must not be in the future' }]);
    const view = (await referent.get(`/api/candidacies/${id}`)).body;
    expect(view.stages.map((s: { stage: string; on: string }) => `${s.stage}@${s.on}`)).toEqual(['interested@2025-01-10', 'candidate@2025-02-01', 'selected@2025-03-01']);
    expect(view.currentStage).toBe('selected');
  });

  it('names the fields of a bad stage request and changes nothing', async () => {
    const id = await candidacy(vdp, await newHousehold());
    const before = await count('candidacy_stages');
    const p = problem(await stage(id, { stage: 'signed', on: '2025-13-01', unitId: 'x', compromis: { downPayment: '1.00' } }), 400, 'validation_failed');
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['on', 'stage', 'unitId']);
    const missing = problem(await stage(id, { stage: 'compromis', on: '2025-05-01' }), 400, 'validation_failed');
    expect(missing.errors).toEqual([{ path: 'compromis', message: 'Required with stage compromis' }]);
    const misplaced = problem(await stage(id, { stage: 'candidate', on: '2025-05-01', deed: { notary: 'Me X' } }), 400, 'validation_failed');
    expect(misplaced.errors).toEqual([{ path: 'deed', message: 'Only with stage deed' }]);
    problem(await stage(id, { stage: 'compromis', on: '2025-05-01', compromis: { downPayment: '25000.00' } }), 400, 'validation_failed');
    expect(await count('candidacy_stages')).toBe(before);
  });

  it('refuses a second live candidacy of a household to one project', async () => {
    const h = await newHousehold();
    await candidacy(vdp, h);
    problem(await referent.post(`/api/projects/${vdp}/candidacies`, { householdId: h, on: '2025-02-01' }), 409, 'candidacy_exists');
    problem(await referent.post(`/api/projects/${vdp}/candidacies`, { householdId: '00000000-0000-0000-0000-000000000000', on: '2025-02-01' }), 400, 'validation_failed');
  });

  it('holds a unit for one live candidacy at a time (409), derives its status, and frees it at a withdrawal', async () => {
    const u = await unit(vdp);
    const first = await candidacy(vdp, await newHousehold());
    const second = await candidacy(vdp, await newHousehold());
    problem(await stage(first, { stage: 'unit_allocated', on: '2025-03-01' }), 400, 'validation_failed');
    expect((await stage(first, { stage: 'selected', on: '2025-02-01', unitId: u.id })).body.unit).toMatchObject({ id: u.id, status: 'reserved' });
    expect((await stage(first, { stage: 'unit_allocated', on: '2025-03-01' })).body.unit).toMatchObject({ status: 'allocated' });
    problem(await stage(second, { stage: 'unit_allocated', on: '2025-03-02', unitId: u.id }), 409, 'unit_taken');
    const otherProjectUnit = await unit(privateMarket);
    const p = problem(await stage(second, { stage: 'unit_allocated', on: '2025-03-02', unitId: otherProjectUnit.id }), 400, 'validation_failed');
    expect(p.errors).toEqual([{ path: 'unitId', message: "Must be a unit of the candidacy's project" }]);

    const withdrawn = await stage(first, { stage: 'withdrawn', on: '2025-04-01', note: 'Préfère Anderlecht', withdrawal: { reasonKey: 'other_project' } });
    expect(withdrawn.body).toMatchObject({ currentStage: 'withdrawn', closed: true, unit: null });
    problem(await stage(first, { stage: 'compromis', on: '2025-04-02', compromis: { downPayment: '1000.00' } }), 409, 'candidacy_closed');
    expect((await stage(second, { stage: 'unit_allocated', on: '2025-04-02', unitId: u.id })).status).toBe(201);
    const detail = (await co.get(`/api/projects/${vdp}`)).body;
    expect(detail.units.find((x: { id: string }) => x.id === u.id)).toMatchObject({ status: 'allocated', candidacyId: second });
    expect(detail.figures.withdrawals).toEqual(expect.arrayContaining([{ reasonKey: 'other_project', count: 1 }]));
  });

  it('moves a candidacy to another unit with a later stage, freeing the first', async () => {
    const [u1, u2] = [await unit(vdp), await unit(vdp)];
    const id = await candidacy(vdp, await newHousehold());
    await stage(id, { stage: 'selected', on: '2025-02-01', unitId: u1.id });
    expect((await stage(id, { stage: 'unit_allocated', on: '2025-03-01', unitId: u2.id })).body.unit).toMatchObject({ id: u2.id, status: 'allocated' });
    const units = (await co.get(`/api/projects/${vdp}`)).body.units;
    expect(units.find((x: { id: string }) => x.id === u1.id)).toMatchObject({ status: 'available', candidacyId: null });
    expect(units.find((x: { id: string }) => x.id === u2.id)).toMatchObject({ status: 'allocated', candidacyId: id });
  });

  it('refuses a withdrawal dated before a recorded stage, with an unknown reason, or after the deed', async () => {
    const id = await candidacy(privateMarket, await newHousehold(), '2025-01-10');
    problem(await stage(id, { stage: 'withdrawn', on: '2025-01-09', withdrawal: { reasonKey: 'moved' } }), 409, 'stage_out_of_order');
    const p = problem(await stage(id, { stage: 'withdrawn', on: '2025-01-11', withdrawal: { reasonKey: 'no_such_reason' } }), 400, 'validation_failed');
    expect(p.errors).toEqual([{ path: 'withdrawal.reasonKey', message: 'Unknown withdrawal reason' }]);
    await stage(id, { stage: 'compromis', on: '2025-02-01', compromis: { price: '200000.00', downPayment: '20000.00' } });
    await stage(id, { stage: 'deed', on: '2025-06-01', deed: { notary: 'Me Martin' } });
    problem(await stage(id, { stage: 'withdrawn', on: '2025-07-01', withdrawal: { reasonKey: 'moved' } }), 409, 'candidacy_completed');
  });
});

describe('the deed', () => {
  it('pre-fills the acquisition from the purchase-cost rules and moves the journey to owner on the deed date', async () => {
    const h = await newHousehold();
    expect((await referent.post(`/api/households/${h}/transitions`, { phase: 'action', on: '2024-10-01' })).status).toBe(201);
    const u = await unit(vdp, { label: 'VAT-1', taxRegime: 'vat', vatRate: '0.06', landShare: '40000.00' });
    const id = await candidacy(vdp, h, '2024-11-01');
    // Skips candidate and selected.
    await stage(id, { stage: 'unit_allocated', on: '2025-02-01', unitId: u.id });
    const comp = await stage(id, { stage: 'compromis', on: '2025-05-01', compromis: { downPayment: '25000.00' } });
    expect(comp.body.compromis).toEqual({ on: '2025-05-01', price: '250000.00', downPayment: '25000.00' });
    const deed = await stage(id, {
      stage: 'deed', on: '2025-11-20',
      deed: { notary: 'Me Dupont', deferredPercent: '0.30', ownFunds: '10000.00', loan: { lender: 'Fonds du Logement', annualRate: '0.035', years: 25 } },
    });
    expect(deed.status, JSON.stringify(deed.body)).toBe(201);
    const a = deed.body.acquisition;
    // The same figures as the simulator (tests/unit/purchase-costs.test.ts, VDP example).
    const sim = (await referent.post('/api/simulations/purchase', {
      price: '250000.00', compromisOn: '2025-05-01', onlyHome: true, vat: { rate: '0.06', landShare: '40000.00' }, deferredPercent: '0.30', ownFunds: '10000.00', loan: { annualRate: '0.035', years: 25 },
    })).body;
    expect(a).toMatchObject({
      deedOn: '2025-11-20', notary: 'Me Dupont', price: '250000.00', taxRegime: 'vat', vat: '12600.00', deferredAmount: '75000.00', deferredPercent: '0.3000',
      registrationDuties: sim.registrationDuties, ownFunds: '10000.00', totalCost: sim.totalCost,
      loan: { lender: 'Fonds du Logement', amount: sim.loanAmount, annualRate: '0.035000', years: 25, monthlyPayment: sim.monthlyPayment },
    });
    expect(deed.body.unit.status).toBe('sold');
    const journey = (await referent.get(`/api/households/${h}/journey`)).body;
    expect(journey).toMatchObject({ currentPhase: 'owner', since: '2025-11-20' });
    const kinds = journey.timeline.filter((i: { kind: string }) => i.kind === 'candidacy_stage').map((i: { stage: string; projectName: string }) => `${i.stage}:${i.projectName}`);
    expect(kinds).toEqual(['interested:VDP', 'unit_allocated:VDP', 'compromis:VDP', 'deed:VDP']);
    expect((await stage(id, { stage: 'moved_in', on: '2025-12-01' })).body).toMatchObject({ currentStage: 'moved_in', closed: true });
  });

  it('does not move a household already in owner on the deed date', async () => {
    const h = await newHousehold();
    await referent.post(`/api/households/${h}/transitions`, { phase: 'owner', on: '2025-01-01' });
    const id = await candidacy(privateMarket, h, '2024-06-01');
    await stage(id, { stage: 'compromis', on: '2024-09-01', compromis: { price: '180000.00', downPayment: '18000.00' } });
    expect((await stage(id, { stage: 'deed', on: '2025-02-01', deed: { notary: 'Me Leroy', registrationDuties: '0.00' } })).status).toBe(201);
    const journey = (await referent.get(`/api/households/${h}/journey`)).body;
    expect(journey.transitions).toHaveLength(1);
    expect(journey).toMatchObject({ currentPhase: 'owner', since: '2025-01-01' });
  });

  it('refuses a deferred price the project does not allow, or above its maximum, naming the field', async () => {
    const id = await candidacy(privateMarket, await newHousehold(), '2025-01-01');
    await stage(id, { stage: 'compromis', on: '2025-02-01', compromis: { price: '200000.00', downPayment: '20000.00' } });
    const p = problem(await stage(id, { stage: 'deed', on: '2025-06-01', deed: { notary: 'Me X', deferredPercent: '0.10' } }), 400, 'validation_failed');
    expect(p.errors![0]!.path).toBe('deed.deferredPercent');
    const v = await candidacy(vdp, await newHousehold(), '2025-01-01');
    await stage(v, { stage: 'compromis', on: '2025-02-01', compromis: { price: '200000.00', downPayment: '20000.00' } });
    const q = problem(await stage(v, { stage: 'deed', on: '2025-06-01', deed: { notary: 'Me X', deferredPercent: '0.35' } }), 400, 'validation_failed');
    expect(q.errors).toEqual([{ path: 'deed.deferredPercent', message: 'At most 0.3000 for this project on 2025-06-01' }]);
    expect((await referent.get(`/api/candidacies/${v}`)).body.acquisition).toBeNull();
    // Nothing of a refused deed is recorded: no acquisition, no journey move.
    expect((await referent.get(`/api/households/${(await referent.get(`/api/candidacies/${v}`)).body.householdId}/journey`)).body.transitions).toEqual([]);
  });
});

describe('the pot advance of a compromis', () => {
  let member: string;
  let cand: string;
  let advanceId: string;

  beforeAll(async () => {
    member = await newHousehold();
    for (const h of [member, own]) expect((await co.post(`/api/groups/${groupId}/members`, { householdId: h, joinedOn: '2025-01-01' })).status).toBe(201);
    await moneyPost(co, `/api/households/${own}/deposits`, { target: 'group', amount: '30000.00', valueDate: '2025-01-05' });
    cand = await candidacy(privateMarket, member, '2025-01-10');
  });

  it('links an advance only to the same household’s candidacy at compromis or later', async () => {
    const body = { householdId: member, amount: '20000.00', valueDate: '2025-03-01', status: 'paid', candidacyId: cand };
    problem(await moneyPost(co, `/api/groups/${groupId}/advances`, body), 409, 'candidacy_before_compromis');
    await stage(cand, { stage: 'compromis', on: '2025-02-20', compromis: { price: '200000.00', downPayment: '20000.00' } });
    const wrong = problem(await moneyPost(co, `/api/groups/${groupId}/advances`, { ...body, householdId: own }), 400, 'validation_failed');
    expect(wrong.errors).toEqual([{ path: 'candidacyId', message: "Must be a candidacy of this advance's household" }]);
    const tooMuch = problem(await moneyPost(co, `/api/groups/${groupId}/advances`, { ...body, amount: '20000.01' }), 400, 'validation_failed');
    expect(tooMuch.errors).toEqual([{ path: 'amount', message: 'Must not be more than the compromis down payment (20000.00)' }]);
    const created = await moneyPost(co, `/api/groups/${groupId}/advances`, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ candidacyId: cand, deedOn: null, repaymentDue: false });
    advanceId = created.body.id;
    expect((await referent.get(`/api/candidacies/${cand}`)).body.advance).toMatchObject({ id: advanceId, status: 'paid', outstanding: '20000.00', repaymentExpectedOn: null, repaymentDue: false });
  });

  it('expects the repayment at the deed, lists it as due, and clears it through the gecs repayment route', async () => {
    await stage(cand, { stage: 'deed', on: '2025-06-20', deed: { notary: 'Me Dubois', loan: { lender: 'Belfius', annualRate: '0.034', years: 25 } } });
    expect((await referent.get(`/api/candidacies/${cand}`)).body.advance).toMatchObject({ repaymentExpectedOn: '2025-06-20', repaymentDue: true });
    const listed = (await co.get(`/api/groups/${groupId}/advances`)).body.items.find((a: { id: string }) => a.id === advanceId);
    expect(listed).toMatchObject({ candidacyId: cand, deedOn: '2025-06-20', repaymentDue: true });
    expect((await co.get(`/api/households/${member}/advances`)).body.items[0]).toMatchObject({ deedOn: '2025-06-20', repaymentDue: true });
    const repaid = await moneyPost(co, `/api/advances/${advanceId}/repayments`, { amount: '20000.00', valueDate: '2025-06-20' }, 'repay-at-deed-1');
    expect(repaid.status).toBe(201);
    expect(repaid.body).toMatchObject({ outstanding: '0.00', repaymentDue: false });
    // Idempotent: the same key replays the answer and posts nothing.
    const again = await moneyPost(co, `/api/advances/${advanceId}/repayments`, { amount: '20000.00', valueDate: '2025-06-20' }, 'repay-at-deed-1');
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect((await referent.get(`/api/candidacies/${cand}`)).body.advance).toMatchObject({ outstanding: '0.00', repaymentDue: false });
  });

  it('refuses a withdrawal while the linked advance is approved and unpaid, unless confirmed, then cancels it', async () => {
    const h = await newHousehold();
    await co.post(`/api/groups/${groupId}/members`, { householdId: h, joinedOn: '2025-01-01' });
    const u = await unit(vdp);
    const c = await candidacy(vdp, h, '2025-01-10');
    await stage(c, { stage: 'unit_allocated', on: '2025-02-01', unitId: u.id });
    await stage(c, { stage: 'compromis', on: '2025-03-01', compromis: { downPayment: '5000.00' } });
    const adv = await moneyPost(co, `/api/groups/${groupId}/advances`, { householdId: h, amount: '5000.00', valueDate: '2025-03-02', status: 'approved', candidacyId: c });
    expect(adv.status).toBe(201);
    const before = await count('candidacy_stages');
    problem(await stage(c, { stage: 'withdrawn', on: '2025-04-01', withdrawal: { reasonKey: 'credit_refused' } }), 409, 'advance_approved');
    expect(await count('candidacy_stages')).toBe(before);
    expect((await co.get(`/api/advances/${adv.body.id}`)).body.status).toBe('approved');
    const done = await stage(c, { stage: 'withdrawn', on: '2025-04-01', withdrawal: { reasonKey: 'credit_refused', confirmCancelAdvance: true } });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toMatchObject({ currentStage: 'withdrawn', unit: null, advance: { status: 'cancelled', cancelledOn: '2025-04-01' } });
    expect((await co.get(`/api/projects/${vdp}`)).body.units.find((x: { id: string }) => x.id === u.id)).toMatchObject({ status: 'available', candidacyId: null });
  });
});

describe('what a household reads', () => {
  let ownCandidacy: string;
  let otherCandidacy: string;
  beforeAll(async () => {
    ownCandidacy = await candidacy(vdp, own, '2025-02-01');
    await stage(ownCandidacy, { stage: 'candidate', on: '2025-02-10', note: 'Note du référent' });
    otherCandidacy = await candidacy(vdp, other, '2025-02-01');
  });

  it('reads its own candidacies without staff notes, and nothing of others (404)', async () => {
    const mine = await family.get(`/api/households/${own}/candidacies`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(ownCandidacy);
    const one = (await family.get(`/api/candidacies/${ownCandidacy}`)).body;
    expect(one.currentStage).toBe('candidate');
    expect(one.stages[1]).not.toHaveProperty('note');
    expect((await referent.get(`/api/candidacies/${ownCandidacy}`)).body.stages[1]).toMatchObject({ note: 'Note du référent' });
    const timeline = (await family.get(`/api/households/${own}/journey`)).body.timeline;
    expect(timeline.filter((i: { kind: string }) => i.kind === 'candidacy_stage').map((i: { stage: string }) => i.stage)).toEqual(['interested', 'candidate']);
    problem(await family.get(`/api/candidacies/${otherCandidacy}`), 404, 'not_found');
    problem(await family.get(`/api/households/${other}/candidacies`), 404, 'not_found');
    problem(await family.get(`/api/projects/${vdp}`), 404, 'not_found');
    problem(await family.post(`/api/candidacies/${ownCandidacy}/stages`, { stage: 'selected', on: '2025-03-01' }), 404, 'not_found');
  });

  it('simulates its own purchase with its affordability, never another household’s', async () => {
    const body = { price: '250000.00', compromisOn: '2025-06-01', onlyHome: true, ownFunds: '0.00', loan: { annualRate: '0.035', years: 25 } };
    const mine = await family.post('/api/simulations/purchase', body);
    expect(mine.status).toBe(200);
    expect(mine.body.monthlyIncome).toBe('2500.00');
    expect(mine.body.affordability).toMatch(/^\d\.\d{4}$/);
    problem(await family.post('/api/simulations/purchase', { ...body, householdId: other }), 404, 'not_found');
  });
});

describe('POST /api/simulations/purchase', () => {
  const base = { compromisOn: '2025-06-01', onlyHome: true, ownFunds: '0.00', loan: { annualRate: '0.035', years: 25 } };
  const simulate = (body: object) => referent.post('/api/simulations/purchase', { ...base, ...body });

  it('gives the worked examples of registration duties', async () => {
    for (const [price, duties] of [['250000.00', '6250.00'], ['600000.00', '50000.00'], ['600000.01', '75000.00'], ['180000.00', '0.00']]) {
      const res = await simulate({ price });
      expect({ price, duties: res.body.registrationDuties }).toEqual({ price, duties });
    }
  });

  it('computes €1,244.21 a month for €250,000 at 3.5 % over 25 years, the deferred price and every line as a decimal string', async () => {
    const first = (await simulate({ price: '250000.00' })).body;
    const ownFunds = (Number(first.totalCost.replace('.', '')) - 25_000_000) / 100; // cents → euros, exact for these values
    const res = (await simulate({ price: '250000.00', ownFunds: ownFunds.toFixed(2) })).body;
    expect(res).toMatchObject({ loanAmount: '250000.00', monthlyPayment: '1244.21', affordability: null });
    for (const key of ['price', 'vat', 'registrationDuties', 'notaryFees', 'notaryFeesVat', 'adminCosts', 'totalCost', 'deferredAmount', 'ownFunds', 'loanAmount', 'monthlyPayment', 'totalRepaid']) {
      expect({ key, value: res[key] }).toEqual({ key, value: expect.stringMatching(/^\d+\.\d{2}$/) });
    }
    expect((await simulate({ price: '250000.00', deferredPercent: '0.30' })).body.deferredAmount).toBe('75000.00');
    const withIncome = (await simulate({ price: '250000.00', ownFunds: ownFunds.toFixed(2), householdId: own })).body;
    expect(withIncome.affordability).toBe('0.4977'); // 1244.21 / 2500.00
    expect(await count('candidacies')).toBeGreaterThan(0);
  });

  it('refuses bad input naming each field, and dates without a rule', async () => {
    const p = problem(await referent.post('/api/simulations/purchase', { price: 250000, compromisOn: 'x', onlyHome: 'yes', ownFunds: '-1.00', loan: { annualRate: '3.5', years: 0 }, deferredPercent: '30' }), 400, 'validation_failed');
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['compromisOn', 'deferredPercent', 'loan.annualRate', 'loan.years', 'onlyHome', 'ownFunds', 'price']);
    const early = problem(await simulate({ price: '200000.00', compromisOn: '1995-01-01' }), 400, 'validation_failed');
    expect(early.errors).toEqual([{ path: 'compromisOn', message: 'No purchase-cost rule applies on this date' }]);
    problem(await simulate({ price: '200000.00', householdId: '00000000-0000-0000-0000-000000000000' }), 404, 'not_found');
  });
});

describe('charts', () => {
  it('counts deeds per month and project, the funnel with skipped stages reached, and a year’s distribution', async () => {
    const series = (await referent.get('/api/acquisitions/series?from=2025-01&to=2025-12')).body;
    expect(series.months).toHaveLength(12);
    const vdpSeries = series.projects.find((p: { id: string }) => p.id === vdp);
    expect(vdpSeries.deeds[10]).toBe(1); // November 2025
    const funnel = (await referent.get(`/api/projects/${vdp}/funnel`)).body;
    const reached = Object.fromEntries(funnel.stages.map((s: { stage: string; reached: number }) => [s.stage, s.reached]));
    // The deed candidacy skipped candidate and selected: they count as reached.
    expect(reached.deed).toBeGreaterThanOrEqual(1);
    expect(reached.candidate).toBeGreaterThanOrEqual(reached.deed);
    expect(reached.interested).toBeGreaterThanOrEqual(reached.candidate);
    expect(funnel.withdrawn).toBeGreaterThanOrEqual(2);
    const dist = (await referent.get('/api/acquisitions/distribution?year=2025')).body;
    expect(dist.count).toBe(dist.items.length);
    expect(dist.price.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(dist.count);
    expect(dist.price.buckets.find((b: { from: string }) => b.from === '250000.00').count).toBeGreaterThanOrEqual(1);
    problem(await referent.get('/api/acquisitions/distribution'), 400, 'validation_failed');
    problem(await referent.get('/api/acquisitions/series?from=2025-12&to=2025-01'), 400, 'validation_failed');
  });
});

describe('workshops of a project', () => {
  it('links sessions to a project and counts its candidates’ participation at held ones', async () => {
    const cltb = (await co.post('/api/projects', { name: 'Chaussée d’Anvers', partner: 'cltb', tenure: 'clt_ground_lease', commune: 'Bruxelles', homes: 14, statusOn: '2024-01-01' })).body.id;
    const [a, b, outsider] = [await newHousehold(), await newHousehold(), await newHousehold()];
    await candidacy(cltb, a, '2024-02-01');
    await candidacy(cltb, b, '2024-02-01');
    const bad = problem(await referent.post('/api/sessions', { kind: 'project_workshop', title: 'Atelier', startsAt: '2025-03-10T18:30:00+01:00', projectId: '00000000-0000-0000-0000-000000000000' }), 400, 'validation_failed');
    expect(bad.errors).toEqual([{ path: 'projectId', message: 'Unknown project' }]);
    const session = await referent.post('/api/sessions', { kind: 'project_workshop', title: 'Atelier CLTB', startsAt: '2025-03-10T18:30:00+01:00', projectId: cltb });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    expect(session.body.projectId).toBe(cltb);
    expect((await referent.post(`/api/sessions/${session.body.id}/held`, {})).status).toBeLessThan(300);
    const att = await referent.put(`/api/sessions/${session.body.id}/attendance`, { invited: [a, b, outsider], attended: [{ householdId: a }, { householdId: outsider }] });
    expect(att.status, JSON.stringify(att.body)).toBeLessThan(300);
    // The outsider has no candidacy: only the candidates' 2 invitations and 1 attendance count.
    expect((await co.get(`/api/projects/${cltb}`)).body.figures.workshops).toEqual({ invitations: 2, attendances: 1, participationRate: '0.5000' });
  });
});

describe('a unit allocated twice at once', () => {
  it('gives it to one candidacy and answers 409 to the other', async () => {
    const u = await unit(vdp);
    const c1 = await candidacy(vdp, await newHousehold());
    const c2 = await candidacy(vdp, await newHousehold());
    const answers = await Promise.all([c1, c2].map((c) => stage(c, { stage: 'unit_allocated', on: '2025-03-01', unitId: u.id })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.db.knex('candidacies').where({ unit_id: u.id })).toHaveLength(1);
  });
});

describe('withdrawal reasons', () => {
  it('are listed for staff and managed by coordinators; a retired reason is refused for new withdrawals', async () => {
    expect((await referent.get('/api/withdrawal-reasons')).body.items.map((r: { key: string }) => r.key)).toContain('credit_refused');
    problem(await referent.post('/api/withdrawal-reasons', { key: 'too_far', names: { fr: 'Trop loin', nl: 'Te ver', en: 'Too far' } }), 403, 'forbidden');
    expect((await co.post('/api/withdrawal-reasons', { key: 'too_far', names: { fr: 'Trop loin', nl: 'Te ver', en: 'Too far' } })).status).toBe(201);
    expect((await co.patch('/api/withdrawal-reasons/too_far', { active: false })).body).toMatchObject({ key: 'too_far', active: false });
    const id = await candidacy(privateMarket, await newHousehold());
    const p = problem(await stage(id, { stage: 'withdrawn', on: '2025-02-01', withdrawal: { reasonKey: 'too_far' } }), 400, 'validation_failed');
    expect(p.errors).toEqual([{ path: 'withdrawal.reasonKey', message: 'This withdrawal reason is no longer used' }]);
  });
});
