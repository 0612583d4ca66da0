/**
 * `npm run bench`: throughput and latency of each vendor's cancel path on the real server, beside a
 * bare node:http server answering the same requests in the same run; the per-request cost of the MSW
 * path beside a plain MSW handler; and start-up time. Ratios, not absolute numbers, are what to compare:
 * these machines are noisy. Options: `--duration 10` (seconds), `--connections 50`, `--only omeda,sfmc`,
 * `--strict` (also validate every response), `--records 1000`, `--rounds 3` (mock and baseline runs
 * alternate, and the medians are reported, so a noisy neighbour hits both alike). Sessions: creation
 * cost, a request with and without a session, and memory over thousands of sessions
 * (`bench/sessions.ts`); `--sessions-only` runs just that part, `--sessions 10000` sets how many.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createMock } from '../src/msw.ts';
import type { BenchScenario } from './scenario.ts';
import { benchFirstRequest, benchSessionCreation, benchSessionMemory } from './sessions.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    strict: { type: 'boolean', default: false },
    records: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    'sessions-only': { type: 'boolean', default: false },
    sessions: { type: 'string', default: '10000' },
  },
});
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const records = Number(values.records);
const rounds = Number(values.rounds);

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly msToListening: number;
}

/** Spawns a server process and resolves when it prints the port it listens on. */
function startProcess(command: string, args: string[], env: Record<string, string> = {}): Promise<Started> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (?:on http:\/\/127\.0\.0\.1:|)(\d+)/.exec(output);
      if (match) resolve({ child, url: `http://127.0.0.1:${match[1]}`, msToListening: performance.now() - started });
    });
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${output}`)));
  });
}

function stop(started: Started): Promise<void> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.once('exit', () => resolve());
    started.child.kill('SIGTERM');
  });
}

const startMock = () =>
  startProcess(process.execPath, ['dist/esp-cancel-mock.mjs', 'serve', '--port', '0', '--quiet', ...(values.strict ? ['--strict'] : [])]);
const startBare = (scenario?: BenchScenario) =>
  startProcess(process.execPath, ['bench/bare-server.mjs'], scenario ? { BASELINE: JSON.stringify(scenario.baseline) } : {});

interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly unexpected: number;
  readonly errors: number;
}

/** Warm-up, then the measured run; request numbers continue across both so every record is used once. */
async function load(url: string, scenario: BenchScenario, counter: { next: number }): Promise<Load> {
  const requests: autocannon.Request[] = [
    {
      setupRequest: (request) => {
        const built = scenario.request(counter.next++ % records);
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
  if (counter.next === 0) await autocannon({ url, connections, duration: warmup, requests });
  const result = await autocannon({ url, connections, duration, requests });
  const statuses = result.statusCodeStats as Record<string, { count: number }>;
  const expected = statuses[String(scenario.expectedStatus)]?.count ?? 0;
  const total = Object.values(statuses).reduce((sum, stat) => sum + stat.count, 0);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    unexpected: total - expected,
    errors: result.errors + result.timeouts,
  };
}

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

async function benchServer(scenario: BenchScenario) {
  const mock = await startMock();
  try {
    const put = await fetch(`${mock.url}/__admin/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(scenario.state(records)),
    });
    if (!put.ok) throw new Error(`PUT /__admin/state: ${put.status} ${await put.text()}`);
    const bare = await startBare(scenario);
    try {
      // Alternate mock and baseline runs, so a noisy neighbour hits both alike; report medians.
      const mockCounter = { next: 0 };
      const bareCounter = { next: 0 };
      const mockLoads: Load[] = [];
      const bareLoads: Load[] = [];
      for (let round = 0; round < rounds; round++) {
        mockLoads.push(await load(mock.url, scenario, mockCounter));
        bareLoads.push(await load(bare.url, scenario, bareCounter));
      }
      const ratios = mockLoads.map((mockLoad, index) => mockLoad.rps / (bareLoads[index]?.rps ?? Number.NaN));
      return { scenario: scenario.name, mock: medianLoad(mockLoads), bare: medianLoad(bareLoads), ratio: median(ratios), ratios };
    } finally {
      await stop(bare);
    }
  } finally {
    await stop(mock);
  }
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/** Each figure's median over the rounds; unexpected answers and errors are summed. */
function medianLoad(loads: readonly Load[]): Load {
  return {
    rps: median(loads.map((l) => l.rps)),
    p50: median(loads.map((l) => l.p50)),
    p99: median(loads.map((l) => l.p99)),
    unexpected: loads.reduce((sum, l) => sum + l.unexpected, 0),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
  };
}

