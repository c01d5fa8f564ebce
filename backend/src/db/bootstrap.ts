import type { Config } from '../config.ts';
import type { Database } from './knex.ts';
import { migrateDatabase } from './migrate.ts';
import { isEmpty, runSeeds } from './seed.ts';

/**
 * What npm start does to the database before serving: migrate, then load the demo data when the
 * database is a fresh embedded one outside production. A real PostgreSQL is seeded only on request
 * (npm run db:seed). Returns the migrations run and the demo lines to print (null when not seeded).
 */
export async function prepareDatabase(db: Database, config: Pick<Config, 'env'>): Promise<{ migrated: string[]; demo: string[] | null }> {
  // Migrations as the tables' owner; the demo data through the application's own role.
  const migrated = await migrateDatabase(db);
  const seedable = db.engine === 'embedded' && config.env !== 'production' && (await isEmpty(db.knex));
  return { migrated, demo: seedable ? await runSeeds(db.knex, config.env) : null };
}
