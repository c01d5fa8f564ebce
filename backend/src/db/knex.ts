import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { APP_DATABASE, openCluster, type EmbeddedCluster } from './embedded.ts';
import { makeDataDir } from './data-dir.ts';
import type { OwnerRole } from './owner-lock.ts';

/** Which engine a database handle talks to; reported by /api/health. */
export type Engine = 'embedded' | 'postgresql';

/** An open database: the knex handle, its engine and how to close it. */
export interface Database {
  knex: Knex;
  engine: Engine;
  /** The embedded cluster, when the engine is embedded (backups copy its files). */
  cluster?: EmbeddedCluster;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

// Both engines are PostgreSQL through the pg driver; the application gets these JavaScript types:
// NUMERIC stays a string (for Decimal), INT8/COUNT becomes a number (counts, never money), DATE
// stays a 'YYYY-MM-DD' string so a calendar date never shifts with the time zone.
pg.types.setTypeParser(INT8, (v: string) => Number(v));
pg.types.setTypeParser(DATE, (v: string) => v);

/** Opens a PostgreSQL server by URL (engine: what /api/health reports for it). */
export function openPostgres(url: string, poolMax = 10, engine: Engine = 'postgresql'): Database {
  const knex = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: poolMax }, acquireConnectionTimeout: 60_000 });
  return { knex, engine, close: () => knex.destroy() };
}

/**
 * Opens the embedded PostgreSQL of a DATA_DIR (see embedded.ts): as its one owner for the server,
 * or attached to the running server's cluster for a command-line tool. close() stops what it started.
 */
export async function openEmbedded(dataDir: string, role: OwnerRole = 'server'): Promise<Database> {
  makeDataDir(dataDir);
  const cluster = await openCluster(dataDir, { role });
  const db = openPostgres(cluster.url(APP_DATABASE), 10, 'embedded');
  return {
    ...db,
    cluster,
    close: async () => {
      try {
        await db.close();
      } finally {
        await cluster.stop();
      }
    },
  };
}

/** Opens the database the configuration names: DATABASE_URL if set, else the embedded engine in dataDir. */
export async function openDatabase(cfg: { databaseUrl: string | undefined; dataDir: string }, role: OwnerRole = 'server'): Promise<Database> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
  return openEmbedded(cfg.dataDir, role);
}
