/**
 * Acquisition projects, units and candidacies (docs/acquisitions.md). Every change runs in one audited
 * transaction with the record it checks locked (a project, a candidacy); a refused change writes nothing.
 * The deed moves the household's journey (journey.service enterPhaseUnlessThere) and a withdrawal may
 * cancel the linked pot advance (gecs cancelAdvance), both in the stage's own transaction.
 */
import type { Knex } from 'knex';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { ruleOn } from '../../lib/dated.ts';
import { today } from '../../lib/dates.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { Money, formatAmount, roundCents, sum } from '../../lib/money.ts';
import { monthlyPayment, purchaseCosts, type PurchaseCosts } from '../../lib/purchase-costs.ts';
import { advanceOutstanding, cancelAdvance } from '../gecs/advances.service.ts';
import { candidacyAdvanceRows, type AdvanceRow } from '../gecs/advances.repository.ts';
import { householdIdentities, type HouseholdIdentity } from '../households/households.repository.ts';
import { getHousehold } from '../households/households.service.ts';
import type { Names } from '../journey/journey.history.ts';
import { enterPhaseUnlessThere } from '../journey/journey.service.ts';
import { participation, type Participation } from '../journey/participation.ts';
import {
  acquisitionsOf,
  compromisOf,
  findCandidacy,
  findProject,
  findUnit,
  insertAcquisition,
  insertCandidacy,
  insertCompromis,
  insertProject,
  insertProjectRule,
  insertProjectStatus,
  insertStage,
  insertUnit,
  insertWithdrawalReason,
  listCandidacies,
  listProjects,
  listWithdrawalReasons,
  lockCandidacy,
  lockProject,
  projectRules,
  projectStatuses,
  projectWorkshopCounts,
  setCandidacyUnit,
  stagesOf,
  unitsById,
  unitsOfProjects,
  updateProjectRow,
  updateUnitRow,
  updateWithdrawalReason,
  type AcquisitionRecord,
  type Candidacy,
  type CompromisRecord,
  type Project,
  type ProjectRule,
  type ProjectStatusRecord,
  type StageRecord,
  type Unit,
  type WithdrawalReason,
} from './acquisitions.repository.ts';
import type {
  CreateCandidacyInput,
  CreateProjectInput,
  CreateUnitInput,
  DeedInput,
  ProjectRuleInput,
  ProjectStatusInput,
  SimulationInput,
  StageInput,
  UpdateProjectInput,
  UpdateUnitInput,
} from './acquisitions.schemas.ts';
import { checkVatFields } from './acquisitions.schemas.ts';
import {
  PROJECT_STATUSES,
  STAGES,
  UNIT_STATUSES,
  checkOrdered,
  checkStage,
  currentStage,
  furthestReached,
  hasReached,
  isClosed,
  latestInOrder,
  unitStatusOf,
  type Dated,
  type ProjectStatus,
  type Stage,
  type StageProblem,
  type UnitStatus,
} from './stages.ts';

const STAGE_PROBLEMS: Record<StageProblem, () => AppError> = {
  recorded: () => errors.conflict('stage_recorded', 'This stage is already recorded for this candidacy.'),
  out_of_order: () => errors.conflict('stage_out_of_order', 'On that date this stage would come before an earlier stage or after a later one.'),
  closed: () => errors.conflict('candidacy_closed', 'This candidacy is closed (moved in or withdrawn): nothing more can be recorded.'),
  completed: () => errors.conflict('candidacy_completed', 'The deed is signed: the home is bought, the candidacy can no longer be withdrawn.'),
};

const history = (stages: StageRecord[]): Dated<Stage>[] => stages.map((s) => ({ key: s.stage, on: s.on }));

/** A project of the organisation, or 404. */
export async function getProject(knex: Knex, organisationId: string, id: string): Promise<Project> {
  const project = await findProject(knex, organisationId, id);
  if (!project) throw errors.notFound('project');
  return project;
}

// ——— Projects ———

