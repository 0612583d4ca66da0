import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JournalEntry } from '../journal/request-journal.ts';
import { startServer } from '../server.ts';
import { fail } from './fail.ts';

export const SERVE_HELP = `serve options:
  --port <n>          port to listen on (default 4010, or $PORT; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1: loopback only)
  --vendors <list>    comma-separated vendors to serve (default: all)
  --strict            validate every response against its spec; a violation answers 500
  --config <file>     JSON settings per vendor, e.g. {"omeda":{"appIds":["my-app"]}}
  --journal-size <n>  requests kept by the journal ring buffer (default 1000)
  --quiet             no per-request log lines`;

/** `esp-cancel-mock serve`: the standalone server, until SIGINT/SIGTERM. */
export async function serveCommand(args: string[]): Promise<void> {
  let values: ReturnType<typeof parseServeArgs>['values'];
  try {
    ({ values } = parseServeArgs(args));
  } catch (error) {
    fail(`${(error as Error).message}\nRun 'esp-cancel-mock --help' for the options.`);
  }
  const port = Number(values.port ?? process.env.PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a whole number from 0 to 65535, got '${values.port ?? process.env.PORT}'`);
  const journalCapacity = values['journal-size'] === undefined ? undefined : Number(values['journal-size']);
  if (journalCapacity !== undefined && (!Number.isInteger(journalCapacity) || journalCapacity < 0))
    fail('--journal-size must be a whole number ≥ 0');
  let config: Record<string, unknown> | undefined;
  if (values.config) {
    try {
      config = JSON.parse(readFileSync(values.config, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      fail(`cannot read --config ${values.config}: ${(error as Error).message}`);
    }
  }
  const vendors = values.vendors
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const log = values.quiet
    ? undefined
    : (entry: JournalEntry) => {
        const path = new URL(entry.request.url).pathname;
        console.log(
          `${entry.request.method} ${path} ${entry.vendor ? `${entry.vendor}.${entry.operationId ?? '-'}` : '-'} ${entry.response.status} ${entry.durationMs.toFixed(1)}ms`,
        );
      };
  const server = await startServer({
    port,
    host: values.host ?? '127.0.0.1',
    strict: values.strict ?? false,
    ...(vendors ? { vendors } : {}),
    ...(config ? { config } : {}),
    ...(journalCapacity === undefined ? {} : { journalCapacity }),
    ...(log ? { onExchange: log } : {}),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`port ${port} is already in use; pick another with --port <n> (or PORT=<n>)`);
    if (error.code === 'EADDRNOTAVAIL') fail(`cannot bind ${values.host}: no such address on this machine; change --host`);
    fail(error.message.replace(/^\[esp-cancel-mock\] /, ''));
  });
  console.log(`esp-cancel-mock listening on ${server.url}`);
  console.log(`vendors: ${server.engine.vendors.join(', ')}${server.engine.strict ? ' (strict)' : ''}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then stopping`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

function parseServeArgs(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      vendors: { type: 'string' },
      strict: { type: 'boolean' },
      config: { type: 'string' },
      'journal-size': { type: 'string' },
      quiet: { type: 'boolean' },
    },
  });
}
