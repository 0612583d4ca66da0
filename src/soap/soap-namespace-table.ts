import type { SoapDialect } from './soap-dialect.ts';

/**
 * The namespaces of a SOAP 1.1 envelope with WS-Addressing and WS-Security headers, and which prefix or
 * default namespace each element the mock writes gets; what a vendor adds comes from its `SoapDialect`.
 * The decoder matches namespaces by URI; the encoder places every element by its local name with
 * {@link placeElement}, so handlers return plain JSON and never a prefix.
 *
 * @see https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/perform.htm (response envelope) and https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/soap_faults.html (faults)
 */

export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
export const WSSE_NAMESPACE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

/**
 * Declared on `soap:Envelope`, in the order ASP.NET services write them. `soap` is the only envelope
 * prefix we ever emit: clients such as sfmc-sdk read `soap:Envelope`/`soap:Body` literally.
 */
export const ENVELOPE_PREFIXES = {
  soap: SOAP_ENVELOPE_NAMESPACE,
  xsi: XSI_NAMESPACE,
  xsd: 'http://www.w3.org/2001/XMLSchema',
  wsa: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  wsse: WSSE_NAMESPACE,
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
} as const;

// The tables are Maps, not object literals, so a name like `constructor` or `__proto__` finds nothing.

/** Prefix of each WS-Addressing / WS-Security element that may appear anywhere inside `soap:Header`. */
const HEADER_PREFIXES: ReadonlyMap<string, 'wsa' | 'wsse' | 'wsu'> = new Map([
  ['Action', 'wsa'],
  ['MessageID', 'wsa'],
  ['RelatesTo', 'wsa'],
  ['To', 'wsa'],
  ['From', 'wsa'],
  ['ReplyTo', 'wsa'],
  ['Security', 'wsse'],
  ['UsernameToken', 'wsse'],
  ['Username', 'wsse'],
  ['Password', 'wsse'],
  ['Nonce', 'wsse'],
  ['Timestamp', 'wsu'],
  ['Created', 'wsu'],
  ['Expires', 'wsu'],
]);

/** JSON properties written as attributes rather than child elements, by element local name. */
export const ATTRIBUTE_PROPERTIES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([['Timestamp', new Map([['Id', 'wsu:Id']])]]);

/** Where an element sits, which decides how it and its children are named. */
export type Zone = 'header' | 'body' | 'fault' | 'detail' | 'inherit';

export interface Placement {
  /** The tag name to write, e.g. `wsa:Action`, `soap:Fault`, `PerformResponseMsg`. */
  readonly tag: string;
  /** A default namespace to declare on this element (`xmlns="…"`), if any. */
  readonly defaultNamespace?: string;
  /** The zone of this element's children. */
  readonly childZone: Zone;
}

/**
 * Names one element of the response. Body children carry the dialect's default namespace (so their
 * descendants inherit it), except `Fault`, which is `soap:Fault` with SOAP 1.1's unqualified
 * `faultcode`/`faultstring`/`faultactor`/`detail`; the dialect's detail element carries its fault namespace.
 */
export function placeElement(name: string, zone: Zone, dialect: SoapDialect): Placement {
  switch (zone) {
    case 'header': {
      const prefix = HEADER_PREFIXES.get(name);
      return { tag: prefix === undefined ? name : `${prefix}:${name}`, childZone: 'header' };
    }
    case 'body':
      return name === 'Fault'
        ? { tag: 'soap:Fault', childZone: 'fault' }
        : { tag: name, defaultNamespace: dialect.bodyNamespace, childZone: 'inherit' };
    case 'fault':
      return { tag: name, childZone: name === 'detail' ? 'detail' : 'inherit' };
    case 'detail':
      return name === dialect.faultDetail?.element
        ? { tag: name, defaultNamespace: dialect.faultDetail.namespace, childZone: 'inherit' }
        : { tag: name, childZone: 'inherit' };
    case 'inherit':
      return { tag: name, childZone: 'inherit' };
  }
}
