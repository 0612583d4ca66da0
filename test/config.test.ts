import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, afterEach, expect, it } from 'vitest';
import { checkMockConfig, MockConfigError } from '../src/config/mock-config.ts';
import { createMock } from '../src/msw.ts';
import { startServer } from '../src/server.ts';
import { VENDOR_CONFIG_SCHEMAS, VENDOR_MODULES } from '../src/vendors.ts';
import { runCli } from './support/run-cli.ts';
import { type SpawnedCli, spawnCli } from './support/spawn-cli.ts';

const folder = mkdtempSync(join(tmpdir(), 'esp-cancel-mock-config-'));
const spawned: SpawnedCli[] = [];
afterEach(() => {
  for (const cli of spawned.splice(0)) cli.child.kill();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What `createMock({ config })` throws for a config that is not typed right (JavaScript callers, JSON files). */
function problemsOf(config: unknown): readonly string[] {
  try {
    createMock({ config: config as never });
  } catch (error) {
    if (error instanceof MockConfigError) return error.problems;
    throw error;
  }
  return [];
}

it.each([
  [{ omeda: { appId: ['my-app'] } }, 'config.omeda.appId: unknown key; did you mean appIds?'],
  [{ mailchimp: {} }, 'config.mailchimp: unknown vendor; expected one of momentum, omeda, sfmc, voltmx'],
  [{ omda: {} }, 'config.omda: unknown vendor; did you mean omeda?'],
  [{ omeda: { appIds: 'my-app' } }, 'config.omeda.appIds: must be array or null, got string'],
  [{ sfmc: { tokenLifetimeSeconds: '60' } }, 'config.sfmc.tokenLifetimeSeconds: must be integer, got string'],
  [{ voltmx: { users: [{ userId: 'a', password: 'b' }] } }, 'config.voltmx.users[0].userId: unknown key; did you mean userid?'],
  [{ momentum: { credentials: [{ username: 'u' }] } }, 'config.momentum.credentials[0]: missing password'],
  [[], 'config: must be object, got array'],
])('refuses config %j in-process with "%s"', (config, problem) => {
  expect(problemsOf(config)).toContain(problem);
});

it('names the path and the likely key in the thrown message', () => {
  expect(() => createMock({ config: { omeda: { appId: ['my-app'] } } as never })).toThrow(
    '[esp-cancel-mock] invalid config: config.omeda.appId: unknown key; did you mean appIds?',
  );
});

it('refuses a string allow-list instead of matching it as a substring', async () => {
  await expect(startServer({ port: 0, config: { omeda: { appIds: 'my-app' } } as never })).rejects.toThrow(MockConfigError);
});

it('accepts every documented key, null lists and a config for a vendor the mock does not serve', () => {
  expect(() =>
    createMock({
      vendors: ['omeda'],
      config: {
        momentum: { credentials: null },
        omeda: { appIds: ['my-app'], brands: null },
        sfmc: { users: [{ username: 'u', password: 'p' }], clients: null, tokenLifetimeSeconds: 60 },
        voltmx: { users: [{ userid: 'admin', password: 's' }], tokens: ['t'] },
      },
    }),
  ).not.toThrow();
});

it.each(Object.keys(VENDOR_MODULES))('keeps the %s config schema and the vendor defaults to the same keys', (vendor) => {
  const defaults = VENDOR_MODULES[vendor]?.defaultConfig as Record<string, unknown>;
  const schema = VENDOR_CONFIG_SCHEMAS[vendor as keyof typeof VENDOR_CONFIG_SCHEMAS];
  expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys(defaults).sort());
  expect(() => checkMockConfig({ [vendor]: defaults })).not.toThrow();
});

it.each(Object.keys(VENDOR_MODULES))('keeps the %s config schema a valid JSON Schema (the meta-schema check the mock skips)', (vendor) => {
  const ajv = new Ajv2020({ strict: true });
  const schema = VENDOR_CONFIG_SCHEMAS[vendor as keyof typeof VENDOR_CONFIG_SCHEMAS];
  expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  expect(ajv.validateSchema({ ...schema, type: 'dictionary' })).toBe(false);
});

it('exits 2 naming the file, the path and the likely key when --config has a misspelt key', async () => {
  const file = join(folder, 'typo.json');
  writeFileSync(file, '{"omeda":{"appId":["my-app"]}}');
  const { code, stderr } = await runCli(['serve', '--port', '0', '--config', file]);
  expect(code).toBe(2);
  expect(stderr.trim()).toBe(`esp-cancel-mock: --config ${file}: invalid config: config.omeda.appId: unknown key; did you mean appIds?`);
}, 60_000);

it('serves with a YAML --config, its allow-list in force', async () => {
  const file = join(folder, 'config.yaml');
  writeFileSync(file, 'omeda:\n  appIds: [my-app]\n');
  const cli = spawnCli(['serve', '--port', '0', '--quiet', '--vendors', 'omeda', '--config', file]);
  spawned.push(cli);
  const started = await cli.started;
  if (!('url' in started)) throw new Error(`serve stopped: ${cli.output()}`);
  const cancel = (appId: string) =>
    fetch(`${started.url}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-omeda-appid': appId },
      body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
    });
  expect((await cancel('my')).status).toBe(403);
  expect((await cancel('my-app')).status).toBe(200);
}, 60_000);
