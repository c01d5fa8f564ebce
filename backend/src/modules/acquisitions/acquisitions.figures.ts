/** The acquisitions charts' data: deeds per month and project, and a year's price, loan and deferred-price distribution. */
import type { Knex } from 'knex';
import { monthEnd, monthStart, monthsBetween } from '../../lib/dates.ts';
import { Money, formatAmount } from '../../lib/money.ts';
import { acquisitionsBetween, deedsBetween, listProjects } from './acquisitions.repository.ts';

/** Deeds (the deed stage's date) per month and per project over a period of months ('YYYY-MM'). */
export async function deedSeries(knex: Knex, organisationId: string, from: string, to: string) {
  const months = monthsBetween(from, to);
  const deeds = await deedsBetween(knex, organisationId, monthStart(from), monthEnd(to));
  const index = new Map(months.map((m, i) => [m, i]));
  const projects = (await listProjects(knex, organisationId)).map((p) => ({ id: p.id, name: p.name, deeds: months.map(() => 0), total: 0 }));
  const byId = new Map(projects.map((p) => [p.id, p]));
  const totals = months.map(() => 0);
  for (const d of deeds) {
    const i = index.get(d.on.slice(0, 7));
    const p = byId.get(d.projectId);
    if (i === undefined || !p) continue;
    p.deeds[i]! += 1;
    p.total += 1;
    totals[i]! += 1;
  }
  return { from, to, months, projects: projects.filter((p) => p.total > 0), totals };
}

/** At most this many buckets: a wider bucket (a multiple of the width) past it, so that one outlier never makes millions. */
export const MAX_BUCKETS = 100;

/** The bucket width for values up to top: the given width, or its smallest multiple that keeps MAX_BUCKETS buckets. */
export function bucketWidth(values: Money[], width: Money): Money {
  if (values.length === 0) return width;
  const n = Money.max(...values).dividedBy(width).floor().plus(1);
  return n.gt(MAX_BUCKETS) ? width.times(n.dividedBy(MAX_BUCKETS).ceil()) : width;
}

/** Counts of values in buckets [from, to) of a width in euros, from 0 to the bucket of the largest value. */
export function buckets(values: Money[], width: Money): Array<{ from: string; to: string; count: number }> {
  if (values.length === 0) return [];
  const top = Money.max(...values);
  const n = top.dividedBy(width).floor().toNumber() + 1;
  const out = Array.from({ length: n }, (_, i) => ({ from: formatAmount(width.times(i)), to: formatAmount(width.times(i + 1)), count: 0 }));
  for (const v of values) out[v.dividedBy(width).floor().toNumber()]!.count += 1;
  return out;
}

const PRICE_WIDTH = new Money('50000.00');
const DEFERRED_WIDTH = new Money('25000.00');

/** A year's acquisitions (by deed date): each one's price, loan and deferred price, and their distributions. */
export async function acquisitionDistribution(knex: Knex, organisationId: string, year: number) {
  const rows = await acquisitionsBetween(knex, organisationId, `${year}-01-01`, `${year}-12-31`);
  const prices = rows.map((r) => new Money(r.price));
  const loans = rows.flatMap((r) => (r.loanAmount === null ? [] : [new Money(r.loanAmount)]));
  const deferred = rows.map((r) => new Money(r.deferredAmount));
  const distribution = (values: Money[], base: Money) => {
    const width = bucketWidth(values, base);
    return { width: formatAmount(width), buckets: buckets(values, width) };
  };
  return {
    year,
    count: rows.length,
    items: rows.map((r) => ({ candidacyId: r.candidacyId, projectId: r.projectId, deedOn: r.deedOn, price: formatAmount(r.price), loanAmount: r.loanAmount === null ? null : formatAmount(r.loanAmount), deferredAmount: formatAmount(r.deferredAmount) })),
    price: distribution(prices, PRICE_WIDTH),
    loan: distribution(loans, PRICE_WIDTH),
    deferred: distribution(deferred, DEFERRED_WIDTH),
  };
}