/** Creates a project with its first status (and its deferred-price rule when given). */
export async function createProject(knex: Knex, actor: Actor, organisationId: string, input: CreateProjectInput): Promise<Project> {
  const on = input.statusOn ?? today();
  return inTransaction(knex, actor, async (trx) => {
    const project = await insertProject(trx, organisationId, {
      name: input.name, partner: input.partner, partnerName: input.partnerName ?? null,
      tenure: input.tenure, commune: input.commune, address: input.address ?? null, homes: input.homes, notes: input.notes ?? null,
    }).catch(nameTaken);
    await insertProjectStatus(trx, { projectId: project.id, status: input.status, on, note: null, authorId: actor.userId });
    if (input.deferredPriceMaxPercent !== undefined) {
      await insertProjectRule(trx, {
        projectId: project.id, from: on, deferredPriceAllowed: true, deferredPriceMaxPercent: input.deferredPriceMaxPercent,
        incomeCeiling: null, incomeCeilingPerDependent: null, occupancyYears: null, cltResaleSharePercent: null, note: null,
      });
    }
    return project;
  });
}

function nameTaken(err: unknown): never {
  if ((err as { code?: string }).code === '23505') throw errors.conflict('name_taken', 'Another project already has this name.');
  throw err;
}

/** Changes a project's details. */
export async function updateProject(knex: Knex, actor: Actor, organisationId: string, id: string, input: UpdateProjectInput): Promise<void> {
  await inTransaction(knex, actor, async (trx) => {
    const project = await lockProject(trx, organisationId, id);
    if (!project) throw errors.notFound('project');
    const partner = input.partner ?? project.partner;
    const partnerName = input.partnerName !== undefined ? input.partnerName : project.partnerName;
    if (partner === 'other' && !partnerName) throw errors.validation([{ path: 'partnerName', message: 'Required when partner is other' }]);
    await updateProjectRow(trx, id, input).catch(nameTaken);
  });
}

/** Records a project's status on a date: each status once, dates in the statuses' order. */
export async function addProjectStatus(knex: Knex, actor: Actor, organisationId: string, id: string, input: ProjectStatusInput): Promise<void> {
  await inTransaction(knex, actor, async (trx) => {
    if (!(await lockProject(trx, organisationId, id))) throw errors.notFound('project');
    const recorded = (await projectStatuses(trx, [id])).get(id) ?? [];
    const problem = checkOrdered<ProjectStatus>(PROJECT_STATUSES, recorded.map((r) => ({ key: r.status, on: r.on })), { key: input.status, on: input.on });
    if (problem === 'recorded') throw errors.conflict('status_recorded', 'This status is already recorded for this project.');
    if (problem === 'out_of_order') throw errors.conflict('status_out_of_order', 'On that date this status would come before an earlier status or after a later one.');
    await insertProjectStatus(trx, { projectId: id, status: input.status, on: input.on, note: input.note ?? null, authorId: actor.userId });
  });
}

/** Adds a project's rules from a date (one row per date). */
export async function addProjectRule(knex: Knex, actor: Actor, organisationId: string, id: string, input: ProjectRuleInput): Promise<void> {
  await inTransaction(knex, actor, async (trx) => {
    if (!(await lockProject(trx, organisationId, id))) throw errors.notFound('project');
    if ((await projectRules(trx, id)).some((r) => r.from === input.from)) throw errors.conflict('rule_exists', 'This project already has rules from that date.');
    await insertProjectRule(trx, {
      projectId: id, from: input.from, deferredPriceAllowed: input.deferredPriceAllowed, deferredPriceMaxPercent: input.deferredPriceMaxPercent ?? null,
      incomeCeiling: input.incomeCeiling ?? null, incomeCeilingPerDependent: input.incomeCeilingPerDependent ?? null,
      occupancyYears: input.occupancyYears ?? null, cltResaleSharePercent: input.cltResaleSharePercent ?? null, note: input.note ?? null,
    });
  });
}

// ——— Units ———

function labelTaken(err: unknown): never {
  if ((err as { code?: string }).code === '23505') throw errors.conflict('label_taken', 'Another unit of this project already has this label.');
  throw err;
}

