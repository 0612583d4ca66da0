#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { JournalEntry } from './journal/request-journal.ts';
import { startServer } from './server.ts';
import { findPackageRoot } from './spec/load-specs.ts';
import { ALL_VENDORS } from './vendor/select-modules.ts';

const HELP = `esp-cancel-mock — a stateful mock of four email platforms' "cancel a scheduled send" APIs

Usage:
  esp-cancel-mock serve [options]
  esp-cancel-mock --help | --version

serve options:
  --port <n>          port to listen on (default 4010, or $PORT; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1: loopback only)
  --vendors <list>    comma-separated vendors to serve (default all: ${ALL_VENDORS.join(',')})
  --strict            validate every response against its spec; a violation answers 500
  --config <file>     JSON settings per vendor, e.g. {"omeda":{"appIds":["my-app"]}}
  --journal-size <n>  requests kept by the journal ring buffer (default 1000)
  --quiet             no per-request log lines
  -h, --help          this text
  -v, --version       the version

Admin API on the same port: /__admin (reset, state, requests, force, clock). See the README.`;

/** Exit with a one-line message, no stack trace: the CLI's errors are for people. */
function fail(message: string): never {
  console.error(`esp-cancel-mock: ${message}`);
  process.exit(2);
}

function readVersion(): string {
  return (JSON.parse(readFileSync(join(findPackageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

async function serveCommand(args: string[]): Promise<void> {
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

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'serve':
    if (rest.includes('--help') || rest.includes('-h')) console.log(HELP);
    else await serveCommand(rest);
    break;
  case undefined:
  case '--help':
  case '-h':
  case 'help':
    console.log(HELP);
    break;
  case '--version':
  case '-v':
    console.log(readVersion());
    break;
  default:
    fail(`unknown command '${command}'. Run 'esp-cancel-mock --help'.`);
}
