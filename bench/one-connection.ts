/**
 * The bench's one-connection latency: sequential requests on one keep-alive connection, timed at the
 * client, after a tenth as many unmeasured.
 */
import { Agent, request as httpRequest } from 'node:http';
import { median } from './bench-stats.ts';
import type { Started } from './pinned-process.ts';
import type { BenchRequest, BenchScenario } from './scenario.ts';

/** How many requests `oneConnectionP50` sends for a p50 of `count`: they and the warm-up before them. */
export const sentFor = (count: number): number => count + Math.ceil(count / 10);

/** p50 of `count` sequential requests on one keep-alive connection, in µs (after 10% warm-up). */
export async function oneConnectionP50(server: Started, scenario: BenchScenario, count: number, firstIndex: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(server.url);
  const send = (built: BenchRequest) =>
    new Promise<void>((resolve, reject) => {
      const outgoing = httpRequest(
        { agent, host: url.hostname, port: url.port, method: built.method, path: built.path, headers: built.headers },
        (response) => {
          response.resume();
          response.once('end', () => resolve());
        },
      );
      outgoing.once('error', reject);
      outgoing.end(built.body);
    });
  const times: number[] = [];
  try {
    const warm = sentFor(count) - count;
    for (let index = 0; index < warm + count; index++) {
      const built = scenario.request(firstIndex + index);
      const started = performance.now();
      await send(built);
      if (index >= warm) times.push((performance.now() - started) * 1000);
    }
  } finally {
    agent.destroy();
  }
  return median(times);
}
