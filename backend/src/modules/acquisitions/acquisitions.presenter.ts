/** JSON shapes of the acquisitions API (docs/acquisitions.md): amounts decimal strings, rates and shares decimal fractions. */
import { today } from '../../lib/dates.ts';
import { formatAmount, formatOptionalAmount, sum } from '../../lib/money.ts';
import type { PurchaseCosts } from '../../lib/purchase-costs.ts';
import type { AcquisitionRecord, Project, ProjectRule, Unit, WithdrawalReason } from './acquisitions.repository.ts';
import type { CandidacyView, ProjectDetail, ProjectSummary, UnitView } from './acquisitions.service.ts';
import type { UnitStatus } from './stages.ts';

/** Who reads: a household gets its own facts without the staff's notes and authors. */
export type Viewer = 'staff' | 'household';

function presentProjectFields(p: Project) {
  return { id: p.id, name: p.name, partner: p.partner, partnerName: p.partnerName, tenure: p.tenure, commune: p.commune, address: p.address, homes: p.homes };
}

export function presentRule(r: ProjectRule) {
  return {
    from: r.from, deferredPriceAllowed: r.deferredPriceAllowed, deferredPriceMaxPercent: r.deferredPriceMaxPercent,
    incomeCeiling: formatOptionalAmount(r.incomeCeiling), incomeCeilingPerDependent: formatOptionalAmount(r.incomeCeilingPerDependent),
    occupancyYears: r.occupancyYears, cltResaleSharePercent: r.cltResaleSharePercent, note: r.note,
  };
}

export function presentUnit(u: Unit, status: UnitStatus, candidacyId: string | null) {
  return {
    id: u.id, projectId: u.projectId, label: u.label, floor: u.floor, bedrooms: u.bedrooms, floorArea: u.floorArea, price: formatAmount(u.price),
    taxRegime: u.taxRegime, vatRate: u.vatRate, landShare: formatOptionalAmount(u.landShare), status, candidacyId,
  };
}

const presentUnitView = (u: UnitView) => presentUnit(u.unit, u.status, u.candidacyId);

/** A project in the list: its status and counts. */
export function presentProjectSummary(s: ProjectSummary) {
  return {
    ...presentProjectFields(s.project),
    status: s.status,
    statusSince: s.statusSince,
    candidaciesByStage: s.candidaciesByStage,
    unitsByStatus: s.unitsByStatus,
  };
}

/** A project's page. */
export function presentProjectDetail(d: ProjectDetail) {
  return {
    ...presentProjectSummary(d),
    notes: d.project.notes,
    statuses: d.statuses.map((s) => ({ status: s.status, on: s.on, note: s.note })),
    rules: d.rules.map(presentRule),
    currentRules: d.currentRules ? presentRule(d.currentRules) : null,
    units: d.units.map(presentUnitView),
    candidacies: d.candidacies.map((c) => {
      const h = d.households.get(c.candidacy.householdId);
      return {
        id: c.candidacy.id, householdId: c.candidacy.householdId, household: h ? { displayName: h.displayName, reference: h.reference } : null,
        currentStage: c.current?.key ?? null, since: c.current?.on ?? null, unitId: c.candidacy.unitId,
      };
    }),
    figures: d.figures,
  };
}

function presentAcquisition(a: AcquisitionRecord) {
  return {
    deedOn: a.deedOn, notary: a.notary, price: formatAmount(a.price), taxRegime: a.taxRegime, vatRate: a.vatRate, landShare: formatOptionalAmount(a.landShare),
    vat: formatAmount(a.vat), deferredPercent: a.deferredPercent, deferredAmount: formatAmount(a.deferredAmount),
    registrationDuties: formatAmount(a.registrationDuties), notaryFees: formatAmount(a.notaryFees), ownFunds: formatAmount(a.ownFunds),
    totalCost: formatAmount(sum([a.price, a.vat, a.registrationDuties, a.notaryFees])),
    loan: a.loanAmount === null
      ? null
      : { lender: a.lender, amount: formatAmount(a.loanAmount), annualRate: a.annualRate, years: a.loanYears, monthlyPayment: formatOptionalAmount(a.monthlyPayment) },
  };
}

/** A candidacy with its stages, unit, compromis, acquisition and linked advance. */
export function presentCandidacy(v: CandidacyView, viewer: Viewer, on = today()) {
  const staff = viewer === 'staff';
  const deedOn = v.acquisition?.deedOn ?? v.stages.find((s) => s.stage === 'deed')?.on ?? null;
  const a = v.advance;
  return {
    id: v.candidacy.id,
    projectId: v.candidacy.projectId,
    project: v.project ? { id: v.project.id, name: v.project.name, partner: v.project.partner } : null,
    householdId: v.candidacy.householdId,
    household: v.household ? { displayName: v.household.displayName, reference: v.household.reference } : null,
    currentStage: v.current?.key ?? null,
    since: v.current?.on ?? null,
    closed: v.closed,
    stages: v.stages.map((s) => ({
      stage: s.stage, on: s.on, unitId: s.unitId, reasonKey: s.reasonKey, ...(staff ? { note: s.note, author: s.author } : {}),
    })),
    unit: v.unit ? presentUnit(v.unit, v.unitStatus ?? 'available', v.candidacy.id) : null,
    compromis: v.compromis ? { on: v.compromis.on, price: formatAmount(v.compromis.price), downPayment: formatAmount(v.compromis.downPayment) } : null,
    acquisition: v.acquisition ? presentAcquisition(v.acquisition) : null,
    advance: a
      ? {
          id: a.row.id, groupId: a.row.group_id, amount: formatAmount(a.row.amount), status: a.row.status, approvedOn: a.row.approved_on,
          paidOn: a.row.paid_on, cancelledOn: a.row.cancelled_on, outstanding: formatOptionalAmount(a.outstanding),
          repaymentExpectedOn: deedOn,
          repaymentDue: deedOn !== null && deedOn <= on && a.row.status === 'paid' && a.outstanding !== null && a.outstanding.gt(0),
        }
      : null,
  };
}

export function presentReason(r: WithdrawalReason) {
  return { key: r.key, position: r.position, names: r.names, active: r.active };
}

/** A simulation: every line as a decimal string, the rules applied with their sources. */
export function presentSimulation(c: PurchaseCosts, monthlyIncome: string | null, affordability: string | null) {
  const d = c.rules.registrationDuties;
  const n = c.rules.notaryFees;
  return {
    price: formatAmount(c.price), vat: formatAmount(c.vat), registrationDuties: formatAmount(c.registrationDuties), notaryFees: formatAmount(c.notaryFees),
    notaryFeesVat: formatAmount(c.notaryFeesVat), adminCosts: formatAmount(c.adminCosts), totalCost: formatAmount(c.totalCost),
    deferredAmount: formatAmount(c.deferredAmount), ownFunds: formatAmount(c.ownFunds), loanAmount: formatAmount(c.loanAmount),
    monthlyRate: c.monthlyRate.toFixed(10), monthlyPayment: formatAmount(c.monthlyPayment), totalRepaid: formatAmount(c.totalRepaid),
    monthlyIncome: formatOptionalAmount(monthlyIncome), affordability,
    rules: {
      registrationDuties: { from: d.from, rate: d.rate, reliefAmount: d.reliefAmount, reliefCeiling: d.reliefCeiling, source: d.source },
      notaryFees: { from: n.from, vatRate: n.vatRate, adminCostsEstimate: n.adminCostsEstimate, source: n.source },
    },
  };
}
