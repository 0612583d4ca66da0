import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.ts';
import { runCli } from './support/run-cli.ts';

let mock: RunningServer;
let refusing: RunningServer;
let broken: Server;
let brokenUrl: string;
/** The x-omeda-appid header of every request the broken upstream received. */
const appIdsSeen: Array<string | undefined> = [];

beforeAll(async () => {
  mock = await startServer({ port: 0, strict: true });
  // Allow-lists that refuse the credentials verify sends by default (a sandbox with expired credentials).
  refusing = await startServer({
    port: 0,
    vendors: ['omeda', 'momentum'],
    config: { omeda: { appIds: ['other-app'] }, momentum: { credentials: [{ username: 'someone', password: 'else' }] } },
  });
  // A deliberately broken "Omeda": an undocumented status for the cancel, a schema-breaking lookup body.
  broken = createServer((request, response) => {
    request.resume();
    appIdsSeen.push(request.headers['x-omeda-appid'] as string | undefined);
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
  await Promise.all([mock.close(), refusing.close()]);
  await new Promise((resolve) => broken.close(resolve));
});

/** A port nothing listens on: bound once by the system, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

it.each([
  ['omeda', 11],
  ['momentum', 22],
  ['voltmx', 17],
  ['sfmc', 19],
])(
  'runs a clean verify of %s against the real server (%i checks)',
  async (vendor, checks) => {
    const junit = join(tmpdir(), `esp-cancel-mock-verify-${vendor}-${process.pid}.xml`);
    const { code, stdout } = await runCli(['verify', '--base-url', mock.url, '--vendor', vendor, '--junit', junit]);
    expect(stdout).toContain(`${checks} checks (${vendor} ${checks}), 0 violations`);
    expect(code).toBe(0);
    const report = await readFile(junit, 'utf8');
    expect(report).toContain(`<testsuite name="${vendor}" tests="${checks}" failures="0"`);
  },
  60_000,
);

it('skips the probes that would change state with --no-mutate', async () => {
  const { code, stdout } = await runCli(['verify', '--base-url', mock.url, '--vendor', 'omeda', '--no-mutate']);
  expect(code).toBe(0);
  expect(stdout).not.toContain('(mutating)');
  expect(stdout).toContain('9 checks (omeda 9), 0 violations');
});

it('sends the credentials given with --header instead of the defaults', async () => {
  appIdsSeen.length = 0;
  const { stdout } = await runCli(['verify', '--base-url', brokenUrl, '--vendor', 'omeda', '--header', 'omeda:x-omeda-appid=real-app-id']);
  expect(stdout).not.toContain('missing header x-omeda-appid');
  // The first request is verify's reachability check (GET /__admin/health), which carries no vendor header.
  expect(appIdsSeen.slice(1)).toEqual(Array(appIdsSeen.length - 1).fill('real-app-id'));
  expect(appIdsSeen.length).toBeGreaterThan(5);
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

it('reports an upstream that does not answer as one clear error with exit code 2', async () => {
  const port = await closedPort();
  const { code, stdout, stderr } = await runCli(['verify', '--base-url', `http://127.0.0.1:${port}`, '--vendor', 'omeda', '--no-mutate']);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toContain(
    `esp-cancel-mock: cannot reach http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}. Is the server running`,
  );
  expect(stderr.trim().split('\n')).toHaveLength(1);
});

it.each([['127.0.0.1:4010'], ['localhost:4010'], ['ftp://127.0.0.1:4010']])(
  'refuses the base URL %s without an http(s) scheme with one error and exit code 2',
  async (base) => {
    const { code, stdout, stderr } = await runCli(['verify', '--base-url', base]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`--base-url '${base}' needs a scheme and a host, e.g. --base-url http://`);
  },
);

it('fails, naming the credential options, when the allow-lists refuse the documented examples (401/403)', async () => {
  const { code, stdout } = await runCli(['verify', '--base-url', refusing.url, '--vendors', 'omeda,momentum']);
  expect(code).toBe(1);
  expect(stdout).toMatch(
    /FAIL omeda\.cancelDeployment POST example 'document' \(application\/json\) → 403 \(mutating\)\n {7}status: expected a success \(2xx\) for this documented example, got 403 \([^)]*\)\. The credentials were refused: pass the ones the server accepts with --header omeda:x-omeda-appid=<value>/,
  );
  expect(stdout).toMatch(
    /FAIL momentum\.cancelMailing PUT example 'parameters' \(application\/json\) → 401[^\n]*\n {7}.*--header momentum:authorization=<value>/,
  );
  // The invalid probes still pass: their rejection is what they expect.
  expect(stdout).toMatch(/ok {3}omeda\.cancelDeployment POST missing header x-omeda-appid → 403/);
});

it('leaves the dataset and journal of the mock as they were, so the tests of the app see the documented dataset', async () => {
  await fetch(`${mock.url}/__admin/reset`, { method: 'POST' });
  const before = await (await fetch(`${mock.url}/__admin/state`)).text();
  const { code, stdout } = await runCli(['verify', '--base-url', mock.url]);
  expect(code).toBe(0);
  expect(stdout).toContain('target: esp-cancel-mock');
  // The server has sessions: the probes ran in their own, and none is left behind.
  expect(stdout).toMatch(/probes run in fresh sessions \(verify-/);
  const sessions = (await (await fetch(`${mock.url}/__admin/sessions`)).json()) as { sessions: unknown[] };
  expect(sessions.sessions).toEqual([]);
  expect(await (await fetch(`${mock.url}/__admin/state`)).text()).toBe(before);
  const journal = (await (await fetch(`${mock.url}/__admin/requests`)).json()) as { requests: unknown[] };
  expect(journal.requests).toEqual([]);
  const cancel = await fetch(`${mock.url}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  });
  expect(cancel.status).toBe(200);
}, 60_000);
