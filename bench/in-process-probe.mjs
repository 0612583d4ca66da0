// One fresh process of the in-process start-up bench (run by bench/in-process.ts with plain node, as a
// vitest worker would load the built package): how long `import('msw')` + `msw/node` take (an app's
// test pays those anyway), then `import('esp-cancel-mock/msw')`, the first `createMock()` until its
// default dataset is ready, further `createMock()`s and `reset()`s. Configured by the PROBE environment
// variable: {"vendors":["omeda"],"further":20,"resets":50}. Prints one JSON line.
const probe = JSON.parse(process.env.PROBE ?? '{}');
const options = probe.vendors ? { vendors: probe.vendors } : {};
const since = (started) => performance.now() - started;

let started = performance.now();
await import('msw');
await import('msw/node');
const mswMs = since(started);

started = performance.now();
const { createMock } = await import('../dist/msw.mjs');
const importMs = since(started);

started = performance.now();
const first = createMock(options);
await first.ready;
const firstCreateMs = since(started);

const further = [];
for (let index = 0; index < (probe.further ?? 20); index++) {
  started = performance.now();
  const mock = createMock(options);
  await mock.ready;
  further.push(since(started));
}

const resets = [];
for (let index = 0; index < (probe.resets ?? 50); index++) {
  started = performance.now();
  await first.reset();
  resets.push(since(started));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
console.log(
  JSON.stringify({
    mswMs,
    importMs,
    firstCreateMs,
    furtherCreateMs: median(further),
    resetMs: median(resets),
    rssMiB: process.memoryUsage().rss / 2 ** 20,
  }),
);
