import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createDriftCheck } from '../src/msw.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { defineMomentumCases } from './momentum.cases.ts';
import { defineOmedaCases } from './omeda.cases.ts';
import { defineSfmcCases } from './sfmc.cases.ts';
import { adminControls } from './support/server-target.ts';
import type { Target } from './support/target.ts';
import { defineVoltMxCases } from './voltmx.cases.ts';

// The in-process drift check over the whole vendor suite: the suites call a strict mock server on
// loopback (the "sandbox"), MSW lets each vendor request through and checks it and its answer.
let upstream: RunningServer | undefined;
const check = createDriftCheck({ origins: 'any' });
const server = setupServer(
  ...check.handlers,
  // The upstream mock's own admin API is not vendor traffic: straight through, unchecked.
  http.all('*/__admin/*', () => passthrough()),
  http.all('*/__admin', () => passthrough()),
);
beforeAll(async () => {
  upstream = await startServer({ port: 0, strict: true });
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await upstream?.close();
});
const base = (): string => {
  if (!upstream) throw new Error('upstream not started');
  return upstream.url;
};
const target: Target = {
  transport: 'server',
  url: (_host, path) => `${base()}${path}`,
  origin: () => base(),
  ...adminControls(base),
};
beforeEach(() => target.reset());

defineMomentumCases(target);
defineOmedaCases(target);
defineSfmcCases(target);
defineVoltMxCases(target);

it('finds no drift in-process over the whole vendor suite when the sandbox is the mock itself', () => {
  const report = check.report();
  expect(report.exchanges).toBeGreaterThan(200);
  expect(report.upstreamFailures).toBe(0);
  // As through the server proxy: only the upstream mock's own 400 problems to the suites' forcing errors.
  const drifting = check.journal.entries().filter((entry) => entry.validation.response.length > 0);
  expect(drifting.filter((entry) => !entry.response.body.includes('"urn:esp-cancel-mock:problem:'))).toEqual([]);
  expect(drifting.map((entry) => entry.response.status)).toEqual(drifting.map(() => 400));
  expect(report.drift).toBe(drifting.length);
});
