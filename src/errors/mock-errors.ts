/**
 * The mock's own errors — never a vendor's — as RFC 9457 `application/problem+json` with stable
 * `type` codes. One catalogue; docs/reference/problems.md lists the same codes (generated from it).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457
 */
export const MOCK_PROBLEMS = {
  'unknown-route': { status: 404, title: 'No vendor operation matches this method and path' },
  'method-not-allowed': { status: 405, title: 'The mock does not serve this method' },
  'malformed-prefer': { status: 400, title: 'The Prefer header (or __code query) could not be read' },
  'forced-status-not-documented': { status: 400, title: 'The forced status is not documented for this operation' },
  'example-not-found': { status: 400, title: 'The forced example is not documented for this status' },
  'strict-violation': { status: 500, title: 'The mock produced a response that breaks its own spec' },
  'bad-admin-request': { status: 400, title: 'The admin request is not valid' },
  'payload-too-large': { status: 413, title: "The request body exceeds the mock's limit" },
  'uri-too-long': { status: 414, title: "The request target exceeds the mock's limit" },
  'header-fields-too-large': { status: 431, title: "The request's header section exceeds the server's limit" },
  'request-timeout': { status: 408, title: 'The request did not arrive in time' },
  'malformed-http': { status: 400, title: 'The request is not valid HTTP/1.1' },
  'expectation-failed': { status: 417, title: 'The request expects what the server does not meet (only 100-continue)' },
  'admin-token-required': { status: 401, title: 'The admin API needs the admin token (Authorization: Bearer <token>)' },
  'invalid-session-id': { status: 400, title: 'The session id is not 1-64 characters of [A-Za-z0-9._-]' },
  'session-not-found': { status: 404, title: 'No session of this id exists' },
  'internal-mock-error': { status: 500, title: 'The mock failed unexpectedly; the next request still works' },
  'upstream-unreachable': { status: 502, title: "The proxy could not reach the vendor's upstream" },
  'upstream-invalid-response': { status: 502, title: 'The upstream answered something that is not HTTP, or broke off its answer' },
  'upstream-too-large': { status: 502, title: "The upstream's answer exceeds the proxy's limit" },
  'upstream-timeout': { status: 504, title: 'The upstream did not answer in time' },
} as const;

export type MockProblemCode = keyof typeof MOCK_PROBLEMS;

export interface MockProblem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: MockProblemCode;
  readonly [extension: string]: unknown;
}

export const PROBLEM_TYPE_PREFIX = 'urn:esp-cancel-mock:problem:';

/** Builds a problem object; `extensions` add members such as `issues` or `allowed`. */
export function createProblem(code: MockProblemCode, detail: string, extensions: Record<string, unknown> = {}): MockProblem {
  const { status, title } = MOCK_PROBLEMS[code];
  return { type: `${PROBLEM_TYPE_PREFIX}${code}`, title, status, detail, code, ...extensions };
}

/**
 * The code and detail of one of the mock's own problems, read from an answer's body, or `undefined`
 * when the body is not one (a vendor's answer never has this `type`).
 */
export function readMockProblem(body: string): { readonly code: string; readonly detail: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { type, detail } = parsed as { type?: unknown; detail?: unknown };
  if (typeof type !== 'string' || !type.startsWith(PROBLEM_TYPE_PREFIX)) return undefined;
  return { code: type.slice(PROBLEM_TYPE_PREFIX.length), detail: typeof detail === 'string' ? detail : '' };
}

/** The problem as a Fetch `Response` with its status and media type. */
export function toProblemResponse(problem: MockProblem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}
