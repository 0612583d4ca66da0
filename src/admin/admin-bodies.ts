import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { ForceOptions } from '../engine/engine-controls.ts';
import { UsageError } from '../errors/usage-error.ts';
import { lazily } from '../validate/compile-once.ts';

// Built on the first admin body to check, not when the server module loads: compiling (and, by default,
// checking these schemas against the JSON Schema meta-schema) took a third of a server's start-up.
// These three schemas are fixed; strict mode still refuses any unknown keyword in them when compiled.
const ajv = lazily(() => new Ajv2020({ strict: true, allErrors: false, allowUnionTypes: true, validateSchema: false, meta: false }));

const forceItem = {
  type: 'object',
  required: ['operationId', 'status'],
  properties: {
    operationId: { type: 'string' },
    status: { type: 'number' },
    times: { anyOf: [{ const: 'always' }, { type: 'number' }] },
    example: { type: 'string' },
  },
  // A misspelt field (`time` for `times`) is refused, not ignored.
  additionalProperties: false,
} as const;

/** An admin body schema, compiled on its first use, with the words to say when a body breaks it. */
interface BodyRule<T> {
  readonly validate: () => ValidateFunction<T>;
  readonly explain: (errors: readonly ErrorObject[]) => string;
}

function rule<T>(schema: object, explain: (errors: readonly ErrorObject[]) => string): BodyRule<T> {
  return { validate: lazily(() => ajv().compile<T>(schema)), explain };
}

/** What `POST /__admin/force` takes: one outcome or an array of them. */
export type ForceBody = ForceOptions & { readonly operationId: string; readonly status: number };

const FORCE = rule<ForceBody | ForceBody[]>({ anyOf: [forceItem, { type: 'array', items: forceItem }] }, (errors) => {
  const unknown = errors.find((error) => error.keyword === 'additionalProperties');
  if (unknown)
    return `unknown field ${(unknown.params as { additionalProperty: string }).additionalProperty}: a force takes operationId, status, times and example`;
  const field = errors[0]?.instancePath.split('/').at(-1);
  if (field === 'times') return 'times must be a number or "always"';
  if (field === 'example') return 'example must be a string';
  return 'expected {"operationId": "omeda.cancelDeployment", "status": 500, "times": 1, "example": "name"} or an array of them';
});

const CLOCK = rule<{ now: string | null }>(
  { type: 'object', required: ['now'], properties: { now: { type: ['string', 'null'] } } },
  () => 'expected {"now": "<ISO 8601 instant>"} or {"now": null}',
);

const FAULTS = rule<{ plan: unknown; seed?: number }>(
  { type: 'object', required: ['plan'], properties: { plan: {}, seed: { type: 'integer', minimum: 0, maximum: 4294967295 } } },
  () => 'seed must be a whole number from 0 to 4294967295',
);

function check<T>(body: unknown, bodyRule: BodyRule<T>): T {
  const validate = bodyRule.validate();
  if (validate(body)) return body;
  throw new UsageError('bad-admin-body', bodyRule.explain(validate.errors ?? []));
}

/**
 * `POST /__admin/force`: `{operationId, status, times?, example?}` or an array of them, checked with
 * ajv before anything is queued.
 *
 * @see ../../docs/reference/admin-api.md
 */
export function readForceBody(body: unknown): readonly ForceBody[] {
  const checked = check(body, FORCE);
  return Array.isArray(checked) ? checked : [checked];
}

/**
 * `PUT /__admin/clock`: `{"now": "<instant>"}` pins the clock, `{"now": null}` releases it.
 *
 * @see ../../docs/reference/admin-api.md
 */
export function readClockBody(body: unknown): string | null {
  return check(body, CLOCK).now;
}

/**
 * `POST /__admin/faults`: `{"plan": {…}, "seed": 42}` or a bare plan (its shape is checked by
 * `parseFaultPlan`, the same reader as `--faults`).
 *
 * @see ../../docs/reference/limits.md
 */
export function readFaultsBody(body: unknown): { readonly plan: unknown; readonly seed?: number } {
  const wrapped = typeof body === 'object' && body !== null && !Array.isArray(body) && 'plan' in body;
  return wrapped ? check(body, FAULTS) : { plan: body };
}
