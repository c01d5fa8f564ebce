/** SQL of down-payment advances: approved (reserving pot cash), then paid, or cancelled. */
import type { Knex } from 'knex';
import { Money } from '../../lib/money.ts';

/** An advances row as stored. */
export interface AdvanceRow {
  id: string;
  group_id: string;
  household_id: string;
  amount: string;
  status: 'approved' | 'paid' | 'cancelled';
  approved_on: string;
  paid_on: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  note: string | null;
  /** The acquisition candidacy whose compromis this advance is for, if linked. */
  candidacy_id: string | null;
  created_at: string;
}

/** An advance of the organisation, or null. */
export async function findAdvance(knex: Knex, organisationId: string, id: string): Promise<AdvanceRow | null> {
  return (await knex('advances').where({ id, organisation_id: organisationId }).first<AdvanceRow | undefined>()) ?? null;
}

/** A group's advances, latest approval first. */
export async function groupAdvanceRows(knex: Knex, groupId: string): Promise<AdvanceRow[]> {
  return knex('advances').where({ group_id: groupId }).orderBy('approved_on', 'desc').select<AdvanceRow[]>('*');
}

/** A household's advances, latest approval first. */
export async function householdAdvanceRows(knex: Knex, householdId: string): Promise<AdvanceRow[]> {
  return knex('advances').where({ household_id: householdId }).orderBy('approved_on', 'desc').select<AdvanceRow[]>('*');
}

/** Whether the household has an approved advance waiting to be paid (in this group, when given). */
export async function hasApprovedAdvance(knex: Knex, householdId: string, groupId?: string): Promise<boolean> {
  const q = knex('advances').where({ household_id: householdId, status: 'approved' });
  if (groupId) q.andWhere({ group_id: groupId });
  return (await q.first('id')) !== undefined;
}

/** The household's latest paid advance in a group, or null. */
export async function latestPaidAdvanceId(knex: Knex, householdId: string, groupId: string): Promise<string | null> {
  const row = await knex('advances').where({ household_id: householdId, group_id: groupId, status: 'paid' }).orderBy('paid_on', 'desc').first<{ id: string } | undefined>('id');
  return row?.id ?? null;
}

/** Cash of a group's pot earmarked now for approved, not yet paid advances (in euros). */
export async function reservedNow(knex: Knex, groupId: string, exceptAdvanceId?: string): Promise<Money> {
  const q = knex('advances').where({ group_id: groupId, status: 'approved' });
  if (exceptAdvanceId) q.whereNot({ id: exceptAdvanceId });
  const row = await q.sum<{ total: string | null }>('amount as total').first();
  return new Money(row?.total ?? 0);
}

/** The dates that decide which of a group's advances reserved cash on a given day. */
export async function reservationRows(knex: Knex, groupId: string): Promise<Array<{ amount: string; approved_on: string; paid_on: string | null; cancelled_on: string | null }>> {
  return knex('advances').where({ group_id: groupId }).select('amount', 'approved_on', 'paid_on', 'cancelled_on');
}

/** Records an approved advance. */
export async function insertAdvance(
  trx: Knex,
  values: { organisationId: string; groupId: string; householdId: string; amount: string; approvedOn: string; note: string | null; candidacyId?: string | null },
): Promise<AdvanceRow> {
  const [row] = await trx('advances')
    .insert({
      organisation_id: values.organisationId,
      group_id: values.groupId,
      household_id: values.householdId,
      amount: values.amount,
      status: 'approved',
      approved_on: values.approvedOn,
      note: values.note,
      candidacy_id: values.candidacyId ?? null,
    })
    .returning<AdvanceRow[]>('*');
  return row!;
}

/** Marks an advance paid on a date. */
export async function markPaid(trx: Knex, id: string, paidOn: string): Promise<AdvanceRow> {
  const [row] = (await trx('advances').where({ id }).update({ status: 'paid', paid_on: paidOn, updated_at: trx.fn.now() }).returning('*')) as AdvanceRow[];
  return row!;
}

/** Marks an advance cancelled on a date, with the reason. */
export async function markCancelled(trx: Knex, id: string, on: string, reason: string): Promise<AdvanceRow> {
  const [row] = (await trx('advances').where({ id }).update({ status: 'cancelled', cancelled_on: on, cancel_reason: reason, updated_at: trx.fn.now() }).returning('*')) as AdvanceRow[];
  return row!;
}

/** The advances linked to candidacies, latest approval first. */
export async function candidacyAdvanceRows(knex: Knex, candidacyIds: string[]): Promise<AdvanceRow[]> {
  if (candidacyIds.length === 0) return [];
  return knex('advances').whereIn('candidacy_id', candidacyIds).orderBy([{ column: 'approved_on', order: 'desc' }, { column: 'created_at', order: 'desc' }]).select<AdvanceRow[]>('*');
}
