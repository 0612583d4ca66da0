import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { JournalEntry } from '../journal/request-journal.ts';
import { formatLogBytes, formatLogLine, rejectionReason, tenthsText, useColour } from './request-log.ts';

function entry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: 1,
    time: '2026-01-15T00:00:00.000Z',
    durationMs: 0.42,
    vendor: 'omeda',
    operationId: 'omeda.cancelDeployment',
    request: { method: 'POST', url: 'http://127.0.0.1:4010/webservices/rest/brand/ABC/omail/deployment/cancel/*', headers: {}, body: '' },
    response: { status: 200, headers: {}, body: '{}' },
    forced: null,
    validation: { request: [], response: [] },
    ...overrides,
  };
}

const missingAppId = entry({
  response: { status: 403, headers: {}, body: '{"Errors":[{"Error":"Missing x-omeda-appid"}]}' },
  validation: {
    request: [
      { location: 'header', pointer: '/x-omeda-appid', keyword: 'required', message: "must have required property 'x-omeda-appid'" },
    ],
    response: [],
  },
});

it('gives the first request issue, short, as the reason of a rejected request', () => {
  expect(rejectionReason(missingAppId)).toBe('header x-omeda-appid required');
});

it.each([
  ['an Omeda Errors body', '{"Errors":[{"Error":"Deployment FOO1 was not found."}],"SubmissionId":"x"}', 'Deployment FOO1 was not found.'],
  [
    'a problem+json body',
    '{"type":"urn:x","title":"No vendor operation","detail":"no operation matches GET /x"}',
    'no operation matches GET /x',
  ],
  [
    'a SOAP fault',
    '<soap:Envelope><soap:Body><soap:Fault><faultstring>Login Failed</faultstring></soap:Fault></soap:Body></soap:Envelope>',
    'Login Failed',
  ],
  ['a Volt MX message', '{"id":"","message":"Invalid claims token"}', 'Invalid claims token'],
])('reads the reason of a refused answer from %s', (_name, body, reason) => {
  expect(rejectionReason(entry({ response: { status: 404, headers: {}, body } }))).toBe(reason);
});

it('gives no reason for a success', () => {
  expect(rejectionReason(entry())).toBeUndefined();
});

it('writes a text line with the reason after the status and timing', () => {
  expect(formatLogLine(missingAppId, 'text', false)).toBe(
    'POST /webservices/rest/brand/ABC/omail/deployment/cancel/* omeda.cancelDeployment 403 0.4ms — header x-omeda-appid required',
  );
});

it('colours the status on a terminal', () => {
  expect(formatLogLine(missingAppId, 'text', true)).toContain('\u001b[33m403\u001b[39m');
});

it('writes one JSON object per request with --log-format json', () => {
  expect(JSON.parse(formatLogLine(missingAppId, 'json', false))).toEqual({
    time: '2026-01-15T00:00:00.000Z',
    method: 'POST',
    path: '/webservices/rest/brand/ABC/omail/deployment/cancel/*',
    vendor: 'omeda',
    operationId: 'omeda.cancelDeployment',
    status: 403,
    durationMs: 0.42,
    reason: 'header x-omeda-appid required',
  });
});

it.each([
  [true, {}, true],
  [true, { NO_COLOR: '1' }, false],
  [true, { NO_COLOR: '' }, true],
  [false, {}, false],
])('uses colour when the stream is a TTY (%s) and NO_COLOR is not set (%j): %s', (isTTY, env, expected) => {
  expect(useColour({ isTTY }, env)).toBe(expected);
});

it.each([
  ['http://127.0.0.1:4010/v3.5/mailing/cancel?orgid=2&mid=123', '/v3.5/mailing/cancel'],
  ['http://[::1]:4010/Service.asmx?wsdl', '/Service.asmx'],
  ['http://127.0.0.1:4010/', '/'],
  ['http://127.0.0.1:4010', '/'],
])('logs the path of %s without its query', (url, path) => {
  const line = formatLogLine(entry({ request: { method: 'PUT', url, headers: {}, body: '' } }), 'text', false);
  expect(line.split(' ')[1]).toBe(path);
});

