import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { MAX_PENDING_EVENTS } from '../src/admin/journal-stream.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { createEventStreamParser, type StreamEvent } from '../src/ui/event-stream-parser.ts';

let open: RunningServer;
let guarded: RunningServer;
beforeAll(async () => {
  [open, guarded] = await Promise.all([startServer({ port: 0 }), startServer({ port: 0, vendors: ['omeda'], adminToken: 's3cret' })]);
});
afterAll(() => Promise.all([open.close(), guarded.close()]));
beforeEach(async () => {
  await fetch(`${open.url}/__admin/reset`, { method: 'POST' });
});

const CANCEL = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';
const cancel = (base: string, TrackId: string) =>
  fetch(`${base}${CANCEL}`, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'app', 'content-type': 'application/json' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId }),
  });

/** Reads a journal stream until `until` holds for the events so far, then stops reading. */
async function readEvents(response: Response, until: (events: StreamEvent[]) => boolean): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  const parse = createEventStreamParser((event) => events.push(event));
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  while (!until(events)) {
    const { done, value } = await reader.read();
    if (done) break;
    parse(decoder.decode(value, { stream: true }));
  }
  await reader.cancel();
  return events;
}

it('sends a browser asking for / to the dashboard with 303, and keeps answering other clients as before', async () => {
  const browser = await fetch(`${open.url}/`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, redirect: 'manual' });
  expect(browser.status).toBe(303);
  expect(browser.headers.get('location')).toBe('/__admin/ui');
  const curl = await fetch(`${open.url}/`, { headers: { accept: '*/*' } });
  expect(curl.status).toBe(404);
  expect(((await curl.json()) as { code: string }).code).toBe('unknown-route');
});

it('serves the dashboard page, its script and stylesheet from the package, with a policy that allows no other origin', async () => {
  const page = await fetch(`${open.url}/__admin/ui`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
  const html = await page.text();
  expect(html).toContain('<script type="module" src="/__admin/ui/assets/dashboard.js"></script>');
  expect(html).not.toMatch(/https?:\/\//);
  for (const [asset, type] of [
    ['dashboard.js', 'text/javascript; charset=utf-8'],
    ['dashboard.css', 'text/css; charset=utf-8'],
    ['reference.js', 'text/javascript; charset=utf-8'],
    ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
    ['swagger-ui.css', 'text/css; charset=utf-8'],
  ]) {
    const response = await fetch(`${open.url}/__admin/ui/assets/${asset}`);
    expect(response.status, asset).toBe(200);
    expect(response.headers.get('content-type'), asset).toBe(type);
    expect((await response.text()).length, asset).toBeGreaterThan(1000);
  }
});

it('answers 404 for a file that is not one of the dashboard assets, however the path is spelled', async () => {
  for (const path of [
    '/__admin/ui/assets/../../package.json',
    '/__admin/ui/assets/%2e%2e%2fpackage.json',
    '/__admin/ui/assets/index.html',
    '/__admin/ui/x',
  ]) {
    expect((await fetch(`${open.url}${path}`)).status, path).toBe(404);
  }
});

it('serves the dashboard pages without the admin token while the admin API behind them still needs it', async () => {
  expect((await fetch(`${guarded.url}/__admin/ui`)).status).toBe(200);
  expect((await fetch(`${guarded.url}/__admin/ui/reference?vendor=omeda`)).status).toBe(200);
  expect((await fetch(`${guarded.url}/__admin/ui/assets/dashboard.js`)).status).toBe(200);
  expect((await fetch(`${guarded.url}/__admin/requests/stream`)).status).toBe(401);
  const stream = await fetch(`${guarded.url}/__admin/requests/stream`, { headers: { authorization: 'Bearer s3cret' } });
  expect(stream.status).toBe(200);
  await stream.body?.cancel();
});

it('streams the kept exchanges, then each new one live with its id, status and operationId', async () => {
  await cancel(open.url, 'FOO0102003002');
  const response = await fetch(`${open.url}/__admin/requests/stream`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const reading = readEvents(response, (events) => events.length >= 2);
  await cancel(open.url, 'FOO0102003002');
  const events = await reading;
  expect(events.map((event) => event.event)).toEqual(['exchange', 'exchange']);
  const [kept, live] = events.map((event) => ({ id: event.id, entry: JSON.parse(event.data) }));
  expect(kept?.entry).toMatchObject({ operationId: 'omeda.cancelDeployment', response: { status: 200 } });
  expect(live?.entry).toMatchObject({ operationId: 'omeda.cancelDeployment', response: { status: 400 } });
  expect(Number(live?.id)).toBe(live?.entry.id);
  expect(Number(live?.id)).toBeGreaterThan(Number(kept?.id));
});

it('resumes after the last event id it is given, from the query or the Last-Event-ID header', async () => {
  await cancel(open.url, 'FOO0102003002');
  await cancel(open.url, 'NOPE');
  const { requests } = (await (await fetch(`${open.url}/__admin/requests`)).json()) as { requests: { id: number }[] };
  const first = requests[0]?.id as number;
  for (const init of [{ query: `?after=${first}` }, { headers: { 'last-event-id': String(first) } }]) {
    const response = await fetch(`${open.url}/__admin/requests/stream${init.query ?? ''}`, { headers: init.headers ?? {} });
    const events = await readEvents(response, (seen) => seen.length >= 1);
    expect(events.map((event) => Number(event.id))).toEqual([requests[1]?.id]);
  }
});

it('tells a stream reader when the journal is cleared, by DELETE or by a reset', async () => {
  const response = await fetch(`${open.url}/__admin/requests/stream`);
  const reading = readEvents(response, (events) => events.filter((event) => event.event === 'clear').length >= 2);
  await fetch(`${open.url}/__admin/requests`, { method: 'DELETE' });
  await fetch(`${open.url}/__admin/reset`, { method: 'POST' });
  expect((await reading).map((event) => event.event)).toEqual(['clear', 'clear']);
});

it('answers a stream request whose after is not a whole number with a bad-admin-request problem', async () => {
  const response = await fetch(`${open.url}/__admin/requests/stream?after=-1`);
  expect(response.status).toBe(400);
  expect(((await response.json()) as { code: string }).code).toBe('bad-admin-request');
});

it('ends open journal streams when the server closes, so shutdown does not wait on a dashboard', async () => {
  const server = await startServer({ port: 0, vendors: ['omeda'] });
  const response = await fetch(`${server.url}/__admin/requests/stream`);
  const reading = readEvents(response, () => false).catch(() => []);
  await server.close();
  await reading;
  expect(await fetch(`${server.url}/__admin/health`).catch((error: Error) => error.name)).toBe('TypeError');
});

it('ends a stream whose reader falls too far behind with an overflow event instead of queueing without bound', async () => {
  const server = await startServer({ port: 0, vendors: ['omeda'], journalCapacity: 0 });
  try {
    const response = await fetch(`${server.url}/__admin/requests/stream`);
    const journal = server.engine.journal;
    for (let index = 0; index <= MAX_PENDING_EVENTS; index++) journal.clear();
    // The clears are published synchronously, faster than any reader: the queue fills, then ends.
    const events = await readEvents(response, () => false);
    expect(events.map((event) => event.event)).toEqual(['overflow']);
  } finally {
    await server.close();
  }
});
