import { expect, it } from 'vitest';
import type { LoadedSpec } from '../spec/load-specs.ts';
import { loadSpec } from '../spec/load-specs.ts';
import { buildRoutes, type Route } from './build-routes.ts';
import { type HeaderLookup, matchRoute, type RouteMatch } from './match-route.ts';

/**
 * What a route list answers when every route is tried in list order (the index must not change it):
 * a HEAD its path does not declare gets the path's GET route, where it has one (RFC 9110 §9.3.2).
 */
function matchInListOrder(routes: readonly Route[], sent: string, pathname: string, header?: HeaderLookup): RouteMatch | undefined {
  const declared = matchMethodInListOrder(routes, sent, pathname, header);
  if (sent !== 'HEAD' || declared?.route.method === 'HEAD') return declared;
  const asGet = matchMethodInListOrder(routes, 'GET', pathname, header);
  return asGet?.route.method === 'GET' ? asGet : declared;
}

function matchMethodInListOrder(routes: readonly Route[], method: string, pathname: string, header?: HeaderLookup): RouteMatch | undefined {
  let fallback: RouteMatch | undefined;
  for (const route of routes) {
    if (route.method !== method && route.method !== '*') continue;
    if (route.header && !route.header.pattern.test(header?.(route.header.name) ?? '')) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params = Object.fromEntries(route.paramNames.map((name, at) => [name, decodeURIComponent(match[at + 1] ?? '')]));
    if (route.method === method) return { route, params };
    fallback ??= { route, params };
  }
  return fallback;
}

const spec = (paths: Record<string, unknown>): LoadedSpec =>
  ({ vendor: 'v', document: { openapi: '3.1.0', info: { title: 't', version: '1' }, paths } }) as unknown as LoadedSpec;
const operation = (operationId: string) => ({
  post: { operationId, responses: {} },
  'x-unsupported-methods': { operationId: `${operationId}Other`, responses: {} },
});

const vendorRoutes = ['momentum', 'omeda', 'voltmx', 'sfmc'].flatMap((vendor) => buildRoutes(loadSpec(vendor)));
const paramRoutes = buildRoutes(
  spec({ '/{id}/x': operation('anyFirst'), '/foo{id}/y': operation('fooPrefix'), '/foo/{id}': operation('foo'), '/': operation('root') }),
);

/** Every route's own path (parameters filled in), near misses of it, and paths no route has. */
function pathsOf(routes: readonly Route[]): string[] {
  const own = routes.flatMap((route) => {
    const path = route.pattern.source.slice(1, -1).replaceAll('\\', '').replace('(?:/.*)?', '').replaceAll('([^/]+)', 'a%20b');
    return [path, `/x${path}`, `${path}/`, path.slice(0, -1), path.toUpperCase()];
  });
  return [
    ...own,
    '',
    '/',
    'v3.5/mailing/cancel',
    '/v3.5',
    '/webservices',
    '/https://mc.auth.example.com/v2/token',
    '/foo',
    '/foox/y',
    '/z/x',
  ];
}

it.each([
  ['the vendors', vendorRoutes],
  ['routes with a parameter or any prefix in the first segment', paramRoutes],
])('finds for %s the route that trying every route in list order finds', (_name, routes) => {
  const soapActions = ['Retrieve', 'Perform', undefined];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'SEARCH']) {
    for (const path of pathsOf(routes)) {
      for (const action of soapActions) {
        const header = (name: string) => (name === 'soapaction' ? action : undefined);
        const expected = matchInListOrder(routes, method, path, header);
        expect([method, path, matchRoute(routes, method, path, header)]).toEqual([method, path, expected]);
      }
    }
  }
});

it.each([
  ['the GET operation of a path that declares GET', '/api/v1/status/email/request/42', 'voltmx', 'getEmailRequestStatus'],
  ['the GET operation of an SFMC path that also declares POST', '/Service.asmx', 'sfmc', 'getServiceWsdl'],
  ['the other-methods operation of a path without GET', '/api/v1/email/42/cancel', 'voltmx', 'rejectCancelEmailMethod'],
])('routes a HEAD request as GET: %s', (_name, path, vendor, operationId) => {
  const match = matchRoute(vendorRoutes, 'HEAD', path);
  expect([match?.route.vendor, match?.route.operationId]).toEqual([vendor, operationId]);
});

it('routes HEAD to a HEAD operation a spec declares, not to its GET', () => {
  const routes = buildRoutes(
    spec({ '/x': { get: { operationId: 'read', responses: {} }, head: { operationId: 'peek', responses: {} } }, '/y': operation('y') }),
  );
  expect(matchRoute(routes, 'HEAD', '/x')?.route.operationId).toBe('peek');
  expect(matchRoute(routes, 'HEAD', '/y')?.route.operationId).toBe('yOther');
});

it('routes HEAD as GET on a path that declares no HEAD, also when another path declares one', () => {
  const routes = buildRoutes(
    spec({ '/x': { head: { operationId: 'peek', responses: {} } }, '/z': { get: { operationId: 'read', responses: {} } } }),
  );
  expect(matchRoute(routes, 'HEAD', '/z')?.route.operationId).toBe('read');
  expect(matchRoute(routes, 'HEAD', '/x')?.route.operationId).toBe('peek');
});
