import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { backupEmbedded, restoreEmbedded } from '../db/backup.ts';

// npm run db:backup -- --out <file.tar.gz> | npm run db:restore -- <file.tar.gz>
// The embedded database only: an external PostgreSQL has its own tools.
const USAGE = `usage: npm run db:backup -- --out <file.tar.gz>
       npm run db:restore -- <file.tar.gz>     (into an empty DATA_DIR)`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
  const [command, archive] = positionals;
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error(
      'DATABASE_URL is set: this command backs up the embedded database only. For PostgreSQL use its own tools, of the server\'s version:\n' +
        '  pg_dump --format=custom --file=pot-commun-$(date +%F).dump "$DATABASE_URL"\n' +
        '  pg_restore --clean --dbname="$DATABASE_URL" pot-commun-YYYY-MM-DD.dump',
    );
    return 2;
  }
  try {
    if (command === 'backup' && values.out) {
      const r = await backupEmbedded(config.dataDir, values.out);
      console.log(`Backup of ${config.dataDir} written to ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.walSegments} WAL segment(s), ${(r.ms / 1000).toFixed(1)} s).`);
      return 0;
    }
    if (command === 'restore' && archive) {
      const r = await restoreEmbedded(path.resolve(archive), config.dataDir);
      console.log(`Restored ${archive} into ${config.dataDir} (${(r.ms / 1000).toFixed(1)} s); npm start serves it.`);
      return 0;
    }
  } catch (err) {
    console.error(`Refused: ${(err as Error).message}`);
    return 1;
  }
  console.error(USAGE);
  return 2;
}

process.exitCode = await main();
