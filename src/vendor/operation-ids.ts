import type { operations as MomentumOperations } from '../generated/momentum.d.ts';
import type { operations as OmedaOperations } from '../generated/omeda.d.ts';
import type { operations as SfmcOperations } from '../generated/sfmc.d.ts';
import type { operations as VoltMxOperations } from '../generated/voltmx.d.ts';

/**
 * Every operation the mock serves, spelt `vendor.operationId` (`omeda.cancelDeployment`): the one
 * spelling of `mock.force()`, `POST /__admin/force` and its echo, fault plans and the journal. Derived
 * from the generated spec types, so an unknown operation is a compile error.
 *
 * @see ../../openapi/omeda.yaml (each operation's `operationId`)
 */
export type OperationId =
  | `momentum.${keyof MomentumOperations & string}`
  | `omeda.${keyof OmedaOperations & string}`
  | `sfmc.${keyof SfmcOperations & string}`
  | `voltmx.${keyof VoltMxOperations & string}`;
