/**
 * The package's size budget (run by `npm run lint:package`, so CI checks it): what `npm pack` would
 * publish must stay under 300 kB packed and 1 MB unpacked, hold no source maps, and hold the LICENSE.
 * Prints the sizes.
 *
 * @see https://docs.npmjs.com/cli/v11/commands/npm-pack
 */
import { execFileSync } from 'node:child_process';

const BUDGET = { packedBytes: 300_000, unpackedBytes: 1_000_000 } as const;

interface PackResult {
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

// --ignore-scripts: measure the dist/ already built, without running `prepare` (a full build) again.
const [result] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
) as PackResult[];
if (!result) throw new Error('npm pack --dry-run printed no result');
const problems = [
  ...(result.size > BUDGET.packedBytes ? [`packed ${result.size} B is over the budget of ${BUDGET.packedBytes} B`] : []),
  ...(result.unpackedSize > BUDGET.unpackedBytes
    ? [`unpacked ${result.unpackedSize} B is over the budget of ${BUDGET.unpackedBytes} B`]
    : []),
  ...result.files.filter((file) => file.path.endsWith('.map')).map((file) => `${file.path}: source maps are not published`),
  ...(result.files.some((file) => file.path === 'dist/esp-cancel-mock.mjs')
    ? []
    : ['dist/esp-cancel-mock.mjs is missing: run `npm run build`']),
  // package.json says MIT, whose terms ask that the notice travel with every copy.
  ...(result.files.some((file) => file.path === 'LICENSE') ? [] : ['LICENSE is missing from the package']),
];
console.log(`package: ${result.size} B packed, ${result.unpackedSize} B unpacked, ${result.entryCount} files`);
if (problems.length > 0) {
  console.error(problems.map((problem) => `size budget: ${problem}`).join('\n'));
  process.exit(1);
}
