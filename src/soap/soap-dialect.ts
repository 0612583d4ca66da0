/**
 * What one vendor's SOAP service adds to SOAP 1.1 and WS-Addressing/WS-Security: the namespace of its
 * Body elements, where its fault details live, the QName prefixes its faultcodes use, and which
 * elements repeat. The vendor supplies it (`createSoapCodec(dialect)`); the engine's SOAP codec knows
 * only the standards.
 *
 * @see ../../docs/development.md "SOAP inside OpenAPI"
 */
export interface SoapDialect {
  /** The default namespace declared on every Body child (and so inherited by its descendants). */
  readonly bodyNamespace: string;
  /** The element inside a fault's `detail` that carries the service's own namespace. */
  readonly faultDetail?: { readonly element: string; readonly namespace: string };
  /**
   * Prefixes a `faultcode` QName value may use that the envelope does not declare; the encoder declares
   * them on the `faultcode` element itself.
   */
  readonly faultCodePrefixes: ReadonlyMap<string, string>;
  /** Local names always decoded as arrays, even when the element occurs once. */
  readonly alwaysArray: readonly string[];
}
