import { h } from './dom.ts';

/** The store as `GET /__admin/state` returns it: vendor → collection → records. */
export type StateSnapshot = Record<string, Record<string, unknown[]>>;

/** Records drawn per collection; the count says how many there are in all. */
const MAX_RECORDS = 200;

/**
 * Draws the store as one table per collection (each vendor's records under its name). A record's
 * nested list of objects — a Volt MX request's entries — becomes a table inside its cell.
 *
 * @see ../../docs/reference/admin-api.md
 */
export function renderState(target: HTMLElement, state: StateSnapshot): void {
  const sections = Object.entries(state).map(([vendor, collections]) =>
    h(
      'section',
      { 'aria-labelledby': `state-${vendor}` },
      h('h3', { id: `state-${vendor}` }, vendor),
      ...Object.entries(collections).map(([name, records]) => renderCollection(`${vendor} ${name}`, records)),
    ),
  );
  target.replaceChildren(...sections);
}

function renderCollection(title: string, records: readonly unknown[]): HTMLElement {
  const caption = `${title} (${records.length}${records.length > MAX_RECORDS ? `, first ${MAX_RECORDS} shown` : ''})`;
  if (records.length === 0) return h('p', { class: 'hint' }, `${title}: no records`);
  return h(
    'div',
    { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': title },
    renderTable(caption, records.slice(0, MAX_RECORDS)),
  );
}

function renderTable(caption: string | undefined, records: readonly unknown[]): HTMLTableElement {
  const columns = [...new Set(records.flatMap((record) => (isObject(record) ? Object.keys(record) : [])))];
  return h(
    'table',
    { class: 'records' },
    caption === undefined ? null : h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { scope: 'col' }, column)))),
    h(
      'tbody',
      {},
      ...records.map((record) =>
        h('tr', {}, ...columns.map((column) => h('td', {}, renderValue(isObject(record) ? record[column] : undefined)))),
      ),
    ),
  );
}

function renderValue(value: unknown): Node | string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value) && value.length > 0 && value.every(isObject)) return renderTable(undefined, value);
  if (typeof value === 'object') return h('code', {}, JSON.stringify(value));
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
