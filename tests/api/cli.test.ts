import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../backend/src/config.ts';
import { clusterDirOf, runningPostmaster } from '../../backend/src/db/embedded.ts';
import { openEmbedded } from '../../backend/src/db/knex.ts';
import { verifyPassword } from '../../backend/src/modules/auth/passwords.ts';
import { embeddedEnv, freePort, loginTo, spawnServer, stopServer, waitUntilUp, type ChildServer } from '../helpers/child-server.ts';

const run = promisify(execFile);
const execFileSyncText = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' }).trim();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-cli-'));
let server: ChildServer | undefined;
afterAll(async () => {
  if (server) await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function tool(script: string, args: string[], password?: string) {
  // The same configuration as npm start: here an embedded database in a fresh DATA_DIR.
  const env = embeddedEnv(dataDir, password ? { POT_COMMUN_PASSWORD: password } : {});
  if (!password) delete env.POT_COMMUN_PASSWORD;
  return run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], { env, cwd: PROJECT_ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
const admin = (args: string[], password?: string) => tool('backend/src/cli/admin.ts', args, password);

describe('npm run admin -- create-user', () => {
  it('creates the first coordinator on a fresh database, with the password from POT_COMMUN_PASSWORD', async () => {
    const res = await admin(['create-user', '--email', 'Chef@Service.be', '--role', 'coordinator', '--name', 'Marie Dubois'], 'premier-accès-2026');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Created coordinator Marie Dubois <chef@service.be>');

    const again = await admin(['create-user', '--email', 'chef@service.be', '--role', 'referent', '--name', 'Other'], 'premier-accès-2026');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');

    const weak = await admin(['create-user', '--email', 'b@service.be', '--role', 'referent', '--name', 'B'], 'short');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 10 characters');

    const usage = await admin(['create-user', '--email', 'c@service.be', '--role', 'household', '--name', 'C'], 'long-enough-pass-1');
    expect(usage.code).toBe(2);

    const noPassword = await admin(['create-user', '--email', 'd@service.be', '--role', 'referent', '--name', 'D']);
    expect(noPassword.code).not.toBe(0);
    expect(noPassword.stderr).toContain('POT_COMMUN_PASSWORD');

    // Each command started the cluster and stopped it again: nothing is left running on the folder.
    expect(runningPostmaster(clusterDirOf(dataDir))).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'owner.lock'))).toBe(false);
    expect(fs.statSync(path.join(dataDir, 'db-password')).mode & 0o777).toBe(0o600);

    const db = await openEmbedded(dataDir, 'cli');
    try {
      const users = await db.knex('users').select('email', 'role', 'password_hash');
      expect(users.map((u) => [u.email, u.role])).toEqual([['chef@service.be', 'coordinator']]);
      expect(await verifyPassword(users[0].password_hash, 'premier-accès-2026')).toBe(true);
      const audit = await db.knex('audit_log').where({ entity_type: 'users' }).first();
      expect(audit.actor_label).toBe('system:admin-cli');
    } finally {
      await db.close();
    }
  }, 120_000);
});

