/**
 * A request body's bytes as text, in the charset the request itself names, so a UTF-16 body is read
 * as UTF-16 and never mangled as UTF-8. The authority, first match wins (RFC 7303 §3.2 for XML, whose
 * order the other media types share here):
 * 1. a byte order mark (UTF-8, UTF-16BE, UTF-16LE), which is dropped;
 * 2. the Content-Type's `charset` parameter (any label the WHATWG Encoding standard knows);
 * 3. for XML media types (and a body without Content-Type), the first bytes: `<?` in UTF-16
 *    without a BOM (XML 1.0 Appendix F), else the XML declaration's `encoding`;
 * 4. UTF-8.
 * Decoding is one linear pass of `TextDecoder`; only the first 512 bytes are ever sniffed.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7303#section-3.2
 * @see https://www.w3.org/TR/xml/#sec-guessing
 * @see https://encoding.spec.whatwg.org/#names-and-labels
 */
import { toMediaType } from './body-codec.ts';

/** Why a body's text cannot be trusted: data for the vendor to word, as a `parse` issue. */
export interface UnreadableText {
  readonly reason: 'unsupported-charset' | 'charset-mismatch';
  readonly message: string;
}

export type BodyText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly text: string; readonly unreadable: UnreadableText };

const SNIFFED_BYTES = 512;
/** Decoding without `stream` keeps no state, so one decoder of each serves every body. */
const UTF8 = new TextDecoder();
const LATIN1 = new TextDecoder('latin1');

/** Decodes a body's bytes by the rules above; an unknown charset decodes as UTF-8 and says so. */
export function decodeBodyText(bytes: Uint8Array, contentType: string | null | undefined): BodyText {
  const bom = bomEncoding(bytes);
  if (bom) return { ok: true, text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)) };
  const charset = charsetOf(contentType);
  if (charset !== undefined) return decodeAs(bytes, charset, `the Content-Type names charset "${charset}"`);
  const mediaType = toMediaType(contentType);
  if (mediaType === '' || isXmlMediaType(mediaType)) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16 !== undefined) return { ok: true, text: new TextDecoder(utf16).decode(bytes) };
    const declared = declaredXmlEncoding(bytes);
    if (declared !== undefined) return decodeDeclared(bytes, declared);
  }
  return { ok: true, text: UTF8.decode(bytes) };
}

function decodeAs(bytes: Uint8Array, label: string, named: string): BodyText {
  const decoder = toDecoder(label);
  if (decoder) return { ok: true, text: decoder.decode(bytes) };
  const message = `The body cannot be read: ${named}, which is not a supported character encoding.`;
  return { ok: false, text: UTF8.decode(bytes), unreadable: { reason: 'unsupported-charset', message } };
}

/** An ASCII-readable XML declaration's encoding: ASCII-compatible ones decode, UTF-16 cannot be true. */
function decodeDeclared(bytes: Uint8Array, label: string): BodyText {
  const named = `the XML declaration names encoding "${label}"`;
  if (!toDecoder(label)?.encoding.startsWith('utf-16')) return decodeAs(bytes, label, named);
  // XML 1.0 §4.3.3: UTF-16 entities begin with a byte order mark; these bytes read as ASCII, so they
  // are not UTF-16 whatever the declaration says (a string serialised as UTF-16, then sent as UTF-8).
  const message = `The body cannot be read: ${named}, but it has no byte order mark and is not UTF-16.`;
  return { ok: false, text: UTF8.decode(bytes), unreadable: { reason: 'charset-mismatch', message } };
}

function toDecoder(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/** The `charset` parameter of a Content-Type value, unquoted; `undefined` when there is none. */
function charsetOf(contentType: string | null | undefined): string | undefined {
  if (!contentType?.includes(';')) return undefined;
  for (const parameter of contentType.split(';').slice(1)) {
    const equals = parameter.indexOf('=');
    if (equals === -1 || parameter.slice(0, equals).trim().toLowerCase() !== 'charset') continue;
    const value = parameter
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

function isUtf8Label(label: string): boolean {
  return /^(utf-?8|unicode-1-1-utf-8|us-ascii|ascii)$/i.test(label);
}

/** `text/xml`, `application/xml` and every `+xml` type (SOAP 1.2's `application/soap+xml` among them). */
function isXmlMediaType(mediaType: string): boolean {
  return mediaType === 'text/xml' || mediaType === 'application/xml' || mediaType.endsWith('+xml');
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return undefined;
}

/** XML 1.0 Appendix F without a BOM: `<?` as UTF-16 little- or big-endian. */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  return undefined;
}

/** The `encoding` of an ASCII-readable XML declaration, unless it is UTF-8 (the default anyway). */
function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  // `<?xml`, then the declaration up to `?>` (within the sniffed bytes), found in the bytes: only that much is decoded.
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f || bytes[2] !== 0x78 || bytes[3] !== 0x6d || bytes[4] !== 0x6c) return undefined;
  const sniffed = Math.min(bytes.length, SNIFFED_BYTES);
  let end = 0;
  while (end < sniffed - 1 && !(bytes[end] === 0x3f && bytes[end + 1] === 0x3e)) end += 1;
  const declaration = LATIN1.decode(bytes.subarray(0, end < sniffed - 1 ? end : sniffed));
  const encoding = /\sencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(declaration)?.[2];
  return encoding === undefined || isUtf8Label(encoding) ? undefined : encoding;
}
