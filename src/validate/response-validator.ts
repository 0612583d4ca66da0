import type { ValidateFunction } from 'ajv';
import type { HeaderObject, JsonSchema, OpenApiDocument, OperationObject, ResponseObject } from '../spec/openapi-types.ts';
import { resolveReference } from '../spec/resolve-reference.ts';
import { createCompileOnce, lazily } from './compile-once.ts';
import { compileSchema } from './compile-schema.ts';
import type { AjvPair } from './create-ajv.ts';
import { toIssues, type ValidationIssue } from './validation-issue.ts';

/** What strict mode checks of one answer: its status, media type, headers and body. */
export interface OutgoingResponse {
  readonly status: number;
  readonly mediaType: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * Strict mode: every response the mock sends is checked against its own spec, so the mock can never
 * drift from its contract. Compiled once at start-up, like the request validators.
 */
export interface ResponseValidator {
  validate(response: OutgoingResponse, options?: ResponseCheckOptions): ValidationIssue[];
  /** Compiles every status's validators now rather than on first use (a schema error throws here). */
  compileAll(): void;
}

/** How to read a body decoded from the wire (contract checks of recorded or live answers). */
export interface ResponseCheckOptions {
  /** The body came from a format whose scalars are all strings (XML): coerce them like parameters. */
  readonly coerce?: boolean;
  /** False when no codec can read the body back: status and headers are still checked. */
  readonly checkBody?: boolean;
}

interface CompiledResponse {
  readonly requiredHeaders: readonly string[];
  readonly headers: ReadonlyMap<string, ValidateFunction>;
  readonly bodies: ReadonlyMap<string, ValidateFunction>;
  /** Coercing twins of `bodies`, compiled on first use (only contract checks of XML answers need them). */
  readonly coercing: Map<string, ValidateFunction>;
  readonly schemas: ReadonlyMap<string, JsonSchema | undefined>;
}

const validators = createCompileOnce<ResponseValidator>();

/**
 * The response validators of one operation, compiled once per process for each ajv pair and shared
 * by every mock of the same specs (the coercing twins it compiles on first use are shared too).
 */
export function createResponseValidator(
  ajv: AjvPair,
  vendor: string,
  document: OpenApiDocument,
  operation: OperationObject,
): ResponseValidator {
  return validators.get([ajv, operation], () => compileResponseValidator(ajv, vendor, document, operation));
}

function compileResponseValidator(ajv: AjvPair, vendor: string, document: OpenApiDocument, operation: OperationObject): ResponseValidator {
  // Each status is compiled on its first use (see request-validator.ts).
  const compiled = new Map<string, () => CompiledResponse>();
  for (const [status, raw] of Object.entries(operation.responses)) {
    compiled.set(
      status,
      lazily(() => compileStatus(ajv, vendor, document, raw)),
    );
  }

  return {
    compileAll() {
      for (const compile of compiled.values()) compile();
    },
    validate(response, options = {}) {
      const documented = (
        compiled.get(String(response.status)) ??
        compiled.get(`${String(response.status)[0]}XX`) ??
        compiled.get('default')
      )?.();
      if (!documented) {
        return [
          {
            location: 'status',
            pointer: '/',
            keyword: 'status',
            message: `status ${response.status} is not documented for this operation`,
          },
        ];
      }
      const issues: ValidationIssue[] = [];
      for (const name of documented.requiredHeaders) {
        if (response.headers[name] === undefined) {
          issues.push({
            location: 'response-header',
            pointer: `/${name}`,
            keyword: 'required',
            message: `missing documented header ${name}`,
          });
        }
      }
      for (const [name, validate] of documented.headers) {
        const value = response.headers[name];
        if (value !== undefined && !validate(value))
          issues.push(
            ...toIssues('response-header', validate.errors).map((issue) => ({
              ...issue,
              pointer: `/${name}${issue.pointer === '/' ? '' : issue.pointer}`,
            })),
          );
      }
      if (documented.bodies.size === 0 || options.checkBody === false) return issues;
      const validate = options.coerce
        ? coercingBody(ajv, vendor, documented, response.mediaType)
        : documented.bodies.get(response.mediaType);
      if (!validate) {
        issues.push({
          location: 'response-body',
          pointer: '/',
          keyword: 'mediaType',
          message: `media type '${response.mediaType}' is not documented for status ${response.status}`,
        });
      } else if (!validate(response.body)) {
        issues.push(...toIssues('response-body', validate.errors));
      }
      return issues;
    },
  };
}

/** One documented status's header and body validators. */
function compileStatus(
  ajv: AjvPair,
  vendor: string,
  document: OpenApiDocument,
  raw: OperationObject['responses'][string],
): CompiledResponse {
  const response = resolveReference<ResponseObject>(document, raw);
  const headers = new Map<string, ValidateFunction>();
  const requiredHeaders: string[] = [];
  for (const [name, rawHeader] of Object.entries(response.headers ?? {})) {
    const header = resolveReference<HeaderObject>(document, rawHeader);
    headers.set(name.toLowerCase(), compileSchema(ajv.coercing, vendor, header.schema));
    if (header.required) requiredHeaders.push(name.toLowerCase());
  }
  const bodies = new Map<string, ValidateFunction>();
  const schemas = new Map<string, JsonSchema | undefined>();
  for (const [mediaType, media] of Object.entries(response.content ?? {})) {
    schemas.set(mediaType, media.schema);
    bodies.set(mediaType, compileSchema(ajv.exact, vendor, media.schema));
  }
  return { requiredHeaders, headers, bodies, coercing: new Map(), schemas };
}

function coercingBody(ajv: AjvPair, vendor: string, documented: CompiledResponse, mediaType: string): ValidateFunction | undefined {
  if (!documented.schemas.has(mediaType)) return undefined;
  let validate = documented.coercing.get(mediaType);
  if (!validate) {
    validate = compileSchema(ajv.coercing, vendor, documented.schemas.get(mediaType));
    documented.coercing.set(mediaType, validate);
  }
  return validate;
}
