import { startupError } from './errors/startup-error.ts';
import { closestName } from './suggest/edit-distance.ts';

/**
 * Every vendor name esp-cancel-mock knows, in serving order: the keys of `VENDOR_MODULES`
 * (src/vendors.ts), listed here without loading the modules, so `serve` can check `--vendors` before
 * it listens and loads the engine. test/vendor-names.test.ts keeps the two lists equal.
 */
export const ALL_VENDORS: readonly string[] = ['momentum', 'omeda', 'sfmc', 'voltmx'];

/** Fails on the first unknown name, with the closest known one and the list. */
export function checkVendorNames(names: readonly string[]): void {
  for (const name of names) {
    if (ALL_VENDORS.includes(name)) continue;
    const guess = closestName(name, ALL_VENDORS);
    throw startupError(
      `Unknown vendor '${name}'.${guess ? ` Did you mean '${guess}'?` : ''}`,
      `Use one or more of: ${ALL_VENDORS.join(', ')}.`,
      'unknown-vendor',
    );
  }
}
