/**
 * `npm run soak`: the fuzz + soak run against a real server (strict mode) in a child process.
 *
 *   npm run soak                          ≥10,000 generated requests per operation of every spec
 *   npm run soak -- --seed 123            replay a run (the seed is printed)
 *   npm run soak -- --per-operation 2000  a shorter run
 *   npm run soak -- --journal             1,000,000 valid requests: RSS sampled every 5 s and judged flat
 *                                         (bounded journal); `--requests 200000`, `--max-minutes 10`
 *   npm run soak -- --pin                 server on core 0, this process on core 1 (as `npm run bench`)
 *   npm run soak -- --server <cli.mjs>    soak another build (an A/B against an older dist)
 *   npm run soak -- --hostile             what an adversarial client sends (repeated names, deep nesting,
 *                                         prototype keys, odd Hosts, refused admin writes), then SIGTERM
 *                                         with silent sockets open: every answer fast, shutdown bounded
 *
 * Prints requests sent, crashes (must be 0), undocumented answers (must be 0), RSS start/end and
 * latency percentiles; exits 1 when either count is not 0 or the store breaks its invariants. With
 * `--journal` it also prints the RSS samples and a flatness verdict (see `bench/rss-flatness.ts`), and
 * exits 1 when RSS still grows in the last quarter of the run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import type { FuzzRequest } from './fuzz/base-requests.ts';
import { HOSTILE_ADMIN, HOSTILE_HEADS, hostileRequests } from './fuzz/hostile-requests.ts';
import { judgeAnswer, toFetchRequest } from './fuzz/judge-answer.ts';
import { requestArbitrary } from './fuzz/request-arbitrary.ts';
import { listSpecOperations } from './fuzz/spec-operations.ts';
import { nodeCommand, pinSelf } from './pinned-process.ts';
import { judgeFlatness, type RssSample } from './rss-flatness.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    'per-operation': { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '32' },
    journal: { type: 'boolean', default: false },
    hostile: { type: 'boolean', default: false },
    requests: { type: 'string', default: '1000000' },
    'max-minutes': { type: 'string' },
    'sample-seconds': { type: 'string', default: '5' },
    pin: { type: 'boolean', default: false },
    server: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`npm run soak -- [options]

The fuzz + soak run against a real server (strict mode) in a child process; exits 1 on a crash, an
undocumented answer or a broken store invariant.

  --seed <n>             replay a run (the seed is printed)
  --per-operation <n>    generated requests per operation of every spec (default 10000)
  --concurrency <n>      requests in flight (default 32)
  --journal              1,000,000 valid requests instead: RSS sampled and judged flat (bounded journal)
  --requests <n>         with --journal: how many (default 1000000); --max-minutes <m> caps the time
  --sample-seconds <s>   with --journal: seconds between RSS samples (default 5)
  --pin                  server on core 0, this process on core 1 (as npm run bench)
  --server <cli.mjs>     soak another build (an A/B against an older dist)
  --hostile              what an adversarial client sends, then SIGTERM with silent sockets open
  -h, --help             this text`);
  process.exit(0);
}
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const perOperation = Number(values['per-operation']);
const concurrency = Number(values.concurrency);
console.log(`soak: seed ${seed} (replay with npm run soak -- --seed ${seed})`);

const CLI = values.server ?? fileURLToPath(new URL('../dist/esp-cancel-mock.mjs', import.meta.url));
const serveArgs = [CLI, 'serve', '--port', '0', '--strict', '--quiet', '--journal-size', '1000'];
const pinned = values.pin ? pinSelf() : false;
if (values.pin && !pinned) console.log('soak: --pin needs taskset and two cores; running unpinned');
const serverCommand = nodeCommand(serveArgs, pinned);
const child: ChildProcess = spawn(serverCommand.command, serverCommand.argv, { stdio: ['ignore', 'pipe', 'inherit'] });
let crashed = false;
child.once('exit', (code, signal) => {
  if (!stopping) {
    crashed = true;
    console.error(`soak: the server exited during the run (code ${code}, signal ${signal})`);
  }
});
let stopping = false;
// Never leave the server behind, whatever ends this script.
process.once('exit', () => child.kill('SIGTERM'));
const base = await new Promise<string>((resolve, reject) => {
  let text = '';
  child.stdout?.on('data', (data: Buffer) => {
    text += data.toString();
    const match = /listening on (http:\/\/\S+)/.exec(text);
    if (match) resolve(match[1] as string);
  });
  child.once('exit', () => reject(new Error(`the server did not start: ${text}`)));
});

const rssMiB = (): number => {
  const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Math.round((Number(line?.[1] ?? 0) / 1024) * 10) / 10;
};
const latencies: number[] = [];
let sent = 0;
let undocumented = 0;
let connectionErrors = 0;
const verdicts = new Map<string, number>();
const examples: string[] = [];

async function send(request: FuzzRequest, label: string): Promise<void> {
  const started = performance.now();
  try {
    const response = await fetch(toFetchRequest(base, request), { signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    latencies.push(performance.now() - started);
    const judged = judgeAnswer(response.status, response.headers.get('content-type'), text, request.method);
    verdicts.set(judged.verdict, (verdicts.get(judged.verdict) ?? 0) + 1);
    if (judged.verdict === 'undocumented') {
      undocumented++;
      if (examples.length < 5) examples.push(`${label}: ${request.method} ${request.path.slice(0, 120)} → ${judged.reason}`);
    }
  } catch (error) {
    connectionErrors++;
    if (examples.length < 5) examples.push(`${label}: ${request.method} ${request.path.slice(0, 120)} → ${(error as Error).message}`);
  }
  sent++;
}

/** Runs `count` requests from `next(i)` with `concurrency` in flight, until `deadline` (ms, `performance.now()`). */
async function drive(
  count: number,
  next: (index: number) => { request: FuzzRequest; label: string },
  deadline = Number.POSITIVE_INFINITY,
): Promise<void> {
  let index = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (index < count && !crashed && performance.now() < deadline) {
        const { request, label } = next(index++);
        await send(request, label);
      }
    }),
  );
}

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${base}/__admin${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const defaults = await (await admin('GET', '/state')).text();
const operations = listSpecOperations();
const rssStart = rssMiB();
const started = performance.now();
const rssSeries: string[] = [];
const rssSamples: RssSample[] = [];

/** Sends raw bytes and resolves with the status line's code (0 when the server closed without one). */
function sendRaw(text: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let data = '';
    socket.setTimeout(15_000, () => socket.destroy());
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Number(data.slice(9, 12)) || 0));
  });
}

