/**
 * Writes a response envelope the way ASP.NET SOAP services (SFMC's among them) do: XML declaration, `soap:Envelope`
 * declaring soap/xsi/xsd/wsa/wsse/wsu, `soap:Header` (wsa:*, wsse:Security/wsu:Timestamp), `soap:Body`.
 * The handler returns JSON (`{ Envelope: { Header?, Body } }`, the same local-name shape the decoder
 * produces); prefixes and namespaces come from element names via {@link placeElement} and the vendor's
 * `SoapDialect`.
 *
 * Values: string/number/boolean → text; `""` or `{}` → `<X />`; `null` → `<X xsi:nil="true" />`;
 * array → the element repeated; object → child elements in key order, with `"@type"` → `xsi:type`,
 * `"#text"` → text, and the table's attribute properties (Timestamp `Id` → `wsu:Id`); `undefined` →
 * omitted. Text and attributes escape `& < > " '` (and CR); characters XML 1.0 forbids become U+FFFD.
 *
 * A value that cannot be written (no `Envelope.Body` object, a key that is not an XML name, nested
 * arrays, a function…) is a handler bug: it throws, and the engine answers INTERNAL_MOCK_ERROR.
 *
 * @see https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/perform.htm (response envelope; real responses captured in https://github.com/DougMidgley/SFMC-SDK test/resources/soap.js) and https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/soap_faults.html (faults)
 */
import { escapeXml } from '../codec/xml-text.ts';
import type { SoapDialect } from './soap-dialect.ts';
import { ATTRIBUTE_PROPERTIES, ENVELOPE_PREFIXES, placeElement, type Zone } from './soap-namespace-table.ts';

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
const ENVELOPE_START = `<soap:Envelope ${Object.entries(ENVELOPE_PREFIXES)
  .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
  .join(' ')}>`;
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Serialises `{ Envelope: { Header?, Body } }` to a response envelope in the vendor's dialect. */
export function encodeSoapEnvelope(value: unknown, dialect: SoapDialect): string {
  const envelope = isRecord(value) ? value.Envelope : undefined;
  const body = isRecord(envelope) ? envelope.Body : undefined;
  if (!isRecord(envelope) || !isRecord(body)) {
    throw new TypeError('[esp-cancel-mock] SOAP response must be { Envelope: { Header?, Body } } objects.');
  }
  let out = XML_DECLARATION + ENVELOPE_START;
  if (envelope.Header !== undefined) {
    if (!isRecord(envelope.Header)) {
      throw new TypeError('[esp-cancel-mock] SOAP Envelope.Header must be an object.');
    }
    out += `<soap:Header>${writeMembers(envelope.Header, 'header', dialect)}</soap:Header>`;
  }
  return `${out}<soap:Body>${writeMembers(body, 'body', dialect)}</soap:Body></soap:Envelope>`;
}

// Children are read off their object by key, never copied into a fresh one, so a key named
// `__proto__` stays a key. Strings are built by concatenation: no arrays of pieces to join.
function writeMembers(record: Readonly<Record<string, unknown>>, zone: Zone, dialect: SoapDialect): string {
  let out = '';
  for (const name of Object.keys(record)) out += writeMember(name, record[name], zone, dialect);
  return out;
}

/** One property as elements: an array is the element repeated. */
function writeMember(name: string, value: unknown, zone: Zone, dialect: SoapDialect): string {
  if (!Array.isArray(value)) return writeElement(name, value, zone, dialect);
  let out = '';
  for (const item of value) out += writeElement(name, item, zone, dialect, true);
  return out;
}

/**
 * An element's placement as the encoder writes it: its tags made once (with the default-namespace
 * declaration), so writing an element joins three strings instead of building each tag a piece at a time.
 */
interface Written {
  /** `<tag xmlns="…"`, for a start tag that takes more attributes. */
  readonly start: string;
  /** `<tag xmlns="…">` */
  readonly open: string;
  /** `<tag xmlns="…" />` */
  readonly empty: string;
  /** `</tag>` */
  readonly close: string;
  readonly childZone: Zone;
}

/**
 * Placements already worked out, by dialect, zone and name (only valid names get in): an answer places
 * the same few dozen names again and again. Bounded, so names a handler makes up cannot grow it.
 */
const placements = new WeakMap<SoapDialect, Map<Zone, Map<string, Written>>>();
const MAX_PLACEMENTS_PER_ZONE = 256;

function placed(name: string, zone: Zone, dialect: SoapDialect): Written {
  let byZone = placements.get(dialect);
  if (byZone === undefined) {
    byZone = new Map();
    placements.set(dialect, byZone);
  }
  let byName = byZone.get(zone);
  if (byName === undefined) {
    byName = new Map();
    byZone.set(zone, byName);
  }
  const known = byName.get(name);
  if (known !== undefined) return known;
  if (!XML_NAME.test(name)) throw new TypeError(`[esp-cancel-mock] "${name}" is not an XML element name.`);
  const placement = placeElement(name, zone, dialect);
  const namespace = placement.defaultNamespace === undefined ? '' : ` xmlns="${placement.defaultNamespace}"`;
  const start = `<${placement.tag}${namespace}`;
  const written: Written = { start, open: `${start}>`, empty: `${start} />`, close: `</${placement.tag}>`, childZone: placement.childZone };
  if (byName.size < MAX_PLACEMENTS_PER_ZONE) byName.set(name, written);
  return written;
}

function writeElement(name: string, value: unknown, zone: Zone, dialect: SoapDialect, inArray = false): string {
  if (value === undefined) return '';
  const placement = placed(name, zone, dialect);
  if (inArray && Array.isArray(value)) throw new TypeError(`[esp-cancel-mock] "${name}" holds nested arrays.`);
  let attributes = '';
  let content = '';
  if (value === null) {
    attributes += ' xsi:nil="true"';
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    content = escapeXml(String(value));
    const colon = name === 'faultcode' ? content.indexOf(':') : -1;
    const prefix = content.slice(0, Math.max(colon, 0));
    const uri = colon > 0 ? dialect.faultCodePrefixes.get(prefix) : undefined;
    if (uri !== undefined) attributes += ` xmlns:${prefix}="${uri}"`;
  } else if (isRecord(value)) {
    const asAttributes = ATTRIBUTE_PROPERTIES.get(name);
    // One pass in key order, no lists of the children: attributes, text and child elements each into
    // their own string; the text goes before the children whatever the key order.
    let text = '';
    let children = '';
    for (const key of Object.keys(value)) {
      const item = value[key];
      const attribute = key === '@type' ? 'xsi:type' : asAttributes?.get(key);
      if (item === undefined) continue;
      if (attribute !== undefined) attributes += ` ${attribute}="${escapeXml(String(item))}"`;
      else if (key === '#text') text += escapeXml(String(item));
      else children += writeMember(key, item, placement.childZone, dialect);
    }
    content = text + children;
  } else {
    throw new TypeError(`[esp-cancel-mock] "${name}" holds a ${typeof value}, which XML cannot carry.`);
  }
  if (attributes === '') return content === '' ? placement.empty : placement.open + content + placement.close;
  return content === '' ? `${placement.start}${attributes} />` : `${placement.start}${attributes}>${content}${placement.close}`;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