// CI runs as root, where the cluster runs as the postgres user; a developer runs as themselves.
const canRunAsNobody = process.getuid?.() === 0 && fs.existsSync('/usr/sbin/runuser');
describe.skipIf(!canRunAsNobody)('the embedded engine for a user who is not root', () => {
  it('initialises, starts and stops the cluster as that user', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-nobody-'));
    try {
      fs.chownSync(home, Number(execFileSyncText('id', ['-u', 'nobody'])), fs.statSync(home).gid);
      const env = { ...embeddedEnv(path.join(home, 'data'), { POT_COMMUN_PASSWORD: 'pas-root-du-tout' }), HOME: home };
      const res = await run('/usr/sbin/runuser', ['-u', 'nobody', '--', process.execPath, '--import', 'tsx', path.join(PROJECT_ROOT, 'backend/src/cli/admin.ts'), 'create-user', '--email', 'dev@service.be', '--role', 'coordinator', '--name', 'Dev'], { env, cwd: PROJECT_ROOT });
      expect(res.stdout).toContain('Created coordinator Dev <dev@service.be>');
      expect(fs.statSync(path.join(home, 'data', 'pg')).uid).toBe(fs.statSync(home).uid);
      // A DATA_DIR it created is its own only.
      expect(fs.statSync(path.join(home, 'data')).mode & 0o777).toBe(0o700);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('one owner per DATA_DIR, and the tools while the server runs', () => {
  it('refuses a second server on the same folder at once; admin and db:migrate work on the running one', async () => {
    server = await spawnServer(dataDir);
    await waitUntilUp(server);
    const { pid, port } = runningPostmaster(clusterDirOf(dataDir))!;
    // The cluster listens on loopback only, and was not seeded (the folder already had a user).
    expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('listen_addresses=127.0.0.1');
    expect((await loginTo(server.url, { email: 'coordination@demo.potcommun.be', password: 'Logement-solidaire-2026' })).status).toBe(401);

    const started = Date.now();
    const second = await spawnServer(dataDir);
    const ended = await second.exited;
    expect(ended.code).toBe(1);
    expect(second.output()).toContain(`DATA_DIR ${dataDir} is in use by a running server (npm start), pid ${server.process.pid}`);
    expect(Date.now() - started).toBeLessThan(15_000);
    // The first server's cluster was not touched.
    expect(runningPostmaster(clusterDirOf(dataDir))).toMatchObject({ pid, port });

    // npm start itself refuses before it builds the web app: the build would replace the files the
    // running server serves (it answered 503 meanwhile), and took seconds before the refusal came.
    const npmStart = await run('npm', ['start'], { cwd: PROJECT_ROOT, env: embeddedEnv(dataDir, { PORT: String(await freePort()) }) }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect(npmStart.code, npmStart.out).not.toBe(0);
    expect(npmStart.out).toContain(`DATA_DIR ${dataDir} is in use by a running server (npm start), pid ${server.process.pid}`);
    // Neither npm's header of the build:web script nor vite's report: no build ran.
    expect(npmStart.out).not.toMatch(/@\S+ build:web|built in/);
    expect(runningPostmaster(clusterDirOf(dataDir))).toMatchObject({ pid, port });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    const created = await admin(['create-user', '--email', 'referente@service.be', '--role', 'referent', '--name', 'Anne Peeters'], 'deuxième-accès-2026');
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const login = await loginTo(server.url, { email: 'referente@service.be', password: 'deuxième-accès-2026' });
    expect(login.status).toBe(200);

    const migrate = await tool('backend/src/cli/db.ts', ['migrate']);
    expect(migrate).toMatchObject({ code: 0, stdout: 'Database schema is up to date.\n' });
    // Attached tools stop nothing: the same cluster still serves.
    expect(runningPostmaster(clusterDirOf(dataDir))).toMatchObject({ pid, port });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    expect(await stopServer(server)).toMatchObject({ code: 0 });
    server = undefined;
    expect(runningPostmaster(clusterDirOf(dataDir))).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'owner.lock'))).toBe(false);
  }, 120_000);
});

describe('a DATA_DIR that cannot be opened', () => {
  it('ends npm run db:migrate with the reason for the operator and exit code 1, not a stack trace', async () => {
    const half = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-half-'));
    try {
      fs.writeFileSync(path.join(half, 'restore.incomplete'), 'interrupted\n');
      const env = embeddedEnv(half);
      const res = await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'backend/src/cli/db.ts'), 'migrate'], { env, cwd: PROJECT_ROOT }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(`${half} holds an interrupted restore`);
      expect(res.stderr).not.toMatch(/^\s+at /m);
    } finally {
      fs.rmSync(half, { recursive: true, force: true });
    }
  });
});
