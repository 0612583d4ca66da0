import { momentum } from '../handlers/momentum/module.ts';
import { omeda } from '../handlers/omeda/module.ts';
import { sfmc } from '../handlers/sfmc/module.ts';
import { voltmx } from '../handlers/voltmx/module.ts';
import { startupError } from './errors/startup-error.ts';
import type { VendorModule } from './vendor/vendor-module.ts';

/**
 * Every vendor esp-cancel-mock serves, by name: the composition root's registry (the entry points,
 * `startServer`, `createMock` and the CLI, choose vendors from it; the engine never imports a vendor).
 * The order is the order of `--vendors` listings and of route matching (vendor paths do not overlap).
 * Adding a vendor is one line here.
 *
 * @see ../docs/adding-a-vendor.md
 */
export const VENDOR_MODULES: Readonly<Record<string, VendorModule>> = { momentum, omeda, sfmc, voltmx };

/** Every vendor name esp-cancel-mock knows, in serving order. */
export const ALL_VENDORS: readonly string[] = Object.keys(VENDOR_MODULES);

/** The modules of the named vendors (all by default); an unknown name fails with the known ones. */
export function selectModules(names: readonly string[] = ALL_VENDORS): VendorModule[] {
  return names.map((name) => {
    const module = VENDOR_MODULES[name];
    if (!module) throw startupError(`Unknown vendor '${name}'.`, `Use one or more of: ${ALL_VENDORS.join(', ')}.`, 'unknown-vendor');
    return module;
  });
}
