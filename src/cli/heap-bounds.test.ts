import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { heapFlagsGiven, YOUNG_GENERATION_CAP_BYTES } from './heap-bounds.ts';

const run = promisify(execFile);
const FIXTURE = new URL('../../test/fixtures/heap/young-generation-growth.ts', import.meta.url).pathname;
const STATE_WRITE_FIXTURE = new URL('../../test/fixtures/heap/state-write-burst.ts', import.meta.url).pathname;

/** The largest young generation a fresh node reached under a fixture's load. */
async function largestYoungGeneration(mode: 'bounded' | 'defaults' | 'traced' | 'untraced', fixture = FIXTURE): Promise<number> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', fixture, mode]);
  return Number.parseInt(stdout, 10);
}

describe('heap bounds', () => {
  it('keeps the young generation at the cap under a load that doubles it past the cap with V8 defaults', async () => {
    const [bounded, defaults] = await Promise.all([largestYoungGeneration('bounded'), largestYoungGeneration('defaults')]);
    expect(defaults).toBeGreaterThan(YOUNG_GENERATION_CAP_BYTES);
    expect(bounded).toBeGreaterThan(0);
    expect(bounded).toBeLessThanOrEqual(YOUNG_GENERATION_CAP_BYTES);
  }, 60_000);

  it('holds the young generation through state writes whose bursts grow it past the cap outside the state-write channel', async () => {
    const [traced, untraced] = await Promise.all([
      largestYoungGeneration('traced', STATE_WRITE_FIXTURE),
      largestYoungGeneration('untraced', STATE_WRITE_FIXTURE),
    ]);
    expect(untraced).toBeGreaterThan(YOUNG_GENERATION_CAP_BYTES);
    expect(traced).toBeGreaterThan(0);
    expect(traced).toBeLessThanOrEqual(YOUNG_GENERATION_CAP_BYTES);
  }, 60_000);

  it("leaves the heap to node's own flags, given on the command line or in NODE_OPTIONS", () => {
    expect(heapFlagsGiven(['--max-semi-space-size=8', '--heap-growing-percent=50'], undefined)).toBe(true);
    expect(heapFlagsGiven(['--heap-growing-percent=30'], undefined)).toBe(true);
    expect(heapFlagsGiven([], '--max-semi-space-size=16')).toBe(true);
    expect(heapFlagsGiven(['--enable-source-maps'], '--max-old-space-size=512')).toBe(false);
    expect(heapFlagsGiven([], undefined)).toBe(false);
  });
});
