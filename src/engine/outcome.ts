import type { EncodedResponse } from '../encode/encode-response.ts';
import { createProblem, type MockProblem } from '../errors/mock-errors.ts';
import type { JournalEntry } from '../journal/request-journal.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import { UNREAD } from './answer-error-text.ts';
import type { CompiledVendor } from './compile-vendor.ts';
import type { Incoming } from './incoming-request.ts';

/** What the pipeline decided, before it becomes a Fetch Response and a journal entry. */
export interface Outcome {
  readonly vendor: CompiledVendor | null;
  readonly operationId: string | null;
  readonly encoded: EncodedResponse;
  readonly forced: JournalEntry['forced'];
  readonly requestIssues: readonly ValidationIssue[];
  /** What the spec says of the answer; a function when nothing needs it now (strict mode off), run only if the journal entry is read. */
  readonly responseIssues: readonly ValidationIssue[] | (() => readonly ValidationIssue[]);
  /** An injected fault: no answer at all (the adapters drop the connection or raise a network error). */
  readonly dropped: boolean;
  /** The answer's error text for the `onExchange` hook's entry, when read from the handler's body value. */
  readonly errorText: string | undefined | typeof UNREAD;
}

/** Every outcome is built here, so what an outcome holds is said once. */
export function outcomeOf(
  vendor: CompiledVendor | null,
  operationId: string | null,
  encoded: EncodedResponse,
  more: Partial<Pick<Outcome, 'forced' | 'requestIssues' | 'responseIssues' | 'dropped' | 'errorText'>> = {},
): Outcome {
  return {
    vendor,
    operationId,
    encoded,
    forced: more.forced ?? null,
    requestIssues: more.requestIssues ?? [],
    responseIssues: more.responseIssues ?? [],
    dropped: more.dropped === true,
    // `in`: a text worked out to be none (undefined) is not one left unread.
    errorText: 'errorText' in more ? (more.errorText as string | undefined) : UNREAD,
  };
}

/** The outcome of a mock problem: no vendor answered, the mock did. */
export function problemOutcome(problem: MockProblem, more: Parameters<typeof outcomeOf>[3] = {}): Outcome {
  return outcomeOf(null, null, encodeProblem(problem), more);
}

/** An unexpected throw: logged, and answered as one `internal-mock-error`. */
export function failedOutcome({ request, url }: Pick<Incoming, 'request' | 'url'>, error: unknown): Outcome {
  console.error('[esp-cancel-mock] internal error while answering', request.method, url.pathname, error);
  return problemOutcome(createProblem('internal-mock-error', (error as Error).message ?? String(error)));
}

/** A mock problem as an encoded response (journaled like any other). */
export function encodeProblem(problem: MockProblem): EncodedResponse {
  return {
    status: problem.status,
    mediaType: 'application/problem+json',
    headers: { 'content-type': 'application/problem+json' },
    bodyText: JSON.stringify(problem),
    codec: undefined,
  };
}
