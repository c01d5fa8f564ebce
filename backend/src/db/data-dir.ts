import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates DATA_DIR if missing, mode 0700: it holds the cluster, its password and the owner lock,
 * none of which other users have any business listing. Its parents are created as usual (0755 under
 * the default umask) so that, run as root, the postgres system user can still reach it; the cluster's
 * start then opens DATA_DIR itself to 0711 (traverse, not list). A folder that exists already (made
 * by the operator, a mount) keeps its mode.
 */
export function makeDataDir(dataDir: string): void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

/**
 * Present in a DATA_DIR while db:restore fills it, removed once the restored cluster has replayed its
 * WAL. A restore killed half-way (Ctrl-C during the extraction, a power cut) leaves it behind, and
 * nothing then opens that folder as a database: it must be emptied and restored again.
 */
export function restoreMarkerOf(dataDir: string): string {
  return path.join(dataDir, 'restore.incomplete');
}

/** Refuses a DATA_DIR that an interrupted db:restore left half-filled. */
export function assertNotHalfRestored(dataDir: string): void {
  if (fs.existsSync(restoreMarkerOf(dataDir))) {
    throw new Error(
      `${dataDir} holds an interrupted restore (${path.basename(restoreMarkerOf(dataDir))}): empty the folder and run npm run db:restore again.`,
    );
  }
}
