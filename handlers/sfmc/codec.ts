import { type BodyCodec, createSoapCodec } from '../kit/index.ts';
import { sfmcSoapDialect } from './dialect.ts';

const soapCodec = createSoapCodec(sfmcSoapDialect);

/** Requests larger than this are refused before parsing (1 MiB; a cancel envelope is under 2 KiB). */
export const MAX_SOAP_REQUEST_CHARS = 1_048_576;

/**
 * SFMC's `text/xml` codec: the engine's SOAP codec in SFMC's dialect, answering `text/xml; charset=utf-8` as SFMC does,
 * refusing oversized requests, and passing a string body (the WSDL) through as it is.
 *
 * @see ./dialect.ts
 */
export const sfmcSoapCodec: BodyCodec = {
  mediaTypes: soapCodec.mediaTypes,
  charset: 'utf-8',
  stringValues: soapCodec.stringValues,
  decode: (text) =>
    text.length > MAX_SOAP_REQUEST_CHARS
      ? { ok: false, reason: 'too-large', message: `The request is larger than ${MAX_SOAP_REQUEST_CHARS} characters.` }
      : soapCodec.decode(text),
  encode: (value, context) => (typeof value === 'string' ? value : soapCodec.encode(value, context)),
};
