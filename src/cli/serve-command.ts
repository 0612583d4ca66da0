import { readFileSync } from 'node:fs';
import { requireAdminTokenOffLoopback } from '../admin/admin-host.ts';
import type { MockConfig } from '../config/mock-config.ts';
import { type FaultPlan, parseChaos, parseFaultPlan, parseLatency } from '../faults/fault-plan.ts';
import { randomSeed } from '../faults/seeded-random.ts';
import { type JournalEntry, MAX_JOURNAL_CAPACITY } from '../journal/request-journal.ts';
import type { RunningServer, StartServerOptions } from '../server.ts';
import { openServerSocket } from '../server-socket.ts';
import { yamlOnDemand } from '../spec/yaml-on-demand.ts';
import { ALL_VENDORS } from '../vendor-names.ts';
import { parseFlags, readVendorsFlag } from './cli-flags.ts';
import { fail } from './fail.ts';
import { boundServerHeap, failToListen, onStopSignals, readPort } from './listen-lifecycle.ts';
import { createStdoutLogWriter } from './log-writer.ts';
import { formatLogBytes, type LogFormat, useColour } from './request-log.ts';

export const SERVE_HELP = `esp-cancel-mock serve [options]
  Starts the mock server: every vendor on one port at its native paths, the admin API under /__admin.
  --port <n>          port to listen on (default 4010, or $PORT; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1: loopback only)
  --vendors <list>    comma-separated vendors to serve (default: all; --vendor is the same flag)
  --strict            validate every response against its spec; a violation answers 500
  --config <file>     settings per vendor, JSON or YAML, e.g. {"omeda":{"appIds":["my-app"]}}
  --journal-size <n>  requests kept by the journal ring buffer (default 1000, at most 100000)
  --latency <ms>      delay every answer: 100 (fixed) or 50-200 (uniform)
  --chaos <p>         answer a documented error of the operation with probability p (0-1)
  --faults <file>     per-operation latency/faults, JSON or YAML (see docs/reference/limits.md)
  --seed <n>          seed of the faults' random draws (printed; replays a run)
  --admin-token <t>   require Authorization: Bearer <t> on /__admin (required off loopback)
  --state-file <file> load the store from file at start, save it there after every change
                      (the default session only; sessions start from what it loaded)
  --max-sessions <n>  live sessions (/__session/<id>, x-mock-session) kept before the least
                      recently used is dropped (default 256)
  --quiet             no per-request log lines
  --log-format <f>    text (default; coloured on a terminal unless NO_COLOR is set) or json (one object a line)
  --v8-heap-defaults  leave V8's heap sizing as it is: faster to grow, about 50 MiB more at peak under
                      load (by default serve bounds it as node --max-semi-space-size=8
                      --heap-growing-percent=50 would; node's own heap flags always win)`;

