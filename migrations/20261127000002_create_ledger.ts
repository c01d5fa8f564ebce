import type { Knex } from 'knex';

/**
 * GECS groups and the savings ledger: a double-entry journal whose rules live in the database.
 * - Every journal entry balances to zero and has at least two postings (deferred constraint triggers).
 * - Entries and postings can never be updated, deleted or truncated (refuse_change).
 * - Every posting keeps a per-account, per-day running balance (account_daily_balances), so a balance
 *   at any date is one index lookup, whatever the length of the history; a CHECK on those rows means
 *   no account is ever overdrawn at any date — not the pot, not a household's savings.
 * - No entry may be dated in a month closed for its group.
 * One SQL command per statement: knex-pglite prepares each one.
 */
const statements = [
  `CREATE TABLE savings_groups (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    name text NOT NULL,
    cohort text NOT NULL,
    starts_on date NOT NULL,
    ends_on date,
    exit_policy text NOT NULL CHECK (exit_policy IN ('refund_now', 'refund_at_group_end', 'refund_minus_costs')),
    exit_cost numeric(14,2) NOT NULL DEFAULT 0 CHECK (exit_cost >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR ends_on >= starts_on),
    UNIQUE (organisation_id, name)
  )`,
  // The amount each member pays per month, from a month on; the latest effective row applies.
  `CREATE TABLE group_monthly_amounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id uuid NOT NULL REFERENCES savings_groups(id),
    effective_from date NOT NULL CHECK (extract(day FROM effective_from) = 1),
    amount numeric(14,2) NOT NULL CHECK (amount > 0),
    UNIQUE (group_id, effective_from)
  )`,
  `CREATE TABLE group_members (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id uuid NOT NULL REFERENCES savings_groups(id),
    household_id uuid NOT NULL REFERENCES households(id),
    joined_on date NOT NULL,
    left_on date,
    officer_role text CHECK (officer_role IN ('president', 'treasurer', 'secretary')),
    CHECK (left_on IS NULL OR left_on >= joined_on),
    CHECK (officer_role IS NULL OR left_on IS NULL),
    UNIQUE (group_id, household_id)
  )`,
  // A household's memberships, found without reading the group's other members.
  `CREATE INDEX group_members_household_idx ON group_members (household_id, joined_on)`,
  // A household saves in one group at a time; a group has one officer of each kind.
  `CREATE UNIQUE INDEX group_members_one_active_group ON group_members (household_id) WHERE left_on IS NULL`,
  `CREATE UNIQUE INDEX group_members_one_officer ON group_members (group_id, officer_role) WHERE officer_role IS NOT NULL`,
  `CREATE TABLE month_closings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id uuid NOT NULL REFERENCES savings_groups(id),
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    closed_at timestamptz NOT NULL DEFAULT now(),
    closed_by uuid REFERENCES users(id),
    closed_by_label text NOT NULL,
    UNIQUE (group_id, month)
  )`,
  // A down-payment advance: approved (reserves pot cash), then paid (an entry), or cancelled.
  `CREATE TABLE advances (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    group_id uuid NOT NULL REFERENCES savings_groups(id),
    household_id uuid NOT NULL REFERENCES households(id),
    amount numeric(14,2) NOT NULL CHECK (amount > 0),
    status text NOT NULL CHECK (status IN ('approved', 'paid', 'cancelled')),
    approved_on date NOT NULL,
    paid_on date,
    cancelled_on date,
    cancel_reason text,
    note text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'paid') = (paid_on IS NOT NULL) OR status = 'cancelled'),
    CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL))
  )`,
  `CREATE INDEX advances_group_idx ON advances (group_id, status)`,
  `CREATE INDEX advances_household_idx ON advances (household_id)`,
  // Accounts. normal_sign: +1 for what the group or household holds (debit-normal), -1 for what is owed
  // to households or kept by the group (credit-normal). balance is the current signed total (debits +).
  `CREATE TABLE ledger_accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    kind text NOT NULL CHECK (kind IN ('pot_cash', 'group_reserve', 'group_savings', 'advance_receivable', 'individual_savings', 'individual_holdings')),
    group_id uuid REFERENCES savings_groups(id),
    household_id uuid REFERENCES households(id),
    normal_sign smallint NOT NULL CHECK (normal_sign IN (1, -1)),
    balance numeric(14,2) NOT NULL DEFAULT 0,
    CHECK (CASE kind
      WHEN 'pot_cash' THEN group_id IS NOT NULL AND household_id IS NULL AND normal_sign = 1
      WHEN 'group_reserve' THEN group_id IS NOT NULL AND household_id IS NULL AND normal_sign = -1
      WHEN 'group_savings' THEN group_id IS NOT NULL AND household_id IS NOT NULL AND normal_sign = -1
      WHEN 'advance_receivable' THEN group_id IS NOT NULL AND household_id IS NOT NULL AND normal_sign = 1
      WHEN 'individual_savings' THEN group_id IS NULL AND household_id IS NOT NULL AND normal_sign = -1
      ELSE group_id IS NULL AND household_id IS NOT NULL AND normal_sign = 1 END)
  )`,
  `CREATE UNIQUE INDEX ledger_accounts_identity ON ledger_accounts
    (kind, coalesce(group_id, '00000000-0000-0000-0000-000000000000'), coalesce(household_id, '00000000-0000-0000-0000-000000000000'))`,
  // A household's accounts (a handful), by kind and group: a deposit finds its account without scanning the group's.
  `CREATE INDEX ledger_accounts_household_idx ON ledger_accounts (household_id, kind, group_id) WHERE household_id IS NOT NULL`,
  `CREATE INDEX ledger_accounts_group_idx ON ledger_accounts (group_id, kind) WHERE group_id IS NOT NULL`,
  `CREATE TABLE journal_entries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    group_id uuid REFERENCES savings_groups(id),
    household_id uuid REFERENCES households(id),
    advance_id uuid REFERENCES advances(id),
    kind text NOT NULL CHECK (kind IN ('deposit_group', 'deposit_individual', 'advance_payment', 'advance_repayment', 'refund', 'dividend', 'reversal')),
    value_date date NOT NULL,
    memo text,
    bank_reference text,
    reverses_entry_id uuid UNIQUE REFERENCES journal_entries(id),
    reason text,
    idempotency_key text,
    created_by uuid REFERENCES users(id),
    created_by_label text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_txid bigint NOT NULL DEFAULT txid_current(),
    CHECK ((kind = 'reversal') = (reverses_entry_id IS NOT NULL)),
    CHECK (kind <> 'reversal' OR length(btrim(coalesce(reason, ''))) > 0)
  )`,
  `CREATE INDEX journal_entries_group_idx ON journal_entries (group_id, value_date)`,
  `CREATE INDEX journal_entries_household_idx ON journal_entries (household_id, value_date)`,
  `CREATE INDEX journal_entries_advance_idx ON journal_entries (advance_id) WHERE advance_id IS NOT NULL`,
  `CREATE TABLE ledger_postings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id uuid NOT NULL REFERENCES journal_entries(id),
    account_id uuid NOT NULL REFERENCES ledger_accounts(id),
    value_date date NOT NULL,
    amount numeric(14,2) NOT NULL CHECK (amount <> 0),
    UNIQUE (entry_id, account_id)
  )`,
  `CREATE INDEX ledger_postings_account_date_idx ON ledger_postings (account_id, value_date)`,
  // Running balance per account and day with postings: closing = balance at the end of that day.
  `CREATE TABLE account_daily_balances (
    account_id uuid NOT NULL REFERENCES ledger_accounts(id),
    day date NOT NULL,
    movement numeric(14,2) NOT NULL,
    closing numeric(14,2) NOT NULL,
    normal_sign smallint NOT NULL,
    PRIMARY KEY (account_id, day),
    CONSTRAINT account_never_overdrawn CHECK (normal_sign * closing >= 0)
  )`,
  // A posting's value date is its entry's, and postings join an entry only in the transaction that
  // creates it: a committed entry can never gain lines. An entry may not fall in a closed month.
  `CREATE FUNCTION ledger_posting_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    entry_txid bigint;
  BEGIN
    SELECT value_date, created_txid INTO NEW.value_date, entry_txid FROM journal_entries WHERE id = NEW.entry_id;
    IF entry_txid IS DISTINCT FROM txid_current() THEN
      RAISE EXCEPTION 'postings can only be added in the transaction that creates their entry' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER ledger_postings_value_date BEFORE INSERT ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_posting_before_insert()`,
  `CREATE FUNCTION journal_entry_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.group_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM month_closings WHERE group_id = NEW.group_id AND month >= date_trunc('month', NEW.value_date)::date
    ) THEN
      RAISE EXCEPTION 'the month of % is closed for this group', NEW.value_date USING ERRCODE = 'PC001';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER journal_entries_open_month BEFORE INSERT ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION journal_entry_before_insert()`,
  // Keeps the account's current balance and its daily running balances. The UPDATE of the account row
  // comes first: it locks the account, so concurrent postings to one account are applied one by one.
  `CREATE FUNCTION ledger_posting_apply() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    sign smallint;
    previous numeric(14,2);
  BEGIN
    UPDATE ledger_accounts SET balance = balance + NEW.amount WHERE id = NEW.account_id RETURNING normal_sign INTO sign;
    UPDATE account_daily_balances SET closing = closing + NEW.amount
      WHERE account_id = NEW.account_id AND day > NEW.value_date;
    UPDATE account_daily_balances SET movement = movement + NEW.amount, closing = closing + NEW.amount
      WHERE account_id = NEW.account_id AND day = NEW.value_date;
    IF NOT FOUND THEN
      SELECT closing INTO previous FROM account_daily_balances
        WHERE account_id = NEW.account_id AND day < NEW.value_date ORDER BY day DESC LIMIT 1;
      INSERT INTO account_daily_balances (account_id, day, movement, closing, normal_sign)
        VALUES (NEW.account_id, NEW.value_date, NEW.amount, coalesce(previous, 0) + NEW.amount, sign);
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER ledger_postings_apply AFTER INSERT ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_posting_apply()`,
  // Checked at commit, once all postings of the entry are in.
  `CREATE FUNCTION ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    -- TG_ARGV[0] names the column holding the entry's id.
    entry uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
    total numeric;
    lines integer;
  BEGIN
    SELECT coalesce(sum(amount), 0), count(*) INTO total, lines FROM ledger_postings WHERE entry_id = entry;
    IF lines < 2 OR total <> 0 THEN
      RAISE EXCEPTION 'journal entry % does not balance (% postings, total %)', entry, lines, total USING ERRCODE = 'PC002';
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced('id')`,
  `CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced('entry_id')`,
  // Balances are derived from postings only: written by the posting trigger (nested, depth ≥ 2), never
  // directly. An account is created with a zero balance.
  `CREATE FUNCTION ledger_derived_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF pg_trigger_depth() < 2 THEN
      -- (NEW read through jsonb: the two tables have different columns.)
      IF NOT (TG_OP = 'INSERT' AND TG_TABLE_NAME = 'ledger_accounts' AND (to_jsonb(NEW) ->> 'balance')::numeric = 0) THEN
        RAISE EXCEPTION '% is derived from postings and cannot be written directly', TG_TABLE_NAME USING ERRCODE = 'P0001';
      END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER ledger_accounts_derived BEFORE INSERT OR UPDATE OR DELETE ON ledger_accounts
    FOR EACH ROW EXECUTE FUNCTION ledger_derived_guard()`,
  `CREATE TRIGGER account_daily_balances_derived BEFORE INSERT OR UPDATE OR DELETE ON account_daily_balances
    FOR EACH ROW EXECUTE FUNCTION ledger_derived_guard()`,
  `CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON ledger_accounts
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER account_daily_balances_no_truncate BEFORE TRUNCATE ON account_daily_balances
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  // Posted money is never edited or deleted, whoever asks: corrections are reversal entries.
  `CREATE TRIGGER journal_entries_immutable BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER ledger_postings_immutable BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER month_closings_final BEFORE UPDATE OR DELETE ON month_closings
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  // A money operation retried with the same key returns the first answer and posts nothing.
  `CREATE TABLE idempotency_keys (
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    key text NOT NULL,
    fingerprint text NOT NULL,
    status integer,
    body jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, key)
  )`,
  // Every savings statement handed out: its number and the code that lets a copy be checked.
  `CREATE TABLE issued_statements (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    household_id uuid NOT NULL REFERENCES households(id),
    period_from date NOT NULL,
    period_to date NOT NULL,
    language text NOT NULL,
    verification_code text NOT NULL,
    generated_at timestamptz NOT NULL DEFAULT now(),
    generated_by uuid REFERENCES users(id),
    generated_by_label text NOT NULL
  )`,
  `CREATE TRIGGER issued_statements_final BEFORE UPDATE OR DELETE ON issued_statements
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  // Who changed groups, members, amounts, advances, closings: the audit trail like every record.
  `CREATE TRIGGER savings_groups_audit AFTER INSERT OR UPDATE OR DELETE ON savings_groups
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER group_monthly_amounts_audit AFTER INSERT OR UPDATE OR DELETE ON group_monthly_amounts
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('')`,
  `CREATE TRIGGER group_members_audit AFTER INSERT OR UPDATE OR DELETE ON group_members
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('')`,
  `CREATE TRIGGER month_closings_audit AFTER INSERT ON month_closings
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('')`,
  `CREATE TRIGGER advances_audit AFTER INSERT OR UPDATE OR DELETE ON advances
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('', 'updated_at')`,
  `CREATE TRIGGER journal_entries_audit AFTER INSERT ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('')`,
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of statements) await knex.raw(sql);
}
export async function down(): Promise<void> {
  throw new Error('the ledger cannot be undone: fix forward');
}
