import type { BodyCodec } from '../codec/body-codec.ts';
import { createCodecRegistry, findCodec } from '../codec/codec-registry.ts';
import type { LoadedSpec } from '../spec/load-specs.ts';
import { mergeParameters } from '../spec/merge-parameters.ts';
import {
  type ExampleObject,
  HTTP_METHODS,
  type OpenApiDocument,
  type OperationObject,
  type PathItemObject,
  type RequestBodyObject,
} from '../spec/openapi-types.ts';
import { resolveReference } from '../spec/resolve-reference.ts';
import type { ProbeExpectation } from './probe-expectation.ts';
import {
  buildPath,
  credentialHeaders,
  credentials,
  headerValues,
  overrideHeader,
  parameterValue,
  type VendorOverrides,
} from './probe-parameters.ts';

/** One request derived from a spec; its answer must be documented for `operationId`. */
export interface Probe {
  readonly vendor: string;
  readonly operationId: string;
  /** e.g. `example 'document'`, `missing header x-omeda-appid`, `wrong method GET`. */
  readonly name: string;
  readonly method: string;
  /** Path and query, to append to the base URL. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** A documented example sent with a changing method: on a real sandbox it cancels a real record. */
  readonly mutating: boolean;
  /** The outcome it must get: a documented example a success, an invalid request a rejection. */
  readonly expect: ProbeExpectation;
  /** The header names that carry the operation's credentials (named when a success is refused). */
  readonly credentials: readonly string[];
}

const PROBE_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const BROKEN_BODY: Record<string, string> = { json: '{"broken": ', xml: '<broken', form: '%' };

/**
 * Derives the contract probes of one vendor from its spec: every request example, then the
 * documented-error probes that need no special state — a missing required parameter or body field,
 * no credentials, a malformed body, an unknown id, a method the path answers through
 * `x-unsupported-methods`. Read-only probes first, mutating ones last.
 *
 * @see ../../docs/reference/cli.md and ../../docs/guides/ci.md
 */
export function deriveProbes(spec: LoadedSpec, codecs: readonly BodyCodec[], overrides: VendorOverrides = {}): Probe[] {
  const document = spec.document;
  const registry = createCodecRegistry(codecs);
  const probes: Probe[] = [];
  for (const [template, pathItem] of Object.entries(document.paths ?? {})) {
    const declared = HTTP_METHODS.filter((method) => pathItem[method]).map((method) => method.toUpperCase());
    for (const method of declared) {
      const operation = pathItem[method.toLowerCase() as 'get'] as OperationObject;
      probes.push(...operationProbes(document, registry, template, pathItem, method, operation, overrides, spec.vendor));
    }
    const unsupported = pathItem['x-unsupported-methods'];
    const wrong = PROBE_METHODS.find((method) => !declared.includes(method));
    if (unsupported?.operationId && wrong) {
      const parameters = mergeParameters(document, pathItem, unsupported);
      probes.push({
        vendor: spec.vendor,
        operationId: unsupported.operationId,
        name: `wrong method ${wrong}`,
        method: wrong,
        path: buildPath(template, parameters, overrides),
        headers: { ...credentials(document, unsupported), ...headerValues(parameters, overrides), ...overrides.headers },
        body: '',
        mutating: false,
        expect: 'rejection',
        credentials: credentialHeaders(document, unsupported, parameters),
      });
    }
  }
  return [...probes.filter((probe) => !probe.mutating), ...probes.filter((probe) => probe.mutating)];
}

