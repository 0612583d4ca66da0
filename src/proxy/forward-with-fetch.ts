import type { Forwarder, UpstreamFailure } from './upstream-exchange.ts';

/**
 * The in-process forwarder: the global `fetch`, with each request first passed through `prepare`
 * (MSW's `bypass`, so the interceptor lets it reach the real network). `fetch` undoes the answer's
 * content coding itself, so the coding headers are dropped with it; `host` is fetch's to set.
 *
 * @see https://mswjs.io/docs/api/bypass
 */
export function createFetchForwarder(prepare: (request: Request) => Request): Forwarder {
  return async (upstream, limits) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(upstream.headers)) if (name !== 'host') headers.set(name, value);
    // `prepare` marks the request (MSW's bypass header); it is sent as URL and init, not as a Request
    // object, which Request wrappers that rebuild it (MSW's, hono's global one) can lose the method of.
    // No body at all when there are no bytes; fetch still states `content-length: 0` for a bodyless PUT.
    const marked = prepare(new Request(upstream.url, { method: upstream.method, headers }));
    const hasBody = upstream.method !== 'GET' && upstream.method !== 'HEAD' && upstream.body.byteLength > 0;
    const timeout = AbortSignal.timeout(limits.timeoutMs);
    try {
      const response = await fetch(marked.url, {
        method: upstream.method,
        headers: marked.headers,
        ...(hasBody ? { body: upstream.body } : {}),
        signal: timeout,
        redirect: 'manual',
      });
      const length = Number(response.headers.get('content-length') ?? Number.NaN);
      if (length > limits.maxBodyBytes) {
        await response.body?.cancel();
        return fail('too-large', `${upstream.url.origin} answered ${length} bytes; the limit is ${limits.maxBodyBytes}`);
      }
      const body = new Uint8Array(await response.arrayBuffer());
      if (body.byteLength > limits.maxBodyBytes)
        return fail('too-large', `${upstream.url.origin} answered more than ${limits.maxBodyBytes} bytes`);
      const record: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'content-encoding' && name !== 'content-length') record[name] = value;
      });
      return { ok: true, status: response.status, headers: record, body };
    } catch (error) {
      if (timeout.aborted) return fail('timeout', `${upstream.url.origin} did not answer within ${limits.timeoutMs} ms`);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const code = cause?.code ?? '';
      if (code.startsWith('HPE_') || code === 'UND_ERR_SOCKET' || code === 'ECONNRESET')
        return fail('invalid-response', `${upstream.url.origin} sent an answer that is not valid HTTP (${code})`);
      return fail(
        'unreachable',
        `cannot reach ${upstream.url.origin}: ${code ? `${code} ` : ''}${cause?.message ?? (error as Error).message}`,
      );
    }
  };
}

function fail(failure: UpstreamFailure, message: string) {
  return { ok: false as const, failure, message };
}
