import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { PROJECT_ROOT } from '../config.ts';

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

/** What a demo seed file exports. It returns lines to print (e.g. demo logins). */
export type SeedModule = { seed(knex: Knex): Promise<string[] | void> };

/**
 * Runs the demo seeds in file-name order. Our own loader (not knex's) so that TypeScript seeds load
 * the same way under tsx, vitest and compiled code. Refuses in production: seeds are demo data only.
 */
export async function runSeeds(knex: Knex, env: string, dir = SEEDS_DIR): Promise<string[]> {
  if (env === 'production') throw new Error('Demo seeds refuse to run with NODE_ENV=production.');
  const files = fs.readdirSync(dir).filter((f) => /^\d+_.*\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const lines: string[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as SeedModule;
    const out = await mod.seed(knex);
    if (out) lines.push(...out);
  }
  return lines;
}

/** True when the database holds no user and no household yet (a fresh install). */
export async function isEmpty(knex: Knex): Promise<boolean> {
  const users = await knex('users').first('id');
  const households = await knex('households').first('id');
  return !users && !households;
}