function operationProbes(
  document: OpenApiDocument,
  registry: ReadonlyMap<string, BodyCodec>,
  template: string,
  pathItem: PathItemObject,
  method: string,
  operation: OperationObject,
  overrides: VendorOverrides,
  vendor: string,
): Probe[] {
  const operationId = operation.operationId ?? `${method} ${template}`;
  const parameters = mergeParameters(document, pathItem, operation);
  const auth = credentials(document, operation);
  const baseHeaders = { ...auth, ...headerValues(parameters, overrides), ...overrides.headers };
  const path = buildPath(template, parameters, overrides);
  const requestBody = operation.requestBody ? resolveReference<RequestBodyObject>(document, operation.requestBody) : undefined;
  const changes = method !== 'GET' && method !== 'HEAD';
  const probe = (name: string, fields: Partial<Probe>): Probe => ({
    vendor,
    operationId,
    name,
    method,
    path,
    headers: baseHeaders,
    body: '',
    mutating: false,
    expect: 'rejection',
    credentials: credentialHeaders(document, operation, parameters),
    ...fields,
  });
  const probes: Probe[] = [];

  const examples = bodyExamples(document, registry, requestBody);
  if (examples.length === 0) probes.push(probe('example', { mutating: changes, expect: 'success' }));
  for (const example of examples) {
    probes.push(
      probe(`example '${example.name}' (${example.mediaType})`, {
        headers: { ...baseHeaders, 'content-type': example.mediaType },
        body: example.text,
        mutating: changes,
        expect: example.expect,
      }),
    );
  }
  const first = examples[0];
  if (first && isPlainObject(first.value)) {
    const schema = resolveReference<{ required?: string[] }>(document, (requestBody?.content[first.mediaType]?.schema ?? {}) as object);
    for (const field of schema.required ?? []) {
      if (!(field in first.value)) continue;
      const { [field]: _dropped, ...rest } = first.value;
      const codec = findCodec(registry, first.mediaType);
      if (!codec) continue;
      const body = tryEncode(codec, rest, first.mediaType);
      // A codec may refuse a shape without its root member (a SOAP envelope without `Envelope`).
      if (body === undefined) continue;
      probes.push(probe(`missing body field ${field}`, { headers: { ...baseHeaders, 'content-type': first.mediaType }, body }));
    }
  }
  if (first && typeof first.value === 'object' && first.value !== null) {
    const unknown = toUnknownIds(first.value);
    const codec = findCodec(registry, first.mediaType);
    const body = codec && unknown.names.length > 0 ? tryEncode(codec, unknown.value, first.mediaType) : undefined;
    if (body !== undefined) {
      const name = `unknown ${unknown.names.join(', ')} in body`;
      probes.push(probe(name, { headers: { ...baseHeaders, ...typeOf(first) }, body, mutating: changes, expect: 'documented' }));
    }
  }
  if (requestBody?.required) probes.push(probe('missing body', {}));
  const mediaType = first?.mediaType ?? Object.keys(requestBody?.content ?? {})[0];
  if (mediaType) {
    const family = mediaType.includes('xml') ? 'xml' : mediaType.includes('form') ? 'form' : 'json';
    probes.push(probe('malformed body', { headers: { ...baseHeaders, 'content-type': mediaType }, body: BROKEN_BODY[family] as string }));
  }
  for (const parameter of parameters) {
    if (!parameter.required || parameter.in === 'path' || overrideHeader(overrides, parameter)) continue;
    if (parameter.in === 'header') {
      const { [parameter.name.toLowerCase()]: _dropped, ...rest } = lowerKeys(baseHeaders);
      probes.push(probe(`missing header ${parameter.name}`, { headers: { ...rest, ...typeOf(first) }, body: first?.text ?? '' }));
    } else if (parameter.in === 'query') {
      const without = parameters.filter((other) => other !== parameter);
      probes.push(
        probe(`missing query ${parameter.name}`, {
          path: buildPath(template, without, overrides),
          headers: { ...baseHeaders, ...typeOf(first) },
          body: first?.text ?? '',
          // The body may carry the same parameter (Momentum reads orgid and mid from either).
          expect: isPlainObject(first?.value) && parameter.name in first.value ? 'documented' : 'rejection',
        }),
      );
    }
  }
  if (Object.keys(auth).length > 0) {
    const rest = lowerKeys({ ...headerValues(parameters, overrides), ...overrides.headers });
    for (const name of Object.keys(auth)) delete rest[name.toLowerCase()];
    probes.push(probe('no credentials', { headers: { ...rest, ...typeOf(first) }, body: first?.text ?? '' }));
  }
  for (const parameter of parameters.filter((p) => p.in === 'path')) {
    const value = parameterValue(parameter, overrides);
    if (!/[0-9]/.test(value)) continue;
    const unknown = value.replace(/[0-9]/g, '9');
    const changed = { ...overrides, parameters: { ...overrides.parameters, [parameter.name]: unknown } };
    probes.push(
      probe(`unknown ${parameter.name} ${unknown}`, {
        path: buildPath(template, parameters, changed),
        headers: { ...baseHeaders, ...typeOf(first) },
        body: first?.text ?? '',
        mutating: changes,
        expect: 'documented',
      }),
    );
  }
  return probes;
}

interface BodyExample {
  readonly name: string;
  readonly mediaType: string;
  readonly value: unknown;
  readonly text: string;
  readonly expect: ProbeExpectation;
}

function bodyExamples(
  document: OpenApiDocument,
  registry: ReadonlyMap<string, BodyCodec>,
  requestBody: RequestBodyObject | undefined,
): BodyExample[] {
  const examples: BodyExample[] = [];
  for (const [mediaType, media] of Object.entries(requestBody?.content ?? {})) {
    const codec = findCodec(registry, mediaType);
    const named: Array<[string, ExampleObject]> = Object.entries(media.examples ?? {}).map(([name, raw]) => [
      name,
      resolveReference<ExampleObject>(document, raw),
    ]);
    if (media.example !== undefined) named.push(['example', { value: media.example }]);
    for (const [name, { value, 'x-probe-expect': expect = 'success' }] of named) {
      const text = typeof value === 'string' || !codec ? String(value) : codec.encode(value, { mediaType, schema: media.schema });
      examples.push({ name, mediaType, value, text, expect });
    }
  }
  return examples;
}

/** The example with every id-named member (`TrackId`, `ID`, `mid`) that holds digits turned to 9s. */
function toUnknownIds(value: unknown): { value: unknown; names: string[] } {
  const names: string[] = [];
  const visit = (node: unknown, key: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, key));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([name, child]) => [name, visit(child, name)]));
    }
    if (/id$/i.test(key) && (typeof node === 'string' || typeof node === 'number') && /[0-9]/.test(String(node))) {
      const unknown = String(node).replace(/[0-9]/g, '9');
      names.push(`${key} ${unknown}`);
      return typeof node === 'number' ? Number(unknown) : unknown;
    }
    return node;
  };
  return { value: visit(value, ''), names };
}

function tryEncode(codec: BodyCodec, value: unknown, mediaType: string): string | undefined {
  try {
    return codec.encode(value, { mediaType, schema: undefined });
  } catch {
    return undefined;
  }
}

/** The Content-Type header of a probe that sends the first example's body. */
function typeOf(example: BodyExample | undefined): Record<string, string> {
  return example ? { 'content-type': example.mediaType } : {};
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
