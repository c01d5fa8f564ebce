import type { Knex } from 'knex';

// Acquisition projects, their units, households' candidacies with dated stages, the compromis and the
// deed's acquisition figures (docs/acquisitions.md). A project's status and a candidacy's stage are never
// stored: they are derived from dated history rows. candidacies.unit_id is the unit a live candidacy holds
// now, kept so that a unique index makes one unit held by one candidacy at a time.
// Also: advances.candidacy_id (the pot advance of a compromis) and journey_sessions.project_id (a project's
// workshops). Self-contained: imports no app code. One SQL command per string.
const STAGES = `'interested', 'candidate', 'selected', 'unit_allocated', 'compromis', 'credit_approved', 'deed', 'moved_in', 'withdrawn'`;

const statements = [
  `CREATE TABLE projects (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    name text NOT NULL CHECK (length(trim(name)) > 0),
    partner text NOT NULL CHECK (partner IN ('fonds_du_logement', 'cltb', 'citydev', 'private_market', 'other')),
    partner_name text CHECK (partner_name IS NULL OR length(trim(partner_name)) > 0),
    tenure text NOT NULL CHECK (tenure IN ('full_ownership', 'clt_ground_lease', 'citydev_conditions')),
    commune text NOT NULL CHECK (length(trim(commune)) > 0),
    address text,
    homes integer NOT NULL CHECK (homes >= 0),
    notes text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, name),
    CHECK (partner <> 'other' OR partner_name IS NOT NULL)
  )`,
  // prospect → open → allocating → under_construction → delivered → closed, each once, dated.
  `CREATE TABLE project_statuses (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    status text NOT NULL CHECK (status IN ('prospect', 'open', 'allocating', 'under_construction', 'delivered', 'closed')),
    status_on date NOT NULL,
    note text,
    author_id uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, status)
  )`,
  // A project's rules from a date until the next row: shares are fractions (0.30 = 30 %).
  `CREATE TABLE project_rules (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    from_on date NOT NULL,
    deferred_price_allowed boolean NOT NULL DEFAULT false,
    deferred_price_max_percent numeric(5,4) CHECK (deferred_price_max_percent BETWEEN 0 AND 1),
    income_ceiling numeric(14,2) CHECK (income_ceiling >= 0),
    income_ceiling_per_dependent numeric(14,2) CHECK (income_ceiling_per_dependent >= 0),
    occupancy_years integer CHECK (occupancy_years BETWEEN 0 AND 99),
    clt_resale_share_percent numeric(5,4) CHECK (clt_resale_share_percent BETWEEN 0 AND 1),
    note text,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, from_on),
    CHECK (deferred_price_allowed OR deferred_price_max_percent IS NULL)
  )`,
  `CREATE TABLE units (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    label text NOT NULL CHECK (length(trim(label)) > 0),
    floor integer CHECK (floor BETWEEN -5 AND 200),
    bedrooms integer NOT NULL CHECK (bedrooms BETWEEN 0 AND 20),
    floor_area numeric(8,2) CHECK (floor_area > 0),
    price numeric(14,2) NOT NULL CHECK (price > 0),
    tax_regime text NOT NULL DEFAULT 'registration_duties' CHECK (tax_regime IN ('registration_duties', 'vat')),
    vat_rate numeric(5,4) CHECK (vat_rate BETWEEN 0 AND 1),
    land_share numeric(14,2) CHECK (land_share >= 0 AND land_share <= price),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, label),
    CHECK ((tax_regime = 'vat') = (vat_rate IS NOT NULL AND land_share IS NOT NULL)),
    CHECK (tax_regime = 'vat' OR (vat_rate IS NULL AND land_share IS NULL))
  )`,
  // The reasons a candidacy is withdrawn: reference data coordinators rename, extend and retire.
  `CREATE TABLE withdrawal_reasons (
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
  `CREATE TABLE candidacies (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    project_id uuid NOT NULL REFERENCES projects(id),
    household_id uuid NOT NULL REFERENCES households(id),
    unit_id uuid REFERENCES units(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  // One unit, one live holder: a withdrawal sets unit_id back to NULL in the same transaction.
  `CREATE UNIQUE INDEX candidacies_unit_holder_key ON candidacies (unit_id) WHERE unit_id IS NOT NULL`,
  `CREATE INDEX candidacies_project_idx ON candidacies (project_id)`,
  `CREATE INDEX candidacies_household_idx ON candidacies (household_id)`,
  `CREATE TABLE candidacy_stages (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidacy_id uuid NOT NULL REFERENCES candidacies(id) ON DELETE CASCADE,
    household_id uuid NOT NULL REFERENCES households(id),
    stage text NOT NULL CHECK (stage IN (${STAGES})),
    stage_on date NOT NULL,
    note text,
    unit_id uuid REFERENCES units(id),
    reason_id uuid REFERENCES withdrawal_reasons(id),
    author_id uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (candidacy_id, stage),
    CHECK ((stage = 'withdrawn') = (reason_id IS NOT NULL))
  )`,
  `CREATE INDEX candidacy_stages_stage_on_idx ON candidacy_stages (stage, stage_on)`,
  // The sale agreement: its date is the compromis stage's.
  `CREATE TABLE compromis (
    candidacy_id uuid PRIMARY KEY REFERENCES candidacies(id) ON DELETE CASCADE,
    household_id uuid NOT NULL REFERENCES households(id),
    signed_on date NOT NULL,
    price numeric(14,2) NOT NULL CHECK (price > 0),
    down_payment numeric(14,2) NOT NULL CHECK (down_payment > 0 AND down_payment <= price),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  // The deed and the purchase's figures. notary_fees: everything paid to the notary except duties
  // (fee on the scale, its VAT, admin costs). Rates and shares are fractions.
  `CREATE TABLE acquisitions (
    candidacy_id uuid PRIMARY KEY REFERENCES candidacies(id) ON DELETE CASCADE,
    household_id uuid NOT NULL REFERENCES households(id),
    deed_on date NOT NULL,
    notary text NOT NULL CHECK (length(trim(notary)) > 0),
    price numeric(14,2) NOT NULL CHECK (price > 0),
    tax_regime text NOT NULL CHECK (tax_regime IN ('registration_duties', 'vat')),
    vat_rate numeric(5,4) CHECK (vat_rate BETWEEN 0 AND 1),
    land_share numeric(14,2) CHECK (land_share >= 0),
    vat numeric(14,2) NOT NULL CHECK (vat >= 0),
    deferred_percent numeric(5,4) NOT NULL DEFAULT 0 CHECK (deferred_percent BETWEEN 0 AND 1),
    deferred_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (deferred_amount >= 0),
    registration_duties numeric(14,2) NOT NULL CHECK (registration_duties >= 0),
    notary_fees numeric(14,2) NOT NULL CHECK (notary_fees >= 0),
    own_funds numeric(14,2) NOT NULL DEFAULT 0 CHECK (own_funds >= 0),
    lender text,
    loan_amount numeric(14,2) CHECK (loan_amount >= 0),
    annual_rate numeric(7,6) CHECK (annual_rate BETWEEN 0 AND 1),
    loan_years integer CHECK (loan_years BETWEEN 1 AND 50),
    monthly_payment numeric(14,2) CHECK (monthly_payment >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((loan_amount IS NULL) = (annual_rate IS NULL) AND (loan_amount IS NULL) = (loan_years IS NULL) AND (loan_amount IS NULL) = (monthly_payment IS NULL))
  )`,
  `CREATE INDEX acquisitions_deed_on_idx ON acquisitions (deed_on)`,
  // The pot advance of a compromis: one advance not cancelled per candidacy.
  `ALTER TABLE advances ADD COLUMN candidacy_id uuid REFERENCES candidacies(id)`,
  `CREATE UNIQUE INDEX advances_candidacy_key ON advances (candidacy_id) WHERE candidacy_id IS NOT NULL AND status <> 'cancelled'`,
  // A session (e.g. a CLTB project workshop) about one project; the free-text project column stays as it was.
  `ALTER TABLE journey_sessions ADD COLUMN project_id uuid REFERENCES projects(id)`,
  `CREATE INDEX journey_sessions_project_idx ON journey_sessions (project_id) WHERE project_id IS NOT NULL`,
  `CREATE TRIGGER projects_audit AFTER INSERT OR UPDATE OR DELETE ON projects
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER project_statuses_audit AFTER INSERT OR UPDATE OR DELETE ON project_statuses
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER project_rules_audit AFTER INSERT OR UPDATE OR DELETE ON project_rules
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER units_audit AFTER INSERT OR UPDATE OR DELETE ON units
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER withdrawal_reasons_audit AFTER INSERT OR UPDATE OR DELETE ON withdrawal_reasons
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER candidacies_audit AFTER INSERT OR UPDATE OR DELETE ON candidacies
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER candidacy_stages_audit AFTER INSERT OR UPDATE OR DELETE ON candidacy_stages
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER compromis_audit AFTER INSERT OR UPDATE OR DELETE ON compromis
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('candidacy_id', 'updated_at')`,
  `CREATE TRIGGER acquisitions_audit AFTER INSERT OR UPDATE OR DELETE ON acquisitions
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('candidacy_id', 'updated_at')`,
  // Reference data, written as the migration (audited tables refuse writes without an actor).
  `SELECT set_config('pot.actor_label', 'system:migration', true)`,
  `INSERT INTO withdrawal_reasons (key, position, name_fr, name_nl, name_en) VALUES
    ('household_choice', 1, 'Choix du ménage', 'Keuze van het gezin', 'Household''s choice'),
    ('not_selected', 2, 'Non retenu', 'Niet geselecteerd', 'Not selected'),
    ('income_ceiling', 3, 'Revenus hors plafond', 'Inkomen boven het plafond', 'Income above the ceiling'),
    ('credit_refused', 4, 'Crédit refusé', 'Krediet geweigerd', 'Loan refused'),
    ('other_project', 5, 'Autre projet', 'Ander project', 'Another project'),
    ('bought_elsewhere', 6, 'A acheté ailleurs', 'Elders gekocht', 'Bought elsewhere'),
    ('moved', 7, 'A déménagé', 'Verhuisd', 'Moved away'),
    ('other', 8, 'Autre', 'Andere', 'Other')`,
];

export async function up(knex: Knex): Promise<void> {
  // set_config(…, true) lasts until the end of the transaction knex runs each migration in.
  for (const sql of statements) await knex.raw(sql);
}
export async function down(): Promise<void> {
  throw new Error('acquisitions cannot be undone: fix forward');
}
