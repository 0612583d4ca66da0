import { describe, expect, it } from 'vitest';
import { computeDigestResponse, isSameDigest, parseDigestCredentials } from './digest-credentials.ts';
import { issueNonce, MAX_DIGEST_NONCES, type NonceStore } from './digest-nonces.ts';

describe('digest-credentials', () => {
  it('reads quoted and bare auth-params, unescaping quoted pairs, names in lower case', () => {
    const parsed = parseDigestCredentials('Digest username="Mufasa", Realm="a \\"b\\", c" ,nc=00000001,qop=auth');
    expect(parsed && Object.fromEntries(parsed)).toEqual({ username: 'Mufasa', realm: 'a "b", c', nc: '00000001', qop: 'auth' });
  });

  it.each([
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['no parameters after a name', 'Digest username'],
    ['an unterminated quoted string', 'Digest username="Mufasa'],
    ['a parameter named twice', 'Digest nonce="a", nonce="b"'],
    ['text between parameters', 'Digest a=1 b=2'],
    ['nothing', undefined],
  ])('refuses %s', (_, header) => {
    expect(parseDigestCredentials(header)).toBeNull();
  });

  it('keeps a parameter named __proto__ as data', () => {
    expect(parseDigestCredentials('Digest __proto__="x"')?.get('__proto__')).toBe('x');
  });

  it("computes RFC 7616's own MD5 example response", () => {
    const response = computeDigestResponse({
      username: 'Mufasa',
      realm: 'http-auth@example.org',
      password: 'Circle of Life',
      method: 'GET',
      uri: '/dir/index.html',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
      nc: '00000001',
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
      qop: 'auth',
      body: '',
    });
    expect(response).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(isSameDigest(response, '8CA523F5E9506FED4657C9700EEBDBEC')).toBe(true);
    expect(isSameDigest(response, '8ca523f5')).toBe(false);
  });

  it('keeps at most MAX_DIGEST_NONCES nonces, forgetting the oldest first', () => {
    const store: NonceStore = new Map();
    for (let index = 0; index <= MAX_DIGEST_NONCES; index += 1) issueNonce(store, `n${index}`, 'o', index);
    expect(store.size).toBe(MAX_DIGEST_NONCES);
    expect([store.has('n0'), store.has('n1'), store.has(`n${MAX_DIGEST_NONCES}`)]).toEqual([false, true, true]);
  });
});
