import type { BenchScenario } from '../scenario.ts';

const FIRST_ID = 7131002087805116277n;
const LATER = '2099-01-15T09:00:00Z';

/** Request number `index`'s id: consecutive longs above 2^53, built with BigInt so none collapses. */
const requestId = (index: number): string => (FIRST_ID + BigInt(index)).toString();

/**
 * Volt MX Cancel Email: every request cancels a request of its own with one entry scheduled later, a
 * real 200 (`Cancelled  1 Email entries …`). Under load the requests cycle through `--records`, so once
 * the warm-up has cancelled them all, the measured ones are the documented "already cancelled" 400;
 * the one-connection p50 cancels records of its own, all 200.
 *
 * @see ../../openapi/voltmx.yaml
 */
export const scenario: BenchScenario = {
  name: 'voltmx cancel email (200)',
  vendor: 'voltmx',
  origin: 'http://localhost:8080',
  state: (count) => ({
    voltmx: {
      requests: Array.from({ length: count }, (_, index) => ({
        requestId: requestId(index),
        entries: [
          {
            entryId: requestId(index),
            email: `reader${index}@example.com`,
            status: 'Initial',
            scheduledAt: LATER,
            submittedAt: null,
            cancelledAt: null,
          },
        ],
      })),
      issuedTokens: [],
    },
  }),
  request: (index) => ({
    method: 'POST',
    path: `/api/v1/email/${requestId(index)}/cancel`,
    headers: { 'x-voltmx-authorization': 'bench-token' },
  }),
  expectedStatus: 200,
  baseline: {
    status: 200,
    contentType: 'application/json;charset=UTF-8',
    body: '{"id":"","message":"Cancelled  1 Email entries of the EmailRequest with ID : 7131002087805116277"}',
    route: { method: 'POST', path: '/api/v1/email/:id/cancel' },
  },
};
