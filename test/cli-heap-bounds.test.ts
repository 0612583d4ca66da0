import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type SpawnedCli, spawnCli } from './support/spawn-cli.ts';

const REPORT_V8_FLAGS = fileURLToPath(new URL('fixtures/heap/report-v8-flags.cjs', import.meta.url));
const BOUNDS = 'v8 flags: --heap-growing-percent=50 --semi-space-growth-factor=1';
const COMMANDS = {
  serve: ['serve', '--port', '0', '--quiet', '--vendors', 'omeda'],
  proxy: ['proxy', '--target', 'omeda=http://127.0.0.1:9', '--port', '0', '--quiet'],
};

let running: SpawnedCli | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  running = undefined;
});

/** The command's output up to its stop, stopped a moment after it printed its listening line. */
async function outputOf(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  running = spawnCli(args, { nodeArgs: ['-r', REPORT_V8_FLAGS], env });
  const started = await running.started;
  if (!('url' in started)) throw new Error(`exited ${started.code}: ${running.output()}`);
  await new Promise((done) => setTimeout(done, 200));
  running.child.kill('SIGTERM');
  await running.exited;
  return running.output();
}

describe.each(Object.entries(COMMANDS))('%s', (_, args) => {
  it('bounds its heap after printing that it listens', async () => {
    const output = await outputOf(args);
    expect(output).toContain(BOUNDS);
    expect(output.indexOf(BOUNDS)).toBeGreaterThan(output.indexOf('listening on'));
  }, 60_000);

  it("leaves the heap to node's own heap flags", async () => {
    const output = await outputOf(args, { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=16` });
    expect(output).toContain('listening on');
    expect(output).not.toContain('v8 flags:');
  }, 60_000);
});
