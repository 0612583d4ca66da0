import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { useDriftingUpstream } from './support/drifting-upstream.ts';
import { runCli } from './support/run-cli.ts';
import { type SpawnedCli, spawnCli } from './support/spawn-cli.ts';

const upstream = useDriftingUpstream();
const APP_ID = 'omeda-app-secret-9d1';
const CANCEL = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';
let running: SpawnedCli | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  running = undefined;
});

/** Starts `esp-cancel-mock proxy` in front of the drifting upstream and returns its URL. */
async function startProxyCli(extra: readonly string[]): Promise<string> {
  running = spawnCli(['proxy', '--target', `omeda=${upstream.url}`, '--port', '0', ...extra]);
  const started = await running.started;
  if (!('url' in started)) throw new Error(`proxy exited ${started.code}: ${running.output()}`);
  return started.url;
}

const cancel = (base: string, trackId: string) =>
  fetch(`${base}${CANCEL}`, {
    method: 'POST',
    headers: { 'x-omeda-appid': APP_ID, 'content-type': 'application/json' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: trackId }),
  });

it('exits 1 on SIGTERM with --fail-on-drift after a drifting answer, logging drift, and writes a HAR that validate reads back', async () => {
  const har = join(mkdtempSync(join(tmpdir(), 'esp-proxy-')), 'traffic.har');
  const base = await startProxyCli(['--fail-on-drift', '--har', har]);
  expect((await cancel(base, 'FOO0102003002')).status).toBe(200);
  upstream.drift({ status: 418 });
  expect((await cancel(base, 'FOO0102003003')).status).toBe(418);
  running?.child.kill('SIGTERM');
  expect(await running?.exited).toBe(1);
  const output = running?.output() ?? '';
  expect(output).toMatch(/omeda\.cancelDeployment 418 \S+ drift: status: status 418 is not documented for this operation \(status\)/);
  expect(output).toMatch(/omeda\.cancelDeployment\s+2\s+0\s+1\s+0\s+200×1 418!×1/);
  expect(output).toContain('drift: 1 exchanges broke the specs (--fail-on-drift)');
  expect(output).not.toContain(APP_ID);

  const text = readFileSync(har, 'utf8');
  expect(text).not.toContain(APP_ID);
  expect((JSON.parse(text) as { log: { entries: unknown[] } }).log.entries).toHaveLength(2);
  const validated = await runCli(['validate', har]);
  expect(validated.code).toBe(1);
  expect(validated.stdout).toMatch(/^ok {3}entries\[0\] POST .* → 200 \[omeda\.cancelDeployment\]$/m);
  expect(validated.stdout).toMatch(/^FAIL entries\[1\] POST .* → 418 \[omeda\.cancelDeployment\]$/m);
  expect(validated.stdout).toContain('status 418 is not documented for this operation');
  expect(validated.stdout).toContain('2 exchanges, 1 with violations');
  // Two child processes (the proxy, then validate): generous on a loaded machine.
}, 90_000);

it('exits 0 on SIGTERM after a drifting answer without --fail-on-drift, still reporting it', async () => {
  const base = await startProxyCli(['--quiet']);
  upstream.drift({ contentType: 'text/plain' });
  expect((await cancel(base, 'FOO0102003002')).headers.get('content-type')).toBe('text/plain');
  const report = (await (await fetch(`${base}/__admin/report`)).json()) as { drift: number; operations: Array<{ firstDrift?: string }> };
  expect(report.drift).toBe(1);
  expect(report.operations[0]?.firstDrift).toContain("media type 'text/plain' is not documented");
  const journal = await (await fetch(`${base}/__admin/requests`)).text();
  expect(JSON.parse(journal)).toMatchObject({ requests: [{ operationId: 'omeda.cancelDeployment', response: { status: 200 } }] });
  expect(journal).toContain('"keyword":"mediaType"');
  expect(journal).not.toContain(APP_ID);
  expect(await (await fetch(`${base}/__admin/health`)).json()).toMatchObject({ status: 'ok', mode: 'proxy', vendors: ['omeda'] });
  expect((await fetch(`${base}/__admin/state`)).status).toBe(404);
  // HEAD wherever GET (RFC 9110 §9.3.2), and the 8 KiB target limit, as on the mock's admin API.
  const head = await fetch(`${base}/__admin/report`, { method: 'HEAD' });
  expect([head.status, head.headers.get('content-type'), await head.text()]).toEqual([200, 'application/json', '']);
  expect((await fetch(`${base}/__admin/requests?x=${'a'.repeat(8 * 1024)}`)).status).toBe(414);
  running?.child.kill('SIGTERM');
  expect(await running?.exited).toBe(0);
  expect(running?.output()).toContain('1 exchanges, 1 with drift');
}, 60_000);

it.each([
  [['proxy'], 'proxy needs at least one --target'],
  [['proxy', '--target', 'mailchimp=http://127.0.0.1:1'], "unknown vendor 'mailchimp'"],
  [['proxy', '--target', 'omeda=ftp://x'], 'is not http or https'],
  [['proxy', '--target', 'omeda=http://127.0.0.1:1', '--timeout', '0'], '--timeout must be a whole number from 1 to 2147483647'],
  [['proxy', '--target', 'omeda=http://127.0.0.1:1', '--journal-size', '100001'], '--journal-size must be a whole number from 0 to 100000'],
])('refuses %j with exit 2 and says why', async (args, message) => {
  const { code, stderr } = await runCli(args);
  expect(code).toBe(2);
  expect(stderr).toContain(message);
});
