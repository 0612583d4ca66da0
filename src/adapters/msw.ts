import { HttpResponse, RequestHandler } from 'msw';
import type { EngineServing } from '../engine/create-engine.ts';
import { createOriginMatcher, type OriginPolicy } from '../routing/origin-policy.ts';
import { guardMswCopy } from './msw-copy-guard.ts';

/**
 * One MSW request handler for all of a mock's vendors: its predicate asks the engine whether a request
 * is a vendor's (its path, and an origin the policy allows), so anything else stays unhandled and the
 * app's `onUnhandledRequest` setting applies to it. A custom `RequestHandler` rather than `http.all`
 * with a predicate function, which msw only takes from 2.11 on: this works with every msw of the
 * peer range (^2.10.0).
 *
 * @see https://mswjs.io/docs/api/request-handler
 */
class VendorRequestHandler extends RequestHandler {
  readonly #claims: (request: Request) => boolean;

  constructor(engine: EngineServing, claims: (request: Request) => boolean) {
    super({
      info: { header: `esp-cancel-mock (${engine.vendors.join(', ')})` },
      resolver: async ({ request }: { request: Request }) => {
        const response = await engine.handle(request);
        // The engine's drop marker (`Response.error()`) becomes MSW's network error.
        return response.type === 'error' ? HttpResponse.error() : response;
      },
    });
    this.#claims = claims;
  }

  override predicate({ request }: { request: Request }): boolean {
    return this.#claims(request);
  }

  override log(): void {
    // The mock's journal records every exchange; MSW's console log adds nothing.
  }
}

/** The engine as MSW request handlers, guarded against being run by another copy of msw. */
export function toMswHandlers(engine: EngineServing, origins: OriginPolicy): RequestHandler[] {
  const matchers = new Map([...engine.servers].map(([vendor, servers]) => [vendor, createOriginMatcher(origins, servers)]));
  const claims = (request: Request): boolean => {
    const vendor = engine.owner(request);
    return vendor !== undefined && (matchers.get(vendor)?.(new URL(request.url).origin) ?? false);
  };
  return [guardMswCopy(new VendorRequestHandler(engine, claims))];
}
