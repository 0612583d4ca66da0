import { describe, expect, it } from 'vitest';
import { createOriginMatcher } from './origin-policy.ts';

const servers = [{ url: 'https://ows.omeda.com' }, { url: 'https://{subdomain}.soap.marketingcloudapis.com' }];

describe('createOriginMatcher', () => {
  it.each([
    ['https://ows.omeda.com', true],
    ['http://ows.omeda.com', false],
    ['https://mc123.soap.marketingcloudapis.com', true],
    ['https://evil.com', false],
  ])('matches %s from the spec servers: %s', (origin, expected) => {
    expect(createOriginMatcher('spec', servers)(origin)).toBe(expected);
  });

  it('matches any origin when a server host is a variable (on-premise)', () => {
    expect(createOriginMatcher('spec', [{ url: 'http://{host}:{port}/vpns' }])('http://10.0.0.5:8080')).toBe(true);
  });

  it('matches exactly the listed origins, or all with "any"', () => {
    const listed = createOriginMatcher(['https://mock.test/path'], servers);
    expect([listed('https://mock.test'), listed('https://ows.omeda.com')]).toEqual([true, false]);
    expect(createOriginMatcher('any', servers)('http://x')).toBe(true);
  });
});
