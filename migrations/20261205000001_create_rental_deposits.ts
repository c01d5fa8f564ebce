import type { Knex } from 'knex';

/**
 * Rental-deposit advances on the shared ledger (docs/rental-deposits.md).
 *
 * The ledger's books and subjects stop being GECS-only: a book is any row of ledger_books (a GECS
 * group, the rental-deposit fund), a subject any row of ledger_subjects (a GECS advance, a rental
 * advance). Each feature table registers its rows there by trigger, so no insert can forget it, and the
 * ledger's foreign keys point at the registries: integrity stays, whatever feature owns the book.
 * Accounts may now belong to a subject (a rental advance has its own receivable); the chart of
 * accounts and the entry kinds grow by the fund's. Every rule of the ledger stays as it was.
 */
const statements = [
  `CREATE TABLE ledger_books (
    id uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    kind text NOT NULL CHECK (kind IN ('gecs_group', 'rental_deposit_fund')),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE ledger_subjects (
    id uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    kind text NOT NULL CHECK (kind IN ('gecs_advance', 'rental_deposit')),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `INSERT INTO ledger_books (id, organisation_id, kind) SELECT id, organisation_id, 'gecs_group' FROM savings_groups`,
  `INSERT INTO ledger_subjects (id, organisation_id, kind) SELECT id, organisation_id, 'gecs_advance' FROM advances`,
  `CREATE TRIGGER ledger_books_final BEFORE UPDATE OR DELETE ON ledger_books FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER ledger_subjects_final BEFORE UPDATE OR DELETE ON ledger_subjects FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER ledger_books_no_truncate BEFORE TRUNCATE ON ledger_books FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER ledger_subjects_no_truncate BEFORE TRUNCATE ON ledger_subjects FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  // TG_ARGV[0]: the registry ('book' or 'subject'); TG_ARGV[1]: the kind registered.
  `CREATE FUNCTION ledger_register() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_ARGV[0] = 'book' THEN
      INSERT INTO ledger_books (id, organisation_id, kind) VALUES (NEW.id, NEW.organisation_id, TG_ARGV[1]);
    ELSE
      INSERT INTO ledger_subjects (id, organisation_id, kind) VALUES (NEW.id, NEW.organisation_id, TG_ARGV[1]);
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER savings_groups_ledger_book AFTER INSERT ON savings_groups
    FOR EACH ROW EXECUTE FUNCTION ledger_register('book', 'gecs_group')`,
  `CREATE TRIGGER advances_ledger_subject AFTER INSERT ON advances
    FOR EACH ROW EXECUTE FUNCTION ledger_register('subject', 'gecs_advance')`,
  `ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_group_id_fkey`,
  `ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_book_fkey FOREIGN KEY (group_id) REFERENCES ledger_books(id)`,
  `ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_group_id_fkey`,
  `ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_book_fkey FOREIGN KEY (group_id) REFERENCES ledger_books(id)`,
  `ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_advance_id_fkey`,
  `ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_subject_fkey FOREIGN KEY (advance_id) REFERENCES ledger_subjects(id)`,
  `ALTER TABLE month_closings DROP CONSTRAINT month_closings_group_id_fkey`,
  `ALTER TABLE month_closings ADD CONSTRAINT month_closings_book_fkey FOREIGN KEY (group_id) REFERENCES ledger_books(id)`,
  // An account may belong to a subject: a rental advance's receivable.
  `ALTER TABLE ledger_accounts ADD COLUMN advance_id uuid REFERENCES ledger_subjects(id)`,
  `DROP INDEX ledger_accounts_identity`,
  `CREATE UNIQUE INDEX ledger_accounts_identity ON ledger_accounts (kind,
    coalesce(group_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(household_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(advance_id, '00000000-0000-0000-0000-000000000000'))`,
  `CREATE INDEX ledger_accounts_subject_idx ON ledger_accounts (advance_id) WHERE advance_id IS NOT NULL`,
  `ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_kind_check`,
  `ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_check`,
  `ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_chart CHECK (CASE kind
      WHEN 'pot_cash' THEN group_id IS NOT NULL AND household_id IS NULL AND advance_id IS NULL AND normal_sign = 1
      WHEN 'group_reserve' THEN group_id IS NOT NULL AND household_id IS NULL AND advance_id IS NULL AND normal_sign = -1
      WHEN 'group_savings' THEN group_id IS NOT NULL AND household_id IS NOT NULL AND advance_id IS NULL AND normal_sign = -1
      WHEN 'advance_receivable' THEN group_id IS NOT NULL AND household_id IS NOT NULL AND advance_id IS NULL AND normal_sign = 1
      WHEN 'individual_savings' THEN group_id IS NULL AND household_id IS NOT NULL AND advance_id IS NULL AND normal_sign = -1
      WHEN 'individual_holdings' THEN group_id IS NULL AND household_id IS NOT NULL AND advance_id IS NULL AND normal_sign = 1
      WHEN 'fund_cash' THEN group_id IS NOT NULL AND household_id IS NULL AND advance_id IS NULL AND normal_sign = 1
      WHEN 'fund_capital' THEN group_id IS NOT NULL AND household_id IS NULL AND advance_id IS NULL AND normal_sign = -1
      WHEN 'fund_write_offs' THEN group_id IS NOT NULL AND household_id IS NULL AND advance_id IS NULL AND normal_sign = 1
      WHEN 'deposit_receivable' THEN group_id IS NOT NULL AND household_id IS NOT NULL AND advance_id IS NOT NULL AND normal_sign = 1
      ELSE false END)`,
  `ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_kind_check`,
  `ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_kind_check CHECK (kind IN (
      'deposit_group', 'deposit_individual', 'advance_payment', 'advance_repayment', 'refund', 'dividend', 'reversal',
      'fund_contribution', 'deposit_opening', 'deposit_repayment', 'deposit_release', 'deposit_write_off'))`,

  // The fund: one per organisation, a ledger book.
  `CREATE TABLE rental_deposit_funds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL UNIQUE REFERENCES organisations(id),
    name text NOT NULL CHECK (length(btrim(name)) > 0),
    iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TRIGGER rental_deposit_funds_ledger_book AFTER INSERT ON rental_deposit_funds
    FOR EACH ROW EXECUTE FUNCTION ledger_register('book', 'rental_deposit_fund')`,
  `CREATE TRIGGER rental_deposit_funds_audit AFTER INSERT OR UPDATE OR DELETE ON rental_deposit_funds
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,

  // A rental advance: the guarantee placed for a household, its plan, its release. The money is on the
  // ledger (subject = the advance); this row holds the facts and the memo of the guarantee placed.
  `CREATE TABLE rental_deposits (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    fund_id uuid NOT NULL REFERENCES rental_deposit_funds(id),
    household_id uuid NOT NULL REFERENCES households(id),
    landlord_name text NOT NULL CHECK (length(btrim(landlord_name)) > 0),
    landlord_phone text,
    landlord_email text,
    address text NOT NULL CHECK (length(btrim(address)) > 0),
    monthly_rent numeric(14,2) NOT NULL CHECK (monthly_rent > 0),
    amount numeric(14,2) NOT NULL CHECK (amount > 0),
    opened_on date NOT NULL,
    bank text,
    blocked_account_reference text,
    structured_communication char(12) NOT NULL UNIQUE REFERENCES payment_references(communication),
    plan_instalment numeric(14,2) CHECK (plan_instalment > 0),
    plan_months integer CHECK (plan_months > 0),
    first_due_on date NOT NULL,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'released', 'cancelled')),
    released_on date,
    landlord_kept numeric(14,2) CHECK (landlord_kept >= 0),
    cancelled_on date,
    cancel_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((plan_instalment IS NULL) <> (plan_months IS NULL)),
    CHECK (first_due_on >= opened_on),
    CHECK ((status = 'released') = (released_on IS NOT NULL)),
    CHECK ((released_on IS NULL) = (landlord_kept IS NULL)),
    CHECK (landlord_kept IS NULL OR landlord_kept <= amount),
    CHECK (released_on IS NULL OR released_on >= opened_on),
    CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL))
  )`,
  `CREATE INDEX rental_deposits_household_idx ON rental_deposits (household_id, opened_on)`,
  `CREATE INDEX rental_deposits_fund_idx ON rental_deposits (fund_id, status, opened_on)`,
  `CREATE TRIGGER rental_deposits_ledger_subject AFTER INSERT ON rental_deposits
    FOR EACH ROW EXECUTE FUNCTION ledger_register('subject', 'rental_deposit')`,
  `CREATE TRIGGER rental_deposits_audit AFTER INSERT OR UPDATE OR DELETE ON rental_deposits
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  // The repayment plan as agreed at the opening: never changed afterwards.
  `CREATE TABLE rental_deposit_instalments (
    deposit_id uuid NOT NULL REFERENCES rental_deposits(id),
    number integer NOT NULL CHECK (number > 0),
    due_on date NOT NULL,
    amount numeric(14,2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (deposit_id, number)
  )`,
  `CREATE TRIGGER rental_deposit_instalments_final BEFORE UPDATE OR DELETE ON rental_deposit_instalments
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER rental_deposit_instalments_no_truncate BEFORE TRUNCATE ON rental_deposit_instalments
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  // At commit, an advance's instalments sum exactly to its amount.
  `CREATE FUNCTION rental_deposit_plan_sums() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    deposit uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
    planned numeric;
    owed numeric;
  BEGIN
    SELECT coalesce(sum(amount), 0) INTO planned FROM rental_deposit_instalments WHERE deposit_id = deposit;
    SELECT amount INTO owed FROM rental_deposits WHERE id = deposit;
    IF planned <> owed THEN
      RAISE EXCEPTION 'the plan of rental advance % sums to %, not %', deposit, planned, owed USING ERRCODE = 'PC003';
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE CONSTRAINT TRIGGER rental_deposits_plan_sums AFTER INSERT OR UPDATE OF amount ON rental_deposits
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rental_deposit_plan_sums('id')`,
  `CREATE CONSTRAINT TRIGGER rental_deposit_instalments_plan_sums AFTER INSERT ON rental_deposit_instalments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rental_deposit_plan_sums('deposit_id')`,
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of statements) await knex.raw(sql);
}
export async function down(): Promise<void> {
  throw new Error('the ledger cannot be undone: fix forward');
}
