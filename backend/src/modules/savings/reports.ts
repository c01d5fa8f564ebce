/**
 * What the ledger says at a date: a household's savings, a group's pot, arrears, movements, the
 * invariant check. Balances come from the daily running balances (one lookup per account); only the
 * check and movement lists read postings, and those only for their period.
 */
import type { Knex } from 'knex';
import { addMonths, monthEnd, monthOf, monthsBetween, today } from '../../lib/dates.ts';
import { Money, formatAmount, sum } from '../../lib/money.ts';
import { expectedVsPaid, type ExpectedVsPaid } from './expected.ts';
import { latestMembership, memberRows, monthlyAmountRows, type MemberRow } from './groups.repository.ts';
import { NORMAL_SIGN, signedBalancesAt, type AccountKind } from './ledger.ts';

interface AccountRef {
  id: string;
  kind: AccountKind;
  group_id: string | null;
  household_id: string | null;
}

async function householdAccounts(knex: Knex, householdId: string): Promise<AccountRef[]> {
  return knex('ledger_accounts').where({ household_id: householdId }).select('id', 'kind', 'group_id', 'household_id');
}

/** Sum of balances (normal direction) per account kind at a date. */
async function totalsByKind(knex: Knex, accounts: AccountRef[], on: string): Promise<Record<AccountKind, Money>> {
  const balances = await signedBalancesAt(knex, accounts.map((a) => a.id), on);
  const totals = Object.fromEntries(Object.keys(NORMAL_SIGN).map((k) => [k, new Money(0)])) as Record<AccountKind, Money>;
  for (const a of accounts) totals[a.kind] = totals[a.kind].plus(balances.get(a.id)!.times(NORMAL_SIGN[a.kind]));
  return totals;
}

/**
 * Group deposits of a household up to a date, net of their reversals, summed per month (one row per
 * month, dated on its first day): what expected-vs-paid needs, read from the savings account's
 * postings through its (account, date) index.
 */
async function depositPayments(knex: Knex, householdId: string, groupId: string, on: string): Promise<Array<{ valueDate: string; amount: string }>> {
  const rows = (await knex.raw(
    `SELECT to_char(date_trunc('month', p.value_date), 'YYYY-MM-DD') AS month, sum(-p.amount) AS amount
       FROM ledger_accounts a
       JOIN ledger_postings p ON p.account_id = a.id AND p.value_date <= ?::date
       JOIN journal_entries e ON e.id = p.entry_id
      WHERE a.household_id = ? AND a.group_id = ? AND a.kind = 'group_savings'
        AND (e.kind = 'deposit_group'
             OR (e.kind = 'reversal' AND EXISTS (SELECT 1 FROM journal_entries o WHERE o.id = e.reverses_entry_id AND o.kind = 'deposit_group')))
      GROUP BY 1
      ORDER BY 1`,
    [on, householdId, groupId],
  )) as { rows: Array<{ month: string; amount: string }> };
  return rows.rows.map((r) => ({ valueDate: r.month, amount: r.amount }));
}

/** The group's end date, if set: no monthly amount is due after it. */
async function groupEndDate(knex: Knex, groupId: string): Promise<string | null> {
  const row = await knex('savings_groups').where({ id: groupId }).first<{ ends_on: string | null } | undefined>('ends_on');
  return row?.ends_on ?? null;
}

/** Expected vs paid of a member, month by month, at a date. */
export async function memberExpectedVsPaid(knex: Knex, member: Pick<MemberRow, 'group_id' | 'household_id' | 'joined_on' | 'left_on'>, on: string): Promise<ExpectedVsPaid> {
  const periods = (await monthlyAmountRows(knex, member.group_id)).map((p) => ({ effectiveFrom: p.effective_from, amount: p.amount }));
  const payments = await depositPayments(knex, member.household_id, member.group_id, on);
  const groupEndsOn = await groupEndDate(knex, member.group_id);
  return expectedVsPaid({ periods, joinedOn: member.joined_on, leftOn: member.left_on, groupEndsOn, payments, on });
}

export interface HouseholdSavings {
  on: string;
  groupId: string | null;
  groupSavings: Money;
  individualSavings: Money;
  outstandingAdvance: Money;
  expected: ExpectedVsPaid | null;
}

/**
 * A household's balances at the end of a date — group savings, individual savings, advance owed — from
 * the running balances: two indexed queries, whatever the length of its history.
 */
