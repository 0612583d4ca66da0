import type { VendorModule } from '../src/vendor/vendor-module.ts';
import { momentum } from './momentum.ts';
import { omeda } from './omeda.ts';
import { sfmc } from './sfmc.ts';
import { voltmx } from './voltmx.ts';

/**
 * Every vendor esp-cancel-mock serves, by name. The order is the order of `--vendors` listings and of
 * route matching (vendor paths do not overlap).
 */
export const VENDOR_MODULES: Readonly<Record<string, VendorModule>> = {
  // Each module is typed by its own records and config; the engine sees them through the erased type.
  momentum: momentum as unknown as VendorModule,
  omeda: omeda as unknown as VendorModule,
  sfmc: sfmc as unknown as VendorModule,
  voltmx: voltmx as unknown as VendorModule,
};

export type VendorName = keyof typeof VENDOR_MODULES;
