import crypto from 'node:crypto';
import pg from 'pg';

/**
 * The two roles of the embedded cluster besides its superuser (postgres, kept for backups, which
 * need pg_backup_start, and for creating these roles):
 * - OWNER_ROLE owns the application database and every object in its schema; migrations and demo
 *   seeds run as it. NOLOGIN: a superuser connection takes it with SET ROLE.
 * - APP_ROLE is what the application's requests connect as. Neither superuser nor owner: it cannot
 *   disable triggers (ALTER TABLE … DISABLE TRIGGER), set session_replication_role, TRUNCATE, or
 *   run DDL, so the ledger's and the audit trail's triggers hold for it.
 * With DATABASE_URL (an external server) none of this applies: the operator chooses the roles.
 */
export const OWNER_ROLE = 'pot_commun_owner';
export const APP_ROLE = 'pot_commun_app';

/**
 * The app role's password, derived from the superuser's (DATA_DIR/db-password) by HMAC: no second
 * secret file to keep, and a backup (which carries db-password) carries it too.
 */
export function appPasswordFrom(superuserPassword: string): string {
  return crypto.createHmac('sha256', superuserPassword).update(`${APP_ROLE} password, v1`).digest('base64url');
}

/** The superuser URL turned into the app role's URL (same server and database, the derived password). */
export function appUrlFrom(superuserUrl: string): string {
  const u = new URL(superuserUrl);
  u.username = APP_ROLE;
  u.password = appPasswordFrom(decodeURIComponent(u.password));
  return u.toString();
}

/** Any key shared by every process that prepares the roles of a cluster (pg_advisory_xact_lock). */
const ROLES_LOCK = 0x706f7472; // 'potr'

/**
 * Idempotently, on a superuser connection to the application database: creates both roles (or
 * resets the app role's password and attributes), gives the database and every object of its
 * public schema to the owner role (a database created before these roles had them owned by the
 * superuser), and grants the app role what requests need. Run at every open of the embedded
 * database and after every migration run (a migration's new tables are also covered by the default
 * privileges). Serialised by an advisory lock: a command-line tool may run it while the server does.
 * roles: false leaves the roles as they are (after a migration run: only ownership and grants).
 */
export async function ensureEmbeddedRoles(superuserUrl: string, { roles = true }: { roles?: boolean } = {}): Promise<void> {
  const u = new URL(superuserUrl);
  const database = decodeURIComponent(u.pathname.slice(1));
  const appPassword = appPasswordFrom(decodeURIComponent(u.password));
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  const ident = (s: string) => client.escapeIdentifier(s);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [ROLES_LOCK]);
    if (roles) {
      const has = async (role: string) => (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1;
      if (!(await has(OWNER_ROLE))) await client.query(`CREATE ROLE ${OWNER_ROLE} NOLOGIN`);
      await client.query(`ALTER ROLE ${OWNER_ROLE} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOLOGIN`);
      if (!(await has(APP_ROLE))) await client.query(`CREATE ROLE ${APP_ROLE} LOGIN`);
      // The statement carries the password in clear: keep it out of postgresql.log, even if it fails.
      await client.query(`SET LOCAL log_statement = 'none'`);
      await client.query(`SET LOCAL log_min_error_statement = 'panic'`);
      await client.query(
        `ALTER ROLE ${APP_ROLE} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS LOGIN PASSWORD ${client.escapeLiteral(appPassword)}`,
      );
    }
    // The schema public is owned by pg_database_owner (PostgreSQL 15+): owning the database owns it.
    await client.query(`ALTER DATABASE ${ident(database)} OWNER TO ${OWNER_ROLE}`);
    // REASSIGN OWNED BY postgres would fail (it also owns the system catalogs): re-own what is in public.
    // A sequence owned by a column (bigserial) follows its table and cannot be re-owned on its own.
    const objects = await client.query<{ sql: string }>(
      `SELECT format('ALTER %s %s OWNER TO ${OWNER_ROLE}',
                     CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                    WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                     c.oid::regclass) AS sql
         FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
          AND c.relowner <> '${OWNER_ROLE}'::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                             AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
       UNION ALL
       SELECT format('ALTER ROUTINE %s OWNER TO ${OWNER_ROLE}', p.oid::regprocedure)
         FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '${OWNER_ROLE}'::regrole
       UNION ALL
       SELECT format('ALTER TYPE %s OWNER TO ${OWNER_ROLE}', t.oid::regtype)
         FROM pg_type t
        WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> '${OWNER_ROLE}'::regrole
          AND (t.typtype IN ('e', 'd', 'r')
               OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))`,
    );
    for (const { sql } of objects.rows) await client.query(sql);
    await grantApp(client, database);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

/** What the app role may do: read and write rows (the triggers judge the content), nothing more. */
async function grantApp(client: pg.Client, database: string): Promise<void> {
  for (const sql of [
    `GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${APP_ROLE}`,
    `GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`,
    `GRANT EXECUTE ON ALL ROUTINES IN SCHEMA public TO ${APP_ROLE}`,
    // Tables created by later migrations (run as the owner role) are granted as they are created.
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT EXECUTE ON ROUTINES TO ${APP_ROLE}`,
  ]) {
    await client.query(sql);
  }
  // The migrations' own bookkeeping is read-only for the app (knex's tables, when migrated).
  const knexTables = await client.query<{ t: string }>(
    `SELECT c.oid::regclass::text AS t FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relname IN ('knex_migrations', 'knex_migrations_lock')`,
  );
  for (const { t } of knexTables.rows) await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${t} FROM ${APP_ROLE}`);
}
