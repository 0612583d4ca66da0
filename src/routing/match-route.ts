import type { Route } from './build-routes.ts';

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/** Reads one request header by lower-case name (a Fetch `Headers`, or a recorded header record). */
export type HeaderLookup = (name: string) => string | null | undefined;

/**
 * A route list by method: for each method some route declares, the routes it may match (its own and
 * the `x-unsupported-methods` ones, `*`), in list order; `other` for any other method (`*` only).
 */
interface RouteIndex {
  readonly byMethod: ReadonlyMap<string, readonly Route[]>;
  readonly other: readonly Route[];
}

/** Built on a route list's first lookup: route lists are built once per process and never change. */
const indexes = new WeakMap<readonly Route[], RouteIndex>();

/**
 * Finds the route for a method and path. A declared method wins over the path's
 * `x-unsupported-methods` operation, whatever their order in the list. A route with an
 * `x-match-header` condition matches only when `header` is given and its value matches.
 * Only the method's routes are tried, and a route's pattern runs only when the path starts with the
 * route's literal text (equality decides for a route without parameters).
 */
export function matchRoute(routes: readonly Route[], method: string, pathname: string, header?: HeaderLookup): RouteMatch | undefined {
  const index = indexes.get(routes) ?? indexRoutes(routes);
  let fallback: RouteMatch | undefined;
  for (const route of index.byMethod.get(method) ?? index.other) {
    if (route.exact ? pathname !== route.literal : !pathname.startsWith(route.literal)) continue;
    if (route.header && !route.header.pattern.test(header?.(route.header.name) ?? '')) continue;
    const params: Record<string, string> = {};
    if (!route.exact) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      for (let at = 0; at < route.paramNames.length; at++) {
        params[route.paramNames[at] as string] = decodeSegment(match[at + 1] ?? '');
      }
    }
    if (route.method === method) return { route, params };
    fallback ??= { route, params };
  }
  return fallback;
}

function indexRoutes(routes: readonly Route[]): RouteIndex {
  const methods = new Set(routes.map((route) => route.method).filter((method) => method !== '*'));
  const byMethod = new Map([...methods].map((method) => [method, routes.filter((r) => r.method === method || r.method === '*')]));
  const index = { byMethod, other: routes.filter((route) => route.method === '*') };
  indexes.set(routes, index);
  return index;
}

/** Percent-decodes one path segment; a malformed escape is kept as sent, for the validator to judge. */
function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
