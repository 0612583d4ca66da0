/**
 * The server part of `npm run bench` for one vendor scenario: the mock (request log off, then on), a
 * bare node:http server and a minimal Hono + ajv server, all pinned to one core while the load
 * generator runs on the other, measured in alternating rounds. Per variant: requests per second,
 * latency, server CPU per request (from `/proc/<pid>/stat` over the measured window), idle and peak RSS,
 * and the p50 of sequential requests on one connection.
 */
import autocannon from 'autocannon';
import { median } from './bench-stats.ts';
import { oneConnectionP50, sentFor } from './one-connection.ts';
import { cpuSplitMicros, memoryMiB, type Started, startPinned, stopProcess } from './pinned-process.ts';
import type { BenchScenario } from './scenario.ts';

export type VariantName = 'mock' | 'mockLogging' | 'mockV8Heap' | 'bare' | 'honoAjv';
export const VARIANTS: readonly VariantName[] = ['mock', 'mockLogging', 'mockV8Heap', 'bare', 'honoAjv'];

/** A measured window: a variant, or the mock's second window of a round (`mockAgain`, the same server). */
export type WindowName = VariantName | 'mockAgain';

/**
 * The order a round (or a one-connection block) measures the servers in: the mock between its two
 * baselines, then again between its own request-log and V8-heap copies, so the two windows of each
 * ratio to the mock follow one another; the other way round in the next round. This machine's slow
 * periods come and go within a minute: measured in a fixed order, the mock and bare `node:http` were
 * three windows apart (15 s at `--duration 5`), always in the same order. With one mock window a
 * round, its request-log copy was two windows from it, at an end of the round: in the round after, it
 * was measured twice in a row, and one slow spell read 45.2 and 40.6 µs against the mock's 31.4 and
 * 34.2 (log on / off 1.19×). In two runs of alternating pinned rounds, a single round's log on /
 * `--quiet` ratio spread over 1.00–1.14× and 1.05–1.24× back to back, 0.89–1.37× and 0.95–1.43× two
 * or three windows apart.
 */
const MEASURING_ORDER: readonly WindowName[] = ['bare', 'mock', 'honoAjv', 'mockLogging', 'mockAgain', 'mockV8Heap'];

export function measuringOrder(round: number): readonly WindowName[] {
  return alternating(MEASURING_ORDER, round);
}

/** `order` in even rounds, backwards in odd ones: each pair of neighbours is measured back to back both ways. */
export function alternating<T>(order: readonly T[], round: number): readonly T[] {
  return round % 2 === 0 ? order : [...order].reverse();
}

/**
 * The servers measured at one connection: the mock and its two baselines, in {@link measuringOrder}.
 * With the request-log and V8-heap copies of the mock taking their turns too, three copies of the mock
 * ran in turn on the one core between their blocks and slowed one another (most likely its caches):
 * SFMC's mock read 365–560 µs a block among the five servers and 151–197 µs among these three, in runs
 * back to back.
 */
const ONE_CONNECTION: readonly VariantName[] = ['mock', 'bare', 'honoAjv'];

export function oneConnectionOrder(block: number): readonly VariantName[] {
  return measuringOrder(block).filter((window): window is VariantName => ONE_CONNECTION.includes(window as VariantName));
}

export interface ServerRunOptions {
  readonly pinned: boolean;
  readonly connections: number;
  readonly duration: number;
  readonly warmup: number;
  readonly rounds: number;
  readonly records: number;
  readonly strict: boolean;
  /** The mock's `--journal-size` (its default when not given). */
  readonly journalSize?: number;
  /** Node flags for the mock servers except `mockV8Heap` (none when not given). */
  readonly mockNodeFlags?: readonly string[];
  /** Sequential requests on one connection per round (measured in alternating blocks), for the p50 at one connection. */
  readonly sequential: number;
}

/** One measured window of one variant. */
export interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Server CPU time (user + system) per answered request, µs. */
  readonly cpuMicrosPerRequest: number;
  /** Of that, the time in the kernel (system), µs. */
  readonly systemMicrosPerRequest: number;
  readonly requests: number;
  /** Answers other than the scenario's expected status (e.g. a repeat cancel's documented 400). */
  readonly unexpected: number;
  readonly errors: number;
}

export interface VariantResult {
  /** The median of every window the variant was measured in (the mock: two a round). */
  readonly load: Load;
  /** Server CPU per request of each round, in round order, µs: the mock's window beside its baselines. */
  readonly cpuRounds: readonly number[];
  /** The mock only: its window of each round beside its request-log and V8-heap copies, µs. */
  readonly cpuRoundsBesideCopies?: readonly number[];
  /** Median p50 of sequential requests on one keep-alive connection, µs (NaN: not measured, see `oneConnectionOrder`). */
  readonly p50OneConnectionMicros: number;
  /** That p50 of each block of them, in order, µs (blocks alternate between the variants; none when not measured). */
  readonly p50Blocks: readonly number[];
  readonly idleRssMiB: number;
  readonly peakRssMiB: number;
  /** Bytes of request log the server wrote during the run. */
  readonly logBytes: number;
}

