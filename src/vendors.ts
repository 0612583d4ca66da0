import type { ConfigSchema } from '../handlers/kit/index.ts';
import { type MomentumConfig, momentumConfigSchema } from '../handlers/momentum/auth.ts';
import { momentum } from '../handlers/momentum/module.ts';
import { type OmedaConfig, omedaConfigSchema } from '../handlers/omeda/auth.ts';
import { omeda } from '../handlers/omeda/module.ts';
import { type SfmcConfig, sfmcConfigSchema } from '../handlers/sfmc/auth.ts';
import { sfmc } from '../handlers/sfmc/module.ts';
import { type VoltMxConfig, voltmxConfigSchema } from '../handlers/voltmx/auth.ts';
import { voltmx } from '../handlers/voltmx/module.ts';
import type { VendorModule } from './vendor/vendor-module.ts';
import { ALL_VENDORS, checkVendorNames } from './vendor-names.ts';

/**
 * Every vendor esp-cancel-mock serves, by name: the composition root's registry (the entry points,
 * `startServer`, `createMock` and the CLI, choose vendors from it; the engine never imports a vendor).
 * The order is the order of `--vendors` listings and of route matching (vendor paths do not overlap).
 * Adding a vendor is one line here and its name in src/vendor-names.ts, plus its settings in `VendorConfigs` and `VENDOR_CONFIG_SCHEMAS`.
 *
 * @see ../docs/adding-a-vendor.md
 */
export const VENDOR_MODULES: Readonly<Record<string, VendorModule>> = { momentum, omeda, sfmc, voltmx };

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

/**
 * The run-time check of `VendorConfigs`: each vendor's own schema (declared beside its settings type),
 * no unknown keys. A test keeps each schema's keys equal to its vendor's `defaultConfig` keys, so the
 * type and the schema cannot drift.
 */
export const VENDOR_CONFIG_SCHEMAS: { readonly [V in keyof VendorConfigs]: ConfigSchema } = {
  momentum: momentumConfigSchema,
  omeda: omedaConfigSchema,
  sfmc: sfmcConfigSchema,
  voltmx: voltmxConfigSchema,
};

/** Every vendor name esp-cancel-mock knows, in serving order (the keys of `VENDOR_MODULES`). */
export { ALL_VENDORS };

/** The modules of the named vendors (all by default); an unknown name fails with the closest and the known ones. */
export function selectModules(names: readonly string[] = ALL_VENDORS): VendorModule[] {
  checkVendorNames(names);
  return names.map((name) => VENDOR_MODULES[name] as VendorModule);
}
