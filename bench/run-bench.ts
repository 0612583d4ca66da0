/**
 * `npm run bench`: what users feel — start-up (server and in-process) and the cost of a request — each
 * beside baselines measured in the same run. This process (the load generator) pins itself to one core
 * and every server to the other (`taskset`), so neither limits the other; server CPU per request comes
 * from `/proc/<pid>/stat`. Ratios, not absolute numbers, are what to compare: these machines are shared
 * and noisy, so the 1-minute load average is printed beside each part.
 *
 * Options: `--quick` (short windows, a couple of minutes in all), `--duration 10` (seconds),
 * `--warmup 3`, `--connections 50`, `--rounds 3` (alternating rounds; medians reported), `--only
 * omeda,sfmc`, `--strict` (the server validates every response too), `--journal-size 0` (the mock
 * servers' journal; 0 shows what keeping exchanges costs), `--mock-node-flags="…"` (node flags of the
 * mock servers in the server and sessions parts, e.g. a heap size: `serve` then leaves the heap to
 * them), `--records 1000`, `--parts startup,server,in-process,sessions`, `--no-pin` (share both cores,
 * as before). Sessions: creation cost, a request with and without a session, and memory over
 * thousands of sessions (`bench/sessions.ts`); `--sessions-only` runs just that part, `--sessions
 * 10000` sets how many.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median, pairedRatio, spread } from './bench-stats.ts';
import { benchInProcessStartup, benchMswCost } from './in-process.ts';
import { keepStartCostVariables, loadAverage, memoryMiB, pinSelf, type Started, stopProcess, withheldVariables } from './pinned-process.ts';
import type { BenchScenario } from './scenario.ts';
import {
  benchServerScenario,
  cpuRoundsBesideCopies,
  type ServerScenarioResult,
  startVariant,
  type VariantResult,
} from './server-rounds.ts';
import { benchSessions, printSessions, type SessionsResult } from './session-rounds.ts';
import { type InProcessResult, printTargets, type StartupResult } from './targets.ts';

const USAGE = `npm run bench -- [options]     (or: npx tsx bench/run-bench.ts [options])

Start-up, the cost of a request and in-process cost, each beside baselines from the same run.
This process and autocannon run on core 1, every server on core 0 (taskset). Compare ratios.

  --parts <list>       startup,server,in-process,sessions (default: all four)
  --only <vendors>     scenarios to run, e.g. omeda,sfmc (default: every vendor)
  --duration <s>       seconds per measured load window (default 10; --quick 1.5)
  --warmup <s>         seconds of load before each window (default 3; --quick 1)
  --rounds <n>         alternating rounds per variant; medians are reported (default 3)
  --connections <n>    concurrent connections of the load (default 50)
  --records <n>        records seeded per scenario, so requests are real cancels (default 1000)
  --strict             the server validates every response too
  --journal-size <n>   the mock servers' --journal-size (default: theirs, 1000); 0 shows what the journal costs
  --mock-node-flags=<flags>
                       node flags for the mock servers of the server and sessions parts (not the
                       V8-defaults copy), e.g. "--max-semi-space-size=16 --heap-growing-percent=50";
                       with heap flags serve leaves the heap alone
  --quick              short windows and fewer runs: a couple of minutes in all
  --no-pin             let server and load generator share both cores
  --keep-ca-certs      servers and probes inherit NODE_EXTRA_CA_CERTS (by default they start without it:
                       it has every node start parse a certificate file, about 45 ms here)
  --sessions-only      only the sessions part; --sessions <n> sets how many (default 10000; --quick 1000)
  -h, --help           this text
`;

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    help: { type: 'boolean', short: 'h', default: false },
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    strict: { type: 'boolean', default: false },
    'journal-size': { type: 'string' },
    'mock-node-flags': { type: 'string' },
    records: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    parts: { type: 'string', default: 'startup,server,in-process,sessions' },
    'no-pin': { type: 'boolean', default: false },
    'keep-ca-certs': { type: 'boolean', default: false },
    'sessions-only': { type: 'boolean', default: false },
    sessions: { type: 'string' },
  },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const quick = values.quick ?? false;
const parts = new Set(values['sessions-only'] ? ['sessions'] : values.parts?.split(','));
const pinned = values['no-pin'] ? false : pinSelf();
if (values['keep-ca-certs']) keepStartCostVariables();
const withheld = withheldVariables();
const options = {
  pinned,
  connections: Number(values.connections),
  duration: Number(values.duration ?? (quick ? 1.5 : 10)),
  warmup: Number(values.warmup ?? (quick ? 1 : 3)),
  rounds: Number(values.rounds),
  records: Number(values.records),
  strict: values.strict ?? false,
  ...(values['journal-size'] === undefined ? {} : { journalSize: Number(values['journal-size']) }),
  ...(values['mock-node-flags'] ? { mockNodeFlags: values['mock-node-flags'].split(/\s+/).filter(Boolean) } : {}),
  sequential: quick ? 200 : 2000,
};
const startupRuns = quick ? 3 : 7;
const probeRuns = quick ? 3 : 5;
const mswRequests = quick ? 300 : 2000;
const sessionCount = Number(values.sessions ?? (quick ? 1000 : 10_000));

async function loadScenarios(): Promise<BenchScenario[]> {
  const only = values.only?.split(',');
  const files = readdirSync(join(root, 'bench', 'scenarios'))
    .filter((file) => file.endsWith('.ts'))
    .sort();
  const scenarios: BenchScenario[] = [];
  for (const file of files) {
    const { scenario } = (await import(`./scenarios/${file}`)) as { scenario: BenchScenario };
    if (!only || only.includes(scenario.vendor)) scenarios.push(scenario);
  }
  return scenarios;
}

/** Spawn → listening, pinned, alternating the mock (all vendors, then Omeda only) and the baselines. */
async function benchStartup(): Promise<StartupResult> {
  const kinds = ['mock', 'mockOmeda', 'bare', 'honoAjv'] as const;
  const times = new Map<string, number[]>(kinds.map((kind) => [kind, []]));
  const rss = new Map<string, number[]>(kinds.map((kind) => [kind, []]));
  const { scenario } = (await import('./scenarios/omeda.ts')) as { scenario: BenchScenario };
  for (let run = 0; run < startupRuns; run++) {
    for (const kind of kinds) {
      const server: Started = await (kind === 'mockOmeda'
        ? startVariant('mock', undefined, { pinned, strict: options.strict, vendors: ['omeda'] })
        : startVariant(kind, scenario, { pinned, strict: options.strict }));
      times.get(kind)?.push(server.msToListening);
      if (run === 0) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        rss.get(kind)?.push(memoryMiB(server.pid).rss);
      }
      await stopProcess(server);
    }
  }
  const pick = (map: Map<string, number[]>) =>
    Object.fromEntries(kinds.map((kind) => [kind, median(map.get(kind) ?? [])])) as Record<(typeof kinds)[number], number>;
  return { ms: pick(times), idleRssMiB: pick(rss), loadAverage: loadAverage() };
}

