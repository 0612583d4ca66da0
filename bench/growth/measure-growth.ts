/**
 * Times one piece of work at size n and 4n and reads the ratio: linear work grows about 4×,
 * quadratic work 16×. Robust on a small, busy machine: n is calibrated until one run takes long
 * enough to time, each size keeps the fastest of several interleaved runs (noise only ever adds
 * time), and a ratio over the threshold is measured again before it counts as a failure.
 */

/** The timed work, with untimed set-up before each run when the work consumes its input (a reset). */
export type TimedWork = (() => unknown) | { readonly before: () => unknown; readonly run: () => unknown };

/** One piece of work whose cost should grow linearly with `n`: `prepare` is not timed, its work is. */
export interface GrowthCase {
  readonly name: string;
  /** Smallest and largest n to calibrate between. */
  readonly from: number;
  readonly upTo: number;
  /**
   * This case's own limit on t(4n) / t(n), below the harness's: work that must not grow with `n` at all
   * (a fixed number of updates in a store of n records) sets about 2 (constant ≈ 1, linear ≈ 4).
   */
  readonly maxRatio?: number;
  prepare(n: number): Promise<TimedWork> | TimedWork;
}

export interface GrowthResult {
  readonly name: string;
  readonly n: number;
  readonly smallMs: number;
  readonly largeMs: number;
  readonly ratio: number;
  /** The limit the ratio was held to. */
  readonly maxRatio: number;
  readonly attempts: number;
  readonly ok: boolean;
}

export interface GrowthOptions {
  /** Fail when t(4n) / t(n) is above this (linear ≈ 4, n log n ≈ 4.6, quadratic ≈ 16). */
  readonly maxRatio: number;
  /** A run at n should take at least this long, so timer and scheduler noise stay small. */
  readonly minMs: number;
  /** Interleaved runs per size per attempt; the fastest counts. */
  readonly runs: number;
  /** Attempts before a high ratio counts as a failure. */
  readonly attempts: number;
}

export const DEFAULT_GROWTH_OPTIONS: GrowthOptions = { maxRatio: 10, minMs: 20, runs: 5, attempts: 3 };

/** Measures a case; `ok` is false only when every attempt's ratio was over the threshold. */
export async function measureGrowth(growthCase: GrowthCase, options: GrowthOptions = DEFAULT_GROWTH_OPTIONS): Promise<GrowthResult> {
  const maxRatio = growthCase.maxRatio ?? options.maxRatio;
  let n = growthCase.from;
  // Calibrated on warm code: the fastest of three runs, so a cold first run does not stop n too early.
  while (n * 2 <= growthCase.upTo && (await fastestOf(3, growthCase, n)) < options.minMs) n *= 2;
  let best: GrowthResult | undefined;
  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {
    const small = await growthCase.prepare(n);
    const large = await growthCase.prepare(n * 4);
    let smallMs = Number.POSITIVE_INFINITY;
    let largeMs = Number.POSITIVE_INFINITY;
    for (let run = 0; run < options.runs; run += 1) {
      smallMs = Math.min(smallMs, await time(small));
      largeMs = Math.min(largeMs, await time(large));
    }
    const ratio = largeMs / Math.max(smallMs, 0.001);
    const result = { name: growthCase.name, n, smallMs, largeMs, ratio, attempts: attempt, ok: ratio <= maxRatio, maxRatio };
    if (!best || ratio < best.ratio) best = result;
    if (result.ok) return result;
  }
  return best as GrowthResult;
}

async function fastestOf(runs: number, growthCase: GrowthCase, n: number): Promise<number> {
  const work = await growthCase.prepare(n);
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) fastest = Math.min(fastest, await time(work));
  return fastest;
}

async function time(work: TimedWork): Promise<number> {
  if (typeof work !== 'function') await work.before();
  const run = typeof work === 'function' ? work : work.run;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const started = performance.now();
  await run();
  return performance.now() - started;
}
