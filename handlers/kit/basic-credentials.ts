/** A user name and password pair, as HTTP Basic sends it. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

const BASIC = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i;

/**
 * Reads `Authorization: Basic base64(user:pass)`: `null` unless the scheme is Basic, the token is
 * base64 and the decoded text has a colon. The password may itself hold colons; the text is read as
 * UTF-8 (RFC 7617's recommended charset).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7617#section-2
 */
export function parseBasicCredentials(authorization: string | undefined): BasicCredentials | null {
  const token = BASIC.exec(authorization ?? '')?.[1];
  // A base64 text of length 4n+1 cannot be decoded (atob refuses it); Buffer would silently drop the tail.
  if (!token || token.replace(/=+$/, '').length % 4 === 1) return null;
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
