import { startupError } from '../errors/startup-error.ts';
import type { LoadedSpec } from '../spec/load-specs.ts';
import { HTTP_METHODS, type OperationObject, type PathItemObject, type ServerObject } from '../spec/openapi-types.ts';

/** One (method, path) the mock answers, built from a spec's `paths`: never a hand-written list. */
export interface Route {
  readonly vendor: string;
  readonly operationId: string;
  /** Upper-case method, or `*` for a path's `x-unsupported-methods` operation. */
  readonly method: string;
  /** The path template as written in the spec, e.g. `/api/v1/email/{emailRequestId}/cancel`. */
  readonly template: string;
  readonly pattern: RegExp;
  /**
   * The text every path the route matches starts with (up to the first `{param}`; `''` with
   * `x-match-any-prefix`): a string test that rules most routes out before their pattern runs.
   */
  readonly literal: string;
  /** The route matches `literal` alone (no parameters, no prefix): equality decides, no pattern runs. */
  readonly exact: boolean;
  readonly paramNames: readonly string[];
  readonly operation: OperationObject;
  readonly pathItem: PathItemObject;
  /** From the path's `x-match-header`: the route answers only when this header matches. */
  readonly header?: { readonly name: string; readonly pattern: RegExp };
}

/** Builds every route of one spec: each path (and its `x-path-aliases`) under each server base path. */
export function buildRoutes(spec: LoadedSpec): Route[] {
  const routes: Route[] = [];
  const basePaths = toBasePaths(spec.document.servers ?? []);
  for (const [template, pathItem] of Object.entries(spec.document.paths ?? {})) {
    const templates = [template, ...(pathItem['x-path-aliases'] ?? [])];
    const operations: Array<[string, OperationObject]> = HTTP_METHODS.flatMap((method) => {
      const operation = pathItem[method];
      return operation ? [[method.toUpperCase(), operation] as [string, OperationObject]] : [];
    });
    const anyPrefix = pathItem['x-match-any-prefix'] === true;
    const matchHeader = pathItem['x-match-header'];
    const header = matchHeader && { name: matchHeader.name.toLowerCase(), pattern: new RegExp(matchHeader.pattern) };
    const unsupported = pathItem['x-unsupported-methods'];
    if (unsupported) operations.push(['*', unsupported]);
    for (const [method, operation] of operations) {
      if (!operation.operationId) {
        throw startupError(
          `Failed to load openapi/${spec.vendor}.yaml: ${method} ${template} has no operationId.`,
          'Add one.',
          'spec-mismatch',
        );
      }
      for (const basePath of basePaths) {
        for (const path of templates) {
          const { pattern, literal, paramNames } = compileTemplate(basePath + withoutLabel(path), anyPrefix);
          routes.push({
            vendor: spec.vendor,
            operationId: operation.operationId,
            method,
            template: path,
            pattern,
            literal,
            exact: !anyPrefix && paramNames.length === 0,
            paramNames,
            operation,
            pathItem,
            ...(header ? { header } : {}),
          });
        }
      }
    }
  }
  // Header-conditioned routes first (a stable sort keeps the spec's order otherwise).
  return routes.sort((a, b) => Number(b.header !== undefined) - Number(a.header !== undefined));
}

/** A path key without its `#label` (see `x-match-header`): the path an HTTP request can carry. */
export function withoutLabel(template: string): string {
  const hash = template.indexOf('#');
  return hash === -1 ? template : template.slice(0, hash);
}

/** The path parts of the spec's servers (`http://{host}:{port}/vpns` → `/vpns`), always including the root. */
export function toBasePaths(servers: readonly ServerObject[]): string[] {
  const basePaths = new Set<string>(['']);
  for (const server of servers) {
    const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? 'host');
    const path = url.startsWith('/') ? url : new URL(url).pathname;
    basePaths.add(path.replace(/\/+$/, ''));
  }
  return [...basePaths];
}

/**
 * `/a/{id}/*` → `^/a/([^/]+)/\*$`: `{name}` is one path segment, every other character is literal.
 * With `anyPrefix`, any path may come before the template (`^(?:/.*)?/a/…$`). `literal` is the text
 * before the first parameter (`/a/`), which every matching path starts with (`''` with `anyPrefix`).
 */
export function compileTemplate(template: string, anyPrefix = false): { pattern: RegExp; literal: string; paramNames: string[] } {
  const paramNames: string[] = [];
  let source = '';
  let literal = '';
  for (const part of template.split(/(\{[^}]+\})/)) {
    if (part.startsWith('{') && part.endsWith('}')) {
      paramNames.push(part.slice(1, -1));
      source += '([^/]+)';
    } else {
      if (paramNames.length === 0) literal += part;
      source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return { pattern: new RegExp(`^${anyPrefix ? '(?:/.*)?' : ''}${source}$`), literal: anyPrefix ? '' : literal, paramNames };
}
