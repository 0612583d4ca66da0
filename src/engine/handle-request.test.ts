import { describe, expect, it, vi } from 'vitest';
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

/** A cancel whose body stream fails after its first bytes, as a client that hangs up mid-upload leaves it. */
const brokenOff = (headers: Record<string, string>) =>
  new Request(CANCEL, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'app', ...headers },
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"UserId":'));
        controller.error(new Error('aborted'));
      },
    }),
    duplex: 'half',
  } as RequestInit);

describe('handleRequest', () => {
  it.each([
    ['a declared length', { 'content-type': 'application/json', 'content-length': '60' }],
    ['a streamed body', { 'content-type': 'application/json' }],
    ['a body read as bytes for its charset', { 'content-type': 'application/json; charset=utf-16', 'content-length': '60' }],
  ])('answers a body that breaks off (%s) with no answer, no journal entry and no internal error', async (_, headers) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const engine = createEngine({ modules: [VENDOR_MODULES.omeda as VendorModule] });
      const response = await engine.handle(brokenOff(headers));
      expect(response.type).toBe('error');
      expect(engine.journal.entries()).toEqual([]);
      expect(logged).not.toHaveBeenCalled();
      expect((await engine.handle(cancel())).status).toBe(200);
      expect(engine.journal.entries()).toHaveLength(1);
    } finally {
      logged.mockRestore();
    }
  });

  it('answers a body the mock cannot read (already used) as its own internal error, journaled and logged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const engine = createEngine({ modules: [VENDOR_MODULES.omeda as VendorModule] });
      const used = cancel();
      await used.text();
      const response = await engine.handle(used);
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ code: 'internal-mock-error' });
      expect(engine.journal.entries()).toHaveLength(1);
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
  });

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
