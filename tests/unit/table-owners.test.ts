/**
 * Each module's tables are named only in that module (docs/ARCHITECTURE.md, "Modules"): the ledger's
 * tables only in modules/ledger/ (a feature embeds the ledger's own SQL when it needs one round trip),
 * and the registry's households table never in statements/ or ledger/ (their owners come from the
 * calling feature). Read from the source text of backend/src.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../backend/src');
const LEDGER_TABLES = ['ledger_accounts', 'ledger_postings', 'journal_entries', 'account_daily_balances', 'month_closings', 'idempotency_keys'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** `file: table` for every file under backend/src outside `allowedDir` whose text names one of the tables. */
function namingOutside(tables: string[], files: string[], allowedDir: string | null): string[] {
  return files
    .filter((file) => allowedDir === null || !file.startsWith(path.join(SRC, allowedDir) + path.sep))
    .flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return tables.filter((t) => new RegExp(`\\b${t}\\b`).test(text)).map((t) => `${path.relative(SRC, file)}: ${t}`);
    });
}

describe('table owners', () => {
  it('name the ledger tables only in modules/ledger', () => {
    expect(namingOutside(LEDGER_TABLES, sourceFiles(SRC), 'modules/ledger')).toEqual([]);
  });

  it('never name the households table in statements or the ledger', () => {
    const files = [...sourceFiles(path.join(SRC, 'modules/statements')), ...sourceFiles(path.join(SRC, 'modules/ledger'))];
    expect(files.length).toBeGreaterThan(3);
    // As a table: quoted, or after FROM/JOIN.
    const offenders = files.filter((f) => /'households(?: as \w+)?'|\b(?:FROM|JOIN)\s+households\b/i.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('sees a table named outside its module (the check itself works)', () => {
    const ledgerFile = sourceFiles(path.join(SRC, 'modules/ledger')).find((f) => f.endsWith('ledger.repository.ts'))!;
    expect(namingOutside(['ledger_postings'], [ledgerFile], 'modules/gecs')).toEqual(['modules/ledger/ledger.repository.ts: ledger_postings']);
  });
});
