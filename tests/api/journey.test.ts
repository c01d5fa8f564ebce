import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';
import { inTransaction, systemActor } from '../../backend/src/db/tx.ts';
import { addDays, today } from '../../backend/src/lib/dates.ts';

let t: TestApp;
let referent: Client;
let referentId: string;
let coordinator: Client;
beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'referent', name: 'Sarah Janssens' });
  referentId = staff.id;
  referent = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  const boss = await makeStaff(t.db.knex, { role: 'coordinator' });
  coordinator = await login(t.app, { email: boss.email, password: STAFF_PASSWORD });
});
afterAll(() => t.close());

const TODAY = today();
// Tomorrow where the service works (Brussels): between 23:00 and 24:00 UTC, UTC's tomorrow is already Brussels' today.
const TOMORROW = addDays(today(), 1);
const journeyOf = async (id: string) => (await referent.get(`/api/households/${id}/journey`)).body;
const move = (id: string, phase: string, on: string, note?: string) => referent.post(`/api/households/${id}/transitions`, { phase, on, ...(note ? { note } : {}) });
const leave = (id: string, reason: string, on: string, note?: string) => referent.post(`/api/households/${id}/exits`, { reason, on, ...(note ? { note } : {}) });
const count = async (table: string) => Number(((await t.db.knex(table).count({ n: '*' }).first()) as { n: number | string }).n);

describe('GET /api/phases', () => {
  it('lists the four seeded phases in order, named in three languages', async () => {
    const res = await referent.get('/api/phases');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { key: string }) => p.key)).toEqual(['information', 'preparation', 'action', 'owner']);
    expect(res.body.items[3]).toEqual({ key: 'owner', parentKey: null, position: 4, names: { fr: 'Propriétaire — suivi', nl: 'Eigenaar — opvolging', en: 'Owner — follow-up' } });
  });
});

