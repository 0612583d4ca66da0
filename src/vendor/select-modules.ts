import { VENDOR_MODULES } from '../../handlers/index.ts';
import { startupError } from '../errors/startup-error.ts';
import { closestName } from '../suggest/edit-distance.ts';
import type { VendorModule } from './vendor-module.ts';

/** Every vendor name esp-cancel-mock knows, in serving order. */
export const ALL_VENDORS: readonly string[] = Object.keys(VENDOR_MODULES);

/** The modules of the named vendors (all by default); an unknown name fails with the closest and the known ones. */
export function selectModules(names: readonly string[] = ALL_VENDORS): VendorModule[] {
  return names.map((name) => {
    const module = VENDOR_MODULES[name];
    if (!module) {
      const guess = closestName(name, ALL_VENDORS);
      throw startupError(
        `Unknown vendor '${name}'.${guess ? ` Did you mean '${guess}'?` : ''}`,
        `Use one or more of: ${ALL_VENDORS.join(', ')}.`,
      );
    }
    return module;
  });
}
