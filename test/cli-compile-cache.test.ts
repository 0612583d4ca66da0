import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/esp-cancel-mock.mjs', import.meta.url));
const REPORT_COMPILE_CACHE = fileURLToPath(new URL('fixtures/compile-cache/report-compile-cache.cjs', import.meta.url));
const { version } = (await import('../package.json', { with: { type: 'json' } })).default;

describe('the built bin', () => {
  it("turns on Node's compile cache once, before its commands run", () => {
    const output = execFileSync(process.execPath, ['-r', REPORT_COMPILE_CACHE, BIN, '--version'], { encoding: 'utf8', timeout: 20_000 });
    expect(output).toBe(`compile cache enabled\n${version}\n`);
  });
});
