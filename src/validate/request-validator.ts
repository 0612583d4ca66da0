import type { ValidateFunction } from 'ajv';
import type { DecodedRequest } from '../decode/decoded-request.ts';
import { mergeParameters } from '../spec/merge-parameters.ts';
import type { OpenApiDocument, OperationObject, ParameterObject, PathItemObject, RequestBodyObject } from '../spec/openapi-types.ts';
import { resolveReference } from '../spec/resolve-reference.ts';
import { createCompileOnce, lazily } from './compile-once.ts';
import { compileSchema } from './compile-schema.ts';
import { type AjvPair, rebaseSchema } from './create-ajv.ts';
import { toIssues, type ValidationIssue } from './validation-issue.ts';

type ParameterLocation = 'path' | 'query' | 'header';

/** The compiled validators of one operation, keyed by location and media type. Built once at start-up. */
export interface RequestValidator {
  /** The parameters of each location, resolved; used to read query arrays and to document inputs. */
  readonly parameters: readonly ParameterObject[];
  readonly requestBody: RequestBodyObject | undefined;
  /** Validates (and coerces: strings on the wire) path, query and headers; returns what is broken. */
  validateParameters(request: DecodedRequest): ValidationIssue[];
  /** Validates the decoded body against the schema of its media type. */
  validateBody(request: DecodedRequest): ValidationIssue[];
  /** Compiles every validator now rather than on first use (a schema error throws here). */
  compileAll(): void;
}

/** Media types whose values arrive as strings and so are coerced like parameters. */
const STRING_MEDIA_TYPES = new Set(['application/x-www-form-urlencoded']);

const compiled = createCompileOnce<RequestValidator>();

/**
 * The request validators of one operation, compiled once per process for each ajv pair: every mock
 * of the same specs gets the same (immutable) validator.
 */
export function createRequestValidator(
  ajv: AjvPair,
  vendor: string,
  document: OpenApiDocument,
  pathItem: PathItemObject,
  operation: OperationObject,
): RequestValidator {
  return compiled.get([ajv, pathItem, operation], () => compileRequestValidator(ajv, vendor, document, pathItem, operation));
}

function compileRequestValidator(
  ajv: AjvPair,
  vendor: string,
  document: OpenApiDocument,
  pathItem: PathItemObject,
  operation: OperationObject,
): RequestValidator {
  const parameters = mergeParameters(document, pathItem, operation);
  const compileLocation = (location: ParameterLocation): ValidateFunction | undefined => {
    const own = parameters.filter((parameter) => parameter.in === location);
    if (own.length === 0) return undefined;
    const key = (name: string): string => (location === 'header' ? name.toLowerCase() : name);
    return ajv.coercing.compile({
      type: 'object',
      properties: Object.fromEntries(own.map((p) => [key(p.name), rebaseSchema(p.schema, vendor)])),
      required: own.filter((p) => p.required || p.in === 'path').map((p) => key(p.name)),
    });
  };
  // Each validator is compiled on its first use: a test file that sends two operations compiles two,
  // not the whole spec. Every schema of the shipped specs is compiled by the spec tests.
  const locations = {
    path: lazily(() => compileLocation('path')),
    query: lazily(() => compileLocation('query')),
    header: lazily(() => compileLocation('header')),
  };
  const requestBody = operation.requestBody ? resolveReference(document, operation.requestBody) : undefined;
  const bodies = new Map<string, () => ValidateFunction>();
  for (const [mediaType, media] of Object.entries(requestBody?.content ?? {})) {
    const instance = STRING_MEDIA_TYPES.has(mediaType) ? ajv.coercing : ajv.exact;
    bodies.set(
      mediaType,
      lazily(() => compileSchema(instance, vendor, media.schema)),
    );
  }

  return {
    parameters,
    requestBody,
    validateParameters(request) {
      const issues: ValidationIssue[] = [];
      const values = { path: request.path, query: request.query, header: request.headers };
      for (const location of ['path', 'query', 'header'] as const) {
        const validate = locations[location]();
        if (validate && !validate(values[location])) issues.push(...toIssues(location, validate.errors));
      }
      return issues;
    },
    validateBody,
    compileAll() {
      for (const compile of [...Object.values(locations), ...bodies.values()]) compile();
    },
  };

  function validateBody(request: DecodedRequest): ValidationIssue[] {
    if (!requestBody) return [];
    if (request.rawBody === '') {
      return requestBody.required ? [{ location: 'body', pointer: '/', keyword: 'required', message: 'a request body is required' }] : [];
    }
    const validate = bodies.get(request.mediaType)?.();
    if (!validate) {
      const accepted = [...bodies.keys()].join(', ');
      return [
        {
          location: 'body',
          pointer: '/',
          keyword: 'mediaType',
          message: `unsupported media type '${request.mediaType}'; accepted: ${accepted}`,
        },
      ];
    }
    return validate(request.body) ? [] : toIssues('body', validate.errors);
  }
}