/** Adds a unit to a project. */
export async function addUnit(knex: Knex, actor: Actor, organisationId: string, projectId: string, input: CreateUnitInput): Promise<Unit> {
  return inTransaction(knex, actor, async (trx) => {
    if (!(await lockProject(trx, organisationId, projectId))) throw errors.notFound('project');
    return insertUnit(trx, projectId, {
      label: input.label, floor: input.floor ?? null, bedrooms: input.bedrooms, floorArea: input.floorArea ?? null, price: input.price,
      taxRegime: input.taxRegime, vatRate: input.vatRate ?? null, landShare: input.landShare ?? null,
    }).catch(labelTaken);
  });
}

/** Changes a unit; the VAT fields are checked on the unit as it will be. */
export async function changeUnit(knex: Knex, actor: Actor, organisationId: string, id: string, input: UpdateUnitInput): Promise<Unit> {
  return inTransaction(knex, actor, async (trx) => {
    const unit = await findUnit(trx, organisationId, id);
    if (!unit) throw errors.notFound('unit');
    await lockProject(trx, organisationId, unit.projectId);
    const next = { ...unit, ...input };
    if (input.taxRegime === 'registration_duties') {
      next.vatRate = input.vatRate ?? null;
      next.landShare = input.landShare ?? null;
    }
    const problems: Array<{ path: string; message: string }> = [];
    checkVatFields(next, { addIssue: (i) => problems.push({ path: i.path.join('.'), message: i.message }) });
    if (problems.length > 0) throw errors.validation(problems);
    await updateUnitRow(trx, id, { ...input, vatRate: next.vatRate, landShare: next.landShare }).catch(labelTaken);
    return (await findUnit(trx, organisationId, id))!;
  });
}

// ——— Withdrawal reasons ———

export function withdrawalReasons(knex: Knex): Promise<WithdrawalReason[]> {
  return listWithdrawalReasons(knex);
}

/** Adds a withdrawal reason (coordinators). */
export async function addWithdrawalReason(knex: Knex, actor: Actor, key: string, names: Names): Promise<WithdrawalReason> {
  if ((await listWithdrawalReasons(knex)).some((r) => r.key === key)) throw errors.conflict('key_taken', 'A withdrawal reason already has this key.');
  await inTransaction(knex, actor, (trx) => insertWithdrawalReason(trx, key, names));
  return (await listWithdrawalReasons(knex)).find((r) => r.key === key)!;
}

/** Renames, retires or brings back a withdrawal reason; a retired reason stays on old withdrawals. */
export async function changeWithdrawalReason(knex: Knex, actor: Actor, key: string, patch: { names?: Partial<Names>; active?: boolean }): Promise<WithdrawalReason> {
  const reason = (await listWithdrawalReasons(knex)).find((r) => r.key === key);
  if (!reason) throw errors.notFound('withdrawal reason');
  await inTransaction(knex, actor, (trx) => updateWithdrawalReason(trx, reason.id, patch));
  return (await listWithdrawalReasons(knex)).find((r) => r.key === key)!;
}

// ——— Candidacies ———

/** A candidacy of the organisation, or 404. */
export async function getCandidacy(knex: Knex, organisationId: string, id: string): Promise<Candidacy> {
  const candidacy = await findCandidacy(knex, organisationId, id);
  if (!candidacy) throw errors.notFound('candidacy');
  return candidacy;
}

/** Opens a household's candidacy to a project: its first stage, interested, on the given date. */
export async function createCandidacy(knex: Knex, actor: Actor, organisationId: string, projectId: string, input: CreateCandidacyInput): Promise<string> {
  return inTransaction(knex, actor, async (trx) => {
    if (!(await lockProject(trx, organisationId, projectId))) throw errors.notFound('project');
    const household = await trx('households').where({ id: input.householdId, organisation_id: organisationId }).forUpdate().first('id');
    if (!household) throw errors.validation([{ path: 'householdId', message: 'Unknown household' }]);
    const existing = await listCandidacies(trx, organisationId, { projectId, householdId: input.householdId });
    const stages = await stagesOf(trx, existing.map((c) => c.id));
    if (existing.some((c) => !(stages.get(c.id) ?? []).some((s) => s.stage === 'withdrawn'))) {
      throw errors.conflict('candidacy_exists', 'This household already has a candidacy to this project that is not withdrawn.');
    }
    const candidacy = await insertCandidacy(trx, { organisationId, projectId, householdId: input.householdId });
    await insertStage(trx, { candidacyId: candidacy.id, householdId: input.householdId, stage: 'interested', on: input.on, note: input.note ?? null, unitId: null, reasonId: null, authorId: actor.userId });
    return candidacy.id;
  });
}

