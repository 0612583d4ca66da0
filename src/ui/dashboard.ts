import type { JournalEntry } from '../journal/request-journal.ts';
import { createAdminClient } from './admin-client.ts';
import { createClockFaultsView } from './clock-faults-view.ts';
import { byId, say } from './dom.ts';
import { createForceView } from './force-view.ts';
import { createSessionPicker } from './session-picker.ts';
import { type ForceableOperation, toForceableOperations } from './spec-outcomes.ts';
import { renderState, type StateSnapshot } from './state-view.ts';
import { createTokenPrompt } from './token-dialog.ts';
import { createTrafficView } from './traffic-view.ts';

/** The state and force queue are read again this long after the last exchange, so a burst costs one read. */
const STATE_REFRESH_MS = 150;

/**
 * The dashboard page (`GET /__admin/ui`): live traffic from `GET /__admin/requests/stream`, the store
 * from `GET /__admin/state` (read again after each burst of exchanges), force, clock and faults — all
 * through the admin API, as any client would.
 *
 * @see ../../docs/guides/dashboard.md
 */
async function start(): Promise<void> {
  const client = createAdminClient(createTokenPrompt());
  // Created first: a `?session=` in the address points every call below at that session.
  let switchSession = (): void => {};
  const picker = createSessionPicker(client, () => switchSession());
  const connection = byId('connection', HTMLParagraphElement);
  const traffic = createTrafficView();
  const force = createForceView(client);
  const clockFaults = createClockFaultsView(client);
  const stateTables = byId('state-tables', HTMLDivElement);
  const stateMessage = byId('state-message', HTMLSpanElement);

  const refreshState = async (): Promise<void> => {
    renderState(stateTables, await client.call<StateSnapshot>('GET', '/state'));
    stateTables.dataset.updated = new Date().toISOString();
  };
  let stateTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshStateSoon = (): void => {
    clearTimeout(stateTimer);
    stateTimer = setTimeout(() => void Promise.all([refreshState(), force.refresh()]), STATE_REFRESH_MS);
  };

  byId('traffic-clear', HTMLButtonElement).addEventListener('click', () => void client.call('DELETE', '/requests'));
  byId('state-reset', HTMLButtonElement).addEventListener('click', async () => {
    try {
      await client.call('POST', '/reset');
      say(stateMessage, 'Reset to the default dataset.');
    } catch (error) {
      say(stateMessage, (error as Error).message, 'error');
    }
    await Promise.all([refreshState(), force.refresh(), clockFaults.refresh()]);
  });

  const { vendors } = await client.call<{ vendors: string[] }>('GET', '');
  const specs = vendors.map(async (vendor) => toForceableOperations(vendor, await client.call('GET', `/openapi/${vendor}.json`)));
  const [operations] = await Promise.all([
    Promise.all(specs).then((lists): ForceableOperation[] => lists.flat()),
    refreshState(),
    force.refresh(),
    clockFaults.refresh(),
  ]);
  traffic.setOperations(
    vendors,
    operations.map((operation) => operation.id),
  );
  force.setOperations(operations);

  const readTraffic = (signal: AbortSignal): void =>
    void client.stream(
      '/requests/stream',
      (event) => {
        if (event.event === 'exchange') {
          traffic.add(JSON.parse(event.data) as JournalEntry);
          refreshStateSoon();
        } else if (event.event === 'clear') {
          traffic.clear();
          refreshStateSoon();
        }
      },
      (live) => {
        connection.textContent = live ? 'live' : 'reconnecting…';
        connection.dataset.live = String(live);
      },
      signal,
    );
  let streaming = new AbortController();
  window.addEventListener('pagehide', () => streaming.abort());
  readTraffic(streaming.signal);
  // Another session: its own traffic (from its journal's start), state, queue, clock and faults.
  switchSession = () => {
    streaming.abort();
    traffic.clear();
    streaming = new AbortController();
    readTraffic(streaming.signal);
    void Promise.all([refreshState(), force.refresh(), clockFaults.refresh()]);
  };
  await picker.start();
}

start().catch((error: unknown) => {
  const connection = document.getElementById('connection');
  if (connection) connection.textContent = `error: ${(error as Error).message}`;
});
