import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { listRoutes } from '../helpers/routes.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

let t: TestApp;
let household: Client;
let ownId: string;
let otherHouseholdId: string;
let staffId: string;
let referent: Client;
beforeAll(async () => {
  t = await setupApp();
  const own = await makeActivatedHousehold(t.db.knex);
  const other = await makeActivatedHousehold(t.db.knex);
  ownId = own.id;
  otherHouseholdId = other.id;
  household = await login(t.app, { reference: own.reference, password: HOUSEHOLD_PASSWORD });
  const staff = await makeStaff(t.db.knex, { role: 'referent' });
  staffId = staff.id;
  referent = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
});
afterAll(() => t.close());

const apiRoutes = () => listRoutes(t.app).filter((r) => r.path.startsWith('/api/'));
const send = (client: Client | null, method: string, url: string) => {
  if (!client) return (request(t.app) as unknown as Record<string, (u: string) => request.Test>)[method.toLowerCase()]!(url).send({});
  const m = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
  return m === 'get' || m === 'delete' ? client[m](url) : client[m](url, {});
};
/** Fills route parameters: household ids with the given one, other ids with a staff member's. */
const fill = (path: string, householdId: string) =>
  path.replace(/^\/api\/households\/:id/, `/api/households/${householdId}`).replace(/:id/g, staffId).replace(/:(\w+)/g, householdId);

describe('access policies', () => {
  it('finds the API routes in the real router', () => {
    const names = apiRoutes().map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(expect.arrayContaining(['GET /api/health', 'POST /api/auth/login', 'GET /api/households/:id', 'POST /api/households/:id/activation']));
    expect(names.length).toBeGreaterThanOrEqual(15);
  });

  it('gives every /api route an access policy as its first handler', () => {
    const missing = apiRoutes().filter((r) => !('policy' in r.handlers[0]!));
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('keeps only health, login and activation public', () => {
    const open = apiRoutes()
      .filter((r) => (r.handlers[0] as unknown as { policy: { name: string } }).policy.name === 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(open).toEqual(['GET /api/health', 'POST /api/auth/activate', 'POST /api/auth/login']);
  });

  it('answers 401 to anonymous requests on every other route', async () => {
    for (const route of apiRoutes()) {
      if ((route.handlers[0] as unknown as { policy: { name: string } }).policy.name === 'public') continue;
      const res = await send(null, route.method, fill(route.path, otherHouseholdId));
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
      problem(res, 401, 'unauthenticated');
    }
  });

  it("answers 404 to a household on every route that takes another household's or anyone else's id", async () => {
    const withIds = apiRoutes().filter((r) => r.path.includes(':'));
    expect(withIds.length).toBeGreaterThanOrEqual(5);
    for (const route of withIds) {
      const res = await send(household, route.method, fill(route.path, otherHouseholdId));
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 404 });
    }
    expect(await t.db.knex('activation_codes').where({ household_id: otherHouseholdId })).toHaveLength(0);
  });

  it('lets a household read its own record and nothing of staff routes', async () => {
    expect((await household.get(`/api/households/${ownId}`)).status).toBe(200);
    problem(await household.get(`/api/households/${ownId}/history`), 404, 'not_found');
    problem(await household.get('/api/households'), 404, 'not_found');
    problem(await household.get('/api/users'), 404, 'not_found');
    problem(await household.patch(`/api/households/${ownId}`, { displayName: 'Self-edited' }), 404, 'not_found');
    problem(await household.post(`/api/households/${ownId}/activation`), 404, 'not_found');
  });

  it('keeps user management for coordinators: a referent gets 403', async () => {
    problem(await referent.post('/api/users', { email: 'x@example.org', name: 'X', role: 'referent', password: 'long-enough-pass-1' }), 403, 'forbidden');
    problem(await referent.patch(`/api/users/${staffId}`, { active: false }), 403, 'forbidden');
    expect((await referent.get('/api/users')).status).toBe(200);
  });
});

describe('hostile input', () => {
  it('never answers 500, whatever the body, query or id', async () => {
    const coordinator = await makeStaff(t.db.knex, { role: 'coordinator' });
    const client = await login(t.app, { email: coordinator.email, password: STAFF_PASSWORD });
    const bodies: unknown[] = [
      [], 'text', 0, true, { '__proto__': { admin: true } }, { constructor: { prototype: {} } },
      { displayName: 'x'.repeat(10_000) }, { members: 'all' }, { members: [null] }, { email: { $ne: null } },
      { monthlyIncome: '1e309' }, { monthlyIncome: '99999999999999.99' }, { dependents: 1e300 }, { code: '\u0000' },
      { password: '\ud800' }, { name: ['a'] }, { active: 'false' }, { role: 'household' },
    ];
    const ids = ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '%00', "1' OR '1'='1", 'x'.repeat(300)];
    for (const route of apiRoutes()) {
      if (route.path === '/api/auth/logout') continue;
      // Every hostile id with a plain body, and every hostile body with each id: params and body are
      // parsed independently, so the full cross product would only repeat the same checks.
      for (const [index, id] of (route.path.includes(':') ? ids : [undefined]).entries()) {
        const url = id === undefined ? route.path : route.path.replace(/:\w+/g, encodeURIComponent(id));
        for (const body of route.method === 'GET' ? [undefined] : index === 0 ? bodies : bodies.slice(0, 3)) {
          const m = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
          const res =
            m === 'get'
              ? await client.get(`${url}?page=-1&q[]=x&pageSize=abc&role=%00`)
              : await client.agent[m](url).set('X-CSRF-Token', client.csrfToken).set('Content-Type', 'application/json').send(JSON.stringify(body));
          expect({ route: `${route.method} ${url}`, body, status: res.status < 500 }).toEqual({ route: `${route.method} ${url}`, body, status: true });
        }
      }
    }
    // Thousands of requests: its own time limit, so that it grows with the API without failing on time.
  }, 180_000);
});
