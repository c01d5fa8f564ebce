import { loadConfig } from '../config.ts';
import { currentOwner, DataDirInUseError } from '../db/owner-lock.ts';

// Run by npm start before it builds the web app: a second server on a DATA_DIR is refused at once,
// and its build never replaces the files the running server is serving. Reads the owner lock only
// (creates nothing). The server checks again when it opens the database; this is the early answer.
const config = loadConfig();
if (!config.databaseUrl) {
  // The same refusal as the server's: it opens DATA_DIR only when no live process owns it.
  const owner = currentOwner(config.dataDir);
  if (owner) {
    console.error(`\n${new DataDirInUseError(config.dataDir, owner).message}\n`);
    process.exitCode = 1;
  }
}
