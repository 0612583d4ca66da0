import { tracingChannel } from 'node:diagnostics_channel';

/** The name of the tracing channel that spans a state write, for `diagnostics_channel.tracingChannel`. */
export const STATE_WRITE_CHANNEL = 'esp-cancel-mock:state-write';

/** What a state write publishes: where it came from. */
export interface StateWriteContext {
  readonly source: 'admin' | 'state-file';
}

const stateWrites = tracingChannel<StateWriteContext, StateWriteContext>(STATE_WRITE_CHANNEL);

/**
 * Runs `write` — a whole-store write from its first byte read to its answer: `PUT /__admin/state` (body
 * read, parse, restore, the state answered back) or loading `--state-file` — inside the
 * `esp-cancel-mock:state-write` tracing channel. Such a write allocates tens of megabytes over a few
 * tasks, which the server's heap bound (`src/cli/heap-bounds.ts`) holds the young generation through.
 * `start` is published when it begins and `asyncEnd` when it has settled, whether it succeeded or
 * failed: a write that throws at once is turned into a rejection first, so every `start` has its
 * `asyncEnd`. With no subscriber (the in-process mock, a server with the heap left to V8) it costs a
 * property read.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/diagnostics_channel.html#class-tracingchannel
 */
export function traceStateWrite<T>(source: StateWriteContext['source'], write: () => Promise<T>): Promise<T> {
  const run = async () => write();
  return stateWrites.hasSubscribers ? stateWrites.tracePromise(run, { source }) : run();
}

/** Subscribes to state writes' beginnings and ends; returns the unsubscribe. */
export function onStateWrites(handlers: { start(): void; end(): void }): () => void {
  const ignore = () => {};
  const subscribers = { start: () => handlers.start(), end: ignore, asyncStart: ignore, asyncEnd: () => handlers.end(), error: ignore };
  stateWrites.subscribe(subscribers);
  return () => stateWrites.unsubscribe(subscribers);
}
