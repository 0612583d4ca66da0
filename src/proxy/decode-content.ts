import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * An upstream body as text for the checks: undone `Content-Encoding` (gzip, deflate, br), bounded so
 * a small compressed answer cannot expand without limit, then UTF-8 (every vendor here answers UTF-8).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.4.1
 */
export function decodeContent(
  body: Uint8Array,
  contentEncoding: string | undefined,
  maxBytes: number,
): { ok: true; text: string } | { ok: false; message: string } {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let bytes: Uint8Array = body;
  try {
    // Codings are listed in the order they were applied, so they are undone from the last.
    for (const coding of codings.reverse()) {
      const options = { maxOutputLength: maxBytes };
      if (coding === 'gzip' || coding === 'x-gzip') bytes = gunzipSync(bytes, options);
      else if (coding === 'deflate') bytes = inflateSync(bytes, options);
      else if (coding === 'br') bytes = brotliDecompressSync(bytes, options);
      else return { ok: false, message: `content-encoding '${coding}' cannot be read` };
    }
  } catch (error) {
    return { ok: false, message: `content-encoding ${codings.join(', ')}: ${(error as Error).message}` };
  }
  return { ok: true, text: new TextDecoder().decode(bytes) };
}
