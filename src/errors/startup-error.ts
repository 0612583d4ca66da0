/**
 * Start-up errors throw early, with a prefix and a fix (msw's `[MSW]` convention):
 * `[esp-cancel-mock] Failed to load openapi/omeda.yaml: … Add it to handlers/omeda/module.ts.`
 */
export function startupError(problem: string, fix: string): Error {
  return new Error(`[esp-cancel-mock] ${problem} ${fix}`);
}
