/**
 * Two builds of the mock side by side: `npm run bench:builds -- --before <cli>`.
 *
 * A change worth a tenth or less cannot be seen by running the bench once before and once after on
 * these machines: identical runs minutes apart differ by more. This starts this checkout's build and
 * another one (`--before`: the CLI file of another checkout's build, e.g. a `git worktree` of the
 * commit before, with `npm run build:js` run in it), both pinned to the bench's server core, seeds
 * both, and measures them in alternating rounds (one after the other, then the other way round) with
 * the load generator on the other core. It prints each build's CPU per request and after / before as
 * the median of the rounds' ratios; `--control` adds a second copy of this build, whose ratio says
 * what two processes of one build differ by in the same minutes. `--p50-blocks` adds the
 * one-connection p50 of real cancels, in alternating blocks. See docs/development.md.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median, pairedRatio, spread } from './bench-stats.ts';
import { oneConnectionP50, sentFor } from './one-connection.ts';
import { loadAverage, pinSelf, type Started, startPinned, stopProcess } from './pinned-process.ts';
import type { BenchScenario } from './scenario.ts';
import { alternating, load, seedMock } from './server-rounds.ts';
import { refuse, wholeNumber } from './usage-error.ts';

const USAGE = `npm run bench:builds -- --before <cli> [options]
  --before <cli>       the other build's CLI file (another checkout's dist/esp-cancel-mock.mjs)
  --vendor <name>      the bench scenario (default omeda)
  --rounds <n>         alternating rounds (default 8)
  --duration <s>       seconds a round measures each build (default 5)
  --connections <n>    autocannon connections (default 50)
  --records <n>        records seeded; the load cycles through them (default 1000)
  --p50-blocks <n>     also the one-connection p50 of real cancels, in n alternating blocks (default 0)
  --control            also a second copy of this build: what two processes of one build differ by
  --log                the servers write the default request log (to a pipe this process drains)
                       instead of running --quiet: what a change to the log costs or saves`;

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    vendor: { type: 'string', default: 'omeda' },
    rounds: { type: 'string', default: '8' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    records: { type: 'string', default: '1000' },
    'p50-blocks': { type: 'string', default: '0' },
    control: { type: 'boolean', default: false },
    log: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.before) refuse('--before is required', USAGE);
const before = resolve(values.before);
if (!existsSync(before)) refuse(`--before: no such file ${before}`, USAGE);
const rounds = wholeNumber(values, 'rounds', 1, USAGE);
const duration = wholeNumber(values, 'duration', 1, USAGE);
const connections = wholeNumber(values, 'connections', 1, USAGE);
const records = wholeNumber(values, 'records', 1, USAGE);
const p50Blocks = wholeNumber(values, 'p50-blocks', 0, USAGE);
const scenario = await loadScenario(values.vendor);

/** The requests of one p50 block (after a warm-up of three blocks' worth), each a real cancel. */
const BLOCK = 1000;
const WARM_UP = 3 * BLOCK;
const builds: Array<[string, string]> = [
  ['before', before],
  ['after', join(import.meta.dirname, '..', 'dist', 'esp-cancel-mock.mjs')],
  ...(values.control ? ([['after again', join(import.meta.dirname, '..', 'dist', 'esp-cancel-mock.mjs')]] as Array<[string, string]>) : []),
];
if (!pinSelf()) console.warn('not pinned: no taskset or fewer than two cores; the figures mean little');
console.log(
  `${scenario.name}: ${builds.length} mock processes on one core${values.log ? ' (request log on)' : ''}, ${rounds} alternating rounds of ${duration}s at ${connections} connections; load average ${loadAverage()}`,
);

const servers = new Map<string, Started>();
try {
  for (const [label, cli] of builds) {
    const server = await startPinned([cli, 'serve', '--port', '0', ...(values.log ? [] : ['--quiet'])], true, {
      NO_COLOR: '1',
    });
    servers.set(label, server);
    // The p50's records come after the load's, so its cancels are real.
    await seedMock(server, scenario, records + (p50Blocks > 0 ? sentFor(WARM_UP) + p50Blocks * sentFor(BLOCK) : 0));
  }
  const labels = builds.map(([label]) => label);
  const cpu = new Map(labels.map((label) => [label, [] as number[]]));
  // Each build's first window is preceded by the bench's warm-up (`load` runs it for a fresh counter).
  const counters = new Map(labels.map((label) => [label, { next: 0 }]));
  const windows = { connections, duration, warmup: 3, records };
  for (let round = 0; round < rounds; round++) {
    for (const label of alternating(labels, round)) {
      const measured = await load(servers.get(label) as Started, scenario, counters.get(label) as { next: number }, windows);
      cpu.get(label)?.push(measured.cpuMicrosPerRequest);
    }
  }
  report('CPU per request', 'µs', cpu);
  if (p50Blocks > 0) {
    const p50 = new Map(labels.map((label) => [label, [] as number[]]));
    for (const label of labels) await oneConnectionP50(servers.get(label) as Started, scenario, WARM_UP, records);
    for (let block = 0; block < p50Blocks; block++) {
      const first = records + sentFor(WARM_UP) + block * sentFor(BLOCK);
      for (const label of alternating(labels, block))
        p50.get(label)?.push(await oneConnectionP50(servers.get(label) as Started, scenario, BLOCK, first));
    }
    report('p50 at one connection', 'µs', p50);
  }
  console.log(`load average at the end ${loadAverage()}`);
} finally {
  for (const server of servers.values()) await stopProcess(server);
}

function report(what: string, unit: string, figures: Map<string, number[]>): void {
  const after = figures.get('after') ?? [];
  for (const [label, values] of figures) {
    console.log(`  ${what}, ${label.padEnd(11)} ${median(values).toFixed(1)} ${unit} (${spread(values)})`);
  }
  console.log(`  ${what}: after / before ${pairedRatio(after, figures.get('before') ?? []).toFixed(3)}`);
  const again = figures.get('after again');
  if (again) console.log(`  ${what}: after again / after ${pairedRatio(again, after).toFixed(3)} (two processes of one build)`);
}

async function loadScenario(vendor: string): Promise<BenchScenario> {
  const file = join(import.meta.dirname, 'scenarios', `${vendor}.ts`);
  if (!existsSync(file)) refuse(`--vendor: no bench scenario named '${vendor}'`, USAGE);
  return ((await import(file)) as { scenario: BenchScenario }).scenario;
}
