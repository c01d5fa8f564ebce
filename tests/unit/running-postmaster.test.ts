import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningPostmaster } from '../../backend/src/db/embedded.ts';

// After a kill -9 or a power cut, DATA_DIR/pg/postmaster.pid names a pid that may since belong to
// another process. npm start stops "the orphan" it names (SIGINT, then SIGQUIT): it must be this
// folder's postmaster, not any process whose command line says "postgres" (another cluster on the
// machine, e.g. Debian's PostgreSQL 15, which SIGINT shuts down).
let dir: string;
let other: ChildProcess;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-stale-pid-'));
  other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', '/usr/lib/postgresql/15/bin/postgres', '-D', '/var/lib/postgresql/15/main'], { stdio: 'ignore' });
  await new Promise((resolve) => other.once('spawn', resolve));
});
afterAll(() => {
  other.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('runningPostmaster', () => {
  it('does not take another PostgreSQL named by a stale postmaster.pid for this folder’s server', () => {
    const pgDir = path.join(dir, 'pg');
    fs.mkdirSync(pgDir);
    fs.writeFileSync(path.join(pgDir, 'postmaster.pid'), `${other.pid}\n${pgDir}\n1796413000\n5432\n\n127.0.0.1\n  1234   5678\nready   \n`);
    expect(runningPostmaster(pgDir)).toBeNull();
  });

  it('still recognises a live server of this folder (a postgres process whose working folder is the cluster)', async () => {
    // Not weaker than before for the real case: a postmaster changes into its data folder.
    const pgDir = path.join(dir, 'pg-live');
    fs.mkdirSync(pgDir);
    const mine = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'postgres', '-D', pgDir], { cwd: pgDir, stdio: 'ignore' });
    try {
      await new Promise((resolve) => mine.once('spawn', resolve));
      fs.writeFileSync(path.join(pgDir, 'postmaster.pid'), `${mine.pid}\n${pgDir}\n1796413000\n5432\n\n127.0.0.1\n  1234   5678\nready   \n`);
      expect(runningPostmaster(pgDir)).toEqual({ pid: mine.pid, port: 5432, ready: true });
    } finally {
      mine.kill('SIGKILL');
    }
  });
});
