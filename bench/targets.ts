/**
 * The performance targets (docs/development.md, "Benchmarks"), each read off one `npm run bench` run
 * and printed as measured / target. A missing part prints "not measured". Nothing fails on a miss:
 * the figures are noisy on shared machines, so they inform a change; they never gate one.
 */

import { pairedRatio } from './bench-stats.ts';
import type { MswCost, StartupProbe } from './in-process.ts';
import { cpuRoundsBesideCopies, type ServerScenarioResult } from './server-rounds.ts';

type StartupKind = 'mock' | 'mockOmeda' | 'bare' | 'honoAjv';

/** Spawn → listening and idle RSS, per server (medians). */
export interface StartupResult {
  readonly ms: Record<StartupKind, number>;
  readonly idleRssMiB: Record<StartupKind, number>;
  readonly loadAverage: number;
}

/** The in-process part: start-up probes (all vendors, Omeda only) and per-request cost per vendor. */
export interface InProcessResult {
  readonly all: StartupProbe;
  readonly omedaOnly: StartupProbe;
  readonly msw: readonly MswCost[];
  readonly loadAverage: number;
}

export interface BenchResults {
  readonly startup: StartupResult | undefined;
  readonly servers: readonly ServerScenarioResult[];
  readonly inProcess: InProcessResult | undefined;
}

interface Target {
  readonly what: string;
  readonly measured: number | undefined;
  readonly limit: number;
  readonly unit: string;
}

/** Every target with its measured value (undefined when that part did not run). */
export function readTargets({ startup, servers, inProcess }: BenchResults): Target[] {
  const omeda = servers.find((result) => result.vendor === 'omeda')?.variants;
  const sfmc = servers.find((result) => result.vendor === 'sfmc')?.variants;
  const omedaMsw = inProcess?.msw.find((cost) => cost.vendor === 'omeda');
  const cpu = (variant: { load: { cpuMicrosPerRequest: number } } | undefined) => variant?.load.cpuMicrosPerRequest;
  const divide = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a / b);
  // Variants of one scenario are measured in the same rounds: their ratio is the median of the rounds' own.
  const paired = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
    a === undefined || b === undefined ? undefined : pairedRatio(a, b);
  // The default server logs every request: the worst peak of either, not the `--quiet` one alone.
  const worstPeak = () =>
    servers.length > 0
      ? Math.max(...servers.flatMap((result) => [result.variants.mock.peakRssMiB, result.variants.mockLogging.peakRssMiB]))
      : undefined;
  return [
    {
      what: 'import + first createMock() (all vendors)',
      measured: inProcess && inProcess.all.importMs + inProcess.all.firstCreateMs,
      limit: 150,
      unit: 'ms',
    },
    { what: 'each further createMock() (all vendors)', measured: inProcess?.all.furtherCreateMs, limit: 10, unit: 'ms' },
    { what: 'server start to listening, pinned', measured: startup?.ms.mock, limit: 150, unit: 'ms' },
    { what: 'omeda cancel: server CPU per request, 50 connections', measured: cpu(omeda?.mock), limit: 50, unit: 'µs' },
    { what: 'omeda cancel: CPU / bare node:http', measured: paired(omeda?.mock.cpuRounds, omeda?.bare.cpuRounds), limit: 2, unit: '×' },
    { what: 'omeda cancel: CPU / Hono + ajv', measured: paired(omeda?.mock.cpuRounds, omeda?.honoAjv.cpuRounds), limit: 1.5, unit: '×' },
    { what: 'sfmc SOAP cancel CPU / omeda cancel CPU', measured: divide(cpu(sfmc?.mock), cpu(omeda?.mock)), limit: 2, unit: '×' },
    {
      what: 'omeda p50 at 1 connection / bare',
      measured: paired(omeda?.mock.p50Blocks, omeda?.bare.p50Blocks),
      limit: 1.3,
      unit: '×',
    },
    {
      what: 'omeda: request log on / off (CPU)',
      measured: paired(omeda?.mockLogging.cpuRounds, omeda && cpuRoundsBesideCopies(omeda.mock)),
      limit: 1.1,
      unit: '×',
    },
    { what: 'idle RSS after start (all vendors)', measured: startup?.idleRssMiB.mock, limit: 70, unit: 'MiB' },
    { what: 'peak RSS at 50 connections (worst vendor, log on or off)', measured: worstPeak(), limit: 110, unit: 'MiB' },
    { what: 'in-process omeda request / plain MSW handler', measured: omedaMsw?.ratio, limit: 1.3, unit: '×' },
  ];
}

export function printTargets(results: BenchResults): void {
  console.log('targets (measured / target):');
  for (const target of readTargets(results)) {
    const shown =
      target.measured === undefined
        ? 'not measured'
        : `${target.measured.toFixed(target.unit === '×' ? 2 : target.unit === 'MiB' ? 1 : 0)} ${target.unit} / ≤ ${target.limit} ${target.unit}  ${target.measured <= target.limit ? 'met' : 'NOT met'}`;
    console.log(`  ${target.what.padEnd(56)} ${shown}`);
  }
  console.log('  RSS flat over 1M requests: `npm run soak -- --journal` (prints RSS samples and a flatness verdict)');
}
