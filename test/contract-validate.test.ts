import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { JournalEntry } from '../src/journal/request-journal.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { runCli } from './support/run-cli.ts';

let mock: RunningServer;
beforeAll(async () => {
  mock = await startServer({ port: 0, strict: true });
});
afterAll(() => mock.close());
beforeEach(async () => {
  await fetch(`${mock.url}/__admin/reset`, { method: 'POST' });
});

const OMEDA_CANCEL = '/webservices/rest/brand/FOO/omail/deployment/cancel/*';

/** Plays an app against the real server and returns what the journal recorded. */
async function recordTraffic(): Promise<JournalEntry[]> {
  const headers = { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' };
  await fetch(`${mock.url}${OMEDA_CANCEL}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  });
  await fetch(`${mock.url}/api/v1/email/7131002087805116277/cancel`, { method: 'POST', headers: { 'x-voltmx-authorization': 'token' } });
  const journal = (await (await fetch(`${mock.url}/__admin/requests`)).json()) as { requests: JournalEntry[] };
  return journal.requests;
}

/** A HAR 1.2 entry, as browsers and proxies write them. */
function toHarEntry(entry: Pick<JournalEntry, 'request' | 'response'>) {
  const list = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => ({ name, value }));
  return {
    startedDateTime: new Date().toISOString(),
    time: 1,
    request: {
      method: entry.request.method,
      url: entry.request.url,
      httpVersion: 'HTTP/1.1',
      headers: list(entry.request.headers),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: entry.request.body.length,
      ...(entry.request.body ? { postData: { mimeType: entry.request.headers['content-type'] ?? '', text: entry.request.body } } : {}),
    },
    response: {
      status: entry.response.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: list(entry.response.headers),
      cookies: [],
      content: { size: entry.response.body.length, mimeType: entry.response.headers['content-type'] ?? '', text: entry.response.body },
      redirectURL: '',
      headersSize: -1,
      bodySize: entry.response.body.length,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

async function writeJson(name: string, value: unknown): Promise<string> {
  const file = join(tmpdir(), `esp-cancel-mock-${name}-${process.pid}.json`);
  await writeFile(file, JSON.stringify(value));
  return file;
}

it('accepts a journal export of valid traffic with exit 0, naming each operation', async () => {
  const requests = await recordTraffic();
  const { code, stdout } = await runCli(['validate', await writeJson('journal', { requests })]);
  expect(stdout).toContain('[omeda.cancelDeployment]');
  expect(stdout).toContain('[voltmx.cancelEmail]');
  expect(stdout).toContain('2 exchanges, 0 with violations');
  expect(code).toBe(0);
});

it('accepts journaled HEAD exchanges, bodiless, as the GET operation they route to, with exit 0', async () => {
  await fetch(`${mock.url}/webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/*`, {
    method: 'HEAD',
    headers: { 'x-omeda-appid': 'my-app' },
  });
  await fetch(`${mock.url}/Service.asmx?wsdl`, { method: 'HEAD' });
  const { requests } = (await (await fetch(`${mock.url}/__admin/requests`)).json()) as { requests: JournalEntry[] };
  expect(requests.map((entry) => [entry.request.method, entry.response.body])).toEqual([
    ['HEAD', ''],
    ['HEAD', ''],
  ]);
  const { code, stdout } = await runCli(['validate', await writeJson('head-journal', { requests })]);
  expect(stdout).toContain('[omeda.lookupDeployment]');
  expect(stdout).toContain('[sfmc.getServiceWsdl]');
  expect(stdout).toContain('2 exchanges, 0 with violations');
  expect(code).toBe(0);
});

it('reports, from a real HAR file, the operation, rule and place of each broken exchange and exits 1', async () => {
  const requests = await recordTraffic();
  const good = requests.map(toHarEntry);
  const [omeda] = requests as [JournalEntry];
  // Recorded on another host: operations match by path whatever the origin.
  const elsewhere = (url: string) => url.replace(mock.url, 'https://ows.omedastaging.com');
  const badRequest = toHarEntry({
    request: {
      ...omeda.request,
      url: elsewhere(omeda.request.url),
      body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'X'.repeat(51) }),
    },
    response: omeda.response,
  });
  const badResponse = toHarEntry({ request: omeda.request, response: { ...omeda.response, body: JSON.stringify({ SubmissionId: 7 }) } });
  const undocumented = toHarEntry({ request: omeda.request, response: { ...omeda.response, status: 418 } });
  const unknown = toHarEntry({
    request: { ...omeda.request, url: `${mock.url}/webservices/rest/brand/FOO/omail/deployment/uncancel` },
    response: omeda.response,
  });
  // The mock's own refusal (a malformed Prefer) recorded as the answer: no vendor's, and said so.
  const refusal = await fetch(omeda.request.url, {
    method: 'POST',
    headers: { ...omeda.request.headers, prefer: 'code=4 04' },
    body: omeda.request.body,
  });
  const mockProblem = toHarEntry({
    request: omeda.request,
    response: {
      status: refusal.status,
      headers: { 'content-type': refusal.headers.get('content-type') ?? '' },
      body: await refusal.text(),
    },
  });
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: [...good, badRequest, badResponse, undocumented, unknown, mockProblem],
    },
  };

  const { code, stdout } = await runCli(['validate', await writeJson('traffic.har', har)]);
  expect(code).toBe(1);
  expect(stdout).toMatch(/ok {3}entries\[0\] POST .* → 200 \[omeda\.cancelDeployment\]/);
  expect(stdout).toMatch(
    /FAIL entries\[2\] POST https:\/\/ows\.omedastaging\.com\/webservices.* → 200 \[omeda\.cancelDeployment\]\n {7}request body \/TrackId: must NOT have more than 50 characters \(maxLength\)/,
  );
  expect(stdout).toMatch(/FAIL entries\[3\] .*\n(?: {7}.*\n)* {7}response body \/SubmissionId: must be string \(type\)/);
  expect(stdout).toMatch(
    /FAIL entries\[4\] .* → 418 \[omeda\.cancelDeployment\]\n {7}status: status 418 is not documented for this operation \(status\)/,
  );
  expect(stdout).toMatch(
    /FAIL entries\[5\] POST .*\/uncancel → 200 \[unknown endpoint\]\n {7}request path: no documented operation matches POST \/webservices\/rest\/brand\/FOO\/omail\/deployment\/uncancel; closest documented route: POST \/webservices\/rest\/brand\/\{brandAbbreviation\}\/omail\/deployment\/cancel \(unknown-route\)/,
  );
  expect(stdout).toMatch(
    /FAIL entries\[6\] POST .* → 400 \[omeda\.cancelDeployment\]\n {7}response body: the mock's own problem malformed-prefer, not a vendor answer: .+ \(mock-problem\)\n/,
  );
  expect(stdout).toContain('7 exchanges, 5 with violations');
});

// Two CLI runs from source: give them the time a loaded CI machine needs (20 s was seen to run out).
it('validates SOAP exchanges by decoding the XML envelopes, pointing into the envelope', async () => {
  const response = await fetch(`${mock.url}/Service.asmx`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml', soapaction: 'Perform' },
    body: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><Security xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><UsernameToken><Username>XXX</Username><Password>XXX</Password></UsernameToken></Security></soap:Header><soap:Body><PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Action>cancel</Action><Definitions><Definition><ID>404404</ID></Definition></Definitions></PerformRequestMsg></soap:Body></soap:Envelope>',
  });
  expect(await response.text()).toContain('<ErrorCode>');
  const { requests } = (await (await fetch(`${mock.url}/__admin/requests`)).json()) as { requests: JournalEntry[] };
  const clean = await runCli(['validate', await writeJson('soap-clean', requests)]);
  expect(clean.stdout).toContain('1 exchanges, 0 with violations');
  expect(clean.code).toBe(0);

  const [entry] = requests as [JournalEntry];
  const broken = { ...entry, response: { ...entry.response, body: entry.response.body.replace(/<ErrorCode>[^<]*</, '<ErrorCode>none<') } };
  const { code, stdout } = await runCli(['validate', await writeJson('soap-broken', [broken])]);
  expect(code).toBe(1);
  expect(stdout).toMatch(
    /FAIL requests\[0\] \(journal id \d+\) POST .*\/Service\.asmx → 200 \[sfmc\.perform\]\n {7}response body \/Envelope\/Body\/PerformResponseMsg\/Results\/Result\/0\/ErrorCode: must be integer \(type\)/,
  );
}, 60_000);

/** A HAR of the recorded traffic plus what a browser also records: a page asset on another host. */
async function mixedHar(): Promise<string> {
  const requests = await recordTraffic();
  const asset = toHarEntry({
    request: { method: 'GET', url: 'https://cdn.example.com/app.js', headers: {}, body: '' },
    response: { status: 200, headers: { 'content-type': 'text/javascript' }, body: '' },
  });
  return writeJson('mixed.har', {
    log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [...requests.map(toHarEntry), asset] },
  });
}

it('checks only the vendors named by --vendor and skips requests to no vendor with --ignore-unknown', async () => {
  const { code, stdout } = await runCli(['validate', await mixedHar(), '--vendor', 'omeda', '--ignore-unknown']);
  expect(stdout).toContain('[omeda.cancelDeployment]');
  expect(stdout).not.toContain('voltmx');
  expect(stdout).toContain('1 exchanges, 0 with violations (skipped: 1 other vendor, 1 not to a vendor)');
  expect(code).toBe(0);
}, 60_000);

it('checks only the requests to the hosts given with --hosts', async () => {
  const { code, stdout } = await runCli(['validate', await mixedHar(), '--hosts', new URL(mock.url).host]);
  expect(stdout).not.toContain('cdn.example.com');
  expect(stdout).toContain('2 exchanges, 0 with violations (skipped: 1 other host)');
  expect(code).toBe(0);
}, 60_000);

it('reports a journal export whose ring buffer dropped exchanges, and fails on it with --fail-on-dropped', async () => {
  const small = await startServer({ port: 0, journalCapacity: 3 });
  try {
    for (let index = 0; index < 5; index++) await fetch(`${small.url}/api/v1/email/7131002087805116277/cancel`, { method: 'POST' });
    const exported = (await (await fetch(`${small.url}/__admin/requests`)).json()) as {
      requests: unknown[];
      dropped: number;
      capacity: number;
    };
    expect({ kept: exported.requests.length, dropped: exported.dropped, capacity: exported.capacity }).toEqual({
      kept: 3,
      dropped: 2,
      capacity: 3,
    });
    const file = await writeJson('dropped', exported);
    const warned = await runCli(['validate', file]);
    expect(warned.stdout).toContain(
      'warning: the journal dropped 2 older exchanges before this export (it keeps 3): they were not checked.',
    );
    expect(warned.code).toBe(0);
    const failed = await runCli(['validate', file, '--fail-on-dropped']);
    expect(failed.stdout).toContain('FAIL: the journal dropped 2 older exchanges');
    expect(failed.code).toBe(1);
  } finally {
    await small.close();
  }
}, 60_000);
