import { readFileSync } from 'node:fs';
import type { LoadedSpec } from '../spec/load-specs.ts';
import type { ServerObject } from '../spec/openapi-types.ts';
import { yamlOnDemand } from '../spec/yaml-on-demand.ts';

/** The two encodings `GET /__admin/openapi/<vendor>.<format>` serves. */
export type SpecFormat = 'yaml' | 'json';

/**
 * The vendor's servers moved onto this mock: each documented server keeps its path (Volt MX's `/vpns`
 * context root) with the vendor's host replaced by `origin`, so a client generator or Swagger UI that
 * reads the spec talks to the mock. Server variables are filled with their defaults first.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#server-object
 */
export function toMockServers(servers: readonly ServerObject[] | undefined, origin: string): ServerObject[] {
  const paths = new Set<string>();
  for (const server of servers ?? [{ url: '/' }]) {
    const url = server.url.replace(/\{([^}]+)\}/g, (_all, name: string) => String(server.variables?.[name]?.default ?? name));
    const path = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : '');
    paths.add(path.replace(/\/+$/, ''));
  }
  return [...paths].map((path) => ({ url: `${origin}${path}`, description: `esp-cancel-mock at ${origin}${path || '/'}` }));
}

/**
 * One vendor's OpenAPI document as served by the admin API: the YAML source with its comments
 * (only `servers` rewritten), or the same document as JSON.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#openapi-document
 */
export function renderServedSpec(spec: LoadedSpec, format: SpecFormat, origin: string): string {
  const servers = toMockServers(spec.document.servers, origin);
  if (format === 'json') return JSON.stringify({ ...spec.document, servers }, null, 2);
  const document = yamlOnDemand().parseDocument(readFileSync(spec.file, 'utf8'));
  document.set('servers', document.createNode(servers));
  return document.toString();
}
