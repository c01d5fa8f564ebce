import type { Knex } from 'knex';
import type { Names } from './journey.history.ts';

/** A reason a household leaves the process. */
export interface ExitReason {
  id: string;
  key: string;
  position: number;
  names: Names;
  active: boolean;
}

/** A staff member who recorded something; null for seeds and migrations. */
export type Author = { id: string; name: string } | null;

/** A recorded transition, with its phase key and author. */
export interface TransitionRecord {
  id: string;
  householdId: string;
  phaseId: string;
  phaseKey: string;
  on: string;
  note: string | null;
  author: Author;
  sessionId: string | null;
  createdAt: Date;
}

/** A recorded exit, with its reason key and author. */
export interface ExitRecord {
  id: string;
  householdId: string;
  reasonId: string;
  reasonKey: string;
  on: string;
  note: string | null;
  author: Author;
  createdAt: Date;
}

type NamesRow = { name_fr: string; name_nl: string; name_en: string };
const namesOf = (r: NamesRow): Names => ({ fr: r.name_fr, nl: r.name_nl, en: r.name_en });

/** Columns for a partial change of names. */
export function nameColumns(names: Partial<Names>): Partial<NamesRow> {
  const out: Partial<NamesRow> = {};
  if (names.fr !== undefined) out.name_fr = names.fr;
  if (names.nl !== undefined) out.name_nl = names.nl;
  if (names.en !== undefined) out.name_en = names.en;
  return out;
}

/** Every exit reason, in their order (inactive ones too: old exits keep their reason). */
export async function listExitReasons(knex: Knex): Promise<ExitReason[]> {
  const rows = (await knex('exit_reasons').orderBy(['position', 'key'])) as Array<NamesRow & { id: string; key: string; position: number; active: boolean }>;
  return rows.map((r) => ({ id: r.id, key: r.key, position: r.position, names: namesOf(r), active: r.active }));
}

/** Adds a sub-step after the last sub-step of a top-level phase. */
export async function insertStep(trx: Knex, parentId: string, key: string, names: Names): Promise<void> {
  const row = (await trx('phases').where({ parent_id: parentId }).max({ m: 'position' }).first()) as { m: number | null } | undefined;
  await trx('phases').insert({ key, parent_id: parentId, position: (row?.m ?? 0) + 1, ...nameColumns(names) });
}

/** Renames a phase or sub-step. */
export async function renamePhase(trx: Knex, id: string, names: Partial<Names>): Promise<void> {
  await trx('phases').where({ id }).update({ ...nameColumns(names), updated_at: trx.fn.now() });
}

/** Adds an exit reason at the end of the list. */
export async function insertExitReason(trx: Knex, key: string, names: Names): Promise<void> {
  const row = (await trx('exit_reasons').max({ m: 'position' }).first()) as { m: number | null } | undefined;
  await trx('exit_reasons').insert({ key, position: (row?.m ?? 0) + 1, ...nameColumns(names) });
}

/** Renames, retires or brings back an exit reason. */
export async function updateExitReason(trx: Knex, id: string, patch: { names?: Partial<Names>; active?: boolean }): Promise<void> {
  await trx('exit_reasons')
    .where({ id })
    .update({ ...nameColumns(patch.names ?? {}), ...(patch.active !== undefined ? { active: patch.active } : {}), updated_at: trx.fn.now() });
}

/**
 * Locks a household's row for the rest of the transaction, so that two journey changes of one
 * household are checked one after the other.
 */
export async function lockHousehold(trx: Knex.Transaction, organisationId: string, householdId: string): Promise<boolean> {
  return !!(await trx('households').where({ id: householdId, organisation_id: organisationId }).forUpdate().first('id'));
}

/** Records a transition. */
export async function insertTransition(
  trx: Knex,
  v: { householdId: string; phaseId: string; on: string; note: string | null; authorId: string | null; sessionId?: string | null },
): Promise<string> {
  const [row] = (await trx('journey_transitions')
    .insert({ household_id: v.householdId, phase_id: v.phaseId, entered_on: v.on, note: v.note, author_id: v.authorId, session_id: v.sessionId ?? null })
    .returning('id')) as Array<{ id: string }>;
  return row!.id;
}

/** Records an exit. */
export async function insertExit(trx: Knex, v: { householdId: string; reasonId: string; on: string; note: string | null; authorId: string | null }): Promise<string> {
  const [row] = (await trx('journey_exits')
    .insert({ household_id: v.householdId, reason_id: v.reasonId, left_on: v.on, note: v.note, author_id: v.authorId })
    .returning('id')) as Array<{ id: string }>;
  return row!.id;
}

/** A household's transitions, by date. */
export async function householdTransitions(knex: Knex, householdId: string): Promise<TransitionRecord[]> {
  const rows = (await knex('journey_transitions as t')
    .join('phases as p', 'p.id', 't.phase_id')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .where('t.household_id', householdId)
    .orderBy([{ column: 't.entered_on' }, { column: 't.created_at' }])
    .select('t.*', 'p.key as phase_key', 'u.name as author_name')) as Array<{
    id: string; household_id: string; phase_id: string; phase_key: string; entered_on: string; note: string | null;
    author_id: string | null; author_name: string | null; session_id: string | null; created_at: Date;
  }>;
  return rows.map((r) => ({
    id: r.id, householdId: r.household_id, phaseId: r.phase_id, phaseKey: r.phase_key, on: r.entered_on, note: r.note,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? '' } : null, sessionId: r.session_id, createdAt: r.created_at,
  }));
}

/** A household's exits, by date. */
export async function householdExits(knex: Knex, householdId: string): Promise<ExitRecord[]> {
  const rows = (await knex('journey_exits as x')
    .join('exit_reasons as r', 'r.id', 'x.reason_id')
    .leftJoin('users as u', 'u.id', 'x.author_id')
    .where('x.household_id', householdId)
    .orderBy([{ column: 'x.left_on' }, { column: 'x.created_at' }])
    .select('x.*', 'r.key as reason_key', 'u.name as author_name')) as Array<{
    id: string; household_id: string; reason_id: string; reason_key: string; left_on: string; note: string | null;
    author_id: string | null; author_name: string | null; created_at: Date;
  }>;
  return rows.map((r) => ({
    id: r.id, householdId: r.household_id, reasonId: r.reason_id, reasonKey: r.reason_key, on: r.left_on, note: r.note,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? '' } : null, createdAt: r.created_at,
  }));
}

/** Households of the organisation among the given ids. */
export async function existingHouseholdIds(knex: Knex, organisationId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = (await knex('households').where({ organisation_id: organisationId }).whereIn('id', ids).select('id')) as Array<{ id: string }>;
  return new Set(rows.map((r) => r.id));
}
