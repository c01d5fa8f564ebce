/** JSON shapes of the rental-deposit API (docs/rental-deposits.md): amounts as decimal strings. */
import { Money, formatAmount } from '../../lib/money.ts';
import type { Movement } from '../ledger/ledger.service.ts';
import type { ReleaseAllocation, Settlement } from './plan.ts';
import type { DepositListRow, FundRow } from './rental-deposits.repository.ts';
import type { DepositState, DepositSummaryState, FundState } from './rental-deposits.service.ts';

function household(row: DepositListRow) {
  return { id: row.household_id, displayName: row.household_name, reference: row.household_reference, preferredLanguage: row.household_language };
}

function arrears(s: Settlement) {
  return {
    instalments: s.arrears.instalments,
    amount: formatAmount(s.arrears.amount),
    oldestDueOn: s.arrears.oldestDueOn,
    oldestAgeDays: s.arrears.oldestAgeDays,
  };
}

function nextInstalment(s: Settlement) {
  return s.nextInstalment ? { dueOn: s.nextInstalment.dueOn, amount: formatAmount(s.nextInstalment.amount) } : null;
}

export function presentAllocation(a: ReleaseAllocation) {
  return { released: formatAmount(a.released), toFund: formatAmount(a.toFund), toTenant: formatAmount(a.toTenant), remainingOwed: formatAmount(a.remainingOwed) };
}

function presentMovement(m: Movement) {
  return {
    id: m.id,
    number: m.number,
    kind: m.kind,
    valueDate: m.valueDate,
    memo: m.memo,
    bankReference: m.bankReference,
    reason: m.reason,
    reversesEntryNumber: m.reversesEntryNumber,
    reversesEntryKind: m.reversesEntryKind,
    reversedByEntryNumber: m.reversedByEntryNumber,
    createdBy: m.createdBy,
    createdAt: m.createdAt,
  };
}

export function presentDeposit(state: DepositState, fund: Pick<FundRow, 'iban'> | null) {
  const { row, figures, settlement } = state;
  const released = row.released_on && row.released_on <= state.on;
  const releasedAmount = released ? new Money(row.amount).minus(row.landlord_kept!) : null;
  return {
    id: row.id,
    household: household(row),
    landlord: { name: row.landlord_name, phone: row.landlord_phone, email: row.landlord_email },
    address: row.address,
    monthlyRent: row.monthly_rent,
    amount: row.amount,
    openedOn: row.opened_on,
    bank: row.bank,
    blockedAccountReference: row.blocked_account_reference,
    structuredCommunication: row.structured_communication,
    fundIban: fund?.iban ?? null,
    plan: row.plan_months !== null ? { months: row.plan_months } : { instalment: row.plan_instalment },
    firstDueOn: row.first_due_on,
    on: state.on,
    status: state.status,
    placed: state.placed,
    paid: formatAmount(figures.paid),
    releasedToFund: formatAmount(figures.releasedToFund),
    writtenOff: formatAmount(figures.writtenOff),
    owed: formatAmount(figures.owed),
    arrears: arrears(settlement),
    nextInstalment: nextInstalment(settlement),
    schedule: settlement.schedule.map((i) => ({ number: i.number, dueOn: i.dueOn, amount: formatAmount(i.amount), covered: formatAmount(i.covered), state: i.state })),
    release: released
      ? {
          releasedOn: row.released_on,
          landlordKept: row.landlord_kept,
          released: formatAmount(releasedAmount!),
          toFund: formatAmount(figures.releasedToFund),
          toTenant: formatAmount(releasedAmount!.minus(figures.releasedToFund)),
        }
      : null,
    cancelled: row.status === 'cancelled' ? { on: row.cancelled_on, reason: row.cancel_reason } : null,
    entries: state.entries.map((m) => ({ ...presentMovement(m), amount: formatAmount(m.effects.deposit_receivable ?? '0') })),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function presentDepositSummary(s: DepositSummaryState) {
  return {
    id: s.row.id,
    household: household(s.row),
    address: s.row.address,
    landlordName: s.row.landlord_name,
    amount: s.row.amount,
    openedOn: s.row.opened_on,
    releasedOn: s.row.released_on,
    status: s.status,
    owed: formatAmount(s.owed),
    arrears: arrears(s.settlement),
    nextInstalment: nextInstalment(s.settlement),
  };
}

export function presentFund(s: FundState, defaultName: string) {
  return {
    id: s.fund?.id ?? null,
    name: s.fund?.name ?? defaultName,
    iban: s.fund?.iban ?? null,
    on: s.on,
    cash: formatAmount(s.cash),
    owedByTenants: formatAmount(s.owedByTenants),
    placed: formatAmount(s.placed),
    openCount: s.openCount,
    available: formatAmount(s.available),
    contributions: formatAmount(s.contributions),
    writtenOff: formatAmount(s.writtenOff),
    closedThrough: s.closedThrough,
  };
}

export function presentFundEntry(m: Movement) {
  return { ...presentMovement(m), householdId: m.owner, depositId: m.subject, effects: Object.fromEntries(Object.entries(m.effects).map(([k, v]) => [k, formatAmount(v)])) };
}
