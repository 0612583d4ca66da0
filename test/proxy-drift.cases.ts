import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../src/index.ts';
import type { Drift, DriftingUpstream } from './support/drifting-upstream.ts';
import type { ProxyUnderTest } from './support/proxy-under-test.ts';
import { documentEnvelope } from './support/sfmc-envelopes.ts';

interface VendorCall {
  readonly path: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** One documented call per vendor, as an app makes it. */
const CALLS: Record<string, VendorCall> = {
  momentum: {
    path: '/v3.5/mailing/cancel?orgid=2&mid=123',
    method: 'PUT',
    headers: { authorization: `Basic ${Buffer.from('integration:secret').toString('base64')}` },
  },
  'momentum (unknown mailing)': {
    path: '/v3.5/mailing/cancel?orgid=2&mid=999',
    method: 'PUT',
    headers: { authorization: `Basic ${Buffer.from('integration:secret').toString('base64')}` },
  },
  omeda: {
    path: '/webservices/rest/brand/ABC/omail/deployment/cancel/*',
    method: 'POST',
    headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
    body: '{"UserId":"omailAccount1","TrackId":"FOO0102003002"}',
  },
  sfmc: {
    path: '/Service.asmx',
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: 'Perform' },
    body: documentEnvelope(),
  },
  voltmx: {
    path: '/api/v1/email/7131002087805116277/cancel',
    method: 'POST',
    headers: { 'x-voltmx-authorization': 'claims-token' },
  },
};

const dropMember = (name: string) => (body: string) => {
  const data = JSON.parse(body) as Record<string, unknown>;
  delete data[name];
  return JSON.stringify(data);
};

/** Each vendor's drifts: what the upstream does, and the issue the proxy must name for it. */
const DRIFTS: ReadonlyArray<[string, string, Drift, Partial<ValidationIssue>]> = [
  ['an undocumented status', 'momentum', { status: 418 }, { location: 'status', keyword: 'status' }],
  ['an undocumented status', 'omeda', { status: 418 }, { location: 'status', keyword: 'status' }],
  ['an undocumented status', 'sfmc', { status: 418 }, { location: 'status', keyword: 'status' }],
  ['an undocumented status', 'voltmx', { status: 418 }, { location: 'status', keyword: 'status' }],
  ['a missing required field', 'momentum (unknown mailing)', { edit: dropMember('name') }, { keyword: 'required', pointer: '/name' }],
  ['a missing required field', 'omeda', { edit: dropMember('SubmissionId') }, { keyword: 'required', pointer: '/SubmissionId' }],
  [
    'a missing required field',
    'sfmc',
    { edit: (body) => body.replace(/<OverallStatus>OK<\/OverallStatus>/, '') },
    { keyword: 'required', pointer: '/Envelope/Body/PerformResponseMsg/OverallStatus' },
  ],
  ['a missing required field', 'voltmx', { edit: dropMember('message') }, { keyword: 'required', pointer: '/message' }],
  [
    'a renamed SOAP element',
    'sfmc',
    { edit: (body) => body.replaceAll('OverallStatus>', 'Status>') },
    { keyword: 'required', pointer: '/Envelope/Body/PerformResponseMsg/OverallStatus' },
  ],
  ['a wrong content type', 'momentum', { contentType: 'text/html' }, { location: 'response-body', keyword: 'mediaType' }],
  ['a wrong content type', 'omeda', { contentType: 'text/plain' }, { location: 'response-body', keyword: 'mediaType' }],
  ['a wrong content type', 'sfmc', { contentType: 'application/json' }, { location: 'response-body' }],
  ['a wrong content type', 'voltmx', { contentType: 'text/html' }, { location: 'response-body', keyword: 'mediaType' }],
];

