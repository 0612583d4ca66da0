/**
 * What the proxy sends upstream and what it gets back, independent of the transport that carries it
 * (`node:http` for the server, `fetch` through MSW's `bypass` in-process).
 */
export interface UpstreamRequest {
  readonly method: string;
  readonly url: URL;
  /** End-to-end headers as the client sent them (hop-by-hop ones removed, `host` set to the upstream). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array<ArrayBuffer>;
}

/** How an upstream failed to answer; each becomes one problem code (`upstream-*`). */
export type UpstreamFailure = 'unreachable' | 'timeout' | 'invalid-response' | 'too-large';

export type UpstreamResult =
  | {
      readonly ok: true;
      readonly status: number;
      /** Lower-case names; repeated headers joined with `, ` (`set-cookie` with `\n`, so none is lost). */
      readonly headers: Readonly<Record<string, string>>;
      /** The body bytes as they came over the wire (still compressed if `content-encoding` says so). */
      readonly body: Uint8Array<ArrayBuffer>;
    }
  | { readonly ok: false; readonly failure: UpstreamFailure; readonly message: string };

/** How long an upstream may take, and how much it may send back. */
export interface UpstreamLimits {
  /** Connecting (DNS, TCP, TLS) must finish within this. Default 5 s. */
  readonly connectTimeoutMs: number;
  /** The whole answer (status, headers and body) must arrive within this. Default 30 s. */
  readonly timeoutMs: number;
  /** Answers larger than this are refused with 502 `upstream-too-large`. Default 16 MiB. */
  readonly maxBodyBytes: number;
}

export const DEFAULT_UPSTREAM_LIMITS: UpstreamLimits = { connectTimeoutMs: 5_000, timeoutMs: 30_000, maxBodyBytes: 16 * 1024 * 1024 };

/** Sends one request upstream; never throws, every failure is a value. */
export type Forwarder = (request: UpstreamRequest, limits: UpstreamLimits) => Promise<UpstreamResult>;

/**
 * Hop-by-hop headers belong to one connection and are not forwarded (RFC 9110 §7.6.1), nor is the
 * framing, which the next hop sets again for the same bytes.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-7.6.1
 */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
]);
