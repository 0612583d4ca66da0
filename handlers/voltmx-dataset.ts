import type { components } from '../src/generated/voltmx.d.ts';

type EmailEntry = components['schemas']['EmailEntry'];
type IssuedToken = components['schemas']['IssuedToken'];

/** Far enough ahead that no real clock reaches it: "scheduled later" holds unless a test moves the clock. */
const LATER = '2099-01-15T09:00:00Z';
const SENT = '2018-11-28T14:30:00Z';

/**
 * The default Volt MX dataset: the document's request `7131002087805116277` with 4 entries scheduled
 * later, plus one request for every other outcome of a cancel. Ids are strings: several are above
 * 2^53, and `9223372036854775807` / `9223372036854775806` (the same JS number) prove exactness. The
 * README's dataset table lists the same rows.
 */
export function createVoltMxDataset(): { entries: EmailEntry[]; issuedTokens: IssuedToken[] } {
  let serial = 0;
  const entries = (requestId: string, status: EmailEntry['status'], count: number, scheduledAt: string): EmailEntry[] =>
    Array.from({ length: count }, () => {
      serial += 1;
      return {
        // Entry ids are longs too; built as strings, never computed as numbers.
        entryId: `59592207024096${String(serial).padStart(5, '0')}`,
        requestId,
        email: `reader${serial}@example.com`,
        status,
        scheduledAt,
        submittedAt: status === 'Submitted' ? scheduledAt : null,
        cancelledAt: status === 'Cancelled' ? '2018-11-20T15:00:00Z' : null,
      };
    });
  return {
    entries: [
      ...entries('7131002087805116277', 'Initial', 4, LATER),
      ...entries('7131002087805116278', 'Submitted', 2, SENT),
      ...entries('7131002087805116278', 'Initial', 3, LATER),
      ...entries('7131002087805116279', 'Submitted', 3, SENT),
      ...entries('7131002087805116280', 'Cancelled', 2, LATER),
      ...entries('7131002087805116281', 'Submitted', 1, '2018-11-28T14:00:00Z'),
      ...entries('9223372036854775807', 'Initial', 2, LATER),
      ...entries('9223372036854775806', 'Submitted', 1, SENT),
    ],
    issuedTokens: [],
  };
}
