import type { WireRequest, WireResponse } from '../engine/check-exchange.ts';

/** One recorded exchange: the request an app made and the answer it got. */
export interface RecordedExchange {
  /** Where it came from: `entries[3]` of a HAR, `requests[3]` (journal id 7) of a journal export. */
  readonly label: string;
  readonly request: WireRequest;
  readonly response: WireResponse;
}

interface HarHeader {
  readonly name: string;
  readonly value: string;
}
interface HarEntry {
  readonly request: { method: string; url: string; headers?: HarHeader[]; postData?: { mimeType?: string; text?: string } };
  readonly response: { status: number; headers?: HarHeader[]; content?: { mimeType?: string; text?: string; encoding?: string } };
}
interface JournalExchange {
  readonly id?: number;
  readonly request: WireRequest;
  readonly response: WireResponse;
}

/** Recorded traffic as read; a journal export also says how many exchanges its ring buffer dropped. */
export interface RecordedTraffic {
  readonly ok: true;
  readonly exchanges: RecordedExchange[];
  /** From a journal export: exchanges dropped before it was taken (unknown for a HAR file). */
  readonly dropped?: number;
  readonly capacity?: number;
}

/**
 * Reads recorded traffic, auto-detecting the format: a HAR 1.2 file (`log.entries`) or the JSON of
 * `GET /__admin/requests` (`{ requests: [...] }`, or the bare array of journal entries).
 * Returns an error sentence for anything else.
 *
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
export function readRecordedExchanges(text: string): RecordedTraffic | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON: ${(error as Error).message}` };
  }
  const har = (data as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (Array.isArray(har)) return { ok: true, exchanges: (har as HarEntry[]).map(fromHar) };
  const journal = Array.isArray(data) ? data : (data as { requests?: unknown } | null)?.requests;
  if (Array.isArray(journal)) {
    const { dropped, capacity } = (Array.isArray(data) ? {} : data) as { dropped?: unknown; capacity?: unknown };
    return {
      ok: true,
      ...(typeof dropped === 'number' ? { dropped } : {}),
      ...(typeof capacity === 'number' ? { capacity } : {}),
      exchanges: (journal as JournalExchange[]).map((entry, index) => ({
        label: `requests[${index}]${entry.id === undefined ? '' : ` (journal id ${entry.id})`}`,
        request: { ...entry.request, body: entry.request.body ?? '' },
        response: { ...entry.response, body: entry.response.body ?? '' },
      })),
    };
  }
  return { ok: false, message: 'neither a HAR file (log.entries) nor a journal export (requests)' };
}

function fromHar(entry: HarEntry, index: number): RecordedExchange {
  const headers = (list: readonly HarHeader[] | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    // HTTP/2 pseudo-headers (`:authority`) are not request headers an API reads.
    for (const { name, value } of list ?? []) if (!name.startsWith(':')) out[name.toLowerCase()] = value;
    return out;
  };
  const requestHeaders = headers(entry.request.headers);
  const postData = entry.request.postData;
  if (postData?.mimeType && requestHeaders['content-type'] === undefined) requestHeaders['content-type'] = postData.mimeType;
  const responseHeaders = headers(entry.response.headers);
  const content = entry.response.content;
  if (content?.mimeType && responseHeaders['content-type'] === undefined) responseHeaders['content-type'] = content.mimeType;
  const text = content?.text ?? '';
  return {
    label: `entries[${index}]`,
    request: { method: entry.request.method, url: entry.request.url, headers: requestHeaders, body: postData?.text ?? '' },
    response: {
      status: entry.response.status,
      headers: responseHeaders,
      body: content?.encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text,
    },
  };
}
