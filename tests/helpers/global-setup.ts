import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertPostgresUserReaches, clusterDirOf, openCluster, runningPostmaster, stopPostmaster, type EmbeddedCluster } from '../../backend/src/db/embedded.ts';
import { openAsOwner, openPostgres, type Engine } from '../../backend/src/db/knex.ts';
import { migrateDatabase } from '../../backend/src/db/migrate.ts';
import { ensureEmbeddedRoles } from '../../backend/src/db/roles.ts';
import { currentOwner } from '../../backend/src/db/owner-lock.ts';
import { postgresTemplateName, testClustersDir, testDatabaseUrl, withDatabase } from './template.ts';

/** Removes the clusters of earlier runs that died without their teardown (their owner is gone). */
async function removeAbandonedClusters(root: string): Promise<void> {
  if (!fs.existsSync(root)) return;
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name);
    // Skip a live run's cluster, and one a run is creating right now (its lock may not exist yet).
    if (currentOwner(dir) || Date.now() - fs.statSync(dir).mtimeMs < 30_000) continue;
    const orphan = runningPostmaster(clusterDirOf(dir));
    if (orphan) await stopPostmaster(orphan.pid);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Migrates once into a template database that every test file copies (CREATE DATABASE … TEMPLATE …).
 * On the embedded engine, as npm start does: the roles first, migrations as the owner role, then the
 * app role's grants, which the copies keep (tests/helpers/db.ts connects them as the app role).
 */
async function ensureTemplate(url: string, engine: Engine): Promise<void> {
  const admin = openPostgres(url, 1);
  const name = postgresTemplateName();
  try {
    const exists = await admin.knex.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name]);
    if (exists.rows.length > 0) return;
    const building = `${name}_building`;
    await admin.knex.raw(`DROP DATABASE IF EXISTS ${building}`);
    await admin.knex.raw(`CREATE DATABASE ${building}`);
    const buildingUrl = withDatabase(url, building);
    if (engine === 'embedded') {
      await ensureEmbeddedRoles(buildingUrl);
      const ownerKnex = openAsOwner(buildingUrl, 1);
      try {
        await migrateDatabase({ ownerKnex, afterMigrate: () => ensureEmbeddedRoles(buildingUrl, { roles: false }) });
      } finally {
        await ownerKnex.destroy();
      }
    } else {
      const db = openPostgres(buildingUrl, 1);
      try {
        await migrateDatabase(db);
      } finally {
        await db.close();
      }
    }
    await admin.knex.raw(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } finally {
    await admin.close();
  }
}

/**
 * The server of the run: TEST_DATABASE_URL when set, else ONE embedded cluster started for this run
 * under .tmp/test-clusters/ (not durable: a throwaway), stopped and removed at teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let url = testDatabaseUrl();
  let engine: Engine = 'postgresql';
  let cluster: EmbeddedCluster | undefined;
  let root = testClustersDir();
  fs.mkdirSync(root, { recursive: true });
  if (process.getuid?.() === 0) {
    try {
      await assertPostgresUserReaches(root);
    } catch {
      // A clone under a private folder (/root/…): as root the cluster runs as the postgres user, which
      // cannot enter .tmp/ there. The temporary folder always lets it through.
      root = path.join(os.tmpdir(), 'pot-commun-test-clusters');
    }
  }
  const dir = path.join(root, `run-${process.pid}-${Date.now()}`);
  if (!url) {
    await removeAbandonedClusters(root);
    cluster = await openCluster(dir, { role: 'server', durable: false });
    url = cluster.url('postgres');
    engine = 'embedded';
  }
  try {
    await ensureTemplate(url, engine);
  } catch (err) {
    await cluster?.stop();
    throw err;
  }
  project.provide('testServer', { url, engine });
  return async () => {
    if (!cluster) return;
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
