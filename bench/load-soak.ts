/**
 * `npx tsx bench/load-soak.ts`: resident memory of the pinned server over a long load of one vendor
 * scenario (issue: "flat over a 1M-request soak"). The server runs on one core, autocannon on the
 * other with 50 connections, as in `npm run bench`; `VmRSS` is read every few seconds and judged with
 * the soak's flatness rule (`bench/rss-flatness.ts`). `npm run soak -- --journal` covers every
 * operation with a fetch client; this one reaches a million requests in minutes.
 *
 *   npx tsx bench/load-soak.ts                          1,000,000 Omeda cancels, request log off
 *   npx tsx bench/load-soak.ts --only sfmc --log        another scenario, with the default request log
 *   npx tsx bench/load-soak.ts --node-flags="--max-semi-space-size=8 --heap-growing-percent=50"
 *                                                       (with `=`: parseArgs takes a separate value that
 *                                                       starts with `--` for an option of its own)
 *   npx tsx bench/load-soak.ts --requests 200000 --records 100000 --sample-seconds 2
 *
 * The first `--records` requests are real cancels; later ones repeat ids and get the documented
 * "already cancelled" answer, so both paths run. Exits 1 when RSS is not flat or a request failed.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadAverage, memoryMiB, pinSelf, startPinned, stopProcess } from './pinned-process.ts';
import { judgeFlatness, type RssSample } from './rss-flatness.ts';
import type { BenchScenario } from './scenario.ts';
import { scenarioRequests, seedMock } from './server-rounds.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'omeda' },
    requests: { type: 'string', default: '1000000' },
    records: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '50' },
    'sample-seconds': { type: 'string', default: '5' },
    log: { type: 'boolean', default: false },
    'node-flags': { type: 'string', default: '' },
  },
});
const total = Number(values.requests);
const records = Number(values.records);
const { scenario } = (await import(`./scenarios/${values.only}.ts`)) as { scenario: BenchScenario };
const pinned = pinSelf();
const nodeFlags = (values['node-flags'] ?? '').split(' ').filter(Boolean);
const server = await startPinned(
  [...nodeFlags, 'dist/esp-cancel-mock.mjs', 'serve', '--port', '0', ...(values.log ? [] : ['--quiet'])],
  pinned,
  { NO_COLOR: '1' },
);
try {
  await seedMock(server, scenario, records);
  const samples: RssSample[] = [];
  const started = performance.now();
  let answered = 0;
  const sample = () =>
    samples.push({ requests: answered, seconds: (performance.now() - started) / 1000, rssMiB: memoryMiB(server.pid).rss });
  sample();
  const sampler = setInterval(sample, Number(values['sample-seconds']) * 1000);
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections: Number(values.connections),
        amount: total,
        requests: scenarioRequests(scenario, () => next++ % records),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', () => {
      answered += 1;
    });
  });
  clearInterval(sampler);
  sample();
  const statuses = Object.entries(result.statusCodeStats as Record<string, { count: number }>)
    .map(([status, stat]) => `${status}: ${stat.count}`)
    .join(', ');
  const verdict = judgeFlatness(samples);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `load soak: ${scenario.name}, ${answered} requests in ${seconds.toFixed(0)} s (${(answered / seconds).toFixed(0)} req/s), ` +
      `${values.connections} connections, ${pinned ? 'pinned' : 'NOT pinned'}, request log ${values.log ? 'on' : 'off'}` +
      `${nodeFlags.length > 0 ? `, node ${nodeFlags.join(' ')}` : ''}; load average ${loadAverage()}`,
  );
  console.log(`statuses ${statuses}; errors ${result.errors}, timeouts ${result.timeouts}`);
  console.log(`RSS MiB (k requests: MiB): ${samples.map((s) => `${Math.round(s.requests / 1000)}k ${s.rssMiB.toFixed(1)}`).join(', ')}`);
  console.log(`peak RSS ${memoryMiB(server.pid).peak.toFixed(1)} MiB; ${verdict.flat ? 'FLAT' : 'NOT FLAT'}: ${verdict.summary}`);
  process.exitCode = verdict.flat && result.errors === 0 && result.timeouts === 0 ? 0 : 1;
} finally {
  await stopProcess(server);
}
