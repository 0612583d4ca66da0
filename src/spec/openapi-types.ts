/**
 * The slice of the OpenAPI 3.1 object model the engine reads. Deliberately narrow: the specs are
 * validated against the full OpenAPI schema in `test/specs.test.ts`, so here we only name what we use.
 *
 * @see https://spec.openapis.org/oas/v3.1.0
 */

export type JsonSchema = Record<string, unknown> | boolean;

export interface ReferenceObject {
  readonly $ref: string;
}

export interface ExampleObject {
  readonly summary?: string;
  readonly description?: string;
  readonly value?: unknown;
  /**
   * What `verify` expects when it sends this request example: by default a success; `documented` for
   * an example that cannot succeed as written (a placeholder token).
   */
  readonly 'x-probe-expect'?: 'success' | 'documented';
}

export interface MediaTypeObject {
  readonly schema?: JsonSchema;
  readonly example?: unknown;
  readonly examples?: Record<string, ExampleObject | ReferenceObject>;
}

export interface HeaderObject {
  readonly description?: string;
  readonly required?: boolean;
  readonly schema?: JsonSchema;
  readonly example?: unknown;
}

export interface ResponseObject {
  readonly description: string;
  readonly headers?: Record<string, HeaderObject | ReferenceObject>;
  readonly content?: Record<string, MediaTypeObject>;
}

export interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: JsonSchema;
}

export interface RequestBodyObject {
  readonly required?: boolean;
  readonly content: Record<string, MediaTypeObject>;
  /** Media type assumed when a request carries no Content-Type (Omeda: "default is application/json"). */
  readonly 'x-default-content-type'?: string;
}

export interface OperationObject {
  readonly operationId?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly parameters?: ReadonlyArray<ParameterObject | ReferenceObject>;
  readonly requestBody?: RequestBodyObject | ReferenceObject;
  readonly responses: Record<string, ResponseObject | ReferenceObject>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = {
  readonly parameters?: ReadonlyArray<ParameterObject | ReferenceObject>;
  /**
   * The vendor's documented answer to every method this path does not declare (Omeda's 405,
   * Message Central's 415). An operation object like any other, so it has an operationId, a handler,
   * documented responses, forcing and strict mode.
   */
  readonly 'x-unsupported-methods'?: OperationObject;
  /** Further literal paths served by the same operations (Omeda's cancel without the trailing `/*`). */
  readonly 'x-path-aliases'?: readonly string[];
  /**
   * The path (and its aliases) also matches when any further path precedes it: `/v2/token` then
   * answers `/anything/else/v2/token` too (SFMC's sfmc-sdk reaches a local token endpoint only through
   * a URL whose path embeds the tenant's auth URL).
   */
  readonly 'x-match-any-prefix'?: boolean;
  /**
   * The path's operations answer only requests whose header `name` matches `pattern` (a regular
   * expression); such routes are tried before the same path's unconditional ones. With a `#label`
   * suffix on the path key (never sent by HTTP clients, so never part of the matched path) a second
   * path item can hold another operation on the same method and URL: SFMC's `Retrieve` beside
   * `Perform` on `POST /Service.asmx`, told apart by `SOAPAction`.
   */
  readonly 'x-match-header'?: { readonly name: string; readonly pattern: string };
} & Partial<Record<HttpMethod, OperationObject>>;

export interface ServerVariableObject {
  readonly default: string;
  readonly enum?: readonly string[];
}

/**
 * A server's path part is a base path the routes are served under (Volt MX's `/vpns`, `/kpns`); its
 * origin, when it has no variables, is a host the MSW handlers intercept.
 */
export interface ServerObject {
  readonly url: string;
  readonly description?: string;
  readonly variables?: Record<string, ServerVariableObject>;
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly servers?: readonly ServerObject[];
  readonly paths?: Record<string, PathItemObject>;
  readonly components?: Record<string, Record<string, unknown>>;
  /**
   * Path prefixes owned by this vendor: a request under one of them that matches no route gets the
   * vendor's own "not found" answer instead of the mock's `unknown-route` problem.
   */
  readonly 'x-vendor-path-prefixes'?: readonly string[];
}