describe('POST /api/households/:id/transitions', () => {
  it('moves a household into a phase, with date, author and note, and the household record carries it', async () => {
    const h = await makeHousehold(t.db.knex);
    expect((await referent.get(`/api/households/${h.id}`)).body.currentPhase).toBeNull();
    const res = await move(h.id, 'information', '2025-03-14', 'Venue à la séance de mars');
    expect(res.status).toBe(201);
    expect(res.body.currentPhase).toBe('information');
    expect(res.body.since).toBe('2025-03-14');
    expect(res.body.transitions).toEqual([
      expect.objectContaining({ phase: 'information', on: '2025-03-14', note: 'Venue à la séance de mars', author: { id: referentId, name: 'Sarah Janssens' }, reEntry: false }),
    ]);
    expect((await referent.get(`/api/households/${h.id}`)).body.currentPhase).toBe('information');
    const list = await referent.get(`/api/households?q=${encodeURIComponent(h.displayName)}`);
    expect(list.body.items[0].currentPhase).toBe('information');
    // Every change is audited, with its actor, on the household's history.
    const audit = await t.db.knex('audit_log').where({ entity_type: 'journey_transitions', household_id: h.id });
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_user_id).toBe(referentId);
  });

  it('accepts today but refuses a date in the future, and writes nothing', async () => {
    const h = await makeHousehold(t.db.knex);
    const before = await count('journey_transitions');
    const body = problem(await move(h.id, 'information', TOMORROW), 400, 'validation_failed');
    expect(body.errors).toEqual([{ path: 'on', message: 'Must not be in the future' }]);
    expect(await count('journey_transitions')).toBe(before);
    expect((await move(h.id, 'information', TODAY)).status).toBe(201);
  });

  it('refuses dates that do not exist, unknown phases and unknown fields', async () => {
    const h = await makeHousehold(t.db.knex);
    expect(problem(await move(h.id, 'information', '2025-02-30'), 400, 'validation_failed').errors).toEqual([{ path: 'on', message: 'Must be a real date written YYYY-MM-DD' }]);
    expect(problem(await move(h.id, 'purchase', '2025-02-03'), 400, 'validation_failed').errors).toEqual([{ path: 'phase', message: 'Unknown phase' }]);
    const res = await referent.post(`/api/households/${h.id}/transitions`, { phase: 'action', on: '2025-01-01', author: 'me' });
    expect(problem(res, 400, 'validation_failed').errors).toEqual([{ path: 'author', message: 'Unknown field' }]);
    expect((await journeyOf(h.id)).transitions).toEqual([]);
  });

  it('orders two transitions of one day by the phases, whatever order they were recorded in', async () => {
    const h = await makeHousehold(t.db.knex);
    expect((await move(h.id, 'preparation', '2024-09-15')).status).toBe(201);
    const res = await move(h.id, 'information', '2024-09-15');
    expect(res.status).toBe(201);
    expect(res.body.currentPhase).toBe('preparation');
    expect(res.body.transitions.map((x: { phase: string }) => x.phase)).toEqual(['information', 'preparation']);
  });

  it('derives the current phase from the whole history when a transition is back-dated', async () => {
    const h = await makeHousehold(t.db.knex);
    await move(h.id, 'information', '2023-01-10');
    await move(h.id, 'action', '2025-03-01');
    // Households enter the system with years of history: preparation happened in between.
    const res = await move(h.id, 'preparation', '2024-06-01');
    expect(res.status).toBe(201);
    expect(res.body.currentPhase).toBe('action');
    expect(res.body.since).toBe('2025-03-01');
    expect(res.body.transitions.map((x: { phase: string; on: string }) => `${x.on} ${x.phase}`)).toEqual([
      '2023-01-10 information',
      '2024-06-01 preparation',
      '2025-03-01 action',
    ]);
    expect((await referent.get(`/api/households/${h.id}`)).body.currentPhase).toBe('action');
  });

  it('refuses moving a household into the phase it is already in on that date', async () => {
    const h = await makeHousehold(t.db.knex);
    await move(h.id, 'information', '2024-01-10');
    problem(await move(h.id, 'information', '2024-05-10'), 409, 'already_in_phase');
    problem(await move(h.id, 'information', '2024-01-10'), 409, 'already_in_phase');
    // Back to an earlier phase is a real move (history is kept as it happened).
    await move(h.id, 'preparation', '2024-06-01');
    expect((await move(h.id, 'information', '2024-07-01')).status).toBe(201);
  });

  it('answers 404 for a household that does not exist', async () => {
    problem(await move('00000000-0000-4000-8000-000000000000', 'information', '2024-01-01'), 404, 'not_found');
  });
});

