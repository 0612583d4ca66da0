import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = new URL('../dist/esp-cancel-mock.mjs', import.meta.url).pathname;
const running: ChildProcess[] = [];

interface Run {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly errors: () => string;
  readonly exit: Promise<number | null>;
}

/** Starts the built binary, as a user's shell would. */
function run(args: string[], env: Record<string, string> = {}): Run {
  if (!existsSync(BIN)) throw new Error('dist/esp-cancel-mock.mjs is missing: run `npm run build` (npm test does).');
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output: () => stdout, errors: () => stderr, exit };
}

/** Waits until the output matches, or fails with what was printed. */
// Up to 20 s: the CLI starts in well under a second alone, but a loaded CI machine can take several.
async function waitFor(source: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  for (let attempt = 0; attempt < 800; attempt++) {
    const match = pattern.exec(source());
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never printed ${pattern}; got: ${source()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts `serve` on a port found free, with `PORT` set to it. Another process may take a free port
 * before the CLI binds it (parallel test files open connections all the time); then the CLI exits 2
 * saying the port is in use, and it is tried again on another.
 */
async function serveOnFreePort(args: string[]): Promise<{ readonly cli: Run; readonly port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const cli = run(['serve', ...args], { PORT: String(port) });
    let exited = false;
    void cli.exit.then(() => {
      exited = true;
    });
    // Printed on listening, or on exit: whichever comes first ends the wait.
    await waitFor(() => (exited ? 'exited' : cli.output()), new RegExp(`listening on http://127\\.0\\.0\\.1:${port}\\n|^exited$`));
    if (!exited) return { cli, port };
    if (attempt === 3 || !/ is already in use;/.test(cli.errors())) throw new Error(`serve did not start: ${cli.errors()}`);
  }
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

describe('esp-cancel-mock CLI', () => {
  it('serves the document example cancel, logs one line per request and stops cleanly on SIGTERM', async () => {
    const cli = run(['serve', '--port', '0']);
    const [, url] = await waitFor(cli.output, /esp-cancel-mock listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    // The two start-up lines may arrive in separate chunks: wait for the second too.
    await waitFor(cli.output, /vendors: momentum, omeda, sfmc, voltmx\n/);
    const response = await fetch(`${url}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
      method: 'POST',
      headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
      body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('SubmissionId');
    await waitFor(cli.output, /POST \/webservices\/rest\/brand\/ABC\/omail\/deployment\/cancel\/\* omeda\.cancelDeployment 200 [\d.]+ms\n/);
    cli.child.kill('SIGTERM');
    expect(await cli.exit).toBe(0);
  });

  it('takes the port from PORT, serves only the vendors asked for and prints where the dashboard is', async () => {
    const { cli, port } = await serveOnFreePort(['--vendors', 'omeda', '--strict']);
    await waitFor(cli.output, /vendors: omeda \(strict\)\n/);
    await waitFor(cli.output, new RegExp(`dashboard: http://127\\.0\\.0\\.1:${port}/__admin/ui\n`));
    const momentum = await fetch(`http://127.0.0.1:${port}/v3.5/mailing/cancel?orgid=2&mid=123`, { method: 'PUT' });
    expect(momentum.status).toBe(404);
    expect(momentum.headers.get('content-type')).toBe('application/problem+json');
  });

  it('says in one line which port is busy and which flag changes it, with no stack trace', async () => {
    const first = run(['serve', '--port', '0', '--quiet']);
    const [, port] = await waitFor(first.output, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
    const second = run(['serve', '--port', String(port)]);
    expect(await second.exit).toBe(2);
    expect(second.errors()).toBe(`esp-cancel-mock: port ${port} is already in use; pick another with --port <n> (or PORT=<n>)\n`);
  });

  it.each([
    [
      ['serve', '--prot', '4010'],
      /^esp-cancel-mock: unknown flag '--prot' for serve\. Did you mean --port\? Run 'esp-cancel-mock serve --help'\.\n$/,
    ],
    [['serve', '--vendors', 'mailchimp'], /--vendors: Unknown vendor 'mailchimp'\. Use one or more of: momentum, omeda, sfmc, voltmx/],
    [['serve', '--vendor', 'omdea'], /--vendors: Unknown vendor 'omdea'\. Did you mean 'omeda'\?/],
    [['serve', '--vendors', 'omeda,sfmc,omeda'], /^esp-cancel-mock: --vendors: Vendor 'omeda' is named twice\. Name each vendor once\.\n$/],
    [['serve', '--vendors', 'omeda,omeda', '--latency', '10'], /^esp-cancel-mock: --vendors: Vendor 'omeda' is named twice\./],
    [['verify', '--base-url', 'http://127.0.0.1:1', '--vendors', 'sfmc,sfmc'], /--vendors: Vendor 'sfmc' is named twice\./],
    [
      ['serve', '--vendors', ''],
      /^esp-cancel-mock: --vendors: No vendor is named\. Use one or more of: momentum, omeda, sfmc, voltmx, or leave the list out to serve them all\.\n$/,
    ],
    [['verify', '--base-url', 'http://127.0.0.1:1', '--vendors', ' , '], /--vendors: No vendor is named\./],
    [['validate', 'traffic.har', '--vendors', ''], /--vendors: No vendor is named\./],
    [
      ['serve', '--host', '0.0.0.0', '--vendors', 'mailchimp'],
      /^esp-cancel-mock: host 0\.0\.0\.0 is reachable from other machines, so the admin API needs a token\./,
    ],
    [['serve', '--port', 'abc'], /^esp-cancel-mock: --port must be a whole number from 0 to 65535, got 'abc'\n$/],
    [['serve', '--journal-size', '-1'], /^esp-cancel-mock: --journal-size must be a whole number from 0 to 100000, got '-1'\n$/],
    [['serve', '--journal-size', '1000000000'], /--journal-size must be a whole number from 0 to 100000, got '1000000000'/],
    [['serve', '--journal-size', '4294967296'], /--journal-size must be a whole number from 0 to 100000/],
    [['serve', '--log-format', 'xml'], /--log-format must be text or json, got 'xml'/],
    [
      ['verify', '--base-url', 'http://127.0.0.1:1', '--vendros', 'omeda'],
      /unknown flag '--vendros' for verify\. Did you mean --vendors\?/,
    ],
    [['verify', '--base-url', 'http://127.0.0.1:1', '--vendors', 'sfcm'], /--vendors: Unknown vendor 'sfcm'\. Did you mean 'sfmc'\?/],
    [['validate', 'traffic.har', '--ignore-unknwon'], /unknown flag '--ignore-unknwon' for validate\. Did you mean --ignore-unknown\?/],
    [['serv'], /unknown command 'serv'\. Did you mean 'serve'\?/],
    [['launch'], /unknown command 'launch'\. Run/],
  ])('refuses %j with a one-line error and exit code 2', async (args, message) => {
    const cli = run(args);
    expect(await cli.exit).toBe(2);
    expect(cli.errors()).toMatch(message);
    expect(cli.errors()).not.toMatch(/\n\s+at /);
  });

  it('names the PORT variable, not a flag, when PORT is wrong', async () => {
    const cli = run(['serve'], { PORT: 'abc' });
    expect(await cli.exit).toBe(2);
    expect(cli.errors()).toBe("esp-cancel-mock: the PORT environment variable must be a whole number from 0 to 65535, got 'abc'\n");
  });

  it.each([
    ['serve', ['--log-format', '--admin-token']],
    ['verify', ['--base-url', '--no-mutate']],
    ['validate', ['--ignore-unknown', '--fail-on-dropped']],
  ] as const)('prints only the options of %s for <command> --help', async (command, flags) => {
    const cli = run([command, '--help']);
    expect(await cli.exit).toBe(0);
    expect(cli.output()).toMatch(new RegExp(`^esp-cancel-mock ${command} `));
    for (const flag of flags) expect(cli.output()).toContain(flag);
    for (const other of ['serve', 'verify', 'validate'].filter((name) => name !== command))
      expect(cli.output()).not.toContain(`esp-cancel-mock ${other}`);
  });

  it('logs the reason of each rejected request and the closest documented route of an unknown one', async () => {
    const cli = run(['serve', '--port', '0', '--vendor', 'omeda,momentum']);
    const [, url] = await waitFor(cli.output, /listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    await fetch(`${url}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
    });
    await waitFor(
      cli.output,
      /POST \/webservices\/rest\/brand\/ABC\/omail\/deployment\/cancel\/\* omeda\.cancelDeployment 403 [\d.]+ms — header x-omeda-appid required\n/,
    );
    await fetch(`${url}/v3/mailing/cancel?orgid=2&mid=123`, { method: 'POST' });
    await waitFor(
      cli.output,
      /POST \/v3\/mailing\/cancel - 404 [\d.]+ms — no documented operation matches POST \/v3\/mailing\/cancel; closest documented route: PUT\|POST \/v3\.5\/mailing\/cancel\n/,
    );
    const problem = (await (await fetch(`${url}/v3/mailing/cancel`, { method: 'PUT' })).json()) as { detail: string; closestRoute: string };
    expect(problem.closestRoute).toBe('PUT|POST /v3.5/mailing/cancel');
    expect(problem.detail).toMatch(/did you mean PUT\|POST \/v3\.5\/mailing\/cancel\?$/);
  });

  it('writes one JSON object per request with --log-format json', async () => {
    const cli = run(['serve', '--port', '0', '--log-format', 'json']);
    const [, url] = await waitFor(cli.output, /listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    await fetch(`${url}/api/v1/email/7131002087805116277/cancel`, { method: 'POST' });
    const [line] = await waitFor(cli.output, /^\{.*\}$/m);
    expect(JSON.parse(line)).toMatchObject({
      method: 'POST',
      path: '/api/v1/email/7131002087805116277/cancel',
      vendor: 'voltmx',
      operationId: 'voltmx.cancelEmail',
      status: 401,
    });
    expect(JSON.parse(line).reason).toMatch(/./);
  });

  it('lists every serve option in --help', async () => {
    const cli = run(['--help']);
    expect(await cli.exit).toBe(0);
    for (const flag of ['--port', '--host', '--vendors', '--strict', '--config', '--journal-size', '--quiet'])
      expect(cli.output()).toContain(flag);
  });
});
