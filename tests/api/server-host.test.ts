/**
 * HOST binds the HTTP server to one address: with HOST=127.0.0.1 it answers on loopback and is not
 * reachable through the machine's other addresses (without HOST it listens on every interface).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawnServer, stopServer, waitUntilUp, type ChildServer } from '../helpers/child-server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-host-'));
let server: ChildServer | undefined;
afterAll(async () => {
  if (server) await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});
const external = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe.skipIf(!external)('HOST', () => {
  it('HOST=127.0.0.1 serves loopback only', async () => {
    server = await spawnServer(dataDir, { HOST: '127.0.0.1' });
    await waitUntilUp(server);
    // The child's stdout and its first answer reach this process by two pipes: the banner may come second.
    await vi.waitFor(() => expect(server!.output()).toContain('bound to 127.0.0.1 only'), { timeout: 10_000 });
    const port = new URL(server.url).port;
    const outside = await fetch(`http://${external}:${port}/api/health`).then(
      (r) => r.status,
      (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
    );
    expect(outside).toBe('ECONNREFUSED');
    expect(await stopServer(server)).toMatchObject({ code: 0 });
    server = undefined;
  }, 90_000);
});
