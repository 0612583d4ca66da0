import type { JournalEntry } from '../journal/request-journal.ts';
import { byId, h } from './dom.ts';
import { forcedSentence } from './forced-sentence.ts';
import { prettyBody } from './pretty-body.ts';

/** Rows the page keeps: the newest; the journal itself (`GET /__admin/requests`) may hold more. */
const MAX_ROWS = 500;

/** The live traffic table: newest first, filterable, each row opening its exchange. */
export interface TrafficView {
  add(entry: JournalEntry): void;
  clear(): void;
  /** Fills the operation filter (vendor.operationId values). */
  setOperations(vendors: readonly string[], operations: readonly string[]): void;
}

/**
 * Binds the traffic panel of the dashboard page. Rows are added as events arrive (one row per
 * exchange, never a redraw of the table), so focus and open rows stay put while traffic flows.
 *
 * @see ../../docs/guides/dashboard.md
 */
export function createTrafficView(): TrafficView {
  const rows = byId('traffic-rows', HTMLTableSectionElement);
  const vendorFilter = byId('filter-vendor', HTMLSelectElement);
  const operationFilter = byId('filter-operation', HTMLSelectElement);
  const statusFilter = byId('filter-status', HTMLSelectElement);
  const count = byId('traffic-count', HTMLParagraphElement);
  const shown: { entry: JournalEntry; row: HTMLTableRowElement; detail: HTMLTableRowElement }[] = [];

  const matches = (entry: JournalEntry): boolean =>
    (vendorFilter.value === '' || entry.vendor === vendorFilter.value) &&
    (operationFilter.value === '' || entry.operationId === operationFilter.value) &&
    (statusFilter.value === '' || String(entry.response.status).startsWith(statusFilter.value));
  const applyFilters = (): void => {
    let visible = 0;
    for (const item of shown) {
      const match = matches(item.entry);
      item.row.hidden = !match;
      item.detail.hidden = !match || item.row.querySelector('button')?.getAttribute('aria-expanded') !== 'true';
      if (match) visible += 1;
    }
    count.textContent = shown.length === 0 ? 'No exchanges yet.' : `${visible} of ${shown.length} exchanges shown.`;
  };
  for (const filter of [vendorFilter, operationFilter, statusFilter]) filter.addEventListener('change', applyFilters);
  applyFilters();

  return {
    add(entry) {
      const { row, detail } = renderRow(entry);
      rows.prepend(row, detail);
      shown.unshift({ entry, row, detail });
      for (const old of shown.splice(MAX_ROWS)) {
        old.row.remove();
        old.detail.remove();
      }
      row.hidden = !matches(entry);
      applyFilters();
    },
    clear() {
      rows.replaceChildren();
      shown.length = 0;
      applyFilters();
    },
    setOperations(vendors, operations) {
      vendorFilter.replaceChildren(h('option', { value: '' }, 'all'), ...vendors.map((vendor) => h('option', { value: vendor }, vendor)));
      operationFilter.replaceChildren(h('option', { value: '' }, 'all'), ...operations.map((id) => h('option', { value: id }, id)));
    },
  };
}

function renderRow(entry: JournalEntry): { row: HTMLTableRowElement; detail: HTMLTableRowElement } {
  const url = new URL(entry.request.url, 'http://mock');
  const detailId = `exchange-${entry.id}`;
  const toggle = h(
    'button',
    { type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': detailId },
    url.pathname + url.search,
  );
  const issues = entry.validation.request.length + entry.validation.response.length;
  const status = entry.response.status;
  const row = h(
    'tr',
    { 'data-exchange': String(entry.id) },
    h('td', {}, h('time', { datetime: entry.time }, entry.time.slice(11, 23))),
    h('td', {}, entry.request.method),
    h('td', { class: 'path' }, toggle, issues > 0 ? h('span', { class: 'badge' }, `${issues} issue${issues === 1 ? '' : 's'}`) : null),
    h('td', {}, entry.vendor ?? '—'),
    h('td', { class: 'operation' }, entry.operationId ?? '—'),
    h(
      'td',
      { class: `status s${String(status)[0]}` },
      status,
      entry.forced ? h('span', { class: 'badge' }, `forced (${entry.forced.by})`) : null,
    ),
    h('td', { class: 'number' }, entry.durationMs.toFixed(1)),
  );
  const detail = h('tr', { class: 'detail', hidden: true }, h('td', { colspan: '7', id: detailId }));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    const cell = detail.firstElementChild as HTMLTableCellElement;
    if (open && cell.childElementCount === 0) cell.append(...renderExchange(entry));
    detail.hidden = !open;
  });
  return { row, detail };
}

function renderExchange(entry: JournalEntry): Node[] {
  const issues = [
    ...entry.validation.request.map((issue) => ({ side: 'request', ...issue })),
    ...entry.validation.response.map((issue) => ({ side: 'response', ...issue })),
  ];
  return [
    h(
      'section',
      { class: 'issues', 'aria-label': 'Validation issues' },
      h('h3', {}, 'Validation issues'),
      issues.length === 0
        ? h('p', {}, 'None: the request and the response match the spec.')
        : h(
            'ul',
            {},
            ...issues.map((issue) =>
              h('li', {}, h('code', {}, `${issue.side} ${issue.location} ${issue.pointer}`), ` ${issue.message} (${issue.keyword})`),
            ),
          ),
      entry.forced ? h('p', {}, forcedSentence(entry.forced)) : null,
    ),
    h(
      'div',
      { class: 'exchange' },
      renderMessage('Request', `${entry.request.method} ${entry.request.url}`, entry.request.headers, entry.request.body),
      renderMessage('Response', String(entry.response.status), entry.response.headers, entry.response.body),
    ),
  ];
}

function renderMessage(title: string, line: string, headers: Record<string, string>, body: string): HTMLElement {
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  return h(
    'section',
    { 'aria-label': title },
    h('h3', {}, title),
    h('p', {}, h('code', {}, line)),
    h('dl', { class: 'headers' }, ...Object.entries(headers).flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])),
    body === '' ? h('p', { class: 'hint' }, '(no body)') : h('pre', { tabindex: '0' }, prettyBody(body, contentType)),
  );
}
