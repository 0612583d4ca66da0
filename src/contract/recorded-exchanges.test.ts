import { expect, it } from 'vitest';
import { readRecordedExchanges } from './recorded-exchanges.ts';

const request = { method: 'GET', url: 'http://x/a', headers: {}, body: '' };
const response = { status: 200, headers: {}, body: '' };

it.each([
  ['a journal export', JSON.stringify({ requests: [{ id: 7, request, response }] }), 'requests[0] (journal id 7)'],
  ['a bare array of journal entries', JSON.stringify([{ request, response }]), 'requests[0]'],
  [
    'a HAR file',
    JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'http://x/a' }, response: { status: 200 } }] } }),
    'entries[0]',
  ],
])('reads %s', (_name, text, label) => {
  const read = readRecordedExchanges(text);
  expect(read.ok && read.exchanges.map((exchange) => exchange.label)).toEqual([label]);
});

it('reads a HAR entry: lower-case headers without HTTP/2 pseudo-headers, mime types as Content-Type, base64 bodies decoded', () => {
  const har = {
    log: {
      entries: [
        {
          request: {
            method: 'POST',
            url: 'http://x/a',
            headers: [
              { name: ':authority', value: 'x' },
              { name: 'X-Omeda-AppId', value: 'a' },
            ],
            postData: { mimeType: 'application/json', text: '{}' },
          },
          response: {
            status: 200,
            headers: [],
            content: { mimeType: 'text/xml', text: Buffer.from('<a/>').toString('base64'), encoding: 'base64' },
          },
        },
      ],
    },
  };
  const read = readRecordedExchanges(JSON.stringify(har));
  expect(read.ok && read.exchanges[0]).toEqual({
    label: 'entries[0]',
    request: { method: 'POST', url: 'http://x/a', headers: { 'x-omeda-appid': 'a', 'content-type': 'application/json' }, body: '{}' },
    response: { status: 200, headers: { 'content-type': 'text/xml' }, body: '<a/>' },
  });
});

it.each([
  ['text that is not JSON', 'nope', /^not JSON/],
  ['JSON of another shape', '{"a":1}', /neither a HAR file/],
])('refuses %s with a sentence', (_name, text, message) => {
  const read = readRecordedExchanges(text);
  expect(read.ok ? '' : read.message).toMatch(message);
});
