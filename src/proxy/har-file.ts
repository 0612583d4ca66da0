import { closeSync, openSync, writeSync } from 'node:fs';
import type { JournalEntry } from '../journal/request-journal.ts';

/** Appends exchanges to a HAR 1.2 file that is complete (valid JSON) after every write. */
export interface HarFile {
  append(entry: JournalEntry): void;
  close(): void;
}

const TRAILER = '\n]}}\n';

/**
 * Writes the proxied traffic as HAR 1.2, which `esp-cancel-mock validate` (and browsers' dev tools)
 * read back. Each entry overwrites the closing brackets and writes them again after itself, so a
 * proxy stopped at any moment leaves a readable file, and the cost stays linear in the traffic.
 * Entries are the journal's, so their secrets are already redacted.
 *
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
export function createHarFile(path: string, creatorVersion: string): HarFile {
  const fd = openSync(path, 'w');
  const head = `{"log":{"version":"1.2","creator":{"name":"esp-cancel-mock proxy","version":${JSON.stringify(creatorVersion)}},"entries":[`;
  writeSync(fd, head + TRAILER, 0);
  let position = Buffer.byteLength(head);
  let first = true;
  let open = true;
  return {
    append(entry) {
      if (!open) return;
      const text = `${first ? '\n' : ',\n'}${JSON.stringify(toHarEntry(entry))}`;
      first = false;
      writeSync(fd, text + TRAILER, position);
      position += Buffer.byteLength(text);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}

/** One journal entry as a HAR entry (headers as name/value lists, bodies as text). */
export function toHarEntry(entry: JournalEntry): unknown {
  const url = new URL(entry.request.url);
  const list = (headers: Readonly<Record<string, string>>) => Object.entries(headers).map(([name, value]) => ({ name, value }));
  const requestType = entry.request.headers['content-type'];
  const responseType = entry.response.headers['content-type'] ?? '';
  return {
    startedDateTime: entry.time,
    time: entry.durationMs,
    request: {
      method: entry.request.method,
      url: entry.request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: list(entry.request.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(entry.request.body === '' ? {} : { postData: { mimeType: requestType ?? '', text: entry.request.body } }),
      headersSize: -1,
      bodySize: Buffer.byteLength(entry.request.body),
    },
    response: {
      status: entry.response.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: list(entry.response.headers),
      content: { size: Buffer.byteLength(entry.response.body), mimeType: responseType, text: entry.response.body },
      redirectURL: '',
      headersSize: -1,
      bodySize: Buffer.byteLength(entry.response.body),
    },
    cache: {},
    timings: { send: 0, wait: entry.durationMs, receive: 0 },
    _operation: entry.vendor === null ? null : (entry.operationId ?? `${entry.vendor}.(unknown endpoint)`),
    _violations: entry.validation,
  };
}
