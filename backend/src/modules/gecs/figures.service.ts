/**
 * What the ledger says at a date: a household's savings, a group's pot, arrears, movements, the
 * invariant check. Balances come from the daily running balances (one lookup per account); only the
 * check and movement lists read postings, and those only for their period.
 */
import type { Knex } from 'knex';
import { addMonths, monthEnd, monthOf, monthsBetween, today } from '../../lib/dates.ts';
import { Money, formatAmount, sum } from '../../lib/money.ts';
import { accountsOf, auditBook, balancesAt, movements, netMovedBy, recomputedDays, type Account, type Movement } from '../ledger/ledger.service.ts';
import { reservationRows } from './advances.repository.ts';
import { expectedVsPaid, type ExpectedVsPaid } from './expected.ts';
import { NORMAL_SIGN, type AccountKind } from './gecs.accounts.ts';
import { milestoneEntries } from './figures.repository.ts';
import { currentGroupsOf, groupEndDate, latestMembership, memberRows, membershipsWithNames, monthlyAmountRows, type MemberRow } from './groups.repository.ts';

/** Sum of balances (normal direction, euros) per account kind at a date. */
async function totalsByKind(knex: Knex, accounts: Account[], on: string): Promise<Record<AccountKind, Money>> {
  const balances = await balancesAt(knex, accounts.map((a) => a.id), on);
  const totals = Object.fromEntries(Object.keys(NORMAL_SIGN).map((k) => [k, new Money(0)])) as Record<AccountKind, Money>;
  for (const a of accounts) {
    const kind = a.kind as AccountKind;
    totals[kind] = totals[kind].plus(balances.get(a.id)!.times(a.normalSign));
  }
  return totals;
}

/** Group deposits up to a date, net of their reversals (euros): what expected-vs-paid counts as paid. */
async function groupDepositsBy(knex: Knex, by: 'month' | 'owner', filter: { owner?: string; book: string }, on: string) {
  return netMovedBy(knex, by, { ...filter, kind: 'group_savings', normalSign: NORMAL_SIGN.group_savings }, 'deposit_group', on);
}

