import { parseArgs } from 'node:util';
import { readServerVersion } from '../admin/server-identity.ts';
import { type JournalEntry, MAX_JOURNAL_CAPACITY } from '../journal/request-journal.ts';
import type { ExchangeVerdictLine } from '../proxy/create-proxy.ts';
import { formatDriftReport } from '../proxy/drift-report.ts';
import { createHarFile, type HarFile } from '../proxy/har-file.ts';
import { parseTargets } from '../proxy/proxy-targets.ts';
import { startProxy } from '../proxy/start-proxy.ts';
import { ALL_VENDORS } from '../vendors.ts';
import { fail } from './fail.ts';
import { boundServerHeap, failToListen, onStopSignals, readPort } from './listen-lifecycle.ts';

export const PROXY_HELP = `esp-cancel-mock proxy --target <vendor>=<url> … [options]
  A validating proxy in front of the real vendors: forwards each request unchanged, returns the
  upstream's answer unchanged, and checks both against the specs (see docs/guides/proxy.md).
  --target <v>=<url>     forward vendor v's native paths to this upstream; repeat per vendor
                         (e.g. --target omeda=https://ows.omedastaging.com)
  --port <n>             port to listen on (default 4010, or $PORT; 0 picks a free one)
  --host <addr>          address to bind (default 127.0.0.1: loopback only)
  --har <file>           write the traffic (secrets redacted) as HAR 1.2, readable by 'validate'
  --fail-on-drift        exit 1 on stop if any upstream answer broke its spec
  --timeout <ms>         an upstream must answer within this (default 30000; else 504)
  --connect-timeout <ms> an upstream must accept the connection within this (default 5000; else 504)
  --journal-size <n>     exchanges kept for GET /__admin/requests (default 1000, at most 100000)
  --admin-token <t>      require Authorization: Bearer <t> on /__admin (required off loopback)
  --quiet                no per-exchange log lines
  Report per operation on stop (SIGINT/SIGTERM) and at GET /__admin/report.`;

/**
 * `esp-cancel-mock proxy --target omeda=https://ows.omedastaging.com`: forwards the app's traffic
 * unchanged and reports where the vendor (or the app) leaves the specs.
 *
 * @see ../../docs/guides/proxy.md
 */
export async function proxyCommand(args: string[]): Promise<void> {
  let values: ReturnType<typeof parseProxyArgs>['values'];
  try {
    ({ values } = parseProxyArgs(args));
  } catch (error) {
    fail(`${(error as Error).message}\nRun 'esp-cancel-mock --help' for the options.`);
  }
  let targets: ReturnType<typeof parseTargets>;
  try {
    targets = parseTargets(values.target ?? [], ALL_VENDORS);
  } catch (error) {
    fail((error as Error).message.replace(/^\[esp-cancel-mock\] /, ''));
  }
  const port = readPort(values.port);
  const timeoutMs = wholeNumber('--timeout', values.timeout, 1, 2 ** 31 - 1);
  const connectTimeoutMs = wholeNumber('--connect-timeout', values['connect-timeout'], 1, 2 ** 31 - 1);
  const journalCapacity = wholeNumber('--journal-size', values['journal-size'], 0, MAX_JOURNAL_CAPACITY);
  let har: HarFile | undefined;
  if (values.har) {
    try {
      har = createHarFile(values.har, readServerVersion());
    } catch (error) {
      fail(`cannot write --har ${values.har}: ${(error as Error).message}`);
    }
  }
  const running = await startProxy({
    targets,
    port,
    host: values.host ?? '127.0.0.1',
    upstream: {
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
    },
    ...(journalCapacity === undefined ? {} : { journalCapacity }),
    ...(har ? { har } : {}),
    ...(values.quiet ? {} : { onExchange: logExchange }),
    ...(values['admin-token'] ? { adminToken: values['admin-token'] } : {}),
  }).catch((error: NodeJS.ErrnoException) => failToListen(error, port, values.host));
  onStopSignals('exchanges', () => {
    const finish = () => {
      har?.close();
      const report = running.proxy.report();
      console.log(formatDriftReport(report));
      if (values.har) console.log(`HAR: ${values.har}`);
      const failed = values['fail-on-drift'] === true && report.drift > 0;
      if (failed) console.log(`drift: ${report.drift} exchanges broke the specs (--fail-on-drift)`);
      process.exit(failed ? 1 : 0);
    };
    running.close().then(finish, finish);
  });
  console.log(`esp-cancel-mock proxy listening on ${running.url}`);
  console.log(`targets: ${[...targets].map(([vendor, url]) => `${vendor}=${url.href}`).join(', ')}`);
  boundServerHeap();
}

/** `POST /webservices/… omeda.cancelDeployment 200 84.1ms drift: response body /SubmissionId: …` */
function logExchange(entry: JournalEntry, verdict: ExchangeVerdictLine): void {
  const path = new URL(entry.request.url).pathname;
  const operation = entry.vendor ? (entry.operationId ?? `${entry.vendor}.(unknown endpoint)`) : '-';
  const notes = [
    verdict.upstream ? ` ${verdict.upstream}` : '',
    verdict.drift ? ` drift: ${verdict.drift}` : '',
    verdict.request ? ` request-violation: ${verdict.request}` : '',
  ].join('');
  console.log(`${entry.request.method} ${path} ${operation} ${entry.response.status} ${entry.durationMs.toFixed(1)}ms${notes}`);
}

/** A whole-number flag within its range (timers take at most 2^31-1 ms); a bad value exits with the rule. */
function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max)
    fail(`${flag} must be a whole number from ${min} to ${max}, got '${value}'`);
  return number;
}

function parseProxyArgs(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      target: { type: 'string', multiple: true },
      port: { type: 'string' },
      host: { type: 'string' },
      har: { type: 'string' },
      'fail-on-drift': { type: 'boolean' },
      timeout: { type: 'string' },
      'connect-timeout': { type: 'string' },
      'journal-size': { type: 'string' },
      'admin-token': { type: 'string' },
      quiet: { type: 'boolean' },
    },
  });
}
