import type { Knex } from 'knex';
import { daysBetween, today as todayIn } from '../../lib/dates.ts';
import { formatAmount } from '../../lib/money.ts';
import { arrearsOfHouseholds } from '../gecs/figures.service.ts';
import { membershipsOf } from './cohorts.repository.ts';
import { brusselsDate, loadHistories, loadPhases, replay, type Phase } from './journey.history.ts';
import { listExitReasons } from './journey.repository.ts';
import type { BoardQuery } from './journey.schemas.ts';
import { nextSessionOf } from './journey.service.ts';
import type { RentalAdvanceReader } from './rental-advances.ts';
import { ratio } from './participation.ts';
import { SESSION_DATE_SQL, sessionsOfHouseholds, type HouseholdSession } from './sessions.repository.ts';

/** Days without contact or session after which a card carries a warning. */
export const NO_CONTACT_DAYS = 60;

/** A warning badge on a board card: no contact, behind on GECS savings, behind on a rental-deposit advance. */
export type BoardWarning = 'no_contact' | 'arrears' | 'rental_arrears';

/** One household on the board. */
export interface BoardCard {
  id: string;
  reference: string;
  displayName: string;
  referent: { id: string; name: string } | null;
  flags: { singleParent: boolean; pasSolo: boolean };
  /** The phase or sub-step key the household is in; null when it has not started. */
  phase: string | null;
  since: string | null;
  daysInPhase: number | null;
  nextSession: HouseholdSession | null;
  /** The last date anything happened with the household: a move, a cohort, a session attended (else its registration). */
  lastContactOn: string;
  warnings: BoardWarning[];
  /** Savings arrears in the household's GECS (months behind and amount); null when up to date or not saving in a group. */
  arrears: { months: number; amount: string } | null;
  /** Instalments of the household's rental-deposit advances due and not covered (count, amount, oldest due date); null when none. */
  rentalArrears: { instalments: number; amount: string; oldestDueOn: string } | null;
  cohorts: Array<{ id: string; name: string }>;
}

/** The board: a column for households not started yet, then one per top-level phase. */
export interface Board {
  today: string;
  columns: Array<{ phase: string | null; cards: BoardCard[] }>;
  /** Households (among the filtered ones) that have left the process: not on the board. */
  exited: number;
}

type HouseholdRow = {
  id: string; reference: string; display_name: string; referent_id: string | null; referent_name: string | null;
  single_parent: boolean; pas_solo: boolean; created_at: Date;
};

/**
 * Assembles the referent's board in one place: households by current phase (derived from their
 * history), with time in phase, next session, last contact and warnings (rental advances read through `rental`).
 */
export async function assembleBoard(knex: Knex, organisationId: string, q: BoardQuery, rental: RentalAdvanceReader, now = new Date()): Promise<Board> {
  const today = todayIn(now);
  const query = knex('households as h')
    .leftJoin('users as r', 'r.id', 'h.referent_id')
    .where('h.organisation_id', organisationId)
    .select('h.id', 'h.reference', 'h.display_name', 'h.referent_id', 'r.name as referent_name', 'h.single_parent', 'h.pas_solo', 'h.created_at')
    .orderByRaw('lower(h.display_name), h.reference');
  if (q.referentId) query.andWhere('h.referent_id', q.referentId);
  if (q.cohortId) query.whereExists(knex('cohort_members as m').whereRaw('m.household_id = h.id').andWhere('m.cohort_id', q.cohortId));
  if (q.flag === 'singleParent') query.andWhere('h.single_parent', true);
  if (q.flag === 'pasSolo') query.andWhere('h.pas_solo', true);
  const households = (await query) as HouseholdRow[];
  const ids = households.map((h) => h.id);
  const [phases, histories, sessions, memberships, arrears, rentalArrears] = await Promise.all([
    loadPhases(knex),
    loadHistories(knex, ids),
    sessionsOfHouseholds(knex, ids),
    membershipsOf(knex, ids),
    arrearsOfHouseholds(knex, ids, today),
    rental.arrearsOf(knex, organisationId, ids, today),
  ]);
  const phaseById = new Map(phases.map((p) => [p.id, p]));
  const tops = phases.filter((p) => p.parentKey === null);
  const columns = new Map<string | null, BoardCard[]>([[null, []], ...tops.map((p) => [p.key, []] as [string, BoardCard[]])]);
  let exited = 0;

  for (const h of households) {
    const events = histories.get(h.id) ?? [];
    const { currentPhaseId, since, hasExited } = replay(events, phases);
    if (currentPhaseId === null && hasExited) {
      exited += 1;
      continue;
    }
    const phase: Phase | undefined = currentPhaseId ? phaseById.get(currentPhaseId) : undefined;
    const own = sessions.get(h.id) ?? [];
    const cohorts = memberships.get(h.id) ?? [];
    // Registration counts only for a household with nothing else yet: records typed in today often
    // carry years of back-dated history, and the date of typing says nothing about the last contact.
    const lastContactOn = [
      ...events.map((e) => e.on),
      ...own.filter((s) => s.status === 'held' && s.attended).map((s) => brusselsDate(s.startsAt)),
      ...cohorts.map((c) => c.joinedOn),
    ].reduce((a, b) => (b > a ? b : a), '') || h.created_at.toISOString().slice(0, 10);
    const late = arrears.get(h.id);
    const lateRent = rentalArrears.get(h.id);
    const warnings: BoardWarning[] = [
      ...(daysBetween(lastContactOn, today) > NO_CONTACT_DAYS ? (['no_contact'] as const) : []),
      ...(late ? (['arrears'] as const) : []),
      ...(lateRent ? (['rental_arrears'] as const) : []),
    ];
    if (q.flag === 'warning' && warnings.length === 0) continue;
    columns.get(phase?.topKey ?? null)!.push({
      id: h.id,
      reference: h.reference,
      displayName: h.display_name,
      referent: h.referent_id ? { id: h.referent_id, name: h.referent_name ?? '' } : null,
      flags: { singleParent: h.single_parent, pasSolo: h.pas_solo },
      phase: phase?.key ?? null,
      since,
      daysInPhase: since ? daysBetween(since, today) : null,
      nextSession: nextSessionOf(own, now),
      lastContactOn,
      warnings,
      arrears: late ? { months: late.months, amount: formatAmount(late.amount) } : null,
      rentalArrears: lateRent ? { instalments: lateRent.instalments, amount: formatAmount(lateRent.amount), oldestDueOn: lateRent.oldestDueOn } : null,
      cohorts: cohorts.map((c) => ({ id: c.cohortId, name: c.name })),
    });
  }
  return { today, columns: [...columns].map(([phase, cards]) => ({ phase, cards })), exited };
}

