/**
 * Whether resident memory stayed flat over a long run (`npm run soak -- --journal`). The first quarter
 * is warm-up (code gets optimised, the heap and the bounded journal fill up); after it, RSS saws up and
 * down with garbage collection (60 MiB swings over 100k-request periods are normal), so a slope over a
 * short stretch says little. Flat means both: the last quarter's median, and its lowest sample (the
 * level RSS falls back to after a collection, which a leak raises), are within the tolerance of the
 * second quarter's. The last quarter's least-squares slope is reported beside them. Quarters are by
 * requests sent, not by time.
 */

/** One reading of the server's `VmRSS`. */
export interface RssSample {
  readonly requests: number;
  readonly seconds: number;
  readonly rssMiB: number;
}

export interface Flatness {
  readonly flat: boolean;
  /** Median RSS of the last quarter minus that of the second quarter, MiB. */
  readonly growthMiB: number;
  /** Lowest sample of the last quarter minus that of the second quarter, MiB. */
  readonly troughGrowthMiB: number;
  /** Least-squares slope of RSS over the last quarter, MiB per 100,000 requests (reported, not judged). */
  readonly slopeMiBPer100k: number;
  readonly toleranceMiB: number;
  readonly summary: string;
}

/** Growth allowed after warm-up: 5 MiB, or 5 % of the second quarter's median if that is more. */
const TOLERANCE_MIB = 5;
const TOLERANCE_SHARE = 0.05;
const MIN_SAMPLES_PER_QUARTER = 2;

export function judgeFlatness(samples: readonly RssSample[]): Flatness {
  const total = samples.at(-1)?.requests ?? 0;
  const between = (from: number, to: number) =>
    samples.filter((sample) => sample.requests >= from * total && (to === 1 ? sample.requests <= total : sample.requests < to * total));
  const second = between(0.25, 0.5);
  const last = between(0.75, 1);
  if (second.length < MIN_SAMPLES_PER_QUARTER || last.length < MIN_SAMPLES_PER_QUARTER) {
    const summary = `too few samples to judge (${samples.length}); run longer or sample more often`;
    const unknown = Number.NaN;
    return { flat: false, growthMiB: unknown, troughGrowthMiB: unknown, slopeMiBPer100k: unknown, toleranceMiB: TOLERANCE_MIB, summary };
  }
  const baseline = median(second.map((sample) => sample.rssMiB));
  const toleranceMiB = Math.max(TOLERANCE_MIB, baseline * TOLERANCE_SHARE);
  const growthMiB = median(last.map((sample) => sample.rssMiB)) - baseline;
  const lowest = (quarter: readonly RssSample[]) => Math.min(...quarter.map((sample) => sample.rssMiB));
  const troughGrowthMiB = lowest(last) - lowest(second);
  const slopePerRequest = slope(last);
  const flat = growthMiB <= toleranceMiB && troughGrowthMiB <= toleranceMiB;
  const round = (value: number) => Math.round(value * 10) / 10;
  const summary =
    `last-quarter median ${signed(round(growthMiB))} MiB against the second quarter's ` +
    `${round(baseline)} MiB, lowest ${signed(round(troughGrowthMiB))} MiB, ` +
    `last-quarter slope ${round(slopePerRequest * 100_000)} MiB per 100k requests; ` +
    `tolerance ${round(toleranceMiB)} MiB`;
  return { flat, growthMiB, troughGrowthMiB, slopeMiBPer100k: slopePerRequest * 100_000, toleranceMiB, summary };
}

const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value}`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Least-squares slope of RSS against requests, MiB per request (0 when the requests do not vary). */
function slope(samples: readonly RssSample[]): number {
  const meanX = samples.reduce((sum, s) => sum + s.requests, 0) / samples.length;
  const meanY = samples.reduce((sum, s) => sum + s.rssMiB, 0) / samples.length;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.requests - meanX) * (sample.rssMiB - meanY);
    variance += (sample.requests - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}
