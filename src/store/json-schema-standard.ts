import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ValidateFunction } from 'ajv';

/**
 * Wraps a compiled ajv validator as a Standard Schema, so `@msw/data` collections are typed and checked
 * by the record schemas the specs already declare — the record shapes are written once, in the spec.
 *
 * @see https://standardschema.dev/
 */
export function toStandardSchema<T>(validate: ValidateFunction, name: string): StandardSchemaV1<T, T> {
  return {
    '~standard': {
      version: 1,
      vendor: 'esp-cancel-mock',
      validate(value) {
        if (validate(value)) return { value: value as T };
        const issues = (validate.errors ?? []).map((error) => ({
          message: `${name}${error.instancePath} ${error.message ?? error.keyword}`,
          path: error.instancePath.split('/').slice(1),
        }));
        return { issues };
      },
    },
  };
}
