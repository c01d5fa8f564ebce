import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { problem, setupApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await setupApp();
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('answers without login with the engine and version', async () => {
    const res = await request(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: t.db.engine, version: 'test' });
  });

  it('sends security headers', async () => {
    const res = await request(t.app).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('unknown routes and unreadable requests', () => {
  it('answers an unknown API route with a 404 problem', async () => {
    const body = problem(await request(t.app).get('/api/nowhere'), 404, 'route_not_found');
    expect(body.type).toBeTruthy();
    expect(body.title).toBe('Not found');
    expect(body.requestId).toBeTruthy();
  });

  it('answers an unknown method on any path with a 404 problem', async () => {
    problem(await request(t.app).delete('/something'), 404, 'route_not_found');
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    problem(res, 400, 'invalid_json');
  });

  it('answers a body over 1 MB with a 413 problem', async () => {
    const res = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }));
    problem(res, 413, 'payload_too_large');
  });
});
