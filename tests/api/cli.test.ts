import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../backend/src/config.ts';
import { openEmbedded } from '../../backend/src/db/knex.ts';
import { verifyPassword } from '../../backend/src/modules/auth/passwords.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function admin(args: string[], password?: string) {
  // The same configuration as npm start: here an embedded database in a fresh DATA_DIR.
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...(password ? { POT_COMMUN_PASSWORD: password } : {}) };
  if (!password) delete env.POT_COMMUN_PASSWORD;
  return run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'backend/src/cli/admin.ts'), ...args], { env, cwd: PROJECT_ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

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

    const db = await openEmbedded(path.join(dataDir, 'pglite'));
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
