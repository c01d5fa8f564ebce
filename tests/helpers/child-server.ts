import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from '../../backend/src/config.ts';
import { freePort } from '../../backend/src/db/embedded.ts';

export { freePort };

/** The environment of npm start on an embedded DATA_DIR (no DATABASE_URL, whatever the test run uses). */
export function embeddedEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  return { ...env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...extra };
}

/** The real server (backend/src/server.ts under tsx) in a child process of its own process group. */
export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the server on dataDir and a free port (extra: more environment); does not wait for it (see waitUntilUp). */
export async function spawnServer(dataDir: string, extra: NodeJS.ProcessEnv = {}): Promise<ChildServer> {
  const port = await freePort();
  // node --import tsx directly (not npm start): the pid is the server's own, and detached puts it in
  // a new process group, so a test can kill the server alone or the whole group with its PostgreSQL.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'backend/src/server.ts')], {
    cwd: PROJECT_ROOT,
    env: embeddedEnv(dataDir, { PORT: String(port), ...extra }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  // 'close', not 'exit': it comes once stdout and stderr are drained too, so output() is complete.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { url: `http://127.0.0.1:${port}`, process: child, output: () => out, exited };
}

/** Polls GET /api/health until it answers 200; returns the milliseconds it took. Fails if the server exits first. */
export async function waitUntilUp(server: ChildServer, timeoutMs = 90_000): Promise<number> {
  const start = Date.now();
  let ended = false;
  void server.exited.then(() => (ended = true));
  while (Date.now() - start < timeoutMs) {
    if (ended) throw new Error(`the server exited before answering:\n${server.output()}`);
    try {
      const res = await fetch(`${server.url}/api/health`);
      if (res.status === 200) return Date.now() - start;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  throw new Error(`the server did not answer within ${timeoutMs} ms:\n${server.output()}`);
}

/** Stops the server as an operator would (SIGTERM) and waits for its exit. */
export async function stopServer(server: ChildServer): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGTERM');
  return server.exited;
}

/** A logged-in HTTP client of a child server: keeps the session cookie and sends the CSRF token. */
export async function loginTo(baseUrl: string, credentials: { email: string; password: string }) {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  if (res.status !== 200) return { status: res.status, client: null };
  const cookie = (res.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const send = (method: string, url: string, body?: object, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  return { status: res.status, client: { get: (url: string) => send('GET', url), post: (url: string, body: object, headers?: Record<string, string>) => send('POST', url, body, headers) } };
}
