import { startupError } from './errors/startup-error.ts';
import { closestName } from './suggest/edit-distance.ts';

/**
 * Every vendor name esp-cancel-mock knows, in serving order: the keys of `VENDOR_MODULES`
 * (src/vendors.ts), listed here without loading the modules, so `serve` can check `--vendors` before
 * it listens and loads the engine. test/vendor-names.test.ts keeps the two lists equal.
 */
export const ALL_VENDORS: readonly string[] = ['momentum', 'omeda', 'sfmc', 'voltmx'];

/**
 * Fails on a list that names no vendor (a mock that serves nothing answers every request `unknown-route`,
 * which hides the mistake; leaving `vendors` out serves them all), on the first unknown name, with the
 * closest known one and the list, or on a name given twice.
 */
export function checkVendorNames(names: readonly string[]): void {
  if (names.length === 0)
    throw startupError('No vendor is named.', `Use one or more of: ${ALL_VENDORS.join(', ')}, or leave the list out to serve them all.`);
  for (const [index, name] of names.entries()) {
    if (ALL_VENDORS.includes(name)) {
      if (names.indexOf(name) === index) continue;
      throw startupError(`Vendor '${name}' is named twice.`, 'Name each vendor once.');
    }
    const guess = closestName(name, ALL_VENDORS);
    throw startupError(
      `Unknown vendor '${name}'.${guess ? ` Did you mean '${guess}'?` : ''}`,
      `Use one or more of: ${ALL_VENDORS.join(', ')}.`,
      'unknown-vendor',
    );
  }
}
