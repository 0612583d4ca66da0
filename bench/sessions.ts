/**
 * The sessions part of `npm run bench`:
 * - creation: a session's engine created and seeded in-process (specs and validators are shared), and
 *   over HTTP the first request of a new session beside a request in one that exists;
 * - cost per request: the same load with and without the `/__session/<id>` prefix (alternating rounds);
 * - memory: thousands of sessions created (one cancel each) against a server with the default bound,
 *   RSS sampled along the way, so it shows it stays flat once the bound is reached.
 */
import { readFileSync } from 'node:fs';
import { createEngine } from '../src/engine/create-engine.ts';
import { selectModules } from '../src/vendors.ts';

/** Median and 95th percentile of in-process session creation (engine + seeded default dataset). */
export async function benchSessionCreation(count = 2000): Promise<{ medianMs: number; p95Ms: number; count: number }> {
  const engine = createEngine({ modules: selectModules() });
  await engine.ready;
  for (let index = 0; index < 100; index++) await engine.createSession().ready;
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    await engine.createSession().ready;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(count / 2)] ?? 0, p95Ms: times[Math.floor(count * 0.95)] ?? 0, count };
}

const CANCEL = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';
const cancel = (base: string) =>
  fetch(`${base}${CANCEL}`, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'bench', 'content-type': 'application/json' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  }).then(async (response) => {
    await response.text();
    return response.status;
  });

/**
 * Over HTTP, sequentially: the latency of the first request of a new session (it creates the session)
 * beside the second request of the same session, medians of `count` sessions.
 */
export async function benchFirstRequest(url: string, count = 500): Promise<{ firstMs: number; nextMs: number }> {
  const first: number[] = [];
  const next: number[] = [];
  for (let index = 0; index < count; index++) {
    const base = `${url}/__session/first-${index}`;
    let started = performance.now();
    await cancel(base);
    first.push(performance.now() - started);
    started = performance.now();
    await cancel(base);
    next.push(performance.now() - started);
    await fetch(`${url}/__admin/sessions/first-${index}`, { method: 'DELETE' });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return { firstMs: median(first), nextMs: median(next) };
}

/**
 * Creates `total` sessions, one cancel each (32 in flight), against a server whose bound is its
 * default; samples the server's RSS every `every` sessions. Returns the samples and the live count.
 */
export async function benchSessionMemory(
  url: string,
  pid: number,
  total = 10_000,
  every = 2000,
): Promise<{ samples: Array<{ sessions: number; rssMiB: number }>; live: number; maxSessions: number; failures: number }> {
  const rssMiB = () => {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return Math.round((Number(line?.[1] ?? 0) / 1024) * 10) / 10;
  };
  const samples = [{ sessions: 0, rssMiB: rssMiB() }];
  let created = 0;
  let failures = 0;
  const worker = async () => {
    while (created < total) {
      const id = created++;
      if ((await cancel(`${url}/__session/soak-${id}`)) !== 200) failures++;
      if ((id + 1) % every === 0) samples.push({ sessions: id + 1, rssMiB: rssMiB() });
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  const listing = (await (await fetch(`${url}/__admin/sessions`)).json()) as { count: number; maxSessions: number };
  return { samples, live: listing.count, maxSessions: listing.maxSessions, failures };
}
