/** SQL of projects, units, candidacies, their stages, compromis and acquisitions; rows mapped to objects. */
import type { Knex } from 'knex';
import type { Names } from '../journey/journey.history.ts';
import { nameColumns, type Author } from '../journey/journey.repository.ts';
import type { Partner, TaxRegime, Tenure } from './acquisitions.schemas.ts';
import type { ProjectStatus, Stage } from './stages.ts';

export interface Project {
  id: string;
  organisationId: string;
  name: string;
  partner: Partner;
  partnerName: string | null;
  tenure: Tenure;
  commune: string;
  address: string | null;
  homes: number;
  notes: string | null;
}

export interface ProjectStatusRecord {
  projectId: string;
  status: ProjectStatus;
  on: string;
  note: string | null;
}

/** A project's rules from a date; shares are decimal fraction strings, amounts euros. */
export interface ProjectRule {
  projectId: string;
  from: string;
  deferredPriceAllowed: boolean;
  deferredPriceMaxPercent: string | null;
  incomeCeiling: string | null;
  incomeCeilingPerDependent: string | null;
  occupancyYears: number | null;
  cltResaleSharePercent: string | null;
  note: string | null;
}

export interface Unit {
  id: string;
  projectId: string;
  label: string;
  floor: number | null;
  bedrooms: number;
  floorArea: string | null;
  price: string;
  taxRegime: TaxRegime;
  vatRate: string | null;
  landShare: string | null;
}

export interface WithdrawalReason {
  id: string;
  key: string;
  position: number;
  names: Names;
  active: boolean;
}

export interface Candidacy {
  id: string;
  organisationId: string;
  projectId: string;
  householdId: string;
  unitId: string | null;
}

export interface StageRecord {
  id: string;
  candidacyId: string;
  stage: Stage;
  on: string;
  note: string | null;
  unitId: string | null;
  reasonKey: string | null;
  author: Author;
  createdAt: Date;
}

export interface CompromisRecord {
  candidacyId: string;
  on: string;
  price: string;
  downPayment: string;
}

export interface AcquisitionRecord {
  candidacyId: string;
  deedOn: string;
  notary: string;
  price: string;
  taxRegime: TaxRegime;
  vatRate: string | null;
  landShare: string | null;
  vat: string;
  deferredPercent: string;
  deferredAmount: string;
  registrationDuties: string;
  notaryFees: string;
  ownFunds: string;
  lender: string | null;
  loanAmount: string | null;
  annualRate: string | null;
  loanYears: number | null;
  monthlyPayment: string | null;
}

type Row = Record<string, unknown>;
const s = (v: unknown) => v as string;
const ns = (v: unknown) => (v === null || v === undefined ? null : (v as string));

function projectOf(r: Row): Project {
  return {
    id: s(r.id), organisationId: s(r.organisation_id), name: s(r.name), partner: r.partner as Partner, partnerName: ns(r.partner_name),
    tenure: r.tenure as Tenure, commune: s(r.commune), address: ns(r.address), homes: r.homes as number, notes: ns(r.notes),
  };
}

function unitOf(r: Row): Unit {
  return {
    id: s(r.id), projectId: s(r.project_id), label: s(r.label), floor: (r.floor as number | null) ?? null, bedrooms: r.bedrooms as number,
    floorArea: ns(r.floor_area), price: s(r.price), taxRegime: r.tax_regime as TaxRegime, vatRate: ns(r.vat_rate), landShare: ns(r.land_share),
  };
}

function candidacyOf(r: Row): Candidacy {
  return { id: s(r.id), organisationId: s(r.organisation_id), projectId: s(r.project_id), householdId: s(r.household_id), unitId: ns(r.unit_id) };
}

// ——— Projects ———

