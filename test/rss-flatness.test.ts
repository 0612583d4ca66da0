import { describe, expect, it } from 'vitest';
import { judgeFlatness, type RssSample } from '../bench/rss-flatness.ts';

/** 40 samples over 1M requests, RSS from `rssAt(fraction of the run)`. */
const run = (rssAt: (fraction: number) => number): RssSample[] =>
  Array.from({ length: 41 }, (_, index) => ({ requests: index * 25_000, seconds: index * 10, rssMiB: rssAt(index / 40) }));

describe('judgeFlatness', () => {
  it('calls a run flat when RSS rises during warm-up and then saws around one level', () => {
    const verdict = judgeFlatness(run((f) => (f < 0.2 ? 90 + f * 200 : 130 + (Math.round(f * 40) % 3) * 4)));
    expect(verdict.flat).toBe(true);
    expect(Math.abs(verdict.growthMiB)).toBeLessThanOrEqual(5);
  });

  it('calls a run that keeps growing in the last quarter not flat', () => {
    const verdict = judgeFlatness(run((f) => 100 + f * 60));
    expect(verdict.flat).toBe(false);
    expect(verdict.slopeMiBPer100k).toBeCloseTo(6, 5);
    expect(verdict.summary).toMatch(/last-quarter slope 6 MiB per 100k requests/);
  });

  it('calls a run that only grows within its last quarter not flat', () => {
    const verdict = judgeFlatness(run((f) => (f < 0.75 ? 130 : 130 + (f - 0.75) * 200)));
    expect(verdict.flat).toBe(false);
  });

  it('calls a run flat when a collection cycle longer than a quarter ends it on an upswing', () => {
    // Period 0.375 of the run (a collection at 75 %), 60 MiB swing: the last quarter's slope is steep, its level is not higher.
    const verdict = judgeFlatness(run((f) => 120 + 60 * ((f / 0.375) % 1)));
    expect(verdict.slopeMiBPer100k).toBeGreaterThan(5);
    expect(verdict.flat).toBe(true);
  });

  it('calls a run whose level after each collection rises not flat', () => {
    const verdict = judgeFlatness(run((f) => 100 + f * 40 + 30 * ((f / 0.2) % 1)));
    expect(verdict.troughGrowthMiB).toBeGreaterThan(5);
    expect(verdict.flat).toBe(false);
  });

  it('refuses a verdict on too few samples', () => {
    const verdict = judgeFlatness(run(() => 100).slice(0, 3));
    expect(verdict.flat).toBe(false);
    expect(verdict.summary).toMatch(/too few samples/);
  });
});