async function benchInProcess(scenarios: readonly BenchScenario[]): Promise<InProcessResult> {
  const all = benchInProcessStartup(undefined, probeRuns, pinned);
  const omedaOnly = benchInProcessStartup(['omeda'], probeRuns, pinned);
  const msw = scenarios.map((scenario) => benchMswCost(scenario.vendor, mswRequests, options.rounds, pinned));
  return { all, omedaOnly, msw, loadAverage: loadAverage() };
}

const fixed = (value: number, digits = 0, width = 8) => value.toFixed(digits).padStart(width);
const ratio = (value: number) => `${value.toFixed(2)}×`;

console.log(
  `esp-cancel-mock bench${quick ? ' (quick)' : ''} — ${pinned ? 'servers pinned to core 0, load generator to core 1' : 'NOT pinned (figures not comparable to pinned runs)'}; ` +
    `${options.connections} connections, ${options.rounds} alternating rounds of ${options.duration}s after ${options.warmup}s warm-up; ` +
    `${options.records} records; strict ${options.strict ? 'on' : 'off'}${options.journalSize === undefined ? '' : `; mock --journal-size ${options.journalSize}`}${options.mockNodeFlags ? `; mock node flags ${options.mockNodeFlags.join(' ')} (server and sessions parts)` : ''}; node ${process.version}; load average ${loadAverage()}` +
    `${withheld.length > 0 ? `; started without ${withheld.join(', ')} (set here; --keep-ca-certs passes it on)` : ''}\n`,
);

const scenarios = await loadScenarios();
let startup: StartupResult | undefined;
if (parts.has('startup')) {
  startup = await benchStartup();
  const { ms, idleRssMiB } = startup;
  console.log(`start-up to listening (median of ${startupRuns}, pinned) · idle RSS 1 s after (MiB) — load average ${startup.loadAverage}`);
  console.log(`  mock, all vendors   ${fixed(ms.mock)} ms · ${fixed(idleRssMiB.mock, 1)}`);
  console.log(`  mock, omeda only    ${fixed(ms.mockOmeda)} ms · ${fixed(idleRssMiB.mockOmeda, 1)}`);
  console.log(`  bare node:http      ${fixed(ms.bare)} ms · ${fixed(idleRssMiB.bare, 1)}`);
  console.log(`  Hono + ajv          ${fixed(ms.honoAjv)} ms · ${fixed(idleRssMiB.honoAjv, 1)}`);
  console.log(`  mock / bare ${ratio(ms.mock / ms.bare)}, mock / Hono + ajv ${ratio(ms.mock / ms.honoAjv)}\n`);
}

