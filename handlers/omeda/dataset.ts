import type { components } from '../../src/generated/omeda.d.ts';

type Deployment = components['schemas']['Deployment'];

/**
 * The default Omeda dataset: the document's example deployment plus one deployment for every other
 * documented outcome of a cancel. docs/vendors/omeda.md lists the same rows (generated from this seed).
 */
export function createOmedaDataset(): { deployments: Deployment[] } {
  const deployment = (
    TrackId: string,
    Status: Deployment['Status'],
    DeploymentName: string,
    extra: Partial<Deployment> = {},
  ): Deployment => ({
    TrackId,
    DeploymentName,
    Status,
    OwnerUserId: 'omailAccount1',
    ScheduledDate: null,
    SentDate: null,
    CancelledDate: null,
    CreatedDate: '2018-11-01T16:00:00Z',
    ...extra,
  });
  return {
    deployments: [
      deployment('FOO0102003002', 'Scheduled', 'November newsletter', { ScheduledDate: '2030-01-15T15:00:00Z' }),
      deployment('FOO0102003003', 'Sent', 'Already sent', { ScheduledDate: '2018-11-28T20:30:00Z', SentDate: '2018-11-28T20:30:00Z' }),
      deployment('FOO0102003004', 'Cancelled', 'Already cancelled', { CancelledDate: '2018-11-20T15:00:00Z' }),
      deployment('FOO0102003005', 'Scheduled', 'Owned by another user', {
        OwnerUserId: 'omailAccount2',
        ScheduledDate: '2030-01-15T15:00:00Z',
      }),
      deployment('FOO0102003006', 'Sending', 'Sending now', { ScheduledDate: '2018-11-29T14:00:00Z', SentDate: '2018-11-29T14:00:00Z' }),
      deployment('FOO0102003007', 'New', 'Not yet scheduled'),
      deployment('FOO0102003008', 'Approved', 'Approved, not yet scheduled'),
    ],
  };
}
