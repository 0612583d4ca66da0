import type { ServerObject } from '../spec/openapi-types.ts';

/**
 * Which origins an in-process (MSW) mock intercepts for a vendor. `spec` (the default) takes the
 * spec's `servers`: a fixed origin matches itself, a templated host part matches any value
 * (`https://{subdomain}.soap.marketingcloudapis.com`), and a server whose whole host is a variable
 * (on-premise `http://{host}:{port}`) matches any origin. `any` matches every origin; a list matches
 * exactly those origins.
 */
export type OriginPolicy = 'spec' | 'any' | readonly string[];

export type OriginMatcher = (origin: string) => boolean;

export function createOriginMatcher(policy: OriginPolicy, servers: readonly ServerObject[]): OriginMatcher {
  if (policy === 'any') return () => true;
  if (policy !== 'spec') {
    const allowed = new Set(policy.map((origin) => new URL(origin).origin));
    return (origin) => allowed.has(origin);
  }
  const patterns = servers.filter((server) => /^https?:\/\//.test(server.url)).map((server) => toOriginPattern(server.url));
  if (patterns.length === 0 || patterns.some((pattern) => pattern === null)) return () => true;
  return (origin) => patterns.some((pattern) => (pattern as RegExp).test(origin));
}

/** `https://{sub}.soap.example.com/x` → /^https:\/\/[^/]+\.soap\.example\.com$/; a bare `{host}` → null (any). */
function toOriginPattern(url: string): RegExp | null {
  const origin = /^(https?:\/\/[^/]+)/.exec(url)?.[1] ?? url;
  const host = origin.replace(/^https?:\/\//, '').replace(/:.*$/, '');
  if (/^\{[^}]+\}$/.test(host)) return null;
  const source = origin
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}
