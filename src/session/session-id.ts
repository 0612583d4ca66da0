/**
 * The path prefix that puts a request in a session: `/__session/<id>/<vendor or admin path>`.
 * @see ../../docs/guides/sessions.md
 */
export const SESSION_PREFIX = '/__session';

/**
 * The header that puts a request on the usual paths in a session.
 * @see ../../docs/guides/sessions.md
 */
export const SESSION_HEADER = 'x-mock-session';

const SESSION_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Where a request goes: the default session, a named one (with the vendor URL once the prefix is taken
 * off, and the base URL handed-out URLs keep), or nowhere because the id breaks the rules.
 * @see ../../docs/guides/sessions.md
 */
export type SessionTarget =
  | { readonly kind: 'default'; readonly pathname: string }
  | {
      readonly kind: 'session';
      readonly id: string;
      readonly pathname: string;
      /** The request's URL without the `/__session/<id>` prefix (undefined when the header named it). */
      readonly url: URL | undefined;
      /** `http://127.0.0.1:4010/__session/<id>`: what URLs the mock hands out in this session hang off. */
      readonly baseUrl: string;
    }
  | { readonly kind: 'invalid'; readonly detail: string };

/**
 * Whether `id` may name a session: 1–64 characters of `[A-Za-z0-9._-]`, and not `.` or `..`, which
 * a URL path cannot carry as a segment (clients and URL parsers remove them), so the prefix form
 * could never reach them.
 * @see ../../docs/guides/sessions.md
 */
export function checkSessionId(id: string): string | undefined {
  if (!SESSION_ID.test(id)) return `a session id is 1-64 characters of A-Z a-z 0-9 . _ -, got '${id.slice(0, 80)}'`;
  if (id === '.' || id === '..') return `a session id cannot be '${id}' (a URL path drops it)`;
  return undefined;
}

/**
 * Reads a request's session from the `/__session/<id>` prefix or the `x-mock-session` header. Cheap
 * on the default path: one prefix comparison on the URL string and one header lookup (in `headers`,
 * the request's header record, when the caller has one).
 *
 * @see ../../docs/guides/sessions.md
 */
export function readSessionTarget(request: Request, headers?: Readonly<Record<string, string>>): SessionTarget {
  const href = request.url;
  const pathStart = href.indexOf('/', href.indexOf('//') + 2);
  const queryStart = href.indexOf('?', pathStart);
  const pathEnd = queryStart === -1 ? href.length : queryStart;
  const header = headers ? (headers[SESSION_HEADER] ?? null) : request.headers.get(SESSION_HEADER);
  const prefixed =
    href.startsWith(SESSION_PREFIX, pathStart) &&
    (pathStart + SESSION_PREFIX.length === pathEnd || href[pathStart + SESSION_PREFIX.length] === '/');
  if (!prefixed) {
    const pathname = href.slice(pathStart, pathEnd);
    if (header === null) return { kind: 'default', pathname };
    const problem = checkSessionId(header);
    if (problem) return { kind: 'invalid', detail: `${SESSION_HEADER}: ${problem}` };
    return { kind: 'session', id: header, pathname, url: undefined, baseUrl: `${href.slice(0, pathStart)}${SESSION_PREFIX}/${header}` };
  }
  const idStart = pathStart + SESSION_PREFIX.length + 1;
  const idEnd = Math.min(pathEnd, ...[href.indexOf('/', idStart)].filter((index) => index !== -1 && index < pathEnd));
  const id = idStart > pathEnd ? '' : href.slice(idStart, idEnd);
  const problem = checkSessionId(id);
  if (problem) return { kind: 'invalid', detail: `${SESSION_PREFIX}/<id>: ${problem}` };
  if (header !== null && header !== id)
    return { kind: 'invalid', detail: `the path names session '${id}' and ${SESSION_HEADER} names '${header.slice(0, 80)}'; use one` };
  const pathname = idEnd === pathEnd ? '/' : href.slice(idEnd, pathEnd);
  const origin = href.slice(0, pathStart);
  return {
    kind: 'session',
    id,
    pathname,
    url: new URL(`${origin}${pathname}${href.slice(pathEnd)}`),
    baseUrl: `${origin}${SESSION_PREFIX}/${id}`,
  };
}

const SESSION_PREFIXED = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)\/__session\/[A-Za-z0-9._-]{1,64}(?=[/?#]|$)/i;

/**
 * A recorded URL without its `/__session/<id>` prefix, so a session's journal checks against the
 * specs like the default session's (`validate`).
 * @see ../../docs/guides/sessions.md
 */
export function withoutSessionPrefix(url: string): string {
  return url.replace(SESSION_PREFIXED, '$1');
}
