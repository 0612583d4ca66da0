import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createLogWriter } from './log-writer.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function recordingSink() {
  const writes: string[] = [];
  return { writes, sink: { write: (text: string) => writes.push(text) } };
}

it('writes nothing while the turn that added the lines runs', () => {
  const { writes, sink } = recordingSink();
  const writer = createLogWriter((n: number) => `line ${n}`, sink);
  writer.add(1);
  writer.add(2);
  expect(writes).toEqual([]);
});

it('writes every line added within a few milliseconds in one write, in order, once they pass', () => {
  const { writes, sink } = recordingSink();
  const writer = createLogWriter((n: number) => `line ${n}`, sink);
  writer.add(1);
  writer.add(2);
  writer.add(3);
  vi.runAllTimers();
  expect(writes).toEqual(['line 1\nline 2\nline 3\n']);
});

it('gathers lines added in separate turns of the event loop into one write', () => {
  const { writes, sink } = recordingSink();
  const writer = createLogWriter((n: number) => `line ${n}`, sink);
  writer.add(1);
  vi.advanceTimersByTime(2);
  writer.add(2);
  expect(writes).toEqual([]);
  vi.advanceTimersByTime(20);
  expect(writes).toEqual(['line 1\nline 2\n']);
});

it('formats the lines of a turn once the turn is over, and writes them only later', () => {
  const { writes, sink } = recordingSink();
  const format = vi.fn((n: number) => `line ${n}`);
  const writer = createLogWriter(format, sink);
  writer.add(1);
  writer.add(2);
  expect(format).not.toHaveBeenCalled();
  vi.advanceTimersByTime(0);
  expect(format).toHaveBeenCalledTimes(2);
  expect(writes).toEqual([]);
  vi.runAllTimers();
  expect(format).toHaveBeenCalledTimes(2);
  expect(writes).toEqual(['line 1\nline 2\n']);
});

it('writes each value as it was when its turn ended: the writer does not keep it until the write', () => {
  const { writes, sink } = recordingSink();
  const writer = createLogWriter((value: { status: number }) => `status ${value.status}`, sink);
  const value = { status: 200 };
  writer.add(value);
  vi.advanceTimersByTime(0);
  value.status = 500;
  vi.runAllTimers();
  expect(writes).toEqual(['status 200\n']);
});

it('writes the lines of several turns in the order they were added, and a line per value', () => {
  const { writes, sink } = recordingSink();
  const writer = createLogWriter((n: number) => String(n), sink);
  writer.add(1);
  writer.add(2);
  vi.advanceTimersByTime(1);
  writer.add(3);
  vi.advanceTimersByTime(1);
  writer.add(4);
  writer.add(5);
  vi.advanceTimersByTime(20);
  expect(writes).toEqual(['1\n2\n3\n4\n5\n']);
});

it('writes at once when a thousand lines are waiting, so a busy turn holds no more', () => {
  const { writes, sink } = recordingSink();
  const writer = createLogWriter((n: number) => String(n), sink);
  for (let n = 0; n < 1000; n++) writer.add(n);
  expect(writes).toHaveLength(1);
  expect(writes[0]?.split('\n')).toHaveLength(1001);
  writer.add(1000);
  vi.runAllTimers();
  expect(writes).toEqual([writes[0], '1000\n']);
});

it('writes what is pending on flush, formatted or not, and nothing twice', () => {
  const { writes, sink } = recordingSink();
  const writer = createLogWriter((n: number) => `line ${n}`, sink);
  writer.add(1);
  vi.advanceTimersByTime(0);
  writer.add(2);
  writer.flush();
  expect(writes).toEqual(['line 1\nline 2\n']);
  vi.runAllTimers();
  writer.flush();
  expect(writes).toEqual(['line 1\nline 2\n']);
});
