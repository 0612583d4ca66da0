import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { Probe } from './derive-probes.ts';

/**
 * What a probe must get, beyond a documented answer: `success` (a documented example: a 2xx),
 * `rejection` (an invalid request: a 4xx or 5xx), or `documented` (any documented status: an unknown
 * id, which SOAP answers with a 200 carrying an error Result).
 */
export type ProbeExpectation = 'success' | 'rejection' | 'documented';

/**
 * The issue when a probe's status is not the outcome it expects, else none. A refused success (401,
 * 403, or an answer whose reason speaks of credentials) names the flags that set the credentials of
 * that vendor, so a sandbox run with expired credentials is red and says how to fix it.
 *
 * @see ../../docs/reference/cli.md
 */
export function checkExpectation(probe: Probe, status: number, reason: string | undefined): ValidationIssue[] {
  const because = reason ? ` (${reason})` : '';
  if (probe.expect === 'success' && (status < 200 || status > 299)) {
    const refused =
      status === 401 || status === 403 || /credential|login|auth|unauthori[sz]ed|forbidden|token|permission/i.test(reason ?? '');
    const fix = refused ? `. The credentials were refused: ${credentialOptions(probe)}` : '';
    return [issue(`expected a success (2xx) for this documented example, got ${status}${because}${fix}`)];
  }
  if (probe.expect === 'rejection' && status < 400) {
    return [issue(`expected the documented rejection (4xx or 5xx) of this invalid request, got ${status}`)];
  }
  return [];
}

/** `pass real ones with --header omeda:x-omeda-appid=<value> …` for the probe's credential headers. */
export function credentialOptions(probe: Probe): string {
  const names = probe.credentials.length > 0 ? probe.credentials : ['<header>'];
  const flags = names.map((name) => `--header ${probe.vendor}:${name}=<value>`).join(' ');
  return `pass the ones the server accepts with ${flags} (or --config FILE: {"${probe.vendor}": {"headers": {…}, "parameters": {…}}}; --param ${probe.vendor}:<name>=<value> for ids)`;
}

function issue(message: string): ValidationIssue {
  return { location: 'status', pointer: '/', keyword: 'expectation', message };
}
