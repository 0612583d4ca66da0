/**
 * Parser choice: saxes, not fast-xml-parser. saxes is a strict, namespace-aware, non-validating SAX
 * parser: it resolves prefixes to URIs for us (which SOAP needs: `SOAP-ENV:`, `soap:` and a default
 * namespace must read alike), reports well-formedness errors with a position, knows only the five
 * predefined entities plus character references, and never reads a DTD, expands a declared entity or
 * fetches anything. On top of that we refuse any DOCTYPE outright the moment saxes reports it, and
 * stop at the depth and element-count limits as each start tag arrives, so a hostile body costs one
 * linear pass at most. fast-xml-parser is faster, but it is not namespace-aware (we would resolve
 * prefixes by hand) and it has DOCTYPE/entity processing of its own that we would have to prove off.
 *
 * Speed: saxes's state machine was the largest single cost of a SOAP request, so a small reader
 * (xml-plain-reader.ts) goes first. It reads only plain ASCII XML (tags, attributes, text, the five
 * entities) into the same tree, and leaves everything else, every error included, to saxes, which then
 * reads the document from the start: answers and error messages stay saxes's, and the work stays
 * linear (at most one extra pass).
 *
 * Processing instructions other than the XML declaration are ignored: they carry no data for SOAP,
 * and .NET's XmlSerializer (what SFMC runs) skips them too. Comments are ignored; CDATA is text.
 *
 * @see ../../docs/development.md "SOAP inside OpenAPI" (safe parser: no DTDs, no entity expansion)
 */
import { createRequire } from 'node:module';
import type { SaxesAttributeNS, SaxesParser } from 'saxes';
import type { DecodeFailure } from '../codec/body-codec.ts';
import { appendChild, DEFAULT_XML_LIMITS, toXmlElement, type XmlAttribute, type XmlElement, type XmlLimits } from './xml-element.ts';
import { readPlainXml } from './xml-plain-reader.ts';

/** saxes, loaded with the first XML body rather than at start-up (a mock without SFMC never loads it). */
let saxes: { readonly SaxesParser: typeof SaxesParser } | undefined;
function loadSaxes(): { readonly SaxesParser: typeof SaxesParser } {
  saxes ??= createRequire(import.meta.url)('saxes') as typeof import('saxes');
  return saxes;
}

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

/** What the parse of one document has built so far; the reused parser's handlers work on it. */
interface ParseState {
  readonly limits: XmlLimits;
  readonly stack: XmlElement[];
  root: XmlElement | undefined;
  count: number;
}

/**
 * One parser serves document after document: saxes resets itself when a document ends (`close()`),
 * and building a parser (its state table, its handlers) cost more than parsing a SOAP request. A
 * document that is refused or malformed leaves it mid-way, so it is dropped and the next parse builds
 * a new one. Parsing is synchronous, so one document at a time uses it.
 */
let reusable: { readonly parser: SaxesParser; state: ParseState } | undefined;

function createParser(): { readonly parser: SaxesParser; state: ParseState } {
  const parser = new (loadSaxes().SaxesParser)({ xmlns: true, position: true });
  const owner = { parser, state: { limits: DEFAULT_XML_LIMITS, stack: [], root: undefined, count: 0 } as ParseState };
  parser.on('doctype', () => refuse('xml-doctype', 'A DOCTYPE is not accepted: DTDs and entity declarations are never processed.'));
  parser.on('opentag', (tag) => {
    const { state } = owner;
    state.count += 1;
    if (state.count > state.limits.maxElements) {
      refuse('too-many-elements', `The XML has more than ${state.limits.maxElements} elements.`);
    }
    if (state.stack.length >= state.limits.maxDepth) {
      refuse('too-deep', `The XML nests elements deeper than ${state.limits.maxDepth} levels.`);
    }
    // saxes keeps attributes in a prototype-less dictionary: `for…in` reads it without the array `Object.values` builds.
    const list: XmlAttribute[] = [];
    const { attributes } = tag;
    for (const qualified in attributes) list.push(attributes[qualified] as SaxesAttributeNS);
    const element = toXmlElement(tag.local, tag.uri, list);
    const parent = state.stack.at(-1);
    if (parent === undefined) state.root = element;
    else appendChild(parent, element);
    state.stack.push(element);
  });
  parser.on('closetag', () => {
    owner.state.stack.pop();
  });
  const appendText = (data: string): void => {
    const current = owner.state.stack.at(-1);
    if (current !== undefined) current.text += data;
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  return owner;
}

/**
 * Parses a whole XML document into an {@link XmlElement} tree. Never throws: a DOCTYPE gives
 * `xml-doctype`, limits give `too-deep` / `too-many-elements`, anything else saxes rejects gives
 * `malformed-xml` with saxes's message (line:column first).
 */
export function parseXmlTree(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlTreeResult {
  const plain = readPlainXml(text, limits);
  return plain === undefined ? parseXmlTreeWithSaxes(text, limits) : { ok: true, root: plain };
}

/** {@link parseXmlTree} with saxes alone: what the plain reader is checked against, and what it leaves to. */
export function parseXmlTreeWithSaxes(text: string, limits: XmlLimits): XmlTreeResult {
  const owner = reusable ?? createParser();
  reusable = undefined;
  const state: ParseState = { limits, stack: [], root: undefined, count: 0 };
  owner.state = state;
  try {
    owner.parser.write(text).close();
  } catch (error) {
    if (error instanceof ParseRefused) return error.failure;
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'malformed-xml', message: `The XML is not well-formed: ${detail}` };
  }
  reusable = owner;
  const { root } = state;
  if (root === undefined) {
    // saxes already rejects a document without a root; kept so the types need no assertion.
    return { ok: false, reason: 'malformed-xml', message: 'The XML has no root element.' };
  }
  return { ok: true, root };
}
