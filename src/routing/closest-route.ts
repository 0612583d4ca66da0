import { editDistance } from '../suggest/edit-distance.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { Route } from './build-routes.ts';
import { toRoutingMethod } from './head-method.ts';

/** Paths longer than this get no suggestion: the comparison is quadratic in segments. */
const MAX_PATH_LENGTH = 512;

/**
 * The documented route closest to a method and path that matched none, as `PUT|POST /v3.5/mailing/cancel`,
 * or undefined when nothing is close. Paths are compared segment by segment (a `{param}` segment matches
 * any value; two literal segments cost their share of differing characters; a missing or extra segment
 * costs 1); a method the route does not declare costs ½. Close means at most half a cost per segment.
 *
 * @see https://en.wikipedia.org/wiki/Levenshtein_distance
 */
export function closestRoute(routes: readonly Route[], method: string, pathname: string): string | undefined {
  if (pathname.length > MAX_PATH_LENGTH) return undefined;
  const methodsByTemplate = new Map<string, string[]>();
  for (const route of routes) {
    if (route.method === '*') continue;
    const methods = methodsByTemplate.get(route.template) ?? [];
    if (!methods.includes(route.method)) methods.push(route.method);
    methodsByTemplate.set(route.template, methods);
  }
  const segments = pathname.split('/').filter(Boolean);
  const routed = toRoutingMethod(method);
  let best: { route: string; cost: number } | undefined;
  for (const [template, methods] of methodsByTemplate) {
    const templateSegments = template.split('/').filter(Boolean);
    const cost = segmentDistance(segments, templateSegments) + (methods.includes(method) || methods.includes(routed) ? 0 : 0.5);
    if (cost > templateSegments.length / 2) continue;
    if (!best || cost < best.cost) best = { route: `${methods.join('|')} ${template}`, cost };
  }
  return best?.route;
}

/** Levenshtein over path segments, with the substitution cost of one segment for another in [0, 1]. */
function segmentDistance(path: readonly string[], template: readonly string[]): number {
  let previous = Array.from({ length: template.length + 1 }, (_, index) => index);
  for (let i = 1; i <= path.length; i++) {
    const current = [i];
    for (let j = 1; j <= template.length; j++) {
      const substitute = (previous[j - 1] as number) + segmentCost(path[i - 1] as string, template[j - 1] as string);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitute);
    }
    previous = current;
  }
  return previous[template.length] as number;
}

function segmentCost(segment: string, templateSegment: string): number {
  if (/^\{[^}]+\}$/.test(templateSegment)) return 0;
  if (segment === templateSegment) return 0;
  return editDistance(segment, templateSegment) / Math.max(segment.length, templateSegment.length);
}

/**
 * The request issue of a method and path no route matches, naming the closest documented route when
 * there is one: `no documented operation matches POST /v3/mailing/cancel; closest documented route:
 * PUT|POST /v3.5/mailing/cancel`. The journal, the request log and `validate` all show it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-404-not-found
 */
export function unknownRouteIssue(routes: readonly Route[], method: string, pathname: string): ValidationIssue {
  const closest = closestRoute(routes, method, pathname);
  return {
    location: 'path',
    pointer: '/',
    keyword: 'unknown-route',
    message: `no documented operation matches ${method} ${pathname}${closest ? `; closest documented route: ${closest}` : ''}`,
    ...(closest ? { params: { closestRoute: closest } } : {}),
  };
}
