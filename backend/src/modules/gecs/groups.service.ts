/** GECS groups: creation, monthly amounts, members and officers. No money moves here. */
import type { Knex } from 'knex';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { monthStart } from '../../lib/dates.ts';
import { errors } from '../../lib/errors.ts';
import { formatAmount } from '../../lib/money.ts';
import { getHousehold } from '../households/households.service.ts';
import { closedThrough } from '../ledger/ledger.service.ts';
import { hasApprovedAdvance } from './advances.repository.ts';
import { ensureAccount } from './gecs.accounts.ts';
import type { CreateGroupInput, UpdateGroupInput } from './gecs.schemas.ts';
import {
  activeGroupOf,
  getGroupRow,
  groupNameTaken,
  insertGroup,
  insertMember,
  lockGroup,
  membershipRow,
  setMemberLeft,
  setOfficerRole,
  updateGroupRow,
  upsertMonthlyAmount,
  type GroupRow,
  type OfficerRole,
} from './groups.repository.ts';

/** Refuses a date in a closed month of the group (the database refuses an entry there too). */
export async function assertOpenDate(knex: Knex, groupId: string, date: string, field = 'valueDate'): Promise<void> {
  const closed = await closedThrough(knex, groupId);
  if (closed && date <= closed) {
    throw errors.conflict('month_closed', `The month of ${date} is closed for this group (closed through ${closed}). Date the ${field === 'valueDate' ? 'operation' : field} in an open month; a correction goes in the open month and says what it corrects.`);
  }
}

/** Creates a group with its first monthly amount and its pot's accounts. */
export async function createGroup(knex: Knex, actor: Actor, organisationId: string, input: CreateGroupInput): Promise<GroupRow> {
  if (input.endsOn && input.endsOn < input.startsOn) {
    throw errors.validation([{ path: 'endsOn', message: 'Must not be before startsOn' }]);
  }
  if (await groupNameTaken(knex, organisationId, input.name)) throw errors.validation([{ path: 'name', message: 'A group with this name already exists' }]);
  return inTransaction(knex, actor, async (trx) => {
    const group = await insertGroup(trx, {
      organisationId,
      name: input.name,
      cohort: input.cohort,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      exitPolicy: input.exitPolicy,
      exitCost: formatAmount(input.exitCost ?? '0'),
    });
    await upsertMonthlyAmount(trx, group.id, monthStart(input.startsOn), formatAmount(input.monthlyAmount));
    await ensureAccount(trx, organisationId, { kind: 'pot_cash', groupId: group.id });
    await ensureAccount(trx, organisationId, { kind: 'group_reserve', groupId: group.id });
    return group;
  });
}

/** Changes a group's name, cohort, end date or exit cost. */
export async function updateGroup(knex: Knex, actor: Actor, organisationId: string, id: string, input: UpdateGroupInput): Promise<void> {
  const group = await getGroupRow(knex, organisationId, id);
  if (input.endsOn && input.endsOn < group.starts_on) throw errors.validation([{ path: 'endsOn', message: 'Must not be before the group starts' }]);
  if (input.name && input.name.toLowerCase() !== group.name.toLowerCase() && (await groupNameTaken(knex, organisationId, input.name))) {
    throw errors.validation([{ path: 'name', message: 'A group with this name already exists' }]);
  }
  await inTransaction(knex, actor, async (trx) => {
    await updateGroupRow(trx, id, { ...input, ...(input.exitCost !== undefined ? { exitCost: formatAmount(input.exitCost) } : {}) });
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
    await upsertMonthlyAmount(trx, groupId, from, formatAmount(input.amount));
  });
}

/** A household joins a group (one group at a time) and gets its savings account there. */
export async function joinGroup(knex: Knex, actor: Actor, organisationId: string, groupId: string, input: { householdId: string; joinedOn: string }): Promise<void> {
  await getHousehold(knex, organisationId, input.householdId).catch(() => {
    throw errors.validation([{ path: 'householdId', message: 'No such household' }]);
  });
  await inTransaction(knex, actor, async (trx) => {
    const group = await lockGroup(trx, organisationId, groupId);
    if (input.joinedOn < group.starts_on) throw errors.validation([{ path: 'joinedOn', message: 'Must not be before the group starts' }]);
    if (group.ends_on && input.joinedOn > group.ends_on) throw errors.validation([{ path: 'joinedOn', message: 'Must not be after the group ends' }]);
    if (await membershipRow(trx, groupId, input.householdId)) throw errors.conflict('already_member', 'This household is already (or was) a member of this group.');
    if (await activeGroupOf(trx, input.householdId)) throw errors.conflict('member_of_another_group', 'This household already saves in another group; it must leave it first.');
    await assertOpenDate(trx, groupId, input.joinedOn, 'joinedOn');
    await insertMember(trx, groupId, input.householdId, input.joinedOn);
    await ensureAccount(trx, organisationId, { kind: 'group_savings', groupId, householdId: input.householdId });
  });
}

/** A member leaves the group on a date (not while an approved advance waits to be paid). */
export async function leaveGroup(knex: Knex, actor: Actor, organisationId: string, groupId: string, householdId: string, leftOn: string): Promise<void> {
  await inTransaction(knex, actor, async (trx) => {
    await lockGroup(trx, organisationId, groupId);
    const member = await membershipRow(trx, groupId, householdId);
    if (!member) throw errors.notFound('member');
    if (member.left_on) throw errors.conflict('already_left', `This household left the group on ${member.left_on}.`);
    if (leftOn < member.joined_on) throw errors.validation([{ path: 'leftOn', message: 'Must not be before the household joined' }]);
    if (await hasApprovedAdvance(trx, householdId, groupId)) throw errors.conflict('advance_open', 'This household has an approved advance waiting to be paid: pay or cancel it before it leaves.');
    await assertOpenDate(trx, groupId, leftOn, 'leftOn');
    await setMemberLeft(trx, member.id, leftOn);
  });
}

/** Gives a member an office (president, treasurer, secretary) or takes it away. */
export async function setOfficer(knex: Knex, actor: Actor, organisationId: string, groupId: string, householdId: string, role: OfficerRole | null): Promise<void> {
  await inTransaction(knex, actor, async (trx) => {
    await lockGroup(trx, organisationId, groupId);
    const member = await membershipRow(trx, groupId, householdId);
    if (!member) throw errors.notFound('member');
    if (member.left_on && role) throw errors.conflict('member_left', 'A household that left the group cannot be an officer.');
    // The office passes from its current holder to this member.
    await setOfficerRole(trx, groupId, member.id, role);
  });
}
