import { expect, it } from 'vitest';
import { createEventStreamParser, type StreamEvent } from './event-stream-parser.ts';

const parseAll = (chunks: readonly string[]): StreamEvent[] => {
  const events: StreamEvent[] = [];
  const feed = createEventStreamParser((event) => events.push(event));
  for (const chunk of chunks) feed(chunk);
  return events;
};

it('reads named events with their ids and skips comments and retry lines', () => {
  expect(parseAll(['retry: 1000\n\n: keep-alive\n\nevent: exchange\nid: 7\ndata: {"id":7}\n\nevent: clear\ndata: {}\n\n'])).toEqual([
    { event: 'exchange', id: '7', data: '{"id":7}' },
    { event: 'clear', id: '7', data: '{}' },
  ]);
});

it('puts an event back together from chunks cut anywhere, CRLF line ends included', () => {
  const text = 'event: exchange\r\nid: 1\r\ndata: {"a":"b"}\r\n\r\ndata: plain\r\n\r\n';
  for (let cut = 1; cut < text.length; cut++) {
    expect(parseAll([text.slice(0, cut), text.slice(cut)])).toEqual([
      { event: 'exchange', id: '1', data: '{"a":"b"}' },
      { event: 'message', id: '1', data: 'plain' },
    ]);
  }
});

it('joins several data lines with a newline and waits for the blank line that ends the event', () => {
  expect(parseAll(['data: one\ndata: two\n'])).toEqual([]);
  expect(parseAll(['data: one\ndata:two\n\n'])).toEqual([{ event: 'message', data: 'one\ntwo' }]);
});
