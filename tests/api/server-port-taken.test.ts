/**
 * npm start on a port another program already listens on must fail and say so, not announce that it
 * is running while it serves nothing and keeps DATA_DIR (a later, correct start is then refused).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../backend/src/config.ts';
import { clusterDirOf, runningPostmaster } from '../../backend/src/db/embedded.ts';
import { embeddedEnv } from '../helpers/child-server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-port-taken-'));
const squatter = net.createServer();
afterAll(async () => {
  await new Promise((resolve) => squatter.close(resolve));
  const pm = runningPostmaster(clusterDirOf(dataDir));
  if (pm) process.kill(pm.pid, 'SIGQUIT');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on a port in use', () => {
  it('exits with a non-zero code instead of claiming to run', async () => {
    // Listening on every interface, as the server itself does.
    await new Promise<void>((resolve) => squatter.listen(0, () => resolve()));
    const port = (squatter.address() as net.AddressInfo).port;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'backend/src/server.ts')], {
      cwd: PROJECT_ROOT,
      env: embeddedEnv(dataDir, { PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const timeout = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 60_000));
    const result = await Promise.race([exited, timeout]);
    if (result === 'still running') {
      child.kill('SIGTERM');
      await exited;
    }
    expect(out).not.toMatch(/is running on/);
    expect(result, out).not.toBe('still running');
    expect(result).not.toBe(0);
    expect(out).toContain(`cannot listen on port ${port}: another program already listens on it`);
    // It gave DATA_DIR back: its cluster is stopped and the lock released, so a correct start is not refused.
    expect(runningPostmaster(clusterDirOf(dataDir))).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'owner.lock'))).toBe(false);
  }, 120_000);
});
