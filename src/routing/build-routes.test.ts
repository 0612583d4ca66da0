import { describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../spec/load-specs.ts';
import { buildRoutes, compileTemplate } from './build-routes.ts';
import { matchRoute } from './match-route.ts';

const spec = (paths: Record<string, unknown>): LoadedSpec =>
  ({ vendor: 'v', document: { openapi: '3.1.0', info: { title: 't', version: '1' }, paths } }) as unknown as LoadedSpec;

const token = { post: { operationId: 'requestToken', responses: {} } };

describe('compileTemplate', () => {
  it.each([
    ['/v2/token', false, '/v2/token', true],
    ['/v2/token', false, '/x/v2/token', false],
    ['/v2/token', true, '/v2/token', true],
    ['/v2/token', true, '/https://mc.auth.example.com/v2/token', true],
    ['/v2/token', true, '/x/v2/token/more', false],
    ['/v2/token', true, '/xv2/token', false],
  ])('matches %s (any prefix: %s) against %s: %s', (template, anyPrefix, path, expected) => {
    expect(compileTemplate(template, anyPrefix).pattern.test(path)).toBe(expected);
  });
});

describe('buildRoutes', () => {
  it('routes a path marked x-match-any-prefix whatever path precedes it', () => {
    const routes = buildRoutes(spec({ '/v2/token': { 'x-match-any-prefix': true, ...token } }));
    expect(matchRoute(routes, 'POST', '/https://mc.auth.example.com/v2/token')?.route.operationId).toBe('requestToken');
  });

  it('routes an unmarked path only at its own path', () => {
    const routes = buildRoutes(spec({ '/v2/token': token }));
    expect(matchRoute(routes, 'POST', '/https://mc.auth.example.com/v2/token')).toBeUndefined();
  });

  it('routes a #labelled path with x-match-header only when the header matches, before the same path without a condition', () => {
    const perform = { post: { operationId: 'perform', responses: {} } };
    const retrieve = {
      'x-match-header': { name: 'SOAPAction', pattern: '^\\s*"?Retrieve"?\\s*$' },
      post: { operationId: 'retrieve', responses: {} },
    };
    const routes = buildRoutes(spec({ '/Service.asmx': perform, '/Service.asmx#Retrieve': retrieve }));
    const headers = (value: string | undefined) => (name: string) => (name === 'soapaction' ? value : undefined);
    expect(matchRoute(routes, 'POST', '/Service.asmx', headers('"Retrieve"'))?.route.operationId).toBe('retrieve');
    expect(matchRoute(routes, 'POST', '/Service.asmx', headers('Perform'))?.route.operationId).toBe('perform');
    expect(matchRoute(routes, 'POST', '/Service.asmx', headers(undefined))?.route.operationId).toBe('perform');
    expect(matchRoute(routes, 'POST', '/Service.asmx')?.route.operationId).toBe('perform');
    expect(matchRoute(routes, 'POST', '/Service.asmx#Retrieve', headers('Retrieve'))).toBeUndefined();
  });

  it('routes a method to its own route before the path x-unsupported-methods one, and any other method to the latter', () => {
    const path = { post: { operationId: 'cancel', responses: {} }, 'x-unsupported-methods': { operationId: 'reject', responses: {} } };
    const routes = buildRoutes(spec({ '/email/{id}/cancel': path, '/v2/token': token }));
    expect(matchRoute(routes, 'POST', '/email/a%20b/cancel')).toMatchObject({ route: { operationId: 'cancel' }, params: { id: 'a b' } });
    expect(matchRoute(routes, 'GET', '/email/x/cancel')?.route.operationId).toBe('reject');
    expect(matchRoute(routes, 'PATCH', '/email/x/cancel')?.route.operationId).toBe('reject');
    expect(matchRoute(routes, 'GET', '/v2/token')).toBeUndefined();
  });

  it('routes a path without parameters only when the whole path is the same', () => {
    const routes = buildRoutes(spec({ '/v2/token': token }));
    expect(matchRoute(routes, 'POST', '/v2/token')?.route.operationId).toBe('requestToken');
    expect(matchRoute(routes, 'POST', '/v2/tokens')).toBeUndefined();
    expect(matchRoute(routes, 'POST', '/v2/toke')).toBeUndefined();
  });
});
