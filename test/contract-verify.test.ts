import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.ts';
import { runCli } from './support/run-cli.ts';

let mock: RunningServer;
let broken: Server;
let brokenUrl: string;

beforeAll(async () => {
  mock = await startServer({ port: 0, strict: true });
  // A deliberately broken "Omeda": an undocumented status for the cancel, a schema-breaking lookup body.
  broken = createServer((request, response) => {
    request.resume();
    if (request.url?.includes('/lookup/')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ TrackId: 5 }));
    } else {
      response.writeHead(418, { 'content-type': 'application/json' }).end('{}');
    }
  });
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  const address = broken.address() as { port: number };
  brokenUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await mock.close();
  await new Promise((resolve) => broken.close(resolve));
});

it.each([
  ['omeda', 11],
  ['momentum', 19],
  ['voltmx', 17],
  ['sfmc', 19],
])('runs a clean verify of %s against the real server (%i checks)', async (vendor, checks) => {
  const junit = join(tmpdir(), `esp-cancel-mock-verify-${vendor}-${process.pid}.xml`);
  const { code, stdout } = await runCli(['verify', '--base-url', mock.url, '--vendor', vendor, '--junit', junit]);
  expect(stdout).toContain(`${checks} checks (${vendor} ${checks}), 0 violations`);
  expect(code).toBe(0);
  const report = await readFile(junit, 'utf8');
  expect(report).toContain(`<testsuite name="${vendor}" tests="${checks}" failures="0"`);
});

it('skips the probes that would change state with --no-mutate', async () => {
  const { code, stdout } = await runCli(['verify', '--base-url', mock.url, '--vendor', 'omeda', '--no-mutate']);
  expect(code).toBe(0);
  expect(stdout).not.toContain('(mutating)');
  expect(stdout).toContain('9 checks (omeda 9), 0 violations');
});

it('sends the credentials given with --header instead of the defaults', async () => {
  const { stdout } = await runCli(['verify', '--base-url', mock.url, '--vendor', 'omeda', '--header', 'omeda:x-omeda-appid=real-app-id']);
  expect(stdout).not.toContain('missing header x-omeda-appid');
  const journal = (await (await fetch(`${mock.url}/__admin/requests`)).json()) as {
    requests: Array<{ request: { headers: Record<string, string> } }>;
  };
  expect(journal.requests.at(-1)?.request.headers['x-omeda-appid']).toBe('real-app-id');
});

it('exits 1 naming the undocumented status and the broken schema rule of a broken upstream', async () => {
  const junit = join(tmpdir(), `esp-cancel-mock-verify-broken-${process.pid}.xml`);
  const { code, stdout } = await runCli(['verify', '--base-url', brokenUrl, '--vendor', 'omeda', '--junit', junit]);
  expect(code).toBe(1);
  expect(stdout).toMatch(
    /FAIL omeda\.cancelDeployment POST malformed body → 418\n {7}status: status 418 is not documented for this operation \(status\)/,
  );
  expect(stdout).toMatch(
    /FAIL omeda\.lookupDeployment GET example → 200\n(?: {7}.*\n)* {7}response body \/TrackId: must be string \(type\)/,
  );
  expect(stdout).toMatch(/11 checks \(omeda 11\), 11 violations/);
  const report = await readFile(junit, 'utf8');
  expect(report).toContain('<failure message="status: status 418 is not documented for this operation (status)">');
});

it('reports an upstream that does not answer as a violation, not a crash', async () => {
  const { code, stdout } = await runCli(['verify', '--base-url', 'http://127.0.0.1:1', '--vendor', 'omeda', '--no-mutate']);
  expect(code).toBe(1);
  expect(stdout).toContain('no answer: fetch failed');
});
