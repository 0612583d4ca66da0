import { fail } from './fail.ts';

/**
 * `--port` (or `PORT`) as a port number, 4010 by default; a bad value exits with the rule.
 *
 * @see ../../README.md "Server"
 */
export function readPort(value: string | undefined): number {
  const port = Number(value ?? process.env.PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a whole number from 0 to 65535, got '${value ?? process.env.PORT}'`);
  return port;
}

/**
 * Exits with a sentence a person can act on when the server cannot start listening.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/errors.html#common-system-errors
 */
export function failToListen(error: NodeJS.ErrnoException, port: number, host: string | undefined): never {
  if (error.code === 'EADDRINUSE') fail(`port ${port} is already in use; pick another with --port <n> (or PORT=<n>)`);
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
