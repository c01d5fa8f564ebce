import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../backend/src/app.ts';
import { loadConfig, type Config } from '../../backend/src/config.ts';
import type { Database } from '../../backend/src/db/knex.ts';
import { createTestDatabase } from './db.ts';

/** The application on its own fresh database, for one test file. */
export interface TestApp {
  app: Express;
  db: Database;
  config: Config;
  close(): Promise<void>;
}

/** Builds the app on a fresh database. Call close() in afterAll. */
export async function setupApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test' }), ...overrides };
  const app = createApp({ knex: db.knex, engine: db.engine, config, logger: pino({ level: 'silent' }), version: 'test' });
  return { app, db, config, close: () => db.close() };
}

/** A signed-in client: keeps the session cookie and sends the CSRF token on state-changing requests. */
export interface Client {
  csrfToken: string;
  user: { id: string; role: string; householdId?: string; name: string };
  get(url: string): request.Test;
  post(url: string, body?: object): request.Test;
  patch(url: string, body?: object): request.Test;
  put(url: string, body?: object): request.Test;
  delete(url: string): request.Test;
  agent: TestAgent;
}

/** Logs in with staff or household credentials; fails the test when login does not succeed. */
export async function login(app: Express, credentials: { email: string; password: string } | { reference: string; password: string }): Promise<Client> {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send(credentials);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const csrfToken = res.body.csrfToken as string;
  return {
    csrfToken,
    user: res.body.user,
    agent,
    get: (url) => agent.get(url),
    post: (url, body) => agent.post(url).set('X-CSRF-Token', csrfToken).send(body ?? {}),
    patch: (url, body) => agent.patch(url).set('X-CSRF-Token', csrfToken).send(body ?? {}),
    put: (url, body) => agent.put(url).set('X-CSRF-Token', csrfToken).send(body ?? {}),
    delete: (url) => agent.delete(url).set('X-CSRF-Token', csrfToken),
  };
}

/** Asserts the shape every error shares (RFC 9457 problem details) and returns the body. */
export function problem(res: request.Response, status: number, code: string) {
  if (res.status !== status || res.body?.code !== code || !String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected ${status} ${code} problem, got ${res.status} ${res.headers['content-type']} ${JSON.stringify(res.body)}`);
  }
  return res.body as { type: string; title: string; status: number; detail: string; code: string; errors?: Array<{ path: string; message: string }>; requestId: string };
}
