import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type SpawnedCli, spawnCli } from './support/spawn-cli.ts';

const REPORT_V8_FLAGS = fileURLToPath(new URL('fixtures/heap/report-v8-flags.cjs', import.meta.url));
const REPORT_STATE_WRITES = fileURLToPath(new URL('fixtures/heap/report-state-writes.cjs', import.meta.url));
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
  running = spawnCli(args, { nodeArgs: ['-r', REPORT_V8_FLAGS, '-r', REPORT_STATE_WRITES], env });
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

it('bounds the heap of serve with a state file before it loads the file, and holds it through the load', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'state-')), 'state.json');
  writeFileSync(file, JSON.stringify({ omeda: { deployments: [] } }));
  const output = await outputOf([...COMMANDS.serve, '--state-file', file]);
  const order = ['v8 flags: --heap-growing-percent=50', 'state write: start (state-file)', 'state write: end (state-file)', 'listening on'];
  const at = order.map((line) => output.indexOf(line));
  expect(at.every((index) => index >= 0)).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
  const during = output.slice(at[1], at[2]);
  expect(during).not.toContain('--semi-space-growth-factor=2');
}, 60_000);

it('bounds the heap of serve before it answers a state write that waited in the socket while the engine was built', async () => {
  running = spawnCli(COMMANDS.serve, { nodeArgs: ['-r', REPORT_V8_FLAGS, '-r', REPORT_STATE_WRITES] });
  const started = await running.started;
  if (!('url' in started)) throw new Error(`exited ${started.code}: ${running.output()}`);
  const response = await fetch(`${started.url}/__admin/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ omeda: { deployments: [] } }),
  });
  expect(response.status).toBe(200);
  const output = running.output();
  const bound = output.indexOf(BOUNDS);
  expect(bound).toBeGreaterThan(output.indexOf('listening on'));
  expect(bound).toBeLessThan(output.indexOf('state write: start (admin)'));
}, 60_000);
