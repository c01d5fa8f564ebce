import crypto from 'node:crypto';
import { openAsOwner, openPostgres, type Database } from '../../backend/src/db/knex.ts';
import { appUrlFrom, ensureEmbeddedRoles, OWNER_ROLE } from '../../backend/src/db/roles.ts';
import { dropDatabase } from './databases.ts';
import { postgresTemplateName, testServer, withDatabase } from './template.ts';

/**
 * A fresh, migrated database for one test file: a copy of the template the global setup migrated,
 * on the run's embedded cluster or, with TEST_DATABASE_URL, on that PostgreSQL. close() drops it.
 * On the embedded engine, as npm start: knex is the app role (neither superuser nor owner of the
 * tables), ownerKnex the owner role; with TEST_DATABASE_URL both are that URL's role.
 */
export async function createTestDatabase(): Promise<Database> {
  const { url, engine } = testServer();
  const name = `pot_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = openPostgres(url, 1);
  try {
    const owner = engine === 'embedded' ? ` OWNER ${OWNER_ROLE}` : '';
    await admin.knex.raw(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName()}${owner}`);
  } finally {
    await admin.close();
  }
  const dbUrl = withDatabase(url, name);
  const db = engine === 'embedded' ? openPostgres(appUrlFrom(dbUrl), 5, engine) : openPostgres(dbUrl, 5, engine);
  const ownerKnex = engine === 'embedded' ? openAsOwner(dbUrl) : db.knex;
  return {
    ...db,
    ownerKnex,
    ...(engine === 'embedded' ? { afterMigrate: () => ensureEmbeddedRoles(dbUrl, { roles: false }) } : {}),
    close: async () => {
      await db.close();
      if (ownerKnex !== db.knex) await ownerKnex.destroy();
      await dropDatabase(url, name);
    },
  };
}
