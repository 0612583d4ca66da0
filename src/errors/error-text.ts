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
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

function findMessage(value: unknown, depth: number): string | undefined {
  if (depth > 4 || typeof value !== 'object' || value === null) return undefined;
  const entries: Array<readonly [string, unknown]> = Array.isArray(value)
    ? value.map((item) => ['', item] as const)
    : Object.entries(value);
  const texts = new Map(
    entries.filter(([, child]) => typeof child === 'string' && child).map(([key, child]) => [key.toLowerCase(), child]),
  );
  for (const key of MESSAGE_KEYS) if (texts.has(key)) return texts.get(key) as string;
  for (const [, child] of entries) {
    const found = findMessage(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}
