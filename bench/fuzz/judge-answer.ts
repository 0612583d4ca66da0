import { MOCK_PROBLEMS, type MockProblemCode } from '../../src/errors/mock-errors.ts';
import type { FuzzRequest } from './base-requests.ts';

export type Verdict = 'documented' | 'mock-problem' | 'undocumented';

/** Mock problems that mean the mock itself failed: never acceptable, whatever the input. */
const FAILURES: ReadonlySet<MockProblemCode> = new Set(['strict-violation', 'internal-mock-error']);

/**
 * Judges one answer of a strict-mode mock. A vendor answer is documented by construction (strict
 * mode turns any answer that breaks the spec — an undocumented status, a body off its schema — into a
 * `strict-violation` problem); a problem must carry a catalogued code other than the two failures.
 */
export function judgeAnswer(
  status: number,
  contentType: string | null,
  text: string,
  method = 'GET',
): { verdict: Verdict; reason?: string } {
  if (!contentType?.startsWith('application/problem+json')) return { verdict: 'documented' };
  // A HEAD answer has no body by HTTP's rules: its status and media type are all there is to judge.
  if (method === 'HEAD')
    return status >= 500 ? { verdict: 'undocumented', reason: `HEAD answered ${status}` } : { verdict: 'mock-problem' };
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    return { verdict: 'undocumented', reason: `problem+json ${status} that is not JSON` };
  }
  if (code === undefined || !(code in MOCK_PROBLEMS)) return { verdict: 'undocumented', reason: `uncatalogued problem code ${code}` };
  if (FAILURES.has(code as MockProblemCode)) return { verdict: 'undocumented', reason: `${code}: ${text.slice(0, 400)}` };
  return { verdict: 'mock-problem' };
}

/** The Fetch `Request` for a fuzz request against `origin` (GET and HEAD lose any body: Fetch forbids one). */
export function toFetchRequest(origin: string, request: FuzzRequest): Request {
  const bodyless = request.method === 'GET' || request.method === 'HEAD';
  return new Request(`${origin}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(bodyless || request.body === undefined ? {} : { body: request.body as BodyInit }),
  });
}