it('names the session of an exchange in a named session, in text and in JSON', () => {
  expect(formatLogLine(entry(), 'text', false, 'w1')).toMatch(
    /^\[w1\] POST \/webservices\/rest\/brand\/ABC\/omail\/deployment\/cancel\/\* /,
  );
  expect(JSON.parse(formatLogLine(entry(), 'json', false, 'w1'))).toMatchObject({ session: 'w1', method: 'POST' });
  expect(JSON.parse(formatLogLine(entry(), 'json', false))).not.toHaveProperty('session');
});

const utf8Bytes = (line: string) => Buffer.from(line, 'utf8').toString('latin1');

it.each([
  ['a line with a reason', missingAppId],
  ['a line without one', entry()],
  [
    'a reason that is not ASCII',
    entry({ response: { status: 404, headers: {}, body: '{"message":"Zustellung für “FOO” nicht gefunden — ✉"}' } }),
  ],
  [
    'an operation id that is not ASCII',
    entry({ operationId: 'omeda.annulé', response: { status: 404, headers: {}, body: '{"Error":"x"}' } }),
  ],
  ['a reason cut with an ellipsis', entry({ response: { status: 500, headers: {}, body: `{"detail":"${'x'.repeat(130)}"}` } })],
  ['an answer forced by Prefer', entry({ response: { status: 400, headers: {}, body: '{}' }, forced: { status: 400, by: 'prefer' } })],
])('gives %s as the UTF-8 bytes of the same line, in every format', (_name, exchange) => {
  for (const format of ['text', 'json'] as const)
    for (const colour of [false, true])
      for (const session of [undefined, 'w1'])
        expect(formatLogBytes(exchange, format, colour, session)).toBe(utf8Bytes(formatLogLine(exchange, format, colour, session)));
});

it('writes a duration in tenths exactly as toFixed(1) does, ties and thousandths included', () => {
  const samples = [
    0,
    0.04,
    0.05,
    0.15,
    0.25,
    0.35,
    0.45,
    1.05,
    1.25,
    2.675,
    9.95,
    99.95,
    0.049999,
    1e-9,
    12345.678,
    1e8 + 0.05,
    1e9,
    1e21,
    Number.NaN,
  ];
  for (let thousandths = 0; thousandths <= 20_000; thousandths += 1) samples.push(thousandths / 1000);
  fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (ms) => tenthsText(ms) === ms.toFixed(1)));
  for (const ms of samples) expect(tenthsText(ms)).toBe(ms.toFixed(1));
});

it('logs each request its own path when requests to different URLs alternate', () => {
  const to = (url: string) => entry({ request: { method: 'GET', url, headers: {}, body: '' } });
  const paths = ['http://127.0.0.1:4010/a?x=1', 'http://127.0.0.1:4010/b/c', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010/a?x=1'].map(
    (url) => formatLogLine(to(url), 'text', false).split(' ')[1],
  );
  expect(paths).toEqual(['/a', '/b/c', '/', '/a']);
});

it('starts each line with its own session, method, path and operation, whatever the line before it', () => {
  const line = fc.record({
    session: fc.constantFrom(undefined, 'w1', 'w2'),
    method: fc.constantFrom('POST', 'GET'),
    url: fc.constantFrom('http://127.0.0.1:4010/a', 'http://127.0.0.1:4010/b?x=1'),
    operationId: fc.constantFrom('omeda.cancelDeployment', 'omeda.annulé', 'voltmx.cancelEmail'),
    bytes: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(line, { minLength: 2, maxLength: 12 }), (lines) => {
      for (const { session, method, url, operationId, bytes } of lines) {
        const exchange = entry({ operationId, request: { method, url, headers: {}, body: '' } });
        const start = `${session === undefined ? '' : `[${session}] `}${method} ${new URL(url).pathname} ${operationId} 200 `;
        const text = bytes ? formatLogBytes(exchange, 'text', false, session) : formatLogLine(exchange, 'text', false, session);
        expect(text.startsWith(bytes ? utf8Bytes(start) : start)).toBe(true);
      }
    }),
  );
});
