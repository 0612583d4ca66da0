import type { Route } from './build-routes.ts';

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/** Reads one request header by lower-case name (a Fetch `Headers`, or a recorded header record). */
export type HeaderLookup = (name: string) => string | null | undefined;

/**
 * Finds the route for a method and path. A declared method wins over the path's
 * `x-unsupported-methods` operation, whatever their order in the list. A route with an
 * `x-match-header` condition matches only when `header` is given and its value matches.
 */
export function matchRoute(routes: readonly Route[], method: string, pathname: string, header?: HeaderLookup): RouteMatch | undefined {
  let fallback: RouteMatch | undefined;
  for (const route of routes) {
    if (route.method !== method && route.method !== '*') continue;
    if (route.header && !route.header.pattern.test(header?.(route.header.name) ?? '')) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    route.paramNames.forEach((name, index) => {
      params[name] = decodeSegment(match[index + 1] ?? '');
    });
    if (route.method === method) return { route, params };
    fallback ??= { route, params };
  }
  return fallback;
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