export interface ServerScenarioResult {
  readonly scenario: string;
  readonly vendor: string;
  readonly variants: Record<VariantName, VariantResult>;
}

/** Starts one server variant: the mock serves every vendor (or `vendors`), a baseline answers the scenario. */
export function startVariant(
  variant: VariantName,
  scenario: BenchScenario | undefined,
  options: Pick<ServerRunOptions, 'pinned' | 'strict' | 'journalSize' | 'mockNodeFlags'> & {
    readonly vendors?: readonly string[];
    /** A command that runs node (valgrind: `callgrindLauncher`), as `nodeCommand` takes it. */
    readonly launcher?: readonly string[];
    /** A baseline's busy wait per request, µs (bench/baseline-spin.mjs); the mock takes none. */
    readonly spinMicros?: number;
  },
) {
  const launcher = options.launcher ?? [];
  const baselineEnv: Record<string, string> = {
    ...(scenario ? { BASELINE: JSON.stringify({ ...scenario.baseline, vendor: scenario.vendor }) } : {}),
    ...(options.spinMicros ? { BASELINE_SPIN_US: String(options.spinMicros) } : {}),
  };
  switch (variant) {
    case 'mock':
    case 'mockLogging':
    // `serve` bounds its heap as `npm start`'s V8 flags do (src/cli/heap-bounds.ts); `mockV8Heap` is the
    // same server with V8's own sizing, so each run shows what the bounds cost and save.
    case 'mockV8Heap':
      return startPinned(
        [
          ...(variant === 'mockV8Heap' ? [] : (options.mockNodeFlags ?? [])),
          'dist/esp-cancel-mock.mjs',
          'serve',
          '--port',
          '0',
          ...(variant === 'mockLogging' ? [] : ['--quiet']),
          ...(variant === 'mockV8Heap' ? ['--v8-heap-defaults'] : []),
          ...(options.strict ? ['--strict'] : []),
          ...(options.vendors ? ['--vendors', options.vendors.join(',')] : []),
          ...(options.journalSize === undefined ? [] : ['--journal-size', String(options.journalSize)]),
        ],
        options.pinned,
        // The default text log, uncoloured (stdout is a pipe, as in CI).
        { NO_COLOR: '1' },
        launcher,
      );
    case 'bare':
      return startPinned(['bench/bare-server.mjs'], options.pinned, baselineEnv, launcher);
    case 'honoAjv':
      return startPinned(['bench/hono-ajv-server.mjs'], options.pinned, baselineEnv, launcher);
  }
}

/** autocannon's request list for a scenario: each request is `scenario.request(index())`, built fresh. */
export function scenarioRequests(scenario: BenchScenario, index: () => number): autocannon.Request[] {
  return [
    {
      setupRequest: (request) => {
        const built = scenario.request(index());
        return {
          ...request,
          method: built.method as autocannon.Request['method'],
          path: built.path,
          headers: { ...built.headers },
          ...(built.body === undefined ? {} : { body: built.body }),
        };
      },
    },
  ];
}

/** Warm-up, then the measured window; request numbers continue across both so every record is used once. */
export async function load(
  server: Started,
  scenario: BenchScenario,
  counter: { next: number },
  options: Pick<ServerRunOptions, 'connections' | 'duration' | 'warmup' | 'records'>,
): Promise<Load> {
  const requests = scenarioRequests(scenario, () => counter.next++ % options.records);
  if (counter.next === 0) await autocannon({ url: server.url, connections: options.connections, duration: options.warmup, requests });
  const cpuBefore = cpuSplitMicros(server.pid);
  const result = await autocannon({ url: server.url, connections: options.connections, duration: options.duration, requests });
  const cpuAfter = cpuSplitMicros(server.pid);
  const system = cpuAfter.system - cpuBefore.system;
  const cpu = cpuAfter.user - cpuBefore.user + system;
  const statuses = result.statusCodeStats as Record<string, { count: number }>;
  const expected = statuses[String(scenario.expectedStatus)]?.count ?? 0;
  const total = Object.values(statuses).reduce((sum, stat) => sum + stat.count, 0);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: total > 0 ? cpu / total : Number.NaN,
    systemMicrosPerRequest: total > 0 ? system / total : Number.NaN,
    requests: total,
    unexpected: total - expected,
    errors: result.errors + result.timeouts,
  };
}

/**
 * One-connection blocks per load round, of a tenth of `sequential` requests each, after one and a half
 * times `sequential` unmeasured: no more records per server than one p50 of `sequential` a round took
 * before, since the seeded store is part of the peak RSS.
 */
const P50_BLOCKS_PER_ROUND = 4;

