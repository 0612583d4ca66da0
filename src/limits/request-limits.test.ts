import { expect, it } from 'vitest';
import { toUtf16 } from '../../test/support/utf16.ts';
import { readBoundedBody } from './request-limits.ts';

it('refuses a declared Content-Length over the limit without reading the body', async () => {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(10));
    },
  });
  const request = new Request('http://x/', { method: 'POST', body, headers: { 'content-length': '101' }, duplex: 'half' } as RequestInit);
  expect(await readBoundedBody(request, 100)).toEqual({ ok: false, bytes: 101 });
  expect(pulled).toBeLessThanOrEqual(1);
});

it('stops reading a streamed body as soon as it passes the limit', async () => {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(10));
    },
  });
  const request = new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
  expect(await readBoundedBody(request, 95)).toEqual({ ok: false, bytes: 100 });
  expect(pulled).toBeLessThan(13);
});

it('returns the text of a body within the limit, multi-byte characters whole', async () => {
  const request = new Request('http://x/', { method: 'POST', body: 'héllo ✓ 😀' });
  expect(await readBoundedBody(request, 100)).toEqual({ ok: true, text: 'héllo ✓ 😀' });
});

it('reads a JSON body of declared length in the UTF-16 its byte order mark names, not as UTF-8', async () => {
  const json = '{"UserId":"omailAccount1","Note":"✓"}';
  const body = toUtf16(json, 'le', true);
  const headers = { 'content-type': 'application/json', 'content-length': String(body.byteLength) };
  expect(await readBoundedBody(new Request('http://x/', { method: 'POST', body, headers }), 100)).toEqual({ ok: true, text: json });
});
