import { withoutLabel } from '../routing/build-routes.ts';
import type { OpenApiDocument, OperationObject, ParameterObject } from '../spec/openapi-types.ts';

/** Values a user passes for one vendor (real sandbox credentials, ids that exist there). */
export interface VendorOverrides {
  /** Sent on every probe (and never dropped by a probe): `authorization`, `x-omeda-appid`… */
  readonly headers?: Readonly<Record<string, string>>;
  /** Path, query or header parameter values by name, used instead of the spec's examples. */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** Credentials the mock accepts by default (any non-empty value); real ones come from overrides. */
const MOCK_USER = 'esp-cancel-mock';

/** Header values for the operation's first security requirement: what the mock accepts by default. */
export function credentials(document: OpenApiDocument, operation: OperationObject): Record<string, string> {
  const requirements =
    (operation as { security?: Array<Record<string, string[]>> }).security ??
    (document as { security?: Array<Record<string, string[]>> }).security ??
    [];
  const first = requirements[0] ?? {};
  const schemes = (document.components?.securitySchemes ?? {}) as Record<
    string,
    { type: string; scheme?: string; in?: string; name?: string }
  >;
  const headers: Record<string, string> = {};
  for (const name of Object.keys(first)) {
    const scheme = schemes[name];
    if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'basic')
      headers.authorization = `Basic ${Buffer.from(`${MOCK_USER}:${MOCK_USER}`).toString('base64')}`;
    else if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') headers.authorization = `Bearer ${MOCK_USER}`;
    else if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name) headers[scheme.name.toLowerCase()] = MOCK_USER;
  }
  return headers;
}

/** The credential headers of an operation: its security scheme's header, and its required header parameters. */
export function credentialHeaders(document: OpenApiDocument, operation: OperationObject, parameters: readonly ParameterObject[]): string[] {
  const names = Object.keys(credentials(document, operation));
  for (const parameter of parameters)
    if (parameter.in === 'header' && parameter.required && !names.includes(parameter.name.toLowerCase()))
      names.push(parameter.name.toLowerCase());
  return names;
}

/** A parameter's value: the user's override, else the spec's example, else its schema's example/default/enum. */
export function parameterValue(parameter: ParameterObject, overrides: VendorOverrides): string {
  const own = parameter as ParameterObject & { example?: unknown; examples?: Record<string, { value?: unknown }> };
  const schema = (typeof parameter.schema === 'object' ? parameter.schema : {}) as {
    example?: unknown;
    default?: unknown;
    enum?: unknown[];
    const?: unknown;
  };
  const value =
    overrides.parameters?.[parameter.name] ??
    own.example ??
    Object.values(own.examples ?? {})[0]?.value ??
    schema.example ??
    schema.default ??
    schema.const ??
    schema.enum?.[0] ??
    'example';
  return String(value);
}

/** The path template filled with each path parameter's value, and the query of the parameters a probe sends. */
export function buildPath(template: string, parameters: readonly ParameterObject[], overrides: VendorOverrides): string {
  const path = withoutLabel(template).replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(parameter ? parameterValue(parameter, overrides) : (overrides.parameters?.[name] ?? 'example'));
  });
  const query = new URLSearchParams();
  for (const parameter of parameters)
    if (parameter.in === 'query' && isSent(parameter)) query.set(parameter.name, parameterValue(parameter, overrides));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** The header parameters a probe sends, by lower-case name. */
export function headerValues(parameters: readonly ParameterObject[], overrides: VendorOverrides): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const parameter of parameters)
    if (parameter.in === 'header' && isSent(parameter)) headers[parameter.name.toLowerCase()] = parameterValue(parameter, overrides);
  return headers;
}

/** Required parameters, and optional ones the spec gives an example of (SFMC's `SOAPAction: Perform`). */
function isSent(parameter: ParameterObject): boolean {
  const own = parameter as ParameterObject & { example?: unknown; examples?: object };
  return parameter.required === true || own.example !== undefined || own.examples !== undefined;
}

/** Whether the user's overrides set this header parameter (a probe never drops such a header). */
export function overrideHeader(overrides: VendorOverrides, parameter: ParameterObject): boolean {
  return (
    parameter.in === 'header' && Object.keys(overrides.headers ?? {}).some((name) => name.toLowerCase() === parameter.name.toLowerCase())
  );
}
