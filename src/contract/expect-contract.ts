import type { JournalEntry } from '../journal/request-journal.ts';
import { formatIssue } from './validate-exchanges.ts';

/** Anything with a journal: a `createMock()` mock, or an engine. */
export interface HasJournal {
  readonly journal: { entries(): readonly JournalEntry[] };
}

export interface ExpectContractOptions {
  /** Also fail on answers that break the spec (off by default: strict mode already turns those into 500s). */
  readonly responses?: boolean;
}

/** Thrown by {@link expectContract}; `entries` are the offending journal entries. */
export class ContractViolationError extends Error {
  constructor(
    message: string,
    readonly entries: readonly JournalEntry[],
  ) {
    super(message);
    this.name = 'ContractViolationError';
  }
}

/**
 * Fails the calling test when the app sent anything the vendor would reject: a request that breaks
 * the spec (which rule, where) or one to an endpoint no spec documents. Framework-free: it throws,
 * which every test runner reports as a failure.
 *
 * @example
 * await myApp.cancelDeployment('FOO0102003002');
 * expectContract(mock); // names the request and the rule if the app's request was invalid
 *
 * @see ../../docs/guides/msw.md "In-process: expectContract(mock)"
 */
export function expectContract(source: HasJournal, options: ExpectContractOptions = {}): void {
  const bad = source.journal
    .entries()
    .filter(
      (entry) =>
        entry.operationId === null || entry.validation.request.length > 0 || (options.responses && entry.validation.response.length > 0),
    );
  if (bad.length === 0) return;
  const lines = bad.flatMap((entry) => {
    const operation = entry.operationId ?? 'no documented operation';
    const head = `  #${entry.id} ${entry.request.method} ${entry.request.url} [${operation}] → ${entry.response.status}`;
    const issues = [...entry.validation.request, ...(options.responses ? entry.validation.response : [])].map(
      (issue) => `      ${formatIssue(issue)}`,
    );
    return entry.operationId === null ? [head, '      unknown endpoint: no spec documents this method and path'] : [head, ...issues];
  });
  const noun = bad.length === 1 ? 'request' : 'requests';
  throw new ContractViolationError(`[esp-cancel-mock] ${bad.length} ${noun} the vendor would reject:\n${lines.join('\n')}`, bad);
}
