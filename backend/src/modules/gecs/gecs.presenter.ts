/** JSON shapes of the savings API: amounts are decimal strings with two decimals, dates 'YYYY-MM-DD'. */
import { today } from '../../lib/dates.ts';
import { formatAmount, formatOptionalAmount, sum, type Money } from '../../lib/money.ts';
import type { ExpectedVsPaid } from './expected.ts';
import type { GroupRow, MemberRow, MonthlyAmountRow } from './groups.repository.ts';
import type { AdvanceRow } from './advances.repository.ts';
import type { AccountKind } from './gecs.accounts.ts';
import type { EntryLine, HouseholdSavings, MemberSummary, PotFigures } from './figures.service.ts';

/** A group's own fields. */
export function presentGroupRow(g: GroupRow) {
  return {
    id: g.id,
    name: g.name,
    cohort: g.cohort,
    startsOn: g.starts_on,
    endsOn: g.ends_on,
    exitPolicy: g.exit_policy,
    exitCost: formatAmount(g.exit_cost),
  };
}

/** A group's monthly amounts, oldest first. */
export function presentMonthlyAmounts(rows: MonthlyAmountRow[]) {
  return rows.map((r) => ({ from: r.effective_from, amount: formatAmount(r.amount) }));
}

/** Arrears: unpaid ended months, their amount and the age of the oldest. */
export function presentArrears(e: ExpectedVsPaid) {
  return {
    months: e.arrears.months,
    amount: formatAmount(e.arrears.amount),
    oldestUnpaidMonth: e.arrears.oldestUnpaidMonth,
    oldestUnpaidDays: e.arrears.oldestUnpaidDays,
  };
}

/** Expected vs paid, month by month. */
export function presentExpected(e: ExpectedVsPaid) {
  return {
    totalDue: formatAmount(e.totalDue),
    totalPaid: formatAmount(e.totalPaid),
    months: e.lines.map((l) => ({
      month: l.month,
      due: formatAmount(l.due),
      paidInMonth: formatAmount(l.paidInMonth),
      settled: formatAmount(l.settled),
      status: l.status,
    })),
  };
}

/** A member of a group. */
export function presentMember(m: MemberRow) {
  return {
    householdId: m.household_id,
    displayName: m.display_name,
    reference: m.reference,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
    officerRole: m.officer_role,
  };
}

/** A member with its savings, advance owed and arrears at a date. */
export function presentMemberSummary(s: MemberSummary) {
  return {
    ...presentMember(s.member),
    groupSavings: formatAmount(s.groupSavings),
    outstandingAdvance: formatAmount(s.outstandingAdvance),
    arrears: presentArrears(s.expected),
  };
}

/** A pot's figures at a date. */
export function presentPot(p: PotFigures) {
  return {
    on: p.on,
    cash: formatAmount(p.cash),
    reserved: formatAmount(p.reserved),
    available: formatAmount(p.available),
    outstandingAdvances: formatAmount(p.outstandingAdvances),
    membersSavings: formatAmount(p.membersSavings),
    unallocated: formatAmount(p.unallocated),
  };
}

/**
 * An advance, with what is still owed on it once paid, and its linked candidacy: the deed date at which
 * it is expected back, and repaymentDue once that date has come while it is paid and not fully repaid.
 */
export function presentAdvance(a: AdvanceRow, outstanding: Money | null = null, deedOn: string | null = null, on = today()) {
  return {
    id: a.id,
    groupId: a.group_id,
    householdId: a.household_id,
    amount: formatAmount(a.amount),
    status: a.status,
    approvedOn: a.approved_on,
    paidOn: a.paid_on,
    cancelledOn: a.cancelled_on,
    cancelReason: a.cancel_reason,
    note: a.note,
    outstanding: outstanding === null ? null : formatAmount(outstanding),
    candidacyId: a.candidacy_id,
    deedOn,
    repaymentDue: deedOn !== null && deedOn <= on && a.status === 'paid' && outstanding !== null && outstanding.gt(0),
  };
}

/** A household's savings at a date. */
export function presentSavings(s: HouseholdSavings) {
  return {
    on: s.on,
    groupId: s.groupId,
    groupSavings: formatAmount(s.groupSavings),
    individualSavings: formatAmount(s.individualSavings),
    totalSavings: formatAmount(s.groupSavings.plus(s.individualSavings)),
    outstandingAdvance: formatAmount(s.outstandingAdvance),
    arrears: s.expected ? presentArrears(s.expected) : { months: 0, amount: '0.00', oldestUnpaidMonth: null, oldestUnpaidDays: null },
    expected: s.expected ? presentExpected(s.expected) : null,
  };
}

const EFFECT_NAMES: Partial<Record<AccountKind, string>> = {
  group_savings: 'groupSavings',
  individual_savings: 'individualSavings',
  advance_receivable: 'advance',
  pot_cash: 'potCash',
  group_reserve: 'unallocated',
};

/** A journal entry with its effect on the accounts listed. */
export function presentEntry(e: EntryLine) {
  const effects: Record<string, string> = {};
  for (const [kind, value] of Object.entries(e.effects) as Array<[AccountKind, Money]>) {
    const name = EFFECT_NAMES[kind];
    if (name) effects[name] = formatAmount(value);
  }
  return {
    id: e.id,
    number: e.number,
    kind: e.kind,
    valueDate: e.valueDate,
    memo: e.memo,
    bankReference: e.bankReference,
    reason: e.reason,
    groupId: e.groupId,
    householdId: e.householdId,
    advanceId: e.advanceId,
    reverses: e.reversesEntryId ? { id: e.reversesEntryId, number: e.reversesEntryNumber, valueDate: e.reversesEntryDate, kind: e.reversesEntryKind } : null,
    reversedBy: e.reversedByEntryId ? { id: e.reversedByEntryId, number: e.reversedByEntryNumber } : null,
    createdAt: e.createdAt,
    createdBy: e.createdBy,
    effects,
  };
}

/** A group in the list: its fields, active members, pot cash and the monthly amount in force. */
export function presentGroupListItem(g: GroupRow, figures: { cash: string | null; members: number; monthly_amount: string | null } | undefined) {
  return {
    ...presentGroupRow(g),
    activeMembers: Number(figures?.members ?? 0),
    potCash: formatAmount(figures?.cash ?? '0'),
    monthlyAmount: formatOptionalAmount(figures?.monthly_amount),
  };
}

/** A group's closed months ('YYYY-MM', latest first) and the latest one. */
export function presentClosings(closings: Array<{ month: string; closedAt: Date; closedBy: string }>) {
  return {
    closings: closings.map((c) => ({ month: c.month.slice(0, 7), closedAt: c.closedAt.toISOString(), closedBy: c.closedBy })),
    closedThrough: closings[0]?.month.slice(0, 7) ?? null,
  };
}

/** The members in arrears at a date, with their totals. */
export function presentArrearsList(on: string, members: MemberSummary[]) {
  const late = members.filter((m) => m.expected.arrears.months > 0);
  return {
    on,
    households: late.length,
    months: late.reduce((n, m) => n + m.expected.arrears.months, 0),
    amount: formatAmount(sum(late.map((m) => m.expected.arrears.amount))),
    members: late.map(presentMemberSummary),
  };
}