export async function householdBalances(knex: Knex, householdId: string, on: string): Promise<{ groupSavings: Money; individualSavings: Money; outstandingAdvance: Money }> {
  const totals = await totalsByKind(knex, await householdAccounts(knex, householdId), on);
  return { groupSavings: totals.group_savings, individualSavings: totals.individual_savings, outstandingAdvance: totals.advance_receivable };
}

/** Balances plus expected vs paid month by month (which lists every month of membership). */
export async function householdSavings(knex: Knex, householdId: string, on: string): Promise<HouseholdSavings> {
  const balances = await householdBalances(knex, householdId, on);
  const member = await latestMembership(knex, householdId);
  const expected = member && member.joined_on <= on ? await memberExpectedVsPaid(knex, member, on) : null;
  return { on, groupId: member?.group_id ?? null, ...balances, expected };
}

export interface PotFigures {
  on: string;
  cash: Money;
  reserved: Money;
  available: Money;
  outstandingAdvances: Money;
  membersSavings: Money;
  unallocated: Money;
}

/** Reserved cash on a date: advances approved by then and neither paid nor cancelled by then. */
async function reservedOn(knex: Knex, groupId: string, dates: string[]): Promise<Map<string, Money>> {
  const advances = await knex('advances')
    .where({ group_id: groupId })
    .select<Array<{ amount: string; approved_on: string; paid_on: string | null; cancelled_on: string | null }>>('amount', 'approved_on', 'paid_on', 'cancelled_on');
  return new Map(
    dates.map((d) => [
      d,
      sum(advances.filter((a) => a.approved_on <= d && !(a.paid_on && a.paid_on <= d) && !(a.cancelled_on && a.cancelled_on <= d)).map((a) => a.amount)),
    ]),
  );
}

/** Pot figures at several dates with one balance lookup per (account, date). */
async function potAt(knex: Knex, groupId: string, dates: string[]): Promise<PotFigures[]> {
  // The pot's own accounts and the advance accounts (one per household that ever had an advance).
  const accounts: AccountRef[] = await knex('ledger_accounts')
    .where({ group_id: groupId })
    .whereIn('kind', ['pot_cash', 'group_reserve', 'advance_receivable'])
    .select('id', 'kind', 'group_id', 'household_id');
  const reserved = await reservedOn(knex, groupId, dates);
  const out: PotFigures[] = [];
  for (const on of dates) {
    const totals = await totalsByKind(knex, accounts, on);
    const cash = totals.pot_cash;
    const r = reserved.get(on)!;
    // Every entry of a group balances within the group's accounts, so pot cash + advances = savings + reserve.
    const membersSavings = cash.plus(totals.advance_receivable).minus(totals.group_reserve);
    out.push({ on, cash, reserved: r, available: cash.minus(r), outstandingAdvances: totals.advance_receivable, membersSavings, unallocated: totals.group_reserve });
  }
  return out;
}

export async function groupPot(knex: Knex, groupId: string, on: string): Promise<PotFigures> {
  return (await potAt(knex, groupId, [on]))[0]!;
}

/** Month-end pot figures for charts (the last point is `to` itself when the month has not ended). */
export async function groupPotSeries(knex: Knex, groupId: string, from: string, to: string): Promise<PotFigures[]> {
  const dates = monthsBetween(monthOf(from), monthOf(to)).map((m) => (monthEnd(m) > to ? to : monthEnd(m)));
  return potAt(knex, groupId, dates);
}

export interface MemberSummary {
  member: MemberRow;
  groupSavings: Money;
  outstandingAdvance: Money;
  expected: ExpectedVsPaid;
}

