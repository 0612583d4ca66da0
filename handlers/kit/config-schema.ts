/**
 * A JSON Schema object, as much of it as the vendors' config schemas use: each vendor declares the
 * run-time check of its settings type with these builders, and `checkMockConfig` compiles them (ajv).
 *
 * @see https://json-schema.org/understanding-json-schema/reference/object#additionalproperties
 */
export interface ConfigSchema {
  readonly type: string | readonly string[];
  readonly properties?: Readonly<Record<string, ConfigSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: false;
  readonly items?: ConfigSchema;
  readonly minimum?: number;
  readonly minLength?: number;
}

/** An allow-list setting: a list of `items`, or `null` for "accept any". */
export const listOrNull = (items: ConfigSchema): ConfigSchema => ({ type: ['array', 'null'], items });

/** An object of two required strings (a user and a password, a client id and a secret). */
export const pair = (first: string, second: string): ConfigSchema => ({
  type: 'object',
  properties: { [first]: { type: 'string' }, [second]: { type: 'string' } },
  required: [first, second],
  additionalProperties: false,
});

/** A vendor's settings object: these keys, each optional (merged over the vendor's `defaultConfig`), no others. */
export const settings = (properties: Readonly<Record<string, ConfigSchema>>): ConfigSchema => ({
  type: 'object',
  properties,
  additionalProperties: false,
});
