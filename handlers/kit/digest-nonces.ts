/**
 * Digest nonces a mock (or a session) has issued: kept at most (mock choice), the oldest forgotten
 * first, so a client that draws a 401 on every request cannot grow them without bound.
 */
export const MAX_DIGEST_NONCES = 10_000;

/** One issued nonce: its `opaque`, when it was issued (mock clock, ms), the highest `nc` seen so far. */
export interface IssuedNonce {
  readonly opaque: string;
  readonly issuedAt: number;
  lastCount: number;
}

/** Nonces by value, oldest first (a `Map` keeps insertion order); lookups never touch a prototype. */
export type NonceStore = Map<string, IssuedNonce>;

const storesByOwner = new WeakMap<object, NonceStore>();

/**
 * The nonce store of one owner, e.g. a vendor's store object: each mock and each session has its own,
 * and it goes away with them. Nonces are authentication state, not dataset records, so they are not
 * part of `getState`/`setState` and a reset keeps them.
 */
export function nonceStoreOf(owner: object): NonceStore {
  let store = storesByOwner.get(owner);
  if (!store) {
    store = new Map();
    storesByOwner.set(owner, store);
  }
  return store;
}

/** Records a new nonce, first forgetting the oldest ones past {@link MAX_DIGEST_NONCES}. */
export function issueNonce(store: NonceStore, nonce: string, opaque: string, now: number): void {
  for (const oldest of store.keys()) {
    if (store.size < MAX_DIGEST_NONCES) break;
    store.delete(oldest);
  }
  store.set(nonce, { opaque, issuedAt: now, lastCount: 0 });
}