/** Records one stage of a candidacy with what comes with it (unit, compromis, deed, withdrawal). */
export async function recordStage(knex: Knex, actor: Actor, organisationId: string, candidacyId: string, input: StageInput): Promise<void> {
  const stage = input.stage as Stage;
  await inTransaction(knex, actor, async (trx) => {
    const candidacy = await lockCandidacy(trx, organisationId, candidacyId);
    if (!candidacy) throw errors.notFound('candidacy');
    const recorded = (await stagesOf(trx, [candidacyId])).get(candidacyId) ?? [];
    const problem = checkStage(history(recorded), { key: stage, on: input.on });
    if (problem) throw STAGE_PROBLEMS[problem]();

    // The unit: taken (or changed) with this stage, required for unit_allocated.
    let unitId = candidacy.unitId;
    if (input.unitId !== undefined && input.unitId !== candidacy.unitId) {
      const unit = await findUnit(trx, organisationId, input.unitId);
      if (!unit || unit.projectId !== candidacy.projectId) throw errors.validation([{ path: 'unitId', message: "Must be a unit of the candidacy's project" }]);
      const holder = await trx('candidacies').where({ unit_id: unit.id }).whereNot({ id: candidacyId }).first('id');
      if (holder) throw errors.conflict('unit_taken', 'This unit is held by another candidacy that is not withdrawn.');
      await setCandidacyUnit(trx, candidacyId, unit.id).catch((err: unknown) => {
        // Two allocations of one unit at once: the unique index decides.
        if ((err as { code?: string }).code === '23505') throw errors.conflict('unit_taken', 'This unit is held by another candidacy that is not withdrawn.');
        throw err;
      });
      unitId = unit.id;
    }
    if (stage === 'unit_allocated' && !unitId) throw errors.validation([{ path: 'unitId', message: 'Required for stage unit_allocated: the candidacy holds no unit' }]);
    const unit = unitId ? ((await unitsById(trx, [unitId])).get(unitId) ?? null) : null;

    let reasonId: string | null = null;
    if (stage === 'withdrawn') reasonId = await withdraw(trx, actor, organisationId, candidacy, input);

    await insertStage(trx, {
      candidacyId, householdId: candidacy.householdId, stage, on: input.on, note: input.note ?? null, unitId: input.unitId ?? null, reasonId, authorId: actor.userId,
    });

    if (stage === 'compromis') {
      const price = input.compromis!.price ?? unit?.price;
      if (!price) throw errors.validation([{ path: 'compromis.price', message: 'Required: the candidacy holds no unit to take the price from' }]);
      if (new Money(input.compromis!.downPayment).gt(price)) throw errors.validation([{ path: 'compromis.downPayment', message: 'Must not be more than the price' }]);
      await insertCompromis(trx, { candidacyId, householdId: candidacy.householdId, on: input.on, price: formatAmount(price), downPayment: input.compromis!.downPayment });
    }

    if (stage === 'deed') {
      const compromis = (await compromisOf(trx, [candidacyId])).get(candidacyId) ?? null;
      const rules = await projectRules(trx, candidacy.projectId);
      const figures = deedFigures(input.deed!, { deedOn: input.on, compromis, unit, rules });
      await insertAcquisition(trx, { ...figures, candidacyId, householdId: candidacy.householdId });
      const project = await findProject(trx, organisationId, candidacy.projectId);
      await enterPhaseUnlessThere(trx, organisationId, candidacy.householdId, 'owner', input.on, { note: `Acte — ${project?.name ?? ''}`.trim(), authorId: actor.userId });
    }
  });
}

