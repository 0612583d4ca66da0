import { UsageError, type UsageErrorCode } from './usage-error.ts';

/**
 * Start-up errors throw early, with a prefix and a fix (msw's `[MSW]` convention):
 * `[esp-cancel-mock] Failed to load openapi/omeda.yaml: … Add it to handlers/omeda/module.ts.`
 * They are `UsageError`s, like every misuse of the mock.
 */
export function startupError(problem: string, fix: string, code: UsageErrorCode = 'bad-option'): UsageError {
  return new UsageError(code, `[esp-cancel-mock] ${problem} ${fix}`);
}
