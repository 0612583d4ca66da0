import { type ConfigSchema, listOrNull, pair, parseBasicCredentials, settings } from '../kit/index.ts';

/**
 * One user the Gateway Filter and the login accept when an allow-list is on.
 *
 * @see ../../docs/vendors/voltmx.md "Config and mock choices"
 */
export interface VoltMxUser {
  readonly userid: string;
  readonly password: string;
}

/**
 * Volt MX settings. With both lists `null` (the default) any non-empty credential passes. Setting
 * either list turns the allow-list on: then only listed users (Basic, login), listed tokens (claims
 * token headers, `AccessToken`) and tokens the mock's login issued pass.
 *
 * @see ../../openapi/voltmx.yaml components.securitySchemes
 */
export interface VoltMxConfig {
  readonly users: readonly VoltMxUser[] | null;
  readonly tokens: readonly string[] | null;
}

/** The run-time check of `VoltMxConfig` (`--config`, `createMock({ config })`). */
export const voltmxConfigSchema: ConfigSchema = settings({
  users: listOrNull(pair('userid', 'password')),
  tokens: listOrNull({ type: 'string', minLength: 1 }),
});

/**
 * What the gateway needs besides the headers: the settings and a check for tokens the login issued.
 *
 * @see passesGateway
 */
export interface GatewayCheck {
  readonly config: VoltMxConfig;
  isIssuedToken(value: string): boolean;
}

/**
 * Whether the allow-list is on (either list set).
 *
 * @see VoltMxConfig
 */
export function isAllowListOn(config: VoltMxConfig): boolean {
  return config.users !== null || config.tokens !== null;
}

/**
 * Whether a userid/password pair may pass (Basic auth and the login).
 *
 * @see https://help.hcl-software.com/voltmx/v9.2/Foundry/engagement_api_guide/Content/APIs_for_VoltMX_Messaging_Services/Authentication_API.html
 */
export function isKnownUser(config: VoltMxConfig, userid: string, password: string): boolean {
  if (userid === '') return false;
  if (!isAllowListOn(config)) return true;
  return (config.users ?? []).some((user) => user.userid === userid && user.password === password);
}

function isKnownToken(check: GatewayCheck, value: string): boolean {
  if (value === '') return false;
  if (!isAllowListOn(check.config) || check.isIssuedToken(value)) return true;
  return (check.config.tokens ?? []).includes(value);
}

/**
 * The "Gateway Filter for Authentication": passes when ANY accepted credential is good — a claims
 * token in `X-VoltMX-Authorization` or `X-Kony-Authorization`, HTTP Basic, or `AccessToken` with a
 * non-empty `AccessSecret`. Headers are lower-case, as the engine decodes them.
 *
 * @see https://help.hcl-software.com/voltmx/v9.2/Foundry/engagement_api_guide/Content/APIs_for_VoltMX_Messaging_Services/Authentication_API.html
 */
export function passesGateway(headers: Readonly<Record<string, string>>, check: GatewayCheck): boolean {
  for (const name of ['x-voltmx-authorization', 'x-kony-authorization']) {
    const value = headers[name]?.trim();
    if (value && isKnownToken(check, value)) return true;
  }
  const basic = parseBasicCredentials(headers.authorization);
  if (basic && isKnownUser(check.config, basic.username, basic.password)) return true;
  const accessToken = headers.accesstoken?.trim();
  return Boolean(accessToken && headers.accesssecret?.trim() && isKnownToken(check, accessToken));
}
