/**
 * How a request reaches the engine when a session layer stands in front of it.
 * @see ../../docs/guides/sessions.md
 */
export interface HandleOptions {
  /** The vendor URL to answer (the request's URL with a session prefix taken off; the journal keeps the URL as sent). */
  readonly url?: URL;
  /**
   * What URLs the mock hands out hang off (SFMC instance URLs, Omeda's lookup `Url`, the WSDL
   * address): a session's base URL keeps a client that follows them in the session. Default: the origin.
   */
  readonly baseUrl?: string;
  /**
   * The request's headers as a record of lower-case names, listed like `Object.fromEntries(request.headers)`,
   * when the adapter has them already: the server adapter reads them from Node's raw lines, which costs a
   * tenth of building and sorting a Fetch `Headers`. Default: read from `request.headers`.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The request body's bytes, when the adapter reads them more cheaply than the Fetch `Request` does:
   * the server adapter reads Node's chunks as they came, without the copy `arrayBuffer()` makes. Called
   * at most once, and only for a body whose declared `Content-Length` is within the limit (Node's parser
   * delivers exactly that many bytes); a body without one is read from `request.body` and counted while
   * it streams. A rejection is the body breaking off (see `readBoundedBody`). Default: read from `request`.
   */
  readonly readBody?: () => Promise<Uint8Array>;
}

/**
 * A request as the pipeline reads it: the Fetch request, its vendor URL, its header record, the base
 * URL handed-out URLs hang off, when it came in.
 */
export interface Incoming {
  readonly request: Request;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly baseUrl: string;
  /** `HandleOptions.readBody`, when the adapter gave one. */
  readonly readBody: (() => Promise<Uint8Array>) | undefined;
  /** `performance.now()` and `Date.now()` on arrival. */
  readonly started: number;
  readonly startedAt: number;
}

/** The request as the pipeline reads it, stamped with its arrival. */
export function toIncoming(request: Request, options: HandleOptions): Incoming {
  const started = performance.now();
  const startedAt = Date.now();
  const url = options.url ?? new URL(request.url);
  // One record serves decoding, routing and the journal (which keeps it instead of the request's `Headers`).
  const headers = options.headers ?? Object.fromEntries(request.headers);
  const baseUrl = options.baseUrl ?? (options.url ? url.origin : originOf(request.url, url));
  return { request, url, headers, baseUrl, started, startedAt, readBody: options.readBody };
}

/** The origin last read from a URL. */
let lastOrigin = 'null';

/**
 * `url.origin`, where `href` is the URL's text. A client keeps sending to one origin, so when `href`
 * starts with the last origin read and a `/`, that is its origin (the authority ends at that `/` and
 * reads as it did), without serialising it again from the URL.
 */
function originOf(href: string, url: URL): string {
  // `indexOf`: a native search, where optimised `startsWith` compares a character at a time.
  if (href.indexOf(lastOrigin) === 0 && href.charCodeAt(lastOrigin.length) === 47) return lastOrigin;
  lastOrigin = url.origin;
  return lastOrigin;
}