/** `esp-cancel-mock serve`: the standalone server, until SIGINT/SIGTERM. */
export async function serveCommand(args: string[]): Promise<void> {
  const flags = parseServeArgs(args);
  if (!flags.ok) fail(flags.message);
  const { values } = flags.parsed;
  const port = readPort(values.port);
  const journalText = values['journal-size'];
  const journalCapacity = journalText === undefined ? undefined : /^\d+$/.test(journalText.trim()) ? Number(journalText) : Number.NaN;
  if (journalCapacity !== undefined && !(Number.isSafeInteger(journalCapacity) && journalCapacity <= MAX_JOURNAL_CAPACITY))
    fail(`--journal-size must be a whole number from 0 to ${MAX_JOURNAL_CAPACITY}, got '${journalText}'`);
  const maxSessions = values['max-sessions'] === undefined ? undefined : Number(values['max-sessions']);
  if (maxSessions !== undefined && (!Number.isInteger(maxSessions) || maxSessions < 1))
    fail(`--max-sessions must be a whole number ≥ 1, got '${values['max-sessions']}'`);
  const logFormat = (values['log-format'] ?? 'text') as LogFormat;
  if (logFormat !== 'text' && logFormat !== 'json') fail(`--log-format must be text or json, got '${values['log-format']}'`);
  let config: MockConfig | undefined;
  if (values.config) {
    const { checkMockConfig, MockConfigError } = await import('./command-modules.ts');
    try {
      config = checkMockConfig(readDataFile('--config', values.config));
    } catch (error) {
      const message = (error as Error).message.replace(/^\[esp-cancel-mock\] /, '');
      fail(error instanceof MockConfigError ? `--config ${values.config}: ${message}` : message);
    }
  }
  let faults: FaultPlan | undefined;
  try {
    const fromFile = values.faults ? parseFaultPlan(readDataFile('--faults', values.faults)) : {};
    const star = {
      ...(values.latency ? parseLatency(values.latency) : {}),
      ...(values.chaos ? parseChaos(values.chaos) : {}),
    };
    // The merged * rule is checked again: --chaos on a file's `*: { example }` or `*: { drop }` breaks it.
    faults = Object.keys(star).length > 0 ? parseFaultPlan({ ...fromFile, '*': { ...fromFile['*'], ...star } }) : fromFile;
  } catch (error) {
    fail((error as Error).message.replace(/^\[esp-cancel-mock\] /, ''));
  }
  const seed = values.seed === undefined ? randomSeed() : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    fail(`--seed must be a whole number from 0 to 4294967295, got '${values.seed}'`);
  const host = values.host ?? '127.0.0.1';
  // Checked here, before the engine loads, so either way the server starts refuses alike: the admin
  // token off loopback first, then the vendor names.
  try {
    requireAdminTokenOffLoopback(host, values['admin-token']);
  } catch (error) {
    fail((error as Error).message.replace(/^\[esp-cancel-mock\] /, ''));
  }
  const vendors = values.vendors === undefined ? undefined : readVendorsFlag(values.vendors);
  const colour = logFormat === 'text' && useColour(process.stdout, process.env);
  // Formatted and written after the answer is sent, many lines per write under load (see log-writer.ts).
  const logWriter = values.quiet
    ? undefined
    : createStdoutLogWriter(({ entry, session }: { entry: JournalEntry; session: string | undefined }) =>
        formatLogBytes(entry, logFormat, colour, session),
      );
  const log = logWriter ? (entry: JournalEntry, session?: string) => logWriter.add({ entry, session }) : undefined;
  const options: StartServerOptions = {
    port,
    host,
    strict: values.strict ?? false,
    ...(vendors ? { vendors } : {}),
    ...(config ? { config } : {}),
    ...(journalCapacity === undefined ? {} : { journalCapacity }),
    ...(maxSessions === undefined ? {} : { maxSessions }),
    ...(log ? { onExchange: log } : {}),
    ...(Object.keys(faults).length > 0 ? { faults } : {}),
    seed,
    ...(values['admin-token'] ? { adminToken: values['admin-token'] } : {}),
    ...(values['state-file'] ? { stateFile: values['state-file'] } : {}),
  };
  const failToStart = (error: NodeJS.ErrnoException): never => failToListen(error, port, values.host, values.port);
  /** The stop signals first (a supervisor may signal as soon as it reads the lines), then the lines. */
  const announce = (listening: Listening, running: Promise<RunningServer>): void => {
    onStopSignals('requests', () =>
      running
        .then((started) => started.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        ),
    );
    console.log(`esp-cancel-mock listening on ${listening.url}`);
    console.log(`vendors: ${listening.vendors.join(', ')}${listening.strict ? ' (strict)' : ''}`);
    console.log(`dashboard: ${listening.url}/__admin/ui`);
    if (Object.keys(faults).length > 0) console.log(`faults: ${JSON.stringify(faults)} (seed ${seed}; replay with --seed ${seed})`);
    if (values['state-file']) console.log(`state file: ${values['state-file']}`);
  };
  // Listen first, then load and build the engine: a request that comes meanwhile waits in the socket
  // and is answered once the engine is ready (src/server-socket.ts). Only when nothing that building
  // the engine finds can refuse the start, so an error never follows the listening lines: a faults
  // plan (its operations are checked against the specs) or a state file (its records against the
  // schemas) make the server build first and listen after, as before.
  const listenFirst = Object.keys(faults).length === 0 && !values['state-file'];
  if (listenFirst) {
    const socket = await openServerSocket({ port, host }).catch(failToStart);
    // The heap is bounded once the engine is built (building it bounded would take longer), before a
    // request that waited in the socket is answered.
    const running = import('./command-modules.ts')
      .then(({ startServerOnSocket }) => startServerOnSocket(socket, options, () => boundServerHeap(values['v8-heap-defaults'])))
      .catch(failToStart);
    announce({ url: socket.url, vendors: vendors ?? ALL_VENDORS, strict: options.strict ?? false }, running);
    await running;
  } else {
    // With a state file, bounded before it builds, so that loading the file (tens of megabytes for a large
    // store) is held too: V8's own growth would leave a young generation of 2 × 16 MiB that the bound
    // cannot shrink. Otherwise after the lines: bounding first costs a start about 20 ms.
    const boundFirst = values['state-file'] !== undefined;
    if (boundFirst) boundServerHeap(values['v8-heap-defaults']);
    const { startServer } = await import('./command-modules.ts');
    const server = await startServer(options).catch(failToStart);
    announce({ url: server.url, vendors: server.engine.vendors, strict: server.engine.strict }, Promise.resolve(server));
    if (!boundFirst) boundServerHeap(values['v8-heap-defaults']);
  }
}

/** What the listening lines say. */
interface Listening {
  readonly url: string;
  readonly vendors: readonly string[];
  readonly strict: boolean;
}

function parseServeArgs(args: string[]) {
  return parseFlags('serve', args, {
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      vendors: { type: 'string' },
      strict: { type: 'boolean' },
      config: { type: 'string' },
      'journal-size': { type: 'string' },
      quiet: { type: 'boolean' },
      latency: { type: 'string' },
      chaos: { type: 'string' },
      faults: { type: 'string' },
      seed: { type: 'string' },
      'admin-token': { type: 'string' },
      'state-file': { type: 'string' },
      'max-sessions': { type: 'string' },
      'log-format': { type: 'string' },
      'v8-heap-defaults': { type: 'boolean' },
    },
  });
}

/** A `--config` or `--faults` file: JSON, or YAML when the name ends in .yaml/.yml. */
function readDataFile(flag: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${flag} ${file}: ${(error as Error).message}`);
  }
  try {
    return /\.ya?ml$/i.test(file) ? yamlOnDemand().parse(text) : JSON.parse(text);
  } catch (error) {
    throw new Error(`${flag} ${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
}
