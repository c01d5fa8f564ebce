import crypto from 'node:crypto';
import { openPostgres, type Database } from '../../backend/src/db/knex.ts';
import { postgresTemplateName, testServer, withDatabase } from './template.ts';

/**
 * A fresh, migrated database for one test file: a copy of the template the global setup migrated,
 * on the run's embedded cluster or, with TEST_DATABASE_URL, on that PostgreSQL. close() drops it.
 */
export async function createTestDatabase(): Promise<Database> {
  const { url, engine } = testServer();
  const name = `pot_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = openPostgres(url, 1);
  try {
    await admin.knex.raw(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName()}`);
  } finally {
    await admin.close();
  }
  const db = openPostgres(withDatabase(url, name), 5, engine);
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