/** A withdrawal: its reason, the unit freed, and the linked approved advance cancelled only when confirmed. */
async function withdraw(trx: Knex.Transaction, actor: Actor, organisationId: string, candidacy: Candidacy, input: StageInput): Promise<string> {
  const w = input.withdrawal!;
  const reason = (await listWithdrawalReasons(trx)).find((r) => r.key === w.reasonKey);
  if (!reason) throw errors.validation([{ path: 'withdrawal.reasonKey', message: 'Unknown withdrawal reason' }]);
  if (!reason.active) throw errors.validation([{ path: 'withdrawal.reasonKey', message: 'This withdrawal reason is no longer used' }]);
  const approved = (await candidacyAdvanceRows(trx, [candidacy.id])).find((a) => a.status === 'approved');
  if (approved) {
    if (!w.confirmCancelAdvance) {
      throw errors.conflict(
        'advance_approved',
        `The pot advance of ${formatAmount(approved.amount)} approved for this compromis is not paid: withdrawing cancels it. Send withdrawal.confirmCancelAdvance: true to confirm.`,
      );
    }
    await cancelAdvance({ trx, actor, organisationId, idempotencyKey: null }, approved.id, `Candidature retirée : ${reason.names.fr}`, input.on);
  }
  if (candidacy.unitId) await setCandidacyUnit(trx, candidacy.id, null);
  return reason.id;
}

/**
 * The figures of a deed: those given, the others pre-filled from lib/purchase-costs.ts (the simulator's
 * rules, on the compromis date, else the deed date). A deferred price must be allowed by the project's
 * rule in force on the deed date, up to its maximum.
 */
export function deedFigures(
  d: DeedInput,
  ctx: { deedOn: string; compromis: CompromisRecord | null; unit: Unit | null; rules: ProjectRule[] },
): Omit<AcquisitionRecord, 'candidacyId'> {
  const price = d.price ?? ctx.compromis?.price ?? ctx.unit?.price;
  if (!price) throw errors.validation([{ path: 'deed.price', message: 'Required: there is no compromis or unit price to take it from' }]);
  const deferredPercent = d.deferredPercent ?? '0';
  const deferredGiven = new Money(deferredPercent).gt(0) || (d.deferredAmount !== undefined && new Money(d.deferredAmount).gt(0));
  if (deferredGiven) {
    const rule = ruleOn(ctx.rules, ctx.deedOn);
    if (!rule?.deferredPriceAllowed) throw errors.validation([{ path: 'deed.deferredPercent', message: `This project allows no deferred price on ${ctx.deedOn}` }]);
    if (rule.deferredPriceMaxPercent !== null && new Money(deferredPercent).gt(rule.deferredPriceMaxPercent)) {
      throw errors.validation([{ path: 'deed.deferredPercent', message: `At most ${rule.deferredPriceMaxPercent} for this project on ${ctx.deedOn}` }]);
    }
  }
  const vatRegime = ctx.unit?.taxRegime === 'vat' ? { rate: ctx.unit.vatRate!, landShare: ctx.unit.landShare! } : null;
  let costs: PurchaseCosts | null = null;
  try {
    costs = purchaseCosts({
      price, compromisOn: ctx.compromis?.on ?? ctx.deedOn, onlyHome: d.onlyHome, vat: vatRegime, deferredPercent,
      ownFunds: d.ownFunds ?? '0', loan: { annualRate: d.loan?.annualRate ?? '0', years: d.loan?.years ?? 1 },
    });
  } catch (err) {
    // No cost rule for so early a date: then every figure must be given.
    if (!(err instanceof RangeError)) throw err;
  }
  const given = (value: string | undefined, computed: Money | undefined, path: string): Money => {
    if (value !== undefined) return new Money(value);
    if (computed === undefined) throw errors.validation([{ path, message: 'Required: no purchase-cost rule applies on this date to compute it' }]);
    return computed;
  };
  const vat = given(d.vat, costs?.vat, 'deed.vat');
  const duties = given(d.registrationDuties, costs?.registrationDuties, 'deed.registrationDuties');
  const notaryFees = given(d.notaryFees, costs ? sum([costs.notaryFees, costs.notaryFeesVat, costs.adminCosts]) : undefined, 'deed.notaryFees');
  const deferredAmount = d.deferredAmount !== undefined ? new Money(d.deferredAmount) : roundCents(new Money(price).times(deferredPercent));
  const ownFunds = new Money(d.ownFunds ?? '0');
  const total = sum([price, vat, duties, notaryFees]);
  let loan: { lender: string; amount: Money; annualRate: string; years: number; payment: Money } | null = null;
  if (d.loan) {
    const amount = d.loan.amount !== undefined ? new Money(d.loan.amount) : Money.max(total.minus(deferredAmount).minus(ownFunds), 0);
    const payment = d.loan.monthlyPayment !== undefined ? new Money(d.loan.monthlyPayment) : monthlyPayment(amount, d.loan.annualRate, d.loan.years);
    loan = { lender: d.loan.lender, amount, annualRate: d.loan.annualRate, years: d.loan.years, payment };
  }
  return {
    deedOn: ctx.deedOn, notary: d.notary, price: formatAmount(price),
    taxRegime: ctx.unit?.taxRegime ?? (vat.gt(0) ? 'vat' : 'registration_duties'), vatRate: vatRegime?.rate ?? null, landShare: vatRegime?.landShare ?? null,
    vat: formatAmount(vat), deferredPercent, deferredAmount: formatAmount(deferredAmount), registrationDuties: formatAmount(duties),
    notaryFees: formatAmount(notaryFees), ownFunds: formatAmount(ownFunds), lender: loan?.lender ?? null, loanAmount: loan ? formatAmount(loan.amount) : null,
    annualRate: loan?.annualRate ?? null, loanYears: loan?.years ?? null, monthlyPayment: loan ? formatAmount(loan.payment) : null,
  };
}

