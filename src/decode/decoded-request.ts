/**
 * A request as the handlers see it: path, query, headers and body pulled apart, the body decoded from
 * its media type into the JSON shape the spec describes, and (after validation) coerced to its types.
 */
export interface DecodedRequest {
  readonly method: string;
  readonly url: URL;
  readonly path: Record<string, string>;
  /** Query values; a parameter whose schema is an array collects every occurrence. */
  readonly query: Record<string, unknown>;
  /** Lower-case header names. */
  readonly headers: Record<string, string>;
  /** The media type the body was read as (`''` when there is no body). */
  readonly mediaType: string;
  body: unknown;
  readonly rawBody: string;
}
