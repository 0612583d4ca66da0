/** A forcing request read from `Prefer: code=404, example=name` or the `__code`/`__example` query. */
export interface ForceRequest {
  readonly status: number;
  readonly example?: string;
}

export type PreferParseResult =
  | { readonly ok: true; readonly force: ForceRequest | undefined }
  | { readonly ok: false; readonly message: string };

const NOTHING_FORCED: PreferParseResult = { ok: true, force: undefined };

/**
 * Reads Prism's forcing convention. Preferences other than `code` and `example` are ignored, as
 * RFC 7240 asks; a `code` that is not a 3-digit status is an error, never silently dropped. The query
 * fallback is `__code` so it cannot clash with a vendor's own parameters (Momentum has none with
 * underscores).
 *
 * @see https://docs.stoplight.io/docs/prism/ — "Prefer: code"
 * @see https://www.rfc-editor.org/rfc/rfc7240
 */
export function readForceRequest(prefer: string | undefined, query: URLSearchParams): PreferParseResult {
  // Most requests force nothing: no Prefer and no query at all is answered without splitting anything.
  if (prefer === undefined && query.size === 0) return NOTHING_FORCED;
  const preferences = new Map<string, string>();
  for (const token of (prefer ?? '').split(/[,;]/)) {
    const [rawName, ...rest] = token.split('=');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    preferences.set(
      name,
      rest
        .join('=')
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  const code = preferences.get('code') ?? query.get('__code') ?? undefined;
  const example = preferences.get('example') ?? query.get('__example') ?? undefined;
  if (code === undefined) {
    return example === undefined ? { ok: true, force: undefined } : { ok: false, message: 'example= needs code= beside it' };
  }
  if (!/^[1-5]\d\d$/.test(code)) return { ok: false, message: `code must be an HTTP status from 100 to 599, got '${code}'` };
  return { ok: true, force: { status: Number(code), ...(example ? { example } : {}) } };
}
