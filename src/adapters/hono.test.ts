import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { readPath } from './hono.ts';

const urls = [
  'http://127.0.0.1:4010/',
  'http://127.0.0.1:4010/webservices/rest/brand/FOO/omail/deployment/cancel/*',
  'http://h/a/b?x=1#frag',
  'http://h/a/b#frag?x=1',
  'http://h/a?b%20c',
  'http://h/a%20b/c?d',
  'http://h/a%2Fb',
  'http://h/%E3%81%82/%ZZ/%25',
  'http://h/a%zz?q%20',
  'https://example.com:8443/__dashboard/app.js',
  'http://[::1]:4010/__session/s1/v3.7/mailing/cancel.json?x#y',
  'http://h/a/%',
];

it('reads the path Hono routes on exactly as Hono does', () => {
  const byHono = new Hono().getPath;
  for (const url of urls) expect([url, readPath(new Request(url))]).toEqual([url, byHono(new Request(url))]);
  // Hono reads `request.url` as it is, also a text no Request would hold.
  for (const url of ['http://h', 'x:/a?b', 'http://h?x/y', 'http://h#a/b?c', 'https://u:p@h:1/a%20b?c', 'http://h/a?b#c%d']) {
    const request = { url } as Request;
    expect([url, readPath(request)]).toEqual([url, byHono(request)]);
  }
});