/** Every member with savings, advance and arrears at a date. */
export async function groupMembersAt(knex: Knex, groupId: string, on: string): Promise<MemberSummary[]> {
  const members = await memberRows(knex, groupId);
  const accounts: AccountRef[] = await knex('ledger_accounts')
    .where({ group_id: groupId })
    .whereIn('kind', ['group_savings', 'advance_receivable'])
    .select('id', 'kind', 'group_id', 'household_id');
  const balances = await signedBalancesAt(knex, accounts.map((a) => a.id), on);
  const byHousehold = new Map<string, { savings: Money; advance: Money }>();
  for (const a of accounts) {
    const entry = byHousehold.get(a.household_id!) ?? { savings: new Money(0), advance: new Money(0) };
    const value = balances.get(a.id)!.times(NORMAL_SIGN[a.kind]);
    if (a.kind === 'group_savings') entry.savings = value;
    else entry.advance = value;
    byHousehold.set(a.household_id!, entry);
  }
  const periods = (await monthlyAmountRows(knex, groupId)).map((p) => ({ effectiveFrom: p.effective_from, amount: p.amount }));
  // Arrears need only what each member paid in total: one aggregate query for the whole group.
  const paid = (await knex.raw(
    `SELECT a.household_id, sum(-p.amount) AS total
       FROM ledger_postings p
       JOIN ledger_accounts a ON a.id = p.account_id
       JOIN journal_entries e ON e.id = p.entry_id
       LEFT JOIN journal_entries o ON o.id = e.reverses_entry_id
      WHERE a.group_id = ? AND a.kind = 'group_savings' AND p.value_date <= ?::date
        AND (e.kind = 'deposit_group' OR (e.kind = 'reversal' AND o.kind = 'deposit_group'))
      GROUP BY a.household_id`,
    [groupId, on],
  )) as { rows: Array<{ household_id: string; total: string }> };
  const paidBy = new Map(paid.rows.map((r) => [r.household_id, r.total]));
  const groupEndsOn = await groupEndDate(knex, groupId);
  return members.map((member) => {
    const b = byHousehold.get(member.household_id) ?? { savings: new Money(0), advance: new Money(0) };
    const total = paidBy.get(member.household_id) ?? '0';
    const expected = expectedVsPaid({ periods, joinedOn: member.joined_on, leftOn: member.left_on, groupEndsOn, payments: [{ valueDate: on, amount: total }], on });
    return { member, groupSavings: b.savings, outstandingAdvance: b.advance, expected };
  });
}

export interface GroupCheck {
  ok: boolean;
  on: string;
  potCash: string;
  outstandingAdvances: string;
  membersSavings: string;
  unallocated: string;
  difference: string;
  lowestCash: string;
  runningBalancesMatch: boolean;
  problems: string[];
}

/**
 * Recomputes a group's figures from its postings alone, checks the invariant (pot cash + outstanding
 * advances = members' savings + unallocated), that the pot never went below zero, and that the running
 * balances agree with the postings.
 */
export async function checkGroup(knex: Knex, groupId: string): Promise<GroupCheck> {
  const problems: string[] = [];
  const sums = (await knex.raw(
    `SELECT a.id, a.kind, a.balance, coalesce(sum(p.amount), 0) AS posted,
            (SELECT closing FROM account_daily_balances d WHERE d.account_id = a.id ORDER BY day DESC LIMIT 1) AS last_closing
       FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id
      WHERE a.group_id = ?
      GROUP BY a.id, a.kind, a.balance`,
    [groupId],
  )) as { rows: Array<{ id: string; kind: AccountKind; balance: string; posted: string; last_closing: string | null }> };
  const totals: Record<string, Money> = { pot_cash: new Money(0), advance_receivable: new Money(0), group_savings: new Money(0), group_reserve: new Money(0) };
  let runningBalancesMatch = true;
  for (const row of sums.rows) {
    const posted = new Money(row.posted);
    totals[row.kind] = (totals[row.kind] ?? new Money(0)).plus(posted.times(NORMAL_SIGN[row.kind]));
    if (!posted.equals(row.balance) || !posted.equals(row.last_closing ?? 0)) runningBalancesMatch = false;
  }
  // Day by day, the pot's running balance recomputed from postings must equal the stored one and stay ≥ 0.
  const days = (await knex.raw(
    `SELECT d.day, d.closing, sum(sum(p.amount)) OVER (ORDER BY d.day) AS recomputed
       FROM account_daily_balances d
       JOIN ledger_accounts a ON a.id = d.account_id AND a.group_id = ? AND a.kind = 'pot_cash'
       JOIN ledger_postings p ON p.account_id = d.account_id AND p.value_date = d.day
      GROUP BY d.day, d.closing
      ORDER BY d.day`,
    [groupId],
  )) as { rows: Array<{ day: string; closing: string; recomputed: string }> };
  let lowest = new Money(0);
  for (const day of days.rows) {
    if (!new Money(day.closing).equals(day.recomputed)) runningBalancesMatch = false;
    lowest = Money.min(lowest, day.recomputed);
  }
  if (!runningBalancesMatch) problems.push('running_balances_differ_from_postings');
  if (lowest.isNegative()) problems.push('pot_went_below_zero');
  const left = totals.pot_cash!.plus(totals.advance_receivable!);
  const right = totals.group_savings!.plus(totals.group_reserve!);
  const difference = left.minus(right);
  if (!difference.isZero()) problems.push('invariant_broken');
  return {
    ok: problems.length === 0,
    on: today(),
    potCash: formatAmount(totals.pot_cash!),
    outstandingAdvances: formatAmount(totals.advance_receivable!),
    membersSavings: formatAmount(totals.group_savings!),
    unallocated: formatAmount(totals.group_reserve!),
    difference: formatAmount(difference),
    lowestCash: formatAmount(lowest),
    runningBalancesMatch,
    problems,
  };
}

