import {
  type ConfigSchema,
  type DecodedRequest,
  type HandlerResult,
  listOrNull,
  pair,
  parseBasicCredentials,
  settings,
} from '../kit/index.ts';
import { momentumError, momentumErrors } from './errors.ts';
import { toFormat } from './formats.ts';

/**
 * One allowed pair of HTTP Basic credentials.
 *
 * @see ../../openapi/momentum.yaml (components.securitySchemes.basicAuth)
 */
export interface MomentumCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Momentum settings, e.g. `{ momentum: { credentials: [{ username, password }] } }`.
 *
 * @see ../../openapi/momentum.yaml (components.securitySchemes.basicAuth)
 */
export interface MomentumConfig {
  /** HTTP Basic pairs accepted; `null` (the default) accepts any well-formed Basic credentials. */
  readonly credentials: readonly MomentumCredentials[] | null;
}

/** The run-time check of `MomentumConfig` (`--config`, `createMock({ config })`). */
export const momentumConfigSchema: ConfigSchema = settings({ credentials: listOrNull(pair('username', 'password')) });

/**
 * Whether the request carries acceptable HTTP Basic credentials: well-formed `Basic base64(user:pass)`,
 * and on the allow-list when there is one (`null` accepts any pair).
 *
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x, rest.authentication.php)
 */
function isAuthorized(request: DecodedRequest, allowed: readonly MomentumCredentials[] | null): boolean {
  const credentials = parseBasicCredentials(request.headers.authorization);
  if (!credentials) return false;
  return allowed === null || allowed.some((pair) => pair.username === credentials.username && pair.password === credentials.password);
}

/**
 * The 401 every path answers first when the credentials are missing, not Basic or refused (with the
 * Basic challenge); `undefined` when the request may pass.
 *
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x, rest.authentication.php)
 */
export function checkCredentials(request: DecodedRequest, allowed: readonly MomentumCredentials[] | null): HandlerResult | undefined {
  if (isAuthorized(request, allowed)) return undefined;
  return momentumError(401, momentumErrors.unauthorized(), toFormat(request.url, request.query));
}
