/**
 * On the embedded engine the application's requests run as pot_commun_app, a role that is neither
 * superuser nor owner of the tables: it cannot switch the ledger's and the audit trail's triggers
 * off (session_replication_role, ALTER TABLE … DISABLE TRIGGER), truncate, or change the schema,
 * while the application works as usual. Migrations run as pot_commun_owner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../backend/src/app.ts';
import { loadConfig } from '../../backend/src/config.ts';
import { APP_DATABASE } from '../../backend/src/db/embedded.ts';
import { openEmbedded, type Database } from '../../backend/src/db/knex.ts';
import { migrateDatabase } from '../../backend/src/db/migrate.ts';
import { APP_ROLE, OWNER_ROLE } from '../../backend/src/db/roles.ts';
import { login } from '../helpers/app.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { testServer } from '../helpers/template.ts';
import { moneyPost } from '../helpers/money.ts';
import { makeActivatedHousehold, makeStaff, STAFF_PASSWORD } from '../factories/index.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pot-commun-roles-'));
let db: Database;

beforeAll(async () => {
  db = await openEmbedded(dataDir, 'server');
  await migrateDatabase(db);
}, 120_000);
afterAll(async () => {
  await db?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs statements as the superuser of the cluster (what an operator, or a backup, connects as). */
async function asSuperuser<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.cluster!.url(APP_DATABASE) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const owners = async () =>
  (await db.ownerKnex.raw(`SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public'`)).rows as Array<{ tablename: string; tableowner: string }>;

describe('the embedded engine runs requests as a role that cannot switch the rules off', () => {
  it('connects the application as the app role, and every table belongs to the owner role', async () => {
    const me = (await db.knex.raw(`SELECT current_user AS "user", r.rolsuper AS super FROM pg_roles r WHERE r.rolname = current_user`)).rows[0];
    expect(me).toEqual({ user: APP_ROLE, super: false });
    const tables = await owners();
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(['audit_log', 'ledger_postings', 'journal_entries', 'issued_statements', 'month_closings']));
    expect(new Set(tables.map((t) => t.tableowner))).toEqual(new Set([OWNER_ROLE]));
    expect((await db.ownerKnex.raw('SELECT current_user AS "user"')).rows[0].user).toBe(OWNER_ROLE);
  });

  it('refuses what would switch the triggers off, empty a table or change the schema', async () => {
    const k = db.knex;
    await expect(k.transaction((trx) => trx.raw('SET LOCAL session_replication_role = replica'))).rejects.toThrow(/permission denied/);
    await expect(k.raw('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
    await expect(k.raw('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    await expect(k.raw('TRUNCATE month_closings')).rejects.toThrow(/permission denied/);
    await expect(k.raw('ALTER TABLE ledger_postings DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
    await expect(k.raw('ALTER TABLE audit_log DISABLE TRIGGER USER')).rejects.toThrow(/must be owner/);
    await expect(k.raw('DROP TABLE audit_log')).rejects.toThrow(/must be owner/);
    await expect(k.raw('DROP FUNCTION refuse_change()')).rejects.toThrow(/must be owner/);
    await expect(k.raw('CREATE TABLE intruder (id int)')).rejects.toThrow(/permission denied/);
    await expect(k.raw('DELETE FROM knex_migrations')).rejects.toThrow(/permission denied/);
    await expect(k.raw(`ALTER ROLE ${APP_ROLE} SUPERUSER`)).rejects.toThrow(/permission denied/);
  });

  it('serves the application as usual: a deposit is posted, and the ledger still refuses changes by content', async () => {
    const app = createApp({ knex: db.knex, engine: db.engine, config: loadConfig({ NODE_ENV: 'test' }), logger: pino({ level: 'silent' }), version: 'test' });
    const co = await login(app, { email: (await makeStaff(db.knex, { role: 'coordinator' })).email, password: STAFF_PASSWORD });
    const household = await makeActivatedHousehold(db.knex);
    const group = await co.post('/api/groups', { name: 'GECS rôles', cohort: '2025', startsOn: '2025-01-01', monthlyAmount: '100.00', exitPolicy: 'refund_now' });
    expect(group.status).toBe(201);
    expect((await co.post(`/api/groups/${group.body.id}/members`, { householdId: household.id, joinedOn: '2025-01-01' })).status).toBe(201);
    const deposit = await moneyPost(co, `/api/households/${household.id}/deposits`, { target: 'group', amount: '100.00', valueDate: '2025-01-05' });
    expect(deposit.status).toBe(201);
    const postings = await db.knex('ledger_postings').where({ entry_id: deposit.body.entryId });
    expect(postings.length).toBeGreaterThanOrEqual(2);
    // UPDATE and DELETE are granted: the triggers refuse them by content, as for every role.
    await expect(db.knex('ledger_postings').where({ entry_id: deposit.body.entryId }).del()).rejects.toThrow(/never be updated or deleted/);
    await expect(db.knex.raw('UPDATE audit_log SET actor_label = ?', ['x'])).rejects.toThrow(/never be updated or deleted/);
  });

  it('gives a database made before the roles (objects owned by the superuser) to the owner role at the next start', async () => {
    await asSuperuser(async (c) => {
      await c.query('ALTER TABLE audit_log OWNER TO postgres');
      await c.query('ALTER FUNCTION refuse_change() OWNER TO postgres');
      await c.query(`ALTER DATABASE ${APP_DATABASE} OWNER TO postgres`);
      await c.query('CREATE TABLE legacy_notes (id bigserial PRIMARY KEY, body text)');
    });
    await db.close();
    db = await openEmbedded(dataDir, 'server');
    const tables = await owners();
    expect(tables.find((t) => t.tablename === 'legacy_notes')?.tableowner).toBe(OWNER_ROLE);
    expect(new Set(tables.map((t) => t.tableowner))).toEqual(new Set([OWNER_ROLE]));
    const fn = (await db.knex.raw(`SELECT proowner::regrole::text AS owner FROM pg_proc WHERE proname = 'refuse_change'`)).rows[0];
    expect(fn.owner).toBe(OWNER_ROLE);
    const dbOwner = (await db.knex.raw('SELECT datdba::regrole::text AS owner FROM pg_database WHERE datname = current_database()')).rows[0];
    expect(dbOwner.owner).toBe(OWNER_ROLE);
    // The app role was granted the table the superuser made, and its sequence.
    await db.knex('legacy_notes').insert({ body: 'ok' });
    expect(await db.knex('legacy_notes').count({ n: '*' }).first()).toEqual({ n: 1 });
    await expect(db.knex.raw('ALTER TABLE audit_log DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
  }, 120_000);

  it.skipIf(testServer().engine !== 'embedded')('runs the API test suite as the app role too (tests/helpers/db.ts), migrations as the owner role', async () => {
    const test = await createTestDatabase();
    try {
      expect((await test.knex.raw('SELECT current_user AS "user"')).rows[0].user).toBe(APP_ROLE);
      expect((await test.ownerKnex.raw('SELECT current_user AS "user"')).rows[0].user).toBe(OWNER_ROLE);
      expect(new Set((await test.knex.raw(`SELECT tableowner FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r: { tableowner: string }) => r.tableowner))).toEqual(new Set([OWNER_ROLE]));
      await expect(test.knex.raw('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    } finally {
      await test.close();
    }
  });
});
