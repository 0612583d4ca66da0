import { describe, expect, it } from 'vitest';
import type { VendorModule } from '../vendor/vendor-module.ts';
import { VENDOR_MODULES } from '../vendors.ts';
import { createEngine } from './create-engine.ts';

const CANCEL = 'https://ows.omeda.com/webservices/rest/brand/FOO/omail/deployment/cancel/*';

/** Omeda with a cancel handler whose answer breaks openapi/omeda.yaml (`SubmissionId` must be a string). */
const drifting: VendorModule = {
  ...(VENDOR_MODULES.omeda as VendorModule),
  operations: {
    ...(VENDOR_MODULES.omeda as VendorModule).operations,
    cancelDeployment: () => ({ status: 200, body: { SubmissionId: 1 } }),
  },
};

const cancel = () =>
  new Request(CANCEL, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'app', 'content-type': 'application/json' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  });

describe('handleRequest', () => {
  it('journals what the spec says of an answer it sent with strict mode off', async () => {
    const engine = createEngine({ modules: [drifting], strict: false });
    expect((await engine.handle(cancel())).status).toBe(200);
    const [entry] = engine.journal.entries();
    expect(entry?.validation.response.map((issue) => `${issue.location} ${issue.pointer} ${issue.keyword}`)).toEqual([
      'response-body /ResponseInfo required',
      'response-body /SubmissionId type',
    ]);
    expect(JSON.parse(JSON.stringify(entry)).validation.response).toHaveLength(2);
  });

  it('journals the same issues when the entry is first read after the turn its answer was sent in', async () => {
    const engine = createEngine({ modules: [drifting], strict: false });
    expect((await engine.handle(cancel())).status).toBe(200);
    // The check runs once the turn is over (after the answer is written), when no one read it before.
    await new Promise((resolve) => setImmediate(resolve));
    const [entry] = engine.journal.entries();
    expect(entry?.validation.response.map((issue) => `${issue.location} ${issue.pointer} ${issue.keyword}`)).toEqual([
      'response-body /ResponseInfo required',
      'response-body /SubmissionId type',
    ]);
  });

  it('answers strict-violation for the same answer with strict mode on, and journals the issues', async () => {
    const engine = createEngine({ modules: [drifting], strict: true });
    const response = await engine.handle(cancel());
    expect(response.status).toBe(500);
    expect(((await response.json()) as { type: string }).type).toMatch(/strict-violation$/);
    expect(engine.journal.entries()[0]?.validation.response).toHaveLength(2);
  });

  it('journals the request headers it was handed as a record, instead of reading request.headers', async () => {
    const engine = createEngine({ modules: [drifting], strict: false });
    const headers = { 'content-length': '61', 'content-type': 'application/json', 'x-omeda-appid': 'app' };
    await engine.handle(cancel(), { headers });
    expect(engine.journal.entries()[0]?.request.headers).toEqual(headers);
  });

  it('gives each handler the origin its request came to, also when the origins of requests alternate', async () => {
    const origins: string[] = [];
    const recording: VendorModule = {
      ...drifting,
      operations: {
        ...drifting.operations,
        cancelDeployment: (_request, context) => {
          origins.push(context.origin);
          return { status: 200, body: { SubmissionId: 1 } };
        },
      },
    };
    const engine = createEngine({ modules: [recording], strict: false });
    const sent = [
      'https://ows.omeda.com',
      'http://127.0.0.1:4010',
      'http://127.0.0.1:4010',
      'http://127.0.0.1:40100',
      'http://127.0.0.1:4010',
      'HTTP://Example.COM:80',
    ];
    for (const origin of sent) await engine.handle(new Request(CANCEL.replace('https://ows.omeda.com', origin), cancel()));
    expect(origins).toEqual([
      'https://ows.omeda.com',
      'http://127.0.0.1:4010',
      'http://127.0.0.1:4010',
      'http://127.0.0.1:40100',
      'http://127.0.0.1:4010',
      'http://example.com',
    ]);
    expect(engine.journal.entries().map((entry) => new URL(entry.request.url).origin)).toEqual(origins);
  });
});