export interface EntryLine {
  id: string;
  number: number;
  kind: string;
  valueDate: string;
  memo: string | null;
  bankReference: string | null;
  reason: string | null;
  groupId: string | null;
  householdId: string | null;
  advanceId: string | null;
  reversesEntryId: string | null;
  reversesEntryNumber: number | null;
  reversesEntryDate: string | null;
  reversesEntryKind: string | null;
  reversedByEntryId: string | null;
  reversedByEntryNumber: number | null;
  createdAt: string;
  createdBy: string;
  /** Effect on the accounts asked for, per kind, in their normal direction (+ grows, − shrinks). */
  effects: Partial<Record<AccountKind, Money>>;
}

interface EntryRow {
  id: string;
  number: number;
  kind: string;
  value_date: string;
  memo: string | null;
  bank_reference: string | null;
  reason: string | null;
  group_id: string | null;
  household_id: string | null;
  advance_id: string | null;
  reverses_entry_id: string | null;
  created_at: Date | string;
  created_by_label: string;
  orig_number: number | null;
  orig_date: string | null;
  orig_kind: string | null;
  rev_id: string | null;
  rev_number: number | null;
  account_kind: AccountKind;
  amount: string;
}

/** Entries touching the given accounts in a period, oldest first, with their effect on those accounts. */
async function entriesOnAccounts(knex: Knex, accountFilter: (q: Knex.QueryBuilder) => void, from: string, to: string): Promise<EntryLine[]> {
  const q = knex('ledger_postings as p')
    .join('ledger_accounts as a', 'a.id', 'p.account_id')
    .join('journal_entries as e', 'e.id', 'p.entry_id')
    .leftJoin('journal_entries as o', 'o.id', 'e.reverses_entry_id')
    .leftJoin('journal_entries as r', 'r.reverses_entry_id', 'e.id')
    .whereBetween('p.value_date', [from, to])
    .orderBy([{ column: 'e.value_date' }, { column: 'e.number' }])
    .select<EntryRow[]>(
      'e.id', 'e.number', 'e.kind', 'e.value_date', 'e.memo', 'e.bank_reference', 'e.reason', 'e.group_id', 'e.household_id', 'e.advance_id',
      'e.reverses_entry_id', 'e.created_at', 'e.created_by_label',
      'o.number as orig_number', 'o.value_date as orig_date', 'o.kind as orig_kind', 'r.id as rev_id', 'r.number as rev_number',
      'a.kind as account_kind', 'p.amount',
    );
  accountFilter(q);
  const rows = await q;
  const lines = new Map<string, EntryLine>();
  for (const row of rows) {
    let line = lines.get(row.id);
    if (!line) {
      line = {
        id: row.id,
        number: Number(row.number),
        kind: row.kind,
        valueDate: row.value_date,
        memo: row.memo,
        bankReference: row.bank_reference,
        reason: row.reason,
        groupId: row.group_id,
        householdId: row.household_id,
        advanceId: row.advance_id,
        reversesEntryId: row.reverses_entry_id,
        reversesEntryNumber: row.orig_number === null ? null : Number(row.orig_number),
        reversesEntryDate: row.orig_date,
        reversesEntryKind: row.orig_kind,
        reversedByEntryId: row.rev_id,
        reversedByEntryNumber: row.rev_number === null ? null : Number(row.rev_number),
        createdAt: new Date(row.created_at).toISOString(),
        createdBy: row.created_by_label,
        effects: {},
      };
      lines.set(row.id, line);
    }
    const value = new Money(row.amount).times(NORMAL_SIGN[row.account_kind]);
    line.effects[row.account_kind] = (line.effects[row.account_kind] ?? new Money(0)).plus(value);
  }
  return [...lines.values()];
}

/** A household's movements in a period: its group savings, individual savings and advance. */
export async function householdEntries(knex: Knex, householdId: string, from: string, to: string): Promise<EntryLine[]> {
  return entriesOnAccounts(knex, (q) => q.where('a.household_id', householdId).whereIn('a.kind', ['group_savings', 'individual_savings', 'advance_receivable']), from, to);
}

/** A group's entries in a period, with their effect on the pot's cash and on the members' accounts. */
export async function groupEntries(knex: Knex, groupId: string, from: string, to: string): Promise<EntryLine[]> {
  return entriesOnAccounts(knex, (q) => q.where('a.group_id', groupId), from, to);
}

