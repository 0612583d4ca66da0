import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { judgeAnswer, toFetchRequest } from '../bench/fuzz/judge-answer.ts';
import { requestArbitrary } from '../bench/fuzz/request-arbitrary.ts';
import { listSpecOperations } from '../bench/fuzz/spec-operations.ts';
import { createMock } from '../src/msw.ts';
import { type RunningServer, startServer } from '../src/server.ts';

const OPERATIONS = listSpecOperations();
const mock = createMock({ strict: true });
let server: RunningServer;
let defaults: unknown;
beforeAll(async () => {
  server = await startServer({ port: 0, strict: true });
  defaults = await mock.getState();
});
afterAll(() => server.close());

/** fast-check's seed comes from the environment so a failing run replays: FUZZ_SEED=<seed printed>. */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

it('covers every operation of every spec', () => {
  expect(OPERATIONS.map((operation) => operation.id)).toHaveLength(20);
});

it.each(OPERATIONS.map((operation) => [operation.id, operation] as const))(
  'answers generated requests to %s in-process with documented answers or catalogued problems only',
  async (_id, operation) => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(operation), async ({ request }) => {
        const response = await mock.fetch(toFetchRequest('http://fuzz.test', request));
        const judged = judgeAnswer(response.status, response.headers.get('content-type'), await response.text(), request.method);
        expect(judged.reason ?? judged.verdict).not.toBe('undocumented');
        expect(judged.verdict).not.toBe('undocumented');
      }),
      { numRuns: 60, seed: SEED },
    );
    expect(mock.journal.entries().every((entry) => entry.validation.response.length === 0)).toBe(true);
  },
);

it.each(OPERATIONS.map((operation) => [operation.id, operation] as const))(
  'answers generated requests to %s over the server with documented answers or catalogued problems only',
  async (_id, operation) => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(operation), async ({ request }) => {
        const response = await fetch(toFetchRequest(server.url, request));
        const judged = judgeAnswer(response.status, response.headers.get('content-type'), await response.text(), request.method);
        expect(judged.reason ?? judged.verdict).not.toBe('undocumented');
      }),
      { numRuns: 25, seed: SEED },
    );
  },
);

it('keeps every record valid against its schema after the fuzzing, and reset restores the default dataset exactly', async () => {
  const after = await mock.getState();
  await expect(mock.setState(after)).resolves.toBeUndefined();
  await mock.reset();
  expect(await mock.getState()).toEqual(defaults);
  const served = await (await fetch(`${server.url}/__admin/state`)).json();
  await fetch(`${server.url}/__admin/state`, { method: 'PUT', body: JSON.stringify(served) }).then((r) => expect(r.status).toBe(200));
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
  expect(await (await fetch(`${server.url}/__admin/state`)).json()).toEqual(defaults);
});
