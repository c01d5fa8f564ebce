import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../backend/src/db/migrate.ts';

// A merged migration has already run on someone's database: editing it would leave that database with a
// schema no migration describes. migrations/SHA256SUMS (the `sha256sum` format, so `sha256sum -c` works
// there too) records every migration as merged; a change of schema or data is a new file, added to it.
const SUMS = path.join(MIGRATIONS_DIR, 'SHA256SUMS');

function recorded(): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of fs.readFileSync(SUMS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new Error(`unreadable line in SHA256SUMS: ${line}`);
    sums.set(m[2]!, m[1]!);
  }
  return sums;
}

describe('merged migrations', () => {
  const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => /\.(ts|js)$/.test(f)).sort();

  it('are never edited: each file still has the checksum it was merged with', () => {
    const sums = recorded();
    const changed = files.filter((f) => {
      const sum = sums.get(f);
      return sum !== undefined && sum !== crypto.createHash('sha256').update(fs.readFileSync(path.join(MIGRATIONS_DIR, f))).digest('hex');
    });
    expect(changed, 'edited after merge: write a new migration instead').toEqual([]);
  });

  it('are all recorded, and none recorded has disappeared', () => {
    const sums = recorded();
    expect(files.filter((f) => !sums.has(f)), 'add the new migration to migrations/SHA256SUMS').toEqual([]);
    expect([...sums.keys()].filter((f) => !files.includes(f)), 'a merged migration was removed').toEqual([]);
  });

  it('sort after every migration before them: a new one never slips in between merged ones', () => {
    const names = [...recorded().keys()];
    expect(names).toEqual([...names].sort());
  });
});