describe('POST /api/households/:id/exits', () => {
  it('records an exit with a reason: the household then has no current phase', async () => {
    const h = await makeHousehold(t.db.knex);
    await move(h.id, 'preparation', '2024-10-01');
    const res = await leave(h.id, 'moved', '2025-02-10', 'Parti à Liège');
    expect(res.status).toBe(201);
    expect(res.body.currentPhase).toBeNull();
    expect(res.body.exits).toEqual([expect.objectContaining({ on: '2025-02-10', reason: 'moved', note: 'Parti à Liège', author: { id: referentId, name: 'Sarah Janssens' } })]);
    expect((await referent.get(`/api/households/${h.id}`)).body.currentPhase).toBeNull();
  });

  it('refuses an exit when the household is in no phase on that date', async () => {
    const h = await makeHousehold(t.db.knex);
    problem(await leave(h.id, 'withdrew', '2025-01-01'), 409, 'not_in_journey');
    await move(h.id, 'information', '2025-01-10');
    problem(await leave(h.id, 'withdrew', '2025-01-05'), 409, 'not_in_journey');
    await leave(h.id, 'withdrew', '2025-02-01');
    problem(await leave(h.id, 'withdrew', '2025-03-01'), 409, 'not_in_journey');
    expect((await journeyOf(h.id)).exits).toHaveLength(1);
  });

  it('refuses a back-dated exit that would leave a later exit with nothing to leave', async () => {
    const h = await makeHousehold(t.db.knex);
    await move(h.id, 'information', '2025-01-10');
    await leave(h.id, 'income', '2025-03-01');
    problem(await leave(h.id, 'withdrew', '2025-02-01'), 409, 'history_conflict');
    expect((await journeyOf(h.id)).exits).toHaveLength(1);
  });

  it('refuses unknown and retired reasons, and dates in the future', async () => {
    const h = await makeHousehold(t.db.knex);
    await move(h.id, 'information', '2025-01-10');
    expect(problem(await leave(h.id, 'bored', '2025-02-01'), 400, 'validation_failed').errors).toEqual([{ path: 'reason', message: 'Unknown exit reason' }]);
    expect(problem(await leave(h.id, 'other', TOMORROW), 400, 'validation_failed').errors).toEqual([{ path: 'on', message: 'Must not be in the future' }]);
    await coordinator.post('/api/exit-reasons', { key: 'old_rule', names: { fr: 'Ancienne règle', nl: 'Oude regel', en: 'Old rule' } });
    await coordinator.patch('/api/exit-reasons/old_rule', { active: false });
    expect(problem(await leave(h.id, 'old_rule', '2025-02-01'), 400, 'validation_failed').errors).toEqual([{ path: 'reason', message: 'This exit reason is no longer used' }]);
    expect((await journeyOf(h.id)).exits).toEqual([]);
  });

  it('accepts only one of two exits sent at the same time (the household is locked while its history is checked)', async () => {
    const h = await makeHousehold(t.db.knex);
    await move(h.id, 'action', '2025-01-10');
    const results = await Promise.all([leave(h.id, 'withdrew', '2025-02-01'), leave(h.id, 'moved', '2025-02-01')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await journeyOf(h.id)).exits).toHaveLength(1);
  });

  it('lets a household come back: a transition after an exit is a re-entry', async () => {
    const h = await makeHousehold(t.db.knex);
    await move(h.id, 'information', '2023-02-01');
    await leave(h.id, 'income', '2023-06-01');
    const res = await move(h.id, 'information', '2025-02-01');
    expect(res.body.currentPhase).toBe('information');
    expect(res.body.transitions.map((x: { reEntry: boolean }) => x.reEntry)).toEqual([false, true]);
    // A back-dated exit before a later move turns that move into a re-entry too.
    const h2 = await makeHousehold(t.db.knex);
    await move(h2.id, 'information', '2023-01-01');
    await move(h2.id, 'preparation', '2024-09-01');
    const after = await leave(h2.id, 'withdrew', '2023-05-01');
    expect(after.status).toBe(201);
    expect(after.body.currentPhase).toBe('preparation');
    expect(after.body.transitions.map((x: { reEntry: boolean }) => x.reEntry)).toEqual([false, true]);
  });
});

