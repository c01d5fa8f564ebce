/** SQL of GECS groups, their monthly amounts and members; what they need of the ledger is the ledger's own SQL, embedded. */
import type { Knex } from 'knex';
import { errors } from '../../lib/errors.ts';
import { accountIdSql, bookBalanceAtSql, latestClosedMonthSql } from '../ledger/ledger.service.ts';

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

const MEMBER_COLUMNS = ['m.id', 'm.group_id', 'm.household_id', 'm.joined_on', 'm.left_on', 'm.officer_role', 'h.display_name', 'h.reference'];

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

/** The organisation's groups, latest first. */
export async function listGroupRows(knex: Knex, organisationId: string): Promise<GroupRow[]> {
  return knex('savings_groups').where({ organisation_id: organisationId }).orderBy([{ column: 'starts_on', order: 'desc' }, 'name']);
}

/** A group's monthly amounts, oldest first. */
export async function monthlyAmountRows(knex: Knex, groupId: string): Promise<MonthlyAmountRow[]> {
  return knex('group_monthly_amounts').where({ group_id: groupId }).orderBy('effective_from').select('effective_from', 'amount');
}

/** A group's members (past and present), by name. */
export async function memberRows(knex: Knex, groupId: string): Promise<MemberRow[]> {
  return knex('group_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .where('m.group_id', groupId)
    .orderBy([{ column: 'h.display_name' }, { column: 'm.joined_on' }])
    .select(...MEMBER_COLUMNS);
}

/** A household's membership of a group, or null. */
export async function membershipRow(knex: Knex, groupId: string, householdId: string): Promise<MemberRow | null> {
  const row = await knex('group_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .where({ 'm.group_id': groupId, 'm.household_id': householdId })
    .first<MemberRow | undefined>(...MEMBER_COLUMNS);
  return row ?? null;
}

/** The household's latest group membership (its current group, or the last one it left), or null. */
export async function latestMembership(knex: Knex, householdId: string): Promise<MemberRow | null> {
  const row = await knex('group_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .where('m.household_id', householdId)
    .orderByRaw('m.left_on IS NULL DESC, m.joined_on DESC')
    .first<MemberRow | undefined>(...MEMBER_COLUMNS);
  return row ?? null;
}

/** Refuses (400 on the field) a reference to a group that is not the organisation's; null or absent is fine. */
export async function assertGroupReference(knex: Knex, organisationId: string, groupId: string | null | undefined, path = 'savingsGroupId'): Promise<void> {
  if (!groupId) return;
  const found = await knex('savings_groups').where({ id: groupId, organisation_id: organisationId }).first('id');
  if (!found) throw errors.validation([{ path, message: 'Unknown savings group' }]);
}


/** The household's membership of a group on a date (joined on or before, not left before, group not ended before), or null. */
export async function membershipOn(knex: Knex, householdId: string, date: string, groupId?: string): Promise<MemberRow | null> {
  const q = knex('group_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .join('savings_groups as g', 'g.id', 'm.group_id')
    .where('m.household_id', householdId)
    .andWhere('m.joined_on', '<=', date)
    .andWhere((w) => w.whereNull('m.left_on').orWhere('m.left_on', '>=', date))
    .andWhere((w) => w.whereNull('g.ends_on').orWhere('g.ends_on', '>=', date));
  if (groupId) q.andWhere('m.group_id', groupId);
  const row = await q.orderBy('m.joined_on', 'desc').first<MemberRow | undefined>(...MEMBER_COLUMNS);
  return row ?? null;
}

/** What a group deposit needs: the household's group on the date (locked), its last closed month, the pot and savings accounts. */
export interface DepositTarget {
  group_id: string;
  closed_month: string | null;
  pot: string | null;
  savings: string | null;
}

/**
 * Everything a group deposit needs, in one round trip: the household's group on the date (locked),
 * the group's last closed month and the two accounts. Deposits are the most frequent operation.
 */
export async function depositTarget(trx: Knex, organisationId: string, householdId: string, date: string): Promise<DepositTarget | null> {
  const result = (await trx.raw(
    `SELECT g.id AS group_id, ? AS closed_month, ? AS pot, ? AS savings
       FROM group_members m
       JOIN savings_groups g ON g.id = m.group_id AND g.organisation_id = ?
      WHERE m.household_id = ? AND m.joined_on <= ?::date AND (m.left_on IS NULL OR m.left_on >= ?::date)
        AND (g.ends_on IS NULL OR g.ends_on >= ?::date)
      ORDER BY m.joined_on DESC
      LIMIT 1
      FOR UPDATE OF g`,
    [
      latestClosedMonthSql(trx, 'g.id'),
      accountIdSql(trx, { kind: 'pot_cash', book: 'g.id' }),
      accountIdSql(trx, { kind: 'group_savings', book: 'g.id', owner: 'm.household_id' }),
      organisationId,
      householdId,
      date,
      date,
      date,
    ],
  )) as { rows: DepositTarget[] };
  return result.rows[0] ?? null;
}

/** Whether a household is one of the organisation's. */
export async function householdExists(knex: Knex, organisationId: string, householdId: string): Promise<boolean> {
  return (await knex('households').where({ id: householdId, organisation_id: organisationId }).first('id')) !== undefined;
}

/** Per group of the organisation, on a date: pot cash (from the running balances), active members and the monthly amount in force. */
export async function groupListFigures(knex: Knex, organisationId: string, on: string): Promise<Array<{ id: string; cash: string | null; members: number; monthly_amount: string | null }>> {
  return knex('savings_groups as g')
    .where('g.organisation_id', organisationId)
    .select<Array<{ id: string; cash: string | null; members: number; monthly_amount: string | null }>>(
      'g.id',
      knex.raw('? AS cash', [bookBalanceAtSql(knex, 'pot_cash', 'g.id', on)]),
      knex.raw('(SELECT count(*) FROM group_members m WHERE m.group_id = g.id AND m.left_on IS NULL)::int AS members'),
      // The amount in force that day.
      knex.raw(
        `(SELECT ma.amount FROM group_monthly_amounts ma WHERE ma.group_id = g.id AND ma.effective_from <= ?::date ORDER BY ma.effective_from DESC LIMIT 1) AS monthly_amount`,
        [on],
      ),
    );
}

/** Whether another group of the organisation has this name (case-insensitive). */
export async function groupNameTaken(knex: Knex, organisationId: string, name: string): Promise<boolean> {
  return (await knex('savings_groups').where({ organisation_id: organisationId }).whereRaw('lower(name) = lower(?)', [name]).first('id')) !== undefined;
}

/** Inserts a group. */
export async function insertGroup(
  trx: Knex,
  values: { organisationId: string; name: string; cohort: string; startsOn: string; endsOn: string | null; exitPolicy: ExitPolicy; exitCost: string },
): Promise<GroupRow> {
  const [row] = await trx('savings_groups')
    .insert({
      organisation_id: values.organisationId,
      name: values.name,
      cohort: values.cohort,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      exit_policy: values.exitPolicy,
      exit_cost: values.exitCost,
    })
    .returning<GroupRow[]>('*');
  return row!;
}

/** Changes a group's editable fields (those given). */
export async function updateGroupRow(trx: Knex, id: string, values: { name?: string; cohort?: string; endsOn?: string | null; exitCost?: string }): Promise<void> {
  await trx('savings_groups')
    .where({ id })
    .update({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.cohort !== undefined ? { cohort: values.cohort } : {}),
      ...(values.endsOn !== undefined ? { ends_on: values.endsOn } : {}),
      ...(values.exitCost !== undefined ? { exit_cost: values.exitCost } : {}),
      updated_at: trx.fn.now(),
    });
}

/** Sets the monthly amount from a month's first day (replacing one already set for that month). */
export async function upsertMonthlyAmount(trx: Knex, groupId: string, from: string, amount: string): Promise<void> {
  await trx('group_monthly_amounts').insert({ group_id: groupId, effective_from: from, amount }).onConflict(['group_id', 'effective_from']).merge(['amount']);
}

/** The group a household saves in now (not left), or null. */
export async function activeGroupOf(knex: Knex, householdId: string): Promise<string | null> {
  const row = await knex('group_members').where({ household_id: householdId }).whereNull('left_on').first<{ group_id: string } | undefined>('group_id');
  return row?.group_id ?? null;
}

/** Adds a member. */
export async function insertMember(trx: Knex, groupId: string, householdId: string, joinedOn: string): Promise<void> {
  await trx('group_members').insert({ group_id: groupId, household_id: householdId, joined_on: joinedOn });
}

/** Records a member's leaving date (an officer's office ends with it). */
export async function setMemberLeft(trx: Knex, memberId: string, leftOn: string): Promise<void> {
  await trx('group_members').where({ id: memberId }).update({ left_on: leftOn, officer_role: null });
}

/** Gives an office to a member (taking it from its current holder), or takes the member's office away. */
export async function setOfficerRole(trx: Knex, groupId: string, memberId: string, role: OfficerRole | null): Promise<void> {
  if (role) await trx('group_members').where({ group_id: groupId, officer_role: role }).whereNot({ id: memberId }).update({ officer_role: null });
  await trx('group_members').where({ id: memberId }).update({ officer_role: role });
}

/** The group's end date, if set. */
export async function groupEndDate(knex: Knex, groupId: string): Promise<string | null> {
  const row = await knex('savings_groups').where({ id: groupId }).first<{ ends_on: string | null } | undefined>('ends_on');
  return row?.ends_on ?? null;
}

/** The groups a household belonged to during a period, by joining date. */
export async function groupsOfHouseholdIn(knex: Knex, householdId: string, from: string, to: string): Promise<Array<{ name: string; cohort: string | null }>> {
  return knex('group_members as m')
    .join('savings_groups as g', 'g.id', 'm.group_id')
    .where('m.household_id', householdId)
    .andWhere('m.joined_on', '<=', to)
    .andWhere((q) => q.whereNull('m.left_on').orWhere('m.left_on', '>=', from))
    .orderBy('m.joined_on')
    .select<Array<{ name: string; cohort: string | null }>>('g.name', 'g.cohort');
}

/** The households that were members of a group during a period, by reference. */
export async function membersIn(knex: Knex, organisationId: string, groupId: string, from: string, to: string): Promise<Array<{ household_id: string; reference: string }>> {
  return knex('group_members as m')
    .join('households as h', 'h.id', 'm.household_id')
    .where({ 'm.group_id': groupId, 'h.organisation_id': organisationId })
    .andWhere('m.joined_on', '<=', to)
    .andWhere((q) => q.whereNull('m.left_on').orWhere('m.left_on', '>=', from))
    .distinct('m.household_id', 'h.reference')
    .orderBy('h.reference')
    .select<Array<{ household_id: string; reference: string }>>();
}

/** The households' current groups (not left). */
export async function currentGroupsOf(knex: Knex, householdIds: string[]): Promise<string[]> {
  const rows = await knex('group_members').whereIn('household_id', householdIds).whereNull('left_on').distinct<Array<{ group_id: string }>>('group_id');
  return rows.map((r) => r.group_id);
}

/** A household's memberships with the group names. */
export async function membershipsWithNames(knex: Knex, householdId: string): Promise<Array<{ group_id: string; name: string; joined_on: string; left_on: string | null }>> {
  return knex('group_members as m')
    .join('savings_groups as g', 'g.id', 'm.group_id')
    .where('m.household_id', householdId)
    .select<Array<{ group_id: string; name: string; joined_on: string; left_on: string | null }>>('m.group_id', 'g.name', 'm.joined_on', 'm.left_on');
}
