/**
 * Parser choice: saxes, not fast-xml-parser. saxes is a strict, namespace-aware, non-validating SAX
 * parser: it resolves prefixes to URIs for us (which SOAP needs: `SOAP-ENV:`, `soap:` and a default
 * namespace must read alike), reports well-formedness errors with a position, knows only the five
 * predefined entities plus character references, and never reads a DTD, expands a declared entity or
 * fetches anything. On top of that we refuse any DOCTYPE outright the moment saxes reports it, and
 * stop at the depth and element-count limits as each start tag arrives, so a hostile body costs one
 * linear pass at most. fast-xml-parser is faster, but it is not namespace-aware (we would resolve
 * prefixes by hand) and it has DOCTYPE/entity processing of its own that we would have to prove off;
 * request bodies here are a few KB, so speed does not matter.
 *
 * Processing instructions other than the XML declaration are ignored: they carry no data for SOAP,
 * and .NET's XmlSerializer (what SFMC runs) skips them too. Comments are ignored; CDATA is text.
 *
 * @see ../../docs/development.md "SOAP inside OpenAPI" (safe parser: no DTDs, no entity expansion)
 */
import { createRequire } from 'node:module';
import type { SaxesParser } from 'saxes';
import type { DecodeFailure } from '../codec/body-codec.ts';
import { XSI_NAMESPACE } from './soap-namespace-table.ts';

/** saxes, loaded with the first XML body rather than at start-up (a mock without SFMC never loads it). */
let saxes: { readonly SaxesParser: typeof SaxesParser } | undefined;
function loadSaxes(): { readonly SaxesParser: typeof SaxesParser } {
  saxes ??= createRequire(import.meta.url)('saxes') as typeof import('saxes');
  return saxes;
}

/** One parsed element: namespace-resolved name, the two xsi attributes we keep, children, text. */
export interface XmlElement {
  readonly local: string;
  readonly uri: string;
  /** Local part of `xsi:type` (`ns1:Send` and `Send` both give `Send`); other attributes are dropped. */
  readonly type: string | undefined;
  /** `xsi:nil="true"` (or `"1"`). */
  readonly nil: boolean;
  /** Every other attribute by local name (namespace declarations left out); the decoder keeps only the table's. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** All character data directly inside this element, entities already decoded. */
  text: string;
}

export interface XmlLimits {
  /** Deepest element nesting accepted; the root is depth 1. */
  readonly maxDepth: number;
  readonly maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 32, maxElements: 10_000 };

export type XmlTreeResult = { readonly ok: true; readonly root: XmlElement } | DecodeFailure;

/** Thrown from our own saxes handlers to abort the parse at once; never escapes this module. */
class ParseRefused extends Error {
  constructor(readonly failure: DecodeFailure) {
    super(failure.message);
  }
}

function refuse(reason: string, message: string): never {
  throw new ParseRefused({ ok: false, reason, message });
}

/**
 * Parses a whole XML document into an {@link XmlElement} tree. Never throws: a DOCTYPE gives
 * `xml-doctype`, limits give `too-deep` / `too-many-elements`, anything else saxes rejects gives
 * `malformed-xml` with saxes's message (line:column first).
 */
export function parseXmlTree(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlTreeResult {
  const parser = new (loadSaxes().SaxesParser)({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;

  parser.on('doctype', () => refuse('xml-doctype', 'A DOCTYPE is not accepted: DTDs and entity declarations are never processed.'));
  parser.on('opentag', (tag) => {
    count += 1;
    if (count > limits.maxElements) {
      refuse('too-many-elements', `The XML has more than ${limits.maxElements} elements.`);
    }
    if (stack.length >= limits.maxDepth) {
      refuse('too-deep', `The XML nests elements deeper than ${limits.maxDepth} levels.`);
    }
    const xsiType = Object.values(tag.attributes).find((a) => a.uri === XSI_NAMESPACE && a.local === 'type');
    const xsiNil = Object.values(tag.attributes).find((a) => a.uri === XSI_NAMESPACE && a.local === 'nil');
    const typeName = xsiType?.value.trim();
    const element: XmlElement = {
      local: tag.local,
      uri: tag.uri,
      type: typeName === undefined ? undefined : typeName.slice(typeName.lastIndexOf(':') + 1),
      nil: xsiNil !== undefined && ['true', '1'].includes(xsiNil.value.trim()),
      // fromEntries defines own properties, so an attribute named `__proto__` cannot touch a prototype.
      attributes: Object.fromEntries(
        Object.values(tag.attributes)
          .filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns' && a.uri !== XSI_NAMESPACE)
          .map((a) => [a.local, a.value]),
      ),
      children: [],
      text: '',
    };
    const parent = stack.at(-1);
    if (parent === undefined) root = element;
    else parent.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const appendText = (data: string): void => {
    const current = stack.at(-1);
    if (current !== undefined) current.text += data;
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof ParseRefused) return error.failure;
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'malformed-xml', message: `The XML is not well-formed: ${detail}` };
  }
  if (root === undefined) {
    // saxes already rejects a document without a root; kept so the types need no assertion.
    return { ok: false, reason: 'malformed-xml', message: 'The XML has no root element.' };
  }
  return { ok: true, root };
}
