/**
 * The in-process part of `npm run bench`: start-up of the built `esp-cancel-mock/msw` in fresh
 * processes (what every vitest worker pays before its first test), and the per-request cost through
 * MSW beside a plain MSW handler, per vendor. Each child runs pinned to the server core.
 */

import { median } from './bench-stats.ts';
import { runNode } from './pinned-process.ts';

export interface StartupProbe {
  readonly mswMs: number;
  readonly importMs: number;
  readonly firstCreateMs: number;
  readonly furtherCreateMs: number;
  readonly resetMs: number;
  readonly rssMiB: number;
}

export interface MswCost {
  readonly vendor: string;
  readonly mockMicros: number;
  readonly plainMicros: number;
  /** The median of the block pairs' own ratios, and their smallest and largest. */
  readonly ratio: number;
  readonly ratioRange: readonly [number, number];
  /** Unmeasured requests of each side, then block pairs of `blockRequests` each. */
  readonly layout: { readonly warmUpEach: number; readonly pairs: number; readonly blockRequests: number };
  readonly unexpectedInJournal: number;
}

/** Medians over `runs` fresh processes of the start-up probe (`bench/in-process-probe.mjs`). */
export function benchInProcessStartup(vendors: readonly string[] | undefined, runs: number, pinned: boolean): StartupProbe {
  const probes: StartupProbe[] = [];
  for (let run = 0; run < runs; run++) {
    const output = runNode(['bench/in-process-probe.mjs'], pinned, { PROBE: JSON.stringify(vendors ? { vendors } : {}) });
    probes.push(JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as StartupProbe);
  }
  const field = (key: keyof StartupProbe) => median(probes.map((probe) => probe[key]));
  return {
    mswMs: field('mswMs'),
    importMs: field('importMs'),
    firstCreateMs: field('firstCreateMs'),
    furtherCreateMs: field('furtherCreateMs'),
    resetMs: field('resetMs'),
    rssMiB: field('rssMiB'),
  };
}

/** One vendor's per-request cost through MSW, mock beside a plain handler, in a fresh process. */
export function benchMswCost(vendor: string, requests: number, rounds: number, pinned: boolean): MswCost {
  const output = runNode(['--import', 'tsx', 'bench/msw-cost.ts', vendor, String(requests), String(rounds)], pinned);
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as MswCost;
}
