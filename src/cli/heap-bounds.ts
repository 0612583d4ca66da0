import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { onStateWrites } from '../store/state-write-channel.ts';

/**
 * Bounds a long-running server's heap the way `node --max-semi-space-size=8 --heap-growing-percent=50`
 * does (what `npm start` and the container image pass), for a server started without those flags —
 * `npx esp-cancel-mock serve`, whose `#!` line cannot carry them portably.
 *
 * Under load V8 doubles the young generation up to 2 × 16 MiB and lets the old generation reach about
 * four times what is live before a full collection: the Omeda bench peaks near 160 MiB resident with
 * 15 MiB live. Both limits are read from V8's flags when V8 uses them, not only at start:
 * - `--heap-growing-percent` is read each time the old generation's next limit is computed, so it is
 *   set once;
 * - the young generation's cap (`--max-semi-space-size`) is fixed at start, but its growth step
 *   (`--semi-space-growth-factor`) is read at each growth. Growth is held at 1 (none) and opened to 2
 *   after a collection that left the young generation below the cap, until the next report. Node
 *   reports collections to a `PerformanceObserver` after the fact (in the next event-loop turn), so
 *   under steady load — half a megabyte or so allocated per turn with 50 requests in flight — one step
 *   at most happens while growth is open. A burst that falls in an open turn could take more steps, to
 *   V8's own cap, so growth is also held through every state write (`PUT /__admin/state`, whose body
 *   arrives over many turns before it is parsed and restored in one task, and `--state-file`), which
 *   the store announces on a tracing channel (`src/store/state-write-channel.ts`). When V8 shrinks the
 *   young generation (it does after idle full collections), it grows back the same way.
 *
 * Node notes that changing V8 flags after start is at one's own risk: these two are read only where
 * V8 sizes its heap, and the server's own flags (`node --max-semi-space-size=… …`, or
 * `NODE_OPTIONS=--max-semi-space-size=…`) always win — `boundHeap` is not called then.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/v8.html#v8setflagsfromstringflags
 * @see https://v8.dev/blog/orinoco-parallel-scavenger
 */
export interface HeapBounds {
  /** Whether the young generation may grow at its next collection (growth is open). */
  readonly growing: boolean;
  /** Stops adjusting growth (the old generation's growing percent stays as set). */
  stop(): void;
}

/** Young generation cap: two semi-spaces of 8 MiB, as `--max-semi-space-size=8`. */
export const YOUNG_GENERATION_CAP_BYTES = 16 * 1024 * 1024;
/** The old generation grows by half of what is live before the next full collection. */
export const HEAP_GROWING_PERCENT = 50;
/** V8's default growth step of the young generation. */
const GROW = 2;
const HOLD = 1;

/** The V8 flags that, given to node by its user, mean the heap is theirs to size. */
const HEAP_FLAGS = /--(max-semi-space-size|min-semi-space-size|semi-space-growth-factor|heap-growing-percent)\b/;

/** Whether node was started with heap flags of its user's (command line or `NODE_OPTIONS`). */
export function heapFlagsGiven(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return execArgv.some((flag) => HEAP_FLAGS.test(flag)) || HEAP_FLAGS.test(nodeOptions ?? '');
}

function youngGenerationBytes(): number {
  for (const space of getHeapSpaceStatistics()) if (space.space_name === 'new_space') return space.space_size;
  return 0;
}

export function boundHeap(cap = YOUNG_GENERATION_CAP_BYTES): HeapBounds {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT} --semi-space-growth-factor=${HOLD}`);
  let step = HOLD;
  let writing = 0;
  const setStep = (next: number) => {
    if (next === step) return;
    step = next;
    setFlagsFromString(`--semi-space-growth-factor=${step}`);
  };
  const observer = new PerformanceObserver(() => setStep(writing === 0 && step === HOLD && youngGenerationBytes() < cap ? GROW : HOLD));
  observer.observe({ entryTypes: ['gc'] });
  const unsubscribe = onStateWrites({
    start() {
      writing++;
      setStep(HOLD);
    },
    end() {
      writing--;
    },
  });
  return {
    get growing() {
      return step === GROW;
    },
    stop() {
      observer.disconnect();
      unsubscribe();
      setFlagsFromString(`--semi-space-growth-factor=${GROW}`);
    },
  };
}
