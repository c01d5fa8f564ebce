/** SQL of the rental-deposit fund and its advances (the money itself is on the ledger). */
import type { Knex } from 'knex';
import { Money } from '../../lib/money.ts';
import type { Instalment } from './plan.ts';

export interface FundRow {
  id: string;
  organisation_id: string;
  name: string;
  iban: string | null;
  created_at: string;
  updated_at: string;
}

export type DepositStatusStored = 'open' | 'released' | 'cancelled';

export interface DepositRow {
  id: string;
  organisation_id: string;
  fund_id: string;
  household_id: string;
  landlord_name: string;
  landlord_phone: string | null;
  landlord_email: string | null;
  address: string;
  monthly_rent: string;
  amount: string;
  opened_on: string;
  bank: string | null;
  blocked_account_reference: string | null;
  structured_communication: string;
  plan_instalment: string | null;
  plan_months: number | null;
  first_due_on: string;
  status: DepositStatusStored;
  released_on: string | null;
  landlord_kept: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  created_at: string;
}

/** A deposit row with its household's name, reference and language. */
export interface DepositListRow extends DepositRow {
  household_name: string;
  household_reference: string;
  household_language: string;
}

/** The organisation's fund, or null before its first operation. */
export async function findFund(knex: Knex, organisationId: string): Promise<FundRow | null> {
  return (await knex('rental_deposit_funds').where({ organisation_id: organisationId }).first<FundRow | undefined>()) ?? null;
}

/** The organisation's fund, created on first use, locked until the transaction ends: fund operations run one at a time. */
export async function lockFund(trx: Knex.Transaction, organisationId: string, defaultName: string): Promise<FundRow> {
  await trx('rental_deposit_funds').insert({ organisation_id: organisationId, name: defaultName }).onConflict('organisation_id').ignore();
  return trx('rental_deposit_funds').where({ organisation_id: organisationId }).forUpdate().first<FundRow>();
}

export async function updateFund(trx: Knex, id: string, values: { name?: string; iban?: string | null }): Promise<void> {
  await trx('rental_deposit_funds').where({ id }).update({ ...values, updated_at: trx.fn.now() });
}

const LIST_COLUMNS = ['d.*', 'h.display_name as household_name', 'h.reference as household_reference', 'h.preferred_language as household_language'];

/** An advance of the organisation with its household, or null. */
export async function findDeposit(knex: Knex, organisationId: string, id: string): Promise<DepositListRow | null> {
  return (
    (await knex('rental_deposits as d')
      .join('households as h', 'h.id', 'd.household_id')
      .where({ 'd.id': id, 'd.organisation_id': organisationId })
      .first<DepositListRow | undefined>(LIST_COLUMNS)) ?? null
  );
}

/** The organisation's advances (of a household, when given), latest opening first. */
export async function listDeposits(knex: Knex, organisationId: string, filter: { householdId?: string } = {}): Promise<DepositListRow[]> {
  const q = knex('rental_deposits as d')
    .join('households as h', 'h.id', 'd.household_id')
    .where({ 'd.organisation_id': organisationId })
    .orderBy([{ column: 'd.opened_on', order: 'desc' }, { column: 'd.created_at', order: 'desc' }])
    .select<DepositListRow[]>(LIST_COLUMNS);
  if (filter.householdId) q.andWhere('d.household_id', filter.householdId);
  return q;
}

export type NewDeposit = Omit<DepositRow, 'status' | 'released_on' | 'landlord_kept' | 'cancelled_on' | 'cancel_reason' | 'created_at'>;

/** Inserts an advance and its plan (the database checks at commit that the plan sums to the amount). */
export async function insertDeposit(trx: Knex, row: NewDeposit, schedule: readonly Instalment[]): Promise<void> {
  await trx('rental_deposits').insert(row);
  await trx('rental_deposit_instalments').insert(schedule.map((i) => ({ deposit_id: row.id, number: i.number, due_on: i.dueOn, amount: i.amount.toFixed(2) })));
}

/** The instalments of advances, by advance, in order. */
export async function instalmentsOf(knex: Knex, depositIds: readonly string[]): Promise<Map<string, Instalment[]>> {
  const out = new Map<string, Instalment[]>(depositIds.map((id) => [id, []]));
  if (depositIds.length === 0) return out;
  const rows = await knex('rental_deposit_instalments')
    .whereIn('deposit_id', depositIds)
    .orderBy(['deposit_id', 'number'])
    .select<Array<{ deposit_id: string; number: number; due_on: string; amount: string }>>('deposit_id', 'number', 'due_on', 'amount');
  for (const r of rows) out.get(r.deposit_id)!.push({ number: r.number, dueOn: r.due_on, amount: new Money(r.amount) });
  return out;
}

export async function markReleased(trx: Knex, id: string, releasedOn: string, landlordKept: string): Promise<void> {
  await trx('rental_deposits').where({ id }).update({ status: 'released', released_on: releasedOn, landlord_kept: landlordKept, updated_at: trx.fn.now() });
}

export async function markReopened(trx: Knex, id: string): Promise<void> {
  await trx('rental_deposits').where({ id }).update({ status: 'open', released_on: null, landlord_kept: null, updated_at: trx.fn.now() });
}

export async function markCancelled(trx: Knex, id: string, on: string, reason: string): Promise<void> {
  await trx('rental_deposits').where({ id }).update({ status: 'cancelled', cancelled_on: on, cancel_reason: reason, updated_at: trx.fn.now() });
}
