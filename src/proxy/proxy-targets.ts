import { startupError } from '../errors/startup-error.ts';

/** Each proxied vendor and the base URL of its real upstream (`omeda` → `https://ows.omedastaging.com`). */
export type ProxyTargets = ReadonlyMap<string, URL>;

/**
 * Reads `--target <vendor>=<base URL>` values: one per vendor, a known vendor name, an absolute
 * http(s) URL. Throws a start-up error with a fix on anything else.
 *
 * @see https://github.com/stoplightio/prism/blob/master/docs/guides/03-validation-proxy.md (Prism's one-upstream proxy, which this extends per vendor)
 */
export function parseTargets(values: readonly string[], knownVendors: readonly string[]): ProxyTargets {
  if (values.length === 0) throw startupError('proxy needs at least one --target.', 'Pass --target omeda=https://ows.omedastaging.com.');
  const targets = new Map<string, URL>();
  for (const value of values) {
    const equals = value.indexOf('=');
    const vendor = equals === -1 ? '' : value.slice(0, equals).trim();
    const base = equals === -1 ? '' : value.slice(equals + 1).trim();
    if (!vendor || !base)
      throw startupError(`--target '${value}' is not <vendor>=<url>.`, 'Write it as --target omeda=https://ows.omedastaging.com.');
    if (!knownVendors.includes(vendor))
      throw startupError(`--target names unknown vendor '${vendor}'.`, `Use one of: ${knownVendors.join(', ')}.`);
    if (targets.has(vendor)) throw startupError(`--target ${vendor} is given twice.`, 'Give one upstream per vendor.');
    let url: URL;
    try {
      url = new URL(base);
    } catch {
      throw startupError(`--target ${vendor}: '${base}' is not an absolute URL.`, 'Give the upstream as http(s)://host[:port][/base].');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw startupError(`--target ${vendor}: '${base}' is not http or https.`, 'Give the upstream as http(s)://host[:port][/base].');
    targets.set(vendor, url);
  }
  return targets;
}

/** The upstream URL of a request path under a target's base (`https://host/base` + `/Service.asmx?x`). */
export function toUpstreamUrl(base: URL, pathAndQuery: string): URL {
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${base.origin}${prefix}${pathAndQuery}`);
}
