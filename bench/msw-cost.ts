/**
 * One fresh process of the in-process request bench (run by bench/in-process.ts): the per-request cost
 * of one vendor's scenario through the built `esp-cancel-mock/msw` (strict on, its default) beside a
 * plain MSW handler answering the scenario's fixed baseline on the same route, sequential `fetch`es,
 * in alternating rounds. Configured by argv: `<vendor> <requests per round> <rounds>`. Prints one JSON line.
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

/** µs per request over `count` sequential requests numbered from `first`, after a short warm-up. */
async function time(first: number): Promise<number> {
  for (let index = 0; index < 100; index++) await send(first + index);
  const started = performance.now();
  for (let index = first + 100; index < first + 100 + count; index++) await send(index);
  return ((performance.now() - started) / count) * 1000;
}

const mock = createMock({ vendors: [vendor] });
await mock.setState(scenario.state((count + 100) * rounds));
const withMock = setupServer(...mock.handlers);
const plain = setupServer(
  http.all(`${scenario.origin}${scenario.baseline.route.path}`, () =>
    HttpResponse.text(scenario.baseline.body, {
      status: scenario.baseline.status,
      headers: { 'content-type': scenario.baseline.contentType },
    }),
  ),
);
const mockTimes: number[] = [];
const plainTimes: number[] = [];
for (let round = 0; round < rounds; round++) {
  withMock.listen({ onUnhandledRequest: 'error' });
  mockTimes.push(await time(round * (count + 100)));
  withMock.close();
  plain.listen({ onUnhandledRequest: 'error' });
  plainTimes.push(await time(round * (count + 100)));
  plain.close();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const mockMicros = median(mockTimes);
const plainMicros = median(plainTimes);
const unexpected = mock.journal.entries().filter((entry) => entry.response.status !== scenario.expectedStatus).length;
console.log(JSON.stringify({ vendor, mockMicros, plainMicros, ratio: mockMicros / plainMicros, unexpectedInJournal: unexpected }));
