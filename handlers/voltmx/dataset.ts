import type { components } from '../../src/generated/voltmx.d.ts';

type EmailRequest = components['schemas']['EmailRequest'];
type EmailEntry = components['schemas']['EmailEntry'];
type IssuedToken = components['schemas']['IssuedToken'];

/** Far enough ahead that no real clock reaches it: "scheduled later" holds unless a test moves the clock. */
const LATER = '2099-01-15T09:00:00Z';
const SENT = '2018-11-28T14:30:00Z';

/**
 * The default Volt MX dataset: the document's request `7131002087805116277` with 4 entries scheduled
 * later, plus one request for every other outcome of a cancel. Ids are strings: several are above
 * 2^53, and `9223372036854775807` / `9223372036854775806` (the same JS number) prove exactness. The
 * table in docs/vendors/voltmx.md lists the same rows (generated from this seed).
 *
 * @see ../../docs/vendors/voltmx.md "Default dataset"
 */
export function createVoltMxDataset(): { requests: EmailRequest[]; issuedTokens: IssuedToken[] } {
  let serial = 0;
  const entries = (status: EmailEntry['status'], count: number, scheduledAt: string): EmailEntry[] =>
    Array.from({ length: count }, () => {
      serial += 1;
      return {
        // Entry ids are longs too; built as strings, never computed as numbers.
        entryId: `59592207024096${String(serial).padStart(5, '0')}`,
        email: `reader${serial}@example.com`,
        status,
        scheduledAt,
        submittedAt: status === 'Submitted' ? scheduledAt : null,
        cancelledAt: status === 'Cancelled' ? '2018-11-20T15:00:00Z' : null,
      };
    });
  return {
    requests: [
      { requestId: '7131002087805116277', entries: entries('Initial', 4, LATER) },
      { requestId: '7131002087805116278', entries: [...entries('Submitted', 2, SENT), ...entries('Initial', 3, LATER)] },
      { requestId: '7131002087805116279', entries: entries('Submitted', 3, SENT) },
      { requestId: '7131002087805116280', entries: entries('Cancelled', 2, LATER) },
      { requestId: '7131002087805116281', entries: entries('Submitted', 1, '2018-11-28T14:00:00Z') },
      { requestId: '9223372036854775807', entries: entries('Initial', 2, LATER) },
      { requestId: '9223372036854775806', entries: entries('Submitted', 1, SENT) },
    ],
    issuedTokens: [],
  };
}
