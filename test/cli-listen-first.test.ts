import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = new URL('../dist/esp-cancel-mock.mjs', import.meta.url).pathname;
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/**
 * Starts the built binary and resolves with its URL the moment it prints its listening line, when
 * it is still loading its engine: `serve` listens first (src/cli/serve-command.ts).
 */
function serve(args: string[]): Promise<{ url: string; output: () => string; exit: Promise<number | null> }> {
  if (!existsSync(BIN)) throw new Error('dist/esp-cancel-mock.mjs is missing: run `npm run build` (npm test does).');
  const started = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = started;
  let output = '';
  const exit = new Promise<number | null>((resolve) => started.once('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    started.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)\n/.exec(output)?.[1];
      if (url) resolve({ url, output: () => output, exit });
    });
    exit.then((code) => reject(new Error(`exited ${code} before listening: ${output}`)));
  });
}

async function waitFor(source: () => string, pattern: RegExp): Promise<void> {
  for (let attempt = 0; attempt < 800 && !pattern.test(source()); attempt++) await new Promise((done) => setTimeout(done, 25));
  expect(source()).toMatch(pattern);
}

describe('serve, asked at once after its listening line', () => {
  it('answers a vendor request and the admin API as it does later, logs the request and stops cleanly', async () => {
    const server = await serve(['--vendors', 'omeda']);
    const [cancel, health] = await Promise.all([
      fetch(`${server.url}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
        method: 'POST',
        headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
        body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
      }),
      fetch(`${server.url}/__admin/health`),
    ]);
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toHaveProperty('SubmissionId');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', vendors: ['omeda'] });
    // Already cancelled: the state the first request left is the state the second one sees.
    const again = await fetch(`${server.url}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
      method: 'POST',
      headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
      body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
    });
    expect(again.status).not.toBe(200);
    await waitFor(
      server.output,
      /POST \/webservices\/rest\/brand\/ABC\/omail\/deployment\/cancel\/\* omeda\.cancelDeployment 200 [\d.]+ms\n/,
    );
    expect(server.output()).toMatch(/^esp-cancel-mock listening on \S+\nvendors: omeda\ndashboard: \S+\/__admin\/ui\n/);
    child?.kill('SIGTERM');
    expect(await server.exit).toBe(0);
  });

  it('finishes its start before it stops when signalled at once', async () => {
    const server = await serve(['--quiet']);
    const pending = fetch(`${server.url}/__admin/health`);
    // Time for the request to reach the server, not for the server to finish starting.
    await new Promise((done) => setTimeout(done, 20));
    child?.kill('SIGTERM');
    expect((await pending).status).toBe(200);
    expect(await server.exit).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing in-flight requests, then stopping');
  });
});
