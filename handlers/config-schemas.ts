import type { MomentumConfig } from './momentum.ts';
import type { OmedaConfig } from './omeda.ts';
import type { SfmcConfig } from './sfmc.ts';
import type { VoltMxConfig } from './voltmx.ts';

/**
 * Every vendor's settings, by vendor name: what `createMock({ config })`, `startServer({ config })` and
 * `serve --config` accept, each key optional (it is merged over the vendor's `defaultConfig`).
 *
 * @see ../docs/reference/cli.md (`--config`)
 */
export interface VendorConfigs {
  readonly momentum: MomentumConfig;
  readonly omeda: OmedaConfig;
  readonly sfmc: SfmcConfig;
  readonly voltmx: VoltMxConfig;
}

/** A JSON Schema object, as much of it as the config schemas use. */
export interface ConfigSchema {
  readonly type: string | readonly string[];
  readonly properties?: Readonly<Record<string, ConfigSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: false;
  readonly items?: ConfigSchema;
  readonly minimum?: number;
  readonly minLength?: number;
}

const listOrNull = (items: ConfigSchema): ConfigSchema => ({ type: ['array', 'null'], items });
const pair = (first: string, second: string): ConfigSchema => ({
  type: 'object',
  properties: { [first]: { type: 'string' }, [second]: { type: 'string' } },
  required: [first, second],
  additionalProperties: false,
});
const settings = (properties: Readonly<Record<string, ConfigSchema>>): ConfigSchema => ({
  type: 'object',
  properties,
  additionalProperties: false,
});

/**
 * The run-time check of `VendorConfigs`: one JSON Schema per vendor, no unknown keys. A test keeps each
 * schema's keys equal to its vendor's `defaultConfig` keys, so the type and the schema cannot drift.
 *
 * @see https://json-schema.org/understanding-json-schema/reference/object#additionalproperties
 */
export const VENDOR_CONFIG_SCHEMAS: { readonly [V in keyof VendorConfigs]: ConfigSchema } = {
  momentum: settings({ credentials: listOrNull(pair('username', 'password')) }),
  omeda: settings({
    appIds: listOrNull({ type: 'string', minLength: 1 }),
    brands: listOrNull({ type: 'string', minLength: 1 }),
  }),
  sfmc: settings({
    users: { type: 'array', items: pair('username', 'password') },
    clients: listOrNull(pair('clientId', 'clientSecret')),
    tokenLifetimeSeconds: { type: 'integer', minimum: 1 },
  }),
  voltmx: settings({
    users: listOrNull(pair('userid', 'password')),
    tokens: listOrNull({ type: 'string', minLength: 1 }),
  }),
};
