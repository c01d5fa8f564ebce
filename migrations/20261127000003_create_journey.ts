import type { Knex } from 'knex';

// The household journey: phases (ordered, configurable reference data), dated transitions, exits with
// a configurable reason, cohorts, and sessions/workshops with invitations and attendance. A household's
// current phase is never stored: it is derived from its transitions and exits.
// Self-contained: imports no app code. One SQL command per string (knex-pglite prepared statements).
const statements = [
  // Four top-level phases (parent_id NULL) and, below them, sub-steps a coordinator may add. The key is
  // stable (code and the API use it); names are per language; position orders siblings.
  `CREATE TABLE phases (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]{1,39}$'),
    parent_id uuid REFERENCES phases(id),
    position integer NOT NULL CHECK (position >= 0),
    name_fr text NOT NULL CHECK (length(trim(name_fr)) > 0),
    name_nl text NOT NULL CHECK (length(trim(name_nl)) > 0),
    name_en text NOT NULL CHECK (length(trim(name_en)) > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_id IS DISTINCT FROM id)
  )`,
  `CREATE UNIQUE INDEX phases_sibling_position_key ON phases (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), position)`,
  `CREATE TABLE exit_reasons (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]{1,39}$'),
    position integer NOT NULL CHECK (position >= 0),
    name_fr text NOT NULL CHECK (length(trim(name_fr)) > 0),
    name_nl text NOT NULL CHECK (length(trim(name_nl)) > 0),
    name_en text NOT NULL CHECK (length(trim(name_en)) > 0),
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  // A household's move into a phase (or sub-step) on a date; back-dated entries are allowed, future
  // ones are refused by the service. session_id names the information session that moved it, if any.
  `CREATE TABLE journey_transitions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    household_id uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    phase_id uuid NOT NULL REFERENCES phases(id),
    entered_on date NOT NULL,
    note text,
    author_id uuid REFERENCES users(id),
    session_id uuid,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX journey_transitions_household_idx ON journey_transitions (household_id, entered_on)`,
  `CREATE TABLE journey_exits (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    household_id uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    reason_id uuid NOT NULL REFERENCES exit_reasons(id),
    left_on date NOT NULL,
    note text,
    author_id uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX journey_exits_household_idx ON journey_exits (household_id, left_on)`,
  // A yearly group of households in preparation or in action. savings_group_id links an action cohort
  // to its GECS.
  `CREATE TABLE cohorts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    name text NOT NULL CHECK (length(trim(name)) > 0),
    kind text NOT NULL CHECK (kind IN ('preparation', 'action')),
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    savings_group_id uuid REFERENCES savings_groups(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on)
  )`,
  `CREATE UNIQUE INDEX cohorts_org_name_key ON cohorts (organisation_id, lower(name))`,
  `CREATE TABLE cohort_members (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    household_id uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    joined_on date NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (cohort_id, household_id)
  )`,
  `CREATE INDEX cohort_members_household_idx ON cohort_members (household_id)`,
  // Information sessions, workshops and group meetings. Named journey_sessions: "sessions" holds logins.
  // planned → held, or planned → cancelled with a mandatory reason.
  `CREATE TABLE journey_sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    kind text NOT NULL CHECK (kind IN ('information', 'preparation_workshop', 'action_workshop', 'project_workshop', 'group_meeting')),
    title text NOT NULL CHECK (length(trim(title)) > 0),
    starts_at timestamptz NOT NULL,
    place text,
    online boolean NOT NULL DEFAULT false,
    cohort_id uuid REFERENCES cohorts(id),
    savings_group_id uuid REFERENCES savings_groups(id),
    project text,
    facilitator text,
    status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    cancel_reason text,
    notes text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL AND length(trim(cancel_reason)) > 0))
  )`,
  `CREATE INDEX journey_sessions_org_starts_idx ON journey_sessions (organisation_id, starts_at)`,
  `CREATE INDEX journey_sessions_cohort_idx ON journey_sessions (cohort_id) WHERE cohort_id IS NOT NULL`,
  `ALTER TABLE journey_transitions ADD CONSTRAINT journey_transitions_session_fk FOREIGN KEY (session_id) REFERENCES journey_sessions(id)`,
  // One row per invited household; attended and people are set once the session is held.
  `CREATE TABLE session_invitations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id uuid NOT NULL REFERENCES journey_sessions(id) ON DELETE CASCADE,
    household_id uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    attended boolean NOT NULL DEFAULT false,
    people integer CHECK (people BETWEEN 1 AND 30),
    UNIQUE (session_id, household_id),
    CHECK (attended = (people IS NOT NULL))
  )`,
  `CREATE INDEX session_invitations_household_idx ON session_invitations (household_id)`,
  `CREATE TRIGGER phases_audit AFTER INSERT OR UPDATE OR DELETE ON phases
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER exit_reasons_audit AFTER INSERT OR UPDATE OR DELETE ON exit_reasons
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER journey_transitions_audit AFTER INSERT OR UPDATE OR DELETE ON journey_transitions
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('')`,
  `CREATE TRIGGER journey_exits_audit AFTER INSERT OR UPDATE OR DELETE ON journey_exits
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('')`,
  `CREATE TRIGGER cohorts_audit AFTER INSERT OR UPDATE OR DELETE ON cohorts
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER cohort_members_audit AFTER INSERT OR UPDATE OR DELETE ON cohort_members
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('')`,
  `CREATE TRIGGER journey_sessions_audit AFTER INSERT OR UPDATE OR DELETE ON journey_sessions
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER session_invitations_audit AFTER INSERT OR UPDATE OR DELETE ON session_invitations
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('')`,
  // Reference data, written as the migration (audited tables refuse writes without an actor).
  `SELECT set_config('pot.actor_label', 'system:migration', true)`,
  `INSERT INTO phases (key, position, name_fr, name_nl, name_en) VALUES
    ('information', 1, 'Information', 'Informatie', 'Information'),
    ('preparation', 2, 'Préparation', 'Voorbereiding', 'Preparation'),
    ('action', 3, 'Action', 'Actie', 'Action'),
    ('owner', 4, 'Propriétaire — suivi', 'Eigenaar — opvolging', 'Owner — follow-up')`,
  `INSERT INTO exit_reasons (key, position, name_fr, name_nl, name_en) VALUES
    ('withdrew', 1, 'A renoncé', 'Afgehaakt', 'Withdrew'),
    ('income', 2, 'Revenus', 'Inkomen', 'Income'),
    ('moved', 3, 'A déménagé', 'Verhuisd', 'Moved away'),
    ('bought_elsewhere', 4, 'A acheté ailleurs', 'Elders gekocht', 'Bought elsewhere'),
    ('other', 5, 'Autre', 'Andere', 'Other')`,
];

export async function up(knex: Knex): Promise<void> {
  // set_config(…, true) lasts until the end of the transaction knex runs each migration in.
  for (const sql of statements) await knex.raw(sql);
}
export async function down(): Promise<void> {
  throw new Error('journey schema cannot be undone: fix forward');
}
