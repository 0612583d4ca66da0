import { fail } from './fail.ts';
import { boundHeap, heapFlagsGiven } from './heap-bounds.ts';

/** Where the port came from, as an error names it: the flag, or the `PORT` variable when the flag was not given. */
function portSource(value: string | undefined): string {
  return value === undefined && process.env.PORT !== undefined ? 'the PORT environment variable' : '--port';
}

/**
 * `--port` (or `PORT`) as a port number, 4010 by default; a bad value exits with the rule and names
 * the input that was wrong (`the PORT environment variable must be…` when it came from there).
 *
 * @see ../../docs/reference/cli.md
 */
export function readPort(value: string | undefined): number {
  const text = value ?? process.env.PORT ?? '4010';
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) fail(`${portSource(value)} must be a whole number from 0 to 65535, got '${text}'`);
  return port;
}

/**
 * Exits with a sentence a person can act on when the server cannot start listening.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/errors.html#common-system-errors
 */
export function failToListen(error: NodeJS.ErrnoException, port: number, host: string | undefined, portFlag?: string): never {
  const from = portSource(portFlag) === '--port' ? '' : ' (from the PORT environment variable)';
  if (error.code === 'EADDRINUSE') fail(`port ${port}${from} is already in use; pick another with --port <n> (or PORT=<n>)`);
  if (error.code === 'EADDRNOTAVAIL') fail(`cannot bind ${host}: no such address on this machine; change --host`);
  fail(error.message.replace(/^\[esp-cancel-mock\] /, ''));
}

/**
 * Runs `stop` once on the first SIGINT or SIGTERM, announcing it. Install before printing the
 * listening line: a supervisor may signal as soon as it reads it.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/process.html#signal-events
 */
export function onStopSignals(what: string, stop: () => void): void {
  let stopping = false;
  const once = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight ${what}, then stopping`);
    stop();
  };
  process.once('SIGINT', () => once('SIGINT'));
  process.once('SIGTERM', () => once('SIGTERM'));
}

/**
 * Bounds a long-running server's heap (heap-bounds.ts) unless its user sized it: node's own heap flags,
 * or `keepDefaults` (`serve --v8-heap-defaults`). Call it after the listening lines: nothing in it is
 * needed to answer, and a supervisor waiting for those lines should not wait for it — unless a state
 * file is loaded before them (`serve --state-file`), whose load the bound should hold.
 *
 * @see ../../docs/reference/cli.md#memory
 */
export function boundServerHeap(keepDefaults = false): void {
  if (!keepDefaults && !heapFlagsGiven(process.execArgv, process.env.NODE_OPTIONS)) boundHeap();
}
