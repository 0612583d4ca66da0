import type { BenchScenario } from '../scenario.ts';

const trackId = (index: number): string => `BENCH${String(index).padStart(9, '0')}`;

/**
 * Omeda Deployment Cancel: `count` scheduled deployments, each request cancelling the next one: a real
 * 200 through JSON decode, ajv, the store update and the encoder. Under load the requests cycle through
 * `--records`, so once the warm-up has cancelled them all, the measured ones are the documented
 * "already cancelled" 400; the one-connection p50 cancels records of its own, all 200.
 */
export const scenario: BenchScenario = {
  name: 'omeda cancel (200)',
  vendor: 'omeda',
  origin: 'https://ows.omeda.com',
  state(count) {
    const deployments = Array.from({ length: count }, (_, index) => ({
      TrackId: trackId(index),
      DeploymentName: `Bench ${index}`,
      Status: 'Scheduled',
      OwnerUserId: 'omailAccount1',
      ScheduledDate: '2030-01-15T15:00:00Z',
      SentDate: null,
      CancelledDate: null,
      CreatedDate: '2018-11-01T16:00:00Z',
    }));
    return { omeda: { deployments } };
  },
  request(index) {
    return {
      method: 'POST',
      path: '/webservices/rest/brand/FOO/omail/deployment/cancel/*',
      headers: { 'x-omeda-appid': 'bench', 'content-type': 'application/json' },
      body: JSON.stringify({ UserId: 'omailAccount1', TrackId: trackId(index) }),
    };
  },
  expectedStatus: 200,
  baseline: {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({
      ResponseInfo: [
        {
          TrackId: 'BENCH000000001',
          Url: 'http://127.0.0.1/webservices/rest/brand/FOO/omail/deployment/lookup/BENCH000000001/*',
          SubmissionId: 'C95AE90C-BEC6-41F2-91E2-2BA9168D1D1E',
        },
      ],
      SubmissionId: 'C95AE90C-BEC6-41F2-91E2-2BA9168D1D1E',
    }),
    route: { method: 'POST', path: '/webservices/rest/brand/:brand/omail/deployment/cancel/*' },
    bodySchema: 'CancelDeploymentRequest',
  },
};