async function call(proxy: ProxyUnderTest, upstream: string, name: string, overrides: Partial<VendorCall> = {}) {
  const { path, method, headers, body } = { ...(CALLS[name] as VendorCall), ...overrides };
  const response = await fetch(proxy.url(upstream, path), { method, headers, ...(body === undefined ? {} : { body }) });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** The validating proxy against local upstreams: drift named, answers unchanged, failures as 502/504. */
export function defineProxyDriftCases(
  proxy: ProxyUnderTest,
  upstream: DriftingUpstream,
  broken: { readonly garbage: string; readonly silent: string; readonly down: string },
): void {
  describe(`validating proxy over ${proxy.transport}`, () => {
    it.each(['momentum', 'omeda', 'sfmc', 'voltmx'])(
      'forwards a documented %s call unchanged and returns its documented answer with no violation',
      async (name) => {
        const sent = CALLS[name] as VendorCall;
        const answer = await call(proxy, upstream.url, name);
        expect(answer.status).toBe(200);
        const [received] = upstream.received();
        expect(received?.method).toBe(sent.method);
        expect(received?.url).toBe(`${upstream.url}${sent.path}`);
        expect(received?.body).toBe(sent.body ?? '');
        expect(received?.headers).toMatchObject(sent.headers);
        const entry = proxy.journal(upstream.url).at(-1);
        expect(entry?.vendor).toBe(name);
        expect(entry?.validation).toEqual({ request: [], response: [] });
        expect(entry?.response.status).toBe(200);
      },
    );

    it.each(DRIFTS)('names %s from the %s upstream and returns that answer unchanged', async (_, name, drift, issue) => {
      upstream.drift(drift);
      const drifted = await call(proxy, upstream.url, name);
      expect(upstream.sent()).toEqual([{ status: drifted.status, contentType: drifted.contentType, body: drifted.text }]);
      if (drift.status) expect(drifted.status).toBe(drift.status);
      if (drift.contentType) expect(drifted.contentType).toBe(drift.contentType);
      const entry = proxy.journal(upstream.url).at(-1);
      expect(entry?.validation.request).toEqual([]);
      expect(entry?.validation.response).toContainEqual(expect.objectContaining(issue));
      const summary = proxy.report(upstream.url).operations.find((operation) => operation.operation === entry?.operationId);
      expect(summary?.responseViolations).toBeGreaterThan(0);
      expect(summary?.firstDrift).toBeTypeOf('string');
      if (drift.status) expect(summary?.undocumentedStatuses).toContain(drift.status);
    });

    it('names what the app sent that the spec does not accept, and forwards it all the same', async () => {
      const answer = await call(proxy, upstream.url, 'omeda', { body: '{"UserId":"omailAccount1"}' });
      expect(answer.status).toBe(400);
      expect(upstream.received()).toHaveLength(1);
      const entry = proxy.journal(upstream.url).at(-1);
      expect(entry?.validation.request).toContainEqual(expect.objectContaining({ keyword: 'required', pointer: '/TrackId' }));
      expect(entry?.validation.response).toEqual([]);
    });

    it.each([
      ['down', 'down', 502, 'upstream-unreachable'],
      ['answering bytes that are not HTTP', 'garbage', 502, 'upstream-invalid-response'],
      ['silent past the timeout', 'silent', 504, 'upstream-timeout'],
    ] as const)('answers an upstream that is %s (the %s upstream) with %i problem+json %s', async (_, which, status, code) => {
      const answer = await call(proxy, broken[which], 'omeda');
      expect(answer.status).toBe(status);
      expect(answer.contentType).toBe('application/problem+json');
      expect(JSON.parse(answer.text)).toMatchObject({ status, code, type: `urn:esp-cancel-mock:problem:${code}` });
      const entry = proxy.journal(broken[which]).at(-1);
      expect(entry?.response.status).toBe(status);
      // Not an answer of the vendor's: no drift, counted as an upstream failure.
      expect(entry?.validation.response).toEqual([]);
      expect(proxy.report(broken[which]).upstreamFailures).toBeGreaterThan(0);
    });

    it('refuses a request body over the limit with 413 and never forwards it', async () => {
      const answer = await call(proxy, upstream.url, 'omeda', { body: `{"UserId":"${'x'.repeat(1024 * 1024)}"}` });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.text)).toMatchObject({ code: 'payload-too-large' });
      expect(upstream.received()).toEqual([]);
    });
  });
}
