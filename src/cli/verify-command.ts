import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deriveProbes } from '../contract/derive-probes.ts';
import { toJunitXml } from '../contract/junit-report.ts';
import { isolateOnMock, NO_ISOLATION } from '../contract/mock-isolation.ts';
import type { VendorOverrides } from '../contract/probe-parameters.ts';
import { checkBaseUrl, reachTarget } from '../contract/probe-target.ts';
import { runProbes } from '../contract/run-probes.ts';
import { formatIssue } from '../contract/validate-exchanges.ts';
import { createEngine } from '../engine/create-engine.ts';
import { loadSpec } from '../spec/load-specs.ts';
import { selectModules } from '../vendors.ts';
import { parseFlags, readVendorsFlag } from './cli-flags.ts';
import { fail } from './fail.ts';

export const VERIFY_HELP = `esp-cancel-mock verify --base-url URL [options]
  Sends probes derived from the specs (every request example; missing field, no credentials,
  malformed body, unknown id, wrong method) and checks each answer: a documented status, headers and
  body schema (SOAP envelopes decoded), and the outcome the probe expects (a documented example must
  succeed; an invalid request must be rejected). Exit 1 on any violation; 2 when the base URL is
  wrong or does not answer. Against an esp-cancel-mock, the probes run in their own sessions (or its
  records and journal are put back), so the app's tests see the default dataset.
  --base-url URL          http(s) base URL of the mock or of a vendor sandbox
  --vendors a,b           vendors to check (default: all; --vendor is the same flag)
  --junit FILE            also write a JUnit XML report
  --no-mutate             skip probes that would succeed in changing state (a real cancel)
  --header v:Name=Value   send this header on every probe of vendor v (real credentials), repeatable
  --param v:name=value    use this path/query/header parameter value for vendor v, repeatable
  --config FILE           JSON { "<vendor>": { "headers": {…}, "parameters": {…} } }
  --admin-token T         the mock's --admin-token, so verify can isolate its probes there`;

/**
 * `esp-cancel-mock verify`: the contract suite against any base URL (the mock, or a vendor sandbox).
 * One line per probe, a summary, optional JUnit XML; exit 1 on any violation, 2 on a base URL that is
 * malformed or does not answer.
 *
 * @see ../../docs/reference/cli.md
 */
export async function verifyCommand(args: string[]): Promise<void> {
  const flags = parseFlags('verify', args, {
    options: {
      'base-url': { type: 'string' },
      vendors: { type: 'string' },
      junit: { type: 'string' },
      'no-mutate': { type: 'boolean' },
      header: { type: 'string', multiple: true },
      param: { type: 'string', multiple: true },
      config: { type: 'string' },
      'admin-token': { type: 'string' },
    },
  });
  if (!flags.ok) fail(flags.message);
  const { values } = flags.parsed;
  if (!values['base-url']) fail('verify needs --base-url, e.g. --base-url http://127.0.0.1:4010');
  const target = checkBaseUrl(values['base-url']);
  if (!target.ok) fail(target.message);
  const modules = selectModules(readVendorsFlag(values.vendors));
  const overrides = readOverrides(values.config, values.header ?? [], values.param ?? []);
  const reach = await reachTarget(target.base);
  if (!reach.ok) fail(reach.message);
  const engine = createEngine({ modules });
  const all = modules.flatMap((module) =>
    deriveProbes(loadSpec(module.name, module.specDirectory), module.codecs ?? [], overrides[module.name]),
  );
  const probes = values['no-mutate'] ? all.filter((probe) => !probe.mutating) : all;
  const mutating = probes.filter((probe) => probe.mutating).length;
  const isolation = reach.mock ? await isolateOnMock(target.base, values['admin-token']) : NO_ISOLATION;
  if (reach.mock) console.log(`target: esp-cancel-mock ${reach.version}${isolation.description ? `; ${isolation.description}` : ''}`);
  else if (mutating > 0) {
    console.log(
      `note: ${mutating} probes send a documented example that changes state (against a vendor sandbox they cancel real records); --no-mutate skips them`,
    );
  }
  const started = performance.now();
  const results = await runProbes(engine, target.base, probes, fetch, isolation);
  const note = await isolation.finish();
  for (const result of results) {
    const { probe } = result;
    const mark = result.issues.length === 0 ? 'ok  ' : 'FAIL';
    console.log(
      `${mark} ${probe.vendor}.${probe.operationId} ${probe.method} ${probe.name} → ${result.status ?? 'no answer'}${probe.mutating ? ' (mutating)' : ''}`,
    );
    for (const issue of result.issues) console.log(`       ${formatIssue(issue)}`);
  }
  if (note) console.log(note);
  const failed = results.filter((result) => result.issues.length > 0).length;
  const perVendor = modules.map((module) => `${module.name} ${results.filter((r) => r.probe.vendor === module.name).length}`).join(', ');
  console.log(`${results.length} checks (${perVendor}), ${failed} violations, ${Math.round(performance.now() - started)} ms`);
  if (values.junit) {
    mkdirSync(dirname(values.junit), { recursive: true });
    writeFileSync(values.junit, toJunitXml(results));
  }
  if (failed > 0) process.exitCode = 1;
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
