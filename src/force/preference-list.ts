/**
 * One element of a `Prefer` list. A well-formed one has its token lower-cased, its value unquoted
 * (`undefined` when absent or empty: RFC 7240 §2 makes the two equivalent) and the parameters after
 * its `;`s, the first of each name. One that breaks the grammar keeps its leading token and the rest
 * as written, so that a preference the mock reads is refused rather than dropped.
 */
export type Preference =
  | {
      readonly wellFormed: true;
      readonly name: string;
      readonly value: string | undefined;
      readonly parameters: ReadonlyMap<string, string | undefined>;
    }
  | { readonly wellFormed: false; readonly name: string; readonly rest: string };

export type PreferenceListResult =
  | { readonly ok: true; readonly preferences: ReadonlyMap<string, Preference> }
  | { readonly ok: false; readonly message: string };

/**
 * Splits a `Prefer` field value (several field lines arrive joined by `, `, as Fetch `Headers` join
 * them) into its preferences, keyed by lower-case token, keeping the first of each name. Commas split
 * only outside quoted-strings; parameters after `;` stay with their preference. An element with no
 * leading token names nothing and is skipped. After a quoted-string with no closing quote, where any
 * later element starts can no longer be told: the value is unreadable when `code=` or `example=` shows
 * in what is left, and otherwise ends there. One pass, left to right,
 * with no backtracking: time is linear in the length of the value.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7240#section-2 — `Prefer = 1#preference`
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.6 — token, quoted-string, OWS, list rules
 */
export function parsePreferenceList(value: string): PreferenceListResult {
  const preferences = new Map<string, Preference>();
  const scanner = { text: value, at: 0 };
  while (scanner.at <= value.length) {
    const start = scanner.at;
    const element = readElement(scanner);
    if (element === UNTERMINATED) {
      // Where the list goes on can no longer be told: refused if a preference the mock reads may be in
      // what is left, else the list ends there (a client's other preferences are not the mock's business).
      if (!READ_BY_THE_MOCK.test(value.slice(start))) break;
      return { ok: false, message: `Prefer has a quoted-string without its closing quote: ${excerpt(value, scanner.at)}` };
    }
    if (element && !preferences.has(element.name)) preferences.set(element.name, element);
    scanner.at += 1; // past the comma that ended the element (or past the end)
  }
  return { ok: true, preferences };
}