/** Median time from spawn to "listening", mock and bare node:http, five times each. */
async function benchStartup() {
  const mockTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const mock = await startMock();
    mockTimes.push(mock.msToListening);
    await stop(mock);
    const bare = await startBare();
    bareTimes.push(bare.msToListening);
    await stop(bare);
  }
  return { mockMs: median(mockTimes), bareMs: median(bareTimes), overheadMs: median(mockTimes) - median(bareTimes) };
}

/** Per-request cost through MSW: the full mock (validation and strict mode on) vs a static MSW handler. */
async function benchMsw() {
  const count = 3000;
  const send = (index: number) =>
    fetch('https://ows.omeda.com/webservices/rest/brand/FOO/omail/deployment/cancel/*', {
      method: 'POST',
      headers: { 'x-omeda-appid': 'bench', 'content-type': 'application/json' },
      body: JSON.stringify({ UserId: 'omailAccount1', TrackId: `BENCH${String(index).padStart(9, '0')}` }),
    }).then((response) => response.text());
  const time = async () => {
    for (let index = 0; index < 200; index++) await send(index);
    const started = performance.now();
    for (let index = 200; index < 200 + count; index++) await send(index);
    return ((performance.now() - started) / count) * 1000;
  };
  const mock = createMock({ vendors: ['omeda'] });
  const { scenario } = (await import('./scenarios/omeda.ts')) as { scenario: BenchScenario };
  await mock.setState(scenario.state(count + 200));
  const withMock = setupServer(...mock.handlers);
  withMock.listen({ onUnhandledRequest: 'error' });
  const mockMicros = await time();
  withMock.close();
  const plain = setupServer(
    http.post('https://ows.omeda.com/webservices/rest/brand/:brand/omail/deployment/cancel/*', () =>
      HttpResponse.json(JSON.parse(scenario.baseline.body)),
    ),
  );
  plain.listen({ onUnhandledRequest: 'error' });
  const plainMicros = await time();
  plain.close();
  return { mockMicrosPerRequest: mockMicros, plainMswMicrosPerRequest: plainMicros, ratio: mockMicros / plainMicros };
}

/** The omeda scenario with and without a session prefix, alternating; then first-request and memory. */
async function benchSessions() {
  const creation = await benchSessionCreation();
  const { scenario } = (await import('./scenarios/omeda.ts')) as { scenario: BenchScenario };
  const inSession: BenchScenario = {
    ...scenario,
    name: `${scenario.name} in a session`,
    request: (index) => {
      const built = scenario.request(index);
      return { ...built, path: `/__session/bench${built.path}` };
    },
  };
  const mock = await startMock();
  let perRequest: { without: Load; with: Load; ratio: number };
  let first: Awaited<ReturnType<typeof benchFirstRequest>>;
  try {
    for (const base of [mock.url, `${mock.url}/__session/bench`]) {
      const put = await fetch(`${base}/__admin/state`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(scenario.state(records)),
      });
      if (!put.ok) throw new Error(`PUT ${base}/__admin/state: ${put.status} ${await put.text()}`);
    }
    const withoutCounter = { next: 0 };
    const withCounter = { next: 0 };
    const without: Load[] = [];
    const withSession: Load[] = [];
    for (let round = 0; round < rounds; round++) {
      without.push(await load(mock.url, scenario, withoutCounter));
      withSession.push(await load(mock.url, inSession, withCounter));
    }
    const ratios = withSession.map((loaded, index) => loaded.rps / (without[index]?.rps ?? Number.NaN));
    perRequest = { without: medianLoad(without), with: medianLoad(withSession), ratio: median(ratios) };
    first = await benchFirstRequest(mock.url);
  } finally {
    await stop(mock);
  }
  const fresh = await startMock();
  try {
    const memory = await benchSessionMemory(fresh.url, fresh.child.pid as number, Number(values.sessions));
    return { creation, perRequest, first, memory };
  } finally {
    await stop(fresh);
  }
}

