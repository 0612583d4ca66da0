import type { BenchScenario } from '../scenario.ts';

const FIRST_MID = 100_000;
const AUTHORIZATION = `Basic ${Buffer.from('integration:secret').toString('base64')}`;

/**
 * Momentum Mailing_Cancel by query string: `count` Ready mailings in org 2, each request cancelling the
 * next one (a repeat cancel also answers `0`, so every measured request is a real 200).
 */
export const scenario: BenchScenario = {
  name: 'momentum cancel (200)',
  vendor: 'momentum',
  origin: 'http://api.mc.messagesystems.com',
  state(count) {
    const mailings = Array.from({ length: count }, (_, index) => ({
      orgid: 2,
      mid: FIRST_MID + index,
      name: `Bench mailing ${index}`,
      type: 1,
      state: 2,
      archived: false,
      startDate: '2030-01-15T15:00:00Z',
      createdDate: '2014-03-01T10:00:00Z',
      modifiedDate: '2014-03-01T10:00:00Z',
      cancelledDate: null,
    }));
    return { momentum: { organizations: [{ orgid: 2, name: 'Bench organization' }], mailings } };
  },
  request(index) {
    return { method: 'PUT', path: `/v3.5/mailing/cancel?orgid=2&mid=${FIRST_MID + index}`, headers: { authorization: AUTHORIZATION } };
  },
  expectedStatus: 200,
  baseline: { status: 200, contentType: 'application/json', body: '0', route: { method: 'PUT', path: '/v3.5/mailing/cancel' } },
};
