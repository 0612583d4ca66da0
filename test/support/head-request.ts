import { expect } from 'vitest';

/** A header that differs between two answers by design (a fresh nonce or date), not by method. */
const PER_ANSWER = new Set(['date', 'www-authenticate']);

/**
 * Fields about the message or the connection, not the resource: HEAD may leave out Content-Length
 * (RFC 9110 §8.6), and undici asks to close the connection after every HEAD request.
 */
const FRAMING = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/**
 * Sends the same request as GET and as HEAD and checks RFC 9110 §9.3.2: the HEAD answer has the GET
 * answer's status and header fields (the same names; the same values but for fresh nonces and dates)
 * and no body. Returns both answers for further checks.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2
 */
export async function expectHeadLikeGet(url: string, headers: Record<string, string> = {}): Promise<{ get: Response; head: Response }> {
  const get = await fetch(url, { method: 'GET', headers });
  await get.arrayBuffer();
  const head = await fetch(url, { method: 'HEAD', headers });
  expect(await head.text()).toBe('');
  expect(head.status).toBe(get.status);
  const comparable = (response: Response) =>
    [...response.headers].filter(([name]) => !FRAMING.has(name)).map(([name, value]) => [name, PER_ANSWER.has(name) ? '…' : value]);
  expect(comparable(head)).toEqual(comparable(get));
  return { get, head };
}
