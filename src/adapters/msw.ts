import { type HttpHandler, HttpResponse, http } from 'msw';
import type { EngineServing } from '../engine/create-engine.ts';
import { createOriginMatcher, type OriginPolicy } from '../routing/origin-policy.ts';

/**
 * The engine as MSW request handlers: one handler whose predicate asks the engine whether a request
 * is a vendor's (its path, and an origin the policy allows). Anything else is not matched, so the
 * app's `onUnhandledRequest` setting still applies to it. The engine's drop marker
 * (`Response.error()`) becomes MSW's network error.
 */
export function toMswHandlers(engine: EngineServing, origins: OriginPolicy): HttpHandler[] {
  const matchers = new Map([...engine.servers].map(([vendor, servers]) => [vendor, createOriginMatcher(origins, servers)]));
  const claims = ({ request }: { request: Request }): boolean => {
    const vendor = engine.owner(request);
    return vendor !== undefined && (matchers.get(vendor)?.(new URL(request.url).origin) ?? false);
  };
  return [
    http.all(claims, async ({ request }) => {
      const response = await engine.handle(request);
      return response.type === 'error' ? HttpResponse.error() : response;
    }),
  ];
}
