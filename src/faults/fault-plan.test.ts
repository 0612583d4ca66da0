import { expect, it } from 'vitest';
import { createFaultInjector } from './fault-injector.ts';
import { findFaultRule, parseChaos, parseFaultPlan, parseLatency } from './fault-plan.ts';

it.each([
  ['a negative delay', { '*': { delayMs: -1 } }, /delayMs/],
  ['a range from high to low', { '*': { delayMs: [50, 10] } }, /delayMs/],
  ['a probability over 1', { '*': { status: 500, probability: 2 } }, /probability/],
  ['status and drop together', { '*': { status: 500, drop: true } }, /not both/],
  ['an unknown field', { '*': { latency: 5 } }, /unknown field latency/],
  ['an example without a status', { '*': { example: 'notFound' } }, /example names an example of a fixed status/],
  ['an example of a status drawn at random', { '*': { status: 'error', example: 'notFound' } }, /fixed status/],
  ['a probability of nothing', { 'omeda.cancelDeployment': { probability: 0 } }, /probability is the chance of a status or a drop/],
  ['a list instead of an object', [], /expected an object/],
])('refuses a fault plan with %s', (_name, plan, message) => {
  expect(() => parseFaultPlan(plan)).toThrow(message);
});

it.each([
  ['100', { delayMs: 100 }],
  ['50-200', { delayMs: [50, 200] }],
])('reads --latency %s', (text, rule) => {
  expect(parseLatency(text)).toEqual(rule);
});

it('reads --chaos 0.1 as a documented error one time in ten', () => {
  expect(parseChaos('0.1')).toEqual({ status: 'error', probability: 0.1 });
  expect(() => parseChaos('lots')).toThrow(/probability/);
});

it('picks the most specific rule: vendor.operationId, then operationId, then *', () => {
  const plan = { '*': { delayMs: 1 }, cancel: { delayMs: 2 }, 'omeda.cancel': { delayMs: 3 } };
  expect(findFaultRule(plan, 'omeda', 'cancel')).toEqual({ delayMs: 3 });
  expect(findFaultRule(plan, 'sfmc', 'cancel')).toEqual({ delayMs: 2 });
  expect(findFaultRule(plan, 'sfmc', 'perform')).toEqual({ delayMs: 1 });
  expect(findFaultRule({ cancel: { delayMs: 2 } }, 'sfmc', 'perform')).toBeUndefined();
});

it('takes the delay and the fault each from the most specific key that sets it', () => {
  const plan = {
    '*': { delayMs: [20, 80] as const, status: 'error' as const, probability: 0.1 },
    'omeda.cancel': { status: 404, example: 'notFound' },
    'sfmc.perform': { drop: true, probability: 0.05, delayMs: 5 },
    'voltmx.cancel': { delayMs: 0 },
    'momentum.cancel': { drop: false },
  };
  expect(findFaultRule(plan, 'omeda', 'cancel')).toEqual({ delayMs: [20, 80], status: 404, example: 'notFound' });
  expect(findFaultRule(plan, 'sfmc', 'perform')).toEqual({ delayMs: 5, drop: true, probability: 0.05 });
  expect(findFaultRule(plan, 'voltmx', 'cancel')).toEqual({ delayMs: 0, status: 'error', probability: 0.1 });
  expect(findFaultRule(plan, 'momentum', 'cancel')).toEqual({ delayMs: [20, 80], drop: false });
  expect(findFaultRule({ 'omeda.cancel': { status: 404 } }, 'omeda', 'cancel')).toEqual({ status: 404 });
});

it('draws the same decisions from the same seed and different ones from another', () => {
  const draw = (seed: number) => {
    const injector = createFaultInjector(seed);
    injector.set({ '*': { delayMs: [0, 100], status: 'error', probability: 0.5 } });
    return Array.from({ length: 50 }, () => injector.decide('v', 'op', [400, 404, 500]));
  };
  expect(draw(42)).toEqual(draw(42));
  expect(draw(42)).not.toEqual(draw(43));
  expect(draw(42).every((d) => d.delayMs >= 0 && d.delayMs <= 100)).toBe(true);
});

it('applies a drop with its probability only', () => {
  const injector = createFaultInjector(1);
  injector.set({ '*': { drop: true, probability: 0.25 } });
  const drops = Array.from({ length: 2000 }, () => injector.decide('v', 'op', [])).filter((d) => d.drop).length;
  expect(drops).toBeGreaterThan(400);
  expect(drops).toBeLessThan(600);
});

it('injects nothing once the plan is emptied, and the plan set after it again', () => {
  const injector = createFaultInjector(1);
  injector.set({ 'v.op': { status: 500 } });
  expect(injector.decide('v', 'op', [500])).toEqual({ delayMs: 0, drop: false, force: { status: 500 } });
  injector.set({});
  expect(injector.decide('v', 'op', [500])).toEqual({ delayMs: 0, drop: false });
  injector.set({ op: { delayMs: 5 } });
  expect(injector.decide('v', 'op', [500])).toEqual({ delayMs: 5, drop: false });
});
