import { describe, expect, it } from 'vitest';
import { documentEnvelope, sdkEnvelope } from '../../test/support/sfmc-envelopes.ts';
import { isSecretName, REDACTED, redactBody, redactHeaders, redactUrl } from './redact-secrets.ts';

describe('redact-secrets', () => {
  it.each([
    ['authorization', true],
    ['x-omeda-appid', true],
    ['X-VoltMX-Authorization', true],
    ['x-kony-authorization', true],
    ['client_secret', true],
    ['access_token', true],
    ['refresh_token', true],
    ['claims_token', true],
    ['wsse:Password', true],
    ['fueloauth', true],
    ['cookie', true],
    ['token_type', false],
    ['TrackId', false],
    ['soap_instance_url', false],
    ['content-type', false],
    ['x-mock-session', false],
  ])('judges %s secret: %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });

  it('keeps the scheme of an Authorization header and replaces the credentials', () => {
    expect(redactHeaders({ authorization: 'Basic aW50ZWdyYXRpb246c2VjcmV0', 'x-omeda-appid': 'app-123', accept: '*/*' })).toEqual({
      authorization: `Basic ${REDACTED}`,
      'x-omeda-appid': REDACTED,
      accept: '*/*',
    });
  });

  it('replaces secret query parameters and leaves a URL without them as it was', () => {
    expect(redactUrl('http://h/x?orgid=2&access_token=abc')).toBe(`http://h/x?orgid=2&access_token=${REDACTED}`);
    expect(redactUrl('http://h/v3.5/mailing/cancel?orgid=2&mid=123')).toBe('http://h/v3.5/mailing/cancel?orgid=2&mid=123');
  });

  it('replaces secret JSON members at any depth and keeps an untouched body byte for byte', () => {
    const body = '{"access_token":"t0k","token_type":"Bearer","claims_token":{"value":"c","exp":1},"profile":{"password":"p"}}';
    expect(JSON.parse(redactBody('application/json', body))).toEqual({
      access_token: REDACTED,
      token_type: 'Bearer',
      claims_token: { value: REDACTED, exp: 1 },
      profile: { password: REDACTED },
    });
    expect(redactBody('application/json', '{ "TrackId" : "FOO" }')).toBe('{ "TrackId" : "FOO" }');
  });

  it('replaces secret form fields and secret members of a body that is not valid JSON', () => {
    expect(redactBody('application/x-www-form-urlencoded', 'grant_type=client_credentials&client_secret=s3cret')).toBe(
      `grant_type=client_credentials&client_secret=${REDACTED}`,
    );
    expect(redactBody('application/json', '{"client_secret":"s3cret",')).toBe(`{"client_secret":"${REDACTED}",`);
  });

  it('replaces the WS-Security password and the fueloauth token of SOAP envelopes, keeping their attributes', () => {
    const username = redactBody('text/xml', documentEnvelope('29605', 'user', 'pa55word'));
    expect(username).not.toContain('pa55word');
    expect(username).toContain('<wsse:Username>user</wsse:Username>');
    expect(username).toMatch(/<wsse:Password Type="[^"]+PasswordText">REDACTED<\/wsse:Password>/);
    const oauth = redactBody('text/xml; charset=utf-8', sdkEnvelope('tok-123'));
    expect(oauth).not.toContain('tok-123');
    expect(oauth).toContain(`<fueloauth xmlns="http://exacttarget.com">${REDACTED}</fueloauth>`);
  });

  it('reads an undeclared body by its first character', () => {
    expect(redactBody(undefined, '{"password":"p"}')).toBe(`{"password":"${REDACTED}"}`);
    expect(redactBody(undefined, '<a><Password>p</Password></a>')).toBe(`<a><Password>${REDACTED}</Password></a>`);
    expect(redactBody(undefined, 'password=p&x=1')).toBe(`password=${REDACTED}&x=1`);
    expect(redactBody(undefined, '0')).toBe('0');
  });
  it('masks secrets in a JSON body nested 5,000 arrays deep without overflowing the stack', () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const body = `{"client_secret":"s3cret","UserId":${deep},"nested":${'['.repeat(5_000)}{"access_token":"t0ken"}${']'.repeat(5_000)}}`;
    const redacted = redactBody('application/json', body);
    expect(redacted).not.toContain('s3cret');
    expect(redacted).not.toContain('t0ken');
    expect(redacted).toContain(deep);
    expect(redactBody('application/json', `{"UserId":${deep}}`)).toBe(`{"UserId":${deep}}`);
  });
});
