/**
 * The GECS chart of accounts on the ledger: a group is a ledger book, a household an account owner,
 * an advance an entry's subject. This file is the only place that maps the two vocabularies.
 */
import type { Knex } from 'knex';
import type { Money } from '../../lib/money.ts';
import * as ledger from '../ledger/ledger.service.ts';

export type AccountKind = 'pot_cash' | 'group_reserve' | 'group_savings' | 'advance_receivable' | 'individual_savings' | 'individual_holdings';

/** +1: held by the group or household (debit-normal); -1: owed to households or kept by the group (credit-normal). */
export const NORMAL_SIGN: Record<AccountKind, 1 | -1> = {
  pot_cash: 1,
  group_reserve: -1,
  group_savings: -1,
  advance_receivable: 1,
  individual_savings: -1,
  individual_holdings: 1,
};

export type EntryKind = 'deposit_group' | 'deposit_individual' | 'advance_payment' | 'advance_repayment' | 'refund' | 'dividend' | 'reversal';

/** A GECS account: its kind, the group it is kept in, the household it belongs to. */
export interface AccountKey {
  kind: AccountKind;
  groupId?: string | null;
  householdId?: string | null;
}

function ledgerKey(key: AccountKey): ledger.AccountKey {
  return { kind: key.kind, book: key.groupId ?? null, owner: key.householdId ?? null };
}

/** The id of a GECS account, created on first use. */
export async function ensureAccount(trx: Knex, organisationId: string, key: AccountKey): Promise<string> {
  return ledger.ensureAccount(trx, organisationId, ledgerKey(key), NORMAL_SIGN[key.kind]);
}

/** An existing GECS account's id, or null when nothing was ever posted to it. */
export async function findAccount(knex: Knex, key: AccountKey): Promise<string | null> {
  return ledger.findAccount(knex, ledgerKey(key));
}

/** The balance of an account of this kind at the end of a date, in euros, in its normal direction. */
export async function balanceAt(knex: Knex, accountId: string | null, kind: AccountKind, on: string): Promise<Money> {
  return ledger.balanceAt(knex, accountId, NORMAL_SIGN[kind], on);
}

/** The lowest balance (normal direction, euros) of an account of this kind on any day from a date on. */
export async function lowestBalanceFrom(knex: Knex, accountId: string | null, kind: AccountKind, from: string): Promise<Money> {
  return ledger.lowestBalanceFrom(knex, accountId, NORMAL_SIGN[kind], from);
}
