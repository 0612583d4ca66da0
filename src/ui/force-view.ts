import type { AdminClient } from './admin-client.ts';
import { byId, h, say } from './dom.ts';
import type { ForceableOperation } from './spec-outcomes.ts';

interface QueuedForce {
  readonly operationId: string;
  readonly status: number;
  readonly example?: string;
  readonly remaining: number | 'always';
}

/**
 * The force panel: pick an operation, one of its documented statuses and examples, and how many times;
 * `POST /__admin/force` queues it. The queue is read back from `GET /__admin/force` and can be cleared.
 *
 * @see ../../docs/reference/admin-api.md
 */
export function createForceView(client: AdminClient): {
  setOperations(operations: readonly ForceableOperation[]): void;
  refresh(): Promise<void>;
} {
  const form = byId('force-form', HTMLFormElement);
  const operationSelect = byId('force-operation', HTMLSelectElement);
  const statusSelect = byId('force-status', HTMLSelectElement);
  const exampleSelect = byId('force-example', HTMLSelectElement);
  const times = byId('force-times', HTMLInputElement);
  const always = byId('force-always', HTMLInputElement);
  const message = byId('force-message', HTMLParagraphElement);
  const rows = byId('force-rows', HTMLTableSectionElement);
  let operations: readonly ForceableOperation[] = [];

  const selected = () => operations.find((operation) => operation.id === operationSelect.value);
  const fillStatuses = (): void => {
    statusSelect.replaceChildren(
      ...(selected()?.outcomes ?? []).map((outcome) => h('option', { value: String(outcome.status) }, outcome.status)),
    );
    fillExamples();
  };
  const fillExamples = (): void => {
    const outcome = selected()?.outcomes.find((candidate) => String(candidate.status) === statusSelect.value);
    exampleSelect.replaceChildren(
      h('option', { value: '' }, '(default)'),
      ...(outcome?.examples ?? []).map((name) => h('option', { value: name }, name)),
    );
  };
  const refresh = async (): Promise<void> => {
    const { queued } = await client.call<{ queued: QueuedForce[] }>('GET', '/force');
    rows.replaceChildren(
      ...(queued.length === 0
        ? [h('tr', {}, h('td', { colspan: '4', class: 'hint' }, 'Nothing queued.'))]
        : queued.map((item) =>
            h(
              'tr',
              {},
              h('td', {}, item.operationId),
              h('td', {}, item.status),
              h('td', {}, item.example ?? '—'),
              h('td', {}, item.remaining),
            ),
          )),
    );
  };
  operationSelect.addEventListener('change', fillStatuses);
  statusSelect.addEventListener('change', fillExamples);
  always.addEventListener('change', () => {
    times.disabled = always.checked;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const item = {
      operationId: operationSelect.value,
      status: Number(statusSelect.value),
      times: always.checked ? 'always' : Number(times.value),
      ...(exampleSelect.value === '' ? {} : { example: exampleSelect.value }),
    };
    try {
      await client.call('POST', '/force', item);
      say(message, `Queued ${item.status} for ${item.operationId} (${item.times === 'always' ? 'always' : `${item.times}×`}).`);
    } catch (error) {
      say(message, (error as Error).message, 'error');
    }
    await refresh();
  });
  byId('force-clear', HTMLButtonElement).addEventListener('click', async () => {
    await client.call('DELETE', '/force');
    say(message, 'Queue cleared.');
    await refresh();
  });
  return {
    setOperations(list) {
      operations = list;
      const vendors = [...new Set(list.map((operation) => operation.vendor))];
      operationSelect.replaceChildren(
        ...vendors.map((vendor) =>
          h(
            'optgroup',
            { label: vendor },
            ...list
              .filter((operation) => operation.vendor === vendor && operation.outcomes.length > 0)
              .map((operation) => h('option', { value: operation.id }, `${operation.id} — ${operation.method} ${operation.path}`)),
          ),
        ),
      );
      fillStatuses();
    },
    refresh,
  };
}
