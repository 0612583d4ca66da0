import { readFileSync } from 'node:fs';
import { readRecordedExchanges } from '../contract/recorded-exchanges.ts';
import { type ExchangeVerdict, formatIssue, validateExchanges } from '../contract/validate-exchanges.ts';
import { createEngine } from '../engine/create-engine.ts';
import { selectModules } from '../vendors.ts';
import { parseFlags, readVendorsFlag, splitList } from './cli-flags.ts';
import { fail } from './fail.ts';

export const VALIDATE_HELP = `esp-cancel-mock validate FILE [options]
  Checks recorded traffic (a HAR file, or the JSON of GET /__admin/requests) against the specs:
  the operation each exchange hit, each rule broken and where. A request no spec documents is a
  violation unless skipped. Exit 1 on any violation.
  --vendors a,b       check only these vendors' exchanges; other vendors' are skipped (--vendor is the same flag)
  --ignore-unknown    skip requests that are not to any vendor (no route, no vendor path prefix)
  --hosts h1,h2       check only requests to these hosts (host or host:port); others are skipped
  --fail-on-dropped   exit 1 when the journal's ring buffer dropped exchanges before the export`;

/** Why an exchange was not checked. */
type Skip = 'other vendor' | 'other host' | 'not to a vendor';

/**
 * `esp-cancel-mock validate traffic.har`: one line per checked exchange, issues indented under it, a
 * summary with what was skipped and why, and a warning (or with `--fail-on-dropped` a failure) when
 * the journal export says its ring buffer dropped exchanges.
 *
 * @see ../../docs/reference/cli.md
 */
export async function validateCommand(args: string[]): Promise<void> {
  const flags = parseFlags('validate', args, {
    allowPositionals: true,
    options: {
      vendors: { type: 'string' },
      'ignore-unknown': { type: 'boolean' },
      hosts: { type: 'string' },
      'fail-on-dropped': { type: 'boolean' },
    },
  });
  if (!flags.ok) fail(flags.message);
  const { values, positionals } = flags.parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) fail('validate takes exactly one file: esp-cancel-mock validate traffic.har');
  const vendors = readVendorsFlag(values.vendors);
  const hosts = splitList(values.hosts)?.map((host) => host.toLowerCase());
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  const read = readRecordedExchanges(text);
  if (!read.ok) fail(`${file}: ${read.message}`);
  // Every vendor is known, so another vendor's exchange is recognised (and skipped), never "unknown".
  const engine = createEngine({ modules: selectModules() });
  const skipped = new Map<Skip, number>();
  let violations = 0;
  let checked = 0;
  for (const verdict of validateExchanges(engine, read.exchanges)) {
    const skip = skipReason(verdict, vendors, hosts, values['ignore-unknown'] === true);
    if (skip) {
      skipped.set(skip, (skipped.get(skip) ?? 0) + 1);
      continue;
    }
    checked++;
    const { request } = verdict.exchange;
    const operation = verdict.operationId ? `${verdict.vendor}.${verdict.operationId}` : 'unknown endpoint';
    const issues = [...verdict.request, ...verdict.response];
    if (issues.length > 0) violations++;
    console.log(
      `${issues.length === 0 ? 'ok  ' : 'FAIL'} ${verdict.exchange.label} ${request.method} ${request.url} → ${verdict.exchange.response.status} [${operation}]`,
    );
    for (const issue of issues) console.log(`       ${formatIssue(issue)}`);
  }
  const skippedText = [...skipped].map(([reason, count]) => `${count} ${reason}`).join(', ');
  console.log(`${checked} exchanges, ${violations} with violations${skippedText ? ` (skipped: ${skippedText})` : ''}`);
  if (read.dropped !== undefined && read.dropped > 0) {
    const kept = read.capacity === undefined ? '' : ` (it keeps ${read.capacity})`;
    const level = values['fail-on-dropped'] ? 'FAIL' : 'warning';
    console.log(
      `${level}: the journal dropped ${read.dropped} older exchanges before this export${kept}: they were not checked. Raise serve --journal-size, or export more often.`,
    );
    if (values['fail-on-dropped']) process.exitCode = 1;
  }
  if (violations > 0) process.exitCode = 1;
}

function skipReason(
  verdict: ExchangeVerdict,
  vendors: readonly string[],
  hosts: readonly string[] | undefined,
  ignoreUnknown: boolean,
): Skip | undefined {
  if (hosts) {
    let url: URL | undefined;
    try {
      url = new URL(verdict.exchange.request.url);
    } catch {
      url = undefined;
    }
    if (!url || !(hosts.includes(url.host.toLowerCase()) || hosts.includes(url.hostname.toLowerCase()))) return 'other host';
  }
  if (verdict.vendor !== null && !vendors.includes(verdict.vendor)) return 'other vendor';
  if (verdict.vendor === null && ignoreUnknown) return 'not to a vendor';
  return undefined;
}
