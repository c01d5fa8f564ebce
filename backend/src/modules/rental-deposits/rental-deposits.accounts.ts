/**
 * The rental-deposit fund's chart of accounts on the ledger (docs/rental-deposits.md): the fund is a
 * ledger book, a household an account owner, a rental advance an entry's and an account's subject.
 * This file is the only place that maps the two vocabularies.
 */
import type { Knex } from 'knex';
import type { Money } from '../../lib/money.ts';
import * as ledger from '../ledger/ledger.service.ts';

export type FundAccountKind = 'fund_cash' | 'fund_capital' | 'fund_write_offs' | 'deposit_receivable';

/** +1: held by the fund (debit-normal); -1: what contributions brought in (credit-normal). */
export const NORMAL_SIGN: Record<FundAccountKind, 1 | -1> = {
  fund_cash: 1,
  fund_capital: -1,
  fund_write_offs: 1,
  deposit_receivable: 1,
};

export type FundEntryKind = 'fund_contribution' | 'deposit_opening' | 'deposit_repayment' | 'deposit_release' | 'deposit_write_off';

/** The entry kinds that reduce what a tenant owes, and the figure of the advance each one feeds. */
export const REDUCING: Record<Exclude<FundEntryKind, 'fund_contribution' | 'deposit_opening'>, 'paid' | 'releasedToFund' | 'writtenOff'> = {
  deposit_repayment: 'paid',
  deposit_release: 'releasedToFund',
  deposit_write_off: 'writtenOff',
};

/** The fund's own account of a kind (no owner), created on first use. */
export async function fundAccount(trx: Knex, organisationId: string, fundId: string, kind: Exclude<FundAccountKind, 'deposit_receivable'>): Promise<string> {
  return ledger.ensureAccount(trx, organisationId, { kind, book: fundId }, NORMAL_SIGN[kind]);
}

/** An advance's receivable: what its tenant still owes the fund. */
export async function receivableAccount(trx: Knex, organisationId: string, deposit: { fund_id: string; household_id: string; id: string }): Promise<string> {
  return ledger.ensureAccount(trx, organisationId, { kind: 'deposit_receivable', book: deposit.fund_id, owner: deposit.household_id, subject: deposit.id }, 1);
}

/** The existing fund account of a kind, or null. */
export async function findFundAccount(knex: Knex, fundId: string, kind: Exclude<FundAccountKind, 'deposit_receivable'>): Promise<string | null> {
  return ledger.findAccount(knex, { kind, book: fundId });
}

/** The balance (normal direction, euros) of a fund account of a kind at the end of a date. */
export async function balanceAt(knex: Knex, accountId: string | null, kind: FundAccountKind, on: string): Promise<Money> {
  return ledger.balanceAt(knex, accountId, NORMAL_SIGN[kind], on);
}
