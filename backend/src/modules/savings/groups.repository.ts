import type { Knex } from 'knex';
import { errors } from '../../lib/errors.ts';
import { monthEnd } from '../../lib/dates.ts';

export type ExitPolicy = 'refund_now' | 'refund_at_group_end' | 'refund_minus_costs';
export type OfficerRole = 'president' | 'treasurer' | 'secretary';

export interface GroupRow {
  id: string;
  organisation_id: string;
  name: string;
  cohort: string;
  starts_on: string;
  ends_on: string | null;
  exit_policy: ExitPolicy;
  exit_cost: string;
  created_at: string;
}

export interface MonthlyAmountRow {
  effective_from: string;
  amount: string;
}

export interface MemberRow {
  id: string;
  group_id: string;
  household_id: string;
  joined_on: string;
  left_on: string | null;
  officer_role: OfficerRole | null;
  display_name: string;
  reference: string;
}

/** A group of the organisation, or 404. */
export async function getGroupRow(knex: Knex, organisationId: string, id: string): Promise<GroupRow> {
  const row = await knex('savings_groups').where({ id, organisation_id: organisationId }).first<GroupRow | undefined>();
  if (!row) throw errors.notFound('group');
  return row;
}

/**
 * Locks a group for a money operation: operations on one group's pot run one after the other, so that
 * a check of the available cash stays true until the operation commits.
 */
export async function lockGroup(trx: Knex.Transaction, organisationId: string, id: string): Promise<GroupRow> {
  const row = await trx('savings_groups').where({ id, organisation_id: organisationId }).forUpdate().first<GroupRow | undefined>();
  if (!row) throw errors.notFound('group');
  return row;
}

export async function listGroupRows(knex: Knex, organisationId: string): Promise<GroupRow[]> {
  return knex('savings_groups').where({ organisation_id: organisationId }).orderBy([{ column: 'starts_on', order: 'desc' }, 'name']);
}

export async function monthlyAmountRows(knex: Knex, groupId: string): Promise<MonthlyAmountRow[]> {
  return knex('group_monthly_amounts').where({ group_id: groupId }).orderBy('effective_from').select('effective_from', 'amount');
}

export async function memberRows(knex: Knex, groupId: string): Promise<MemberRow[]> {
  return knex('group_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .where('m.group_id', groupId)
    .orderBy([{ column: 'h.display_name' }, { column: 'm.joined_on' }])
    .select('m.id', 'm.group_id', 'm.household_id', 'm.joined_on', 'm.left_on', 'm.officer_role', 'h.display_name', 'h.reference');
}

/** A household's membership of a group, or null. */
export async function membershipRow(knex: Knex, groupId: string, householdId: string): Promise<MemberRow | null> {
  const row = await knex('group_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .where({ 'm.group_id': groupId, 'm.household_id': householdId })
    .first<MemberRow | undefined>('m.id', 'm.group_id', 'm.household_id', 'm.joined_on', 'm.left_on', 'm.officer_role', 'h.display_name', 'h.reference');
  return row ?? null;
}

/** The household's latest group membership (its current group, or the last one it left), or null. */
export async function latestMembership(knex: Knex, householdId: string): Promise<MemberRow | null> {
  const row = await knex('group_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .where('m.household_id', householdId)
    .orderByRaw('m.left_on IS NULL DESC, m.joined_on DESC')
    .first<MemberRow | undefined>('m.id', 'm.group_id', 'm.household_id', 'm.joined_on', 'm.left_on', 'm.officer_role', 'h.display_name', 'h.reference');
  return row ?? null;
}

/** The last day of the latest closed month of a group, or null when no month is closed. */
export async function closedThrough(knex: Knex, groupId: string): Promise<string | null> {
  const row = await knex('month_closings').where({ group_id: groupId }).max<{ month: string | null }>('month as month').first();
  return row?.month ? monthEnd(row.month) : null;
}

/** Refuses a date in a closed month of the group (the database refuses it too). */
export async function assertOpenDate(knex: Knex, groupId: string, date: string, field = 'valueDate'): Promise<void> {
  const closed = await closedThrough(knex, groupId);
  if (closed && date <= closed) {
    throw errors.conflict('month_closed', `The month of ${date} is closed for this group (closed through ${closed}). Date the ${field === 'valueDate' ? 'operation' : field} in an open month; a correction goes in the open month and says what it corrects.`);
  }
}

/** Refuses (400 on the field) a reference to a group that is not the organisation's; null or absent is fine. */
export async function assertGroupReference(knex: Knex, organisationId: string, groupId: string | null | undefined, path = 'savingsGroupId'): Promise<void> {
  if (!groupId) return;
  const found = await knex('savings_groups').where({ id: groupId, organisation_id: organisationId }).first('id');
  if (!found) throw errors.validation([{ path, message: 'Unknown savings group' }]);
}