describe('GET /api/households/:id/journey', () => {
  it('gives the journey in date order with cohorts, sessions and one chronological timeline', async () => {
    const h = await makeHousehold(t.db.knex);
    const cohort = (await referent.post('/api/cohorts', { name: 'Préparation 2024-2025 (timeline)', kind: 'preparation', startsOn: '2024-09-01', endsOn: '2025-06-30' })).body;
    const session = (await referent.post('/api/sessions', { kind: 'information', title: 'Séance d’information', startsAt: '2024-06-12T18:00:00+02:00' })).body;
    await referent.post(`/api/sessions/${session.id}/held`, {});
    await referent.put(`/api/sessions/${session.id}/attendance`, { invited: [h.id], attended: [{ householdId: h.id, people: 2 }] });
    await referent.post(`/api/cohorts/${cohort.id}/members`, { householdId: h.id, joinedOn: '2024-09-01' });
    await move(h.id, 'preparation', '2024-09-01');
    const j = await journeyOf(h.id);
    expect(j.currentPhase).toBe('preparation');
    expect(j.transitions.map((x: { phase: string; on: string; sessionId: string | null }) => [x.on, x.phase, x.sessionId])).toEqual([
      ['2024-06-12', 'information', session.id],
      ['2024-09-01', 'preparation', null],
    ]);
    expect(j.cohorts).toEqual([expect.objectContaining({ id: cohort.id, name: 'Préparation 2024-2025 (timeline)', kind: 'preparation', joinedOn: '2024-09-01' })]);
    expect(j.sessions).toEqual([expect.objectContaining({ id: session.id, status: 'held', attended: true, people: 2 })]);
    expect(j.participation).toEqual({ invitations: 1, attendances: 1, participationRate: '1.0000' });
    expect(j.timeline.map((i: { kind: string; on: string }) => `${i.on} ${i.kind}`)).toEqual([
      '2024-06-12 session',
      '2024-06-12 transition',
      '2024-09-01 cohort',
      '2024-09-01 transition',
    ]);
    expect(j.timeline[0]).toMatchObject({ outcome: 'attended', title: 'Séance d’information' });
    expect(j.phases.map((p: { key: string }) => p.key)).toEqual(['information', 'preparation', 'action', 'owner']);
  });

  it('lets a household read its own journey without staff notes, and nothing of another', async () => {
    const own = await makeActivatedHousehold(t.db.knex);
    const other = await makeHousehold(t.db.knex);
    await move(own.id, 'information', '2025-01-10', 'Note interne : hésitant');
    await move(other.id, 'action', '2025-01-10');
    const household = await login(t.app, { reference: own.reference, password: HOUSEHOLD_PASSWORD });
    const res = await household.get(`/api/households/${own.id}/journey`);
    expect(res.status).toBe(200);
    expect(res.body.currentPhase).toBe('information');
    expect(JSON.stringify(res.body)).not.toContain('hésitant');
    expect(res.body.transitions[0].author).toBeNull();
    expect((await household.get(`/api/households/${own.id}`)).body.currentPhase).toBe('information');
    problem(await household.get(`/api/households/${other.id}/journey`), 404, 'not_found');
    problem(await household.post(`/api/households/${own.id}/transitions`, { phase: 'owner', on: '2025-02-01' }), 404, 'not_found');
    problem(await household.post(`/api/households/${own.id}/exits`, { reason: 'other', on: '2025-02-01' }), 404, 'not_found');
    problem(await household.get('/api/board'), 404, 'not_found');
    expect((await journeyOf(own.id)).transitions).toHaveLength(1);
  });
});

