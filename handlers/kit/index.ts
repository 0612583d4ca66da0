/**
 * Everything vendor code may use, in one place: the engine's contract for a vendor (types, `defineVendor`,
 * `recordsOf`), helpers for reading validation issues, the SOAP codec, and the helpers that vendors
 * share (HTTP Basic and Digest credentials, the issued-token and nonce caps). A vendor folder imports from here, from its
 * own files and from its generated types (`src/generated/<vendor>.d.ts`), nothing else; a test checks it.
 *
 * @see ../../docs/adding-a-vendor.md
 */
export { toIsoTime } from '../../src/clock/iso-time.ts';
export { clockTimeAfter, LATEST_CLOCK_TIME } from '../../src/clock/mock-clock.ts';
export type { BodyCodec, DecodeResult } from '../../src/codec/body-codec.ts';
export { encodeJson } from '../../src/codec/json-codec.ts';
export { escapeXmlText } from '../../src/codec/xml-text.ts';
export type { DecodedRequest } from '../../src/decode/decoded-request.ts';
export { joinDeep, previewJson } from '../../src/errors/preview-value.ts';
export { createSoapCodec } from '../../src/soap/soap-codec.ts';
export type { SoapDialect } from '../../src/soap/soap-dialect.ts';
export { recordsOf } from '../../src/store/vendor-store.ts';
export { lastSegment, type ValidationIssue } from '../../src/validate/validation-issue.ts';
export {
  defineVendor,
  type HandlerContext,
  type HandlerResult,
  type InvalidRequestHandler,
  type OperationHandler,
  type VendorModule,
} from '../../src/vendor/vendor-module.ts';
export { type BasicCredentials, parseBasicCredentials } from './basic-credentials.ts';
export { type ConfigSchema, listOrNull, pair, settings } from './config-schema.ts';
export {
  computeDigestResponse,
  type DigestCredentials,
  type DigestResponseInput,
  isSameDigest,
  parseDigestCredentials,
} from './digest-credentials.ts';
export { type IssuedNonce, issueNonce, MAX_DIGEST_NONCES, type NonceStore, nonceStoreOf } from './digest-nonces.ts';
export { MAX_ISSUED_TOKENS, storeIssuedToken, type TokenCollection } from './issued-tokens.ts';
