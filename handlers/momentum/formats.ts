import { createRequire } from 'node:module';
import { type BodyCodec, encodeJson, escapeXmlText } from '../kit/index.ts';

/** JSON5, loaded on the first body that strict JSON cannot read (most bodies never need it). */
let json5: typeof import('json5') | undefined;
const loadJson5 = () => {
  json5 ??= createRequire(import.meta.url)('json5') as typeof import('json5');
  return json5;
};

/**
 * Message Central's output formats: JSON by default, XML or CSV chosen by a path suffix
 * (`/v3.5/mailing/cancel.xml`) or `?format=` (the suffix wins).
 *
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x, rest.response.formats.php)
 */
export type MomentumFormat = 'json' | 'xml' | 'csv';

const MEDIA_TYPES: Readonly<Record<MomentumFormat, string>> = { json: 'application/json', xml: 'application/xml', csv: 'text/csv' };

/** The format a request asks for; an unknown `?format=` value falls back to JSON (it is reported as a 400). */
export function toFormat(url: URL, query: Readonly<Record<string, unknown>>): MomentumFormat {
  const suffix = /\.(json|xml|csv)$/.exec(url.pathname)?.[1];
  if (suffix) return suffix as MomentumFormat;
  const asked = query.format;
  return asked === 'xml' || asked === 'csv' ? asked : 'json';
}

/** The media type a format is answered in (the spec documents all three for every status). */
export function toMediaTypeOf(format: MomentumFormat): string {
  return MEDIA_TYPES[format];
}

/**
 * `application/json` read leniently with JSON5 (when strict JSON fails), since the book's own JSON example is a JavaScript
 * object literal (`{type:"api-triggered",name:"Example Mailing",}`); written as strict JSON.
 *
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x, rest.input.parameters.php)
 */
export const momentumJsonCodec: BodyCodec = {
  mediaTypes: ['application/json'],
  decode(text) {
    try {
      // JSON5 reads every strict JSON text as JSON.parse does; JSON.parse is tried first so that an
      // ordinary body needs no JSON5 parser loaded (and is read faster).
      return { ok: true, value: JSON.parse(text) };
    } catch {
      // Not strict JSON: JSON5 reads it leniently, or says why it cannot.
    }
    try {
      return { ok: true, value: loadJson5().parse(text) };
    } catch (error) {
      return { ok: false, reason: 'malformed-json', message: (error as Error).message };
    }
  },
  encode: encodeJson,
};

/** One value as XML content: an object's members as child elements, an array as `<item>`s, `null` empty. */
function toXmlContent(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => `<item>${toXmlContent(item)}</item>`).join('');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([name, item]) => `<${name}${Array.isArray(item) ? ' isarray="true"' : ''}>${toXmlContent(item)}</${name}>`)
      .join('');
  }
  return value === null || value === undefined ? '' : escapeXmlText(String(value));
}

/**
 * XML output: the value wrapped in `<response>`, an object's members as child elements, an array
 * marked `isarray="true"` with one `<item>` per element (the book's rest.response.formats.php).
 *
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x, rest.response.formats.php)
 */
export const momentumXmlCodec: BodyCodec = {
  mediaTypes: ['application/xml'],
  charset: 'utf-8',
  decode: () => ({ ok: false, reason: 'unsupported-media-type', message: 'XML payloads are not read' }),
  encode(value) {
    const marker = Array.isArray(value) ? ' isarray="true"' : '';
    return `<?xml version="1.0" encoding="UTF-8"?>\n<response${marker}>${toXmlContent(value)}</response>`;
  },
};

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

const csvValue = (item: unknown) => csvField(item === null || item === undefined ? '' : String(item));

/**
 * CSV output: a scalar as itself; an object as a header row and one value row; an array of objects
 * as a header row (the first object's members) and one row each (RFC 4180 quoting).
 * The book names CSV without showing it: the rendering is the mock's choice.
 *
 * @see ../../openapi/momentum.yaml (info description)
 */
export const momentumCsvCodec: BodyCodec = {
  mediaTypes: ['text/csv'],
  charset: 'utf-8',
  decode: () => ({ ok: false, reason: 'unsupported-media-type', message: 'CSV payloads are not read' }),
  encode(value) {
    if (typeof value !== 'object' || value === null) return String(value);
    const rows: readonly object[] = Array.isArray(value) ? value : [value];
    const names = Object.keys(rows[0] ?? {});
    const lines = rows.map((row) => names.map((name) => csvValue((row as Record<string, unknown>)[name])).join(','));
    return [names.map(csvField).join(','), ...lines].join('\r\n');
  },
};
