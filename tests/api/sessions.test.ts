import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { makeHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';
import { ratio } from '../../backend/src/modules/journey/participation.ts';

let t: TestApp;
let referent: Client;
let coordinator: Client;
beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'referent' });
  referent = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  const boss = await makeStaff(t.db.knex, { role: 'coordinator' });
  coordinator = await login(t.app, { email: boss.email, password: STAFF_PASSWORD });
});
afterAll(() => t.close());

const NEXT_WEEK = new Date(Date.now() + 7 * 86_400_000).toISOString();
const plan = async (body: Record<string, unknown>) => {
  const res = await referent.post('/api/sessions', { kind: 'information', title: 'Séance d’information', ...body });
  if (res.status !== 201) throw new Error(`could not plan a session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string };
};
const held = async (body: Record<string, unknown>) => {
  const s = await plan(body);
  expect((await referent.post(`/api/sessions/${s.id}/held`, {})).status).toBe(200);
  return s;
};
const households = (n: number) => Promise.all(Array.from({ length: n }, () => makeHousehold(t.db.knex)));

describe('POST /api/sessions', () => {
  it('plans a session with its details; it starts as planned', async () => {
    const cohort = (await referent.post('/api/cohorts', { name: 'Préparation 2024-2025', kind: 'preparation', startsOn: '2024-09-01', endsOn: '2025-06-30' })).body;
    const res = await referent.post('/api/sessions', {
      kind: 'preparation_workshop', title: 'Atelier budget', startsAt: '2025-01-21T18:30:00+01:00', place: 'Rue de la Loi 1, Bruxelles',
      cohortId: cohort.id, facilitator: 'Karima Bensaïd', project: 'VDP', notes: 'Prévoir la garderie',
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/sessions/${res.body.id}`);
    expect(res.body).toMatchObject({
      kind: 'preparation_workshop', title: 'Atelier budget', startsAt: '2025-01-21T17:30:00.000Z', place: 'Rue de la Loi 1, Bruxelles', online: false,
      cohort: { id: cohort.id, name: 'Préparation 2024-2025' }, facilitator: 'Karima Bensaïd', project: 'VDP', status: 'planned', cancelReason: null,
      invitations: 0, attendances: 0, participationRate: null,
    });
    const patched = await referent.patch(`/api/sessions/${res.body.id}`, { online: true, place: null, title: 'Atelier budget familial' });
    expect(patched.body).toMatchObject({ online: true, place: null, title: 'Atelier budget familial' });
  });

  it('refuses unknown kinds, times without an offset and unknown cohorts', async () => {
    const res = await referent.post('/api/sessions', { kind: 'party', title: '', startsAt: '2025-01-21 18:30' });
    expect(problem(res, 400, 'validation_failed').errors!.map((e) => e.path).sort()).toEqual(['kind', 'startsAt', 'title']);
    expect(problem(await referent.post('/api/sessions', { kind: 'information', title: 'X', startsAt: '2025-01-21T18:30:00Z', cohortId: '00000000-0000-4000-8000-000000000000' }), 400, 'validation_failed').errors).toEqual([
      { path: 'cohortId', message: 'Unknown cohort' },
    ]);
  });
});

