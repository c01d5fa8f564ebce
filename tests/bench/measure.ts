/** Timing helpers for the benchmark: monotonic clock (process.hrtime.bigint), warm-up, percentiles. */

/** Milliseconds elapsed since a process.hrtime.bigint() reading. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** CPU seconds (user + system) of this process since a process.cpuUsage() reading. */
export function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
}

/** The p-th percentile (0–100) of samples, nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Durations of the timed calls, in milliseconds. */
export type Samples = number[];

/** Calls per second: the number of calls over the sum of their durations. */
export function perSecond(s: Samples): number {
  return (s.length * 1000) / s.reduce((a, b) => a + b, 0);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return msSince(t);
}

/** Runs fn `warmup` times untimed, then `samples` times, timing each call. */
export async function sample(fn: (i: number) => Promise<unknown>, opts: { warmup: number; samples: number }): Promise<Samples> {
  for (let i = 0; i < opts.warmup; i++) await fn(i);
  const ms: Samples = [];
  for (let i = 0; i < opts.samples; i++) ms.push(await timed(() => fn(opts.warmup + i)));
  return ms;
}

/**
 * Times two operations that are compared with each other, alternately (a, b, a, b, …), so that both
 * see the same machine: on a shared machine the load changes over a run, and a ratio of two figures
 * measured minutes apart would measure the load rather than the code.
 */
export async function samplePair(
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
  opts: { warmup: number; samples: number },
): Promise<{ a: Samples; b: Samples }> {
  for (let i = 0; i < opts.warmup; i++) {
    await a(i);
    await b(i);
  }
  const out = { a: [] as Samples, b: [] as Samples };
  for (let i = 0; i < opts.samples; i++) {
    out.a.push(await timed(() => a(opts.warmup + i)));
    out.b.push(await timed(() => b(opts.warmup + i)));
  }
  return out;
}
