/**
 * The sessions part of `npm run bench` on a pinned server: session creation in-process, the Omeda
 * cancel with and without the `/__session/<id>` prefix in alternating rounds (CPU per request too),
 * the first request of a new session, and RSS over thousands of sessions (see `bench/sessions.ts`).
 */

import { median } from './bench-stats.ts';
import { loadAverage, stopProcess } from './pinned-process.ts';
import type { BenchScenario } from './scenario.ts';
import { type Load, load, medianLoad, type ServerRunOptions, seedMock, startVariant } from './server-rounds.ts';
import { benchFirstRequest, benchSessionCreation, benchSessionMemory } from './sessions.ts';

export interface SessionsResult {
  readonly creation: Awaited<ReturnType<typeof benchSessionCreation>>;
  readonly perRequest: { readonly without: Load; readonly with: Load; readonly ratio: number };
  readonly first: Awaited<ReturnType<typeof benchFirstRequest>>;
  readonly memory: Awaited<ReturnType<typeof benchSessionMemory>>;
  readonly loadAverage: number;
}

export async function benchSessions(options: ServerRunOptions, sessions: number, creations: number): Promise<SessionsResult> {
  const creation = await benchSessionCreation(creations);
  const { scenario } = (await import('./scenarios/omeda.ts')) as { scenario: BenchScenario };
  const inSession: BenchScenario = {
    ...scenario,
    name: `${scenario.name} in a session`,
    request: (index) => {
      const built = scenario.request(index);
      return { ...built, path: `/__session/bench${built.path}` };
    },
  };
  const mock = await startVariant('mock', undefined, options);
  let perRequest: SessionsResult['perRequest'];
  let first: SessionsResult['first'];
  try {
    await seedMock(mock, scenario, options.records);
    await seedMock(mock, scenario, options.records, `${mock.url}/__session/bench`);
    const withoutCounter = { next: 0 };
    const withCounter = { next: 0 };
    const without: Load[] = [];
    const withSession: Load[] = [];
    for (let round = 0; round < options.rounds; round++) {
      without.push(await load(mock, scenario, withoutCounter, options));
      withSession.push(await load(mock, inSession, withCounter, options));
    }
    const ratios = withSession.map((loaded, index) => loaded.cpuMicrosPerRequest / (without[index]?.cpuMicrosPerRequest ?? Number.NaN));
    perRequest = { without: medianLoad(without), with: medianLoad(withSession), ratio: median(ratios) };
    first = await benchFirstRequest(mock.url, Math.min(500, Math.ceil(sessions / 20)));
  } finally {
    await stopProcess(mock);
  }
  const fresh = await startVariant('mock', undefined, options);
  try {
    const memory = await benchSessionMemory(fresh.url, fresh.pid, sessions, Math.max(1, Math.floor(sessions / 5)));
    return { creation, perRequest, first, memory, loadAverage: loadAverage() };
  } finally {
    await stopProcess(fresh);
  }
}

export function printSessions(sessions: SessionsResult): void {
  const { creation, perRequest, first, memory } = sessions;
  console.log(`sessions — load average ${sessions.loadAverage}`);
  console.log(
    `  creating one (engine + default dataset, in-process): median ${creation.medianMs.toFixed(2)} ms, p95 ${creation.p95Ms.toFixed(2)} ms over ${creation.count}`,
  );
  console.log(
    `  first request of a new session ${first.firstMs.toFixed(2)} ms, next request ${first.nextMs.toFixed(2)} ms (HTTP, sequential medians)`,
  );
  console.log(
    `  omeda cancel without a session ${perRequest.without.cpuMicrosPerRequest.toFixed(1)} µs CPU, ${perRequest.without.rps.toFixed(0)} req/s (p50 ${perRequest.without.p50} ms); ` +
      `in a session ${perRequest.with.cpuMicrosPerRequest.toFixed(1)} µs CPU, ${perRequest.with.rps.toFixed(0)} req/s (p50 ${perRequest.with.p50} ms); CPU ratio ${perRequest.ratio.toFixed(2)}`,
  );
  console.log(
    `  ${memory.samples.at(-1)?.sessions} created (bound ${memory.maxSessions}, ${memory.live} live at the end, ${memory.failures} failed): RSS ${memory.samples.map((sample) => `${sample.sessions}→${sample.rssMiB} MiB`).join(', ')}`,
  );
}
