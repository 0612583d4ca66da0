/** The bench's statistics: medians, paired ratios and the range of rounds. */

/**
 * `a / b` as the median of the rounds' (or one-connection blocks') own ratios: the variants of one
 * round are measured within a minute of each other, so a slow period of the machine (they come and go
 * here) weighs on both sides of a round's ratio, where it can move one median and not the other.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, round) => value / (b[round] ?? Number.NaN)));
}

/** The lowest and highest of a variant's rounds, e.g. `69.0–80.1`. */
export function spread(values: readonly number[], digits = 1): string {
  return values.length === 0 ? '' : `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
