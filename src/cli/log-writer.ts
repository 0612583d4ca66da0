import { writeSync } from 'node:fs';

/** Where a `LogWriter` sends its text: a stream such as `process.stdout`. */
export interface LogSink {
  write(text: string): unknown;
}

/**
 * Buffered, asynchronous log output: `add` keeps a value; the values of one event-loop turn are
 * formatted once the turn is over (`setImmediate`: after the answers they describe are on their way),
 * and the lines of a few milliseconds (`FLUSH_AFTER_MS`) are written together in one `write`. Under
 * load that is one write call for many requests instead of one each (a pipe or file write is
 * synchronous in Node). `flush` formats and writes what is pending at once.
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

/**
 * A value waits for its line only until its turn is over, and the lines of a turn wait as one flat
 * string (`join` copies their parts into it). Keeping the values themselves (journal entries, a dozen
 * objects each) for the 10 ms made every young collection copy the few hundred waiting at 40,000
 * requests a second, and promote many of them.
 */
export function createLogWriter<T>(format: (value: T) => string, sink: LogSink): LogWriter<T> {
  /** Values of the turn now running, not formatted yet. */
  let added: T[] = [];
  /** The text of each turn since the last write, lines ending in `\n`. */
  let turns: string[] = [];
  /** Lines added since the last write, formatted or not. */
  let lines = 0;
  let formatting: ReturnType<typeof setImmediate> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const formatAdded = (): void => {
    if (formatting !== undefined) clearImmediate(formatting);
    formatting = undefined;
    if (added.length === 0) return;
    const values = added;
    added = [];
    const turn: string[] = [];
    for (const value of values) turn.push(format(value));
    turn.push('');
    turns.push(turn.join('\n'));
  };
  const flush = (): void => {
    formatAdded();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (lines === 0) return;
    const written = turns.length === 1 ? (turns[0] as string) : turns.join('');
    turns = [];
    lines = 0;
    sink.write(written);
  };
  return {
    add(value) {
      added.push(value);
      lines += 1;
      if (lines >= MAX_PENDING) return flush();
      if (formatting === undefined) formatting = setImmediate(formatAdded);
      // Unref'd: pending lines never hold a process open (`createStdoutLogWriter` writes them on exit).
      if (timer === undefined) timer = setTimeout(flush, FLUSH_AFTER_MS).unref();
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
