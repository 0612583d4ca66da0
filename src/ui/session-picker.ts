import type { AdminClient } from './admin-client.ts';
import { h } from './dom.ts';

interface SessionInfo {
  readonly id: string;
  readonly requests: number;
}

/** The session list is read again this often (and whenever the picker takes the focus). */
const REFRESH_MS = 5_000;

/**
 * The session picker in the page header, shown when the server has sessions (`GET /__admin/sessions`
 * answers): the default session or one of the live ones. The choice is the page's `?session=` (so a
 * reload or a link keeps it; an id is no secret), and every admin call of the page goes to
 * `/__session/<id>/__admin/…` from then on.
 *
 * @see ../../docs/guides/sessions.md
 */
export function createSessionPicker(client: AdminClient, onChange: (session: string) => void): { start(): Promise<void> } {
  const field = document.querySelector<HTMLElement>('.session-picker');
  const select = document.getElementById('session');
  const wanted = new URLSearchParams(location.search).get('session') ?? '';
  /** Points the client, the address bar and the page links at a session ('' is the default one). */
  const apply = (session: string): void => {
    client.session = session === '' ? '' : `/__session/${encodeURIComponent(session)}`;
    const withSession = (href: string): string => {
      const url = new URL(href, location.href);
      if (session === '') url.searchParams.delete('session');
      else url.searchParams.set('session', session);
      return `${url.pathname}${url.search}`;
    };
    history.replaceState(null, '', withSession(location.href));
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) link.href = withSession(link.href);
  };
  apply(wanted);
  const refresh = async (): Promise<boolean> => {
    if (!(select instanceof HTMLSelectElement) || !field) return false;
    let sessions: readonly SessionInfo[];
    try {
      sessions = (await client.call<{ sessions: SessionInfo[] }>('GET', '/sessions', undefined, 'server')).sessions;
    } catch {
      return false;
    }
    const current = select.value || wanted;
    const ids = [...new Set([...sessions.map((session) => session.id), ...(current === '' ? [] : [current])])].sort();
    const requests = new Map(sessions.map((session) => [session.id, session.requests]));
    select.replaceChildren(
      h('option', { value: '' }, 'default'),
      ...ids.map((id) => h('option', { value: id }, requests.has(id) ? `${id} (${requests.get(id)} requests)` : `${id} (not started)`)),
    );
    select.value = current;
    field.hidden = false;
    return true;
  };
  return {
    async start() {
      if (!(await refresh()) || !(select instanceof HTMLSelectElement)) return;
      select.addEventListener('focus', () => void refresh());
      setInterval(() => void refresh(), REFRESH_MS);
      select.addEventListener('change', () => {
        apply(select.value);
        onChange(select.value);
      });
    },
  };
}
