/**
 * The podman calls the container checks make: each answers its exit code and output as data, so a
 * failed call is a failed check rather than a thrown script.
 */
import { execFile } from 'node:child_process';

/** What one podman command printed, and how it exited. */
export interface PodmanResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `podman <args>` (the storage and engine settings come from the environment the test script
 * sets: CONTAINERS_CONF, CONTAINERS_STORAGE_CONF).
 *
 * @see https://docs.podman.io/en/v4.3/markdown/podman.1.html
 */
export function podman(args: readonly string[], timeoutMs = 120_000): Promise<PodmanResult> {
  return new Promise((resolve) => {
    execFile('podman', args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Like {@link podman}, but a non-zero exit throws with what podman said. */
export async function podmanOk(args: readonly string[], timeoutMs?: number): Promise<string> {
  const result = await podman(args, timeoutMs);
  if (result.code !== 0) throw new Error(`podman ${args.join(' ')} exited ${result.code}: ${result.stderr.trim() || result.stdout.trim()}`);
  return result.stdout;
}

/** Waits (polling its log) until the container prints `text`; throws with the log if it exits or times out. */
export async function waitForLog(container: string, text: string, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const logs = await podman(['logs', container]);
    const output = logs.stdout + logs.stderr;
    if (output.includes(text)) return output;
    const state = (await podman(['inspect', '--format', '{{.State.Status}}', container])).stdout.trim();
    if (state !== 'running' && state !== 'created')
      throw new Error(`container ${container} is ${state || 'gone'} before '${text}':\n${output}`);
    if (Date.now() > deadline) throw new Error(`no '${text}' from ${container} within ${timeoutMs} ms:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** An HTTP answer as the checks compare it. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

// Runs inside a container (node is all the image has): one fetch, its answer printed as JSON.
const FETCH_IN_CONTAINER =
  'const [url, method, headers, body] = process.argv.slice(1);' +
  'fetch(url, { method, headers: JSON.parse(headers), body: body || undefined })' +
  '.then(async (r) => console.log(JSON.stringify({ status: r.status, body: await r.text() })))' +
  '.catch((e) => { console.error(String(e)); process.exit(1); });';

/** Sends one request from inside `container` (which may have no network but its loopback). */
export async function fetchInside(
  container: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  const stdout = await podmanOk([
    'exec',
    container,
    'node',
    '-e',
    FETCH_IN_CONTAINER,
    url,
    init.method ?? 'GET',
    JSON.stringify(init.headers ?? {}),
    init.body ?? '',
  ]);
  return JSON.parse(stdout) as HttpAnswer;
}
