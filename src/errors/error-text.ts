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
      text = findMessage(JSON.parse(trimmed), 0);
    } catch {
      text = undefined;
    }
  } else text = trimmed.slice(0, MAX_TEXT * 2) || undefined;
  return text === undefined ? undefined : cutToLine(text);
}

/** One line of at most 120 characters (an ellipsis marks a cut). */
export function cutToLine(text: string): string {
  // Most texts are one line already: no replace, no trim, no copy.
  const line = hasRoomToTidy(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

/**
 * Is there whitespace `cutToLine` would change: any run but a single inner space (what
 * `/^\s|\s$|[^\S ]|\s\s/` finds, in one pass over the characters: this runs for every line the log
 * writes with a reason, and the regular expression tried its four branches at every character).
 */
function hasRoomToTidy(text: string): boolean {
  const last = text.length - 1;
  let afterSpace = false;
  for (let index = 0; index <= last; index++) {
    const code = text.charCodeAt(index);
    if ((code > 32 && code < 127) || !isWhitespace(code)) afterSpace = false;
    else if (code !== 32 || afterSpace || index === 0 || index === last) return true;
    else afterSpace = true;
  }
  return false;
}

/**
 * What `\s` matches: white space and line terminators.
 * @see https://tc39.es/ecma262/#sec-white-space
 */
function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Where each message key stands in `MESSAGE_KEYS` (lower is more specific). */
const MESSAGE_RANK = new Map(MESSAGE_KEYS.map((key, rank) => [key, rank]));

/**
 * The most specific message key's text among a node's own members (matched without regard to case;
 * of two spellings of one key the later wins), else the first found depth first among its members.
 * Plain loops: this runs for every refused request the log shows.
 */
function findMessage(value: unknown, depth: number): string | undefined {
  if (depth > 4 || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findMessage(item, depth + 1);
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
    if (typeof child !== 'string' || !child) continue;
    const rank = MESSAGE_RANK.get(key.toLowerCase());
    if (rank !== undefined && rank <= textRank) {
      text = child;
      textRank = rank;
    }
  }
  if (text !== undefined) return text;
  for (const key of keys) {
    const found = findMessage(members[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}
