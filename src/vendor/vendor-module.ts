import type { MockClock } from '../clock/mock-clock.ts';
import type { BodyCodec } from '../codec/body-codec.ts';
import type { DecodedRequest } from '../decode/decoded-request.ts';
import type { CollectionDeclarations, StoreSnapshot, VendorStore } from '../store/vendor-store.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';

/**
 * A documented vendor outcome, as data: what the engine encodes into a response. Handlers return it
 * for success and for every documented error alike; they never throw for a vendor error.
 */
export interface HandlerResult {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The body's media type; by default the first one the spec documents for this status. */
  readonly mediaType?: string;
}

/** What a handler may use besides the request: its vendor's store, configuration and the clock. */
export interface HandlerContext<C extends CollectionDeclarations, Config> {
  readonly vendor: string;
  readonly operationId: string;
  readonly store: VendorStore<C>;
  readonly config: Config;
  readonly clock: MockClock;
  /**
   * The origin the request was addressed to (`http://127.0.0.1:4010`, `https://ows.omeda.com`), or in
   * a server session its base URL (`http://127.0.0.1:4010/__session/w1`): build handed-out URLs on it.
   */
  readonly origin: string;
  /** A fresh random UUID (lower case, as `crypto.randomUUID`). */
  randomUUID(): string;
}

export type OperationHandler<C extends CollectionDeclarations, Config> = (
  request: DecodedRequest,
  context: HandlerContext<C, Config>,
) => HandlerResult | Promise<HandlerResult>;

/**
 * Everything the engine needs of one vendor: which spec, which records, the default dataset, the
 * handler of every operationId, and how the vendor words a bad request. No HTTP framework, no wire
 * format: the engine decodes and encodes.
 */
export interface VendorModule<C extends CollectionDeclarations = CollectionDeclarations, Config = unknown> {
  /** The spec file name without extension, and the vendor's key everywhere (`omeda`). */
  readonly name: string;
  readonly collections: C;
  /** The default dataset: `POST /__admin/reset` restores exactly this. */
  seed(clock: MockClock): StoreSnapshot<C>;
  readonly defaultConfig: Config;
  readonly operations: Readonly<Record<string, OperationHandler<C, Config>>>;
  /** The vendor's answer to a request that breaks its spec (missing field, bad JSON, wrong type…). */
  invalidRequest(issues: readonly ValidationIssue[], request: DecodedRequest, context: HandlerContext<C, Config>): HandlerResult;
  /** The vendor's answer to an unknown path under one of its `x-vendor-path-prefixes`. */
  unknownRoute?(request: DecodedRequest, context: HandlerContext<C, Config>): HandlerResult;
  /** Body codecs for media types the engine does not read itself (SOAP XML). */
  readonly codecs?: readonly BodyCodec[];
  /**
   * Runs before validation, to fold inputs that may arrive in several places into the one shape the
   * spec validates (Momentum's orgid/mid in the query, a JSON body or a form body).
   */
  normalize?(request: DecodedRequest): DecodedRequest;
}

/** Identity helper that keeps a vendor module's collection and config types. */
export function defineVendor<C extends CollectionDeclarations, Config>(module: VendorModule<C, Config>): VendorModule<C, Config> {
  return module;
}
