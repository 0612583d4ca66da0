import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { spawnCli } from './support/spawn-cli.ts';

vi.setConfig({ testTimeout: 30_000 });

const directory = mkdtempSync(join(tmpdir(), 'esp-cancel-mock-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const OMEDA = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';
const cancelOmeda = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${OMEDA}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-omeda-appid': 'my-app', ...headers },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  });

/** Until the server has taken a request of session `id` (a session counts its requests as they arrive). */
async function untilArrived(url: string, id: string): Promise<void> {
  for (;;) {
    const { sessions } = (await (await fetch(`${url}/__admin/sessions`)).json()) as { sessions: { id: string; requests: number }[] };
    if (sessions.some((session) => session.id === id && session.requests > 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function serve(args: readonly string[]) {
  const cli = spawnCli(['serve', '--port', '0', '--quiet', ...args]);
  const started = await cli.started;
  if (!('url' in started)) throw new Error(`serve stopped with ${started.code}: ${cli.output()}`);
  return { ...cli, url: started.url };
}

it('finishes an in-flight request after SIGTERM, then exits 0', async () => {
  const cli = await serve(['--latency', '400']);
  // In a session, so the test can see the request arrive (and still wait out its 400 ms) before the signal.
  const inFlight = cancelOmeda(cli.url, { 'x-mock-session': 'inflight' });
  await untilArrived(cli.url, 'inflight');
  cli.child.kill('SIGTERM');
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await cli.exited).toBe(0);
  expect(cli.output()).toContain('SIGTERM: finishing in-flight requests');
});

it('prints the seed of its faults so a run can be replayed', async () => {
  const cli = await serve(['--chaos', '0.5', '--seed', '99']);
  cli.child.kill('SIGINT');
  expect(await cli.exited).toBe(0);
  expect(cli.output()).toContain('replay with --seed 99');
});

it('refuses to start on a non-loopback host without an admin token', async () => {
  const cli = spawnCli(['serve', '--port', '0', '--host', '0.0.0.0']);
  expect(await cli.exited).not.toBe(0);
  expect(cli.output()).toMatch(/admin API needs a token.*--admin-token/);
});

it('requires the admin token on the admin API when bound off loopback, and not on vendor paths', async () => {
  const cli = await serve(['--host', '0.0.0.0', '--admin-token', 's3cret']);
  const base = cli.url.replace('0.0.0.0', '127.0.0.1');
  const refused = await fetch(`${base}/__admin/state`);
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { code: string }).code).toBe('admin-token-required');
  expect((await fetch(`${base}/__admin/state`, { headers: { authorization: 'Bearer wrong!' } })).status).toBe(401);
  expect((await fetch(`${base}/__admin/state`, { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
  expect((await cancelOmeda(base)).status).toBe(200);
  cli.child.kill('SIGTERM');
  expect(await cli.exited).toBe(0);
});

it('keeps its state across a restart with --state-file', async () => {
  const file = join(directory, 'state.json');
  const first = await serve(['--state-file', file]);
  expect((await cancelOmeda(first.url)).status).toBe(200);
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  expect(readFileSync(file, 'utf8')).toContain('"CancelledDate":"');
  const second = await serve(['--state-file', file]);
  const again = await cancelOmeda(second.url);
  expect(again.status).toBe(400);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
});

it.each([
  ['is not JSON', '{"omeda": {"deployments": [', /state file .* is not valid JSON/],
  ['breaks a record schema', '{"omeda": {"deployments": [{"TrackId": 5}]}}', /state file .* does not match the record schemas/],
  ['names a vendor this mock does not serve', '{"acme": {}}', /does not match the record schemas: acme/],
])('refuses a state file that %s with one line and a non-zero exit', async (_name, content, message) => {
  const file = join(directory, `bad-${Math.random()}.json`);
  writeFileSync(file, content);
  const cli = spawnCli(['serve', '--port', '0', '--state-file', file]);
  expect(await cli.exited).not.toBe(0);
  expect(cli.output()).toMatch(message);
  expect(cli.output().trim().split('\n')).toHaveLength(1);
});

it('refuses an unreadable faults file with one line', async () => {
  const file = join(directory, 'faults.yaml');
  writeFileSync(file, '"*": { delayMs: fast }\n');
  const cli = spawnCli(['serve', '--port', '0', '--faults', file]);
  expect(await cli.exited).not.toBe(0);
  expect(cli.output()).toMatch(/delayMs must be milliseconds/);
});

it('refuses --chaos over a faults file whose * rule it would break, with one line', async () => {
  const file = join(directory, 'faults-example.yaml');
  writeFileSync(file, '"*": { status: 500, example: notFound }\n');
  const cli = spawnCli(['serve', '--port', '0', '--faults', file, '--chaos', '0.1']);
  expect(await cli.exited).not.toBe(0);
  expect(cli.output()).toMatch(/\*: example names an example of a fixed status/);
  expect(cli.output().trim().split('\n')).toHaveLength(1);
});
