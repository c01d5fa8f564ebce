import { loadConfig } from '../config.ts';
import { dataDirInUse } from '../db/owner-lock.ts';

// Run by npm start before it builds the web app: a second server on a DATA_DIR is refused at once,
// before a build that takes seconds. Reads the owner lock only (creates nothing). The server checks
// again when it opens the database; this is the early answer.
const config = loadConfig();
// The same refusal as the server's: it opens DATA_DIR only when no live process owns it.
const inUse = config.databaseUrl ? null : dataDirInUse(config.dataDir);
if (inUse) {
  console.error(`\n${inUse.message}\n`);
  process.exitCode = 1;
}
