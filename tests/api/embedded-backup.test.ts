/**
 * npm run db:backup while the server takes writes, npm run db:restore elsewhere, and a server on the
 * restored folder: the backup holds a consistent state — exactly the first k writes, k at least every
 * write acknowledged before the backup began — and the password file travelled with it.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../backend/src/config.ts';
import { clusterDirOf, runningPostmaster } from '../../backend/src/db/embedded.ts';
import { embeddedEnv, loginTo, spawnServer, stopServer, waitUntilUp, type ChildServer } from '../helpers/child-server.ts';
import { testServer } from '../helpers/template.ts';

const run = promisify(execFile);
const credentials = { email: 'sauvegarde@service.be', password: 'copie-à-chaud-2026' };
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-backup-'));
// Run as root, the clusters run as the postgres user, which must reach the folders inside (mkdtemp makes 0700).
fs.chmodSync(root, 0o711);
const source = path.join(root, 'source');
const restored = path.join(root, 'restored');
const archive = path.join(root, 'pot-commun.tar.gz');
const servers: ChildServer[] = [];
afterAll(async () => {
  for (const s of servers) await stopServer(s);
  fs.rmSync(root, { recursive: true, force: true });
});

function tool(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], { env, cwd: PROJECT_ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
const backupTool = (dataDir: string, args: string[], extra: NodeJS.ProcessEnv = {}) => tool('backend/src/cli/backup.ts', args, embeddedEnv(dataDir, extra));

async function householdNames(server: ChildServer): Promise<string[]> {
  const { client } = await loginTo(server.url, credentials);
  expect(client, server.output()).not.toBeNull();
  const names: string[] = [];
  for (let page = 1; ; page++) {
    const res = await client!.get(`/api/households?pageSize=100&page=${page}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ displayName: string }>; total: number };
    names.push(...body.items.map((h) => h.displayName));
    if (body.items.length === 0 || names.length >= body.total) return names;
  }
}

describe.skipIf(testServer().engine !== 'embedded')('npm run db:backup / db:restore on the embedded engine', () => {
  it('backs up under load, restores into an empty folder only, and the restored server has a consistent prefix of the writes', async () => {
    const made = await tool('backend/src/cli/admin.ts', ['create-user', '--email', credentials.email, '--role', 'coordinator', '--name', 'Sauvegarde'], embeddedEnv(source, { POT_COMMUN_PASSWORD: credentials.password }));
    expect(made.code, made.stderr).toBe(0);
    const server = await spawnServer(source);
    servers.push(server);
    await waitUntilUp(server);
    const { client } = await loginTo(server.url, credentials);

    // One writer, one household after the other, numbered: a consistent backup holds 1…k with no gap.
    let sent = 0;
    let acknowledged = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const n = ++sent;
        const res = await client!.post('/api/households', { displayName: `Famille Sauvegarde ${n}` });
        expect(res.status).toBe(201);
        acknowledged = n;
      }
    })();
    while (acknowledged < 10) await new Promise((r) => setTimeout(r, 20));

    const ackedBefore = acknowledged;
    const t0 = Date.now();
    const backup = await backupTool(source, ['backup', '--out', archive]);
    const backupMs = Date.now() - t0;
    const sentBeforeEnd = sent;
    const ackedDuring = acknowledged - ackedBefore;
    writing = false;
    await writer;
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`written to ${archive}`);
    // The archive holds the database and its password: the owner's only, and nothing left beside it.
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(root).filter((f) => f.startsWith('.pot-commun-backup-') || f.endsWith('.partial'))).toEqual([]);
    // The backup really ran under load.
    expect(ackedDuring).toBeGreaterThan(0);
    process.stdout.write(`[backup] ${(fs.statSync(archive).size / 1e6).toFixed(2)} MB in ${backupMs} ms (tool process included), ${ackedDuring} writes acknowledged during it; ${backup.stdout}`);

    // Refuses a folder that is not empty, and leaves it as it was.
    fs.mkdirSync(restored);
    fs.writeFileSync(path.join(restored, 'notes.txt'), 'keep me');
    const refused = await backupTool(restored, ['restore', archive]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('is not empty');
    expect(fs.readdirSync(restored)).toEqual(['notes.txt']);
    fs.rmSync(path.join(restored, 'notes.txt'));

    const restore = await backupTool(restored, ['restore', archive]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(fs.readFileSync(path.join(restored, 'db-password'), 'utf8')).toBe(fs.readFileSync(path.join(source, 'db-password'), 'utf8'));
    expect(fs.statSync(path.join(restored, 'db-password')).mode & 0o777).toBe(0o600);

    const copy = await spawnServer(restored);
    servers.push(copy);
    await waitUntilUp(copy);
    const names = await householdNames(copy);
    const k = names.length;
    process.stdout.write(`[backup] restored server holds writes 1…${k}: ${ackedBefore} acknowledged before the backup, ${sentBeforeEnd} sent before it ended\n`);
    expect(k).toBeGreaterThanOrEqual(ackedBefore);
    expect(k).toBeLessThanOrEqual(sentBeforeEnd);
    expect(new Set(names)).toEqual(new Set(Array.from({ length: k }, (_, i) => `Famille Sauvegarde ${i + 1}`)));
    // The source kept everything, including what came after the backup.
    expect((await householdNames(server)).length).toBe(acknowledged);
  }, 180_000);

  it('writes the archive 0600 from its first byte, and an interrupted backup leaves no file behind and stops its cluster', async () => {
    const dataDir = path.join(root, 'interrupted');
    const made = await tool('backend/src/cli/admin.ts', ['create-user', '--email', credentials.email, '--role', 'coordinator', '--name', 'Interrompu'], embeddedEnv(dataDir, { POT_COMMUN_PASSWORD: credentials.password }));
    expect(made.code, made.stderr).toBe(0);
    // Created by the tool as root: others may only traverse it, for the postgres user (0700 otherwise, see cli.test.ts).
    expect(fs.statSync(dataDir).mode & 0o777).toBe(process.getuid?.() === 0 ? 0o711 : 0o700);
    const out = path.join(root, 'interrupted.tar.gz');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'backend/src/cli/backup.ts'), 'backup', '--out', out], {
      cwd: PROJECT_ROOT,
      env: embeddedEnv(dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    // The moment the partial archive appears (before tar has written much of it), note its mode and interrupt.
    let partialMode: number | undefined;
    const watcher = fs.watch(root, (_event, name) => {
      if (partialMode !== undefined || name !== 'interrupted.tar.gz.partial') return;
      try {
        partialMode = fs.statSync(`${out}.partial`).mode & 0o777;
      } catch {
        return;
      }
      child.kill('SIGTERM');
    });
    const code = await exited;
    watcher.close();
    expect(partialMode, output).toBe(0o600);
    expect(code, output).toBe(128 + os.constants.signals.SIGTERM);
    expect(output).toContain('Interrupted (SIGTERM): no backup written.');
    expect(fs.readdirSync(root).filter((f) => f.startsWith('.pot-commun-backup-') || f.startsWith('interrupted.tar.gz'))).toEqual([]);
    // The cluster it started for the backup is stopped, and DATA_DIR released.
    expect(runningPostmaster(clusterDirOf(dataDir))).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'owner.lock'))).toBe(false);
  }, 60_000);

  it('points to pg_dump / pg_restore when DATABASE_URL is set', async () => {
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    for (const args of [['backup', '--out', path.join(root, 'x.tar.gz')], ['restore', archive]]) {
      const res = await backupTool(path.join(root, 'unused'), args, env);
      expect(res.code).not.toBe(0);
      expect(res.stderr).toContain(args[0] === 'backup' ? 'pg_dump' : 'pg_restore');
    }
    expect(fs.existsSync(path.join(root, 'unused'))).toBe(false);
  });
});
