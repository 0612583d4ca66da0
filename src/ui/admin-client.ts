import { createEventStreamParser, type StreamEvent } from './event-stream-parser.ts';

/** Where the token lives: this tab's session storage only — never a URL, a cookie or a log. */
const TOKEN_KEY = 'esp-cancel-mock:admin-token';

/** An admin answer that was not a success: its status and the problem's `detail` (or the body). */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Asks the person for the admin token; `refused` says the last one was wrong. */
export type AskToken = (refused: boolean) => Promise<string>;

/**
 * The admin API as the page uses it: JSON calls and the journal's event stream, each with
 * `Authorization: Bearer <token>` once the server has asked for one (a 401). The token is asked once
 * per tab, by one prompt however many calls were refused at the same time.
 *
 * @see ../../docs/reference/admin-api.md
 */
export interface AdminClient {
  /**
   * Calls `/__admin<path>` under `/__session/<id>` when a session is chosen, or for the whole server
   * (`scope: 'server'`, as `/__admin/sessions` must be); parses JSON answers.
   */
  call<T>(method: string, path: string, body?: unknown, scope?: 'session' | 'server'): Promise<T>;
  /** Reads the event stream at `path` until `signal` aborts, reconnecting from the last event id. */
  stream(path: string, onEvent: (event: StreamEvent) => void, onState: (live: boolean) => void, signal: AbortSignal): Promise<void>;
  /** The prefix of every admin call: `''`, or `/__session/<id>`. */
  session: string;
}

export function createAdminClient(askToken: AskToken): AdminClient {
  let asking: Promise<void> | undefined;
  const obtainToken = (refused: boolean): Promise<void> => {
    asking ??= askToken(refused)
      .then((token) => sessionStorage.setItem(TOKEN_KEY, token))
      .finally(() => {
        asking = undefined;
      });
    return asking;
  };
  const send = async (url: string, init: RequestInit): Promise<Response> => {
    for (;;) {
      const token = sessionStorage.getItem(TOKEN_KEY);
      const headers = new Headers(init.headers);
      if (token !== null) headers.set('authorization', `Bearer ${token}`);
      const response = await fetch(url, { ...init, headers });
      if (response.status !== 401) return response;
      await response.body?.cancel();
      if (token !== null) sessionStorage.removeItem(TOKEN_KEY);
      await obtainToken(token !== null);
    }
  };
  const client: AdminClient = {
    session: '',
    async call<T>(method: string, path: string, body?: unknown, scope: 'session' | 'server' = 'session'): Promise<T> {
      const init: RequestInit =
        body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
      const response = await send(`${scope === 'session' ? client.session : ''}/__admin${path}`, init);
      const text = await response.text();
      if (!response.ok) {
        let detail = text;
        try {
          detail = (JSON.parse(text) as { detail?: string }).detail ?? text;
        } catch {}
        throw new AdminError(response.status, detail);
      }
      return (text === '' ? undefined : JSON.parse(text)) as T;
    },
    async stream(path, onEvent, onState, signal) {
      let lastId: string | undefined;
      while (!signal.aborted) {
        try {
          const headers: Record<string, string> = lastId === undefined ? {} : { 'last-event-id': lastId };
          const response = await send(`${client.session}/__admin${path}`, { headers, signal });
          if (!response.ok || !response.body) throw new AdminError(response.status, `stream answered ${response.status}`);
          onState(true);
          const parse = createEventStreamParser((event) => {
            if (event.id !== undefined) lastId = event.id;
            onEvent(event);
          });
          const decoder = new TextDecoder();
          const reader = response.body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            parse(decoder.decode(value, { stream: true }));
          }
        } catch {
          // Reconnect below, unless the page went away.
        }
        if (signal.aborted) return;
        onState(false);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    },
  };
  return client;
}
