import type { ErrorObject } from 'ajv';

/** Where in an exchange a rule was broken. */
export type IssueLocation = 'path' | 'query' | 'header' | 'body' | 'status' | 'response-header' | 'response-body';

/**
 * One broken rule, with its place: the vendor modules turn request issues into the vendor's own error
 * bodies, and strict mode reports response issues as a mock problem.
 */
export interface ValidationIssue {
  readonly location: IssueLocation;
  /** JSON pointer into that location; for `required`, it points at the missing member. */
  readonly pointer: string;
  /** The JSON Schema keyword (`required`, `maxLength`, `type`…), or `parse` / `mediaType` for decoding. */
  readonly keyword: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Turns ajv's errors into issues; `required` errors point at the missing member itself. */
export function toIssues(location: IssueLocation, errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
    const pointer = missing === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(missing)}`;
    return { location, pointer: pointer || '/', keyword: error.keyword, message: error.message ?? error.keyword, params: error.params };
  });
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The last segment of a JSON pointer, unescaped: `/Errors/0/Error` → `Error`. */
export function lastSegment(pointer: string): string {
  const segment = pointer.slice(pointer.lastIndexOf('/') + 1);
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
