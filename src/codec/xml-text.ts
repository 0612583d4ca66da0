/**
 * Text written into XML: markup characters escaped, and the characters XML 1.0 cannot carry at all
 * replaced by U+FFFD, so an answer that echoes a request's value (a control character in a query
 * parameter, a lone surrogate in a stored name) still parses.
 *
 * @see https://www.w3.org/TR/xml/#charsets
 */

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;' };

// C0 controls other than TAB/LF/CR, U+FFFE/U+FFFF and lone surrogates cannot appear in XML 1.0 at all.
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters XML forbids is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character {@link escapeXml} would change: the escaped ones, and every one that may be outside XML 1.0. */
const NEEDS_ESCAPE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters XML forbids is the point.
  /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Any character {@link escapeXmlText} would change. */
const TEXT_NEEDS_ESCAPE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters XML forbids is the point.
  /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text for element content and double- or single-quoted attribute values: `& < > " '` and CR. */
export function escapeXml(text: string): string {
  // Most values (ids, statuses, dates) need nothing: one test instead of two replacing passes.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"'\r]/g, (c) => ESCAPES[c] ?? c).replace(NOT_XML_CHAR, '\uFFFD');
}

/** Escapes text for element content only: `& < >` and CR; quotes stay as they are. */
export function escapeXmlText(text: string): string {
  if (!TEXT_NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c).replace(NOT_XML_CHAR, '\uFFFD');
}
