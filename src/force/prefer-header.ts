import { type Preference, parsePreferenceList } from './preference-list.ts';

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
 * Reads Prism's forcing convention from the preferences of `Prefer` (RFC 7240 §2): the first `code`
 * and the first `example`; an `example` parameter of `code` (`code=404; example=name`) counts when
 * there is no `example` preference, and a `code` parameter of `example` (`example=name; code=404`)
 * when there is no `code` preference (either order was read before `;` began parameters). Other preferences, and the parameters of other preferences, are
 * ignored, as RFC 7240 asks; a `code` that is not a 3-digit status, or a `code`/`example` that breaks
 * the grammar, is an error, never silently dropped. The query fallback is `__code` so it cannot clash
 * with a vendor's own parameters (Momentum has none with underscores).
 *
 * @see https://docs.stoplight.io/docs/prism/ — "Prefer: code"
 * @see https://www.rfc-editor.org/rfc/rfc7240#section-2
 */
export function readForceRequest(prefer: string | undefined, query: URLSearchParams): PreferParseResult {
  // Most requests force nothing: no Prefer and no query at all is answered without reading anything.
  if (prefer === undefined && query.size === 0) return NOTHING_FORCED;
  const list = parsePreferenceList(prefer ?? '');
  if (!list.ok) return list;
  const codePreference = list.preferences.get('code');
  const examplePreference = list.preferences.get('example');
  if (codePreference?.wellFormed === false) return { ok: false, message: statusMessage(valueAsWritten(codePreference.rest)) };
  if (examplePreference?.wellFormed === false) {
    return { ok: false, message: `example must be a token or a quoted-string, got '${valueAsWritten(examplePreference.rest)}'` };
  }
  const code = presentValue(codePreference) ?? examplePreference?.parameters.get('code') ?? query.get('__code') ?? undefined;
  const example = presentValue(examplePreference) ?? codePreference?.parameters.get('example') ?? query.get('__example') ?? undefined;
  if (code === undefined) {
    return example === undefined ? { ok: true, force: undefined } : { ok: false, message: 'example= needs code= beside it' };
  }
  if (!/^[1-5]\d\d$/.test(code)) return { ok: false, message: statusMessage(code) };
  return { ok: true, force: { status: Number(code), ...(example ? { example } : {}) } };
}

/** A preference's value as this reader compares it: present with no value reads as `''`. */
function presentValue(preference: Preference | undefined): string | undefined {
  if (preference === undefined || !preference.wellFormed) return undefined;
  return preference.value ?? '';
}

/** What follows a malformed preference's token, without its `=`: the value the client meant. */
function valueAsWritten(rest: string): string {
  return rest.startsWith('=') ? rest.slice(1).trimStart() : rest;
}

function statusMessage(code: string): string {
  return `code must be an HTTP status from 100 to 599, got '${code}'`;
}
