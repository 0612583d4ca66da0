import type { DecodedRequest } from '../src/decode/decoded-request.ts';

/**
 * One allowed pair of HTTP Basic credentials.
 *
 * @see ../openapi/momentum.yaml (components.securitySchemes.basicAuth)
 */
export interface MomentumCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Whether the request carries acceptable HTTP Basic credentials: well-formed `Basic base64(user:pass)`,
 * and on the allow-list when there is one (`null` accepts any pair).
 *
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x, rest.authentication.php)
 */
export function isAuthorized(request: DecodedRequest, allowed: readonly MomentumCredentials[] | null): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/]+=*)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return false;
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return allowed === null || allowed.some((pair) => pair.username === username && pair.password === password);
}
