import type { components } from '../../src/generated/sfmc.d.ts';

type Send = components['schemas']['Send'];
type AccessToken = components['schemas']['AccessToken'];

/**
 * The default SFMC dataset: the document's Send `29605` (scheduled) plus one Send for every other
 * outcome of a cancel. docs/vendors/sfmc.md lists the same rows (generated from this seed). No tokens: `/v2/token` issues them.
 */
export function createSfmcDataset(): { sends: Send[]; tokens: AccessToken[] } {
  const send = (ID: number, Status: Send['Status'], EmailName: string, SendDate: string, extra: Partial<Send> = {}): Send => ({
    ID,
    Status,
    EmailName,
    SendDate,
    CanceledDate: null,
    ...extra,
  });
  return {
    sends: [
      send(29605, 'Scheduled', 'Spring sale', '2030-03-01T15:00:00Z'),
      send(29606, 'Canceled', 'Already canceled', '2030-03-02T15:00:00Z', { CanceledDate: '2024-02-01T10:00:00Z' }),
      send(29607, 'Complete', 'Already sent', '2024-01-15T15:00:00Z'),
      send(29608, 'Sending', 'Sending now', '2024-01-20T15:00:00Z'),
      send(29609, 'Scheduled', 'Summer teaser', '2030-06-01T15:00:00Z'),
    ],
    tokens: [],
  };
}