/** `code` or `example` as a name, as far as text that cannot be parsed any more shows one. */
const READ_BY_THE_MOCK = /(?:^|[\s,;"])(?:code|example)\s*=/i;

/** The text from an offset, cut short: a problem's detail should not echo an 8 KB header. */
function excerpt(text: string, from: number): string {
  const EXCERPT_LENGTH = 40;
  return text.length - from > EXCERPT_LENGTH ? `${text.slice(from, from + EXCERPT_LENGTH)}…` : text.slice(from);
}

interface Scanner {
  readonly text: string;
  /** Where reading goes on; it only ever moves forward. */
  at: number;
}

const [TAB, SPACE, QUOTE, COMMA, SEMICOLON, EQUALS, BACKSLASH] = [9, 32, 34, 44, 59, 61, 92] as const;

const UNTERMINATED = Symbol('unterminated quoted-string');

/** RFC 9110 §5.6.2 tchar, the characters a token is made of, as a table indexed by char code. */
const TCHAR = new Uint8Array(128);
for (const char of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") TCHAR[char.charCodeAt(0)] = 1;

/** Reads one list element up to its top-level comma (or the end), leaving the scanner on that comma. */
function readElement(scanner: Scanner): Preference | undefined | typeof UNTERMINATED {
  skipWhitespace(scanner);
  const name = readToken(scanner).toLowerCase();
  const afterName = scanner.at;
  if (name === '') {
    // An empty element (`a, , b`) is allowed by the list rule; anything else without a token names nothing.
    return skipToElementEnd(scanner) === UNTERMINATED ? UNTERMINATED : undefined;
  }
  const head = readValue(scanner);
  const parameters = new Map<string, string | undefined>();
  let wellFormed = head !== MALFORMED;
  while (wellFormed && scanner.text.charCodeAt(scanner.at) === SEMICOLON) {
    scanner.at += 1;
    skipWhitespace(scanner);
    if (isElementEnd(scanner) || scanner.text.charCodeAt(scanner.at) === SEMICOLON) continue; // an empty parameter
    const parameter = readToken(scanner).toLowerCase();
    const parameterValue = readValue(scanner);
    if (parameter === '' || parameterValue === MALFORMED) wellFormed = false;
    else if (!parameters.has(parameter)) parameters.set(parameter, parameterValue);
  }
  if (head !== MALFORMED && wellFormed && isElementEnd(scanner)) return { wellFormed: true, name, value: head, parameters };
  if (skipToElementEnd(scanner) === UNTERMINATED) return UNTERMINATED;
  return { wellFormed: false, name, rest: scanner.text.slice(afterName, scanner.at).trim() };
}

const MALFORMED = Symbol('malformed');

/**
 * Reads `[ BWS "=" BWS word ] OWS` after a token. `undefined` when there is no value or it is empty;
 * `MALFORMED` when `=` is followed by neither a token nor a quoted-string.
 */
function readValue(scanner: Scanner): string | undefined | typeof MALFORMED {
  skipWhitespace(scanner);
  if (scanner.text.charCodeAt(scanner.at) !== EQUALS) return undefined;
  scanner.at += 1;
  skipWhitespace(scanner);
  let word: string | typeof UNTERMINATED;
  if (scanner.text.charCodeAt(scanner.at) === QUOTE) word = readQuotedString(scanner);
  else word = readToken(scanner);
  if (word === UNTERMINATED) return MALFORMED;
  skipWhitespace(scanner);
  if (!isElementEnd(scanner) && scanner.text.charCodeAt(scanner.at) !== SEMICOLON) return MALFORMED;
  // `a=` and `a=""` are empty values, which RFC 7240 §2 reads as no value at all.
  return word === '' ? undefined : word;
}

function readToken(scanner: Scanner): string {
  const start = scanner.at;
  while (TCHAR[scanner.text.charCodeAt(scanner.at)] === 1) scanner.at += 1;
  return scanner.text.slice(start, scanner.at);
}

/**
 * Reads a quoted-string from its opening quote, unescaping quoted-pairs, and leaves the scanner past
 * the closing quote. The characters inside are not checked against qdtext: a field value cannot carry
 * CR, LF or NUL, and refusing other controls would gain the mock nothing.
 */
function readQuotedString(scanner: Scanner): string | typeof UNTERMINATED {
  const { text } = scanner;
  let unquoted = '';
  let from = scanner.at + 1;
  for (let at = from; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      scanner.at = at + 1;
      return unquoted + text.slice(from, at);
    }
    if (code === BACKSLASH) {
      if (at + 1 >= text.length) break;
      unquoted += text.slice(from, at) + text[at + 1];
      at += 1;
      from = at + 1;
    }
  }
  return UNTERMINATED;
}

/** Moves to the element's top-level comma (or the end), stepping over quoted-strings whole. */
function skipToElementEnd(scanner: Scanner): undefined | typeof UNTERMINATED {
  while (!isElementEnd(scanner)) {
    if (scanner.text.charCodeAt(scanner.at) === QUOTE) {
      const start = scanner.at;
      if (readQuotedString(scanner) === UNTERMINATED) {
        scanner.at = start;
        return UNTERMINATED;
      }
    } else scanner.at += 1;
  }
  return undefined;
}

function isElementEnd(scanner: Scanner): boolean {
  return scanner.at >= scanner.text.length || scanner.text.charCodeAt(scanner.at) === COMMA;
}

/** Skips OWS (spaces and tabs). */
function skipWhitespace(scanner: Scanner): void {
  for (let code = scanner.text.charCodeAt(scanner.at); code === SPACE || code === TAB; code = scanner.text.charCodeAt(scanner.at)) {
    scanner.at += 1;
  }
}
