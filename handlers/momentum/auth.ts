import {
  type ConfigSchema,
  computeDigestResponse,
  type DecodedRequest,
  type DigestCredentials,
  type HandlerContext,
  type HandlerResult,
  isSameDigest,
  issueNonce,
  listOrNull,
  nonceStoreOf,
  pair,
  parseBasicCredentials,
  parseDigestCredentials,
  settings,
} from '../kit/index.ts';
import { momentumError, momentumErrors } from './errors.ts';
import { toFormat } from './formats.ts';

/**
 * One allowed pair of credentials, for HTTP Basic and Digest alike.
 *
 * @see ../../openapi/momentum.yaml (components.securitySchemes)
 */
export interface MomentumCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Momentum settings, e.g. `{ momentum: { credentials: [{ username, password }] } }`.
 *
 * @see ../../openapi/momentum.yaml (components.securitySchemes)
 */
export interface MomentumConfig {
  /**
   * Pairs accepted; `null` (the default) accepts any well-formed Basic credentials, and any Digest
   * credentials whose nonce, count and request target hold (the password cannot be checked without one).
   */
  readonly credentials: readonly MomentumCredentials[] | null;
}

/** The run-time check of `MomentumConfig` (`--config`, `createMock({ config })`). */
export const momentumConfigSchema: ConfigSchema = settings({ credentials: listOrNull(pair('username', 'password')) });

/** The realm of the book's Digest example, used for both challenges. */
const REALM = 'messagesystems.com';
/** How long a Digest nonce is good for on the mock clock (mock choice; the book does not say). */
export const DIGEST_NONCE_LIFETIME_SECONDS = 300;

type Verdict = 'ok' | 'refused' | 'stale';
type MomentumAuthContext = Pick<HandlerContext, 'store' | 'clock' | 'randomUUID'> & { readonly config: MomentumConfig };

/** HTTP Basic: well-formed `Basic base64(user:pass)`, on the allow-list when there is one. */
function checkBasic(request: DecodedRequest, allowed: MomentumConfig['credentials']): Verdict {
  const credentials = parseBasicCredentials(request.headers.authorization);
  if (!credentials) return 'refused';
  const listed = allowed === null || allowed.some((p) => p.username === credentials.username && p.password === credentials.password);
  return listed ? 'ok' : 'refused';
}

/** Whether the Digest `uri` names this request's target (or ends with it, as behind a path prefix). */
function isRequestTarget(uri: string, url: URL): boolean {
  const target = `${url.pathname}${url.search}`;
  return uri === target || uri.endsWith(target);
}

/**
 * HTTP Digest (RFC 7616, MD5, `qop` auth or auth-int): realm, algorithm and request target hold, the
 * nonce is one this mock issued (and its `opaque` is returned unchanged), the response matches a
 * listed password, the nonce is younger than its lifetime (else `stale`) and `nc` grows (else a replay).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7616#section-3.4
 */
function checkDigest(request: DecodedRequest, credentials: DigestCredentials, context: MomentumAuthContext): Verdict {
  const param = (name: string) => credentials.get(name) ?? '';
  const qop = param('qop').toLowerCase();
  const wellFormed =
    param('realm') === REALM &&
    (credentials.get('algorithm') ?? 'MD5').toUpperCase() === 'MD5' &&
    (qop === 'auth' || qop === 'auth-int') &&
    /^[0-9a-f]{8}$/i.test(param('nc')) &&
    param('cnonce') !== '' &&
    param('username') !== '' &&
    /^[0-9a-f]{32}$/i.test(param('response')) &&
    isRequestTarget(param('uri'), request.url);
  if (!wellFormed) return 'refused';
  const issued = nonceStoreOf(context.store).get(param('nonce'));
  if (!issued || (credentials.has('opaque') && param('opaque') !== issued.opaque)) return 'refused';
  const allowed = context.config.credentials;
  if (allowed !== null) {
    const expected = (password: string) =>
      computeDigestResponse({
        username: param('username'),
        realm: REALM,
        password,
        method: request.method,
        uri: param('uri'),
        nonce: param('nonce'),
        nc: param('nc'),
        cnonce: param('cnonce'),
        qop: qop as 'auth' | 'auth-int',
        body: request.rawBody,
      });
    const matches = allowed.some((p) => p.username === param('username') && isSameDigest(expected(p.password), param('response')));
    if (!matches) return 'refused';
  }
  if (context.clock.now().getTime() - issued.issuedAt >= DIGEST_NONCE_LIFETIME_SECONDS * 1000) return 'stale';
  const count = Number.parseInt(param('nc'), 16);
  if (count <= issued.lastCount) return 'refused';
  issued.lastCount = count;
  return 'ok';
}

/**
 * Both challenges, as the book's server takes both: Digest in the book's form with a fresh nonce
 * (`stale=true` when the refused request was right but its nonce had expired), then Basic.
 *
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x, rest.authentication.php §5.1)
 */
export function issueChallenges(context: MomentumAuthContext, stale: boolean): string {
  const nonce = context.randomUUID().replaceAll('-', '');
  const opaque = context.randomUUID().replaceAll('-', '');
  issueNonce(nonceStoreOf(context.store), nonce, opaque, context.clock.now().getTime());
  const digest = `Digest realm="${REALM}",qop="auth,auth-int",nonce="${nonce}",opaque="${opaque}"${stale ? ',stale=true' : ''}`;
  // Digest first: clients that read only the first scheme of the field (digest-fetch) still find it.
  return `${digest}, Basic realm="${REALM}"`;
}

/**
 * The 401 every path answers first when the credentials are missing, malformed or refused (with both
 * challenges); `undefined` when the request may pass.
 *
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x, rest.authentication.php)
 */
export function checkCredentials(request: DecodedRequest, context: MomentumAuthContext): HandlerResult | undefined {
  const digest = parseDigestCredentials(request.headers.authorization);
  const verdict = digest ? checkDigest(request, digest, context) : checkBasic(request, context.config.credentials);
  if (verdict === 'ok') return undefined;
  const challenges = issueChallenges(context, verdict === 'stale');
  return momentumError(401, momentumErrors.unauthorized(), toFormat(request.url, request.query), { 'www-authenticate': challenges });
}
