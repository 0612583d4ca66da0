import { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { toHeaderRecord } from './incoming-headers.ts';

/** What the engine read before: the Fetch `Headers` of the same raw lines, listed. */
function viaFetchHeaders(rawHeaders: string[]): Record<string, string> {
  const headers = new Headers();
  for (let index = 0; index < rawHeaders.length; index += 2) headers.append(rawHeaders[index] as string, rawHeaders[index + 1] as string);
  if (!headers.has('content-length') && !headers.has('transfer-encoding')) headers.set('content-length', '0');
  return Object.fromEntries(headers);
}

const cases: Array<[string, string[]]> = [
  ['a plain JSON request', ['Host', '127.0.0.1:4010', 'Content-Type', 'application/json', 'Content-Length', '42', 'X-Omeda-AppId', 'abc']],
  ['repeated fields', ['Host', 'h', 'Accept', 'text/xml', 'accept', 'application/json', 'X-Tag', 'a', 'x-tag', 'b', 'x-TAG', 'c']],
  ['cookies and set-cookies', ['Host', 'h', 'Cookie', 'a=1', 'cookie', 'b=2', 'Set-Cookie', 'x=1', 'set-cookie', 'y=2']],
  ['values with edge whitespace', ['Host', 'h', 'X-Pad', ' \tpadded\t ', 'X-Inner', 'in  side']],
  ['a chunked body', ['Host', 'h', 'Transfer-Encoding', 'chunked', 'Content-Type', 'text/xml']],
  ['no body at all', ['Host', 'h', 'Authorization', 'Basic dXNlcjpwYXNz']],
  ['names sorted by code unit', ['Host', 'h', 'Zeta', '1', 'alpha', '2', 'X-A', '3', 'x-_', '4', 'X-0', '5']],
  ['a header named __proto__', ['Host', 'h', '__proto__', 'data', 'Content-Length', '0']],
];

describe('toHeaderRecord', () => {
  it.each(cases)('lists %s like a Fetch Headers of the same lines', (_name, rawHeaders) => {
    const record = toHeaderRecord({ rawHeaders });
    const expected = viaFetchHeaders(rawHeaders);
    expect(record).toEqual(expected);
    expect(Object.keys(record)).toEqual(Object.keys(expected));
  });

  it.each(cases)('lists %s like a Fetch Headers of the same lines when Node has parsed them too', (_name, rawHeaders) => {
    const incoming = new IncomingMessage(null as unknown as Socket);
    incoming.rawHeaders = rawHeaders;
    const record = toHeaderRecord(incoming);
    const expected = viaFetchHeaders(rawHeaders);
    expect(record).toEqual(expected);
    expect(Object.keys(record)).toEqual(Object.keys(expected));
  });

  it.each(cases)('lists %s the same way when the same lines come again, each time as a record of its own', (_name, rawHeaders) => {
    const expected = viaFetchHeaders(rawHeaders);
    const first = toHeaderRecord({ rawHeaders: [...rawHeaders] });
    first.extra = 'changed by its reader';
    const again = toHeaderRecord({ rawHeaders: [...rawHeaders] });
    expect(again).not.toBe(first);
    expect(again).toEqual(expected);
    expect(Object.keys(again)).toEqual(Object.keys(expected));
    expect(toHeaderRecord({ rawHeaders: [...rawHeaders] })).toEqual(expected);
  });

  it('keeps a header named __proto__ as an own data property', () => {
    for (let time = 0; time < 2; time++) {
      const record = toHeaderRecord({ rawHeaders: ['__proto__', 'data'] });
      expect(Object.hasOwn(record, '__proto__')).toBe(true);
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    }
  });

  it('leaves out HTTP/2 pseudo-headers', () => {
    expect(toHeaderRecord({ rawHeaders: [':path', '/x', 'host', 'h', 'content-length', '3'] })).toEqual({
      host: 'h',
      'content-length': '3',
    });
  });
});
