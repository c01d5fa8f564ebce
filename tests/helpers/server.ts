import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../backend/src/app.ts';
import { loadConfig } from '../../backend/src/config.ts';
import { systemActor } from '../../backend/src/db/tx.ts';
import { createStaffUser, defaultOrganisationId } from '../../backend/src/modules/users/users.service.ts';
import { createTestDatabase } from './db.ts';

/** The real app (API + built web app from frontend/dist) on a fresh database and a random local port. */
export async function startTestServer() {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test' });
  const app = createApp({ knex: db.knex, engine: db.engine, config, logger: pino({ level: 'silent' }), version: 'test' });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async createStaff(opts: { role: 'coordinator' | 'referent'; email: string; password: string; name: string }) {
      const user = await createStaffUser(db.knex, systemActor('test'), { ...opts, organisationId: await defaultOrganisationId(db.knex) });
      return { id: user.id };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
