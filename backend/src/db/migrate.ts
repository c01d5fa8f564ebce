import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { PROJECT_ROOT } from '../config.ts';
import type { Database } from './knex.ts';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

type MigrationModule = { up(knex: Knex): Promise<void>; down?(knex: Knex): Promise<void> };

/**
 * Lists migrations by file name without extension, so that a database migrated from .ts sources
 * is not reported "corrupt" when run from compiled .js (knex stores the name it was given).
 */
class FolderMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly dir: string) {}
  async getMigrations(): Promise<string[]> {
    return fs
      .readdirSync(this.dir)
      .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
      .map((f) => f.replace(/\.(ts|js)$/, ''))
      .filter((name, i, all) => all.indexOf(name) === i)
      .sort();
  }
  getMigrationName(name: string): string {
    return name;
  }
  async getMigration(name: string): Promise<Knex.Migration> {
    const file = ['.ts', '.js'].map((ext) => path.join(this.dir, name + ext)).find((f) => fs.existsSync(f));
    if (!file) throw new Error(`migration ${name} not found in ${this.dir}`);
    const mod = (await import(pathToFileURL(file).href)) as MigrationModule;
    return { up: mod.up, down: mod.down ?? (async () => { throw new Error(`${name} cannot be undone: fix forward`); }) };
  }
}

/** Runs every pending migration; returns the names it ran. */
export async function migrateLatest(knex: Knex, dir = MIGRATIONS_DIR): Promise<string[]> {
  const [, ran] = (await knex.migrate.latest({ migrationSource: new FolderMigrationSource(dir) })) as [number, string[]];
  return ran;
}

/**
 * Migrates a database as its tables' owner (db.ownerKnex), then re-grants the application's role
 * (embedded engine) so that nothing a migration created is out of its reach.
 */
export async function migrateDatabase(db: Pick<Database, 'ownerKnex' | 'afterMigrate'>, dir = MIGRATIONS_DIR): Promise<string[]> {
  const ran = await migrateLatest(db.ownerKnex, dir);
  await db.afterMigrate?.();
  return ran;
}
