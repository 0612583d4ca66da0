import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi, it as vitestIt } from 'vitest';
import { type RunningServer, startServer } from '../src/server.ts';
import { chromiumMissing, launchChromium, screenshot, watchOtherOrigins } from './support/browser.ts';

// Without Chromium: skipped locally with the reason printed, a failure in CI (see support/browser.ts).
const it = vitestIt.skipIf(chromiumMissing() !== undefined);
// A page of the API reference takes seconds to render and check on a loaded machine: Playwright's own
// 30 s wait, which names the locator it waited for, fails a test before vitest's timeout does.
vi.setConfig({ testTimeout: 60_000 });

const TOKEN = 'dashboard-s3cret';
let browser: Browser | undefined;
let open: RunningServer;
let guarded: RunningServer;
let context: BrowserContext | undefined;
beforeAll(async () => {
  if (chromiumMissing() !== undefined) return;
  [browser, open, guarded] = await Promise.all([
    launchChromium(),
    startServer({ port: 0 }),
    startServer({ port: 0, vendors: ['omeda'], adminToken: TOKEN }),
  ]);
  // The server's first cancel runs cold (about 180 ms here, more on a loaded machine); the live-traffic
  // test times the push and the page, so it runs on a warm server (each test starts from a reset).
  await omedaCancel(open.url, { UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([open?.close(), guarded?.close()]);
});
beforeEach(async () => {
  if (open) await fetch(`${open.url}/__admin/reset`, { method: 'POST' });
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

const OMEDA_CANCEL = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';
const omedaCancel = (base: string, body: Record<string, string>) =>
  fetch(`${base}${OMEDA_CANCEL}`, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'app', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const voltmxCancel = (base: string) =>
  fetch(`${base}/api/v1/email/7131002087805116277/cancel`, { method: 'POST', headers: { 'x-voltmx-authorization': 'claims-token' } });

async function newPage(options: { bypassCSP?: boolean } = {}): Promise<Page> {
  context = await (browser as Browser).newContext({ viewport: { width: 1280, height: 900 }, ...options });
  return context.newPage();
}

/** Opens the dashboard the way a person does (`/` in the address bar) and waits until it is live. */
async function openDashboard(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator('#connection', { hasText: 'live' }).waitFor();
  await page.locator('#state-tables[data-updated]').waitFor();
}

const trafficRow = (page: Page, text: string) => page.locator('#traffic-rows tr[data-exchange]', { hasText: text }).first();

it('shows a cancel sent by the test in live traffic within a second, with its status and operationId', async () => {
  const page = await newPage();
  const otherOrigins = watchOtherOrigins(page, open.url);
  await openDashboard(page, open.url);
  expect(page.url()).toBe(`${open.url}/__admin/ui`);
  const sent = Date.now();
  expect((await omedaCancel(open.url, { UserId: 'omailAccount1', TrackId: 'FOO0102003002' })).status).toBe(200);
  const row = trafficRow(page, 'omeda.cancelDeployment');
  await row.waitFor({ timeout: Math.max(1, 1000 - (Date.now() - sent)) });
  const cells = await row.locator('td').allTextContents();
  expect(cells.slice(1, 6)).toEqual(['POST', OMEDA_CANCEL, 'omeda', 'omeda.cancelDeployment', '200']);
  expect(otherOrigins).toEqual([]);
});

it('opens an exchange to show its bodies and the validation issue of a bad request, with its pointer', async () => {
  const page = await newPage();
  await openDashboard(page, open.url);
  expect((await omedaCancel(open.url, { UserId: 'omailAccount1' })).status).toBe(400);
  const row = trafficRow(page, 'omeda.cancelDeployment');
  await row.getByText('1 issue').waitFor();
  await row.getByRole('button', { name: OMEDA_CANCEL }).click();
  const detail = page.locator('#traffic-rows tr.detail:not([hidden])');
  await expect
    .poll(() => detail.locator('.issues li').allTextContents())
    .toEqual(["request body /TrackId must have required property 'TrackId' (required)"]);
  const bodies = await detail.locator('pre').allTextContents();
  expect(bodies[0]).toBe('{\n  "UserId": "omailAccount1"\n}');
  expect(JSON.parse(bodies[1] as string)).toMatchObject({ Errors: [{ Error: "The field 'TrackId' is required." }] });
  await screenshot(page, 'dashboard-traffic');
});

it("pretty-prints SFMC's SOAP envelopes in an opened exchange", async () => {
  const page = await newPage();
  await openDashboard(page, open.url);
  const envelope =
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Nope xmlns="http://exacttarget.com/wsdl/partnerAPI"/></s:Body></s:Envelope>';
  await fetch(`${open.url}/Service.asmx`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml', soapaction: 'Perform' },
    body: envelope,
  });
  const row = trafficRow(page, '/Service.asmx');
  await row.waitFor();
  await row.getByRole('button').click();
  const request = await page.locator('#traffic-rows tr.detail:not([hidden]) pre').first().textContent();
  expect(request?.split('\n')).toEqual([
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">',
    '  <s:Body>',
    '    <Nope xmlns="http://exacttarget.com/wsdl/partnerAPI"/>',
    '  </s:Body>',
    '</s:Envelope>',
  ]);
});

it('filters live traffic by vendor, operation and status, and clears it', async () => {
  const page = await newPage();
  await openDashboard(page, open.url);
  await omedaCancel(open.url, { UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
  await voltmxCancel(open.url);
  await omedaCancel(open.url, { UserId: 'omailAccount1', TrackId: 'NOPE' });
  await expect.poll(() => page.locator('#traffic-rows tr[data-exchange]').count()).toBe(3);
  const visibleOperations = () => page.locator('#traffic-rows tr[data-exchange]:not([hidden]) td.operation').allTextContents();
  await page.getByLabel('Vendor', { exact: true }).selectOption('omeda');
  expect(await visibleOperations()).toEqual(['omeda.cancelDeployment', 'omeda.cancelDeployment']);
  await page.getByLabel('Status', { exact: true }).selectOption('4');
  expect(await visibleOperations()).toEqual(['omeda.cancelDeployment']);
  await page.getByLabel('Vendor', { exact: true }).selectOption('');
  await page.getByLabel('Status', { exact: true }).selectOption('');
  await page.getByLabel('Operation', { exact: true }).selectOption('voltmx.cancelEmail');
  expect(await visibleOperations()).toEqual(['voltmx.cancelEmail']);
  await page.getByRole('button', { name: 'Clear journal' }).click();
  await expect.poll(() => page.locator('#traffic-rows tr').count()).toBe(0);
  expect(((await (await fetch(`${open.url}/__admin/requests`)).json()) as { requests: unknown[] }).requests).toEqual([]);
});

it('forces a documented 500 from the page and the next request gets it, then the queue is empty', async () => {
  const page = await newPage();
  await openDashboard(page, open.url);
  await page.locator('#force-operation').selectOption('voltmx.cancelEmail');
  await page.locator('#force-status').selectOption('500');
  await page.getByLabel('Times').fill('1');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect.poll(() => page.locator('#force-rows td').allTextContents()).toEqual(['voltmx.cancelEmail', '500', '—', '1']);
  expect((await voltmxCancel(open.url)).status).toBe(500);
  expect((await voltmxCancel(open.url)).status).toBe(200);
  await expect.poll(() => page.locator('#force-rows').textContent()).toBe('Nothing queued.');
  await expect.poll(() => trafficRow(page, 'forced (queue)').locator('td.status').textContent()).toBe('500forced (queue)');
});

it('offers omeda.cancelDeployment only the statuses its spec documents, and forces one of its named examples', async () => {
  const page = await newPage();
  await openDashboard(page, open.url);
  await page.locator('#force-operation').selectOption('omeda.cancelDeployment');
  expect(await page.locator('#force-status option').allTextContents()).toEqual(['200', '400', '403', '404']);
  await page.locator('#force-status').selectOption('404');
  const examples = await page.locator('#force-example option').allTextContents();
  expect(examples[0]).toBe('(default)');
  expect(examples.length).toBeGreaterThan(1);
  await page.locator('#force-example').selectOption(examples[1] as string);
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await page.locator('#force-rows td', { hasText: 'omeda.cancelDeployment' }).waitFor();
  const forced = await omedaCancel(open.url, { UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
  expect(forced.status).toBe(404);
  const journal = (await (await fetch(`${open.url}/__admin/requests`)).json()) as { requests: { forced: unknown }[] };
  expect(journal.requests.at(-1)?.forced).toEqual({ status: 404, example: examples[1], by: 'queue' });
});

it('updates the state table as a cancel changes a record, and a reset from the page returns it to the default', async () => {
  const page = await newPage();
  await openDashboard(page, open.url);
  const deployment = page.locator('#state-tables tr', { hasText: 'FOO0102003002' }).first();
  await deployment.getByText('Scheduled', { exact: true }).waitFor();
  await omedaCancel(open.url, { UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
  await deployment.getByText('Cancelled', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Reset to the default dataset' }).click();
  await deployment.getByText('Scheduled', { exact: true }).waitFor();
  await page.locator('#state-message', { hasText: 'Reset to the default dataset.' }).waitFor();
  await screenshot(page, 'dashboard-state', '#state-title');
});

it('shows the mock clock and the fault plan, and pins the clock from the page', async () => {
  const page = await newPage();
  await openDashboard(page, open.url);
  await page.locator('#faults-summary', { hasText: 'No faults active' }).waitFor();
  await page.getByLabel('Pin the clock at').fill('2030-01-15T15:00:00Z');
  await page.getByRole('button', { name: 'Pin', exact: true }).click();
  await page.locator('#clock-mode', { hasText: '(pinned)' }).waitFor();
  expect(await page.locator('#clock-now').textContent()).toBe('2030-01-15T15:00:00.000Z');
  await page.getByLabel('Plan (JSON, see docs/reference/limits.md)').fill('{"omeda.cancelDeployment": {"status": 404}}');
  await page.getByRole('button', { name: 'Apply plan' }).click();
  await page.locator('#faults-summary', { hasText: 'Active for omeda.cancelDeployment' }).waitFor();
  expect((await omedaCancel(open.url, { UserId: 'omailAccount1', TrackId: 'FOO0102003002' })).status).toBe(404);
  await page.getByRole('button', { name: 'Clear faults' }).click();
  await page.locator('#faults-summary', { hasText: 'No faults active' }).waitFor();
  await page.getByRole('button', { name: 'Follow real time' }).click();
  await page.locator('#clock-mode', { hasText: '(follows real time)' }).waitFor();
});

it('opens an exchange with the keyboard alone', async () => {
  const page = await newPage();
  await openDashboard(page, open.url);
  await omedaCancel(open.url, { UserId: 'omailAccount1' });
  const toggle = trafficRow(page, 'omeda.cancelDeployment').getByRole('button');
  await toggle.waitFor();
  for (let presses = 0; presses < 20 && !(await toggle.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await page.locator('#traffic-rows tr.detail:not([hidden]) .issues li').waitFor();
});

it('asks for the admin token once, keeps it for the tab only, and asks again when it is refused', async () => {
  const page = await newPage();
  await page.goto(`${guarded.url}/`);
  const dialog = page.getByRole('dialog', { name: 'Admin token' });
  await dialog.waitFor();
  await page.getByLabel('Token', { exact: true }).fill('wrong');
  await page.keyboard.press('Enter');
  await page.locator('#token-reason', { hasText: 'refused' }).waitFor();
  await page.getByLabel('Token', { exact: true }).fill(TOKEN);
  await page.keyboard.press('Enter');
  await page.locator('#connection', { hasText: 'live' }).waitFor();
  await page.locator('#state-tables[data-updated]').waitFor();
  expect(page.url()).toBe(`${guarded.url}/__admin/ui`);
  expect(await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }))).toEqual({ session: 1, local: 0 });
  expect(await (context as BrowserContext).cookies()).toEqual([]);
  await page.reload();
  await page.locator('#connection', { hasText: 'live' }).waitFor();
  expect(await dialog.isVisible()).toBe(false);
  // Another tab has its own session storage, so it asks.
  const otherTab = await (context as BrowserContext).newPage();
  await otherTab.goto(`${guarded.url}/__admin/ui`);
  await otherTab.getByRole('dialog', { name: 'Admin token' }).waitFor();
});

it('sees live traffic through the token-guarded stream once the token is given', async () => {
  const page = await newPage();
  await page.goto(`${guarded.url}/__admin/ui`);
  await page.getByLabel('Token', { exact: true }).fill(TOKEN);
  await page.keyboard.press('Enter');
  await page.locator('#connection', { hasText: 'live' }).waitFor();
  await omedaCancel(guarded.url, { UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
  await trafficRow(page, 'omeda.cancelDeployment').waitFor();
});

it('picks a session from the header: its traffic, state and force queue, apart from the default session', async () => {
  const inSession = (body: Record<string, string>) =>
    fetch(`${open.url}${OMEDA_CANCEL}`, {
      method: 'POST',
      headers: { 'x-omeda-appid': 'app', 'content-type': 'application/json', 'x-mock-session': 'w1' },
      body: JSON.stringify(body),
    });
  expect((await inSession({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' })).status).toBe(200);
  const page = await newPage();
  await openDashboard(page, open.url);
  const deployment = page.locator('#state-tables tr', { hasText: 'FOO0102003002' }).first();
  await deployment.getByText('Scheduled', { exact: true }).waitFor();
  await page.getByLabel('Session', { exact: true }).focus();
  await page.locator('#session option[value="w1"]').waitFor({ state: 'attached' });
  await page.getByLabel('Session', { exact: true }).selectOption('w1');
  await deployment.getByText('Cancelled', { exact: true }).waitFor();
  await trafficRow(page, 'omeda.cancelDeployment').waitFor();
  expect(new URL(page.url()).searchParams.get('session')).toBe('w1');
  // A force queued from the page applies to the session only.
  await page.locator('#force-operation').selectOption('omeda.cancelDeployment');
  await page.locator('#force-status').selectOption('404');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await page.locator('#force-rows td', { hasText: 'omeda.cancelDeployment' }).waitFor();
  expect((await omedaCancel(open.url, { UserId: 'omailAccount1', TrackId: 'FOO0102003003' })).status).not.toBe(404);
  expect((await inSession({ UserId: 'omailAccount1', TrackId: 'FOO0102003003' })).status).toBe(404);
  await expect.poll(() => page.locator('#traffic-rows tr[data-exchange]').count()).toBe(2);
  // Reset from the page resets the session; a reload keeps the session.
  await page.getByRole('button', { name: 'Reset to the default dataset' }).click();
  await deployment.getByText('Scheduled', { exact: true }).waitFor();
  await page.reload();
  await page.locator('#connection', { hasText: 'live' }).waitFor();
  expect(await page.getByLabel('Session', { exact: true }).inputValue()).toBe('w1');
  expect(await page.getByRole('link', { name: 'API reference' }).getAttribute('href')).toBe('/__admin/ui/reference?session=w1');
  await fetch(`${open.url}/__admin/sessions/w1`, { method: 'DELETE' });
});

const CANCEL_OPERATIONS = [
  ['momentum', 'cancelMailing'],
  ['omeda', 'cancelDeployment'],
  ['sfmc', 'perform'],
  ['voltmx', 'cancelEmail'],
] as const;

it.each(CANCEL_OPERATIONS)('renders the %s API reference offline and finds its %s operation', async (vendor, operationId) => {
  const page = await newPage();
  const otherOrigins = watchOtherOrigins(page, open.url);
  await page.goto(`${open.url}/__admin/ui/reference?vendor=${vendor}`);
  await page.locator(`.opblock[id$="-${operationId}"]`).first().waitFor();
  expect(await page.locator('#reference-vendor').inputValue()).toBe(vendor);
  expect(otherOrigins).toEqual([]);
});

it("tries the Omeda cancel from its API reference against this server, with the spec's example", async () => {
  const page = await newPage();
  await page.goto(`${open.url}/__admin/ui/reference?vendor=omeda`);
  const operation = page.locator('.opblock[id$="-cancelDeployment"]');
  await operation.locator('.opblock-summary').first().click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.locator('tr[data-param-name="brandAbbreviation"] input').fill('ABC');
  await operation.locator('tr[data-param-name="x-omeda-appid"] input').fill('my-app');
  await operation.getByRole('button', { name: 'Execute' }).click();
  await operation.locator('.live-responses-table .response-col_status', { hasText: '200' }).first().waitFor();
  const journal = (await (await fetch(`${open.url}/__admin/requests`)).json()) as {
    requests: { operationId: string; response: { status: number } }[];
  };
  expect(journal.requests.map((entry) => [entry.operationId, entry.response.status])).toEqual([['omeda.cancelDeployment', 200]]);
  await screenshot(page, 'reference-omeda', '.opblock[id$="-cancelDeployment"] .responses-inner');
});

it('points the API reference of a session at that session, so Try it out lands in it', async () => {
  const page = await newPage();
  await page.goto(`${open.url}/__admin/ui/reference?vendor=omeda&session=w2`);
  await page.locator('.opblock[id$="-cancelDeployment"]').waitFor();
  expect(await page.locator('.servers select option').allTextContents()).toEqual([
    `${open.url}/__session/w2 - esp-cancel-mock at ${open.url}/__session/w2/`,
  ]);
  expect(await page.getByLabel('Session', { exact: true }).inputValue()).toBe('w2');
});

it('renders the API reference behind an admin token once the token is given', async () => {
  const page = await newPage();
  await page.goto(`${guarded.url}/__admin/ui/reference?vendor=omeda`);
  await page.getByLabel('Token', { exact: true }).fill(TOKEN);
  await page.keyboard.press('Enter');
  await page.locator('.opblock[id$="-cancelDeployment"]').waitFor();
});

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now (injected past the page's CSP). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (
      globalThis as unknown as {
        axe: { run(context: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run(document),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

it('passes axe-core with no serious or critical violations, with an exchange open and with the token prompt', async () => {
  const page = await newPage({ bypassCSP: true });
  await openDashboard(page, open.url);
  await omedaCancel(open.url, { UserId: 'omailAccount1' });
  await trafficRow(page, 'omeda.cancelDeployment').getByRole('button').click();
  await page.locator('#traffic-rows tr.detail:not([hidden]) .issues li').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`${guarded.url}/__admin/ui`);
  await page.getByRole('dialog', { name: 'Admin token' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});

it.each(CANCEL_OPERATIONS)(
  'passes axe-core with no serious or critical violations on the %s API reference page',
  async (vendor, operationId) => {
    const page = await newPage({ bypassCSP: true });
    await page.goto(`${open.url}/__admin/ui/reference?vendor=${vendor}`);
    await page.locator(`.opblock[id$="-${operationId}"]`).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  },
);
