import { createHash, timingSafeEqual } from 'node:crypto';

/** The auth-params of `Authorization: Digest …`, names lower-cased, values unquoted. */
export type DigestCredentials = ReadonlyMap<string, string>;

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const SPACE = /[ \t]/;

/**
 * Reads `Authorization: Digest name=value, name="quoted value", …` (RFC 7235 §2.1 auth-params) in
 * one pass: `null` unless the scheme is Digest and every parameter is well formed and named once.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7616#section-3.4
 * @see https://www.rfc-editor.org/rfc/rfc7235#section-2.1
 */
export function parseDigestCredentials(authorization: string | undefined): DigestCredentials | null {
  const text = authorization ?? '';
  const scheme = /^Digest[ \t]+/i.exec(text);
  if (!scheme) return null;
  const params = new Map<string, string>();
  let at = scheme[0].length;
  const skipSpace = () => {
    while (at < text.length && SPACE.test(text.charAt(at))) at += 1;
  };
  const readToken = () => {
    const start = at;
    while (at < text.length && TOKEN_CHAR.test(text.charAt(at))) at += 1;
    return text.slice(start, at);
  };
  /** A quoted-string from its opening quote, `\x` pairs unescaped; `null` when it never closes. */
  const readQuoted = () => {
    const parts: string[] = [];
    at += 1;
    while (at < text.length && text.charAt(at) !== '"') {
      if (text.charAt(at) === '\\') at += 1;
      parts.push(text.charAt(at));
      at += 1;
    }
    if (text.charAt(at) !== '"') return null;
    at += 1;
    return parts.join('');
  };
  while (at < text.length) {
    const name = readToken().toLowerCase();
    skipSpace();
    if (name === '' || text.charAt(at) !== '=') return null;
    at += 1;
    skipSpace();
    const value = text.charAt(at) === '"' ? readQuoted() : readToken() || null;
    if (value === null) return null;
    if (params.has(name)) return null;
    params.set(name, value);
    skipSpace();
    if (at < text.length && text.charAt(at) !== ',') return null;
    at += 1;
    skipSpace();
  }
  return params;
}

/** What the `response` of RFC 7616 §3.4.1 is computed from (MD5; `qop` `auth` or `auth-int`). */
export interface DigestResponseInput {
  readonly username: string;
  readonly realm: string;
  readonly password: string;
  readonly method: string;
  readonly uri: string;
  readonly nonce: string;
  readonly nc: string;
  readonly cnonce: string;
  readonly qop: 'auth' | 'auth-int';
  /** The request body, for `auth-int` (read as UTF-8 bytes). */
  readonly body: string;
}

/**
 * The `response` a client must send: `KD(H(A1), nonce:nc:cnonce:qop:H(A2))` with MD5, where
 * A1 = `username:realm:password` and A2 = `method:uri` (`auth`) or `method:uri:H(body)` (`auth-int`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7616#section-3.4.1
 */
export function computeDigestResponse(input: DigestResponseInput): string {
  const ha1 = md5Hex(`${input.username}:${input.realm}:${input.password}`);
  const a2 = input.qop === 'auth-int' ? `${input.method}:${input.uri}:${md5Hex(input.body)}` : `${input.method}:${input.uri}`;
  return md5Hex(`${ha1}:${input.nonce}:${input.nc}:${input.cnonce}:${input.qop}:${md5Hex(a2)}`);
}

/** Compares two hex digests in constant time (a mismatch in length is simply false). */
export function isSameDigest(expected: string, actual: string): boolean {
  const a = Buffer.from(expected.toLowerCase());
  const b = Buffer.from(actual.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}