describe('session status', () => {
  it('cancels a planned session only with a reason, and then it can be neither held nor cancelled again', async () => {
    const s = await plan({ startsAt: '2025-06-17T18:00:00+02:00' });
    expect(problem(await referent.post(`/api/sessions/${s.id}/cancel`, {}), 400, 'validation_failed').errors).toEqual([{ path: 'reason', message: expect.any(String) }]);
    problem(await referent.post(`/api/sessions/${s.id}/cancel`, { reason: '   ' }), 400, 'validation_failed');
    const res = await referent.post(`/api/sessions/${s.id}/cancel`, { reason: 'Annonce de l’arrêt des prêts du Fonds du Logement' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Annonce de l’arrêt des prêts du Fonds du Logement' });
    problem(await referent.post(`/api/sessions/${s.id}/cancel`, { reason: 'encore' }), 409, 'session_not_planned');
    problem(await referent.post(`/api/sessions/${s.id}/held`, {}), 409, 'session_not_planned');
  });

  it('marks a session held once it has started, never before', async () => {
    const future = await plan({ startsAt: NEXT_WEEK });
    problem(await referent.post(`/api/sessions/${future.id}/held`, {}), 409, 'session_in_future');
    const past = await plan({ startsAt: '2025-02-11T18:00:00+01:00' });
    expect((await referent.post(`/api/sessions/${past.id}/held`, {})).body.status).toBe('held');
    problem(await referent.post(`/api/sessions/${past.id}/held`, {}), 409, 'session_not_planned');
    problem(await referent.post(`/api/sessions/${past.id}/cancel`, { reason: 'trop tard' }), 409, 'session_not_planned');
    problem(await referent.patch(`/api/sessions/${past.id}`, { startsAt: NEXT_WEEK }), 409, 'session_in_future');
  });
});

describe('PUT /api/sessions/:id/attendance', () => {
  it('records invitations of a planned session but refuses attendance until it is held', async () => {
    const [a, b] = await households(2);
    const s = await plan({ startsAt: NEXT_WEEK });
    const res = await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [a!.id, b!.id] });
    expect(res.status).toBe(200);
    expect(res.body.invitations).toBe(2);
    expect(res.body.households.map((h: { householdId: string; attended: boolean }) => h.attended)).toEqual([false, false]);
    problem(await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [a!.id], attended: [{ householdId: a!.id, people: 2 }] }), 409, 'session_not_held');
    expect((await referent.get(`/api/sessions/${s.id}`)).body.invitations).toBe(2);
  });

  it('refuses any change to a cancelled session', async () => {
    const [a] = await households(1);
    const s = await plan({ startsAt: '2025-11-18T18:00:00+01:00' });
    await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [a!.id] });
    await referent.post(`/api/sessions/${s.id}/cancel`, { reason: 'Pas de candidats' });
    problem(await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [a!.id], attended: [{ householdId: a!.id, people: 1 }] }), 409, 'session_cancelled');
    problem(await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [] }), 409, 'session_cancelled');
    const audit = await t.db.knex('session_invitations').where({ session_id: s.id });
    expect(audit).toEqual([expect.objectContaining({ household_id: a!.id, attended: false, people: null })]);
  });

  it('records who came and with how many people, and refuses attendees not invited or unknown', async () => {
    const [a, b, c] = await households(3);
    const s = await held({ kind: 'preparation_workshop', title: 'Atelier crédit', startsAt: '2025-03-04T18:00:00+01:00' });
    expect(problem(await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [a!.id], attended: [{ householdId: b!.id, people: 1 }] }), 400, 'validation_failed').errors).toEqual([
      { path: 'attended.0.householdId', message: 'Must also be invited' },
    ]);
    expect(problem(await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [a!.id, a!.id] }), 400, 'validation_failed').errors).toEqual([{ path: 'invited.1', message: 'Listed twice' }]);
    expect(problem(await referent.put(`/api/sessions/${s.id}/attendance`, { invited: ['00000000-0000-4000-8000-000000000000'] }), 400, 'validation_failed').errors).toEqual([
      { path: 'invited.0', message: 'Unknown household' },
    ]);
    problem(await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [a!.id], attended: [{ householdId: a!.id, people: 0 }] }), 400, 'validation_failed');

    const res = await referent.put(`/api/sessions/${s.id}/attendance`, {
      invited: [a!.id, b!.id, c!.id],
      attended: [{ householdId: a!.id, people: 2 }, { householdId: c!.id, people: 1 }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ invitations: 3, attendances: 2, participationRate: '0.6667' });
    const byId = Object.fromEntries(res.body.households.map((h: { householdId: string; people: number | null }) => [h.householdId, h.people]));
    expect(byId).toEqual({ [a!.id]: 2, [b!.id]: null, [c!.id]: 1 });
    // Replacing the list changes only what differs: b is no longer invited.
    const again = await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [a!.id, c!.id], attended: [{ householdId: a!.id, people: 2 }, { householdId: c!.id, people: 1 }] });
    expect(again.body).toMatchObject({ invitations: 2, attendances: 2, participationRate: '1.0000' });
    const audit = await t.db.knex('audit_log').where({ entity_type: 'session_invitations' }).whereIn('household_id', [a!.id, b!.id, c!.id]);
    expect(audit.map((r: { action: string }) => r.action).sort()).toEqual(['create', 'create', 'create', 'delete']);
  });

  it('moves a household with no phase yet into information on the date of the information session it attended', async () => {
    const [newcomer, preparing, gone, absent] = await households(4);
    await referent.post(`/api/households/${preparing!.id}/transitions`, { phase: 'preparation', on: '2024-09-01' });
    await referent.post(`/api/households/${gone!.id}/transitions`, { phase: 'information', on: '2023-01-01' });
    await referent.post(`/api/households/${gone!.id}/exits`, { reason: 'withdrew', on: '2023-05-01' });
    // 23:30 UTC on 9 April is already 10 April in Brussels.
    const s = await held({ startsAt: '2025-04-09T22:30:00Z' });
    await referent.put(`/api/sessions/${s.id}/attendance`, {
      invited: [newcomer!.id, preparing!.id, gone!.id, absent!.id],
      attended: [newcomer!.id, preparing!.id, gone!.id].map((householdId) => ({ householdId, people: 1 })),
    });
    const journey = async (id: string) => (await referent.get(`/api/households/${id}/journey`)).body;
    expect(await journey(newcomer!.id)).toMatchObject({ currentPhase: 'information', since: '2025-04-10', transitions: [{ phase: 'information', on: '2025-04-10', sessionId: s.id }] });
    expect((await journey(preparing!.id)).currentPhase).toBe('preparation');
    expect((await journey(gone!.id)).currentPhase).toBeNull();
    expect((await journey(absent!.id)).currentPhase).toBeNull();
    // Saving the same attendance again moves nobody twice.
    await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [newcomer!.id], attended: [{ householdId: newcomer!.id, people: 1 }] });
    expect((await journey(newcomer!.id)).transitions).toHaveLength(1);
  });

  it('does not move anyone for a workshop', async () => {
    const [a] = await households(1);
    const s = await held({ kind: 'project_workshop', title: 'Atelier CLTB', startsAt: '2025-05-06T18:00:00+02:00', project: 'Chaussée d’Anvers' });
    await referent.put(`/api/sessions/${s.id}/attendance`, { invited: [a!.id], attended: [{ householdId: a!.id, people: 1 }] });
    expect((await referent.get(`/api/households/${a!.id}/journey`)).body.currentPhase).toBeNull();
  });
});

