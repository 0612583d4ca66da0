/**
 * One fresh process of the in-process request bench (run by bench/in-process.ts): the per-request cost
 * of one vendor's scenario through the built `esp-cancel-mock/msw` (strict on, its default) beside a
 * plain MSW handler answering the scenario's fixed baseline on the same route, sequential `fetch`es.
 * After a warm-up of each side in turn, blocks of a quarter round alternate between the two, forwards
 * and backwards; the ratio is the median of each block pair's own ratio (the blocks of a pair are a
 * second or so apart, where the machine's speed moves over minutes). Configured by argv: `<vendor>
 * <requests per round> <rounds>`. Prints one JSON line.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { BenchScenario } from './scenario.ts';

const [vendor = 'omeda', countText = '2000', roundsText = '3'] = process.argv.slice(2);
const count = Number(countText);
const rounds = Number(roundsText);
const { scenario } = (await import(`./scenarios/${vendor}.ts`)) as { scenario: BenchScenario };
// The built package, as an app's test loads it (a string path: dist/ has no declarations beside it).
const distEntry: string = '../dist/msw.mjs';
const { createMock } = (await import(distEntry)) as typeof import('../src/msw.ts');

const send = (index: number) => {
  const built = scenario.request(index);
  return fetch(`${scenario.origin}${built.path}`, {
    method: built.method,
    headers: built.headers,
    ...(built.body === undefined ? {} : { body: built.body }),
  }).then((response) => response.text());
};

/** Each side's requests so far: the mock's cancel distinct records; the plain handler's see the same requests. */
const sent = { mock: 0, plain: 0 };

/** µs per request over `requests` sequential requests of one side. */
async function time(side: keyof typeof sent, requests: number): Promise<number> {
  const first = sent[side];
  sent[side] += requests;
  const started = performance.now();
  for (let index = first; index < first + requests; index++) await send(index);
  return ((performance.now() - started) / requests) * 1000;
}

// Blocks of a quarter of a round's requests, so each round is four block pairs (`rounds` × 4 pairs).
const blockRequests = Math.max(1, Math.ceil(count / 4));
const pairs = rounds * 4;
/** Unmeasured first: each side twice, in turn, so that the code both share is optimised for both. */
const WARM_UP = [1000, 1000];
const warmUpEach = WARM_UP.reduce((sum, requests) => sum + requests, 0);
const records = warmUpEach + pairs * blockRequests;

const mock = createMock({ vendors: [vendor] });
await mock.setState(scenario.state(records));
const withMock = setupServer(...mock.handlers);
const plain = setupServer(
  http.all(`${scenario.origin}${scenario.baseline.route.path}`, () =>
    HttpResponse.text(scenario.baseline.body, {
      status: scenario.baseline.status,
      headers: { 'content-type': scenario.baseline.contentType },
    }),
  ),
);
const servers = { mock: withMock, plain };
async function block(side: keyof typeof sent, requests: number): Promise<number> {
  servers[side].listen({ onUnhandledRequest: 'error' });
  try {
    return await time(side, requests);
  } finally {
    servers[side].close();
  }
}

for (const requests of WARM_UP) {
  await block('mock', requests);
  await block('plain', requests);
}
const mockTimes: number[] = [];
const plainTimes: number[] = [];
const ratios: number[] = [];
for (let pair = 0; pair < pairs; pair++) {
  // Forwards, then backwards: neither side always follows the other.
  const order = pair % 2 === 0 ? (['mock', 'plain'] as const) : (['plain', 'mock'] as const);
  const times = { mock: 0, plain: 0 };
  for (const side of order) times[side] = await block(side, blockRequests);
  mockTimes.push(times.mock);
  plainTimes.push(times.plain);
  ratios.push(times.mock / times.plain);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const unexpected = mock.journal.entries().filter((entry) => entry.response.status !== scenario.expectedStatus).length;
console.log(
  JSON.stringify({
    vendor,
    mockMicros: median(mockTimes),
    plainMicros: median(plainTimes),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
    layout: { warmUpEach, pairs, blockRequests },
    unexpectedInJournal: unexpected,
  }),
);
