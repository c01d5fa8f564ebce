import fs from 'node:fs';
import path from 'node:path';

/** Who holds a DATA_DIR: the server (npm start) or a command-line tool that started the cluster itself. */
export type OwnerRole = 'server' | 'cli';

/** The content of DATA_DIR/owner.lock. */
export interface OwnerInfo {
  pid: number;
  role: OwnerRole;
  /** The process's start time in clock ticks since boot (Linux), so a recycled pid is not taken for the owner. */
  startTicks: number | null;
  since: string;
}

/** Thrown when another live process owns the DATA_DIR. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: OwnerInfo,
    options?: ErrorOptions,
  ) {
    const who = owner.role === 'server' ? 'a running server (npm start)' : 'a command-line tool (npm run …)';
    super(
      `DATA_DIR ${dataDir} is in use by ${who}, pid ${owner.pid}, since ${owner.since}. ` +
        'Only one server may open a data folder: stop that one first (npm run admin, db:migrate, db:seed and db:backup work while it runs).',
      options,
    );
    this.name = 'DataDirInUseError';
  }
}

/** The start time of a process in clock ticks since boot, from /proc (Linux only; null elsewhere or when gone). */
export function processStartTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) is in parentheses and may hold spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/**
 * True when a process with this pid runs (EPERM: it exists but belongs to another user). A zombie
 * counts as gone: in a container whose first process reaps nothing, a killed orphan stays one.
 */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** True when the lock's owner still runs: its pid is alive and, where /proc tells, started when the lock says. */
export function ownerAlive(owner: OwnerInfo): boolean {
  if (!pidAlive(owner.pid)) return false;
  if (owner.startTicks === null) return true;
  const ticks = processStartTicks(owner.pid);
  return ticks === null || ticks === owner.startTicks;
}

function lockPath(dataDir: string): string {
  return path.join(dataDir, 'owner.lock');
}

/** The current owner of a DATA_DIR, or null when the lock is absent, unreadable or stale (its process is gone, e.g. after kill -9). */
export function currentOwner(dataDir: string): OwnerInfo | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const owner = JSON.parse(text) as OwnerInfo;
    return Number.isInteger(owner.pid) && ownerAlive(owner) ? owner : null;
  } catch {
    return null;
  }
}

/** The refusal a server gets on dataDir while a live process owns it (reads the lock only, creates nothing); null when free. */
export function dataDirInUse(dataDir: string): DataDirInUseError | null {
  const owner = currentOwner(dataDir);
  return owner ? new DataDirInUseError(dataDir, owner) : null;
}

/** A held lock: release() removes it (also done at process exit). */
export interface OwnerLock {
  release(): void;
}

/**
 * Makes this process the one owner of dataDir, or throws DataDirInUseError naming the live owner.
 * The lock is created with O_EXCL (link of a complete file, so a reader never sees a half-written
 * one); a stale lock left by a killed process is replaced. PostgreSQL's own postmaster.pid is a
 * second guard: two postmasters never run on one data folder, whatever happens to this file.
 */
export function acquireOwnerLock(dataDir: string, role: OwnerRole): OwnerLock {
  const file = lockPath(dataDir);
  const me: OwnerInfo = { pid: process.pid, role, startTicks: processStartTicks(process.pid), since: new Date().toISOString() };
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(me), { mode: 0o600 });
  let taken = false;
  try {
    for (let attempt = 0; attempt < 3 && !taken; attempt++) {
      try {
        fs.linkSync(tmp, file);
        taken = true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const owner = currentOwner(dataDir);
        if (owner) throw new DataDirInUseError(dataDir, owner, { cause: err });
        // Stale: its process is gone. Remove it and try again (another starter may win the race; then it is the owner).
        fs.rmSync(file, { force: true });
      }
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  if (!taken) throw new Error(`could not take the lock ${file}`);
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    try {
      const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as OwnerInfo;
      if (owner.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return { release };
}