describe('GET /api/sessions', () => {
  it('filters by dates (Brussels calendar), kind and status, in time order', async () => {
    const a = await plan({ title: 'Filtre A', startsAt: '2018-01-31T23:30:00Z' }); // 1 February in Brussels
    const b = await held({ title: 'Filtre B', kind: 'group_meeting', startsAt: '2018-02-15T18:00:00Z' });
    await plan({ title: 'Filtre C', startsAt: '2018-03-01T18:00:00Z' });
    const feb = await referent.get('/api/sessions?from=2018-02-01&to=2018-02-28');
    expect(feb.body.items.map((s: { id: string }) => s.id)).toEqual([a.id, b.id]);
    expect((await referent.get('/api/sessions?from=2018-01-01&to=2018-12-31&kind=group_meeting')).body.items.map((s: { id: string }) => s.id)).toEqual([b.id]);
    expect((await referent.get('/api/sessions?from=2018-01-01&to=2018-12-31&status=held')).body.items.map((s: { id: string }) => s.id)).toEqual([b.id]);
    problem(await referent.get('/api/sessions?from=2018-03-01&to=2018-02-01'), 400, 'validation_failed');
    problem(await referent.get('/api/sessions?status=maybe'), 400, 'validation_failed');
  });
});

describe('GET /api/sessions/stats', () => {
  it('reproduces the 2025 figures: 11 planned, 7 held, 4 cancelled, participation 43 of 50 = "0.8600"', async () => {
    // A year of information sessions as in the annual report, in a year no other test uses (2016).
    const months = ['01', '02', '03', '04', '05', '06', '07', '09', '10', '11', '12'];
    const cancelled: Record<string, string> = { '06': 'Arrêt des prêts FdL annoncé', '09': 'Salle indisponible', '11': 'Pas de candidats', '12': 'Pas de candidats' };
    const people = await households(10);
    // Held sessions invite 10, 10, 10, 10, 5, 3, 2 households (50) of whom 9, 9, 8, 8, 5, 2, 2 come (43).
    const plan7 = [[10, 9], [10, 9], [10, 8], [10, 8], [5, 5], [3, 2], [2, 2]];
    let heldIndex = 0;
    for (const month of months) {
      const s = await plan({ title: `Info ${month}`, startsAt: `2016-${month}-15T18:00:00+01:00` });
      if (cancelled[month]) {
        await referent.post(`/api/sessions/${s.id}/cancel`, { reason: cancelled[month] });
        continue;
      }
      await referent.post(`/api/sessions/${s.id}/held`, {});
      const [invited, attended] = plan7[heldIndex++]!;
      await referent.put(`/api/sessions/${s.id}/attendance`, {
        invited: people.slice(0, invited).map((h) => h.id),
        attended: people.slice(0, attended).map((h) => ({ householdId: h.id, people: 1 })),
      });
    }
    // A workshop that year counts only without the kind filter.
    await held({ kind: 'action_workshop', title: 'Atelier', startsAt: '2016-10-20T18:00:00+02:00' });

    const res = await referent.get('/api/sessions/stats?year=2016&kind=information');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2016, planned: 11, held: 7, cancelled: 4, invitations: 50, attendances: 43, participationRate: '0.8600' });
    expect(res.body.months).toHaveLength(12);
    expect(res.body.months[5]).toEqual({ month: '2016-06', planned: 1, held: 0, cancelled: 1 });
    expect(res.body.months[7]).toEqual({ month: '2016-08', planned: 0, held: 0, cancelled: 0 });
    expect(res.body.months[11]).toEqual({ month: '2016-12', planned: 1, held: 0, cancelled: 1 });
    const all = (await referent.get('/api/sessions/stats?year=2016')).body;
    expect(all).toMatchObject({ planned: 12, held: 8, cancelled: 4, invitations: 50, attendances: 43, participationRate: '0.8600' });
    // Per household: the tenth household was invited to the four large sessions and never came.
    const tenth = (await referent.get(`/api/households/${people[9]!.id}/journey`)).body;
    expect(tenth.participation).toEqual({ invitations: 4, attendances: 0, participationRate: '0.0000' });
  });

  it('gives a null rate when there were no invitations, and counts a session in its Brussels year', async () => {
    expect((await referent.get('/api/sessions/stats?year=2012')).body).toMatchObject({ planned: 0, held: 0, cancelled: 0, invitations: 0, attendances: 0, participationRate: null });
    await plan({ title: 'Réveillon', startsAt: '2013-12-31T23:30:00Z' });
    expect((await referent.get('/api/sessions/stats?year=2013')).body.planned).toBe(0);
    expect((await referent.get('/api/sessions/stats?year=2014')).body.planned).toBe(1);
    problem(await referent.get('/api/sessions/stats'), 400, 'validation_failed');
    problem(await referent.get('/api/sessions/stats?year=20x5'), 400, 'validation_failed');
  });

  it('gives the participation of a cohort over its held sessions', async () => {
    const cohort = (await referent.post('/api/cohorts', { name: 'Action 2024-2025', kind: 'action', startsOn: '2024-09-01', endsOn: '2025-08-31' })).body;
    const hs = await households(4);
    const w1 = await held({ kind: 'action_workshop', title: 'Atelier 1', startsAt: '2015-10-01T18:00:00+02:00', cohortId: cohort.id });
    const w2 = await held({ kind: 'action_workshop', title: 'Atelier 2', startsAt: '2015-11-01T18:00:00+01:00', cohortId: cohort.id });
    const w3 = await plan({ kind: 'action_workshop', title: 'Atelier 3', startsAt: NEXT_WEEK, cohortId: cohort.id });
    await referent.put(`/api/sessions/${w1.id}/attendance`, { invited: hs.map((h) => h.id), attended: hs.slice(0, 4).map((h) => ({ householdId: h.id, people: 1 })) });
    await referent.put(`/api/sessions/${w2.id}/attendance`, { invited: hs.map((h) => h.id), attended: hs.slice(0, 2).map((h) => ({ householdId: h.id, people: 1 })) });
    await referent.put(`/api/sessions/${w3.id}/attendance`, { invited: hs.map((h) => h.id) });
    // Planned sessions do not count: 6 attendances of 8 invitations.
    expect((await referent.get(`/api/cohorts/${cohort.id}`)).body.participation).toEqual({ invitations: 8, attendances: 6, participationRate: '0.7500' });
    expect((await referent.get(`/api/sessions/stats?year=2015&cohortId=${cohort.id}`)).body).toMatchObject({ held: 2, participationRate: '0.7500' });
    // The household's next session is the planned workshop.
    expect((await referent.get(`/api/households/${hs[0]!.id}/journey`)).body.nextSession).toMatchObject({ id: w3.id, title: 'Atelier 3' });
  });

  it('rounds half-up to four places with decimals, not floating point', () => {
    expect(ratio(6, 7)).toBe('0.8571');
    expect(ratio(1, 3)).toBe('0.3333');
    expect(ratio(2, 3)).toBe('0.6667');
    expect(ratio(1, 16)).toBe('0.0625');
    expect(ratio(1, 32)).toBe('0.0313'); // 0.03125: half-up, not banker's
    expect(ratio(0, 5)).toBe('0.0000');
    expect(ratio(3, 0)).toBeNull();
  });
});

describe('session access', () => {
  it('lets coordinators and referents manage sessions alike', async () => {
    const s = await coordinator.post('/api/sessions', { kind: 'group_meeting', title: 'Réunion GECS', startsAt: '2025-02-01T10:00:00+01:00' });
    expect(s.status).toBe(201);
    expect((await referent.post(`/api/sessions/${s.body.id}/held`, {})).status).toBe(200);
  });
});
