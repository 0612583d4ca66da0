import { expect, it } from 'vitest';
import { loadSpec } from '../spec/load-specs.ts';
import { toForceableOperations } from './spec-outcomes.ts';

it("lists Omeda's cancel with its documented statuses and the named examples behind its $ref responses", () => {
  const operations = toForceableOperations('omeda', loadSpec('omeda').document as never);
  const cancel = operations.find((operation) => operation.id === 'omeda.cancelDeployment');
  expect(cancel?.method).toBe('POST');
  expect(cancel?.outcomes.map((outcome) => outcome.status)).toEqual([200, 400, 403, 404]);
  expect(cancel?.outcomes.find((outcome) => outcome.status === 404)?.examples.length).toBeGreaterThan(0);
});

it("includes the mock's x-unsupported-methods operations and leaves out statuses like 4XX and default", () => {
  const operations = toForceableOperations('v', {
    paths: {
      '/x': {
        post: { operationId: 'send', responses: { '200': {}, '4XX': {}, default: {} } },
        'x-unsupported-methods': { operationId: 'rejectMethod', responses: { '405': { $ref: '#/components/responses/No' } } },
      },
    },
    components: { responses: { No: { content: { 'application/json': { examples: { wrongMethod: {} } } } } } },
  });
  expect(operations).toEqual([
    { id: 'v.send', vendor: 'v', method: 'POST', path: '/x', outcomes: [{ status: 200, examples: [] }] },
    { id: 'v.rejectMethod', vendor: 'v', method: 'other methods', path: '/x', outcomes: [{ status: 405, examples: ['wrongMethod'] }] },
  ]);
});
