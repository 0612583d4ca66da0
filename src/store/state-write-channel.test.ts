import { tracingChannel } from 'node:diagnostics_channel';
import { afterEach, expect, it } from 'vitest';
import { onStateWrites, STATE_WRITE_CHANNEL, type StateWriteContext, traceStateWrite } from './state-write-channel.ts';

let unsubscribe: (() => void) | undefined;
afterEach(() => {
  unsubscribe?.();
  unsubscribe = undefined;
});

/** What the channel published, in order, while subscribed through `onStateWrites`. */
function recordWrites(): string[] {
  const events: string[] = [];
  unsubscribe = onStateWrites({ start: () => events.push('start'), end: () => events.push('end') });
  return events;
}

it('publishes start before a state write runs and end after it settles, returning its result', async () => {
  const events = recordWrites();
  const result = await traceStateWrite('admin', async () => {
    events.push('write');
    await Promise.resolve();
    events.push('written');
    return 42;
  });
  expect(result).toBe(42);
  expect(events).toEqual(['start', 'write', 'written', 'end']);
});

it.each([
  ['rejects', async () => Promise.reject(new Error('refused'))],
  [
    'throws before it returns a promise',
    () => {
      throw new Error('refused');
    },
  ],
])('publishes the end of a state write that %s, and passes its error on', async (_, write) => {
  const events = recordWrites();
  await expect(traceStateWrite('state-file', write)).rejects.toThrow('refused');
  expect(events).toEqual(['start', 'end']);
});

it('names the source of a state write on the esp-cancel-mock:state-write tracing channel', async () => {
  const sources: string[] = [];
  const ignore = () => {};
  const subscribers = {
    start: (context: StateWriteContext) => sources.push(context.source),
    end: ignore,
    asyncStart: ignore,
    asyncEnd: ignore,
    error: ignore,
  };
  const channel = tracingChannel<StateWriteContext, StateWriteContext>(STATE_WRITE_CHANNEL);
  channel.subscribe(subscribers);
  unsubscribe = () => channel.unsubscribe(subscribers);
  await traceStateWrite('admin', async () => {});
  await traceStateWrite('state-file', async () => {});
  expect(sources).toEqual(['admin', 'state-file']);
});

it('runs a state write and returns its result, or rejects with its error, when nothing subscribes', async () => {
  expect(await traceStateWrite('admin', async () => 'done')).toBe('done');
  const refused = traceStateWrite('admin', () => {
    throw new Error('refused');
  });
  await expect(refused).rejects.toThrow('refused');
});
