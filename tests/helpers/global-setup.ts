import fs from 'node:fs';
import path from 'node:path';
import { openEmbedded, openPostgres } from '../../backend/src/db/knex.ts';
import { migrateLatest } from '../../backend/src/db/migrate.ts';
import { embeddedTemplatePath, postgresTemplateName, testDatabaseUrl, withDatabase } from './template.ts';

/**
 * Migrates once into a template that every test file copies: a dumped data folder for the embedded
 * engine, a template database on real PostgreSQL (TEST_DATABASE_URL).
 */
export default async function setup(): Promise<void> {
  const url = testDatabaseUrl();
  if (url) {
    const admin = openPostgres(url, 1);
    const name = postgresTemplateName();
    try {
      const exists = await admin.knex.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name]);
      if (exists.rows.length === 0) {
        const building = `${name}_building`;
        await admin.knex.raw(`DROP DATABASE IF EXISTS ${building}`);
        await admin.knex.raw(`CREATE DATABASE ${building}`);
        const db = openPostgres(withDatabase(url, building), 1);
        try {
          await migrateLatest(db.knex);
        } finally {
          await db.close();
        }
        await admin.knex.raw(`ALTER DATABASE ${building} RENAME TO ${name}`);
      }
    } finally {
      await admin.close();
    }
    return;
  }
  const file = embeddedTemplatePath();
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = await openEmbedded(undefined);
  try {
    await migrateLatest(db.knex);
    const dump = await db.pglite!.dumpDataDir('gzip');
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
  } finally {
    await db.close();
  }
}
