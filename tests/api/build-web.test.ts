/**
 * npm run build:web beside a running server: frontend/dist always holds a complete web app (the page
 * and every file it names), so the server never answers 503 "not built" while a build runs.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../backend/src/config.ts';

const run = promisify(execFile);
const dist = path.join(PROJECT_ROOT, 'frontend', 'dist');

/** The page's own script and style files, all present: what the server needs to serve the app. */
function complete(): boolean {
  let html: string;
  try {
    html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  } catch {
    return false;
  }
  const named = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return named.length > 0 && named.every((f) => fs.existsSync(path.join(dist, f)));
}

describe('npm run build:web', () => {
  it('replaces frontend/dist without a moment where the web app is missing or half there', async () => {
    if (!complete()) await run('npm', ['run', 'build:web'], { cwd: PROJECT_ROOT });
    expect(complete()).toBe(true);
    let checks = 0;
    let misses = 0;
    let building = true;
    const build = run('npm', ['run', 'build:web'], { cwd: PROJECT_ROOT }).finally(() => (building = false));
    while (building) {
      checks++;
      if (!complete()) misses++;
      await new Promise((r) => setTimeout(r, 2));
    }
    await build;
    expect(checks).toBeGreaterThan(100);
    expect(misses).toBe(0);
    expect(complete()).toBe(true);
    expect(fs.readdirSync(path.join(PROJECT_ROOT, 'frontend')).filter((f) => f.startsWith('.dist-'))).toEqual([]);
  }, 120_000);
});
