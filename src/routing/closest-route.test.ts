import { expect, it } from 'vitest';
import { loadSpec } from '../spec/load-specs.ts';
import { buildRoutes } from './build-routes.ts';
import { closestRoute } from './closest-route.ts';

const routes = ['momentum', 'omeda', 'voltmx', 'sfmc'].flatMap((vendor) => buildRoutes(loadSpec(vendor)));

it.each([
  ['POST', '/v3/mailing/cancel', 'PUT|POST /v3.5/mailing/cancel'],
  ['POST', '/api/v1/emails/7131002087805116277/cancel', 'POST /api/v1/email/{emailRequestId}/cancel'],
  [
    'POST',
    '/webservices/rest/brand/ABC/omail/deployment/cancl/*',
    'POST /webservices/rest/brand/{brandAbbreviation}/omail/deployment/cancel/*',
  ],
  ['POST', '/Service.asmx/', 'GET|POST /Service.asmx'],
])('suggests for %s %s the documented route %s', (method, path, expected) => {
  expect(closestRoute(routes, method, path)).toBe(expected);
});

it.each([
  ['an unrelated file', 'GET', '/favicon.ico'],
  ['an unrelated path', 'GET', '/totally/different/thing/here'],
  ['a path over 512 characters', 'POST', `/${'a/'.repeat(300)}`],
])('suggests nothing for %s', (_name, method, path) => {
  expect(closestRoute(routes, method, path)).toBeUndefined();
});