/** Opens a connection that sends `text` (possibly nothing) and then stays silent. */
function openSilent(text: string): Promise<Socket> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      if (text) socket.write(text);
      resolve(socket);
    });
    socket.on('error', () => undefined);
  });
}

const hostileFindings: string[] = [];
if (values.hostile) {
  const hostile = hostileRequests();
  const rounds = 5;
  await drive(hostile.length * rounds, (index) => hostile[index % hostile.length] as { request: FuzzRequest; label: string });
  const stateBefore = await (await admin('GET', '/state')).text();
  const faultsBefore = await (await admin('GET', '/faults')).text();
  for (const [method, path, body] of HOSTILE_ADMIN) {
    const response = await fetch(`${base}/__admin${path}`, { method, ...(body ? { body } : {}) });
    if (response.status !== 400) hostileFindings.push(`${method} /__admin${path} ${body} answered ${response.status}, not 400`);
  }
  if ((await (await admin('GET', '/state')).text()) !== stateBefore) hostileFindings.push('a refused admin write changed the store');
  if ((await (await admin('GET', '/faults')).text()) !== faultsBefore) hostileFindings.push('a refused admin write changed the fault plan');
  for (const head of HOSTILE_HEADS) {
    const status = await sendRaw(head);
    if (status !== 400 && status !== 414) hostileFindings.push(`${JSON.stringify(head.slice(0, 60))} answered ${status}, not 400/414`);
  }
  const slowest = Math.max(...latencies);
  if (slowest > 5_000) hostileFindings.push(`the slowest hostile answer took ${Math.round(slowest)} ms (a stall)`);
} else if (values.journal) {
  const total = Number(values.requests);
  const bases = operations.map((operation) => operation.base);
  const maxMinutes = values['max-minutes'] === undefined ? Number.POSITIVE_INFINITY : Number(values['max-minutes']);
  const sample = () => rssSamples.push({ requests: sent, seconds: (performance.now() - started) / 1000, rssMiB: rssMiB() });
  sample();
  const sampler = setInterval(sample, Number(values['sample-seconds']) * 1000);
  await drive(
    total,
    (index) => {
      // Token logins add records by design (SFMC and Volt MX keep issued tokens): a reset every 100k
      // keeps the store's size fixed, so what is measured is the journal and the server itself.
      if (index % 100_000 === 0 && index > 0) void admin('POST', '/reset');
      return { request: bases[index % bases.length] as FuzzRequest, label: 'journal' };
    },
    started + maxMinutes * 60_000,
  );
  clearInterval(sampler);
  sample();
} else {
  for (const [position, operation] of operations.entries()) {
    const arbitrary = requestArbitrary(operation);
    // Sampled in batches: a run holds at most one batch of (possibly 1 MiB) bodies at a time.
    const batch = 500;
    for (let from = 0; from < perOperation && !crashed; from += batch) {
      const samples = fc.sample(arbitrary, { numRuns: Math.min(batch, perOperation - from), seed: seed + position * 100_003 + from });
      await drive(samples.length, (index) => {
        const sample = samples[index] as { kind: string; request: FuzzRequest };
        return { request: sample.request, label: `${operation.id} ${sample.kind}` };
      });
    }
    await admin('POST', '/reset');
    rssSeries.push(`${operation.id}: ${rssMiB()} MiB`);
    console.log(`  ${operation.id}: done, ${sent} sent so far, ${connectionErrors} connection errors`);
  }
}

