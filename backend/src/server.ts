import net from 'node:net';
import pino from 'pino';
import { loadConfig } from './config.ts';
import { openDatabaseOrExit, type Database } from './db/knex.ts';
import { dataDirInUse } from './db/owner-lock.ts';
import { prepareDatabase } from './db/bootstrap.ts';
import { createApp } from './app.ts';
import { VERSION } from './version.ts';

// Opens the database, migrates, loads demo data on a fresh embedded database, and serves API + web app.
const config = loadConfig();
const logger = pino({ level: config.logLevel });

/** Why the server could not listen, in the operator's words. */
function listenFailure(err: Error): string {
  const why = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'another program already listens on it' : err.message;
  return `\nPot commun cannot listen on port ${config.port}${config.host ? ` of ${config.host}` : ''}: ${why}. Stop that program or choose another PORT (or HOST).\n`;
}

// Before the database is opened - and on a fresh DATA_DIR created, migrated and seeded, its one-time
// demo logins printed to nobody: a DATA_DIR in use, then a port in use, stop the start at once. The
// port probe is closed again; a program taking the port meanwhile is caught at the real listen.
const inUse = config.databaseUrl ? null : dataDirInUse(config.dataDir);
if (inUse) {
  console.error(`\n${inUse.message}\n`);
  process.exit(1);
}
const probeError = await new Promise<Error | null>((resolve) => {
  const probe = net.createServer();
  probe.once('error', resolve);
  probe.listen({ port: config.port, host: config.host }, () => probe.close(() => resolve(null)));
});
if (probeError) {
  console.error(listenFailure(probeError));
  process.exit(1);
}

// A second server on the same DATA_DIR stops here, before it touches any database file.
const db: Database = await openDatabaseOrExit(config, 'server');
const { migrated, demo } = await prepareDatabase(db, config);
if (migrated.length > 0) logger.info({ migrations: migrated }, 'migrated');
if (demo) {
  console.log('\nEmpty embedded database: demo data loaded.');
  for (const line of demo) console.log(`  ${line}`);
}

const app = createApp({ knex: db.knex, engine: db.engine, config, logger, version: VERSION });
// Express 5 hands a listen error (port in use, no permission) to this callback rather than throwing.
const onListening = (err?: Error) => {
  if (err) {
    console.error(listenFailure(err));
    void stop('listen error', 1);
    return;
  }
  const where = db.engine === 'embedded' ? `embedded PostgreSQL in ${config.dataDir} (port ${db.cluster?.port})` : 'PostgreSQL (DATABASE_URL)';
  const url = `http://${!config.host ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  console.log(`\nPot commun ${VERSION} is running on ${url} (${config.host ? `bound to ${config.host} only` : 'every interface'}) — database: ${where}\n`);
};
const server = config.host ? app.listen(config.port, config.host, onListening) : app.listen(config.port, onListening);

let stopping = false;
/** Stops serving, closes the database (the embedded cluster is stopped and DATA_DIR released) and exits. */
async function stop(reason: string, code = 0) {
  if (stopping) return;
  stopping = true;
  logger.info({ reason }, 'stopping');
  server.close();
  server.closeAllConnections();
  try {
    await db.close();
  } catch (err) {
    console.error(err);
    code ||= 1;
  }
  process.exit(code);
}
// SIGHUP too: a closed terminal must stop the embedded cluster cleanly, not orphan it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
