/**
 * `npm run growth`: times each decoder, the store's bulk operations and the journal at n and 4n and
 * exits 1 when any grows clearly faster than linearly (see `bench/growth/measure-growth.ts`). CI runs
 * it (`.ci/growth.sh`); it is a harness of its own, not a timed unit test. It runs with a 64 MiB
 * semi-space: with V8's default young generation, a case that keeps everything it builds (the journal
 * recording n entries at ~0.6 µs each) measured the collector's steps as it copied and promoted them
 * (0.6 → 2 µs an entry from 16k to 64k entries, ratio 8-11), not the code's growth (ratio 2-3 with it).
 *
 *   npm run growth                 every case
 *   npm run growth -- --only form  cases whose name contains "form"
 */
import { parseArgs } from 'node:util';
import { GROWTH_CASES } from './growth/growth-cases.ts';
import { DEFAULT_GROWTH_OPTIONS, measureGrowth } from './growth/measure-growth.ts';

const { values } = parseArgs({
  options: { only: { type: 'string' }, 'max-ratio': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(`npm run growth -- [options]

Times each decoder, the store's bulk operations and the journal at n and 4n; exits 1 when one grows
clearly faster than linearly.

  --only <text>        cases whose name contains the text, e.g. store, journal, form
  --max-ratio <r>      the limit on t(4n)/t(n) for cases without their own (default ${DEFAULT_GROWTH_OPTIONS.maxRatio})
  -h, --help           this text`);
  process.exit(0);
}
const options = {
  ...DEFAULT_GROWTH_OPTIONS,
  ...(values['max-ratio'] ? { maxRatio: Number(values['max-ratio']) } : {}),
};
const cases = GROWTH_CASES.filter((growthCase) => !values.only || growthCase.name.includes(values.only));
console.log(
  `growth: ${cases.length} cases, t(4n)/t(n) must stay ≤ ${options.maxRatio} (linear ≈ 4, quadratic ≈ 16) unless a case sets its own`,
);
let failed = 0;
for (const growthCase of cases) {
  const result = await measureGrowth(growthCase, options);
  if (!result.ok) failed += 1;
  console.log(
    `${result.ok ? 'ok  ' : 'FAIL'} ${result.name}: n=${result.n} ${result.smallMs.toFixed(1)} ms, 4n ${result.largeMs.toFixed(1)} ms, ratio ${result.ratio.toFixed(1)}${result.maxRatio === options.maxRatio ? '' : ` (limit ${result.maxRatio})`}${result.attempts > 1 ? ` (attempt ${result.attempts})` : ''}`,
  );
}
console.log(failed === 0 ? 'growth: every case is linear' : `growth: ${failed} case(s) grow faster than their limit`);
process.exit(failed === 0 ? 0 : 1);
