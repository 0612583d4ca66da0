import type { components } from '../../src/generated/sfmc.d.ts';
import {
  type ConfigSchema,
  clockTimeAfter,
  type HandlerResult,
  LATEST_CLOCK_TIME,
  listOrNull,
  pair,
  settings,
  storeIssuedToken,
} from '../kit/index.ts';
import { sfmcFault, sfmcFaults } from './errors.ts';
import type { SfmcContext } from './module.ts';

type RequestHeader = components['schemas']['RequestHeader'];

/**
 * SFMC settings.
 *
 * @see https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/authenticate-soap-api.htm
 */
export interface SfmcConfig {
  /** WS-Security UsernameToken credentials accepted; the default is the document's `XXX`/`XXX`. */
  readonly users: readonly { readonly username: string; readonly password: string }[];
  /** OAuth clients accepted by `/v2/token`; `null` accepts any non-empty id and secret (the default). */
  readonly clients: readonly { readonly clientId: string; readonly clientSecret: string }[] | null;
  /** `expires_in` of issued tokens, in seconds, judged against the mock clock (default 1079, SFMC's fixture). */
  readonly tokenLifetimeSeconds: number;
}

/** The run-time check of `SfmcConfig` (`--config`, `createMock({ config })`). */
export const sfmcConfigSchema: ConfigSchema = settings({
  users: { type: 'array', items: pair('username', 'password') },
  clients: listOrNull(pair('clientId', 'clientSecret')),
  tokenLifetimeSeconds: { type: 'integer', minimum: 1 },
});

/**
 * The `fueloauth` token or the WS-Security UsernameToken: a fault when neither is good.
 *
 * @see https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/authenticate-soap-api.htm
 */
export function authenticate(header: RequestHeader | undefined, context: SfmcContext): HandlerResult | undefined {
  // The header may be unvalidated here (a request that broke the spec), so every value is checked.
  const token = typeof header?.fueloauth === 'string' ? header.fueloauth.trim() : '';
  if (token) {
    const issued = context.store.tokens.findByKey(token);
    if (!issued) return sfmcFault(sfmcFaults.loginFailed(), context);
    // A token whose expiry was capped at the clock's last instant would expire past it: never, on this clock.
    const expiry = Date.parse(issued.expires_at);
    if (expiry < LATEST_CLOCK_TIME && expiry <= context.clock.now().getTime()) return sfmcFault(sfmcFaults.tokenExpired(), context);
    return undefined;
  }
  const usernameToken = header?.Security?.UsernameToken;
  const accepted = context.config.users.some(
    (user) => user.username === usernameToken?.Username && user.password === usernameToken?.Password,
  );
  return accepted ? undefined : sfmcFault(sfmcFaults.loginFailed(), context);
}

/**
 * Whether the client may have a token: a configured pair, or any non-empty pair when none is configured.
 *
 * @see https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/access-token-s2s
 */
export function isKnownClient(clientId: string, secret: string, context: SfmcContext): boolean {
  const { clients } = context.config;
  if (clients === null) return clientId !== '' && secret !== '';
  return clients.some((client) => client.clientId === clientId && client.clientSecret === secret);
}

/**
 * Stores a fresh token for the client, valid for the configured lifetime on the mock clock.
 *
 * @see https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/access-token-s2s
 */
export async function issueToken(clientId: string, context: SfmcContext): Promise<string> {
  const access_token = newAccessToken(context.randomUUID);
  // No later than the clock's last instant (see the check in `authenticate`): its record stays a date-time.
  const expiresAt = new Date(clockTimeAfter(context.clock.now(), context.config.tokenLifetimeSeconds * 1000)).toISOString();
  // Every token request keeps its token; the oldest go first past the cap, so the store stays bounded.
  await storeIssuedToken(context.store.tokens, { access_token, client_id: clientId, expires_at: expiresAt });
  return access_token;
}

/** A token's text: 64 hex digits from two fresh UUIDs (the mock's shape; SFMC's tokens are opaque). */
export function newAccessToken(randomUUID: () => string): string {
  return `${randomUUID()}${randomUUID()}`.replaceAll('-', '');
}

const TENANT_AUTH_HOST = /^(mc[0-9a-z-]+)\.auth\.marketingcloudapis\.com$/;

/** The instance URLs a token names: the tenant's own hosts when asked at a tenant auth host, else the mock. */
export function instanceUrlsOf(origin: string): { soap_instance_url: string; rest_instance_url: string } {
  const tenant = TENANT_AUTH_HOST.exec(new URL(origin).host)?.[1];
  if (tenant === undefined) return { soap_instance_url: `${origin}/`, rest_instance_url: `${origin}/` };
  return {
    soap_instance_url: `https://${tenant}.soap.marketingcloudapis.com/`,
    rest_instance_url: `https://${tenant}.rest.marketingcloudapis.com/`,
  };
}
