/**
 * A small seeded pseudo-random source (mulberry32): the same seed gives the same draws, so a run
 * with injected faults can be replayed exactly (`--seed`).
 *
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (mulberry32)
 */
export interface SeededRandom {
  readonly seed: number;
  /** A number in [0, 1). */
  next(): number;
}

export function createSeededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  return {
    seed: seed >>> 0,
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** A fresh seed when none is given (printed by the CLI so the run can be replayed). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}