describe('phases and exit reasons as configuration', () => {
  it('lets a coordinator rename a phase and add a sub-step that households can be moved into', async () => {
    problem(await referent.patch('/api/phases/action', { names: { fr: 'Passage à l’action' } }), 403, 'forbidden');
    const renamed = await coordinator.patch('/api/phases/action', { names: { fr: 'Passage à l’action' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.names).toEqual({ fr: 'Passage à l’action', nl: 'Actie', en: 'Action' });

    const step = await coordinator.post('/api/phases/action/steps', { key: 'compromis_signed', names: { fr: 'Compromis signé', nl: 'Compromis getekend', en: 'Sale agreement signed' } });
    expect(step.status).toBe(201);
    expect(step.body).toMatchObject({ key: 'compromis_signed', parentKey: 'action', position: 1 });
    const keys = (await referent.get('/api/phases')).body.items.map((p: { key: string }) => p.key);
    expect(keys).toEqual(['information', 'preparation', 'action', 'compromis_signed', 'owner']);
    problem(await coordinator.post('/api/phases/action/steps', { key: 'compromis_signed', names: { fr: 'x', nl: 'x', en: 'x' } }), 409, 'key_taken');
    problem(await coordinator.post('/api/phases/compromis_signed/steps', { key: 'deeper', names: { fr: 'x', nl: 'x', en: 'x' } }), 422, 'not_a_phase');
    problem(await coordinator.patch('/api/phases/nowhere', { names: { fr: 'x' } }), 404, 'not_found');

    // A sub-step comes after its phase on the same day; the board shows the household under its phase.
    const h = await makeHousehold(t.db.knex);
    await move(h.id, 'compromis_signed', '2025-05-20');
    const res = await move(h.id, 'action', '2025-05-20');
    expect(res.body.currentPhase).toBe('compromis_signed');
    const board = (await referent.get('/api/board')).body;
    const action = board.columns.find((c: { phase: string | null }) => c.phase === 'action');
    expect(action.cards.find((c: { id: string }) => c.id === h.id)).toMatchObject({ phase: 'compromis_signed', since: '2025-05-20' });
  });

  it('lists the seeded exit reasons and lets only coordinators manage them', async () => {
    const res = await referent.get('/api/exit-reasons');
    expect(res.body.items.slice(0, 5).map((r: { key: string }) => r.key)).toEqual(['withdrew', 'income', 'moved', 'bought_elsewhere', 'other']);
    problem(await referent.post('/api/exit-reasons', { key: 'project', names: { fr: 'Autre projet', nl: 'Ander project', en: 'Other project' } }), 403, 'forbidden');
    const added = await coordinator.post('/api/exit-reasons', { key: 'other_project', names: { fr: 'Autre projet', nl: 'Ander project', en: 'Other project' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ key: 'other_project', active: true });
    problem(await coordinator.post('/api/exit-reasons', { key: 'other_project', names: { fr: 'x', nl: 'x', en: 'x' } }), 409, 'key_taken');
    expect((await coordinator.patch('/api/exit-reasons/other_project', { names: { en: 'Another project' } })).body.names.en).toBe('Another project');
  });
});

describe('cohorts', () => {
  it('creates a cohort and adds households with a date', async () => {
    const res = await referent.post('/api/cohorts', { name: 'Action 2025-2026', kind: 'action', startsOn: '2025-09-01', endsOn: '2026-08-31' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Action 2025-2026', kind: 'action', startsOn: '2025-09-01', endsOn: '2026-08-31', savingsGroupId: null, membersCount: 0 });
    const h = await makeHousehold(t.db.knex);
    const added = await referent.post(`/api/cohorts/${res.body.id}/members`, { householdId: h.id, joinedOn: '2025-09-01' });
    expect(added.status).toBe(201);
    expect(added.body.members).toEqual([{ householdId: h.id, reference: h.reference, displayName: h.displayName, joinedOn: '2025-09-01', currentPhase: null }]);
    problem(await referent.post(`/api/cohorts/${res.body.id}/members`, { householdId: h.id, joinedOn: '2025-10-01' }), 409, 'already_member');
    expect((await referent.get('/api/cohorts?kind=action')).body.items.map((c: { name: string }) => c.name)).toContain('Action 2025-2026');
    expect((await referent.delete(`/api/cohorts/${res.body.id}/members/${h.id}`)).status).toBe(204);
    expect((await referent.get(`/api/cohorts/${res.body.id}`)).body.membersCount).toBe(0);
  });

  it('refuses a cohort ending before it starts, a duplicate name, a join after its end or in the future', async () => {
    expect(problem(await referent.post('/api/cohorts', { name: 'X', kind: 'preparation', startsOn: '2025-09-01', endsOn: '2025-08-31' }), 400, 'validation_failed').errors).toEqual([
      { path: 'endsOn', message: 'Must not be before startsOn' },
    ]);
    problem(await referent.post('/api/cohorts', { name: 'X', kind: 'savings', startsOn: '2025-09-01', endsOn: '2026-08-31' }), 400, 'validation_failed');
    const c = (await referent.post('/api/cohorts', { name: 'Préparation 2023-2024', kind: 'preparation', startsOn: '2023-09-01', endsOn: '2024-06-30' })).body;
    problem(await referent.post('/api/cohorts', { name: 'préparation 2023-2024', kind: 'preparation', startsOn: '2023-09-01', endsOn: '2024-06-30' }), 409, 'conflict');
    const h = await makeHousehold(t.db.knex);
    problem(await referent.post(`/api/cohorts/${c.id}/members`, { householdId: h.id, joinedOn: '2024-07-01' }), 422, 'outside_cohort');
    problem(await referent.post(`/api/cohorts/${c.id}/members`, { householdId: h.id, joinedOn: TOMORROW }), 400, 'validation_failed');
    expect(problem(await referent.post(`/api/cohorts/${c.id}/members`, { householdId: '00000000-0000-4000-8000-000000000000', joinedOn: '2024-01-01' }), 400, 'validation_failed').errors).toEqual([
      { path: 'householdId', message: 'Unknown household' },
    ]);
    problem(await referent.patch(`/api/cohorts/${c.id}`, { endsOn: '2023-01-01' }), 400, 'validation_failed');
  });

  it('links an action cohort to a savings group by id', async () => {
    const c = (await referent.post('/api/cohorts', { name: 'Action 2024-2025 (GECS)', kind: 'action', startsOn: '2024-09-01', endsOn: '2025-08-31' })).body;
    const group = await coordinator.post('/api/groups', { name: 'GECS Cohorte liée', cohort: '2024-2025', startsOn: '2024-09-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' });
    expect(group.status).toBe(201);
    const res = await referent.patch(`/api/cohorts/${c.id}`, { savingsGroupId: group.body.id });
    expect(res.status).toBe(200);
    expect(res.body.savingsGroupId).toBe(group.body.id);
    // A group that is not the organisation's is refused on the field, and nothing changes.
    const unknown = problem(await referent.patch(`/api/cohorts/${c.id}`, { savingsGroupId: '11111111-1111-4111-8111-111111111111' }), 400, 'validation_failed');
    expect(unknown.errors).toEqual([expect.objectContaining({ path: 'savingsGroupId' })]);
    expect((await referent.get(`/api/cohorts/${c.id}`)).body).toMatchObject({ savingsGroupId: group.body.id });
  });
});

describe('GET /api/board', () => {
  it('shows households by current phase with time in phase, next session and warnings; exited ones are counted apart', async () => {
    const other = await makeStaff(t.db.knex, { role: 'referent', name: 'Board Other' });
    const fresh = await makeHousehold(t.db.knex, { referentId: other.id, displayName: 'Board Fresh' });
    const preparing = await makeHousehold(t.db.knex, { referentId: other.id, displayName: 'Board Preparing', flags: { pasSolo: true, singleParent: true } });
    const gone = await makeHousehold(t.db.knex, { referentId: other.id, displayName: 'Board Gone' });
    const quiet = await makeHousehold(t.db.knex, { referentId: other.id, displayName: 'Board Quiet' });
    await move(preparing.id, 'information', '2025-01-10');
    await move(preparing.id, 'preparation', TODAY);
    await move(gone.id, 'information', '2025-01-10');
    await leave(gone.id, 'withdrew', '2025-04-01');
    await move(quiet.id, 'action', '2025-01-10');
    // A household registered long ago with nothing since: no contact for more than 60 days.
    await inTransaction(t.db.knex, systemActor('test'), (trx) => trx('households').where({ id: quiet.id }).update({ created_at: '2024-01-01T10:00:00Z' }));
    const upcoming = (await referent.post('/api/sessions', { kind: 'preparation_workshop', title: 'Atelier budget', startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString() })).body;
    await referent.put(`/api/sessions/${upcoming.id}/attendance`, { invited: [preparing.id] });

    const res = await referent.get(`/api/board?referentId=${other.id}`);
    expect(res.status).toBe(200);
    expect(res.body.columns.map((c: { phase: string | null }) => c.phase)).toEqual([null, 'information', 'preparation', 'action', 'owner']);
    const where = Object.fromEntries(
      res.body.columns.flatMap((c: { phase: string | null; cards: Array<{ displayName: string }> }) => c.cards.map((card) => [card.displayName, c.phase])),
    );
    expect(where).toEqual({ 'Board Fresh': null, 'Board Preparing': 'preparation', 'Board Quiet': 'action' });
    expect(res.body.exited).toBe(1);
    const cards = res.body.columns.flatMap((c: { cards: unknown[] }) => c.cards) as Array<Record<string, unknown>>;
    const card = (name: string) => cards.find((c) => c.displayName === name)!;
    expect(card('Board Preparing')).toMatchObject({ since: TODAY, daysInPhase: 0, warnings: [], arrears: null, nextSession: { id: upcoming.id, title: 'Atelier budget' }, flags: { pasSolo: true } });
    expect(card('Board Quiet')).toMatchObject({ since: '2025-01-10', lastContactOn: '2025-01-10', warnings: ['no_contact'] });
    expect(card('Board Fresh')).toMatchObject({ phase: null, since: null, daysInPhase: null, warnings: [] });
    expect(fresh.id).toBe(card('Board Fresh').id);

    const flagged = (await referent.get(`/api/board?referentId=${other.id}&flag=warning`)).body;
    expect(flagged.columns.flatMap((c: { cards: Array<{ displayName: string }> }) => c.cards.map((x) => x.displayName))).toEqual(['Board Quiet']);
    const solo = (await referent.get(`/api/board?referentId=${other.id}&flag=pasSolo`)).body;
    expect(solo.columns.flatMap((c: { cards: Array<{ displayName: string }> }) => c.cards.map((x) => x.displayName))).toEqual(['Board Preparing']);
    problem(await referent.get('/api/board?flag=rich'), 400, 'validation_failed');
  });

  it('filters by cohort', async () => {
    const c = (await referent.post('/api/cohorts', { name: 'Board cohort', kind: 'preparation', startsOn: '2025-09-01', endsOn: '2026-06-30' })).body;
    const a = await makeHousehold(t.db.knex, { displayName: 'Cohort Member' });
    await makeHousehold(t.db.knex, { displayName: 'Not In Cohort' });
    await referent.post(`/api/cohorts/${c.id}/members`, { householdId: a.id, joinedOn: '2025-09-01' });
    const res = (await referent.get(`/api/board?cohortId=${c.id}`)).body;
    const cards = res.columns.flatMap((col: { cards: Array<{ displayName: string; cohorts: unknown[] }> }) => col.cards);
    expect(cards.map((x: { displayName: string }) => x.displayName)).toEqual(['Cohort Member']);
    expect(cards[0].cohorts).toEqual([{ id: c.id, name: 'Board cohort' }]);
  });
});

describe('GET /api/board/funnel', () => {
  it('counts households entering each phase, exits by reason and conversion from information session to action', async () => {
    // A separate organisation would be cleaner; the year 2019 is used by this test only.
    const hs = await Promise.all(Array.from({ length: 4 }, () => makeHousehold(t.db.knex)));
    const session = (await referent.post('/api/sessions', { kind: 'information', title: 'Info 2019', startsAt: '2019-03-05T18:00:00+01:00' })).body;
    await referent.post(`/api/sessions/${session.id}/held`, {});
    await referent.put(`/api/sessions/${session.id}/attendance`, {
      invited: hs.map((h) => h.id),
      attended: hs.slice(0, 3).map((h) => ({ householdId: h.id, people: 1 })),
    });
    await move(hs[0]!.id, 'preparation', '2019-09-01');
    await move(hs[0]!.id, 'action', '2020-09-01');
    await move(hs[1]!.id, 'preparation', '2019-09-01');
    await leave(hs[1]!.id, 'income', '2019-12-01');
    await move(hs[3]!.id, 'action', '2019-10-01');
    const res = await referent.get('/api/board/funnel?year=2019');
    expect(res.status).toBe(200);
    expect(res.body.phases).toEqual([
      { phase: 'information', entered: 3 },
      { phase: 'preparation', entered: 2 },
      { phase: 'action', entered: 1 },
      { phase: 'owner', entered: 0 },
    ]);
    expect(res.body.exits.find((e: { reason: string }) => e.reason === 'income')).toEqual({ reason: 'income', count: 1 });
    expect(res.body.exits.find((e: { reason: string }) => e.reason === 'moved')).toEqual({ reason: 'moved', count: 0 });
    // 3 attended the information session; one of them reached action (in 2020); hs[3] did not attend.
    expect(res.body.conversion).toEqual({ informed: 3, reachedAction: 1, rate: '0.3333' });
    expect((await referent.get('/api/board/funnel?year=1995')).body.conversion).toEqual({ informed: 0, reachedAction: 0, rate: null });
  });
});
