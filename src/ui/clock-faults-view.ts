import type { AdminClient } from './admin-client.ts';
import { byId, say } from './dom.ts';

/**
 * The clock and fault panel: what the mock's clock says and whether it is pinned (`GET|PUT
 * /__admin/clock`), and the fault plan in force with its seed (`GET|POST|DELETE /__admin/faults`).
 *
 * @see ../../docs/reference/limits.md
 */
export function createClockFaultsView(client: AdminClient): { refresh(): Promise<void> } {
  const now = byId('clock-now', HTMLOutputElement);
  const mode = byId('clock-mode', HTMLSpanElement);
  const clockInput = byId('clock-input', HTMLInputElement);
  const clockMessage = byId('clock-message', HTMLParagraphElement);
  const faultsInput = byId('faults-input', HTMLTextAreaElement);
  const faultsSummary = byId('faults-summary', HTMLParagraphElement);
  const faultsMessage = byId('faults-message', HTMLParagraphElement);

  const refresh = async (): Promise<void> => {
    const clock = await client.call<{ now: string; pinned: boolean }>('GET', '/clock');
    now.value = clock.now;
    mode.textContent = clock.pinned ? '(pinned)' : '(follows real time)';
    const faults = await client.call<{ plan: Record<string, unknown>; seed: number }>('GET', '/faults');
    const keys = Object.keys(faults.plan);
    faultsSummary.textContent =
      keys.length === 0 ? `No faults active (seed ${faults.seed}).` : `Active for ${keys.join(', ')} (seed ${faults.seed}).`;
    if (document.activeElement !== faultsInput) faultsInput.value = JSON.stringify(faults.plan, null, 2);
  };
  const act = async (target: HTMLElement, run: () => Promise<unknown>, done: string): Promise<void> => {
    try {
      await run();
      say(target, done);
    } catch (error) {
      say(target, (error as Error).message, 'error');
    }
    await refresh();
  };
  byId('clock-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    void act(clockMessage, () => client.call('PUT', '/clock', { now: clockInput.value.trim() }), 'Clock pinned.');
  });
  byId('clock-release', HTMLButtonElement).addEventListener('click', () => {
    void act(clockMessage, () => client.call('PUT', '/clock', { now: null }), 'Clock follows real time.');
  });
  byId('faults-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    void act(
      faultsMessage,
      async () => client.call('POST', '/faults', JSON.parse(faultsInput.value.trim() || '{}') as unknown),
      'Fault plan applied.',
    );
  });
  byId('faults-clear', HTMLButtonElement).addEventListener('click', () => {
    void act(faultsMessage, () => client.call('DELETE', '/faults'), 'Faults cleared.');
  });
  return { refresh };
}
