import { writeSync } from 'node:fs';

/** Where a `LogWriter` sends its text: a stream such as `process.stdout`. */
export interface LogSink {
  write(text: string): unknown;
}

/**
 * Buffered, asynchronous log output: `add` keeps a value, and the values added during one turn of the
 * event loop are formatted and written together in one `write` once it ends — after the answers they
 * describe are on their way. Under load that is one write call for many requests instead of one each
 * (a pipe or file write is synchronous in Node). `flush` writes what is pending at once.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/process.html#a-note-on-process-io
 */
export interface LogWriter<T> {
  add(value: T): void;
  flush(): void;
}

/** Pending lines are written once this many are waiting, whatever the turn (bounds the memory held). */
const MAX_PENDING = 1000;

export function createLogWriter<T>(format: (value: T) => string, sink: LogSink): LogWriter<T> {
  let pending: T[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
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
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/**
 * The request log of `serve`: lines buffered as above, to standard output. Whatever is
 * still pending when the process exits is written synchronously (an exit does not wait for
 * `setImmediate`, and a pipe write is asynchronous on Windows).
 */
export function createStdoutLogWriter<T>(format: (value: T) => string): LogWriter<T> {
  let exiting = false;
  const writer = createLogWriter(format, {
    write: (text) => (exiting ? writeSync(process.stdout.fd, text) : process.stdout.write(text)),
  });
  process.once('exit', () => {
    exiting = true;
    writer.flush();
  });
  return writer;
}
