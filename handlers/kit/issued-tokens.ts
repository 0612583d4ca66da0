/**
 * Issued tokens a vendor keeps at most (mock choice): logging in or asking for a token on every request
 * must not grow the store without bound, so the oldest is forgotten when a new one would pass the cap.
 */
export const MAX_ISSUED_TOKENS = 10_000;

/** The part of a store collection that issuing a token needs. */
export interface TokenCollection<T> {
  keepNewest(max: number): void;
  create(record: T): Promise<unknown>;
}

/**
 * Stores a newly issued token, first forgetting the oldest ones past `MAX_ISSUED_TOKENS`.
 *
 * @see MAX_ISSUED_TOKENS
 */
export async function storeIssuedToken<T>(tokens: TokenCollection<T>, token: T): Promise<void> {
  tokens.keepNewest(MAX_ISSUED_TOKENS - 1);
  await tokens.create(token);
}
