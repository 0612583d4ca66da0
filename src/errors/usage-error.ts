/**
 * What a usage error is about: a caller (CLI flags, `createMock` options, `mock.force`, an admin
 * request) asked for something the mock cannot do. Stable strings, like the problem codes.
 */
export type UsageErrorCode =
  | 'unknown-vendor'
  | 'spec-mismatch'
  | 'unknown-operation'
  | 'undocumented-status'
  | 'bad-force'
  | 'bad-fault-plan'
  | 'state-refused'
  | 'bad-clock'
  | 'bad-admin-body'
  | 'bad-admin-query'
  | 'bad-option';

/**
 * The one error type for misuse, thrown at start-up and at run time alike, with a `code` to sort it by
 * (the admin API answers every one as a `bad-admin-request` problem). Its message starts with
 * `[esp-cancel-mock]` and says the fix (msw's `[MSW]` convention).
 *
 * @see ../../docs/reference/problems.md
 */
export class UsageError extends Error {
  override name = 'UsageError';

  constructor(
    readonly code: UsageErrorCode,
    message: string,
    /** Each broken rule, where there are several (a refused state lists every bad record). */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}
