/**
 * Turns a SOAP 1.1 request envelope into the JSON shape the SFMC spec's request `schema` describes:
 * `{ Envelope: { Header?: {…}, Body: {…} } }`, every key an element's LOCAL name, whatever prefix the
 * client used (`SOAP-ENV:`, `soap:`, a default namespace, `ns1:`).
 *
 * The shape, one rule each:
 * - An element with child elements → an object; one with none → its text as a string (never a
 *   number: `29605` stays `"29605"`; coercion is the validator's job); an empty one → `""`.
 * - `xsi:nil="true"` → `null`. `xsi:type="ns1:Send"` or `"Send"` → property `"@type": "Send"` (on a
 *   text-only element: `{ "@type", "#text" }`). The attribute properties of the namespace table
 *   (Timestamp `wsu:Id` → `Id`, what the encoder writes as attributes) come back as properties, so a
 *   response decodes to the shape it was encoded from. Every other attribute (mustUnderstand,
 *   Password/@Type, xmlns…) is dropped.
 * - Arrays: an element whose local name is in `alwaysArray` (default `Definition`, `Result`) is always
 *   an array; any other name becomes an array only when it repeats under one parent.
 * - Text beside child elements is dropped: whitespace from pretty-printing, and stray text such as the
 *   `=` after `<ns1:Definition …>` in the vendor's own sample. SFMC's .NET XmlSerializer skips
 *   unexpected text nodes in complex-typed elements, so the real service most likely accepts that
 *   sample; we do the same rather than fail.
 * - Header and Body are always objects, Header first when present; Header may follow Body on the
 *   wire (sfmc-sdk and fuel-soap send it last). Other Envelope children are ignored.
 *
 * @see https://github.com/DougMidgley/SFMC-SDK and https://github.com/salesforce-marketingcloud/FuelSDK-Node (what real clients send)
 * @see https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/canceling_a_scheduled_send.html (the vendor's sample envelope)
 */
import type { DecodeResult } from '../codec/body-codec.ts';
import { ATTRIBUTE_PROPERTIES, SOAP_ENVELOPE_NAMESPACE } from './soap-namespace-table.ts';
import { DEFAULT_XML_LIMITS, type XmlElement, type XmlLimits } from './xml-element.ts';
import { parseXmlTree } from './xml-tree-parser.ts';

/** The JSON a SOAP envelope decodes to (and the encoder accepts, plus numbers and booleans). */
export type SoapJson = string | null | SoapJsonObject | SoapJson[];
export interface SoapJsonObject {
  readonly [localName: string]: SoapJson;
}

export interface SoapDecoderOptions {
  /** Local names always decoded as arrays, even when the element occurs once (the dialect's). */
  readonly alwaysArray: readonly string[];
  readonly limits?: XmlLimits;
}

/**
 * Builds a decoder; it never throws. Failure reasons: those of {@link parseXmlTree}, plus
 * `envelope-version-mismatch` (with `params.namespace`) when the root is an `Envelope` outside the
 * SOAP 1.1 envelope namespace (SOAP 1.1 §4.4.1's VersionMismatch case, e.g. a SOAP 1.2 envelope), and
 * `not-soap-envelope` when the root is not an Envelope, a Header or the Body is not in the SOAP 1.1
 * envelope namespace, or the Body is missing or repeated.
 *
 * @see https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383510
 */
export function createSoapDecoder(options: SoapDecoderOptions): (text: string) => DecodeResult {
  const alwaysArray = new Set(options.alwaysArray);
  const limits = options.limits ?? DEFAULT_XML_LIMITS;

  const toJson = (element: XmlElement): SoapJson => {
    if (element.nil) return null;
    if (element.children.length > 0) return toObject(element);
    if (element.type === undefined) return element.text;
    return element.text === '' ? { '@type': element.type } : { '@type': element.type, '#text': element.text };
  };

  const toObject = (element: XmlElement): SoapJsonObject => {
    const object: Record<string, SoapJson> = {};
    if (element.type !== undefined) object['@type'] = element.type;
    for (const [property, qualified] of ATTRIBUTE_PROPERTIES.get(element.local) ?? []) {
      const value = Object.hasOwn(element.attributes, localPart(qualified)) ? element.attributes[localPart(qualified)] : undefined;
      if (value !== undefined) defineOwn(object, property, value);
    }
    const { children } = element;
    if (!hasRepeatedName(children)) {
      // The usual case: every child name once, so no grouping.
      for (const child of children) defineOwn(object, child.local, alwaysArray.has(child.local) ? [toJson(child)] : toJson(child));
      return object;
    }
    const byName = new Map<string, SoapJson[]>();
    for (const child of children) {
      const values = byName.get(child.local) ?? [];
      values.push(toJson(child));
      byName.set(child.local, values);
    }
    for (const [name, values] of byName) {
      const single = values.length === 1 && !alwaysArray.has(name) ? values[0] : undefined;
      defineOwn(object, name, single === undefined ? values : single);
    }
    return object;
  };

  return (text) => {
    const parsed = parseXmlTree(text, limits);
    if (!parsed.ok) return parsed;
    const { root } = parsed;
    if (root.local === 'Envelope' && root.uri !== SOAP_ENVELOPE_NAMESPACE) {
      // SOAP 1.1 §4.4.1: an Envelope in another namespace (SOAP 1.2's, or none) is a version mismatch.
      const message = `The Envelope is in namespace "${root.uri}", not the SOAP 1.1 one (${SOAP_ENVELOPE_NAMESPACE}).`;
      return { ok: false, reason: 'envelope-version-mismatch', message, params: { namespace: root.uri } };
    }
    if (root.local !== 'Envelope') return notSoap(`The root element is {${root.uri}}${root.local}, not a SOAP 1.1 Envelope.`);
    const parts = new Map<'Header' | 'Body', XmlElement>();
    for (const child of root.children) {
      if (child.local !== 'Header' && child.local !== 'Body') continue;
      if (child.uri !== SOAP_ENVELOPE_NAMESPACE) {
        return notSoap(`The Envelope's ${child.local} is in namespace "${child.uri}", not the SOAP 1.1 one.`);
      }
      if (parts.has(child.local)) return notSoap(`The Envelope has more than one ${child.local}.`);
      parts.set(child.local, child);
    }
    const header = parts.get('Header');
    const body = parts.get('Body');
    if (body === undefined) return notSoap('The SOAP Envelope has no Body.');
    const envelope = header === undefined ? { Body: toObject(body) } : { Header: toObject(header), Body: toObject(body) };
    return { ok: true, value: { Envelope: envelope } };
  };
}

/** Whether two children share a local name; a few are compared pairwise, more through a Set (still linear). */
function hasRepeatedName(children: readonly XmlElement[]): boolean {
  if (children.length > 8) return new Set(children.map((child) => child.local)).size < children.length;
  for (let index = 1; index < children.length; index += 1) {
    const name = (children[index] as XmlElement).local;
    for (let earlier = 0; earlier < index; earlier += 1) if ((children[earlier] as XmlElement).local === name) return true;
  }
  return false;
}

/**
 * Sets an own, enumerable property, as `Object.fromEntries` would, without building the entries:
 * an element named `__proto__` becomes a property and never touches the prototype.
 */
function defineOwn(object: Record<string, SoapJson>, name: string, value: SoapJson): void {
  if (name === '__proto__') Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  else object[name] = value;
}

function localPart(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

function notSoap(message: string): DecodeResult {
  return { ok: false, reason: 'not-soap-envelope', message };
}