/** Expected vs paid of a member, month by month, at a date. */
export async function memberExpectedVsPaid(knex: Knex, member: Pick<MemberRow, 'group_id' | 'household_id' | 'joined_on' | 'left_on'>, on: string): Promise<ExpectedVsPaid> {
  const periods = (await monthlyAmountRows(knex, member.group_id)).map((p) => ({ effectiveFrom: p.effective_from, amount: p.amount }));
  const payments = (await groupDepositsBy(knex, 'month', { owner: member.household_id, book: member.group_id }, on)).map((d) => ({ valueDate: d.key, amount: d.amount }));
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
  // The household's GECS accounts only: the same owner has accounts in other books (a rental advance's receivable).
  const totals = await totalsByKind(knex, await accountsOf(knex, { owner: householdId, kinds: HOUSEHOLD_ACCOUNT_KINDS }), on);
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
  const advances = await reservationRows(knex, groupId);
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
  const accounts = await accountsOf(knex, { book: groupId, kinds: ['pot_cash', 'group_reserve', 'advance_receivable'] });
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

/** A group's pot figures at the end of a date (euros). */
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
  const accounts = await accountsOf(knex, { book: groupId, kinds: ['group_savings', 'advance_receivable'] });
  const balances = await balancesAt(knex, accounts.map((a) => a.id), on);
  const byHousehold = new Map<string, { savings: Money; advance: Money }>();
  for (const a of accounts) {
    const entry = byHousehold.get(a.owner!) ?? { savings: new Money(0), advance: new Money(0) };
    const value = balances.get(a.id)!.times(a.normalSign);
    if (a.kind === 'group_savings') entry.savings = value;
    else entry.advance = value;
    byHousehold.set(a.owner!, entry);
  }
  const periods = (await monthlyAmountRows(knex, groupId)).map((p) => ({ effectiveFrom: p.effective_from, amount: p.amount }));
  // Arrears need only what each member paid in total: one aggregate query for the whole group.
  const paidBy = new Map((await groupDepositsBy(knex, 'owner', { book: groupId }, on)).map((d) => [d.key, d.amount]));
  const groupEndsOn = await groupEndDate(knex, groupId);
  return members.map((member) => {
    const b = byHousehold.get(member.household_id) ?? { savings: new Money(0), advance: new Money(0) };
    const total = paidBy.get(member.household_id) ?? new Money(0);
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
  const audit = await auditBook(knex, groupId);
  const zero = new Money(0);
  const totals: Record<string, Money> = { pot_cash: zero, advance_receivable: zero, group_savings: zero, group_reserve: zero, ...audit.postedByKind };
  let { runningBalancesMatch } = audit;
  // Day by day, the pot's running balance recomputed from postings must equal the stored one and stay ≥ 0.
  let lowest = new Money(0);
  for (const day of await recomputedDays(knex, groupId, 'pot_cash')) {
    if (!day.closing.equals(day.recomputed)) runningBalancesMatch = false;
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

/** An entry as GECS lists it: the ledger's movement in the group's own words (book → group, owner → household, subject → advance). */
export type EntryLine = Omit<Movement, 'book' | 'owner' | 'subject' | 'effects'> & {
  groupId: string | null;
  householdId: string | null;
  advanceId: string | null;
  /** Effect on the accounts asked for, per kind, in their normal direction (+ grows, − shrinks), in euros. */
  effects: Partial<Record<AccountKind, Money>>;
};

function toEntryLine({ book, owner, subject, ...m }: Movement): EntryLine {
  return { ...m, groupId: book, householdId: owner, advanceId: subject };
}

/** The household accounts a household's movements are read from. */
export const HOUSEHOLD_ACCOUNT_KINDS: readonly AccountKind[] = ['group_savings', 'individual_savings', 'advance_receivable'];

/** A household's movements in a period: its group savings, individual savings and advance. */
export async function householdEntries(knex: Knex, householdId: string, from: string, to: string): Promise<EntryLine[]> {
  return (await movements(knex, { owner: householdId, kinds: HOUSEHOLD_ACCOUNT_KINDS }, from, to)).map(toEntryLine);
}

/** A group's entries in a period, with their effect on the pot's cash and on the members' accounts. */
export async function groupEntries(knex: Knex, groupId: string, from: string, to: string): Promise<EntryLine[]> {
  return (await movements(knex, { book: groupId }, from, to)).map(toEntryLine);
}

/** The default period of a statement or listing: the last twelve months to today. */
export function defaultPeriod(from?: string, to?: string): { from: string; to: string } {
  const end = to ?? today();
  return { from: from ?? `${addMonths(monthOf(end), -11)}-01`, to: end };
}

/**
 * Arrears of the given households in their current group at a date (households without a group, or
 * up to date, are absent): for the referents' board, one pass per group whatever the number of cards.
 */
export async function arrearsOfHouseholds(knex: Knex, householdIds: string[], on: string): Promise<Map<string, { months: number; amount: Money }>> {
  const out = new Map<string, { months: number; amount: Money }>();
  if (householdIds.length === 0) return out;
  const wanted = new Set(householdIds);
  for (const group_id of await currentGroupsOf(knex, householdIds)) {
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
  const memberships = await membershipsWithNames(knex, householdId);
  for (const m of memberships) {
    out.push({ on: m.joined_on, milestone: 'joined_group', groupId: m.group_id, groupName: m.name, amount: null });
    if (m.left_on) out.push({ on: m.left_on, milestone: 'left_group', groupId: m.group_id, groupName: m.name, amount: null });
  }
  const entries = await milestoneEntries(knex, householdId);
  const repaid = new Map<string, Money>();
  for (const e of entries) {
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