const servers: Array<ServerScenarioResult & { readonly loadAverage: number }> = [];
if (parts.has('server')) {
  console.log(
    'server: CPU µs per request (utime+stime / answered requests; median and range of the rounds; the system time, median of the windows) · req/s · p50/p99 ms at load · p50 µs at 1 connection · idle/peak RSS MiB',
  );
  for (const scenario of scenarios) {
    const result = { ...(await benchServerScenario(scenario, options)), loadAverage: loadAverage() };
    servers.push(result);
    const { mock, mockLogging, mockV8Heap, bare, honoAjv } = result.variants;
    console.log(`${scenario.name} — load average ${result.loadAverage}`);
    for (const [label, variant] of [
      ['mock --quiet', mock],
      ['mock, request log on', mockLogging],
      ['mock, V8 heap defaults', mockV8Heap],
      ['bare node:http', bare],
      ['Hono + ajv', honoAjv],
    ] as const) {
      const { load } = variant;
      console.log(
        `  ${label.padEnd(22)} ${fixed(load.cpuMicrosPerRequest, 1)} µs (${spread([...variant.cpuRounds, ...(variant.cpuRoundsBesideCopies ?? [])]).padStart(11)}; system ${fixed(load.systemMicrosPerRequest, 1, 4)}) ${fixed(load.rps)} req/s ${fixed(load.p50, 1, 5)}/${fixed(load.p99, 1, 5)} ms ${Number.isNaN(variant.p50OneConnectionMicros) ? '—'.padStart(6) : fixed(variant.p50OneConnectionMicros, 0, 6)} µs ${fixed(variant.idleRssMiB, 1, 6)}/${fixed(variant.peakRssMiB, 1, 6)} MiB${
          load.unexpected + load.errors > 0 ? `  (${load.unexpected} other statuses, ${load.errors} errors of ${load.requests})` : ''
        }`,
      );
    }
    const cpuRatio = (a: VariantResult, b: VariantResult) => ratio(pairedRatio(a.cpuRounds, b.cpuRounds));
    // The mock's copies pair with its window beside them, not with the one beside the baselines.
    const besideCopies = cpuRoundsBesideCopies(mock);
    console.log(
      `  CPU/request (median of the rounds' ratios): mock / bare ${cpuRatio(mock, bare)}, mock / Hono + ajv ${cpuRatio(mock, honoAjv)}, ` +
        `log on / off ${ratio(pairedRatio(mockLogging.cpuRounds, besideCopies))}; p50 at 1 connection mock / bare ${ratio(pairedRatio(mock.p50Blocks, bare.p50Blocks))} (${mock.p50Blocks.length} paired blocks); ` +
        `heap bounds / V8 defaults: CPU ${ratio(pairedRatio(besideCopies, mockV8Heap.cpuRounds))}, peak RSS ${ratio(mock.peakRssMiB / mockV8Heap.peakRssMiB)}`,
    );
  }
  console.log('');
}

let inProcess: InProcessResult | undefined;
if (parts.has('in-process')) {
  inProcess = await benchInProcess(scenarios);
  const { all, omedaOnly, msw } = inProcess;
  console.log(`in-process, fresh processes (median of ${probeRuns}) — load average ${inProcess.loadAverage}`);
  for (const [label, probe] of [
    ['all vendors', all],
    ['omeda only', omedaOnly],
  ] as const) {
    console.log(
      `  ${label.padEnd(12)} import msw+msw/node ${fixed(probe.mswMs)} ms; import esp-cancel-mock/msw ${fixed(probe.importMs)} ms; first createMock()+ready ${fixed(probe.firstCreateMs)} ms; ` +
        `further createMock()+ready ${fixed(probe.furtherCreateMs, 1)} ms; reset() ${fixed(probe.resetMs, 2)} ms; RSS ${fixed(probe.rssMiB, 1)} MiB`,
    );
  }
  const layout = msw[0]?.layout;
  console.log(
    `in-process, per request through MSW (sequential fetch, strict on; after ${layout?.warmUpEach} of each, ${layout?.pairs} block pairs of ${layout?.blockRequests} alternating forwards and backwards; medians):`,
  );
  for (const cost of msw) {
    console.log(
      `  ${cost.vendor.padEnd(9)} mock ${fixed(cost.mockMicros)} µs, plain MSW handler ${fixed(cost.plainMicros)} µs, ratio ${ratio(cost.ratio)} (${ratio(cost.ratioRange[0])}–${ratio(cost.ratioRange[1])})${
        cost.unexpectedInJournal > 0 ? ` (${cost.unexpectedInJournal} unexpected statuses)` : ''
      }`,
    );
  }
  console.log('');
}

let sessions: SessionsResult | undefined;
if (parts.has('sessions')) {
  sessions = await benchSessions(options, sessionCount, quick ? 300 : 2000);
  printSessions(sessions);
  console.log('');
}

printTargets({ startup, servers, inProcess });

mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(
  join(root, '.bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), quick, pinned, withheld, options, loadAverage: loadAverage(), startup, servers, inProcess, sessions }, null, 2)}\n`,
);
console.log(`\nload average at the end ${loadAverage()}; written to .bench/results.json`);
