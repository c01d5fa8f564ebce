import crypto from 'node:crypto';
import fs from 'node:fs';
import { openEmbedded, openPostgres, type Database } from '../../backend/src/db/knex.ts';
import { embeddedTemplatePath, postgresTemplateName, testDatabaseUrl, withDatabase } from './template.ts';

/**
 * A fresh, migrated database for one test file: a copy of the template prepared by the global setup,
 * on the embedded engine or, with TEST_DATABASE_URL, on real PostgreSQL. close() drops it.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `pot_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = openPostgres(url, 1);
    try {
      await admin.knex.raw(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName()}`);
    } finally {
      await admin.close();
    }
    const db = openPostgres(withDatabase(url, name), 5);
    return {
      ...db,
      close: async () => {
        await db.close();
        const again = openPostgres(url, 1);
        try {
          await again.knex.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await again.close();
        }
      },
    };
  }
  const dump = new Blob([fs.readFileSync(embeddedTemplatePath())], { type: 'application/x-gzip' });
  return openEmbedded(undefined, dump);
}
