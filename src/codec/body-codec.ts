/**
 * A body codec turns the bytes of one family of media types into the JSON shape the spec's
 * `schema` describes, and back. JSON and form bodies are built in; SOAP XML registers its own
 * (`src/soap/soap-codec.ts`), so the engine never learns a vendor's wire format.
 *
 * @see ../../docs/development.md "SOAP inside OpenAPI"
 */

/** Why a body could not be decoded: data, never a throw. */
export interface DecodeFailure {
  readonly ok: false;
  /** Stable short code, e.g. `malformed-json`, `malformed-xml`, `xml-doctype`, `too-deep`. */
  readonly reason: string;
  /** A human sentence for the journal and for vendor error bodies. */
  readonly message: string;
  /** Facts a vendor may word its answer from (e.g. the envelope namespace of a SOAP version mismatch). */
  readonly params?: Readonly<Record<string, string>>;
}

export interface DecodeSuccess {
  readonly ok: true;
  readonly value: unknown;
}

export type DecodeResult = DecodeSuccess | DecodeFailure;

/** What a codec may know of the response it encodes. */
export interface EncodeContext {
  /** The media type chosen for the response, e.g. `text/xml`. */
  readonly mediaType: string;
  /** The response schema from the spec (already `$ref`-resolvable by the engine), if any. */
  readonly schema: unknown;
}

export interface BodyCodec {
  /** Lower-case media types (without parameters) this codec reads and writes. */
  readonly mediaTypes: readonly string[];
  /** Charset named in the Content-Type of encoded bodies (`text/xml; charset=utf-8`); none if unset. */
  readonly charset?: string;
  /** Decoded scalars are always strings (XML, forms): a schema's numbers and booleans are coerced. */
  readonly stringValues?: boolean;
  decode(text: string): DecodeResult;
  encode(value: unknown, context: EncodeContext): string;
}

/** Strips parameters and case from a Content-Type value: `Text/XML; charset=utf-8` → `text/xml`. */
export function toMediaType(contentType: string | null | undefined): string {
  if (!contentType) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}
