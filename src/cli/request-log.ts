import { cutToLine } from '../errors/error-text.ts';
import { errorTextOf } from '../errors/noted-error-text.ts';
import type { JournalEntry } from '../journal/request-journal.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';

/** `text`: one readable line per request; `json`: one JSON object per line, for log tooling. */
export type LogFormat = 'text' | 'json';

/**
 * Why the mock refused a request, in a few words: the first request validation issue
 * (`header x-omeda-appid required`), else the error text of the answer (a problem's `detail`, a vendor
 * error body's message, a SOAP fault string). Undefined for an answer below 400 with a valid request.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457#name-detail
 */
export function rejectionReason(entry: JournalEntry): string | undefined {
  const [issue] = entry.validation.request;
  if (issue) return cutToLine(shortIssue(issue));
  return entry.response.status < 400 ? undefined : errorTextOf(entry.response);
}

/** `header x-omeda-appid required`, `body /TrackId: must NOT have more than 50 characters`. */
export function shortIssue(issue: ValidationIssue): string {
  const member = issue.pointer.split('/').at(-1) ?? '';
  if (issue.keyword === 'required' && member) return `${issue.location} ${member} required`;
  if (issue.location === 'path' && issue.keyword === 'unknown-route') return issue.message;
  return `${issue.location}${issue.pointer === '/' ? '' : ` ${issue.pointer}`}: ${issue.message}`;
}

/** Should the log use ANSI colour: only on a terminal, and never when `NO_COLOR` is set (non-empty). */
export function useColour(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/**
 * One log line for one exchange. Text: `POST /path omeda.cancelDeployment 403 0.4ms — header
 * x-omeda-appid required` (the status coloured on a terminal), prefixed `[<id>] ` for a named session.
 * JSON: `{"time","session","method","path","vendor","operationId","status","durationMs","reason","forced"}`
 * (`session` only for a named session).
 *
 * @see https://no-color.org/
 */
export function formatLogLine(entry: JournalEntry, format: LogFormat, colour: boolean, session?: string): string {
  return buildLine(entry, format, colour, session, false);
}

/**
 * The same line as its UTF-8 bytes, one character a byte (what `Buffer#toString('latin1')` gives of
 * them), for a writer that writes with the `latin1` encoding. The `—` of a text line would make the
 * line, and every line written with it, a two-byte string that must be flattened as such and encoded
 * character by character; here the line's parts are one-byte strings (ASCII, unless a part holds
 * another character: that part is converted), joined by the separator's three bytes, and writing the
 * batch is a copy.
 */
export function formatLogBytes(entry: JournalEntry, format: LogFormat, colour: boolean, session?: string): string {
  return buildLine(entry, format, colour, session, true);
}

/** ` — ` between a text line's status and its reason. */
const SEPARATOR = ' — ';
/** The same as UTF-8 bytes, one character each. */
const SEPARATOR_BYTES = Buffer.from(SEPARATOR, 'utf8').toString('latin1');

function buildLine(entry: JournalEntry, format: LogFormat, colour: boolean, session: string | undefined, bytes: boolean): string {
  const path = pathOf(entry.request.url);
  const reason = rejectionReason(entry);
  if (format === 'json') {
    const line = JSON.stringify({
      time: entry.time,
      ...(session === undefined ? {} : { session }),
      method: entry.request.method,
      path,
      vendor: entry.vendor,
      operationId: entry.operationId,
      status: entry.response.status,
      durationMs: Number(entry.durationMs.toFixed(2)),
      ...(reason === undefined ? {} : { reason }),
      ...(entry.forced ? { forced: entry.forced } : {}),
    });
    return bytes ? toByteString(line) : line;
  }
  // The head is ASCII: an HTTP method is a token, a URL's text is ASCII (percent-encoded), a session
  // id is `[A-Za-z0-9._-]`; an operation id comes from a spec (checked once per run of lines: `lineStart`).
  const operation = entry.vendor ? (entry.operationId ?? `${entry.vendor}.-`) : '-';
  const status = colour ? paint(entry.response.status) : String(entry.response.status);
  const head = `${lineStart(session, entry.request.method, path, operation, bytes)}${status} ${tenthsText(entry.durationMs)}ms`;
  if (!bytes) return reason ? `${head}${SEPARATOR}${reason}` : head;
  return reason ? `${head}${SEPARATOR_BYTES}${toByteString(reason)}` : head;
}

/** Any character a UTF-8 byte does not spell as itself. */
const NOT_ASCII = /[^\0-\x7f]/;

/** A text line's start up to its status, as last built: lines come in runs of one session, method, path and operation. */
let lastStart = { session: undefined as string | undefined, method: '', path: '', operation: '', bytes: false, text: '' };

/**
 * `[<session>] <method> <path> <operation> `, the operation id as bytes for a byte line (checked once
 * per run): the same string for a run of lines that share it, where joining its five parts cost a
 * string concatenation each, every line.
 */
function lineStart(session: string | undefined, method: string, path: string, operation: string, bytes: boolean): string {
  const last = lastStart;
  if (session === last.session && method === last.method && path === last.path && operation === last.operation && bytes === last.bytes) {
    return last.text;
  }
  const text = `${session === undefined ? '' : `[${session}] `}${method} ${path} ${bytes ? toByteString(operation) : operation} `;
  lastStart = { session, method, path, operation, bytes, text };
  return text;
}

/** A text's UTF-8 bytes, one character each: an ASCII text as it is. */
function toByteString(text: string): string {
  return NOT_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/**
 * `ms.toFixed(1)` without its call into V8's runtime (about a quarter of a text line's instructions):
 * the tenths as whole numbers. A value within a hair of half a tenth, where the product `ms * 10` may
 * have rounded across the half, and any value out of range, goes to `toFixed` itself.
 */
export function tenthsText(ms: number): string {
  const tenths = ms * 10;
  if (!(tenths >= 0 && tenths < 1e9) || Math.abs((tenths % 1) - 0.5) < 1e-6) return ms.toFixed(1);
  const whole = Math.round(tenths);
  const last = whole % 10;
  return `${(whole - last) / 10}.${last}`;
}

/** The URL whose path was read last, and that path: runs of requests to one URL share the journal's string. */
let lastPath = { url: '', path: '/' };

/**
 * The path of an absolute request URL (`http://host:4010/a/b?c` → `/a/b`) without parsing it again: a
 * request's `url` is already normalised by the Fetch `Request` that carried it.
 */
function pathOf(url: string): string {
  if (url === lastPath.url) return lastPath.path;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const query = start === -1 ? -1 : url.indexOf('?', start);
  const path = start === -1 ? '/' : query === -1 ? url.slice(start) : url.slice(start, query);
  lastPath = { url, path };
  return path;
}

/** Green 2xx/3xx, yellow 4xx, red 5xx (SGR codes). */
function paint(status: number): string {
  const code = status >= 500 ? 31 : status >= 400 ? 33 : 32;
  return `\u001b[${code}m${status}\u001b[39m`;
}
