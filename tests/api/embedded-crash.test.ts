/**
 * Crash safety of the embedded engine, on the real server in a child process: every request answered
 * 2xx before a kill -9 is there after the next start, which comes up by itself — whether the kill hit
 * the server alone (its PostgreSQL left running as an orphan) or its whole process group.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../backend/src/config.ts';
import pg from 'pg';
import { APP_DATABASE, clusterDirOf, openCluster, runningPostmaster } from '../../backend/src/db/embedded.ts';
import { pidAlive } from '../../backend/src/db/owner-lock.ts';
import { embeddedEnv, loginTo, spawnServer, stopServer, waitUntilUp, type ChildServer } from '../helpers/child-server.ts';
import { testServer } from '../helpers/template.ts';

const run = promisify(execFile);
const credentials = { email: 'crash@service.be', password: 'survit-au-kill-9' };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-crash-'));
let server: ChildServer | undefined;
/** Every household whose creation was answered 201, across the kills. */
const acknowledged: string[] = [];

beforeAll(async () => {
  // A coordinator made with the admin tool: the folder is then not empty, so no demo data is seeded.
  await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'backend/src/cli/admin.ts'), 'create-user', '--email', credentials.email, '--role', 'coordinator', '--name', 'Crash Test'], {
    env: embeddedEnv(dataDir, { POT_COMMUN_PASSWORD: credentials.password }),
    cwd: PROJECT_ROOT,
  });
}, 60_000);
afterAll(async () => {
  if (server) {
    await stopServer(server);
    // If the server could not stop its cluster, do not leave it behind.
    const pm = runningPostmaster(clusterDirOf(dataDir));
    if (pm) process.kill(pm.pid, 'SIGQUIT');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the server, logs in, and checks every acknowledged household is there. */
async function startAndVerify(label: string) {
  server = await spawnServer(dataDir);
  const upMs = await waitUntilUp(server);
  const { client } = await loginTo(server.url, credentials);
  expect(client, server.output()).not.toBeNull();
  const res = await client!.get('/api/households?pageSize=100');
  expect(res.status).toBe(200);
  const ids = new Set(((await res.json()) as { items: Array<{ id: string }> }).items.map((h) => h.id));
  const missing = acknowledged.filter((id) => !ids.has(id));
  expect(missing, `${label}: acknowledged but lost`).toEqual([]);
  // The figures of the run, for the record (docs and CI logs).
  process.stdout.write(`[crash] ${label}: back up in ${upMs} ms, ${acknowledged.length} acknowledged writes verified\n`);
  return client!;
}

/** Writes households one after the other until `count` more are acknowledged, then kills while the next request is in flight. */
async function writeThenKill(client: NonNullable<Awaited<ReturnType<typeof loginTo>>['client']>, count: number, kill: () => void) {
  let answered = 0;
  while (answered < count) {
    const res = await client.post('/api/households', { displayName: `Famille Durable ${acknowledged.length + 1}` });
    expect(res.status).toBe(201);
    acknowledged.push(((await res.json()) as { id: string }).id);
    answered++;
  }
  // One more request on its way when the kill lands: its outcome is unknown to the client, and it may or may not be there.
  const inFlight = client.post('/api/households', { displayName: 'Famille En Vol' }).catch(() => undefined);
  kill();
  await server!.exited;
  await inFlight;
}

describe.skipIf(testServer().engine !== 'embedded')('the embedded engine after kill -9', () => {
  it('keeps every acknowledged write when the server alone is killed (its PostgreSQL orphaned), and comes up by itself', async () => {
    const client = await startAndVerify('first start');
    const pgBefore = runningPostmaster(clusterDirOf(dataDir))!;
    // What makes a 2xx durable (a kill -9 alone cannot tell: the OS cache survives it, a power cut does not).
    const cluster = await openCluster(dataDir, { role: 'cli' });
    expect(cluster.owned).toBe(false);
    const pgClient = new pg.Client({ connectionString: cluster.url(APP_DATABASE) });
    await pgClient.connect();
    try {
      const settings = await pgClient.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'listen_addresses') ORDER BY name`,
      );
      expect(settings.rows).toEqual([
        { name: 'fsync', setting: 'on' },
        { name: 'full_page_writes', setting: 'on' },
        { name: 'listen_addresses', setting: '127.0.0.1' },
        { name: 'synchronous_commit', setting: 'on' },
      ]);
    } finally {
      await pgClient.end();
    }
    await writeThenKill(client, 20, () => server!.process.kill('SIGKILL'));
    // The orphan is still running on the folder: the next start must deal with it.
    expect(runningPostmaster(clusterDirOf(dataDir))?.pid).toBe(pgBefore.pid);
    await startAndVerify('after kill -9 of the server alone');
    expect(pidAlive(pgBefore.pid)).toBe(false);
    expect(await stopServer(server!)).toMatchObject({ code: 0 });
  }, 120_000);

  it('keeps every acknowledged write when the whole process group is killed, PostgreSQL included', async () => {
    const client = await startAndVerify('before the group kill');
    const pg = runningPostmaster(clusterDirOf(dataDir))!;
    await writeThenKill(client, 20, () => process.kill(-server!.process.pid!, 'SIGKILL'));
    for (let i = 0; i < 100 && pidAlive(pg.pid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(pidAlive(pg.pid)).toBe(false);
    await startAndVerify('after kill -9 of the process group');
    expect(acknowledged).toHaveLength(40);
  }, 120_000);
});