/** The columns of a project's fields (only those given). */
export function projectColumns(v: Partial<Omit<Project, 'id' | 'organisationId'>>): Row {
  const out: Row = {};
  if (v.name !== undefined) out.name = v.name;
  if (v.partner !== undefined) out.partner = v.partner;
  if (v.partnerName !== undefined) out.partner_name = v.partnerName;
  if (v.tenure !== undefined) out.tenure = v.tenure;
  if (v.commune !== undefined) out.commune = v.commune;
  if (v.address !== undefined) out.address = v.address;
  if (v.homes !== undefined) out.homes = v.homes;
  if (v.notes !== undefined) out.notes = v.notes;
  return out;
}

export async function insertProject(trx: Knex, organisationId: string, v: Omit<Project, 'id' | 'organisationId'>): Promise<Project> {
  const [row] = (await trx('projects').insert({ organisation_id: organisationId, ...projectColumns(v) }).returning('*')) as Row[];
  return projectOf(row!);
}

export async function updateProjectRow(trx: Knex, id: string, v: Partial<Omit<Project, 'id' | 'organisationId'>>): Promise<void> {
  await trx('projects').where({ id }).update({ ...projectColumns(v), updated_at: trx.fn.now() });
}

export async function findProject(knex: Knex, organisationId: string, id: string): Promise<Project | null> {
  const row = (await knex('projects').where({ id, organisation_id: organisationId }).first()) as Row | undefined;
  return row ? projectOf(row) : null;
}

/** A project's row locked for the rest of the transaction (its statuses, rules and units change one at a time). */
export async function lockProject(trx: Knex.Transaction, organisationId: string, id: string): Promise<Project | null> {
  const row = (await trx('projects').where({ id, organisation_id: organisationId }).forUpdate().first()) as Row | undefined;
  return row ? projectOf(row) : null;
}

export async function listProjects(knex: Knex, organisationId: string): Promise<Project[]> {
  return ((await knex('projects').where({ organisation_id: organisationId }).orderBy('name')) as Row[]).map(projectOf);
}

export async function projectNames(knex: Knex, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await knex('projects').whereIn('id', ids).select('id', 'name')) as Array<{ id: string; name: string }>;
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertProjectStatus(trx: Knex, v: { projectId: string; status: ProjectStatus; on: string; note: string | null; authorId: string | null }): Promise<void> {
  await trx('project_statuses').insert({ project_id: v.projectId, status: v.status, status_on: v.on, note: v.note, author_id: v.authorId });
}

