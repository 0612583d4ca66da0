import { expect, it } from 'vitest';
import { defineMomentumCases } from './momentum.cases.ts';
import { defineOmedaCases } from './omeda.cases.ts';
import { defineSfmcCases } from './sfmc.cases.ts';
import { useProxyTarget } from './support/proxy-target.ts';
import { defineVoltMxCases } from './voltmx.cases.ts';

const target = useProxyTarget();
defineMomentumCases(target);
defineOmedaCases(target);
defineSfmcCases(target);
defineVoltMxCases(target);

// Vitest runs a file's tests in order: this one sees the traffic of every suite above.
it('finds no drift over the whole vendor suite when the upstream is the mock itself', () => {
  const report = target.report();
  expect(report.exchanges).toBeGreaterThan(200);
  expect(report.upstreamFailures).toBe(0);
  // The suites also exercise the mock's own controls (a malformed Prefer header, a forced status the
  // operation does not document): the upstream mock answers those with its own problem+json, which no
  // vendor spec documents. Every other answer must be drift-free.
  const drifting = target.proxyJournal().filter((entry) => entry.validation.response.length > 0);
  const vendorAnswers = drifting.filter((entry) => !entry.response.body.includes('"urn:esp-cancel-mock:problem:'));
  expect(vendorAnswers).toEqual([]);
  expect(report.drift).toBe(drifting.length);
  expect(drifting.map((entry) => entry.response.status)).toEqual(drifting.map(() => 400));
});
