import { inspect } from 'node:util';
import { setupServer as setupServerOfMsw215 } from 'msw/node';
import { setupServer as setupServerOfMsw210 } from 'msw-lowest/node';
import { afterEach, expect, it, vi } from 'vitest';
import { createMock, MswCopyMismatchError } from '../src/msw.ts';

// Two copies of msw in one process: `msw` (2.15.0, the devDependency) and `msw-lowest` (2.10.0, the
// lowest of the peer range). Handlers built by one and run by the other must fail loudly, never
// just not match.
const CANCEL = 'https://ows.omeda.com/webservices/rest/brand/ABC/omail/deployment/cancel/*';
const cancel = () =>
  fetch(CANCEL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  });

afterEach(() => {
  vi.doUnmock('msw');
  vi.resetModules();
});

it('answers MswCopyMismatchError, naming the property asked for, when msw 2.10 runs handlers built with msw 2.15', async () => {
  const mock = createMock({ vendors: ['omeda'] });
  // @ts-expect-error the other copy's types disagree too (`__kind` is missing): what this test is about
  const server = setupServerOfMsw210(...mock.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const response = await cancel();
    expect(response.status).toBe(500);
    const error = (await response.json()) as { name: string; message: string };
    expect(error.name).toBe('MswCopyMismatchError');
    expect(error.message).toContain('asked for handler.__kind, which the building copy does not set (it sets handler.kind)');
    expect(error.message).toContain('esp-cancel-mock resolves msw 2.15.0');
    expect(error.message).toContain('npm ls msw');
    expect(mock.journal.entries()).toEqual([]);
  } finally {
    server.close();
  }
});

it('throws MswCopyMismatchError from setupServer when msw 2.15 is handed handlers built with msw 2.10', async () => {
  vi.doMock('msw', () => import('msw-lowest'));
  const lowest = await import('../src/msw.ts');
  const mock = lowest.createMock({ vendors: ['omeda'] });
  expect(() => setupServerOfMsw215(...mock.handlers)).toThrow(
    'asked for handler.kind, which the building copy does not set (it sets handler.__kind)',
  );
  expect(() => setupServerOfMsw215(...mock.handlers)).toThrow(expect.objectContaining({ name: 'MswCopyMismatchError' }));
});

it('throws MswCopyMismatchError when a handler built with msw 2 is disposed, as msw 3 does', () => {
  const [handler] = createMock({ vendors: ['omeda'] }).handlers;
  expect(() => (handler as unknown as { dispose(): void }).dispose()).toThrow(MswCopyMismatchError);
});

it('keeps the guards out of sight: printing or spreading a handler does not trip them', () => {
  const [handler] = createMock({ vendors: ['omeda'] }).handlers;
  expect(Object.keys(handler as object)).not.toContain('dispose');
  expect(inspect(handler, { showHidden: true, depth: 0 })).toMatch(/\[?dispose\]?: \[Getter\]/);
});
