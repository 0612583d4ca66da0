/**
 * Upstream URLs a vendor hands out for later calls (SFMC's OAuth answer: `soap_instance_url`,
 * `rest_instance_url`) are rewritten to come back through the proxy, so a client that follows them
 * stays on it. An instance on the target's own origin becomes the proxy's origin; an instance on
 * another host (SFMC's `<sub>.soap…` next to the `<sub>.auth…` target) is learned and reached
 * through the prefix `/__upstream/<n>`, which the proxy strips before matching and forwarding.
 *
 * @see https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/access-token-s2s.html (the token answer's instance URLs)
 */
export const UPSTREAM_PREFIX = '/__upstream/';

/** Top-level JSON members holding an instance URL (SFMC's names). */
const INSTANCE_URL_MEMBER = /_instance_url$/;
/** Learned instance origins are few (one or two per tenant); the table is bounded all the same. */
const MAX_LEARNED = 100;

export interface InstanceUrls {
  /**
   * The body with each instance URL pointing at `proxyOrigin`, or `undefined` when it has none.
   * `targetOrigin` is the vendor's configured upstream.
   */
  rewrite(body: string, proxyOrigin: string, targetOrigin: string): string | undefined;
  /** `/__upstream/2/Service.asmx` → the learned origin and `/Service.asmx`; `undefined` for any other path. */
  resolve(pathname: string): { readonly origin: string; readonly pathname: string } | undefined;
}

export function createInstanceUrls(): InstanceUrls {
  const byIndex = new Map<number, string>();
  const byOrigin = new Map<string, number>();
  let next = 0;
  const prefixFor = (origin: string): string => {
    let index = byOrigin.get(origin);
    if (index === undefined) {
      index = next++;
      byOrigin.set(origin, index);
      byIndex.set(index, origin);
      // Maps iterate in insertion order: the first key is the oldest learned origin.
      if (byIndex.size > MAX_LEARNED) {
        const [oldest, oldOrigin] = byIndex.entries().next().value as [number, string];
        byIndex.delete(oldest);
        byOrigin.delete(oldOrigin);
      }
    }
    return `${UPSTREAM_PREFIX}${index}`;
  };
  return {
    rewrite(body, proxyOrigin, targetOrigin) {
      if (!body.includes('_instance_url')) return undefined;
      let data: unknown;
      try {
        data = JSON.parse(body);
      } catch {
        return undefined;
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
      let changed = false;
      const rewritten: Record<string, unknown> = { ...data };
      for (const [name, value] of Object.entries(rewritten)) {
        if (!INSTANCE_URL_MEMBER.test(name) || typeof value !== 'string') continue;
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          continue;
        }
        const prefix = url.origin === targetOrigin ? '' : prefixFor(url.origin);
        rewritten[name] = `${proxyOrigin}${prefix}${url.pathname}${url.search}`;
        changed = true;
      }
      return changed ? JSON.stringify(rewritten) : undefined;
    },
    resolve(pathname) {
      if (!pathname.startsWith(UPSTREAM_PREFIX)) return undefined;
      const match = /^(\d{1,9})(\/.*)?$/s.exec(pathname.slice(UPSTREAM_PREFIX.length));
      const origin = match ? byIndex.get(Number(match[1])) : undefined;
      return origin === undefined ? undefined : { origin, pathname: match?.[2] ?? '/' };
    },
  };
}
