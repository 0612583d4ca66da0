import { decodeBodyText, type UnreadableText } from '../codec/body-text.ts';
import { createProblem, type MockProblem } from '../errors/mock-errors.ts';

/**
 * The mock's own limits on what one request may hold. A test's odd input must never make the mock
 * buffer without bound: the body is counted while it streams and refused past the limit.
 *
 * @see ../../docs/reference/limits.md
 */
export const REQUEST_LIMITS = {
  /** Request bodies over this many bytes answer 413 `payload-too-large`. */
  maxBodyBytes: 1024 * 1024,
  /** Request targets (path + query) longer than this answer 414 `uri-too-long`. */
  maxUrlLength: 8 * 1024,
  /** Node's own header limit: larger header sections get a bare 431 from Node's parser. */
  maxHeaderBytes: 16 * 1024,
} as const;

export type BoundedBody =
  | { readonly ok: true; readonly text: string; readonly unreadable?: UnreadableText }
  | { readonly ok: false; readonly bytes: number }
  | BrokenOffBody;

/**
 * A body that ended before it was whole: the client closed the connection mid-upload, or its body
 * stream failed. Nobody is left to read an answer, so it is not the mock's error.
 */
export interface BrokenOffBody {
  readonly ok: false;
  readonly brokenOff: string;
}

/** Whether a body read came back as {@link BrokenOffBody}. */
export function isBrokenOff(body: BoundedBody): body is BrokenOffBody {
  return 'brokenOff' in body;
}

/**
 * A failed body read as the client's doing. A `TypeError` is the mock's own ("Body is unusable": read
 * twice, or locked), so it is thrown on and answered as an internal error; anything else is the body
 * stream's (Node's "aborted", an `AbortError`, the error a client's stream raised).
 */
function brokenOff(error: unknown): BrokenOffBody {
  if (error instanceof TypeError) throw error;
  return { ok: false, brokenOff: error instanceof Error ? error.message : String(error) };
}

/**
 * Reads a body up to `maxBytes`: a declared `Content-Length` over the limit is refused before one
 * byte is read, and a chunked body is counted while it streams and abandoned as soon as it passes.
 * The text is decoded in the charset the request names (`decodeBodyText`); a charset the mock cannot
 * decode comes back as `unreadable`, beside the body read as UTF-8. `headers` (the request's header
 * record, when the caller has one) is read instead of `request.headers`; `readBody` (the body's bytes,
 * when the caller reads them more cheaply) instead of `request.arrayBuffer()` for a body of declared length.
 */
export function readBoundedBody(
  request: Request,
  maxBytes: number,
  headers?: Readonly<Record<string, string>>,
  readBody?: () => Promise<Uint8Array>,
): Promise<BoundedBody> {
  const header = (name: string): string | null => (headers ? (headers[name] ?? null) : request.headers.get(name));
  const declared = Number(header('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Not awaited: a tee'd body (MSW clones requests) settles its cancel only when the other branch is read.
    request.body?.cancel().catch(() => undefined);
    return Promise.resolve({ ok: false, bytes: declared });
  }
  return readDecodedBody(request, maxBytes, declared, header('content-type'), readBody);
}

/**
 * The body's bytes (up to the limit when no length was declared), decoded in the charset it names.
 * Always bytes, never `request.text()`: that is UTF-8 whatever the body's byte order mark says (a UTF-16
 * BOM becomes two U+FFFD, the bytes behind them lost, and a body reads only once). On the server the
 * adapter hands over Node's own chunks (`readBody`): `arrayBuffer()` copies them into a new ArrayBuffer.
 */
async function readDecodedBody(
  request: Request,
  maxBytes: number,
  declared: number,
  contentType: string | null,
  readBody: (() => Promise<Uint8Array>) | undefined,
): Promise<BoundedBody> {
  let bytes: { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly bytes: number };
  try {
    // A declared length within the limit bounds the body already (the HTTP parser delivers exactly that
    // many bytes), so it is read whole, never as a web stream (building a Fetch Request and its stream
    // on the server was a third of a request's cost).
    bytes = Number.isFinite(declared)
      ? { ok: true, bytes: readBody ? await readBody() : new Uint8Array(await request.arrayBuffer()) }
      : await readBoundedBytes(request, maxBytes);
  } catch (error) {
    return brokenOff(error);
  }
  if (!bytes.ok) return bytes;
  const decoded = decodeBodyText(bytes.bytes, contentType);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: true, text: decoded.text, unreadable: decoded.unreadable };
}

export type BoundedBytes = { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> } | { readonly ok: false; readonly bytes: number };

/**
 * Reads a body's bytes up to `maxBytes`, as they came (the proxy forwards them unchanged): a declared
 * `Content-Length` over the limit is refused before one byte is read, a streamed body as soon as it passes.
 */
export async function readBoundedBytes(request: Request, maxBytes: number): Promise<BoundedBytes> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    request.body?.cancel().catch(() => undefined);
    return { ok: false, bytes: declared };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined);
      return { ok: false, bytes: total };
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes: joined };
}

/** The request target's length as the client sent it (path and query, without the origin). */
export function requestTargetLength(url: URL): number {
  return url.pathname.length + url.search.length;
}

/**
 * The 414 `uri-too-long` problem for a request target over `maxLength` characters, else undefined:
 * one rule and one wording for vendor paths (the engine) and the admin API.
 *
 * @see ../../docs/reference/limits.md
 */
export function checkTargetLength(url: URL, maxLength: number): MockProblem | undefined {
  const length = requestTargetLength(url);
  if (length <= maxLength) return undefined;
  return createProblem('uri-too-long', `the request target is ${length} characters; the limit is ${maxLength}`);
}
