/**
 * esp-cancel-mock's engine, for tools that drive it directly. The two ways most users come in are
 * `esp-cancel-mock/msw` (in-process, `createMock`) and `esp-cancel-mock/server` (`startServer`).
 * This entry loads neither MSW nor the Node server.
 */

export { handleAdminRequest } from './admin/admin-api.ts';
export type { BodyCodec, DecodeResult } from './codec/body-codec.ts';
export { checkMockConfig, type MockConfig, MockConfigError } from './config/mock-config.ts';
export type { DecodedRequest } from './decode/decoded-request.ts';
export type { RequestCheck, WireRequest, WireResponse } from './engine/check-exchange.ts';
export {
  createEngine,
  type EngineContractChecks,
  type EngineControls,
  type EngineOptions,
  type EngineServing,
  type ForceOptions,
  type MockEngine,
  type MockOptions,
  type MockState,
  MockStateError,
} from './engine/create-engine.ts';
export { createProblem, MOCK_PROBLEMS, type MockProblem, type MockProblemCode, PROBLEM_TYPE_PREFIX } from './errors/mock-errors.ts';
export { UsageError, type UsageErrorCode } from './errors/usage-error.ts';
export { type FaultPlan, FaultPlanError, type FaultRule, parseFaultPlan } from './faults/fault-plan.ts';
export type { JournalEntry, RequestJournal } from './journal/request-journal.ts';
export { REQUEST_LIMITS } from './limits/request-limits.ts';
export type { ValidationIssue } from './validate/validation-issue.ts';
export type { OperationId } from './vendor/operation-ids.ts';
export type { HandlerContext, HandlerResult, VendorModule } from './vendor/vendor-module.ts';
export { ALL_VENDORS, selectModules, type VendorConfigs } from './vendors.ts';
