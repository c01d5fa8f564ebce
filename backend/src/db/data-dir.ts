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