/** PUTs the scenario's records into a mock (or one of its sessions, by `base`), so its requests are real cancels. */
export async function seedMock(server: Started, scenario: BenchScenario, records: number, base = server.url): Promise<void> {
  const put = await fetch(`${base}/__admin/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario.state(records)),
  });
  if (!put.ok) throw new Error(`PUT /__admin/state: ${put.status} ${await put.text()}`);
}

/**
 * Runs every variant against one scenario: all five servers are started (idle ones cost nothing), then
 * each round measures them one after the other in {@link measuringOrder}, so a noisy neighbour hits
 * all alike; medians reported.
 */
export async function benchServerScenario(scenario: BenchScenario, options: ServerRunOptions): Promise<ServerScenarioResult> {
  const servers = new Map<VariantName, Started>();
  try {
    for (const variant of VARIANTS) servers.set(variant, await startVariant(variant, scenario, options));
    // Idle RSS a second after start, before any request (lets start-up garbage be collected).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = new Map([...servers].map(([variant, server]) => [variant, memoryMiB(server.pid).rss]));
    // The sequential p50 uses records after the loads' ones, so its cancels are real too.
    const warmUp = Math.ceil(options.sequential * 1.5);
    const blockSize = Math.ceil(options.sequential / 10);
    const blocks = options.rounds * P50_BLOCKS_PER_ROUND;
    const sequentialRecords = sentFor(warmUp) + blocks * sentFor(blockSize);
    // Every copy of the mock holds the same records, so their peak RSS compares, though only the mock
    // with `--quiet` is measured at one connection.
    for (const variant of ['mock', 'mockLogging', 'mockV8Heap'] as const) {
      await seedMock(servers.get(variant) as Started, scenario, options.records + sequentialRecords);
    }
    const counters = new Map(VARIANTS.map((variant) => [variant, { next: 0 }]));
    const loads = new Map<WindowName, Load[]>([...VARIANTS, 'mockAgain' as const].map((window) => [window, []]));
    const sequential = new Map<VariantName, number[]>(VARIANTS.map((variant) => [variant, []]));
    for (let round = 0; round < options.rounds; round++) {
      for (const window of measuringOrder(round)) {
        // The mock's second window of a round is the same server, its requests going on from the first's.
        const variant = window === 'mockAgain' ? 'mock' : window;
        const server = servers.get(variant) as Started;
        loads.get(window)?.push(await load(server, scenario, counters.get(variant) as { next: number }, options));
      }
    }
    // One connection, after the loads: short blocks that alternate between the mock and its baselines
    // (forwards, then backwards), so the two blocks of a ratio are measured seconds apart. Measured
    // after each server's own load round, a minute apart, bare node:http's p50 alone moved between
    // levels 30 % apart here.
    // First some unmeasured: after the load (another client, answers on another path) every server's
    // p50 kept falling while V8 optimised that path again, the mock's from 530–700 µs over 2,000 to
    // 2,600 requests (`--trace-opt`: some 60 functions, node's HTTP callbacks among them; no
    // deoptimisation loop, no more collections than later).
    for (const variant of oneConnectionOrder(0)) {
      await oneConnectionP50(servers.get(variant) as Started, scenario, warmUp, options.records);
    }
    for (let block = 0; block < blocks; block++) {
      for (const variant of oneConnectionOrder(block)) {
        const first = options.records + sentFor(warmUp) + sentFor(blockSize) * block;
        sequential.get(variant)?.push(await oneConnectionP50(servers.get(variant) as Started, scenario, blockSize, first));
      }
    }
    const variants = Object.fromEntries(
      VARIANTS.map((variant) => {
        const server = servers.get(variant) as Started;
        const again = variant === 'mock' ? (loads.get('mockAgain') ?? []) : [];
        const result: VariantResult = {
          load: medianLoad([...(loads.get(variant) ?? []), ...again]),
          cpuRounds: (loads.get(variant) ?? []).map((round) => round.cpuMicrosPerRequest),
          ...(variant === 'mock' ? { cpuRoundsBesideCopies: again.map((round) => round.cpuMicrosPerRequest) } : {}),
          p50OneConnectionMicros: median(sequential.get(variant) ?? []),
          p50Blocks: sequential.get(variant) ?? [],
          idleRssMiB: idle.get(variant) ?? Number.NaN,
          peakRssMiB: memoryMiB(server.pid).peak,
          logBytes: server.logged(),
        };
        return [variant, result];
      }),
    ) as Record<VariantName, VariantResult>;
    return { scenario: scenario.name, vendor: scenario.vendor, variants };
  } finally {
    for (const server of servers.values()) await stopProcess(server);
  }
}

/**
 * The mock's CPU of each round measured next to its request-log and V8-heap copies, the side of the
 * ratios to those copies (its rounds beside the baselines in results written before it had two).
 */
export function cpuRoundsBesideCopies(mock: VariantResult): readonly number[] {
  return mock.cpuRoundsBesideCopies ?? mock.cpuRounds;
}

/** Each figure's median over the windows; requests, unexpected answers and errors are summed. */
export function medianLoad(loads: readonly Load[]): Load {
  return {
    rps: median(loads.map((l) => l.rps)),
    p50: median(loads.map((l) => l.p50)),
    p99: median(loads.map((l) => l.p99)),
    cpuMicrosPerRequest: median(loads.map((l) => l.cpuMicrosPerRequest)),
    systemMicrosPerRequest: median(loads.map((l) => l.systemMicrosPerRequest)),
    requests: loads.reduce((sum, l) => sum + l.requests, 0),
    unexpected: loads.reduce((sum, l) => sum + l.unexpected, 0),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
  };
}
