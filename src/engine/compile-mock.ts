import { REQUEST_LIMITS } from '../limits/request-limits.ts';
import type { Route } from '../routing/build-routes.ts';
import { findSpecDirectory, loadSpec } from '../spec/load-specs.ts';
import { createVendorStore } from '../store/vendor-store.ts';
import { type AjvPair, sharedAjvPair } from '../validate/create-ajv.ts';
import type { VendorModule } from '../vendor/vendor-module.ts';
import { type CompiledVendor, compileVendor } from './compile-vendor.ts';
import type { VendorRecords } from './engine-state.ts';

/**
 * What a mock compiles once per process: the part every session of a server shares.
 * @see ../../docs/development.md
 */
export interface CompileOptions {
  readonly modules: readonly VendorModule[];
  readonly strict?: boolean;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly specDirectory?: string;
  readonly maxBodyBytes?: number;
  readonly maxUrlLength?: number;
}

/**
 * The specs, ajv validators, routes and vendor modules, compiled once: immutable, so any number of
 * engines (a server's sessions) share it and only their mutable state is per engine.
 *
 * @see ../../docs/guides/sessions.md
 */
export interface CompiledMock {
  readonly ajv: AjvPair;
  readonly vendors: readonly CompiledVendor[];
  readonly vendorByName: ReadonlyMap<string, CompiledVendor>;
  readonly routes: readonly Route[];
  readonly strict: boolean;
  readonly limits: { readonly maxBodyBytes: number; readonly maxUrlLength: number };
  /** Fresh, empty stores for every vendor (a new engine or session fills them). */
  createStores(): Map<string, VendorRecords>;
}

/**
 * Loads the specs of the given vendor modules and builds their routes; each validator is compiled on
 * its first use, once per process (specs, ajv pair and validators are shared with every other mock of
 * the same specs; routes, codecs and config are per call). Throws at start-up, with a fix, on any mismatch between a spec and its handlers.
 *
 * @see ../../docs/development.md
 */
export function compileMock(options: CompileOptions): CompiledMock {
  const specDirectory = options.specDirectory ?? findSpecDirectory();
  const specs = options.modules.map((module) => loadSpec(module.name, module.specDirectory ?? specDirectory));
  // Shared by every mock of these specs in the process, like the validators compiled from it.
  const ajv = sharedAjvPair(specs);
  const vendors: CompiledVendor[] = specs.map((spec, index) => {
    const module = options.modules[index] as VendorModule;
    const overrides = options.config?.[module.name];
    const config =
      typeof overrides === 'object' && overrides !== null ? { ...(module.defaultConfig as object), ...overrides } : module.defaultConfig;
    return compileVendor(ajv, spec, module, config);
  });
  const vendorByName = new Map(vendors.map((vendor) => [vendor.name, vendor]));

  return {
    ajv,
    vendors,
    vendorByName,
    routes: vendors.flatMap((vendor) => vendor.routes),
    strict: options.strict ?? false,
    limits: {
      maxBodyBytes: options.maxBodyBytes ?? REQUEST_LIMITS.maxBodyBytes,
      maxUrlLength: options.maxUrlLength ?? REQUEST_LIMITS.maxUrlLength,
    },
    createStores: () =>
      new Map(
        vendors.map((vendor) => [vendor.name, createVendorStore(ajv, vendor.name, vendor.module.collections) as unknown as VendorRecords]),
      ),
  };
}
