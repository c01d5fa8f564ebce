import { describe, expect, it } from 'vitest';
import type { DepositEntry, FundEntry } from '../../api/rentalDeposits';
import { depositEntryLine, fundEntryLine } from './entryLines';

const base = { memo: null, bankReference: null, reason: null, reversesEntryNumber: null, reversesEntryKind: null, reversedByEntryNumber: null, createdBy: 'Nadia', createdAt: '2026-03-01T10:00:00Z' };

describe('entry lines', () => {
  it("shows a fund entry's effect on the fund's cash and names its household with a link to the advance", () => {
    const entry: FundEntry = { ...base, id: 'e1', number: 3, kind: 'deposit_opening', valueDate: '2026-03-01', householdId: 'h1', depositId: 'd1', effects: { fund_cash: '-1600.00', deposit_receivable: '1600.00' } };
    expect(fundEntryLine(entry, new Map([['h1', 'Famille Haddad']]))).toMatchObject({ amount: '-1600.00', household: { name: 'Famille Haddad', depositId: 'd1' } });
  });

  it("falls back on what tenants owe when the fund's cash does not move (a write-off)", () => {
    const entry: FundEntry = { ...base, id: 'e2', number: 4, kind: 'deposit_write_off', valueDate: '2026-03-01', householdId: null, depositId: null, effects: { fund_write_offs: '100.00', deposit_receivable: '-100.00' } };
    expect(fundEntryLine(entry, new Map())).toMatchObject({ amount: '-100.00', household: null });
  });

  it("shows an advance's entry with its effect on what is owed", () => {
    const entry: DepositEntry = { ...base, id: 'e3', number: 5, kind: 'deposit_repayment', valueDate: '2026-04-01', amount: '-50.00', reversedByEntryNumber: 6 };
    expect(depositEntryLine(entry)).toMatchObject({ id: 'e3', amount: '-50.00', reversedByEntryNumber: 6 });
  });
});
