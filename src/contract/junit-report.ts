import { escapeXml } from '../codec/xml-text.ts';
import type { ProbeResult } from './run-probes.ts';
import { formatIssue } from './validate-exchanges.ts';

/**
 * A JUnit XML report of a verify run: one `testsuite` per vendor, one `testcase` per probe, a
 * `failure` per violated probe listing each broken rule (the format CI systems read).
 *
 * @see https://github.com/testmoapp/junitxml
 */
export function toJunitXml(results: readonly ProbeResult[]): string {
  const vendors = [...new Set(results.map((result) => result.probe.vendor))];
  const suites = vendors.map((vendor) => {
    const own = results.filter((result) => result.probe.vendor === vendor);
    const failures = own.filter((result) => result.issues.length > 0).length;
    const time = own.reduce((sum, result) => sum + result.durationMs, 0) / 1000;
    const cases = own.map((result) => {
      const { probe } = result;
      const head = `    <testcase classname="${escapeXml(`${vendor}.${probe.operationId}`)}" name="${escapeXml(`${probe.method} ${probe.name}`)}" time="${result.durationMs / 1000}"`;
      if (result.issues.length === 0) return `${head}/>`;
      const text = result.issues.map(formatIssue).join('\n');
      return `${head}>\n      <failure message="${escapeXml(formatIssue(result.issues[0] as (typeof result.issues)[0]))}">${escapeXml(text)}</failure>\n    </testcase>`;
    });
    return `  <testsuite name="${escapeXml(vendor)}" tests="${own.length}" failures="${failures}" time="${time}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = results.filter((result) => result.issues.length > 0).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="esp-cancel-mock verify" tests="${results.length}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}
