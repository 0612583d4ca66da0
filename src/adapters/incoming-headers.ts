import type { IncomingMessage } from 'node:http';

/** HTTP whitespace a Fetch `Headers` strips from both ends of a value. */
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * A Node request's headers as the record `Object.fromEntries(new Headers(…))` gives for the same lines
 * — lower-case names in code-unit order, repeats joined with `, ` (`; ` for Cookie), the last
 * Set-Cookie — read straight from `rawHeaders`. @hono/node-server's Request answers `get()` from Node's
 * parsed headers, but listing them builds a full `Headers` and sorts it: a tenth of the engine's cost of
 * a request. HTTP/1.1 framing is made explicit too: no length and no chunking means an empty body
 * (RFC 9112 §6.3), so the engine reads it by length.
 *
 * @see https://fetch.spec.whatwg.org/#concept-header-list-sort-and-combine
 * @see https://www.rfc-editor.org/rfc/rfc9112#section-6.3
 */
export function toHeaderRecord(
  incoming: Pick<IncomingMessage, 'rawHeaders'> & Partial<Pick<IncomingMessage, 'headers'>>,
): Record<string, string> {
  const { rawHeaders, headers } = incoming;
  // A client sends the same lines again and again: the record of the last lines, copied.
  if (sameLines(rawHeaders, last.rawHeaders)) return { ...last.record };
  const record = readRecord(rawHeaders, headers);
  last = { rawHeaders, record: { ...record } };
  return record;
}

/**
 * The last lines read and their record (a copy of its own, so what a caller does with the one it got
 * changes nothing here). A record is a function of the lines alone.
 */
let last: { readonly rawHeaders: readonly string[]; readonly record: Readonly<Record<string, string>> } = { rawHeaders: [], record: {} };

function sameLines(lines: readonly string[], earlier: readonly string[]): boolean {
  if (lines.length !== earlier.length || lines.length === 0) return false;
  for (let index = 0; index < lines.length; index++) if (lines[index] !== earlier[index]) return false;
  return true;
}

function readRecord(rawHeaders: readonly string[], headers: IncomingMessage['headers'] | undefined): Record<string, string> {
  // Node parses the same lines into `headers` (lower-case names) once anything reads it, and
  // @hono/node-server does on every request (Host). With one key a line (no repeated names) and no
  // Set-Cookie (an array there), that is the record in another order: sorting its names is a twentieth
  // of the cost of lower-casing and sorting the raw lines.
  if (headers && Object.keys(headers).length * 2 === rawHeaders.length) {
    const record = fromParsedHeaders(headers);
    if (record) return record;
  }
  return fromRawLines(rawHeaders);
}

/** The record from Node's parsed headers, or undefined when a value is not one string (Set-Cookie). */
function fromParsedHeaders(headers: IncomingMessage['headers']): Record<string, string> | undefined {
  const names = Object.keys(headers);
  const framed = headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined;
  if (!framed) names.push('content-length');
  sortNames(names);
  const record: Record<string, string> = {};
  for (const name of names) {
    // HTTP/2 pseudo-headers (`:path`) are not headers; @hono/node-server leaves them out too.
    if (name.charCodeAt(0) === 58) continue;
    const value = framed || name !== 'content-length' ? headers[name] : '0';
    // Node never keeps a `__proto__` line, so the counts differ then; checked anyway, as in fromRawLines.
    if (typeof value !== 'string' || name === '__proto__') return undefined;
    const trimmed = trimEdges(value);
    // A client sends the same Host, Content-Type, User-Agent… on every request, the lines differing
    // in a length or an id: a value equal to the last record's is taken from there, so a record the
    // journal keeps holds strings that are already old instead of new copies the collector must move
    // (twice) while the journal keeps them. Only equal strings are swapped: nothing a reader sees changes.
    const earlier = (last.record as Readonly<Record<string, unknown>>)[name];
    record[name] = earlier === trimmed ? earlier : trimmed;
  }
  return record;
}

/**
 * Sorts names in place by code unit, like `Array#sort` without a comparator. A request has a handful
 * of fields: an insertion sort of those allocates nothing, where `Array#sort` allocates its work
 * arrays on every call (about a kilobyte per request).
 */
function sortNames(names: string[]): void {
  if (names.length > 16) {
    names.sort();
    return;
  }
  for (let index = 1; index < names.length; index++) {
    const name = names[index] as string;
    let at = index;
    while (at > 0 && (names[at - 1] as string) > name) {
      names[at] = names[at - 1] as string;
      at--;
    }
    names[at] = name;
  }
}

/** The record read line by line: names lower-cased, kept sorted while added, repeats joined. */
function fromRawLines(rawHeaders: readonly string[]): Record<string, string> {
  // [name, value] pairs kept sorted by name while they are added (a request has a handful of fields).
  const fields: Array<[string, string]> = [];
  let framed = false;
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const rawName = rawHeaders[index] as string;
    // HTTP/2 pseudo-headers (`:path`) are not headers; @hono/node-server leaves them out too.
    if (rawName.charCodeAt(0) === 58) continue;
    const name = rawName.toLowerCase();
    const value = trimEdges(rawHeaders[index + 1] as string);
    if (name === 'content-length' || name === 'transfer-encoding') framed = true;
    let at = fields.length;
    while (at > 0 && (fields[at - 1] as [string, string])[0] > name) at--;
    const earlier = fields[at - 1];
    if (earlier?.[0] !== name) fields.splice(at, 0, [name, value]);
    else if (name === 'set-cookie') earlier[1] = value;
    else earlier[1] = `${earlier[1]}${name === 'cookie' ? '; ' : ', '}${value}`;
  }
  if (!framed) {
    let at = fields.length;
    while (at > 0 && (fields[at - 1] as [string, string])[0] > 'content-length') at--;
    fields.splice(at, 0, ['content-length', '0']);
  }
  const record: Record<string, string> = {};
  for (const [name, value] of fields) {
    // Assigning `__proto__` would set the prototype: that one name is defined as data instead.
    if (name === '__proto__') Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
    else record[name] = value;
  }
  return record;
}

/** A value without the HTTP whitespace a Fetch `Headers` strips from its ends (Node's parser leaves none in most). */
function trimEdges(value: string): string {
  const last = value.length - 1;
  if (last < 0 || (!isHttpWhitespace(value.charCodeAt(0)) && !isHttpWhitespace(value.charCodeAt(last)))) return value;
  return value.replace(EDGE_WHITESPACE, '');
}

function isHttpWhitespace(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || code === 32;
}
