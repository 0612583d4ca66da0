/**
 * The engine's SOAP body codec: request XML → the local-name JSON shape the spec's request schema
 * describes; the handler's response JSON → the envelope the vendor itself sends, in the vendor's
 * `SoapDialect` (SFMC's is `handlers/sfmc/dialect.ts`).
 *
 * @see ../../docs/development.md "SOAP inside OpenAPI"
 * @see ../codec/body-codec.ts
 */
import type { BodyCodec } from '../codec/body-codec.ts';
import { createSoapDecoder } from './soap-decoder.ts';
import type { SoapDialect } from './soap-dialect.ts';
import { encodeSoapEnvelope } from './soap-encoder.ts';

/**
 * A SOAP 1.1 codec in the vendor's dialect. `text/xml` is SOAP 1.1's media type (what sfmc-sdk and
 * fuel-soap send); `application/soap+xml` is listed so such requests reach the decoder where a spec
 * accepts them, which still accepts only the SOAP 1.1 envelope namespace (a SOAP 1.2 envelope gets
 * `envelope-version-mismatch`).
 */
export function createSoapCodec(dialect: SoapDialect): BodyCodec {
  const decode = createSoapDecoder({ alwaysArray: dialect.alwaysArray });
  return {
    mediaTypes: ['text/xml', 'application/soap+xml'],
    stringValues: true,
    decode,
    // The context is unused on purpose: prefixes and namespaces follow element names
    // (soap-namespace-table.ts) and the dialect, not the response schema.
    encode: (value) => encodeSoapEnvelope(value, dialect),
  };
}
