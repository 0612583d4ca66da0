import { type ConfigSchema, type DecodedRequest, type HandlerResult, listOrNull, settings } from '../kit/index.ts';
import { omedaError, omedaErrors } from './errors.ts';

/** Omeda settings: allow-lists, `null` meaning "accept any" (the default). */
export interface OmedaConfig {
  /** x-omeda-appid values accepted; `null` accepts any non-empty value. */
  readonly appIds: readonly string[] | null;
  /** Brand abbreviations served; `null` serves every brand. */
  readonly brands: readonly string[] | null;
}

/** The run-time check of `OmedaConfig` (`--config`, `createMock({ config })`). */
export const omedaConfigSchema: ConfigSchema = settings({
  appIds: listOrNull({ type: 'string', minLength: 1 }),
  brands: listOrNull({ type: 'string', minLength: 1 }),
});

/**
 * The request's AppId and brand, checked against the allow-lists: Omeda's 403 and 404, or `undefined`
 * when the request may pass.
 *
 * @see https://knowledgebase.omeda.com/omedaclientkb/email-deployment-cancel "Potential errors"
 */
export function checkAccess(request: DecodedRequest, config: OmedaConfig, submissionId: string): HandlerResult | undefined {
  const appId = request.headers['x-omeda-appid'];
  const { appIds, brands } = config;
  if (!appId || (appIds !== null && !appIds.includes(appId))) return omedaError(403, [omedaErrors.appIdForbidden()], submissionId);
  const brand = request.path.brandAbbreviation;
  if (brand !== undefined && brands !== null && !brands.includes(brand))
    return omedaError(404, [omedaErrors.brandNotFound(brand)], submissionId);
  return undefined;
}
