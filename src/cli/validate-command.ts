import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readRecordedExchanges } from '../contract/recorded-exchanges.ts';
import { formatIssue, validateExchanges } from '../contract/validate-exchanges.ts';
import { createEngine } from '../engine/create-engine.ts';
import { selectModules } from '../vendor/select-modules.ts';
import { fail } from './fail.ts';

export const VALIDATE_HELP = `validate FILE [--vendor a,b]
  Checks recorded traffic (a HAR file, or the JSON of GET /__admin/requests) against the specs:
  the operation each exchange hit, each rule broken and where. Unknown endpoints are violations.
  Exit 1 on any violation.`;

/**
 * `esp-cancel-mock validate traffic.har`: one line per exchange, issues indented under it, a summary.
 *
 * @see ../../docs/reference/cli.md and ../../docs/guides/ci.md
 */
export async function validateCommand(args: string[]): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    fail(`${(error as Error).message}\nRun 'esp-cancel-mock --help' for the options.`);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) fail('validate takes exactly one file: esp-cancel-mock validate traffic.har');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  const read = readRecordedExchanges(text);
  if (!read.ok) fail(`${file}: ${read.message}`);
  const engine = createEngine({ modules: selectModules(parsed.values.vendor?.split(',').map((name) => name.trim())) });
  let violations = 0;
  for (const verdict of validateExchanges(engine, read.exchanges)) {
    const { request } = verdict.exchange;
    const operation = verdict.operationId ? `${verdict.vendor}.${verdict.operationId}` : 'unknown endpoint';
    const issues = [...verdict.request, ...verdict.response];
    if (issues.length > 0) violations++;
    console.log(
      `${issues.length === 0 ? 'ok  ' : 'FAIL'} ${verdict.exchange.label} ${request.method} ${request.url} → ${verdict.exchange.response.status} [${operation}]`,
    );
    for (const issue of issues) console.log(`       ${formatIssue(issue)}`);
  }
  console.log(`${read.exchanges.length} exchanges, ${violations} with violations`);
  if (violations > 0) process.exitCode = 1;
}

function parse(args: string[]) {
  return parseArgs({ args, strict: true, allowPositionals: true, options: { vendor: { type: 'string' } } });
}
