/**
 * Where one server's CPU goes, per thread and (with `--perf`) per frame: `npm run bench:threads`.
 *
 * Starts one server of the bench (the mock `--quiet`, bare `node:http` or Hono + ajv) pinned as the
 * bench pins it, seeds the mock, warms it up, then reads each thread's CPU from
 * `/proc/<pid>/task/*\/stat` over a measured window of a fixed number of requests. With `--perf <file>`
 * it also records the window with Linux `perf` (`cpu-clock` samples with call stacks; node runs with
 * `--perf-basic-prof` so JIT frames carry their names) and prints, in µs per request, the frames the
 * main thread spends most in (inclusive) and what the other threads do. Unlike `--cpu-prof`, perf
 * costs nothing per call, so the same frame compares across servers. With `--callgrind <file>` the
 * server runs under valgrind's callgrind instead and the window is counted in instructions per request
 * (all threads, user space only): a figure that other work on the machine does not move; and per
 * function, JIT code named from node's `--perf-basic-prof` map (callgrind-functions.ts), with
 * `--callers` the callers of the functions that match, with `--simulate` the simulated cache and branch
 * misses too. CPU time is printed by thread and as user and system time; `--spin` slows a baseline to
 * compare its system time with the mock's. See docs/development.md.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { topFunctions } from './callgrind-functions.ts';
import { callgrindLauncher, countWindow, removeCallgrindFiles, windowDump } from './callgrind-window.ts';
import { recordWindow, summarisePerf } from './perf-samples.ts';
import { cpuSplitMicros, pinSelf, stopProcess, threadCpuMicros } from './pinned-process.ts';
import type { BenchScenario } from './scenario.ts';
import { scenarioRequests, seedMock, startVariant, type VariantName } from './server-rounds.ts';
import { refuse, wholeNumber } from './usage-error.ts';

const USAGE = `npm run bench:threads -- [options]
  --server <name>      mock (--quiet), mockLogging (the default request log on), bare or honoAjv
                       (default mock)
  --vendor <name>      the bench scenario (default omeda)
  --connections <n>    autocannon connections (default 50)
  --requests <n>       measured requests (default 80000)
  --warmup <n>         unmeasured requests first (default 20000)
  --records <n>        records seeded into the mock; requests cycle through them (default 1000)
  --spin <µs>          bare or honoAjv only: busy-wait that long a request (bench/baseline-spin.mjs),
                       to compare system time with the mock's at the same speed (default 0)
  --perf <file>        also record the window with perf into <file> and print frames
  --top <n>            frames (--perf) or functions (--callgrind) to print (default 40)
  --callgrind <file>   run the server under valgrind's callgrind and count the window's instructions
                       instead of its CPU time, in all and per function (callgrind writes <file>.1;
                       removed afterwards)
  --simulate           with --callgrind: simulate caches and branch prediction too, and print their
                       accesses, misses and branches per request (slower)
  --callers <regex>    with --callgrind: for each of the --top functions whose name matches, the
                       functions that called it and the instructions they spent in it (inclusive)
  --keep               with --callgrind: keep the dump and node's perf map (named on exit)`;

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: 'mock' },
    vendor: { type: 'string', default: 'omeda' },
    connections: { type: 'string', default: '50' },
    requests: { type: 'string', default: '80000' },
    warmup: { type: 'string', default: '20000' },
    records: { type: 'string', default: '1000' },
    spin: { type: 'string', default: '0' },
    perf: { type: 'string' },
    top: { type: 'string', default: '40' },
    callgrind: { type: 'string' },
    callers: { type: 'string' },
    keep: { type: 'boolean', default: false },
    simulate: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const SERVERS: readonly VariantName[] = ['mock', 'mockLogging', 'bare', 'honoAjv'];
const server = values.server as VariantName;
if (!SERVERS.includes(server)) refuse(`--server must be one of ${SERVERS.join(', ')}, got '${values.server}'`, USAGE);
const connections = wholeNumber(values, 'connections', 1, USAGE);
const requestCount = wholeNumber(values, 'requests', 1, USAGE);
const warmup = wholeNumber(values, 'warmup', 0, USAGE);
const records = wholeNumber(values, 'records', 1, USAGE);
const spinMicros = wholeNumber(values, 'spin', 0, USAGE);
if (spinMicros > 0 && (server === 'mock' || server === 'mockLogging'))
  refuse('--spin slows a baseline: give --server bare or honoAjv', USAGE);
wholeNumber(values, 'top', 1, USAGE);
if (values.perf && values.callgrind) refuse('--perf and --callgrind measure differently: give one of them', USAGE);
if ((values.callers !== undefined || values.keep || values.simulate) && !values.callgrind) {
  refuse('--callers, --keep and --simulate read the dump of --callgrind: give it too', USAGE);
}
const callersOf = values.callers === undefined ? undefined : regExpOption(values.callers);

const root = join(import.meta.dirname, '..');
const vendors = readdirSync(join(root, 'bench', 'scenarios')).map((file) => file.replace(/\.ts$/, ''));
if (!vendors.includes(values.vendor)) refuse(`--vendor must be one of ${vendors.join(', ')}, got '${values.vendor}'`, USAGE);
const { scenario } = (await import(`./scenarios/${values.vendor}.ts`)) as { scenario: BenchScenario };
if (!pinSelf()) console.warn('not pinned: no taskset or fewer than two cores; figures are not comparable to the bench');
// --perf-basic-prof is one of the V8 flags NODE_OPTIONS may carry: the server's node writes
// /tmp/perf-<pid>.map, which perf reads to name JIT frames.
if (values.perf || values.callgrind) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --perf-basic-prof`.trim();
const launcher = values.callgrind ? callgrindLauncher(values.callgrind, values.simulate) : [];
const started = await startVariant(server, scenario, { pinned: true, strict: false, launcher, spinMicros });
try {
  if (server === 'mock' || server === 'mockLogging') await seedMock(started, scenario, records);
  let next = 0;
  const requests = scenarioRequests(scenario, () => next++ % records);
  if (warmup > 0) await autocannon({ url: started.url, connections, amount: warmup, requests });
  const recording = values.perf ? await recordWindow(started.pid, values.perf) : undefined;
  const counting = values.callgrind ? countWindow(started.pid, values.callgrind) : undefined;
  const before = threadCpuMicros(started.pid);
  const splitBefore = cpuSplitMicros(started.pid);
  const result = await autocannon({ url: started.url, connections, amount: requestCount, requests });
  const splitAfter = cpuSplitMicros(started.pid);
  const after = threadCpuMicros(started.pid);
  await recording?.stop();
  const instructions = counting?.stop();
  const answered = result.requests.total;
  const heading = `${server}, ${scenario.name}, ${connections} connection${connections === 1 ? '' : 's'}, ${answered} requests (statuses ${JSON.stringify(statusCounts(result))}):`;
  if (instructions !== undefined) {
    console.log(
      `${heading}\n  ${(instructions / answered / 1000).toFixed(1)} k instructions per request under callgrind (all threads, user space)`,
    );
    // Named from the perf map node wrote (`--perf-basic-prof`): the process under valgrind is node's.
    const { path: dump, events } = windowDump(values.callgrind as string);
    if (values.simulate) {
      const simulated = [...events].filter(([event]) => event !== 'Ir');
      console.log(`  simulated, per request: ${simulated.map(([event, count]) => `${event} ${perEvent(count / answered)}`).join(', ')}`);
      console.log(
        '  (Dr/Dw: data reads and writes; I1mr, D1mr/D1mw, ILmr/DLmr/DLmw: first- and last-level cache misses; Bc/Bi: conditional and indirect branches, Bcm/Bim: mispredicted)',
      );
    }
    const perfMap = `/tmp/perf-${started.pid}.map`;
    const { functions, callers } = topFunctions(dump, perfMap, Number(values.top), callersOf);
    const perRequest = (count: number) => (count / answered / 1000).toFixed(3).padStart(8);
    console.log(`\n  own instructions per request by function (k; JIT code named from node's perf map):`);
    for (const { name, instructions: own } of functions) console.log(`  ${perRequest(own)}  ${name}`);
    for (const { callee, callers: them } of callers) {
      console.log(`\n  callers of ${callee} (k instructions per request spent in it, inclusive; calls per request):`);
      for (const caller of them)
        console.log(`  ${perRequest(caller.instructions)}  ${(caller.calls / answered).toFixed(2).padStart(6)}  ${caller.name}`);
    }
    if (values.keep) console.log(`\n  kept: the dump ${dump} and the perf map ${perfMap}`);
  } else {
    const perRequest = (tid: string) => ((after.get(tid) ?? 0) - (before.get(tid) ?? 0)) / answered;
    const mainMicros = perRequest(String(started.pid));
    const otherMicros = [...after.keys()].filter((tid) => tid !== String(started.pid)).reduce((sum, tid) => sum + perRequest(tid), 0);
    console.log(
      `${heading}\n  CPU per request ${(mainMicros + otherMicros).toFixed(1)} µs: main thread ${mainMicros.toFixed(1)}, other threads ${otherMicros.toFixed(1)}; ` +
        `user ${((splitAfter.user - splitBefore.user) / answered).toFixed(1)}, system ${((splitAfter.system - splitBefore.system) / answered).toFixed(1)}; ` +
        `${Math.round(result.requests.average)} req/s`,
    );
    if (values.perf) {
      const summary = summarisePerf(values.perf, String(started.pid), Number(values.top));
      console.log(`\n  main thread, inclusive µs per request (${summary.mainSamples} samples):`);
      for (const frame of summary.mainFrames) console.log(`  ${(frame.share * mainMicros).toFixed(2).padStart(8)}  ${frame.name}`);
      console.log(`\n  other threads, µs per request (${summary.otherSamples} samples):`);
      for (const part of summary.otherParts) console.log(`  ${(part.share * otherMicros).toFixed(2).padStart(8)}  ${part.name}`);
    }
  }
} finally {
  await stopProcess(started);
  if (values.perf || values.callgrind) removeProfilingFiles(started.pid, values.keep);
  if (values.callgrind && !values.keep) removeCallgrindFiles(values.callgrind);
}

/** An event count per request: whole numbers, two decimals below 10 (last-level misses are a few a request). */
function perEvent(count: number): string {
  return count < 10 ? count.toFixed(2) : count.toFixed(0);
}

function regExpOption(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (error) {
    return refuse(`--callers must be a regular expression: ${(error as Error).message}`, USAGE);
  }
}

function statusCounts(result: autocannon.Result): Record<string, number> {
  const stats = result.statusCodeStats as Record<string, { count: number }>;
  return Object.fromEntries(Object.entries(stats).map(([status, { count }]) => [status, count]));
}

/**
 * What `--perf-basic-prof` leaves behind, once perf has read it: the symbol map /tmp/perf-<pid>.map
 * and the code event log isolate-<address>-<pid>-v8.log that node 20 writes to its working directory.
 * `--keep` keeps the map, for the dump it names.
 */
function removeProfilingFiles(pid: number, keepMap: boolean): void {
  if (!keepMap) rmSync(`/tmp/perf-${pid}.map`, { force: true });
  for (const file of readdirSync(root)) if (new RegExp(`^isolate-0x[0-9a-f]+-${pid}-v8\\.log$`).test(file)) rmSync(join(root, file));
}
