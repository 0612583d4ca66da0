/** A base URL that was checked: a parsed http(s) URL without a trailing slash. */
export type BaseUrlCheck = { readonly ok: true; readonly base: string } | { readonly ok: false; readonly message: string };

/**
 * Checks `--base-url` before any probe is sent: it must be an absolute `http://` or `https://` URL
 * (`127.0.0.1:4010` and `localhost:4010` are refused with the URL they probably meant).
 *
 * @see https://url.spec.whatwg.org/#absolute-url-string
 */
export function checkBaseUrl(text: string): BaseUrlCheck {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.host) {
    return {
      ok: false,
      message: `--base-url '${text}' needs a scheme and a host, e.g. --base-url http://${text.replace(/^[a-z]+:\/\//i, '')}`,
    };
  }
  return { ok: true, base: url.href.replace(/\/+$/, '') };
}

/** What answered at the base URL: any HTTP answer counts; `mock` when it is an esp-cancel-mock. */
export type TargetReach =
  | { readonly ok: true; readonly mock: boolean; readonly version?: string }
  | { readonly ok: false; readonly message: string };

/**
 * One request before the probes: `GET <base>/__admin/health`. No answer at all (refused, DNS, TLS,
 * timeout) is one clear error instead of a failed probe per operation; an answer naming
 * `esp-cancel-mock` tells `verify` it may isolate its probes (sessions, or state restored).
 *
 * @see ../admin/admin-api.ts
 */
export async function reachTarget(base: string, fetcher: typeof fetch = fetch, timeoutMs = 10_000): Promise<TargetReach> {
  try {
    const response = await fetcher(`${base}/__admin/health`, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    const text = await response.text();
    if (response.status !== 200) return { ok: true, mock: false };
    try {
      const health = JSON.parse(text) as { name?: unknown; version?: unknown };
      if (health.name === 'esp-cancel-mock') return { ok: true, mock: true, version: String(health.version) };
    } catch {
      // Not JSON: some other server's page at that path.
    }
    return { ok: true, mock: false };
  } catch (error) {
    const cause = (error as { cause?: { message?: string; code?: string } }).cause;
    const why = cause?.message ?? (error as Error).message;
    return { ok: false, message: `cannot reach ${base}: ${why}. Is the server running, and is the URL right?` };
  }
}