function printSessions(sessions: Awaited<ReturnType<typeof benchSessions>>): void {
  const { creation, perRequest, first, memory } = sessions;
  console.log(
    `\nsessions: creating one (engine + default dataset, in-process): median ${creation.medianMs.toFixed(2)} ms, p95 ${creation.p95Ms.toFixed(2)} ms over ${creation.count}`,
  );
  console.log(
    `sessions: first request of a new session ${first.firstMs.toFixed(2)} ms, next request ${first.nextMs.toFixed(2)} ms (HTTP, sequential medians)`,
  );
  console.log(
    `sessions: omeda cancel without a session ${perRequest.without.rps.toFixed(0)} req/s (p50 ${perRequest.without.p50} ms), in a session ${perRequest.with.rps.toFixed(0)} req/s (p50 ${perRequest.with.p50} ms), ratio ${perRequest.ratio.toFixed(2)}`,
  );
  console.log(
    `sessions: ${memory.samples.at(-1)?.sessions} created (bound ${memory.maxSessions}, ${memory.live} live at the end, ${memory.failures} failed): RSS ${memory.samples.map((sample) => `${sample.sessions}→${sample.rssMiB} MiB`).join(', ')}`,
  );
}

const format = (value: number, digits = 0) => value.toFixed(digits).padStart(8);
if (values['sessions-only']) {
  const sessions = await benchSessions();
  printSessions(sessions);
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(join(root, '.bench', 'sessions.json'), `${JSON.stringify({ date: new Date().toISOString(), ...sessions }, null, 2)}\n`);
  process.exit(0);
}
console.log(
  `esp-cancel-mock bench — ${connections} connections, ${rounds} alternating rounds of ${duration}s (mock, then bare; medians) after ${warmup}s warm-up, ${records} records, strict ${values.strict ? 'on' : 'off'}, node ${process.version}\n`,
);
const startup = await benchStartup();
console.log(
  `start-up to listening (median of 5): mock ${startup.mockMs.toFixed(0)} ms, bare node:http ${startup.bareMs.toFixed(0)} ms (mock's own cost ${startup.overheadMs.toFixed(0)} ms)\n`,
);
console.log('scenario                               mock req/s  p50 ms  p99 ms | bare req/s  p50 ms  p99 ms | ratio  unexpected');
const servers = [];
for (const scenario of await loadScenarios()) {
  const result = await benchServer(scenario);
  servers.push(result);
  const { mock, bare } = result;
  console.log(
    `${scenario.name.padEnd(38)} ${format(mock.rps)} ${format(mock.p50, 1)} ${format(mock.p99, 1)} | ${format(bare.rps)} ${format(bare.p50, 1)} ${format(bare.p99, 1)} | ${result.ratio.toFixed(2).padStart(5)}  ${mock.unexpected + mock.errors}`,
  );
}
const msw = await benchMsw();
console.log(
  `\nMSW, per request (omeda cancel, sequential): mock ${msw.mockMicrosPerRequest.toFixed(0)} µs, plain static MSW handler ${msw.plainMswMicrosPerRequest.toFixed(0)} µs, ratio ${msw.ratio.toFixed(2)}`,
);
const sessions = await benchSessions();
printSessions(sessions);
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(
  join(root, '.bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), connections, duration, records, strict: values.strict, startup, servers, msw, sessions }, null, 2)}\n`,
);
console.log('\nwritten to .bench/results.json');
