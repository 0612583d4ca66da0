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
export interface HandlerContext<C extends CollectionDeclarations = CollectionDeclarations, Config = unknown> {
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

/**
 * One operation's handler. Declared through a method so that a vendor module typed by its own records
 * and config is still a `VendorModule` (method parameters are checked bivariantly), with no cast.
 */
export type OperationHandler<C extends CollectionDeclarations = CollectionDeclarations, Config = unknown> = {
  handle(request: DecodedRequest, context: HandlerContext<C, Config>): HandlerResult | Promise<HandlerResult>;
}['handle'];

/** The vendor's answer to a request that breaks its spec (missing field, bad JSON, wrong type…). */
export type InvalidRequestHandler<C extends CollectionDeclarations = CollectionDeclarations, Config = unknown> = {
  handle(issues: readonly ValidationIssue[], request: DecodedRequest, context: HandlerContext<C, Config>): HandlerResult;
}['handle'];

/**
 * A handler for every operation of the vendor's generated `operations` type (a missing one is a
 * compile error), plus the operations the generated types cannot see (`x-unsupported-methods`), which
 * start-up checks against the spec.
 */
export type OperationHandlers<Ops, C extends CollectionDeclarations, Config> = {
  readonly [K in keyof Ops]: OperationHandler<C, Config>;
} & Readonly<Record<string, OperationHandler<C, Config>>>;

/**
 * Everything the engine needs of one vendor: which spec, which records, the default dataset, the
 * handler of every operationId, and how the vendor words a bad request. No HTTP framework, no wire
 * format: the engine decodes and encodes.
 */
export interface VendorModule<C extends CollectionDeclarations = CollectionDeclarations, Config = unknown, Ops = unknown> {
  /** The spec file name without extension, and the vendor's key everywhere (`omeda`). */
  readonly name: string;
  /** Where `<name>.yaml` is, for a vendor whose spec is not in this package's `openapi/` folder. */
  readonly specDirectory?: string;
  readonly collections: C;
  /** The default dataset: `POST /__admin/reset` restores exactly this. */
  seed(clock: MockClock): StoreSnapshot<C>;
  readonly defaultConfig: Config;
  readonly operations: OperationHandlers<Ops, C, Config>;
  /** The vendor's answer to a request that breaks its spec, for operations without their own below. */
  invalidRequest(issues: readonly ValidationIssue[], request: DecodedRequest, context: HandlerContext<C, Config>): HandlerResult;
  /** Per-operation answers to a request that breaks the spec, where an operation words it its own way. */
  readonly invalidRequests?: Readonly<Record<string, InvalidRequestHandler<C, Config>>>;
  /** The vendor's answer to an unknown path under one of its `x-vendor-path-prefixes`. */
  unknownRoute?(request: DecodedRequest, context: HandlerContext<C, Config>): HandlerResult;
  /**
   * Fills the dynamic parts of a forced answer (`Prefer: code=N`, `mock.force`, a fault plan), which
   * the engine takes from the spec's documented example: fresh ids, the request's own identifiers,
   * the mock clock's instants, as the vendor's handlers would write them; and, where the request
   * selects the answer's media type (Momentum's `.xml`/`?format=`), that one of the documented media
   * types, so the forced answer is encoded as an unforced one in it. `example=` still picks the
   * answer; the result is checked against the spec like any other. A forced answer changes no record,
   * so this must not write to the store's collections. Without it, the example is answered as documented.
   */
  personalizeForced?(forced: HandlerResult, request: DecodedRequest, context: HandlerContext<C, Config>): HandlerResult;
  /**
   * The vendor's refusal of a request it lets no one past, whatever is forced: missing or wrong
   * credentials, an app the allow-list does not name. `undefined` lets the request through. The engine
   * asks before a forced answer (`Prefer: code=N`, `mock.force`, a fault plan), so a forced answer
   * reaches only a request the vendor would admit; a refused request takes nothing from the force
   * queue. Handlers make the same checks themselves, in their own order. Endpoints whose credentials
   * are their input (a login, a token request) answer `undefined`: forcing them is how a test gets
   * their errors. Must not write to the store's collections.
   */
  authorize?(request: DecodedRequest, context: HandlerContext<C, Config>): HandlerResult | undefined;
  /** Body codecs for media types the engine does not read itself (SOAP XML). */
  readonly codecs?: readonly BodyCodec[];
  /**
   * Runs before validation, to fold inputs that may arrive in several places into the one shape the
   * spec validates (Momentum's orgid/mid in the query, a JSON body or a form body).
   */
  normalize?(request: DecodedRequest): DecodedRequest;
}

/**
 * Declares a vendor module typed by the vendor's generated `operations` (so a missing handler is a
 * compile error), its records and its config. Curried because TypeScript cannot infer some type
 * arguments and take others: `defineVendor<operations>()({ name: 'omeda', … })`.
 *
 * @see ../../docs/adding-a-vendor.md
 */
export function defineVendor<Ops>() {
  return <C extends CollectionDeclarations, Config>(module: VendorModule<C, Config, Ops>): VendorModule<C, Config, Ops> => module;
}
