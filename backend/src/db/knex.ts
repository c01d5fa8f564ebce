import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { APP_DATABASE, openCluster, type EmbeddedCluster } from './embedded.ts';
import { assertNotHalfRestored, makeDataDir } from './data-dir.ts';
import type { OwnerRole } from './owner-lock.ts';
import { appUrlFrom, ensureEmbeddedRoles, OWNER_ROLE } from './roles.ts';

/** Which engine a database handle talks to; reported by /api/health. */
export type Engine = 'embedded' | 'postgresql';

/** An open database: the knex handle, its engine and how to close it. */
export interface Database {
  /** The application's handle: on the embedded engine, the app role (neither superuser nor owner of the tables). */
  knex: Knex;
  /**
   * The handle migrations run on: on the embedded engine, the owner role of the tables; with one
   * URL (DATABASE_URL, the tests' databases) the same handle as knex.
   */
  ownerKnex: Knex;
  /** Run after each migration run: re-grants the app role (embedded engine); absent with one URL. */
  afterMigrate?: () => Promise<void>;
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
  return { knex, ownerKnex: knex, engine, close: () => knex.destroy() };
}

/**
 * A handle on a superuser URL that acts as the owner role (SET ROLE on each connection): what
 * migrations create belongs to it, and it holds no superuser right meanwhile. Few connections.
 */
export function openAsOwner(superuserUrl: string, poolMax = 2): Knex {
  return knexFactory({
    client: 'pg',
    connection: superuserUrl,
    pool: {
      min: 0,
      max: poolMax,
      afterCreate: (conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void) => {
        conn.query(`SET ROLE ${OWNER_ROLE}`).then(() => done(null, conn), (err: Error) => done(err, conn));
      },
    },
    acquireConnectionTimeout: 60_000,
  });
}

/**
 * Opens the embedded PostgreSQL of a DATA_DIR (see embedded.ts): as its one owner for the server,
 * or attached to the running server's cluster for a command-line tool. close() stops what it started.
 */
export async function openEmbedded(dataDir: string, role: OwnerRole = 'server'): Promise<Database> {
  makeDataDir(dataDir);
  assertNotHalfRestored(dataDir);
  const cluster = await openCluster(dataDir, { role });
  const superuserUrl = cluster.url(APP_DATABASE);
  let db: Database;
  let ownerKnex: Knex;
  try {
    await ensureEmbeddedRoles(superuserUrl);
    db = openPostgres(appUrlFrom(superuserUrl), 10, 'embedded');
    ownerKnex = openAsOwner(superuserUrl);
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return {
    ...db,
    ownerKnex,
    cluster,
    afterMigrate: () => ensureEmbeddedRoles(superuserUrl, { roles: false }),
    close: async () => {
      try {
        await Promise.all([db.close(), ownerKnex.destroy()]);
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

/**
 * openDatabase for a command's entry point (npm start, the CLIs): a database that cannot be opened
 * (DATA_DIR in use, a folder the postgres user cannot reach, a half-restored DATA_DIR) ends the
 * process with its message for the operator and exit code 1, not a stack trace.
 */
export async function openDatabaseOrExit(cfg: { databaseUrl: string | undefined; dataDir: string }, role: OwnerRole): Promise<Database> {
  try {
    return await openDatabase(cfg, role);
  } catch (err) {
    console.error(`\n${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
