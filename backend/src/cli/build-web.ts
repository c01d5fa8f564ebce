import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../config.ts';

// npm run build:web: builds the web app into a fresh sibling folder, then moves it into
// frontend/dist file by file, index.html last, each with a rename (atomic over the old file). A
// running server (npm start on another DATA_DIR, or a build run by hand) keeps serving a complete
// web app throughout, instead of answering 503 while vite empties and refills frontend/dist.
const dist = path.join(PROJECT_ROOT, 'frontend', 'dist');
const next = path.join(PROJECT_ROOT, 'frontend', `.dist-${process.pid}`);

/** The files under dir, as paths relative to it. */
function filesUnder(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(rel, e.name);
    return e.isDirectory() ? filesUnder(dir, p) : [p];
  });
}

try {
  await build({ configFile: path.join(PROJECT_ROOT, 'frontend', 'vite.config.ts'), build: { outDir: next, emptyOutDir: true } });
  const built = filesUnder(next);
  if (!built.includes('index.html')) throw new Error(`the build wrote no index.html in ${next}`);
  if (!fs.existsSync(dist)) {
    fs.renameSync(next, dist);
  } else {
    const old = filesUnder(dist);
    // The new files first (hashed assets do not collide with the old ones), then the page that names them.
    for (const f of [...built.filter((f) => f !== 'index.html'), 'index.html']) {
      fs.mkdirSync(path.dirname(path.join(dist, f)), { recursive: true });
      fs.renameSync(path.join(next, f), path.join(dist, f));
    }
    // Then what the new page no longer uses, as vite's emptyOutDir would.
    const kept = new Set(built);
    for (const f of old) if (!kept.has(f)) fs.rmSync(path.join(dist, f), { force: true });
    fs.rmSync(next, { recursive: true, force: true });
  }
} catch (err) {
  fs.rmSync(next, { recursive: true, force: true });
  console.error(err);
  process.exitCode = 1;
}
