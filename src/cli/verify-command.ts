import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { deriveProbes, type VendorOverrides } from '../contract/derive-probes.ts';
import { toJunitXml } from '../contract/junit-report.ts';
import { runProbes } from '../contract/run-probes.ts';
import { formatIssue } from '../contract/validate-exchanges.ts';
import { createEngine } from '../engine/create-engine.ts';
import { loadSpec } from '../spec/load-specs.ts';
import { ALL_VENDORS, selectModules } from '../vendor/select-modules.ts';
import { fail } from './fail.ts';

export const VERIFY_HELP = `verify --base-url URL [options]
  Sends probes derived from the specs (every request example; missing field, no credentials,
  malformed body, unknown id, wrong method) and checks each answer: documented status, headers,
  body schema (SOAP envelopes decoded). Exit 1 on any violation.
  --vendor a,b            vendors to check (default: all)
  --junit FILE            also write a JUnit XML report
  --no-mutate             skip probes that would succeed in changing state (a real cancel)
  --header v:Name=Value   send this header on every probe of vendor v (real credentials), repeatable
  --param v:name=value    use this path/query/header parameter value for vendor v, repeatable
  --config FILE           JSON { "<vendor>": { "headers": {…}, "parameters": {…} } }`;

/**
 * `esp-cancel-mock verify`: the contract suite against any base URL (the mock, or a vendor sandbox).
 * One line per probe, a summary, optional JUnit XML, exit 1 on any violation.
 *
 * @see ../../docs/reference/cli.md and ../../docs/guides/ci.md
 */
export async function verifyCommand(args: string[]): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    fail(`${(error as Error).message}\nRun 'esp-cancel-mock --help' for the options.`);
  }
  const { values } = parsed;
  if (!values['base-url']) fail('verify needs --base-url, e.g. --base-url http://127.0.0.1:4010');
  const vendors = values.vendor ? values.vendor.split(',').map((name) => name.trim()) : [...ALL_VENDORS];
  let modules: ReturnType<typeof selectModules>;
  try {
    modules = selectModules(vendors);
  } catch (error) {
    fail((error as Error).message);
  }
  const overrides = readOverrides(values.config, values.header ?? [], values.param ?? []);
  const engine = createEngine({ modules });
  const all = modules.flatMap((module) => deriveProbes(loadSpec(module.name), module.codecs ?? [], overrides[module.name]));
  const probes = values['no-mutate'] ? all.filter((probe) => !probe.mutating) : all;
  const mutating = probes.filter((probe) => probe.mutating).length;
  if (mutating > 0) {
    console.log(
      `note: ${mutating} probes send a documented example that changes state (against a vendor sandbox they cancel real records); --no-mutate skips them`,
    );
  }
  const started = performance.now();
  const results = await runProbes(engine, values['base-url'], probes);
  for (const result of results) {
    const { probe } = result;
    const mark = result.issues.length === 0 ? 'ok  ' : 'FAIL';
    console.log(
      `${mark} ${probe.vendor}.${probe.operationId} ${probe.method} ${probe.name} → ${result.status ?? 'no answer'}${probe.mutating ? ' (mutating)' : ''}`,
    );
    for (const issue of result.issues) console.log(`       ${formatIssue(issue)}`);
  }
  const failed = results.filter((result) => result.issues.length > 0).length;
  const perVendor = modules.map((module) => `${module.name} ${results.filter((r) => r.probe.vendor === module.name).length}`).join(', ');
  console.log(`${results.length} checks (${perVendor}), ${failed} violations, ${Math.round(performance.now() - started)} ms`);
  if (values.junit) {
    mkdirSync(dirname(values.junit), { recursive: true });
    writeFileSync(values.junit, toJunitXml(results));
  }
  if (failed > 0) process.exitCode = 1;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    options: {
      'base-url': { type: 'string' },
      vendor: { type: 'string' },
      junit: { type: 'string' },
      'no-mutate': { type: 'boolean' },
      header: { type: 'string', multiple: true },
      param: { type: 'string', multiple: true },
      config: { type: 'string' },
    },
  });
}

/** Merges `--config FILE` with `--header v:Name=Value` and `--param v:name=value` (flags win). */
function readOverrides(file: string | undefined, headers: string[], params: string[]): Record<string, VendorOverrides> {
  const result: Record<string, { headers: Record<string, string>; parameters: Record<string, string> }> = {};
  const entry = (vendor: string) => {
    result[vendor] ??= { headers: {}, parameters: {} };
    return result[vendor];
  };
  if (file) {
    let config: Record<string, VendorOverrides>;
    try {
      config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, VendorOverrides>;
    } catch (error) {
      fail(`cannot read --config ${file}: ${(error as Error).message}`);
    }
    for (const [vendor, value] of Object.entries(config)) {
      Object.assign(entry(vendor).headers, value.headers);
      Object.assign(entry(vendor).parameters, value.parameters);
    }
  }
  for (const [flag, list, key] of [
    ['--header', headers, 'headers'],
    ['--param', params, 'parameters'],
  ] as const) {
    for (const item of list) {
      const match = /^([^:]+):([^=]+)=(.*)$/.exec(item);
      if (!match) fail(`${flag} takes vendor:name=value, got '${item}'`);
      const [, vendor, name, value] = match as unknown as [string, string, string, string];
      entry(vendor)[key][key === 'headers' ? name.toLowerCase() : name] = value;
    }
  }
  return result;
}
