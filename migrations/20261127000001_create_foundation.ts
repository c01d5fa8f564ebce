import type { Knex } from 'knex';

// Foundation schema: organisations, staff and household accounts, sessions, login throttling,
// households with members, payment references and the audit trail. Self-contained: imports no app code.
// knex-pglite sends each statement as a prepared statement, which holds one command: one string each.
const statements = [
  `CREATE TABLE organisations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    role text NOT NULL CHECK (role IN ('coordinator', 'referent', 'household')),
    email text,
    name text NOT NULL,
    household_id uuid,
    password_hash text,
    password_changed_at timestamptz,   -- audited in place of the hash
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- staff log in by e-mail, households by their household's reference
    CHECK ((role = 'household') = (household_id IS NOT NULL)),
    CHECK (role = 'household' OR email IS NOT NULL)
  )`,
  `CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE email IS NOT NULL`,
  `CREATE UNIQUE INDEX users_household_key ON users (household_id) WHERE household_id IS NOT NULL`,
  `CREATE TABLE sessions (
    id text PRIMARY KEY,            -- SHA-256 of the cookie token; the token itself is never stored
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    ip text,
    user_agent text
  )`,
  `CREATE INDEX sessions_user_idx ON sessions (user_id)`,
  `CREATE INDEX sessions_expires_idx ON sessions (expires_at)`,
  // Failed logins per account and per address, kept in the database so that every API process sees them.
  `CREATE TABLE login_throttles (
    key text PRIMARY KEY,
    failures integer NOT NULL DEFAULT 0,
    window_started_at timestamptz NOT NULL DEFAULT now(),
    locked_until timestamptz
  )`,
  `CREATE SEQUENCE household_reference_seq START 1`,
  // One registry of Belgian structured communications, so that a bank line matches exactly one owner
  // (a household's savings now; rental-deposit advances later).
  `CREATE TABLE payment_references (
    communication char(12) PRIMARY KEY CHECK (communication ~ '^[0-9]{12}$'),
    owner_kind text NOT NULL,
    owner_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE households (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    reference text NOT NULL UNIQUE,
    display_name text NOT NULL CHECK (length(trim(display_name)) > 0),
    phone text,
    email text,
    preferred_language text NOT NULL DEFAULT 'fr' CHECK (preferred_language IN ('fr', 'nl', 'en')),
    commune text,
    dependents integer NOT NULL DEFAULT 0 CHECK (dependents >= 0),
    monthly_income numeric(14,2) CHECK (monthly_income >= 0),
    referent_id uuid REFERENCES users(id),
    single_parent boolean NOT NULL DEFAULT false,
    pas_solo boolean NOT NULL DEFAULT false,
    notes text,
    structured_communication char(12) NOT NULL UNIQUE REFERENCES payment_references(communication),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX households_org_name_idx ON households (organisation_id, lower(display_name))`,
  `CREATE INDEX households_referent_idx ON households (referent_id)`,
  `ALTER TABLE users ADD CONSTRAINT users_household_fk FOREIGN KEY (household_id) REFERENCES households(id)`,
  `CREATE TABLE household_members (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    household_id uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    position integer NOT NULL,
    first_name text NOT NULL CHECK (length(trim(first_name)) > 0),
    last_name text NOT NULL CHECK (length(trim(last_name)) > 0),
    kind text NOT NULL CHECK (kind IN ('adult', 'child')),
    birth_year integer CHECK (birth_year BETWEEN 1900 AND 2200),
    UNIQUE (household_id, position)
  )`,
  // At most one live activation code per household; issuing a new one replaces the row.
  `CREATE TABLE activation_codes (
    household_id uuid PRIMARY KEY REFERENCES households(id) ON DELETE CASCADE,
    code_hash text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    issued_by uuid REFERENCES users(id),
    issued_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    txid bigint NOT NULL DEFAULT txid_current(),
    actor_user_id uuid,
    actor_label text NOT NULL,
    request_id text,
    action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    household_id uuid,
    before jsonb,
    after jsonb
  )`,
  `CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id)`,
  `CREATE INDEX audit_log_household_idx ON audit_log (household_id, id) WHERE household_id IS NOT NULL`,
  // Every change to an audited table writes who, when, before and after. The application declares who
  // acts with set_config('pot.actor_label', …, true) in its transaction; a write without it is refused,
  // so no code path can change a record unaudited. TG_ARGV lists columns never copied (secrets).
  `CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    actor_label text := nullif(current_setting('pot.actor_label', true), '');
    actor_id text := nullif(current_setting('pot.actor_id', true), '');
    old_row jsonb;
    new_row jsonb;
    hid text;
    i integer;
  BEGIN
    IF actor_label IS NULL THEN
      RAISE EXCEPTION 'audited change to % without an actor', TG_TABLE_NAME USING ERRCODE = 'P0001';
    END IF;
    -- Numbers are kept as their exact text ("1850.50"): as JSON numbers, clients would lose money's scale.
    IF TG_OP <> 'INSERT' THEN
      SELECT jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) = 'number' THEN to_jsonb(value #>> '{}') ELSE value END)
        INTO old_row FROM jsonb_each(to_jsonb(OLD));
    END IF;
    IF TG_OP <> 'DELETE' THEN
      SELECT jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) = 'number' THEN to_jsonb(value #>> '{}') ELSE value END)
        INTO new_row FROM jsonb_each(to_jsonb(NEW));
    END IF;
    -- TG_ARGV[0] names the id column ('' for id); the rest are columns never copied.
    FOR i IN 1 .. TG_NARGS - 1 LOOP
      old_row := old_row - TG_ARGV[i];
      new_row := new_row - TG_ARGV[i];
    END LOOP;
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
      RETURN NEW;
    END IF;
    hid := coalesce(new_row, old_row) ->> 'household_id';
    IF TG_TABLE_NAME = 'households' THEN hid := coalesce(new_row, old_row) ->> 'id'; END IF;
    INSERT INTO audit_log (actor_user_id, actor_label, request_id, action, entity_type, entity_id, household_id, before, after)
    VALUES (actor_id::uuid, actor_label, nullif(current_setting('pot.request_id', true), ''),
            CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
            TG_TABLE_NAME, coalesce(new_row, old_row) ->> coalesce(nullif(TG_ARGV[0], ''), 'id'),
            hid::uuid, old_row, new_row);
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'password_hash', 'updated_at')`,
  `CREATE TRIGGER households_audit AFTER INSERT OR UPDATE OR DELETE ON households
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER household_members_audit AFTER INSERT OR UPDATE OR DELETE ON household_members
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('')`,
  `CREATE TRIGGER activation_codes_audit AFTER INSERT OR UPDATE OR DELETE ON activation_codes
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('household_id', 'code_hash')`,
  // The audit trail itself is append-only.
  `CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '% rows can never be updated or deleted', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END $$`,
  `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `INSERT INTO organisations (name) VALUES ('Service logement')`,
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of statements) await knex.raw(sql);
}
export async function down(): Promise<void> {
  throw new Error('foundation schema cannot be undone: fix forward');
}
