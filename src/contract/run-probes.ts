import type { MockEngine } from '../engine/create-engine.ts';
import { findErrorText } from '../errors/error-text.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { Probe } from './derive-probes.ts';
import { NO_ISOLATION, type ProbeIsolation } from './mock-isolation.ts';
import { checkExpectation } from './probe-expectation.ts';

/** One probe's outcome: the status it got and every rule the answer broke (or why it got none). */
export interface ProbeResult {
  readonly probe: Probe;
  readonly status: number | null;
  readonly issues: readonly ValidationIssue[];
  readonly durationMs: number;
}

/**
 * Sends each probe to `baseUrl` in turn and checks the answer with the engine's compiled response
 * validators (`checkResponse`: status, headers, body decoded by the vendor codec), then against the
 * outcome the probe expects (`checkExpectation`). `isolation` keeps the probes off an esp-cancel-mock's
 * default session (see `mock-isolation.ts`).
 *
 * @see ../engine/check-exchange.ts
 */
export async function runProbes(
  engine: MockEngine,
  baseUrl: string,
  probes: readonly Probe[],
  fetcher: typeof fetch = fetch,
  isolation: ProbeIsolation = NO_ISOLATION,
): Promise<ProbeResult[]> {
  const base = baseUrl.replace(/\/+$/, '');
  const results: ProbeResult[] = [];
  for (const probe of probes) {
    const started = performance.now();
    let status: number | null = null;
    let issues: ValidationIssue[];
    try {
      await isolation.beforeProbe(probe);
      const response = await fetcher(`${base}${probe.path}`, {
        method: probe.method,
        headers: { ...probe.headers, ...isolation.headers(probe) },
        ...(probe.body === '' ? {} : { body: probe.body }),
        redirect: 'manual',
      });
      status = response.status;
      const body = await response.text();
      issues = engine.checkResponse(
        probe.vendor,
        probe.operationId,
        { status, headers: Object.fromEntries(response.headers), body },
        probe,
      );
      issues.push(...checkExpectation(probe, status, status >= 300 ? findErrorText(body) : undefined));
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      issues = [
        {
          location: 'status',
          pointer: '/',
          keyword: 'network',
          message: `no answer: ${(error as Error).message}${cause ? ` (${cause})` : ''}`,
        },
      ];
    }
    results.push({ probe, status, issues, durationMs: Math.round(performance.now() - started) });
  }
  return results;
}