// ——— Reading candidacies ———

/** A candidacy with everything its page shows. */
export interface CandidacyView {
  candidacy: Candidacy;
  project: Project | null;
  household: HouseholdIdentity | null;
  stages: StageRecord[];
  current: Dated<Stage> | null;
  closed: boolean;
  unit: Unit | null;
  unitStatus: UnitStatus | null;
  compromis: CompromisRecord | null;
  acquisition: AcquisitionRecord | null;
  advance: { row: AdvanceRow; outstanding: Money | null } | null;
}

/** Loads candidacies with their stages, unit, compromis, acquisition and linked advance (a few queries for all). */
export async function candidacyViews(knex: Knex, organisationId: string, candidacies: Candidacy[]): Promise<CandidacyView[]> {
  const ids = candidacies.map((c) => c.id);
  const stages = await stagesOf(knex, ids);
  const units = await unitsById(knex, [...new Set(candidacies.flatMap((c) => (c.unitId ? [c.unitId] : [])))]);
  const compromis = await compromisOf(knex, ids);
  const acquisitions = await acquisitionsOf(knex, ids);
  const advances = await candidacyAdvanceRows(knex, ids);
  const households = await householdIdentities(knex, organisationId, [...new Set(candidacies.map((c) => c.householdId))]);
  const projects = new Map((await listProjects(knex, organisationId)).map((p) => [p.id, p]));
  const out: CandidacyView[] = [];
  for (const c of candidacies) {
    const h = history(stages.get(c.id) ?? []);
    const current = currentStage(h);
    // The advance not cancelled, else the latest cancelled one.
    const linked = advances.filter((a) => a.candidacy_id === c.id);
    const row = linked.find((a) => a.status !== 'cancelled') ?? linked[0] ?? null;
    out.push({
      candidacy: c, project: projects.get(c.projectId) ?? null, household: households.get(c.householdId) ?? null,
      stages: stages.get(c.id) ?? [], current, closed: isClosed(h),
      unit: c.unitId ? (units.get(c.unitId) ?? null) : null, unitStatus: c.unitId ? unitStatusOf(current?.key ?? null) : null,
      compromis: compromis.get(c.id) ?? null, acquisition: acquisitions.get(c.id) ?? null,
      advance: row ? { row, outstanding: row.status === 'paid' ? await advanceOutstanding(knex, row.id) : null } : null,
    });
  }
  return out;
}

