import pino from 'pino';
import { loadConfig } from './config.ts';
import { openDatabase, type Database } from './db/knex.ts';
import { DataDirInUseError } from './db/owner-lock.ts';
import { prepareDatabase } from './db/bootstrap.ts';
import { createApp } from './app.ts';
import { VERSION } from './version.ts';

// Opens the database, migrates, loads demo data on a fresh embedded database, and serves API + web app.
const config = loadConfig();
const logger = pino({ level: config.logLevel });
let db: Database;
try {
  db = await openDatabase(config, 'server');
} catch (err) {
  // A second server on the same DATA_DIR stops here, before it touches any database file.
  console.error(err instanceof DataDirInUseError ? `\n${err.message}\n` : err);
  process.exit(1);
}
const { migrated, demo } = await prepareDatabase(db, config);
if (migrated.length > 0) logger.info({ migrations: migrated }, 'migrated');
if (demo) {
  console.log('\nEmpty embedded database: demo data loaded.');
  for (const line of demo) console.log(`  ${line}`);
}

const app = createApp({ knex: db.knex, engine: db.engine, config, logger, version: VERSION });
const server = app.listen(config.port, () => {
  const where = db.engine === 'embedded' ? `embedded PostgreSQL in ${config.dataDir} (port ${db.cluster?.port})` : 'PostgreSQL (DATABASE_URL)';
  console.log(`\nPot commun ${VERSION} is running on http://localhost:${config.port} — database: ${where}\n`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  server.close();
  server.closeAllConnections();
  await db.close();
  process.exit(0);
}
// SIGHUP too: a closed terminal must stop the embedded cluster cleanly, not orphan it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
