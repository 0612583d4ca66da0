import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ValidateFunction } from 'ajv';

/**
 * Marks a record as one of the built-in default dataset's (see `trustRecord`). A symbol, so no JSON a
 * user sends (a state file, `PUT /__admin/state`, `--records`) can carry it.
 */
const TRUSTED_RECORD = Symbol('esp-cancel-mock.trusted-record');

/**
 * Marks a record of the built-in default dataset, which the test suite checks against the record
 * schemas (`test/default-dataset.test.ts`): its `create` skips the run-time check, so seeding a mock
 * compiles no record schema. The mark is dropped on the way into the store (updates are checked).
 */
export function trustRecord<T extends object>(record: T): T {
  Object.defineProperty(record, TRUSTED_RECORD, { value: true, enumerable: true, configurable: true });
  return record;
}

/**
 * Wraps an ajv validator, compiled on its first use, as a Standard Schema, so `@msw/data` collections
 * are typed and checked by the record schemas the specs already declare — the record shapes are written
 * once, in the spec. A record marked by `trustRecord` passes unchecked (and unmarked).
 *
 * @see https://standardschema.dev/
 */
export function toStandardSchema<T>(validator: () => ValidateFunction, name: string): StandardSchemaV1<T, T> {
  return {
    '~standard': {
      version: 1,
      vendor: 'esp-cancel-mock',
      validate(value) {
        if (typeof value === 'object' && value !== null && Object.hasOwn(value, TRUSTED_RECORD)) {
          delete (value as { [TRUSTED_RECORD]?: true })[TRUSTED_RECORD];
          return { value: value as T };
        }
        const validate = validator();
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
