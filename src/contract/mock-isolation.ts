import type { Probe } from './derive-probes.ts';

/**
 * How `verify` keeps its probes away from what an app's tests see on an esp-cancel-mock: every probe
 * gets `headers`, `beforeProbe` runs before each one, `finish` undoes what is left and returns a note
 * for the user (or undefined when nothing needs saying).
 */
export interface ProbeIsolation {
  /** One line for the output: how the probes were isolated. */
  readonly description: string;
  headers(probe: Probe): Record<string, string>;
  beforeProbe(probe: Probe): Promise<void>;
  finish(): Promise<string | undefined>;
}

/** No isolation: a vendor sandbox, or a mock whose admin API refused us. */
export const NO_ISOLATION: ProbeIsolation = {
  description: '',
  headers: () => ({}),
  beforeProbe: async () => undefined,
  finish: async () => undefined,
};

/**
 * Isolates the probes on an esp-cancel-mock. With sessions (the server answers `GET /__admin/sessions`),
 * the read-only probes run in one fresh session and each changing probe in a fresh session of its own,
 * all dropped at the end: the default session's dataset and journal are never touched. Without them,
 * the store is snapshotted (`GET /__admin/state`), put back before each changing probe and at the end,
 * and the journal is cleared at the end if it was empty before (else the note says how many exchanges
 * verify added). Every changing probe thus starts from the same records the app's tests will see.
 *
 * @see ../../docs/guides/ci.md
 */
export async function isolateOnMock(base: string, adminToken: string | undefined, fetcher: typeof fetch = fetch): Promise<ProbeIsolation> {
  const auth: Record<string, string> = adminToken ? { authorization: `Bearer ${adminToken}` } : {};
  const admin = (path: string, init: RequestInit = {}) =>
    fetcher(`${base}/__admin${path}`, { ...init, headers: { ...auth, 'content-type': 'application/json', ...init.headers } });
  const sessions = await admin('/sessions');
  await sessions.body?.cancel();
  if (sessions.status === 200) return sessionIsolation(admin);
  const state = await admin('/state');
  const journal = await admin('/requests');
  if (state.status !== 200 || journal.status !== 200) {
    await Promise.all([state.body?.cancel(), journal.body?.cancel()]);
    const hint = state.status === 401 ? ' (pass --admin-token)' : '';
    return {
      ...NO_ISOLATION,
      finish: async () =>
        `warning: the mock's admin API answered ${state.status}${hint}, so the probes ran on its own dataset and journal; reset it (POST /__admin/reset) before the app's tests`,
    };
  }
  const snapshot = await state.text();
  const before = ((await journal.json()) as { requests?: unknown[] }).requests?.length ?? 0;
  const restore = async () => {
    const response = await admin('/state', { method: 'PUT', body: snapshot });
    await response.body?.cancel();
    if (response.status !== 200) throw new Error(`could not restore the mock's state: PUT /__admin/state answered ${response.status}`);
  };
  return {
    description: 'the mock has no sessions: its records are put back before each changing probe and at the end',
    headers: () => ({}),
    beforeProbe: async (probe) => {
      if (probe.mutating) await restore();
    },
    finish: async () => {
      await restore();
      if (before > 0) return `note: the mock's journal held ${before} exchanges before verify; verify's probes were added to it`;
      const cleared = await admin('/requests', { method: 'DELETE' });
      await cleared.body?.cancel();
      return undefined;
    },
  };
}

function sessionIsolation(admin: (path: string, init?: RequestInit) => Promise<Response>): ProbeIsolation {
  const run = `verify-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const used = new Set<string>();
  let changing = 0;
  let current = run;
  return {
    description: `probes run in fresh sessions (${run}…), dropped at the end`,
    headers: () => {
      used.add(current);
      return { 'x-mock-session': current };
    },
    beforeProbe: async (probe) => {
      current = probe.mutating ? `${run}-${++changing}` : run;
    },
    finish: async () => {
      for (const id of used) {
        const response = await admin(`/sessions/${id}`, { method: 'DELETE' });
        await response.body?.cancel();
      }
      return undefined;
    },
  };
}