/** The journey figures of one year, for the funnel chart. */
export interface Funnel {
  year: number;
  /** Households that entered each top-level phase during the year (moves between sub-steps excluded). */
  phases: Array<{ phase: string; entered: number }>;
  exits: Array<{ reason: string; count: number }>;
  /**
   * Households that attended a held information session during the year, and how many of them then
   * reached the action phase (on or after that session, up to today).
   */
  conversion: { informed: number; reachedAction: number; rate: string | null };
}

/** Computes the year's funnel from the recorded history (never from typed-in totals). */
export async function journeyFunnel(knex: Knex, organisationId: string, year: number): Promise<Funnel> {
  const inYear = (d: string) => d.startsWith(`${year}-`);
  const ids = ((await knex('households').where({ organisation_id: organisationId }).select('id')) as Array<{ id: string }>).map((r) => r.id);
  const [phases, histories, reasons] = await Promise.all([loadPhases(knex), loadHistories(knex, ids), listExitReasons(knex)]);
  const topOf = new Map(phases.map((p) => [p.id, p.topKey]));
  const entered = new Map<string, Set<string>>(phases.filter((p) => p.parentKey === null).map((p) => [p.key, new Set()]));
  const exits = new Map<string, number>();
  const reasonKey = new Map(reasons.map((r) => [r.id, r.key]));
  const actionSince = new Map<string, string[]>();

  for (const [householdId, events] of histories) {
    for (const step of replay(events, phases).steps) {
      const e = step.event;
      if (e.kind === 'exit') {
        if (inYear(e.on)) exits.set(reasonKey.get(e.reasonId) ?? '', (exits.get(reasonKey.get(e.reasonId) ?? '') ?? 0) + 1);
        continue;
      }
      const top = topOf.get(e.phaseId)!;
      const fromTop = step.before ? topOf.get(step.before) : null;
      if (top === fromTop) continue;
      if (inYear(e.on)) entered.get(top)?.add(householdId);
      if (top === 'action') actionSince.set(householdId, [...(actionSince.get(householdId) ?? []), e.on]);
    }
  }

  const attendance = (await knex('session_invitations as i')
    .join('journey_sessions as s', 's.id', 'i.session_id')
    .where({ 's.organisation_id': organisationId, 's.kind': 'information', 's.status': 'held', 'i.attended': true })
    .andWhereRaw(`date_part('year', s.starts_at AT TIME ZONE 'Europe/Brussels') = ?`, [year])
    .groupBy('i.household_id')
    .select('i.household_id', knex.raw(`min(${SESSION_DATE_SQL})::text AS first_on`))) as Array<{ household_id: string; first_on: string }>;
  const reachedAction = attendance.filter((a) => (actionSince.get(a.household_id) ?? []).some((on) => on >= a.first_on)).length;

  return {
    year,
    phases: [...entered].map(([phase, set]) => ({ phase, entered: set.size })),
    exits: reasons.filter((r) => r.active || exits.has(r.key)).map((r) => ({ reason: r.key, count: exits.get(r.key) ?? 0 })),
    conversion: { informed: attendance.length, reachedAction, rate: ratio(reachedAction, attendance.length) },
  };
}
