import { writeSync } from 'node:fs';

/** Where a `LogWriter` sends its text: a stream such as `process.stdout`. */
export interface LogSink {
  write(text: string): unknown;
}

/**
 * Buffered, asynchronous log output: `add` keeps a value, and the values added within a few
 * milliseconds (`FLUSH_AFTER_MS`) are formatted and written together in one `write` — after the answers
 * they describe are on their way. Under load that is one write call for many requests instead of one
 * each (a pipe or file write is synchronous in Node). `flush` writes what is pending at once.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/process.html#a-note-on-process-io
 */
export interface LogWriter<T> {
  add(value: T): void;
  flush(): void;
}

/** Pending lines are written once this many are waiting, whatever the time (bounds the memory held). */
const MAX_PENDING = 1000;

/**
 * How long the first pending line waits for others. One event-loop turn holds the answers of only a
 * few requests, so writing once per turn still cost a write per two or three requests (a third of the
 * log's cost under load); a person or a CI log does not see 10 ms.
 */
const FLUSH_AFTER_MS = 10;

export function createLogWriter<T>(format: (value: T) => string, sink: LogSink): LogWriter<T> {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const values = pending;
    pending = [];
    let text = '';
    for (const value of values) text += `${format(value)}\n`;
    sink.write(text);
  };
  return {
    add(value) {
      pending.push(value);
      if (pending.length >= MAX_PENDING) flush();
      // Unref'd: pending lines never hold a process open (`createStdoutLogWriter` writes them on exit).
      else if (timer === undefined) timer = setTimeout(flush, FLUSH_AFTER_MS).unref();
    },
    flush,
  };
}

/**
 * The request log of `serve`: lines buffered as above, to standard output. Whatever is
 * still pending when the process exits is written synchronously (an exit does not wait for
 * a timer, and a pipe write is asynchronous on Windows). `format` gives each line as its UTF-8
 * bytes, one character a byte (`formatLogBytes`): they are written with the `latin1` encoding, a
 * copy of each character, where UTF-8 encoding a line that holds `—` goes character by character.
 */
export function createStdoutLogWriter<T>(format: (value: T) => string): LogWriter<T> {
  let exiting = false;
  const writer = createLogWriter(format, {
    write: (text) => (exiting ? writeSync(process.stdout.fd, text, null, 'latin1') : process.stdout.write(text, 'latin1')),
  });
  process.once('exit', () => {
    exiting = true;
    writer.flush();
  });
  return writer;
}
