/** Pure shaping of journey figures into chart points: the one place where counts become plain numbers. */
import type { Funnel, SessionStats } from '../../api/journey';

/** A bar of the funnel: households that entered a phase in the year. */
export interface FunnelPoint {
  key: string;
  label: string;
  entered: number;
}

/** A bar of exits by reason. */
export interface ExitPoint {
  key: string;
  label: string;
  count: number;
}

/** A month of sessions: planned (all scheduled), held and cancelled. */
export interface SessionsPoint {
  month: string;
  label: string;
  planned: number;
  held: number;
  cancelled: number;
}

/** The funnel's phases in their order, named. */
export function toFunnelSeries(funnel: Funnel, phaseLabel: (key: string) => string): FunnelPoint[] {
  return funnel.phases.map((p) => ({ key: p.phase, label: phaseLabel(p.phase), entered: p.entered }));
}

/** Exits by reason, named; reasons nobody left for are kept (a zero is a figure too). */
export function toExitSeries(funnel: Funnel, reasonLabel: (key: string) => string): ExitPoint[] {
  return funnel.exits.map((e) => ({ key: e.reason, label: reasonLabel(e.reason), count: e.count }));
}

/** The twelve months of a year's sessions, named with the reader's short month names. */
export function toSessionsSeries(stats: SessionStats, monthLabel: (month: string) => string): SessionsPoint[] {
  return stats.months.map((m) => ({ month: m.month, label: monthLabel(m.month), planned: m.planned, held: m.held, cancelled: m.cancelled }));
}
