import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApp, type TestApp } from '../helpers/app.ts';

// A built web app as Vite writes it: hashed assets with their source maps beside them.
let dist: string;
let production: TestApp;
let development: TestApp;
beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-web-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Pot commun</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1);\n//# sourceMappingURL=index-abc123.js.map\n');
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":["../src/app/App.tsx"]}');
  production = await setupApp({ env: 'production', webDistDir: dist });
  development = await setupApp({ env: 'development', webDistDir: dist });
});
afterAll(async () => {
  await production.close();
  await development.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the web app in production', () => {
  it('serves the scripts but not their source maps, however the name is written', async () => {
    const script = await request(production.app).get('/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain('console.log(1)');
    for (const url of ['/assets/index-abc123.js.map', '/assets/index-abc123.js%2Emap', '/assets/index-abc123.js%2emap', '/assets/index-abc123.js.MAP']) {
      const res = await request(production.app).get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
      expect(res.text).not.toContain('sources');
    }
  });

  it('still serves them outside production, so that the check above is not vacuous', async () => {
    const res = await request(development.app).get('/assets/index-abc123.js.map');
    expect(res.status).toBe(200);
    expect(res.text).toContain('App.tsx');
  });
});

describe('Permissions-Policy', () => {
  it('is sent on every response: API, problems, the web app and its files', async () => {
    const responses = await Promise.all([
      request(production.app).get('/api/health'),
      request(production.app).get('/api/nowhere'),
      request(production.app).get('/'),
      request(production.app).get('/households/some-id'),
      request(production.app).get('/assets/index-abc123.js'),
      request(production.app).get('/assets/index-abc123.js.map'),
      request(production.app).post('/api/auth/login').send({}),
    ]);
    for (const res of responses) {
      const policy = String(res.headers['permissions-policy']);
      for (const denied of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'clipboard-read=()']) expect(policy).toContain(denied);
      expect(policy).toContain('clipboard-write=(self)');
    }
  });

  it('denies each feature with an empty list and allows nothing to other origins', async () => {
    const policy = String((await request(production.app).get('/api/health')).headers['permissions-policy']);
    const entries = policy.split(', ').map((e) => e.split('='));
    expect(entries.length).toBeGreaterThanOrEqual(20);
    for (const [feature, allow] of entries) expect({ feature, allow }).toEqual({ feature, allow: feature === 'clipboard-write' ? '(self)' : '()' });
  });
});
