/** GECS groups: creation, monthly amounts, members and officers. No money moves here. */
import type { Knex } from 'knex';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { monthStart } from '../../lib/dates.ts';
import { errors } from '../../lib/errors.ts';
import { formatAmount } from '../../lib/money.ts';
import { getHousehold } from '../households/households.service.ts';
import {
  assertOpenDate,
  getGroupRow,
  lockGroup,
  membershipRow,
  type GroupRow,
  type OfficerRole,
} from './groups.repository.ts';
import { ensureAccount } from './ledger.ts';
import type { CreateGroupInput, UpdateGroupInput } from './savings.schemas.ts';

export async function createGroup(knex: Knex, actor: Actor, organisationId: string, input: CreateGroupInput): Promise<GroupRow> {
  if (input.endsOn && input.endsOn < input.startsOn) {
    throw errors.validation([{ path: 'endsOn', message: 'Must not be before startsOn' }]);
  }
  const existing = await knex('savings_groups').where({ organisation_id: organisationId }).whereRaw('lower(name) = lower(?)', [input.name]).first('id');
  if (existing) throw errors.validation([{ path: 'name', message: 'A group with this name already exists' }]);
  return inTransaction(knex, actor, async (trx) => {
    const [row] = await trx('savings_groups')
      .insert({
        organisation_id: organisationId,
        name: input.name,
        cohort: input.cohort,
        starts_on: input.startsOn,
        ends_on: input.endsOn ?? null,
        exit_policy: input.exitPolicy,
        exit_cost: formatAmount(input.exitCost ?? '0'),
      })
      .returning<GroupRow[]>('*');
    const group = row!;
    await trx('group_monthly_amounts').insert({ group_id: group.id, effective_from: monthStart(input.startsOn), amount: formatAmount(input.monthlyAmount) });
    await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId: group.id });
    await ensureAccount(trx, organisationId, { kind: 'group_reserve', groupId: group.id });
    return group;
  });
}

export async function updateGroup(knex: Knex, actor: Actor, organisationId: string, id: string, input: UpdateGroupInput): Promise<void> {
  const group = await getGroupRow(knex, organisationId, id);
  if (input.endsOn && input.endsOn < group.starts_on) throw errors.validation([{ path: 'endsOn', message: 'Must not be before the group starts' }]);
  if (input.name && input.name.toLowerCase() !== group.name.toLowerCase()) {
    const clash = await knex('savings_groups').where({ organisation_id: organisationId }).whereRaw('lower(name) = lower(?)', [input.name]).first('id');
    if (clash) throw errors.validation([{ path: 'name', message: 'A group with this name already exists' }]);
  }
  await inTransaction(knex, actor, async (trx) => {
    await trx('savings_groups')
      .where({ id })
      .update({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.cohort !== undefined ? { cohort: input.cohort } : {}),
        ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
        ...(input.exitCost !== undefined ? { exit_cost: formatAmount(input.exitCost) } : {}),
        updated_at: trx.fn.now(),
      });
  });
}

/** The group's monthly amount from a month on (replacing a change already planned for that month). */
export async function setMonthlyAmount(knex: Knex, actor: Actor, organisationId: string, groupId: string, input: { amount: string; from: string }): Promise<void> {
  const from = monthStart(input.from);
  await inTransaction(knex, actor, async (trx) => {
    const group = await lockGroup(trx, organisationId, groupId);
    if (from < monthStart(group.starts_on)) throw errors.validation([{ path: 'from', message: 'Must not be before the month the group starts' }]);
    // Past expectations of a closed month stay as they were closed.
    await assertOpenDate(trx, groupId, from, 'from');
    await trx('group_monthly_amounts')
      .insert({ group_id: groupId, effective_from: from, amount: formatAmount(input.amount) })
      .onConflict(['group_id', 'effective_from'])
      .merge(['amount']);
  });
}

export async function joinGroup(knex: Knex, actor: Actor, organisationId: string, groupId: string, input: { householdId: string; joinedOn: string }): Promise<void> {
  await getHousehold(knex, organisationId, input.householdId).catch(() => {
    throw errors.validation([{ path: 'householdId', message: 'No such household' }]);
  });
  await inTransaction(knex, actor, async (trx) => {
    const group = await lockGroup(trx, organisationId, groupId);
    if (input.joinedOn < group.starts_on) throw errors.validation([{ path: 'joinedOn', message: 'Must not be before the group starts' }]);
    if (group.ends_on && input.joinedOn > group.ends_on) throw errors.validation([{ path: 'joinedOn', message: 'Must not be after the group ends' }]);
    if (await membershipRow(trx, groupId, input.householdId)) throw errors.conflict('already_member', 'This household is already (or was) a member of this group.');
    const active = await trx('group_members').where({ household_id: input.householdId }).whereNull('left_on').first('group_id');
    if (active) throw errors.conflict('member_of_another_group', 'This household already saves in another group; it must leave it first.');
    await assertOpenDate(trx, groupId, input.joinedOn, 'joinedOn');
    await trx('group_members').insert({ group_id: groupId, household_id: input.householdId, joined_on: input.joinedOn });
    await ensureAccount(trx, organisationId, { kind: 'group_savings', groupId, householdId: input.householdId });
  });
}

export async function leaveGroup(knex: Knex, actor: Actor, organisationId: string, groupId: string, householdId: string, leftOn: string): Promise<void> {
  await inTransaction(knex, actor, async (trx) => {
    await lockGroup(trx, organisationId, groupId);
    const member = await membershipRow(trx, groupId, householdId);
    if (!member) throw errors.notFound('member');
    if (member.left_on) throw errors.conflict('already_left', `This household left the group on ${member.left_on}.`);
    if (leftOn < member.joined_on) throw errors.validation([{ path: 'leftOn', message: 'Must not be before the household joined' }]);
    const pending = await trx('advances').where({ group_id: groupId, household_id: householdId, status: 'approved' }).first('id');
    if (pending) throw errors.conflict('advance_open', 'This household has an approved advance waiting to be paid: pay or cancel it before it leaves.');
    await assertOpenDate(trx, groupId, leftOn, 'leftOn');
    await trx('group_members').where({ id: member.id }).update({ left_on: leftOn, officer_role: null });
  });
}

export async function setOfficer(knex: Knex, actor: Actor, organisationId: string, groupId: string, householdId: string, role: OfficerRole | null): Promise<void> {
  await inTransaction(knex, actor, async (trx) => {
    await lockGroup(trx, organisationId, groupId);
    const member = await membershipRow(trx, groupId, householdId);
    if (!member) throw errors.notFound('member');
    if (member.left_on && role) throw errors.conflict('member_left', 'A household that left the group cannot be an officer.');
    // The office passes from its current holder to this member.
    if (role) await trx('group_members').where({ group_id: groupId, officer_role: role }).whereNot({ id: member.id }).update({ officer_role: null });
    await trx('group_members').where({ id: member.id }).update({ officer_role: role });
  });
}
