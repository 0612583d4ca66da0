/**
 * A/B of start-up between two built copies of the package, interleaved (before, after, before, after…
 * in the same minutes, pinned like `npm run bench`), so the shared machine's load falls on both alike:
 * `npx tsx bench/startup-ab.ts --before ../other-checkout [--runs 9]`. Per run: a server (all vendors,
 * then `--vendors omeda`) from spawn to listening, with the CPU time it used to get there; then from
 * spawn to its first answer (an Omeda cancel sent the moment the listening line shows, answered by
 * every server here), with the CPU time to that answer; its RSS 1 s later; bare node:http and Hono +
 * ajv beside them; and one fresh in-process probe per copy (`bench/in-process-probe.mjs` of that
 * copy). Prints medians, after/before ratios and the load average.
 */
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './bench-stats.ts';
import {
  cpuMicros,
  loadAverage,
  memoryMiB,
  pinSelf,
  runNode,
  type Started,
  startPinned,
  stopProcess,
  withheldVariables,
} from './pinned-process.ts';
import type { BenchScenario } from './scenario.ts';
import { startVariant } from './server-rounds.ts';

const { values } = parseArgs({ options: { before: { type: 'string' }, runs: { type: 'string', default: '9' } } });
if (!values.before) throw new Error('usage: npx tsx bench/startup-ab.ts --before <a built checkout> [--runs 9]');
const trees = { before: resolve(values.before), after: resolve(import.meta.dirname, '..') };
const runs = Number(values.runs);
const pinned = pinSelf();
const withheld = withheldVariables();
const { scenario } = (await import('./scenarios/omeda.ts')) as { scenario: BenchScenario };

const samples = new Map<string, number[]>();
const add = (key: string, value: number) => samples.set(key, [...(samples.get(key) ?? []), value]);

/** Sends the scenario's first request and resolves with the status once the whole answer is read. */
function firstAnswer(url: string): Promise<number> {
  const { method, path, headers, body } = scenario.request(0);
  return new Promise((resolve, reject) => {
    const sent = request(`${url}${path}`, { method, headers: { ...headers, connection: 'close' } }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    sent.once('error', reject);
    sent.end(body);
  });
}

async function measure(key: string, start: () => Promise<Started>, rss: boolean): Promise<void> {
  const spawned = performance.now();
  const server = await start();
  add(`${key} ms`, server.msToListening);
  add(`${key} cpu ms`, cpuMicros(server.pid) / 1000);
  // A client that connects the moment the server says it listens: what a test run waits for.
  await firstAnswer(server.url);
  add(`${key} first answer ms`, performance.now() - spawned);
  add(`${key} first answer cpu ms`, cpuMicros(server.pid) / 1000);
  if (rss) {
    await new Promise((done) => setTimeout(done, 1000));
    add(`${key} idle RSS MiB`, memoryMiB(server.pid).rss);
  }
  await stopProcess(server);
}

const loads = [loadAverage()];
for (let run = 0; run < runs; run++) {
  for (const [name, tree] of run % 2 === 0 ? Object.entries(trees) : Object.entries(trees).reverse()) {
    const cli = join(tree, 'dist', 'esp-cancel-mock.mjs');
    await measure(`${name} all`, () => startPinned([cli, 'serve', '--port', '0', '--quiet'], pinned), true);
    await measure(`${name} omeda`, () => startPinned([cli, 'serve', '--port', '0', '--quiet', '--vendors', 'omeda'], pinned), false);
    const probe = JSON.parse(
      runNode([join(tree, 'bench', 'in-process-probe.mjs')], pinned, { PROBE: '{"further":5,"resets":5}' })
        .trim()
        .split('\n')
        .at(-1) ?? '{}',
    ) as { importMs: number; firstCreateMs: number; rssMiB: number };
    add(`${name} import ms`, probe.importMs);
    add(`${name} first createMock ms`, probe.firstCreateMs);
    add(`${name} import + first createMock ms`, probe.importMs + probe.firstCreateMs);
    add(`${name} probe RSS MiB`, probe.rssMiB);
  }
  await measure('bare', () => startVariant('bare', scenario, { pinned, strict: false }), run === 0);
  await measure('Hono + ajv', () => startVariant('honoAjv', scenario, { pinned, strict: false }), run === 0);
  loads.push(loadAverage());
}

const of = (key: string) => median(samples.get(key) ?? []);
console.log(
  `start-up A/B, ${runs} interleaved runs, medians; load average ${loads.join(' → ')}${withheld.length > 0 ? `; started without ${withheld.join(', ')}` : ''}`,
);
for (const figure of [
  'all ms',
  'all cpu ms',
  'all first answer ms',
  'all first answer cpu ms',
  'all idle RSS MiB',
  'omeda ms',
  'omeda cpu ms',
  'omeda first answer ms',
  'omeda first answer cpu ms',
  'import ms',
  'first createMock ms',
  'import + first createMock ms',
  'probe RSS MiB',
]) {
  const before = of(`before ${figure}`);
  const after = of(`after ${figure}`);
  console.log(
    `  ${figure.padEnd(30)} before ${before.toFixed(1).padStart(7)}  after ${after.toFixed(1).padStart(7)}  after/before ${(after / before).toFixed(2)}`,
  );
}
const bare = of('bare ms');
const honoAjv = of('Hono + ajv ms');
console.log(
  `  bare node:http ${bare.toFixed(1)} ms (cpu ${of('bare cpu ms').toFixed(1)} ms, idle RSS ${of('bare idle RSS MiB').toFixed(1)} MiB); Hono + ajv ${honoAjv.toFixed(1)} ms (cpu ${of('Hono + ajv cpu ms').toFixed(1)} ms, idle RSS ${of('Hono + ajv idle RSS MiB').toFixed(1)} MiB)`,
);
console.log(
  `  first answer: bare node:http ${of('bare first answer ms').toFixed(1)} ms (cpu ${of('bare first answer cpu ms').toFixed(1)} ms); Hono + ajv ${of('Hono + ajv first answer ms').toFixed(1)} ms (cpu ${of('Hono + ajv first answer cpu ms').toFixed(1)} ms)`,
);
for (const name of ['before', 'after']) {
  const all = of(`${name} all ms`);
  const answered = of(`${name} all first answer ms`);
  console.log(
    `  ${name}: server start / bare ${(all / bare).toFixed(2)}×, / Hono + ajv ${(all / honoAjv).toFixed(2)}×; first answer / bare ${(answered / of('bare first answer ms')).toFixed(2)}×, / Hono + ajv ${(answered / of('Hono + ajv first answer ms')).toFixed(2)}×`,
  );
}
