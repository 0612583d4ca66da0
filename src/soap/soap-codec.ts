/**
 * The SOAP body codec the engine registers for SFMC's `POST /Service.asmx`: request XML → the
 * local-name JSON shape the spec's request schema describes; the handler's response JSON → the
 * envelope SFMC itself sends.
 *
 * @see ../../docs/development.md "SOAP inside OpenAPI"
 * @see ../codec/body-codec.ts
 */
import type { BodyCodec } from '../codec/body-codec.ts';
import { decodeSoapEnvelope } from './soap-decoder.ts';
import { encodeSoapEnvelope } from './soap-encoder.ts';

/**
 * `text/xml` is SOAP 1.1's media type (what sfmc-sdk and fuel-soap send); `application/soap+xml`
 * is listed so such requests reach the decoder, which still accepts only the SOAP 1.1 envelope
 * namespace (a SOAP 1.2 envelope gets `not-soap-envelope`).
 */
export const soapCodec: BodyCodec = {
  mediaTypes: ['text/xml', 'application/soap+xml'],
  stringValues: true,
  decode: decodeSoapEnvelope,
  // The context is unused on purpose: prefixes and namespaces follow element names
  // (soap-namespace-table.ts), not the response schema.
  encode: (value) => encodeSoapEnvelope(value),
};
