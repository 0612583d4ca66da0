/**
 * Compiled, never run, by the consumer test with `strict` under `moduleResolution` `nodenext` and
 * `bundler`: what a TypeScript app may write, and what it may not (each `@ts-expect-error` fails the
 * compile if the line below it ever compiles).
 */
import { createMock, type MockConfig, type OperationId } from 'esp-cancel-mock/msw';
import { startServer } from 'esp-cancel-mock/server';
import type { components } from 'esp-cancel-mock/types/omeda';
import { type MockSession, mockServerSetup } from 'esp-cancel-mock/vitest';

export const config: MockConfig = { omeda: { appIds: ['my-app'], brands: null }, sfmc: { tokenLifetimeSeconds: 60 } };
export const operation: OperationId = 'sfmc.perform';
export const request: components['schemas']['CancelDeploymentRequest'] = { UserId: 'omailAccount1', TrackId: 'FOO0102003002' };

export async function typedUsage(): Promise<void> {
  const mock = createMock({ config: { omeda: { appIds: ['my-app'] } } });
  mock.force('omeda.cancelDeployment', 500, { times: 1 });
  // @ts-expect-error a misspelt config key (appId for appIds) does not compile
  createMock({ config: { omeda: { appId: ['my-app'] } } });
  // @ts-expect-error a wrong type (a string for a list) does not compile
  createMock({ config: { omeda: { appIds: 'my-app' } } });
  // @ts-expect-error an unknown vendor does not compile
  createMock({ config: { mailchimp: {} } });
  // @ts-expect-error an unknown operationId does not compile
  mock.force('omeda.cancelDeploymnet', 500);
  // @ts-expect-error the bare operationId is not the spelling: vendor.operationId is
  mock.force('cancelDeployment', 500);
  const server = await startServer({ port: 0, config: { voltmx: { tokens: ['t1'] } } });
  await server.close();
}

/** The vitest entry's types: a global setup and a session's surface. */
export const setup: ReturnType<typeof mockServerSetup> = mockServerSetup({ port: 0 });
export const sessionUrl = (session: MockSession): string => session.url;
