import { randomInt, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { errors } from '../../lib/errors.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { randomCommunication } from '../../lib/structured-communication.ts';
import { activationCodeHash } from '../auth/auth.service.ts';
import type { CreateHouseholdInput, UpdateHouseholdInput } from './households.schemas.ts';
import {
  findHousehold,
  insertHousehold,
  isActiveStaff,
  replaceMembers,
  updateHouseholdRow,
  upsertActivationCode,
  type Household,
  type HouseholdRowValues,
} from './households.repository.ts';

/** How long an activation code stays valid. */
export const ACTIVATION_CODE_DAYS = 14;
// No 0/O, 1/I/L: a code is read from paper and typed on a phone.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Formats a household reference from its sequence number: H-0042, H-12345. */
export function formatReference(n: number): string {
  return `H-${String(n).padStart(4, '0')}`;
}

function rowValues(input: Partial<CreateHouseholdInput> | UpdateHouseholdInput): HouseholdRowValues {
  const v: HouseholdRowValues = {};
  if (input.displayName !== undefined) v.display_name = input.displayName;
  if (input.phone !== undefined) v.phone = input.phone;
  if (input.email !== undefined) v.email = input.email;
  if (input.preferredLanguage !== undefined) v.preferred_language = input.preferredLanguage;
  if (input.commune !== undefined) v.commune = input.commune;
  if (input.dependents !== undefined) v.dependents = input.dependents;
  if (input.monthlyIncome !== undefined) v.monthly_income = input.monthlyIncome;
  if (input.referentId !== undefined) v.referent_id = input.referentId;
  if (input.flags?.singleParent !== undefined) v.single_parent = input.flags.singleParent;
  if (input.flags?.pasSolo !== undefined) v.pas_solo = input.flags.pasSolo;
  if (input.notes !== undefined) v.notes = input.notes;
  return v;
}

async function assertReferent(knex: Knex, organisationId: string, referentId: string | null | undefined) {
  if (referentId && !(await isActiveStaff(knex, organisationId, referentId))) {
    throw errors.validation([{ path: 'referentId', message: 'Must be an active staff member' }]);
  }
}

/** Reserves a new unique structured communication for an owner (a household, a rental advance) in the one registry bank lines are matched against, retrying on the rare collision. */
export async function reserveCommunication(trx: Knex.Transaction, ownerKind: string, ownerId: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const communication = randomCommunication();
    const inserted = await trx('payment_references')
      .insert({ communication, owner_kind: ownerKind, owner_id: ownerId })
      .onConflict('communication')
      .ignore()
      .returning('communication');
    if (inserted.length === 1) return communication;
  }
  throw new Error('could not reserve a unique structured communication');
}

/** Creates a household with its reference, structured communication and members, in one transaction. */
export async function createHousehold(knex: Knex, actor: Actor, organisationId: string, input: CreateHouseholdInput): Promise<Household> {
  await assertReferent(knex, organisationId, input.referentId);
  const id = randomUUID();
  await inTransaction(knex, actor, async (trx) => {
    const seq = (await trx.raw(`SELECT nextval('household_reference_seq') AS n`)) as { rows: Array<{ n: number }> };
    const communication = await reserveCommunication(trx, 'household', id);
    await insertHousehold(trx, {
      ...rowValues(input),
      id,
      organisation_id: organisationId,
      reference: formatReference(Number(seq.rows[0]!.n)),
      structured_communication: communication,
      display_name: input.displayName,
    } as Parameters<typeof insertHousehold>[1]);
    await replaceMembers(trx, id, input.members);
  });
  return (await findHousehold(knex, organisationId, id))!;
}

/** A household of the organisation, or a 404. */
export async function getHousehold(knex: Knex, organisationId: string, id: string): Promise<Household> {
  const household = await findHousehold(knex, organisationId, id);
  if (!household) throw errors.notFound('household');
  return household;
}

/** Changes a household; a members list replaces the whole list. */
export async function updateHousehold(knex: Knex, actor: Actor, organisationId: string, id: string, input: UpdateHouseholdInput): Promise<Household> {
  await getHousehold(knex, organisationId, id);
  await assertReferent(knex, organisationId, input.referentId);
  await inTransaction(knex, actor, async (trx) => {
    await updateHouseholdRow(trx, id, rowValues(input));
    if (input.displayName !== undefined) {
      // The household's own account carries its name for the audit trail and the session.
      await trx('users').where({ household_id: id }).whereNot({ name: input.displayName }).update({ name: input.displayName, updated_at: trx.fn.now() });
    }
    if (input.members) await replaceMembers(trx, id, input.members);
  });
  return (await findHousehold(knex, organisationId, id))!;
}

/** A new random activation code, shown as ABCD-EFGH-JKLM (about 59 bits). */
export function newActivationCode(): string {
  let raw = '';
  for (let i = 0; i < 12; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return raw.match(/.{4}/g)!.join('-');
}

/** Issues a one-time activation code for a household, replacing any earlier code. Only its hash is stored. */
export async function issueActivationCode(knex: Knex, actor: Actor & { userId: string }, organisationId: string, householdId: string) {
  const household = await getHousehold(knex, organisationId, householdId);
  const code = newActivationCode();
  const expiresAt = new Date(Date.now() + ACTIVATION_CODE_DAYS * 24 * 3600 * 1000);
  await inTransaction(knex, actor, (trx) => upsertActivationCode(trx, householdId, activationCodeHash(code), expiresAt, actor.userId));
  return { household, code, expiresAt };
}