/** The status histories of projects, by date. */
export async function projectStatuses(knex: Knex, projectIds: string[]): Promise<Map<string, ProjectStatusRecord[]>> {
  const out = new Map<string, ProjectStatusRecord[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return out;
  const rows = (await knex('project_statuses').whereIn('project_id', projectIds).orderBy([{ column: 'status_on' }, { column: 'created_at' }])) as Row[];
  for (const r of rows) out.get(s(r.project_id))?.push({ projectId: s(r.project_id), status: r.status as ProjectStatus, on: s(r.status_on), note: ns(r.note) });
  return out;
}

export async function insertProjectRule(trx: Knex, v: ProjectRule): Promise<void> {
  await trx('project_rules').insert({
    project_id: v.projectId, from_on: v.from, deferred_price_allowed: v.deferredPriceAllowed, deferred_price_max_percent: v.deferredPriceMaxPercent,
    income_ceiling: v.incomeCeiling, income_ceiling_per_dependent: v.incomeCeilingPerDependent, occupancy_years: v.occupancyYears,
    clt_resale_share_percent: v.cltResaleSharePercent, note: v.note,
  });
}

/** A project's dated rules, oldest first. */
export async function projectRules(knex: Knex, projectId: string): Promise<ProjectRule[]> {
  const rows = (await knex('project_rules').where({ project_id: projectId }).orderBy('from_on')) as Row[];
  return rows.map((r) => ({
    projectId: s(r.project_id), from: s(r.from_on), deferredPriceAllowed: r.deferred_price_allowed as boolean,
    deferredPriceMaxPercent: ns(r.deferred_price_max_percent), incomeCeiling: ns(r.income_ceiling), incomeCeilingPerDependent: ns(r.income_ceiling_per_dependent),
    occupancyYears: (r.occupancy_years as number | null) ?? null, cltResaleSharePercent: ns(r.clt_resale_share_percent), note: ns(r.note),
  }));
}

// ——— Units ———

function unitColumns(v: Partial<Omit<Unit, 'id' | 'projectId'>>): Row {
  const out: Row = {};
  if (v.label !== undefined) out.label = v.label;
  if (v.floor !== undefined) out.floor = v.floor;
  if (v.bedrooms !== undefined) out.bedrooms = v.bedrooms;
  if (v.floorArea !== undefined) out.floor_area = v.floorArea;
  if (v.price !== undefined) out.price = v.price;
  if (v.taxRegime !== undefined) out.tax_regime = v.taxRegime;
  if (v.vatRate !== undefined) out.vat_rate = v.vatRate;
  if (v.landShare !== undefined) out.land_share = v.landShare;
  return out;
}

export async function insertUnit(trx: Knex, projectId: string, v: Omit<Unit, 'id' | 'projectId'>): Promise<Unit> {
  const [row] = (await trx('units').insert({ project_id: projectId, ...unitColumns(v) }).returning('*')) as Row[];
  return unitOf(row!);
}

export async function updateUnitRow(trx: Knex, id: string, v: Partial<Omit<Unit, 'id' | 'projectId'>>): Promise<void> {
  await trx('units').where({ id }).update({ ...unitColumns(v), updated_at: trx.fn.now() });
}

/** A unit of a project of the organisation, or null. */
export async function findUnit(knex: Knex, organisationId: string, id: string): Promise<Unit | null> {
  const row = (await knex('units as u').join('projects as p', 'p.id', 'u.project_id').where({ 'u.id': id, 'p.organisation_id': organisationId }).first('u.*')) as Row | undefined;
  return row ? unitOf(row) : null;
}

export async function unitsOfProjects(knex: Knex, projectIds: string[]): Promise<Unit[]> {
  if (projectIds.length === 0) return [];
  return ((await knex('units').whereIn('project_id', projectIds).orderBy('label')) as Row[]).map(unitOf);
}

export async function unitsById(knex: Knex, ids: string[]): Promise<Map<string, Unit>> {
  if (ids.length === 0) return new Map();
  return new Map(((await knex('units').whereIn('id', ids)) as Row[]).map((r) => [s(r.id), unitOf(r)]));
}

// ——— Withdrawal reasons ———

export async function listWithdrawalReasons(knex: Knex): Promise<WithdrawalReason[]> {
  const rows = (await knex('withdrawal_reasons').orderBy(['position', 'key'])) as Row[];
  return rows.map((r) => ({ id: s(r.id), key: s(r.key), position: r.position as number, names: { fr: s(r.name_fr), nl: s(r.name_nl), en: s(r.name_en) }, active: r.active as boolean }));
}

export async function insertWithdrawalReason(trx: Knex, key: string, names: Names): Promise<void> {
  const row = (await trx('withdrawal_reasons').max({ m: 'position' }).first()) as { m: number | null } | undefined;
  await trx('withdrawal_reasons').insert({ key, position: (row?.m ?? 0) + 1, ...nameColumns(names) });
}

export async function updateWithdrawalReason(trx: Knex, id: string, patch: { names?: Partial<Names>; active?: boolean }): Promise<void> {
  await trx('withdrawal_reasons')
    .where({ id })
    .update({ ...nameColumns(patch.names ?? {}), ...(patch.active !== undefined ? { active: patch.active } : {}), updated_at: trx.fn.now() });
}

// ——— Candidacies ———

export async function insertCandidacy(trx: Knex, v: { organisationId: string; projectId: string; householdId: string }): Promise<Candidacy> {
  const [row] = (await trx('candidacies').insert({ organisation_id: v.organisationId, project_id: v.projectId, household_id: v.householdId }).returning('*')) as Row[];
  return candidacyOf(row!);
}

export async function findCandidacy(knex: Knex, organisationId: string, id: string): Promise<Candidacy | null> {
  const row = (await knex('candidacies').where({ id, organisation_id: organisationId }).first()) as Row | undefined;
  return row ? candidacyOf(row) : null;
}

/** A candidacy's row locked for the rest of the transaction: its stages are checked one change at a time. */
export async function lockCandidacy(trx: Knex.Transaction, organisationId: string, id: string): Promise<Candidacy | null> {
  const row = (await trx('candidacies').where({ id, organisation_id: organisationId }).forUpdate().first()) as Row | undefined;
  return row ? candidacyOf(row) : null;
}

/** Candidacies of the organisation by project, household or ids, oldest first. */
export async function listCandidacies(knex: Knex, organisationId: string, where: { projectId?: string; householdId?: string; ids?: string[] }): Promise<Candidacy[]> {
  const q = knex('candidacies').where({ organisation_id: organisationId }).orderBy('created_at');
  if (where.projectId) q.andWhere({ project_id: where.projectId });
  if (where.householdId) q.andWhere({ household_id: where.householdId });
  if (where.ids) q.whereIn('id', where.ids);
  return ((await q) as Row[]).map(candidacyOf);
}

export async function setCandidacyUnit(trx: Knex, id: string, unitId: string | null): Promise<void> {
  await trx('candidacies').where({ id }).update({ unit_id: unitId, updated_at: trx.fn.now() });
}

export async function insertStage(
  trx: Knex,
  v: { candidacyId: string; householdId: string; stage: Stage; on: string; note: string | null; unitId: string | null; reasonId: string | null; authorId: string | null },
): Promise<void> {
  await trx('candidacy_stages').insert({
    candidacy_id: v.candidacyId, household_id: v.householdId, stage: v.stage, stage_on: v.on, note: v.note, unit_id: v.unitId, reason_id: v.reasonId, author_id: v.authorId,
  });
}

/** The stages of candidacies, by date then recording. */
export async function stagesOf(knex: Knex, candidacyIds: string[]): Promise<Map<string, StageRecord[]>> {
  const out = new Map<string, StageRecord[]>(candidacyIds.map((id) => [id, []]));
  if (candidacyIds.length === 0) return out;
  const rows = (await knex('candidacy_stages as st')
    .leftJoin('withdrawal_reasons as r', 'r.id', 'st.reason_id')
    .leftJoin('users as u', 'u.id', 'st.author_id')
    .whereIn('st.candidacy_id', candidacyIds)
    .orderBy([{ column: 'st.stage_on' }, { column: 'st.created_at' }])
    .select('st.*', 'r.key as reason_key', 'u.name as author_name')) as Row[];
  for (const r of rows) {
    out.get(s(r.candidacy_id))?.push({
      id: s(r.id), candidacyId: s(r.candidacy_id), stage: r.stage as Stage, on: s(r.stage_on), note: ns(r.note), unitId: ns(r.unit_id),
      reasonKey: ns(r.reason_key), author: r.author_id ? { id: s(r.author_id), name: ns(r.author_name) ?? '' } : null, createdAt: r.created_at as Date,
    });
  }
  return out;
}

export async function insertCompromis(trx: Knex, v: CompromisRecord & { householdId: string }): Promise<void> {
  await trx('compromis').insert({ candidacy_id: v.candidacyId, household_id: v.householdId, signed_on: v.on, price: v.price, down_payment: v.downPayment });
}

export async function compromisOf(knex: Knex, candidacyIds: string[]): Promise<Map<string, CompromisRecord>> {
  if (candidacyIds.length === 0) return new Map();
  const rows = (await knex('compromis').whereIn('candidacy_id', candidacyIds)) as Row[];
  return new Map(rows.map((r) => [s(r.candidacy_id), { candidacyId: s(r.candidacy_id), on: s(r.signed_on), price: s(r.price), downPayment: s(r.down_payment) }]));
}

export async function insertAcquisition(trx: Knex, v: AcquisitionRecord & { householdId: string }): Promise<void> {
  await trx('acquisitions').insert({
    candidacy_id: v.candidacyId, household_id: v.householdId, deed_on: v.deedOn, notary: v.notary, price: v.price, tax_regime: v.taxRegime,
    vat_rate: v.vatRate, land_share: v.landShare, vat: v.vat, deferred_percent: v.deferredPercent, deferred_amount: v.deferredAmount,
    registration_duties: v.registrationDuties, notary_fees: v.notaryFees, own_funds: v.ownFunds, lender: v.lender, loan_amount: v.loanAmount,
    annual_rate: v.annualRate, loan_years: v.loanYears, monthly_payment: v.monthlyPayment,
  });
}

function acquisitionOf(r: Row): AcquisitionRecord {
  return {
    candidacyId: s(r.candidacy_id), deedOn: s(r.deed_on), notary: s(r.notary), price: s(r.price), taxRegime: r.tax_regime as TaxRegime,
    vatRate: ns(r.vat_rate), landShare: ns(r.land_share), vat: s(r.vat), deferredPercent: s(r.deferred_percent), deferredAmount: s(r.deferred_amount),
    registrationDuties: s(r.registration_duties), notaryFees: s(r.notary_fees), ownFunds: s(r.own_funds), lender: ns(r.lender),
    loanAmount: ns(r.loan_amount), annualRate: ns(r.annual_rate), loanYears: (r.loan_years as number | null) ?? null, monthlyPayment: ns(r.monthly_payment),
  };
}

export async function acquisitionsOf(knex: Knex, candidacyIds: string[]): Promise<Map<string, AcquisitionRecord>> {
  if (candidacyIds.length === 0) return new Map();
  const rows = (await knex('acquisitions').whereIn('candidacy_id', candidacyIds)) as Row[];
  return new Map(rows.map((r) => [s(r.candidacy_id), acquisitionOf(r)]));
}

/** Acquisitions of the organisation with their deed in a period, with their project. */
export async function acquisitionsBetween(knex: Knex, organisationId: string, from: string, to: string): Promise<Array<AcquisitionRecord & { projectId: string }>> {
  const rows = (await knex('acquisitions as a')
    .join('candidacies as c', 'c.id', 'a.candidacy_id')
    .where('c.organisation_id', organisationId)
    .whereBetween('a.deed_on', [from, to])
    .orderBy([{ column: 'a.deed_on' }, { column: 'a.candidacy_id' }])
    .select('a.*', 'c.project_id')) as Row[];
  return rows.map((r) => ({ ...acquisitionOf(r), projectId: s(r.project_id) }));
}

/** Deed stages of the organisation in a period: candidacy, project, date. */
export async function deedsBetween(knex: Knex, organisationId: string, from: string, to: string): Promise<Array<{ projectId: string; on: string }>> {
  const rows = (await knex('candidacy_stages as st')
    .join('candidacies as c', 'c.id', 'st.candidacy_id')
    .where({ 'c.organisation_id': organisationId, 'st.stage': 'deed' })
    .whereBetween('st.stage_on', [from, to])
    .select('c.project_id', 'st.stage_on')) as Row[];
  return rows.map((r) => ({ projectId: s(r.project_id), on: s(r.stage_on) }));
}

/** Invitations and attendances of the given households at held sessions linked to a project. */
export async function projectWorkshopCounts(knex: Knex, projectId: string, householdIds: string[]): Promise<{ invitations: number; attendances: number }> {
  if (householdIds.length === 0) return { invitations: 0, attendances: 0 };
  const row = (await knex('session_invitations as i')
    .join('journey_sessions as s', 's.id', 'i.session_id')
    .where({ 's.project_id': projectId, 's.status': 'held' })
    .whereIn('i.household_id', householdIds)
    .select(knex.raw('count(*)::int as invitations'), knex.raw('count(*) FILTER (WHERE i.attended)::int as attendances'))
    .first()) as { invitations: number; attendances: number } | undefined;
  return { invitations: row?.invitations ?? 0, attendances: row?.attendances ?? 0 };
}
