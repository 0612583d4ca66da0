import type { MockEngine } from '../engine/create-engine.ts';

/**
 * How many sessions a server keeps by default. Each holds its own store (the default dataset is a few
 * dozen records) and journal (up to `--journal-size` exchanges), so 256 idle sessions cost tens of
 * megabytes at most, and a CI run rarely has more than a few dozen workers at once.
 * @see ../../docs/guides/sessions.md
 */
export const DEFAULT_MAX_SESSIONS = 256;

/**
 * A session as `GET /__admin/sessions` lists it.
 * @see ../../docs/guides/sessions.md
 */
export interface SessionInfo {
  readonly id: string;
  /** ISO 8601 instants (real time: a session's own clock may be pinned elsewhere). */
  readonly created: string;
  readonly lastUsed: string;
  /** Requests answered in the session (vendor and admin). */
  readonly requests: number;
}

/**
 * The named sessions of one server, least recently used first.
 * @see ../../docs/guides/sessions.md
 */
export interface SessionRegistry {
  /** The session's engine, created on first use; counts a request and marks it most recently used. */
  use(id: string): MockEngine;
  /** The session's engine if it exists (no request is counted). */
  find(id: string): MockEngine | undefined;
  list(): SessionInfo[];
  /** Drops a session; `false` when there was none of that id. */
  drop(id: string): boolean;
  readonly size: number;
  readonly maxSessions: number;
}

/**
 * How a registry makes sessions, how many it keeps, and whom it tells about an eviction.
 * @see ../../docs/guides/sessions.md
 */
export interface SessionRegistryOptions {
  /** Makes the engine of a new session (from the server's starting data). */
  readonly create: (id: string) => MockEngine;
  readonly maxSessions?: number;
  /** Told about each session dropped because the bound was reached (the server logs it). */
  readonly onEvict?: (session: SessionInfo, maxSessions: number) => void;
}

interface Slot {
  readonly engine: MockEngine;
  readonly created: number;
  lastUsed: number;
  requests: number;
}

/**
 * Sessions in a `Map` kept in use order (a used session is moved to the end), so the least recently
 * used one is the first key and eviction is O(1). Memory is bounded by `maxSessions` sessions.
 *
 * @see ../../docs/guides/sessions.md
 */
export function createSessionRegistry(options: SessionRegistryOptions): SessionRegistry {
  const maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
  if (!Number.isInteger(maxSessions) || maxSessions < 1)
    throw new RangeError(`max sessions must be a whole number ≥ 1, got ${maxSessions}`);
  const slots = new Map<string, Slot>();
  const infoOf = (id: string, slot: Slot): SessionInfo => ({
    id,
    created: new Date(slot.created).toISOString(),
    lastUsed: new Date(slot.lastUsed).toISOString(),
    requests: slot.requests,
  });
  return {
    maxSessions,
    get size() {
      return slots.size;
    },
    use(id) {
      const now = Date.now();
      let slot = slots.get(id);
      if (slot) slots.delete(id);
      else {
        slot = { engine: options.create(id), created: now, lastUsed: now, requests: 0 };
        if (slots.size >= maxSessions) {
          const [oldestId, oldest] = slots.entries().next().value as [string, Slot];
          slots.delete(oldestId);
          options.onEvict?.(infoOf(oldestId, oldest), maxSessions);
        }
      }
      slot.lastUsed = now;
      slot.requests += 1;
      slots.set(id, slot);
      return slot.engine;
    },
    find: (id) => slots.get(id)?.engine,
    list: () => [...slots].map(([id, slot]) => infoOf(id, slot)),
    drop: (id) => slots.delete(id),
  };
}
