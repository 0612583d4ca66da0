/**
 * The container checks behind `npm run test:container` (test/container/run.sh builds the image first):
 * `tsx test/container/check-image.ts <image> <runtime base image>`.
 *
 * Container A maps a loopback port and has ADMIN_TOKEN set, with --config, --faults and --state-file
 * read from a mounted folder. Container B has no network at all and no ADMIN_TOKEN, and starts from A's
 * state file; container C starts plainly, for `verify`. `verify` and `validate` run from the same image. Prints one line per check and a closing
 * `N passed, N failed`; exits 1 when any check fails.
 *
 * @see https://docs.docker.com/reference/dockerfile/
 */
import assert from 'node:assert/strict';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchInside, podman, podmanOk, waitForLog } from './podman.ts';

const [image, runtimeBase] = process.argv.slice(2);
if (!image || !runtimeBase) throw new Error('usage: check-image.ts <image> <runtime base image>');

/** The uid:gid the Dockerfile runs as. */
const RUNTIME_UID = 10001;
/** `docker stop`'s and `podman stop`'s default: SIGKILL follows SIGTERM after this many seconds. */
const STOP_TIMEOUT_S = 10;
const TOKEN = 'container-test-token';
const OMEDA_CANCEL = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';
const OMEDA_LOOKUP = '/webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/*';
// The request example of Omeda's Deployment Cancel document, verbatim.
const OMEDA_EXAMPLE = JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
const OMEDA_HEADERS = { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' };
const FAULTS = { 'omeda.lookupDeployment': { delayMs: 2000 } };
// One-shot containers need no health timer (podman would ask systemd for one).
const ONE_SHOT = ['run', '--rm', '--no-healthcheck'];

const results: { name: string; ok: boolean }[] = [];
async function check(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`✓ ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`✗ ${name}\n    ${String((error as Error).message ?? error).replaceAll('\n', '\n    ')}`);
  }
}

const data = mkdtempSync(join(tmpdir(), 'esp-cancel-mock-container-'));
writeFileSync(join(data, 'config.json'), JSON.stringify({ omeda: { appIds: ['my-app'] } }));
writeFileSync(join(data, 'faults.yaml'), 'omeda.lookupDeployment:\n  delayMs: 2000\n');
// The server runs as an unprivileged uid: the mounted folder must be writable by it for the state file.
chownSync(data, RUNTIME_UID, RUNTIME_UID);
const run = `${process.pid}`;
const a = `esp-cancel-mock-a-${run}`;
const b = `esp-cancel-mock-b-${run}`;
const c = `esp-cancel-mock-c-${run}`;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;

try {
  let logsA = '';
  await check("starts, listening on all interfaces of the container at port 4010, with serve's flags passed through", async () => {
    const files = ['--config', '/data/config.json', '--faults', '/data/faults.yaml', '--state-file', '/data/state.json'];
    const options = ['-d', '--name', a, '--health-interval', 'disable', '-p', `127.0.0.1:${port}:4010`, '-e', `ADMIN_TOKEN=${TOKEN}`];
    await podmanOk(['run', ...options, '-v', `${data}:/data`, image, 'serve', '--strict', '--vendors', 'omeda', ...files]);
    logsA = await waitForLog(a, 'esp-cancel-mock listening on');
    assert.match(logsA, /listening on http:\/\/0\.0\.0\.0:4010/);
    assert.match(logsA, /^vendors: omeda \(strict\)$/m);
  });

  await check('the Omeda document example cancels over the mapped port', async () => {
    const answer = await fetch(`${base}${OMEDA_CANCEL}`, { method: 'POST', headers: OMEDA_HEADERS, body: OMEDA_EXAMPLE });
    const body = (await answer.json()) as { ResponseInfo?: { TrackId?: string }[] };
    assert.equal(answer.status, 200);
    assert.equal(body.ResponseInfo?.[0]?.TrackId, 'FOO0102003002');
  });

  await check('--config from the mounted folder: an app id off its allow-list gets 403', async () => {
    const answer = await fetch(`${base}${OMEDA_CANCEL}`, {
      method: 'POST',
      headers: { ...OMEDA_HEADERS, 'x-omeda-appid': 'not-allowed' },
      body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003004' }),
    });
    assert.equal(answer.status, 403);
    assert.match(await answer.text(), /The AppId submitted is forbidden access\./);
  });

  await check('the admin API answers 401 without the ADMIN_TOKEN and 200 with it', async () => {
    const without = await fetch(`${base}/__admin/state`);
    const wrong = await fetch(`${base}/__admin/state`, { headers: { authorization: 'Bearer not-the-token' } });
    const right = await fetch(`${base}/__admin/state`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.deepEqual([without.status, wrong.status, right.status], [401, 401, 200]);
    assert.doesNotMatch(logsA, /generated for this run/);
  });

  await check('the dashboard and the API reference renderer are served from the image', async () => {
    for (const path of ['/__admin/ui', '/__admin/ui/assets/dashboard.js', '/__admin/ui/assets/swagger-ui-bundle.js']) {
      const answer = await fetch(`${base}${path}`);
      assert.equal(answer.status, 200, path);
      assert.ok((await answer.text()).length > 500, path);
    }
  });

  await check('--faults from the mounted folder is in force', async () => {
    const answer = await fetch(`${base}/__admin/faults`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(answer.status, 200);
    assert.deepEqual(((await answer.json()) as { plan?: unknown }).plan, FAULTS);
  });

  await check('the HEALTHCHECK passes, and /__admin/health needs no token', async () => {
    const configured = await podmanOk(['image', 'inspect', '--format', '{{json .Config.Healthcheck}}', image]);
    assert.match(configured, /__admin\/health/);
    const health = await podman(['healthcheck', 'run', a]);
    assert.equal(health.code, 0, `podman healthcheck run: ${health.stdout}${health.stderr}`);
    assert.equal((await fetch(`${base}/__admin/health`)).status, 200);
  });

  await check(`runs as the unprivileged uid ${RUNTIME_UID}, node as PID 1`, async () => {
    assert.equal((await podmanOk(['image', 'inspect', '--format', '{{.Config.User}}', image])).trim(), `${RUNTIME_UID}:${RUNTIME_UID}`);
    const status = await podmanOk(['exec', a, 'cat', '/proc/1/status']);
    assert.match(status, new RegExp(`^Uid:\\s+${RUNTIME_UID}\\s+${RUNTIME_UID}\\s+${RUNTIME_UID}\\s+${RUNTIME_UID}$`, 'm'));
    assert.match(status, /^Name:\s+node$/m);
  });

  await check('validate, run from the same image, passes the journal of this run', async () => {
    const journal = await fetch(`${base}/__admin/requests`, { headers: { authorization: `Bearer ${TOKEN}` } });
    writeFileSync(join(data, 'journal.json'), await journal.text());
    const validate = await podman([...ONE_SHOT, '--network', 'none', '-v', `${data}:/data:ro`, image, 'validate', '/data/journal.json']);
    assert.equal(validate.code, 0, validate.stdout + validate.stderr);
    assert.match(validate.stdout, /omeda\.cancelDeployment/);
  });

  await check(`SIGTERM lets an in-flight request finish, then exits 0 well within ${STOP_TIMEOUT_S} s`, async () => {
    // The faults file delays the lookup by 2 s; stop is sent once the request is on the wire.
    const lookup = sendRequest(`${base}${OMEDA_LOOKUP}`, { 'x-omeda-appid': 'my-app' });
    await lookup.sent;
    const started = performance.now();
    const stop = await podman(['stop', '--time', String(STOP_TIMEOUT_S), a]);
    const seconds = (performance.now() - started) / 1000;
    const status = await lookup.status;
    const exitCode = (await podmanOk(['inspect', '--format', '{{.State.ExitCode}}', a])).trim();
    const logs = (await podman(['logs', a])).stdout;
    console.log(`    stopped in ${seconds.toFixed(2)} s`);
    assert.equal(stop.code, 0, stop.stderr);
    assert.equal(status, 200);
    assert.equal(exitCode, '0');
    assert.match(logs, /SIGTERM: finishing in-flight requests/);
    assert.ok(seconds < STOP_TIMEOUT_S, `took ${seconds} s: the runtime had to kill it`);
  });

  await check('--state-file in the mounted folder keeps the cancel across containers; SERVE_FLAGS adds flags', async () => {
    assert.match(readFileSync(join(data, 'state.json'), 'utf8'), /FOO0102003002/);
    // Flags alone mean `serve`. No network at all but the container's loopback: nothing is fetched at run time.
    await podmanOk([
      'run',
      '-d',
      '--name',
      b,
      '--health-interval',
      'disable',
      '--network',
      'none',
      '-e',
      'SERVE_FLAGS=--strict --journal-size 50',
      '-v',
      `${data}:/data`,
      image,
      '--state-file',
      '/data/state.json',
    ]);
    const logs = await waitForLog(b, 'esp-cancel-mock listening on');
    assert.match(logs, /^vendors: momentum, omeda, sfmc, voltmx \(strict\)$/m);
    const again = await fetchInside(b, `http://127.0.0.1:4010${OMEDA_CANCEL}`, {
      method: 'POST',
      headers: OMEDA_HEADERS,
      body: OMEDA_EXAMPLE,
    });
    assert.equal(again.status, 400);
    assert.match(again.body, /Deployment 'FOO0102003002' has been previously cancelled\./);
  });

  await check('without ADMIN_TOKEN, a generated token guards the admin API (printed once at start)', async () => {
    const logs = (await podman(['logs', b])).stdout;
    const token = /needs 'Authorization: Bearer ([0-9a-f]{32})'/.exec(logs)?.[1];
    assert.ok(token, `no generated token in the log:\n${logs}`);
    const without = await fetchInside(b, 'http://127.0.0.1:4010/__admin/state');
    const withToken = await fetchInside(b, 'http://127.0.0.1:4010/__admin/state', { headers: { authorization: `Bearer ${token}` } });
    assert.deepEqual([without.status, withToken.status], [401, 200]);
  });

  await check('verify, run from the same image, passes against a server that starts from the default dataset', async () => {
    // B started from A's state file, where the example deployment is cancelled, and a server's sessions
    // (where verify runs its probes) start from what it loaded: there the documented example cannot
    // succeed. So C starts like B without the state file; verify gets its generated token, lists C's
    // sessions and runs its probes in sessions of their own.
    await podmanOk(['run', '-d', '--name', c, '--health-interval', 'disable', '--network', 'none', image, '--strict']);
    await waitForLog(c, 'esp-cancel-mock listening on');
    const token = /needs 'Authorization: Bearer ([0-9a-f]{32})'/.exec((await podman(['logs', c])).stdout)?.[1] ?? '';
    const target = ['--base-url', 'http://127.0.0.1:4010', '--admin-token', token];
    const verify = await podman([...ONE_SHOT, '--network', `container:${c}`, image, 'verify', ...target]);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /probes run in fresh sessions/);
  });

  await check('--version and --help run as given', async () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    assert.equal((await podmanOk([...ONE_SHOT, '--network', 'none', image, '--version'])).trim(), version);
    assert.match(await podmanOk([...ONE_SHOT, '--network', 'none', image, '--help']), /esp-cancel-mock serve \[options\]/);
  });

  // A sanity bound, not a target: 15.0 MB measured when the proxy, the typed config and Retrieve landed.
  await check('the image adds under 20 MB to its runtime base: the built CLI, its runtime dependencies and the specs', async () => {
    const size = async (name: string) => Number((await podmanOk(['image', 'inspect', '--format', '{{.Size}}', name])).trim());
    const [total, baseSize] = [await size(image), await size(runtimeBase)];
    console.log(`    image ${(total / 1e6).toFixed(1)} MB, of which this project ${((total - baseSize) / 1e6).toFixed(2)} MB`);
    assert.ok(total - baseSize < 20e6, `${total - baseSize} bytes added`);
    const modules = await podmanOk([...ONE_SHOT, '--network', 'none', '--entrypoint', 'ls', image, '/app/node_modules']);
    assert.match(modules, /^hono$/m);
    for (const devOnly of ['typescript', 'vitest', 'esbuild', 'msw', 'tsx']) assert.doesNotMatch(modules, new RegExp(`^${devOnly}$`, 'm'));
  });
} finally {
  await podman(['rm', '--force', '--time', '0', a, b, c]);
  rmSync(data, { recursive: true, force: true });
}

const failed = results.filter((result) => !result.ok).length;
console.log(`container: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

/** A GET whose `sent` resolves once the whole request is written to the socket, `status` with the answer. */
function sendRequest(url: string, headers: Record<string, string>): { sent: Promise<void>; status: Promise<number> } {
  let sent: () => void = () => undefined;
  const onSent = new Promise<void>((resolve) => {
    sent = resolve;
  });
  const status = new Promise<number>((resolve, reject) => {
    const outgoing = request(url, { headers }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.once('finish', sent);
    outgoing.once('error', reject);
    outgoing.end();
  });
  return { sent: onSent, status };
}

/** A free TCP port on the loopback, for the container's port mapping. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
