import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { type FaultPlan, parseChaos, parseFaultPlan, parseLatency } from '../faults/fault-plan.ts';
import { randomSeed } from '../faults/seeded-random.ts';
import { type JournalEntry, MAX_JOURNAL_CAPACITY } from '../journal/request-journal.ts';
import { startServer } from '../server.ts';
import { fail } from './fail.ts';
import { failToListen, onStopSignals, readPort } from './listen-lifecycle.ts';

export const SERVE_HELP = `serve options:
  --port <n>          port to listen on (default 4010, or $PORT; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1: loopback only)
  --vendors <list>    comma-separated vendors to serve (default: all)
  --strict            validate every response against its spec; a violation answers 500
  --config <file>     JSON settings per vendor, e.g. {"omeda":{"appIds":["my-app"]}}
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
  --quiet             no per-request log lines`;

/** `esp-cancel-mock serve`: the standalone server, until SIGINT/SIGTERM. */
export async function serveCommand(args: string[]): Promise<void> {
  let values: ReturnType<typeof parseServeArgs>['values'];
  try {
    ({ values } = parseServeArgs(args));
  } catch (error) {
    fail(`${(error as Error).message}\nRun 'esp-cancel-mock --help' for the options.`);
  }
  const port = readPort(values.port);
  const journalCapacity = values['journal-size'] === undefined ? undefined : Number(values['journal-size']);
  if (
    journalCapacity !== undefined &&
    (!Number.isInteger(journalCapacity) || journalCapacity < 0 || journalCapacity > MAX_JOURNAL_CAPACITY)
  )
    fail(`--journal-size must be a whole number from 0 to ${MAX_JOURNAL_CAPACITY}, got '${values['journal-size']}'`);
  const maxSessions = values['max-sessions'] === undefined ? undefined : Number(values['max-sessions']);
  if (maxSessions !== undefined && (!Number.isInteger(maxSessions) || maxSessions < 1))
    fail(`--max-sessions must be a whole number ≥ 1, got '${values['max-sessions']}'`);
  let config: Record<string, unknown> | undefined;
  if (values.config) {
    try {
      config = JSON.parse(readFileSync(values.config, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      fail(`cannot read --config ${values.config}: ${(error as Error).message}`);
    }
  }
  let faults: FaultPlan | undefined;
  try {
    const fromFile = values.faults ? parseFaultPlan(readFaultFile(values.faults)) : {};
    const star = {
      ...(values.latency ? parseLatency(values.latency) : {}),
      ...(values.chaos ? parseChaos(values.chaos) : {}),
    };
    faults = Object.keys(star).length > 0 ? { ...fromFile, '*': { ...fromFile['*'], ...star } } : fromFile;
  } catch (error) {
    fail((error as Error).message.replace(/^\[esp-cancel-mock\] /, ''));
  }
  const seed = values.seed === undefined ? randomSeed() : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    fail(`--seed must be a whole number from 0 to 4294967295, got '${values.seed}'`);
  const vendors = values.vendors
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const log = values.quiet
    ? undefined
    : (entry: JournalEntry, session?: string) => {
        const path = new URL(entry.request.url).pathname;
        console.log(
          `${session === undefined ? '' : `[${session}] `}${entry.request.method} ${path} ${entry.vendor ? `${entry.vendor}.${entry.operationId ?? '-'}` : '-'} ${entry.response.status} ${entry.durationMs.toFixed(1)}ms`,
        );
      };
  const server = await startServer({
    port,
    host: values.host ?? '127.0.0.1',
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
  }).catch((error: NodeJS.ErrnoException) => failToListen(error, port, values.host));
  onStopSignals('requests', () =>
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    ),
  );
  console.log(`esp-cancel-mock listening on ${server.url}`);
  console.log(`vendors: ${server.engine.vendors.join(', ')}${server.engine.strict ? ' (strict)' : ''}`);
  if (Object.keys(faults).length > 0) console.log(`faults: ${JSON.stringify(faults)} (seed ${seed}; replay with --seed ${seed})`);
  if (values['state-file']) console.log(`state file: ${values['state-file']}`);
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
      latency: { type: 'string' },
      chaos: { type: 'string' },
      faults: { type: 'string' },
      seed: { type: 'string' },
      'admin-token': { type: 'string' },
      'state-file': { type: 'string' },
      'max-sessions': { type: 'string' },
    },
  });
}

/** A fault plan file: JSON, or YAML when the name ends in .yaml/.yml. */
function readFaultFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read --faults ${file}: ${(error as Error).message}`);
  }
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new Error(`--faults ${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
}
