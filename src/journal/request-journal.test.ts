import { describe, expect, it } from 'vitest';
import { createRequestJournal, type NewJournalEntry } from './request-journal.ts';

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
});