const seconds = (performance.now() - started) / 1000;
let invariants = 'ok';
if (!crashed) {
  const state = await (await admin('GET', '/state')).text();
  if ((await admin('PUT', '/state', JSON.parse(state))).status !== 200) invariants = 'a record breaks its schema';
  await admin('POST', '/reset');
  if ((await (await admin('GET', '/state')).text()) !== defaults) invariants = 'reset did not restore the default dataset';
}
const rssEnd = crashed ? Number.NaN : rssMiB();
latencies.sort((a, b) => a - b);
const percentile = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(2);

const mode = values.hostile
  ? 'hostile (repeated names, deep nesting, prototype keys, odd Hosts, silent sockets at shutdown)'
  : values.journal
    ? 'journal (valid requests, bounded journal)'
    : `fuzz, ${perOperation} per operation × ${operations.length} operations`;
console.log(`mode:                 ${mode}`);
console.log(`requests sent:        ${sent} in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s, ${concurrency} in flight)`);
console.log(`crashes:              ${crashed ? 1 : 0}`);
console.log(`undocumented answers: ${undocumented}`);
console.log(`connection errors:    ${connectionErrors}`);
console.log(`answers:              ${[...verdicts].map(([verdict, count]) => `${verdict} ${count}`).join(', ')}`);
console.log(`store invariants:     ${invariants}`);
if (values.hostile) {
  // Shutdown with silent clients: connected and nothing sent, half the headers, a body short of its length.
  const sockets = await Promise.all([
    ...Array.from({ length: 10 }, () => openSilent('')),
    ...Array.from({ length: 10 }, () => openSilent('POST /v3.5/mailing/cancel HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half')),
    ...Array.from({ length: 10 }, () =>
      openSilent(
        'POST /v3.5/mailing/cancel HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"mid"',
      ),
    ),
  ]);
  stopping = true;
  const stopStarted = performance.now();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const bounded = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 45_000)),
  ]);
  const stopSeconds = (performance.now() - stopStarted) / 1000;
  for (const socket of sockets) socket.destroy();
  if (!bounded) hostileFindings.push('SIGTERM did not end the server within 45 s while silent clients were connected');
  console.log(`shutdown with 30 silent sockets: ${bounded ? `${stopSeconds.toFixed(1)} s` : 'not within 45 s'}`);
  console.log(`hostile findings:     ${hostileFindings.length === 0 ? 'none' : ''}`);
  for (const finding of hostileFindings) console.log(`  ${finding}`);
}
// The end is read after the store checks, which read and write the whole store: above the samples taken under load.
console.log(`RSS start/end:        ${rssStart} MiB → ${rssEnd} MiB (after the store checks)`);
if (rssSeries.length > 0) console.log(`RSS along the run:    ${rssSeries.join('; ')}`);
const flatness = values.journal && !crashed ? judgeFlatness(rssSamples) : undefined;
if (flatness) {
  const everyTenth = rssSamples.filter((_, index) => index % Math.max(1, Math.ceil(rssSamples.length / 20)) === 0);
  console.log(`RSS samples:          ${everyTenth.map((s) => `${Math.round(s.requests / 1000)}k ${s.rssMiB}`).join(', ')} MiB`);
  console.log(`RSS verdict:          ${flatness.flat ? 'flat' : 'GROWS'} (${flatness.summary})`);
}
console.log(`latency ms:           p50 ${percentile(0.5)}, p99 ${percentile(0.99)}, max ${percentile(1)}`);
for (const example of examples) console.log(`  ${example}`);
stopping = true;
child.kill('SIGTERM');
process.exit(
  crashed || undocumented > 0 || connectionErrors > 0 || invariants !== 'ok' || hostileFindings.length > 0 || flatness?.flat === false
    ? 1
    : 0,
);
