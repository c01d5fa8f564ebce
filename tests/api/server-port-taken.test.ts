/**
 * npm start on a port another program already listens on must fail and say so, not announce that it
 * is running while it serves nothing and keeps DATA_DIR (a later, correct start is then refused).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../backend/src/config.ts';
import { clusterDirOf, runningPostmaster } from '../../backend/src/db/embedded.ts';
import { embeddedEnv, freePort } from '../helpers/child-server.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-port-taken-'));
// Run as root, the cluster runs as the postgres user, which must reach the folders inside (mkdtemp makes 0700).
fs.chmodSync(root, 0o711);
const squatters: net.Server[] = [];
afterAll(async () => {
  for (const s of squatters) await new Promise((resolve) => s.close(resolve));
  for (const dir of fs.readdirSync(root)) {
    const pm = runningPostmaster(clusterDirOf(path.join(root, dir)));
    if (pm) process.kill(pm.pid, 'SIGQUIT');
  }
  fs.rmSync(root, { recursive: true, force: true });
});

/** Listens on every interface, as the server itself does. */
async function squat(port = 0): Promise<number> {
  const squatter = net.createServer();
  squatters.push(squatter);
  await new Promise<void>((resolve) => squatter.listen(port, () => resolve()));
  return (squatter.address() as net.AddressInfo).port;
}

/** Starts the server on dataDir and port; `during` runs while it starts. Resolves with its exit code (or 'still running' after 60 s) and its output. */
async function start(dataDir: string, port: number, during: () => Promise<void> = async () => {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'backend/src/server.ts')], {
    cwd: PROJECT_ROOT,
    env: embeddedEnv(dataDir, { PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  await during();
  const timeout = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 60_000));
  const result = await Promise.race([exited, timeout]);
  if (result === 'still running') {
    child.kill('SIGTERM');
    await exited;
  }
  return { result, out };
}

describe('npm start on a port in use', () => {
  it('exits with a non-zero code instead of claiming to run, before it touches DATA_DIR', async () => {
    const dataDir = path.join(root, 'before');
    const port = await squat();
    const { result, out } = await start(dataDir, port);
    expect(out).not.toMatch(/is running on/);
    expect(result, out).not.toBe('still running');
    expect(result).not.toBe(0);
    expect(out).toContain(`cannot listen on port ${port}: another program already listens on it`);
    // Refused before the database: no cluster made (nor demo logins printed to a server that never served).
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 120_000);

  it('when the port is taken while the database opens, gives DATA_DIR back and exits non-zero', async () => {
    const dataDir = path.join(root, 'during');
    const port = await freePort();
    // Taken once the cluster runs: the server's early check passed, and migrations and demo data take seconds more.
    const { result, out } = await start(dataDir, port, async () => {
      const deadline = Date.now() + 60_000;
      while (!fs.existsSync(path.join(clusterDirOf(dataDir), 'postmaster.pid')) && Date.now() < deadline) await sleep(20);
      await squat(port);
    });
    expect(out).not.toMatch(/is running on/);
    expect(result, out).not.toBe('still running');
    expect(result).not.toBe(0);
    expect(out).toContain(`cannot listen on port ${port}: another program already listens on it`);
    // It gave DATA_DIR back: its cluster is stopped and the lock released, so a correct start is not refused.
    expect(runningPostmaster(clusterDirOf(dataDir))).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'owner.lock'))).toBe(false);
  }, 120_000);
});
