/** Entries of the fund and of an advance as lines of one list (pure; tested in entryLines.test.ts). */
import type { DepositEntry, FundEntry } from '../../api/rentalDeposits';
import type { RentalEntryLine } from './components/RentalEntryList';

/** A fund entry as a list line: its effect on the fund's cash (else on what tenants owe), and the advance it concerns. */
export function fundEntryLine(entry: FundEntry, names: Map<string, string>): RentalEntryLine {
  const name = entry.householdId ? names.get(entry.householdId) : undefined;
  return {
    id: entry.id,
    number: entry.number,
    kind: entry.kind,
    valueDate: entry.valueDate,
    amount: entry.effects.fund_cash ?? entry.effects.deposit_receivable ?? null,
    memo: entry.memo,
    bankReference: entry.bankReference,
    reason: entry.reason,
    reversesEntryNumber: entry.reversesEntryNumber,
    reversesEntryKind: entry.reversesEntryKind,
    reversedByEntryNumber: entry.reversedByEntryNumber,
    createdBy: entry.createdBy,
    household: name ? { name, depositId: entry.depositId } : null,
  };
}

/** An advance's entry as a list line: its effect on what the tenant owes. */
export function depositEntryLine(entry: DepositEntry): RentalEntryLine {
  return {
    id: entry.id,
    number: entry.number,
    kind: entry.kind,
    valueDate: entry.valueDate,
    amount: entry.amount,
    memo: entry.memo,
    bankReference: entry.bankReference,
    reason: entry.reason,
    reversesEntryNumber: entry.reversesEntryNumber,
    reversesEntryKind: entry.reversesEntryKind,
    reversedByEntryNumber: entry.reversedByEntryNumber,
    createdBy: entry.createdBy,
  };
}
