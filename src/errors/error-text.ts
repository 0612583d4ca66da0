/** Member names that hold an error's text, most specific first (a problem's `detail` before its `title`). */
const MESSAGE_KEYS = [
  'detail',
  'error_description',
  'faultstring',
  'statusmessage',
  'errormessage',
  'message',
  'error',
  'description',
  'title',
];
const XML_MESSAGE = /<(?:[\w.-]+:)?(faultstring|StatusMessage|ErrorMessage|Message)>([^<]{1,500})</;

/** Whitespace `cutToLine` would change: any run but a single inner space. */
const ROOM_TO_TIDY = /^\s|\s$|[^\S ]|\s\s/;

/** Error texts are cut to this many characters: they go on one log or report line. */
const MAX_TEXT = 120;

/**
 * The first error message of an error body, on one line: a problem's `detail`, a vendor JSON error's
 * message (Omeda `Errors[0].Error`, Volt MX `message`, OAuth `error_description`), a SOAP
 * `faultstring` or SFMC `StatusMessage`; plain text as is. Undefined for an empty or unreadable body.
 * Bounded: JSON is searched four levels deep, XML by one regular expression over the first match.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457#name-detail
 */
export function findErrorText(body: string): string | undefined {
  const trimmed = body.trimStart();
  let text: string | undefined;
  if (trimmed.startsWith('<')) text = XML_MESSAGE.exec(trimmed)?.[2];
  else if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      text = findMessage(JSON.parse(trimmed), 0, false);
    } catch {
      text = undefined;
    }
  } else text = trimmed.slice(0, MAX_TEXT * 2) || undefined;
  return text === undefined ? undefined : cutToLine(text);
}

/** What `findErrorTextInJson` gives when the value's JSON would not read like the value itself. */
export const NOT_PLAIN_JSON: unique symbol = Symbol('not plain JSON');

/**
 * What `findErrorText(JSON.stringify(value))` gives, found in the value itself: no JSON text to parse
 * (the request log's reason for a refused answer, read from the handler's body before it was encoded).
 * `NOT_PLAIN_JSON` when the value is not an object or array of plain objects, arrays and primitives
 * as far as the search looks — a `toJSON` (a `Date`), a boxed string, a class instance — whose
 * JSON could read otherwise: then the text is the one to read.
 */
export function findErrorTextInJson(value: unknown): string | undefined | typeof NOT_PLAIN_JSON {
  if (typeof value !== 'object' || value === null || !isPlain(value)) return NOT_PLAIN_JSON;
  let text: string | undefined;
  try {
    text = findMessage(value, 0, true);
  } catch (error) {
    if (error === NOT_PLAIN_JSON) return NOT_PLAIN_JSON;
    throw error;
  }
  return text === undefined ? undefined : cutToLine(text);
}

/** An object whose JSON is its own members (or items): a plain object or array without `toJSON`. */
function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** One line of at most 120 characters (an ellipsis marks a cut). */
export function cutToLine(text: string): string {
  // Most texts are one line already: no replace, no trim, no copy.
  const line = ROOM_TO_TIDY.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

/** Where each message key stands in `MESSAGE_KEYS` (lower is more specific). */
const MESSAGE_RANK = new Map(MESSAGE_KEYS.map((key, rank) => [key, rank]));

/** Ranks of member names as spelled (-1: not a message key), so a name seen before is not lower-cased again. */
const rankBySpelling = new Map<string, number>();
/** Bounds `rankBySpelling`: bodies from outside the mock (a proxied upstream's) may bring any names. */
const MAX_SPELLINGS = 512;

/** A member name's rank in `MESSAGE_KEYS`, matched without regard to case; -1 if it is none of them. */
function rankOf(key: string): number {
  let rank = rankBySpelling.get(key);
  if (rank === undefined) {
    rank = MESSAGE_RANK.get(key.toLowerCase()) ?? -1;
    if (rankBySpelling.size < MAX_SPELLINGS) rankBySpelling.set(key, rank);
  }
  return rank;
}

/**
 * The most specific message key's text among a node's own members (matched without regard to case;
 * of two spellings of one key the later wins), else the first found depth first among its members.
 * Plain loops: this runs for every refused request the log shows.
 */
function findMessage(value: unknown, depth: number, checkPlain: boolean): string | undefined {
  if (depth > 4 || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (checkPlain && typeof item === 'object' && item !== null && !isPlain(item)) throw NOT_PLAIN_JSON;
      const found = findMessage(item, depth + 1, checkPlain);
      if (found) return found;
    }
    return undefined;
  }
  const members = value as Record<string, unknown>;
  const keys = Object.keys(members);
  let text: string | undefined;
  let textRank = MESSAGE_KEYS.length;
  for (const key of keys) {
    const child = members[key];
    if (typeof child !== 'string' || !child) {
      // A value searched for its JSON: any object member must be one whose JSON reads like itself (the
      // JSON of a `Date` or a boxed string is a string, a text this member would be).
      if (checkPlain && typeof child === 'object' && child !== null && !isPlain(child)) throw NOT_PLAIN_JSON;
      continue;
    }
    const rank = rankOf(key);
    if (rank !== -1 && rank <= textRank) {
      text = child;
      textRank = rank;
    }
  }
  if (text !== undefined) return text;
  for (const key of keys) {
    const found = findMessage(members[key], depth + 1, checkPlain);
    if (found) return found;
  }
  return undefined;
}
