import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createRequestJournal, MAX_JOURNAL_CAPACITY, type NewJournalEntry, runAnswerCheck } from './request-journal.ts';

/** A full garbage collection, so heap figures count only what is still referenced. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const entry = (status: number, body = ''): NewJournalEntry => ({
  time: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
  vendor: 'omeda',
  operationId: 'cancelDeployment',
  request: { method: 'POST', url: 'https://ows.omeda.com/x', headers: {}, body },
  response: { status, headers: {}, body: '' },
  forced: null,
  validation: { request: [], response: [] },
});

describe('createRequestJournal', () => {
  it('keeps the newest entries, oldest first, once the ring is full', () => {
    const journal = createRequestJournal(3);
    for (const status of [200, 201, 202, 203, 204]) journal.record(entry(status));
    expect(journal.entries().map((e) => [e.id, e.response.status])).toEqual([
      [3, 202],
      [4, 203],
      [5, 204],
    ]);
  });

  it('turns the request Headers into a plain record only when they are read, and once', () => {
    const headers = new Headers({ 'x-omeda-appid': 'abc' });
    let reads = 0;
    const forEach = headers.forEach.bind(headers);
    headers.forEach = (...args: Parameters<Headers['forEach']>) => {
      reads++;
      forEach(...args);
    };
    const journal = createRequestJournal(1);
    const read = journal.record({ ...entry(200), request: { ...entry(200).request, headers } }).read();
    expect(read.request.method).toBe('POST');
    expect(reads).toBe(0);
    expect(read.request.headers).toEqual({ 'x-omeda-appid': 'abc' });
    expect(JSON.parse(JSON.stringify(read)).request.headers).toEqual({ 'x-omeda-appid': 'abc' });
    expect(reads).toBe(1);
  });

  it('works out the answer issues it was handed as a check only when they are read, and once', () => {
    let checks = 0;
    const issue = { location: 'response-body', pointer: '/Errors', keyword: 'required', message: 'x' } as const;
    const check = () => {
      checks++;
      return [issue];
    };
    const journal = createRequestJournal(1);
    const read = journal.record({ ...entry(400), validation: { request: [], response: check } }).read();
    expect(read.validation.request).toEqual([]);
    expect(checks).toBe(0);
    expect(read.validation.response).toEqual([issue]);
    expect(JSON.parse(JSON.stringify(journal.entries()[0])).validation).toEqual({ request: [], response: [issue] });
    expect(checks).toBe(1);
  });

  it('tells subscribers of each exchange and clear as it happens, until they unsubscribe', () => {
    const journal = createRequestJournal(1);
    const heard: string[] = [];
    const unsubscribe = journal.subscribe((event) =>
      heard.push(event.type === 'clear' ? 'clear' : `${event.entry.id}:${event.entry.response.status}`),
    );
    journal.record(entry(200));
    journal.record(entry(404));
    journal.clear();
    unsubscribe();
    journal.record(entry(500));
    expect(heard).toEqual(['1:200', '2:404', 'clear']);
  });

  it('drops a subscriber that throws and still records the exchange for the others', () => {
    const journal = createRequestJournal(2);
    const heard: number[] = [];
    journal.subscribe(() => {
      throw new Error('broken reader');
    });
    journal.subscribe((event) => event.type === 'exchange' && heard.push(event.entry.id));
    journal.record(entry(200));
    journal.record(entry(201));
    expect(heard).toEqual([1, 2]);
    expect(journal.entries().map((e) => e.id)).toEqual([1, 2]);
  });

  it('forgets everything on clear but keeps counting ids', () => {
    const journal = createRequestJournal(2);
    journal.record(entry(200));
    journal.clear();
    expect(journal.entries()).toEqual([]);
    expect(journal.record(entry(201)).id).toBe(2);
    expect(journal.entries().map((e) => e.id)).toEqual([2]);
  });

  it('truncates bodies past 64 KiB and says how much it cut', () => {
    const journal = createRequestJournal(1);
    const kept = journal.record(entry(200, 'x'.repeat(64 * 1024 + 10))).read();
    expect(kept.request.body).toMatch(/…\[truncated 10 chars\]$/);
  });

  it('reads recorded Headers and an epoch start time as a plain header object and an ISO time', () => {
    const journal = createRequestJournal(1);
    const raw = entry(200);
    journal.record({ ...raw, time: Date.UTC(2026, 0, 15), request: { ...raw.request, headers: new Headers({ 'X-Omeda-AppId': 'a' }) } });
    expect(journal.entries()[0]).toMatchObject({ time: '2026-01-15T00:00:00.000Z', request: { headers: { 'x-omeda-appid': 'a' } } });
  });

  it('journals nothing with capacity 0, and refuses a negative capacity', () => {
    const journal = createRequestJournal(0);
    journal.record(entry(200));
    expect(journal.entries()).toEqual([]);
    expect(() => createRequestJournal(-1)).toThrow(RangeError);
  });

  it('counts the exchanges its ring buffer dropped since the last clear', () => {
    const journal = createRequestJournal(2);
    for (let index = 0; index < 5; index++) journal.record(entry(200));
    expect(journal.dropped()).toBe(3);
    journal.clear();
    expect(journal.dropped()).toBe(0);
  });

  it('keeps no reference to a recorded request body: reading an entry never touches the input again', () => {
    const journal = createRequestJournal(1);
    let bodyReads = 0;
    const raw = entry(200);
    const request = {
      ...raw.request,
      get body() {
        bodyReads += 1;
        return 'x'.repeat(70 * 1024);
      },
    };
    const recorded = journal.record({ ...raw, request });
    bodyReads = 0;
    expect(recorded.read().request.body).toMatch(/…\[truncated 6144 chars\]$/);
    expect(bodyReads).toBe(0);
  });

  it('holds 64 KiB of each 1 MiB body in memory, not the whole body', () => {
    const journal = createRequestJournal(100);
    collectGarbage();
    // Bodies are kept as bytes outside the heap: count both.
    const used = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const before = used();
    for (let index = 0; index < 100; index += 1) journal.record(entry(200, `${index}`.padEnd(1024 * 1024, 'x')));
    collectGarbage();
    const grownMiB = (used() - before) / 1024 / 1024;
    // 100 × 64 KiB ≈ 6.4 MiB kept; the whole bodies would be 100 MiB.
    expect(grownMiB).toBeLessThan(40);
    expect(grownMiB).toBeGreaterThan(5);
    expect(journal.entries()).toHaveLength(100);
  });

  it('gives back every body exactly as recorded: empty, ASCII, accented, astral and with lone surrogates', () => {
    const bodies = ['', '{"a":1}', 'café ünïcode €', '😀 and 𝄞', 'lone \uD800 high', 'lone \uDFFF low', '\uDC00\uD800 reversed', 'é'];
    const journal = createRequestJournal(bodies.length);
    for (const [index, body] of bodies.entries()) {
      const raw = entry(200, body);
      journal.record({ ...raw, response: { ...raw.response, body: bodies[bodies.length - 1 - index] as string } });
    }
    const read = journal.entries();
    expect(read.map((e) => e.request.body)).toEqual(bodies);
    expect(read.map((e) => e.response.body)).toEqual([...bodies].reverse());
    expect(read.map((e) => e.request.body.isWellFormed())).toEqual(bodies.map((body) => body.isWellFormed()));
  });

  it('keeps the newest entries in order as its columns grow past their first room and the ring wraps', () => {
    const journal = createRequestJournal(150);
    for (let index = 1; index <= 400; index++) journal.record({ ...entry(200 + (index % 300), `body ${index}`), durationMs: index / 10 });
    const read = journal.entries();
    expect(read).toHaveLength(150);
    expect(read.map((e) => e.id)).toEqual(Array.from({ length: 150 }, (_, index) => 251 + index));
    expect(
      read.every((e) => e.request.body === `body ${e.id}` && e.durationMs === e.id / 10 && e.response.status === 200 + (e.id % 300)),
    ).toBe(true);
    expect(journal.dropped()).toBe(250);
  });

  it('gives back each entry its own large bodies while the ring wraps many times over reused chunks', () => {
    const journal = createRequestJournal(40);
    const bodyOf = (id: number, side: string) => `${side}${id}:`.padEnd(8_000 + ((id * 7_919) % 24_000), side);
    for (let id = 1; id <= 1_000; id++) {
      const raw = entry(200, bodyOf(id, 'q'));
      journal.record({ ...raw, response: { ...raw.response, body: bodyOf(id, 's') } });
      if (id % 97 === 0) {
        const read = journal.entries();
        expect(read.every((e) => e.request.body === bodyOf(e.id, 'q') && e.response.body === bodyOf(e.id, 's'))).toBe(true);
      }
    }
    const read = journal.entries();
    expect(read.map((e) => e.id)).toEqual(Array.from({ length: 40 }, (_, index) => 961 + index));
    expect(read.every((e) => e.request.body === bodyOf(e.id, 'q') && e.response.body === bodyOf(e.id, 's'))).toBe(true);
  });

  it('shares one frozen header record between exchanges whose headers are equal, and keeps distinct ones apart', () => {
    const journal = createRequestJournal(3);
    const raw = entry(200);
    const headers = { 'content-type': 'application/json', host: 'localhost' };
    journal.record({ ...raw, request: { ...raw.request, headers: { ...headers } } });
    const mutable = { ...headers };
    journal.record({ ...raw, request: { ...raw.request, headers: mutable } });
    journal.record({ ...raw, request: { ...raw.request, headers: { ...headers, host: 'other' } } });
    mutable.host = 'changed after recording';
    const [first, second, third] = journal.entries().map((e) => e.request.headers);
    expect(first).toBe(second);
    expect(first).toEqual(headers);
    expect(Object.isFrozen(first)).toBe(true);
    expect(third).toEqual({ ...headers, host: 'other' });
  });

  it('leaves the ring as it was when it refuses an input, full or not, and keeps the next one', () => {
    const broken = { ...entry(500), validation: { request: undefined, response: [] } } as unknown as NewJournalEntry;
    for (const capacity of [3, 2]) {
      const journal = createRequestJournal(capacity);
      journal.record(entry(200, 'a'));
      journal.record(entry(201, 'b'));
      expect(() => journal.record(broken)).toThrow(TypeError);
      expect(journal.entries().map((e) => [e.response.status, e.request.body])).toEqual([
        [200, 'a'],
        [201, 'b'],
      ]);
      expect(journal.dropped()).toBe(0);
      journal.record(entry(202, 'c'));
      expect(journal.entries().map((e) => e.request.body)).toEqual(capacity === 3 ? ['a', 'b', 'c'] : ['b', 'c']);
    }
  });

  it('reads an entry through the handle record() gave even after the ring has wrapped over it', () => {
    const journal = createRequestJournal(1);
    const first = journal.record({ ...entry(201, 'first body'), time: Date.UTC(2026, 0, 2) });
    journal.record(entry(202, 'second body'));
    expect(first.read()).toMatchObject({
      id: 1,
      time: '2026-01-02T00:00:00.000Z',
      request: { body: 'first body' },
      response: { status: 201 },
    });
    expect(journal.entries().map((e) => e.request.body)).toEqual(['second body']);
  });

  it('runs an answer check once, whether the handle or a read of the journal comes first', () => {
    let checks = 0;
    const check = () => {
      checks++;
      return [];
    };
    const journal = createRequestJournal(2);
    const raw = entry(200);
    const byHandle = journal.record({ ...raw, validation: { request: [], response: check } });
    runAnswerCheck(byHandle);
    expect(journal.entries()[0]?.validation.response).toEqual([]);
    expect(checks).toBe(1);
    const byRead = journal.record({ ...raw, validation: { request: [], response: check } });
    expect(journal.entries()[1]?.validation.response).toEqual([]);
    runAnswerCheck(byRead);
    expect(byRead.read().validation.response).toEqual([]);
    expect(checks).toBe(2);
  });

  it('refuses a capacity above 100,000 with a RangeError that names the bound', () => {
    expect(() => createRequestJournal(MAX_JOURNAL_CAPACITY + 1)).toThrow(/from 0 to 100000/);
    expect(() => createRequestJournal(4_294_967_296)).toThrow(RangeError);
    expect(createRequestJournal(MAX_JOURNAL_CAPACITY).capacity).toBe(100_000);
  });

  it('reads one page of entries after a given id, oldest first, across the ring wrap', () => {
    const journal = createRequestJournal(4);
    for (const status of [200, 201, 202, 203, 204, 205]) journal.record(entry(status));
    expect(journal.entries().map((e) => e.id)).toEqual([3, 4, 5, 6]);
    expect(journal.entries({ limit: 2 }).map((e) => e.id)).toEqual([3, 4]);
    expect(journal.entries({ after: 4, limit: 1 }).map((e) => e.id)).toEqual([5]);
    expect(journal.entries({ after: 4 }).map((e) => e.id)).toEqual([5, 6]);
    expect(journal.entries({ after: 6 })).toEqual([]);
    expect(journal.entries({ after: 0, limit: 0 })).toEqual([]);
  });
});