/** One candidacy's view, or 404. */
export async function candidacyView(knex: Knex, organisationId: string, id: string): Promise<CandidacyView> {
  return (await candidacyViews(knex, organisationId, [await getCandidacy(knex, organisationId, id)]))[0]!;
}

/** A household's candidacies, oldest first. */
export async function householdCandidacies(knex: Knex, organisationId: string, householdId: string): Promise<CandidacyView[]> {
  await getHousehold(knex, organisationId, householdId);
  return candidacyViews(knex, organisationId, await listCandidacies(knex, organisationId, { householdId }));
}

// ——— Projects as read ———

/** A unit with its derived status and the candidacy holding it. */
export interface UnitView {
  unit: Unit;
  status: UnitStatus;
  candidacyId: string | null;
}

/** A project with its derived status, counts by current stage and units by status. */
export interface ProjectSummary {
  project: Project;
  statuses: ProjectStatusRecord[];
  status: ProjectStatus | null;
  statusSince: string | null;
  candidaciesByStage: Record<Stage, number>;
  unitsByStatus: Record<UnitStatus, number>;
  units: UnitView[];
  candidacies: Array<{ candidacy: Candidacy; current: Dated<Stage> | null; history: Dated<Stage>[]; stages: StageRecord[] }>;
}

async function summaries(knex: Knex, organisationId: string, projects: Project[]): Promise<ProjectSummary[]> {
  const ids = projects.map((p) => p.id);
  const statuses = await projectStatuses(knex, ids);
  const units = await unitsOfProjects(knex, ids);
  const candidacies = (await listCandidacies(knex, organisationId, {})).filter((c) => ids.includes(c.projectId));
  const stages = await stagesOf(knex, candidacies.map((c) => c.id));
  const read = candidacies.map((c) => {
    const h = history(stages.get(c.id) ?? []);
    return { candidacy: c, current: currentStage(h), history: h, stages: stages.get(c.id) ?? [] };
  });
  const holderOf = new Map(read.filter((r) => r.candidacy.unitId).map((r) => [r.candidacy.unitId!, r]));
  return projects.map((project) => {
    const own = read.filter((r) => r.candidacy.projectId === project.id);
    const byStage = Object.fromEntries([...STAGES, 'withdrawn'].map((s) => [s, 0])) as Record<Stage, number>;
    for (const r of own) if (r.current) byStage[r.current.key] += 1;
    const unitViews = units.filter((u) => u.projectId === project.id).map((unit): UnitView => {
      const holder = holderOf.get(unit.id);
      return { unit, status: unitStatusOf(holder?.current?.key ?? null), candidacyId: holder?.candidacy.id ?? null };
    });
    const byStatus = Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as Record<UnitStatus, number>;
    for (const u of unitViews) byStatus[u.status] += 1;
    const recorded = statuses.get(project.id) ?? [];
    const latest = latestInOrder<ProjectStatus>(PROJECT_STATUSES, recorded.map((r) => ({ key: r.status, on: r.on })));
    return {
      project, statuses: recorded, status: latest?.key ?? null, statusSince: latest?.on ?? null,
      candidaciesByStage: byStage, unitsByStatus: byStatus, units: unitViews, candidacies: own,
    };
  });
}

/** Every project of the organisation with its counts. */
export async function listProjectSummaries(knex: Knex, organisationId: string): Promise<ProjectSummary[]> {
  return summaries(knex, organisationId, await listProjects(knex, organisationId));
}

