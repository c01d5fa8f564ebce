import { loadConfig } from '../config.ts';
import { openDatabaseOrExit } from '../db/knex.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { runSeeds } from '../db/seed.ts';

// npm run db:migrate | db:seed — on the same configuration as npm start (DATA_DIR or DATABASE_URL).
const command = process.argv[2];
const config = loadConfig();
// Attaches to the running server's embedded cluster, or starts one for the duration of the command.
const db = await openDatabaseOrExit(config, 'cli');
try {
  const ran = await migrateDatabase(db);
  console.log(ran.length ? `Migrated: ${ran.join(', ')}` : 'Database schema is up to date.');
  if (command === 'seed') {
    const lines = await runSeeds(db.knex, config.env);
    for (const line of lines) console.log(line);
  } else if (command !== 'migrate') {
    console.error('usage: db.ts migrate|seed');
    process.exitCode = 2;
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
