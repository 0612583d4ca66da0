import type { components } from '../../src/generated/momentum.d.ts';

type Mailing = components['schemas']['Mailing'];
type Organization = components['schemas']['Organization'];

/**
 * The default Momentum dataset: org 2 with the page's mailings 123–126 (Edit, Ready, Completed,
 * Archive), one mailing in every other REST state (one generating), and org 1 with a mailing of its
 * own (mailings are per org). Any other orgid (e.g. 999) is unknown: "Invalid schema name".
 * docs/vendors/momentum.md lists the same rows (generated from this seed).
 *
 * @see ../../openapi/momentum.yaml (info description: state mapping)
 */
export function createMomentumDataset(): { organizations: Organization[]; mailings: Mailing[] } {
  const mailing = (mid: number, state: Mailing['state'], name: string, extra: Partial<Mailing> = {}): Mailing => ({
    orgid: 2,
    mid,
    name,
    type: 1,
    state,
    archived: false,
    startDate: '2030-01-15T15:00:00Z',
    createdDate: '2014-03-01T10:00:00Z',
    modifiedDate: '2014-03-01T10:00:00Z',
    cancelledDate: null,
    ...extra,
  });
  return {
    organizations: [
      { orgid: 1, name: 'Other organization' },
      { orgid: 2, name: 'Example organization' },
    ],
    mailings: [
      mailing(123, 1, 'Edit: created, not approved'),
      mailing(124, 2, 'Ready: approved'),
      mailing(125, 7, 'Completed: finished', { startDate: '2014-03-02T10:00:00Z' }),
      mailing(126, 7, 'Archive: finished and archived', { startDate: '2014-03-02T10:00:00Z', archived: true }),
      mailing(127, 3, 'In process: building'),
      mailing(128, 4, 'Ready: built'),
      mailing(129, 5, 'In process: running (generating)', { startDate: '2014-03-03T10:00:00Z' }),
      mailing(130, 6, 'In process: injected', { startDate: '2014-03-03T10:00:00Z' }),
      mailing(131, 8, 'Completed: cancelled', { cancelledDate: '2014-03-04T10:00:00Z' }),
      mailing(100, 2, 'Ready, in org 1', { orgid: 1 }),
    ],
  };
}
