import { createMock } from 'esp-cancel-mock/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cancelDeployment } from './omeda-cancel.ts';

/**
 * One test file's worth of isolation proof. Every file cancels the same scheduled deployment with a
 * mock of its own, in parallel with the others: each gets the first cancel's 200, which a store shared
 * between files (or between mocks) would answer with "previously cancelled" 400.
 */
export function defineIsolationCase(file: string): void {
  const mock = createMock({ vendors: ['omeda'] });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it(`cancels FOO0102003002 once in ${file}, whatever the other files and mocks do`, async () => {
    expect((await cancelDeployment('FOO0102003002')).status).toBe(200);
    expect((await cancelDeployment('FOO0102003002')).status).toBe(400);
    expect(mock.journal.entries().map((entry) => [entry.operationId, entry.response.status])).toEqual([
      ['omeda.cancelDeployment', 200],
      ['omeda.cancelDeployment', 400],
    ]);
    const other = createMock({ vendors: ['omeda'] });
    const request = new Request('https://ows.omeda.com/webservices/rest/brand/ABC/omail/deployment/cancel/*', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
      body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
    });
    expect((await other.fetch(request)).status).toBe(200);
  });
}
