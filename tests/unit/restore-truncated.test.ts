import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreEmbedded } from '../../backend/src/db/backup.ts';
import { restoreMarkerOf } from '../../backend/src/db/data-dir.ts';
import { openEmbedded } from '../../backend/src/db/knex.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-restore-truncated-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('db:restore of a damaged archive', () => {
  it('leaves the DATA_DIR empty when the archive ends early', async () => {
    // An archive shaped like a backup (manifest, password file, a cluster folder), cut in the middle.
    const src = path.join(dir, 'src');
    fs.mkdirSync(path.join(src, 'pg', 'base'), { recursive: true });
    fs.writeFileSync(path.join(src, 'pot-commun-backup.json'), '{"format":1}\n');
    fs.writeFileSync(path.join(src, 'db-password'), 'secret\n');
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(src, 'pg', 'base', `f${i}`), crypto.randomBytes(64 * 1024));
    const whole = path.join(dir, 'whole.tar.gz');
    await tar.create({ gzip: true, file: whole, cwd: src, portable: true }, ['pot-commun-backup.json', 'db-password', 'pg']);
    const cut = path.join(dir, 'cut.tar.gz');
    fs.writeFileSync(cut, fs.readFileSync(whole).subarray(0, Math.floor(fs.statSync(whole).size / 2)));

    const target = path.join(dir, 'target');
    await expect(restoreEmbedded(cut, target)).rejects.toThrow();
    // Give any write still in flight the time to land: what is left is what the operator finds.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('is never opened as a database when a restore was killed half-way', async () => {
    // What a restore killed during its extraction leaves: its marker and some of the files.
    const half = path.join(dir, 'half');
    fs.mkdirSync(path.join(half, 'pg'), { recursive: true });
    fs.writeFileSync(path.join(half, 'db-password'), 'secret\n');
    fs.writeFileSync(restoreMarkerOf(half), 'interrupted\n');
    for (const role of ['server', 'cli'] as const) {
      await expect(openEmbedded(half, role)).rejects.toThrow(/interrupted restore/);
    }
    // Nothing was started or created in it.
    expect(fs.readdirSync(half).sort()).toEqual(['db-password', 'pg', 'restore.incomplete']);
    expect(fs.readdirSync(path.join(half, 'pg'))).toEqual([]);
  });
});
