import { encodeResponse } from '../encode/encode-response.ts';
import { createProblem } from '../errors/mock-errors.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { HandlerResult } from '../vendor/vendor-module.ts';
import { errorTextOfAnswer, UNREAD } from './answer-error-text.ts';
import type { CompiledOperation, CompiledVendor } from './compile-vendor.ts';
import type { EngineState } from './engine-state.ts';
import { encodeProblem, type Outcome, outcomeOf } from './outcome.ts';

/**
 * Encodes a vendor answer and checks it against the spec; in strict mode a violation is a mock problem.
 * @see ../../docs/reference/problems.md (`strict-violation`)
 */
export function encodeAnswer(
  state: EngineState,
  vendor: CompiledVendor,
  operation: CompiledOperation,
  result: HandlerResult,
  more: Pick<Outcome, 'forced' | 'requestIssues'>,
): Outcome {
  const encoded = encodeResponse(vendor.spec.document, operation.route.operation, result, vendor.codecs);
  const { body } = result;
  const check = (): ValidationIssue[] =>
    operation.response.validate({ status: encoded.status, mediaType: encoded.mediaType, headers: encoded.headers, body });
  const { forced, requestIssues } = more;
  // For the request log (a hook): a refused answer's reason, unless a request issue is the reason.
  const errorText = state.onExchange && requestIssues.length === 0 ? errorTextOfAnswer(encoded, body) : UNREAD;
  // Strict off: the journal gets the check, run once this turn's answers are written (see
  // `answerExchange`); with a hook that reads every entry (the request log), now, so the read finds
  // the issues at hand.
  if (!state.strict) {
    const responseIssues = state.onExchange ? checkNow(check) : check;
    return outcomeOf(vendor, operation.operationId, encoded, { forced, requestIssues, responseIssues, errorText });
  }
  const responseIssues = check();
  if (responseIssues.length > 0) {
    const problem = createProblem(
      'strict-violation',
      `the ${encoded.status} answer of ${operation.operationId} breaks openapi/${vendor.name}.yaml`,
      { issues: responseIssues, response: { status: encoded.status, body: encoded.bodyText } },
    );
    return outcomeOf(vendor, operation.operationId, encodeProblem(problem), { forced, requestIssues, responseIssues });
  }
  return outcomeOf(vendor, operation.operationId, encoded, { forced, requestIssues, responseIssues, errorText });
}

/** The answer's issues now; a check that throws (a schema that does not compile) is handed over, to throw when read. */
function checkNow(check: () => ValidationIssue[]): readonly ValidationIssue[] | (() => readonly ValidationIssue[]) {
  try {
    return check();
  } catch {
    return check;
  }
}