/** The default period of a statement or listing: the last twelve months to today. */
export function defaultPeriod(from?: string, to?: string): { from: string; to: string } {
  const end = to ?? today();
  return { from: from ?? `${addMonths(monthOf(end), -11)}-01`, to: end };
}

export async function householdGroupMember(knex: Knex, householdId: string): Promise<MemberRow | null> {
  return latestMembership(knex, householdId);
}

/**
 * Arrears of the given households in their current group at a date (households without a group, or
 * up to date, are absent): for the referents' board, one pass per group whatever the number of cards.
 */
export async function arrearsOfHouseholds(knex: Knex, householdIds: string[], on: string): Promise<Map<string, { months: number; amount: Money }>> {
  const out = new Map<string, { months: number; amount: Money }>();
  if (householdIds.length === 0) return out;
  const wanted = new Set(householdIds);
  const groups = await knex('group_members').whereIn('household_id', householdIds).whereNull('left_on').distinct<Array<{ group_id: string }>>('group_id');
  for (const { group_id } of groups) {
    for (const summary of await groupMembersAt(knex, group_id, on)) {
      const { arrears } = summary.expected;
      if (wanted.has(summary.member.household_id) && !summary.member.left_on && arrears.months > 0) {
        out.set(summary.member.household_id, { months: arrears.months, amount: arrears.amount });
      }
    }
  }
  return out;
}

export type SavingsMilestoneKind = 'joined_group' | 'left_group' | 'advance_paid' | 'advance_repaid' | 'refunded';

export interface SavingsMilestone {
  on: string;
  milestone: SavingsMilestoneKind;
  groupId: string;
  groupName: string;
  amount: string | null;
}

/**
 * The landmarks of a household's savings for its journey timeline: joining and leaving a group, the
 * down-payment advance paid (compromis) and fully repaid (deed), the refund. Reversed entries are left out.
 */
export async function savingsMilestones(knex: Knex, householdId: string): Promise<SavingsMilestone[]> {
  const out: SavingsMilestone[] = [];
  const memberships = await knex('group_members as m')
    .join('savings_groups as g', 'g.id', 'm.group_id')
    .where('m.household_id', householdId)
    .select<Array<{ group_id: string; name: string; joined_on: string; left_on: string | null }>>('m.group_id', 'g.name', 'm.joined_on', 'm.left_on');
  for (const m of memberships) {
    out.push({ on: m.joined_on, milestone: 'joined_group', groupId: m.group_id, groupName: m.name, amount: null });
    if (m.left_on) out.push({ on: m.left_on, milestone: 'left_group', groupId: m.group_id, groupName: m.name, amount: null });
  }
  const entries = (await knex.raw(
    `SELECT e.kind, e.value_date, e.advance_id, e.group_id, g.name, a.amount AS advance_amount,
            (SELECT sum(p.amount) FROM ledger_postings p JOIN ledger_accounts la ON la.id = p.account_id
              WHERE p.entry_id = e.id AND la.kind = CASE WHEN e.kind = 'refund' THEN 'group_savings' ELSE 'advance_receivable' END) AS moved
       FROM journal_entries e
       JOIN savings_groups g ON g.id = e.group_id
       LEFT JOIN advances a ON a.id = e.advance_id
      WHERE e.household_id = ? AND e.kind IN ('advance_payment', 'advance_repayment', 'refund')
        AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = e.id)
      ORDER BY e.value_date, e.number`,
    [householdId],
  )) as { rows: Array<{ kind: string; value_date: string; advance_id: string | null; group_id: string; name: string; advance_amount: string | null; moved: string | null }> };
  const repaid = new Map<string, Money>();
  for (const e of entries.rows) {
    const base = { on: e.value_date, groupId: e.group_id, groupName: e.name };
    if (e.kind === 'advance_payment') out.push({ ...base, milestone: 'advance_paid', amount: formatAmount(e.advance_amount ?? '0') });
    else if (e.kind === 'refund') out.push({ ...base, milestone: 'refunded', amount: formatAmount(new Money(e.moved ?? 0).abs()) });
    else if (e.advance_id && e.advance_amount) {
      const total = (repaid.get(e.advance_id) ?? new Money(0)).plus(new Money(e.moved ?? 0).abs());
      repaid.set(e.advance_id, total);
      if (total.gte(e.advance_amount)) out.push({ ...base, milestone: 'advance_repaid', amount: formatAmount(e.advance_amount) });
    }
  }
  return out.sort((a, b) => a.on.localeCompare(b.on));
}
