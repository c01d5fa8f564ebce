/**
 * Chart data of the acquisitions, shaped from API data by pure functions (tested in
 * acquisitionSeries.test.ts); the chart components draw what they get and fetch nothing. Counts are
 * integers; amount buckets come from the server, their bounds stay decimal strings.
 */
import { FORWARD_STAGES, type AcquisitionSeries, type Buckets, type CandidacyStage, type ProjectFunnel } from '../../api/acquisitions';
import type { DecimalString } from '../../api/types';

/** One month of the deeds chart: a count per project (keyed by project id) and the month's total. */
export interface DeedsPoint {
  month: string;
  total: number;
  counts: Record<string, number>;
}

/** The deeds chart: its projects (those with at least one deed in the period, in the API's order) and its months. */
export interface DeedsSeries {
  projects: Array<{ id: string; name: string; total: number }>;
  points: DeedsPoint[];
  total: number;
}

/** Deeds per month per project → stacked-bar points; only the projects with deeds in the period, every month with a count per project (0 when none). */
export function toDeedsSeries(series: AcquisitionSeries): DeedsSeries {
  const projects = series.projects.filter((p) => p.total > 0).map((p) => ({ id: p.id, name: p.name, total: p.total }));
  const points = series.months.map((month, index) => {
    const counts: Record<string, number> = {};
    for (const p of series.projects) if (p.total > 0) counts[p.id] = p.deeds[index] ?? 0;
    return { month, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
  });
  return { projects, points, total: projects.reduce((sum, p) => sum + p.total, 0) };
}

/** One bar of a project's funnel. */
export interface FunnelBar {
  stage: CandidacyStage;
  reached: number;
  /** Share of the first stage's count, 0–100, rounded to a whole percent (null when the first is 0). */
  ofFirst: number | null;
}

/** A project's funnel → one bar per forward stage in order (a stage the API leaves out reached 0). */
export function toFunnelBars(funnel: ProjectFunnel): FunnelBar[] {
  const byStage = new Map(funnel.stages.map((s) => [s.stage, s.reached]));
  const first = byStage.get(FORWARD_STAGES[0]) ?? 0;
  return FORWARD_STAGES.map((stage) => {
    const reached = byStage.get(stage) ?? 0;
    return { stage, reached, ofFirst: first > 0 ? Math.round((reached * 100) / first) : null };
  });
}

/** One bucket bar of a distribution: amounts from `from` (included) to `to` (excluded). */
export interface BucketBar {
  from: DecimalString;
  to: DecimalString;
  count: number;
}

/**
 * A distribution's buckets → bars from the first to the last bucket that holds a deed (the empty
 * buckets between them stay, so the bars keep their scale); none when no deed is counted.
 */
export function toBucketBars(buckets: Buckets): BucketBar[] {
  const first = buckets.buckets.findIndex((b) => b.count > 0);
  if (first < 0) return [];
  const last = buckets.buckets.length - 1 - [...buckets.buckets].reverse().findIndex((b) => b.count > 0);
  return buckets.buckets.slice(first, last + 1).map((b) => ({ from: b.from, to: b.to, count: b.count }));
}
