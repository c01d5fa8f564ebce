import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemHandler } from '../../backend/src/lib/errors.ts';
import { UNSTORABLE_TEXT_MESSAGE, type RequestSchemas } from '../../backend/src/lib/validate.ts';
import { HOUSEHOLD_PASSWORD, makeActivatedHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';
import { login, problem, setupApp, type Client, type TestApp } from '../helpers/app.ts';
import { listRoutes, type MountedRoute } from '../helpers/routes.ts';

// Text PostgreSQL cannot store as sent: NUL is refused (22021, 22P05) and an unpaired surrogate would be
// silently replaced by U+FFFD. Every route must refuse both with a 400 naming the field, never a 500.
const NUL = 'a\u0000b';
const SURROGATE = 'a\ud800b';

let t: TestApp;
let coordinator: Client;
let household: Client;
let ownHouseholdId: string;
beforeAll(async () => {
  t = await setupApp();
  const staff = await makeStaff(t.db.knex, { role: 'coordinator' });
  coordinator = await login(t.app, { email: staff.email, password: STAFF_PASSWORD });
  const own = await makeActivatedHousehold(t.db.knex);
  ownHouseholdId = own.id;
  household = await login(t.app, { reference: own.reference, password: HOUSEHOLD_PASSWORD });
});
afterAll(() => t.close());

const apiRoutes = () => listRoutes(t.app).filter((r) => r.path.startsWith('/api/'));
const policyOf = (route: MountedRoute) => (route.handlers[0] as unknown as { policy: { name: string } }).policy.name;
const schemasOf = (route: MountedRoute) =>
  (route.handlers.find((h) => 'schemas' in h) as unknown as { schemas: RequestSchemas } | undefined)?.schemas;

/** The route's own top-level field names for a part, or a stand-in when its schema is not a plain object. */
function fieldNames(schema: z.ZodType | undefined, fallback: string): string[] {
  let s: unknown = schema;
  while (s instanceof z.ZodPipe) s = s.in;
  const names = s instanceof z.ZodObject ? Object.keys(s.shape) : [];
  return names.length > 0 ? names : [fallback];
}

const paramNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
const withParams = (path: string, value: string) => path.replace(/:\w+/g, encodeURIComponent(value));

type Caller = { name: 'anonymous'; client: null } | { name: 'coordinator' | 'household'; client: Client };

/** What the route's policy answers this caller before any input is read, or null when it lets it through. */
function policyAnswer(policy: string, caller: Caller, paramsAreOwn: boolean): number | null {
  if (policy === 'public') return null;
  if (caller.name === 'anonymous') return 401;
  const [rolesPart, ownPart] = policy.replace(/^roles:/, '').split(';own:');
  const roles = rolesPart!.split(',');
  if (!roles.includes(caller.name)) return caller.name === 'household' ? 404 : 403;
  if (caller.name === 'household' && ownPart && !paramsAreOwn) return 404;
  return null;
}

function send(caller: Caller, method: string, url: string, body?: object): request.Test {
  const m = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
  if (!caller.client) {
    const r = request(t.app)[m](url);
    return body === undefined ? r : r.set('Content-Type', 'application/json').send(JSON.stringify(body));
  }
  const r = caller.client.agent[m](url).set('X-CSRF-Token', caller.client.csrfToken);
  // Serialised by hand: JSON.stringify writes an unpaired surrogate as the escape "\ud800", as an attacker would.
  return body === undefined ? r : r.set('Content-Type', 'application/json').send(JSON.stringify(body));
}

/** Row counts of every table, and the audit trail's length: a refused request must change none of them. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = (await t.db.knex.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows as Array<{ tablename: string }>;
  const out: Record<string, number> = {};
  for (const { tablename } of tables) {
    const rows = (await t.db.knex.raw(`SELECT count(*)::int AS n FROM "${tablename}"`)).rows as Array<{ n: number }>;
    out[tablename] = rows[0]!.n;
  }
  return out;
}

describe('text the database cannot store', () => {
  it('is refused on every route, in params, query and body, anonymous or signed in, naming each field', async () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(60);
    // Every route validates through handle(), which is where the refusal lives.
    expect(routes.filter((r) => !schemasOf(r)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const before = await snapshot();
    const callers: Caller[] = [
      { name: 'anonymous', client: null },
      { name: 'coordinator', client: coordinator },
      { name: 'household', client: household },
    ];
    let refusedByValidation = 0;
    for (const caller of callers) {
      for (const route of routes) {
        const policy = policyOf(route);
        const schemas = schemasOf(route)!;
        const label = `${caller.name} ${route.method} ${route.path}`;
        // Valid-looking ids elsewhere: the household's own, so that its own routes reach validation.
        const plainUrl = withParams(route.path, ownHouseholdId);
        const cases: Array<{ what: string; url: string; body?: object; fields: string[]; paramsAreOwn: boolean }> = [];
        if (paramNames(route.path).length > 0) {
          cases.push({ what: 'params', url: withParams(route.path, NUL), fields: paramNames(route.path).map((p) => `params.${p}`), paramsAreOwn: false });
        }
        const queryFields = fieldNames(schemas.query, 'q');
        cases.push({
          what: 'query',
          url: `${plainUrl}?${queryFields.map((f) => `${f}=${encodeURIComponent(NUL)}`).join('&')}`,
          fields: queryFields.map((f) => `query.${f}`),
          paramsAreOwn: true,
        });
        if (route.method !== 'GET') {
          const bodyFields = fieldNames(schemas.body, 'text');
          for (const bad of [NUL, SURROGATE]) {
            cases.push({ what: `body ${JSON.stringify(bad)}`, url: plainUrl, body: Object.fromEntries(bodyFields.map((f) => [f, bad])), fields: bodyFields, paramsAreOwn: true });
          }
        }
        for (const c of cases) {
          const res = await send(caller, route.method, c.url, c.body);
          const expected = policyAnswer(policy, caller, c.paramsAreOwn) ?? 400;
          expect({ request: `${label} ${c.what}`, status: res.status }).toEqual({ request: `${label} ${c.what}`, status: expected });
          expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
          if (expected === 400) {
            refusedByValidation++;
            expect(res.body.code).toBe('validation_failed');
            const named = (res.body.errors as Array<{ path: string; message: string }>).filter((e) => e.message === UNSTORABLE_TEXT_MESSAGE).map((e) => e.path);
            expect({ request: `${label} ${c.what}`, named: named.sort() }).toEqual({ request: `${label} ${c.what}`, named: [...c.fields].sort() });
          }
        }
      }
    }
    // The sweep really reached validation on most routes, not only policies.
    expect(refusedByValidation).toBeGreaterThan(routes.length * 2);
    expect(await snapshot()).toEqual(before);
    // Nobody was logged out or locked out by the sweep.
    expect((await coordinator.get('/api/auth/me')).status).toBe(200);
    expect((await household.get('/api/auth/me')).status).toBe(200);
  }, 180_000);

  it('names only the bad field of an otherwise valid request', async () => {
    const cases: Array<[request.Test, string]> = [
      [request(t.app).post('/api/auth/login').send({ email: `x${NUL}@example.org`, password: STAFF_PASSWORD }), 'email'],
      [request(t.app).post('/api/auth/login').send({ reference: 'H-0001', password: NUL }), 'password'],
      [coordinator.get('/api/households?q=%00'), 'query.q'],
      [coordinator.post('/api/households', { displayName: `Famille ${NUL}` }), 'displayName'],
      [coordinator.post('/api/households', { displayName: 'Famille Nouvelle', notes: SURROGATE }), 'notes'],
      [coordinator.post('/api/households', { displayName: 'Famille Nouvelle', members: [{ firstName: NUL, lastName: 'Nouvelle', kind: 'adult' }] }), 'members.0.firstName'],
      [coordinator.post('/api/users', { email: 'nul@example.org', name: NUL, role: 'referent', password: 'long-enough-pass-1' }), 'name'],
      [coordinator.get(`/api/households/${encodeURIComponent(NUL)}`), 'params.id'],
    ];
    for (const [req, field] of cases) {
      const body = problem(await req, 400, 'validation_failed');
      expect(body.errors).toEqual([{ path: field, message: UNSTORABLE_TEXT_MESSAGE }]);
    }
    expect(await t.db.knex('households').where({ display_name: 'Famille Nouvelle' })).toHaveLength(0);
  });

  it('refuses a deeply nested body of nearly 1 MB quickly, without overflowing the stack', async () => {
    const depth = 400_000;
    const started = Date.now();
    const res = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').send(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`);
    const body = problem(res, 400, 'validation_failed');
    expect(body.errors).toContainEqual({ path: Array.from({ length: depth }, () => '0').join('.'), message: UNSTORABLE_TEXT_MESSAGE });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps accepting real text: accents, emoji (surrogate pairs) and non-Latin scripts', async () => {
    const name = 'Famille Ünal-Nguyễn 👨‍👩‍👧 عائلة';
    const res = await coordinator.post('/api/households', { displayName: name });
    expect(res.status).toBe(201);
    expect(res.body.displayName).toBe(name);
  });

  it('answers a database refusal of such text (the safety net) with a 400 problem, not a 500', async () => {
    const app = express();
    app.get('/text', async () => {
      await t.db.knex.raw('SELECT ?::text', [NUL]);
    });
    app.get('/jsonb', async () => {
      await t.db.knex.raw('SELECT ?::jsonb', [JSON.stringify({ note: NUL })]);
    });
    app.use(problemHandler(pino({ level: 'silent' })));
    problem(await request(app).get('/text'), 400, 'invalid_text');
    problem(await request(app).get('/jsonb'), 400, 'invalid_text');
  });
});
