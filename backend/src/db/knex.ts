import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import ClientPgLite from 'knex-pglite';

/** Which engine a database handle talks to; reported by /api/health. */
export type Engine = 'embedded' | 'postgresql';

/** An open database: the knex handle, its engine and how to close it. */
export interface Database {
  knex: Knex;
  engine: Engine;
  /** The embedded instance, when the engine is embedded (tests dump and load it). */
  pglite?: PGlite;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

// Both engines must hand the application the same JavaScript types: NUMERIC stays a string (for
// Decimal), INT8/COUNT becomes a number (counts, never money), DATE stays a 'YYYY-MM-DD' string so a
// calendar date never shifts with the time zone.
pg.types.setTypeParser(INT8, (v: string) => Number(v));
pg.types.setTypeParser(DATE, (v: string) => v);
const pgliteParsers = {
  [pgliteTypes.INT8]: (v: string) => Number(v),
  [pgliteTypes.DATE]: (v: string) => v,
};

const commonKnexOptions: Partial<Knex.Config> = {
  // Transactions wait for the single embedded connection; keep failures fast and visible.
  acquireConnectionTimeout: 60_000,
};

/** Opens a real PostgreSQL server by URL. */
export function openPostgres(url: string, poolMax = 10): Database {
  const knex = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: poolMax }, ...commonKnexOptions });
  return { knex, engine: 'postgresql', close: () => knex.destroy() };
}

/** Opens (creating if needed) an embedded PostgreSQL in a folder, or in memory when dir is undefined. */
export async function openEmbedded(dir: string | undefined, loadDataDir?: Blob | File): Promise<Database> {
  if (dir) fs.mkdirSync(path.dirname(dir), { recursive: true });
  const pglite = await PGlite.create(dir, { parsers: pgliteParsers, ...(loadDataDir ? { loadDataDir } : {}) });
  const knex = knexFactory({
    client: ClientPgLite,
    dialect: 'postgres',
    // knex-pglite accepts a function that hands it our own instance (so our parsers apply).
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
    ...commonKnexOptions,
  });
  return {
    knex,
    engine: 'embedded',
    pglite,
    close: async () => {
      await knex.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Opens the database the configuration names: DATABASE_URL if set, else the embedded engine under dataDir. */
export async function openDatabase(cfg: { databaseUrl: string | undefined; dataDir: string }): Promise<Database> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
  return openEmbedded(path.join(cfg.dataDir, 'pglite'));
}
