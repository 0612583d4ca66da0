import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../spec/openapi-types.ts';
import { componentSchemaId, rebaseSchema } from './create-ajv.ts';

/**
 * Compiles one schema of a spec. A bare `{ $ref: '#/components/schemas/X' }` — most request and
 * response bodies — reuses the component's validator, compiled once for every place that names it;
 * anything else is rebased and compiled on its own.
 */
export function compileSchema(ajv: Ajv2020, vendor: string, schema: JsonSchema | undefined): ValidateFunction {
  const ref = typeof schema === 'object' && Object.keys(schema).length === 1 ? schema.$ref : undefined;
  const match = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  const shared = match?.[1] ? ajv.getSchema(componentSchemaId(vendor, match[1])) : undefined;
  return shared ?? ajv.compile(rebaseSchema(schema, vendor) as object);
}
