import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { Engine } from '../../backend/src/db/knex.ts';
import { MIGRATIONS_DIR } from '../../backend/src/db/migrate.ts';
import { PROJECT_ROOT } from '../../backend/src/config.ts';

/** The server the tests run on, as the global setup provides it to every test file. */
export interface TestServerInfo {
  /** An admin URL (a role that may create databases): TEST_DATABASE_URL, or the run's embedded cluster. */
  url: string;
  engine: Engine;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testServer: TestServerInfo;
  }
}

/** The server of this test run (inside a test file). */
export function testServer(): TestServerInfo {
  return inject('testServer');
}

/** A hash of every migration file: a migrated template is reused until a migration changes. */
export function migrationsHash(): string {
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    h.update(f);
    h.update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)));
  }
  return h.digest('hex').slice(0, 12);
}

/** Where the test runs keep their throwaway embedded clusters, one folder per run. */
export function testClustersDir(): string {
  return path.join(PROJECT_ROOT, '.tmp', 'test-clusters');
}

/** The name of the migrated template database. */
export function postgresTemplateName(): string {
  return `pot_test_template_${migrationsHash()}`;
}

/** The admin URL of the real PostgreSQL used by tests, when TEST_DATABASE_URL is set. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** The URL of another database on the same server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