/** How many candidacies reached each stage (a skipped stage counts when a later one is reached) and how many were withdrawn. */
export function funnelOf(histories: Dated<Stage>[][]): { stages: Array<{ stage: string; reached: number }>; withdrawn: number } {
  const furthest = histories.map(furthestReached);
  return {
    stages: STAGES.map((stage, rank) => ({ stage, reached: furthest.filter((f) => f >= rank).length })),
    withdrawn: histories.filter((h) => h.some((s) => s.key === 'withdrawn')).length,
  };
}

/** A project's figures: candidacies that reached the main stages, withdrawals by reason, workshop participation of its candidates. */
export interface ProjectFigures {
  interested: number;
  candidates: number;
  selected: number;
  compromis: number;
  deeds: number;
  withdrawals: Array<{ reasonKey: string; count: number }>;
  workshops: Participation;
}

/** A project with its statuses, rules, units, candidacies and figures. */
export interface ProjectDetail extends ProjectSummary {
  rules: ProjectRule[];
  currentRules: ProjectRule | null;
  households: Map<string, HouseholdIdentity>;
  figures: ProjectFigures;
}

/** Everything a project's page shows. */
export async function projectDetail(knex: Knex, organisationId: string, id: string): Promise<ProjectDetail> {
  const project = await getProject(knex, organisationId, id);
  const [summary] = await summaries(knex, organisationId, [project]);
  const rules = await projectRules(knex, id);
  const households = await householdIdentities(knex, organisationId, summary!.candidacies.map((c) => c.candidacy.householdId));
  const reached = (stage: (typeof STAGES)[number]) => summary!.candidacies.filter((c) => hasReached(c.history, stage)).length;
  const reasons = new Map<string, number>();
  for (const c of summary!.candidacies) {
    const w = c.stages.find((s) => s.stage === 'withdrawn');
    if (w?.reasonKey) reasons.set(w.reasonKey, (reasons.get(w.reasonKey) ?? 0) + 1);
  }
  const counts = await projectWorkshopCounts(knex, id, [...new Set(summary!.candidacies.map((c) => c.candidacy.householdId))]);
  return {
    ...summary!,
    rules,
    currentRules: ruleOn(rules, today()),
    households,
    figures: {
      interested: reached('interested'), candidates: reached('candidate'), selected: reached('selected'), compromis: reached('compromis'), deeds: reached('deed'),
      withdrawals: [...reasons].map(([reasonKey, count]) => ({ reasonKey, count })).sort((a, b) => b.count - a.count || a.reasonKey.localeCompare(b.reasonKey)),
      workshops: participation(counts.invitations, counts.attendances),
    },
  };
}

/** A project's funnel. */
export async function projectFunnel(knex: Knex, organisationId: string, id: string) {
  const project = await getProject(knex, organisationId, id);
  const [summary] = await summaries(knex, organisationId, [project]);
  return { projectId: id, ...funnelOf(summary!.candidacies.map((c) => c.history)) };
}

// ——— Simulator ———

/** Every line of a purchase's cost for the simulator, with the household's affordability when asked; stores nothing. */
export async function simulatePurchase(knex: Knex, organisationId: string, input: SimulationInput): Promise<{ costs: PurchaseCosts; monthlyIncome: string | null; affordability: string | null }> {
  let costs: PurchaseCosts;
  try {
    costs = purchaseCosts({
      price: input.price, compromisOn: input.compromisOn, onlyHome: input.onlyHome, vat: input.vat ?? null,
      deferredPercent: input.deferredPercent ?? null, ownFunds: input.ownFunds, loan: input.loan,
    });
  } catch (err) {
    if (err instanceof RangeError) throw errors.validation([{ path: 'compromisOn', message: 'No purchase-cost rule applies on this date' }]);
    throw err;
  }
  let monthlyIncome: string | null = null;
  let affordability: string | null = null;
  if (input.householdId) {
    monthlyIncome = (await getHousehold(knex, organisationId, input.householdId)).monthlyIncome;
    if (monthlyIncome !== null && new Money(monthlyIncome).gt(0)) affordability = costs.monthlyPayment.dividedBy(monthlyIncome).toFixed(4, Money.ROUND_HALF_UP);
  }
  return { costs, monthlyIncome, affordability };
}
