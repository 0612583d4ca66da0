/**
 * A reader for the plain XML SOAP clients send: ASCII only, start and end tags, attributes, text and
 * the five predefined entities, an optional XML declaration. It builds the same tree saxes would, in
 * one pass and without saxes's per-character state machine, and answers `undefined` the moment the
 * document leaves that subset or looks wrong in any way: a DOCTYPE, a comment, a processing
 * instruction, CDATA, a character reference, a CR, a tab or newline inside an attribute value, any
 * character outside printable ASCII, a name it does not know to be valid, a namespace declaration
 * saxes would check, a duplicate attribute, a limit reached, a mismatched or unclosed tag. Then saxes
 * reads the document from the start and decides; so every refusal and every error message comes from
 * saxes, as before, and a hostile document costs at most this pass plus saxes's (both linear).
 *
 * @see ./xml-tree-parser.ts (the safety argument; saxes stays the judge of everything this reader declines)
 */
import { appendChild, toXmlElement, type XmlAttribute, type XmlElement, type XmlLimits } from './xml-element.ts';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
/** The declarations this reader accepts; saxes also accepts others (then it reads the document). */
const XML_DECLARATION = /^<\?xml version=(["'])1\.0\1(?: encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?: standalone=(["'])(?:yes|no)\3)?\?>/;
const ENTITIES: readonly (readonly [string, string])[] = [
  ['amp;', '&'],
  ['lt;', '<'],
  ['gt;', '>'],
  ['quot;', '"'],
  ['apos;', "'"],
];

const TAB = 0x09;
const LF = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22;
const AMP = 0x26;
const APOSTROPHE = 0x27;
const SLASH = 0x2f;
const COLON = 0x3a;
const LESS = 0x3c;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const BRACKET = 0x5d;
const TILDE = 0x7e;

/** Thrown inside this module only: the document is outside the subset; saxes will read it. */
class Outside extends Error {}
const OUTSIDE = new Outside();
/** The attribute list of every start tag without attributes (read, never kept). */
const NO_ATTRIBUTES: readonly XmlAttribute[] = [];

/** The tree of a document inside the subset, else `undefined` (saxes decides). Never throws. */
export function readPlainXml(text: string, limits: XmlLimits): XmlElement | undefined {
  try {
    return read(text, limits);
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

function outside(): never {
  throw OUTSIDE;
}

function read(text: string, limits: XmlLimits): XmlElement {
  const end = text.length;
  const declaration = XML_DECLARATION.exec(text);
  let at = skipSpace(text, declaration === null ? 0 : declaration[0].length);
  const scope = new Map<string, string>();
  const open: StartTag[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  while (at < end) {
    const code = text.charCodeAt(at);
    // Not `open[open.length - 1]` on an empty stack: reading index -1 is a property lookup by name.
    const parent = open.length === 0 ? undefined : open[open.length - 1];
    if (parent === undefined) {
      // Outside the root: only the one root element, then whitespace.
      if (root !== undefined || code !== LESS) outside();
    } else if (code !== LESS) {
      at = readText(text, at, parent.element);
      continue;
    }
    const next = text.charCodeAt(at + 1);
    if (next === SLASH) {
      // The end tag must spell its start tag's name (a name already scanned) and then `>`: compared in
      // one native call, without scanning the name again.
      const closed = open.pop();
      if (closed === undefined) outside();
      const nameEnd = at + 2 + closed.name.length;
      if (!text.startsWith(closed.name, at + 2) || text.charCodeAt(nameEnd) !== GREATER) outside();
      unbind(scope, closed.restore);
      at = nameEnd + 1;
      if (open.length === 0) return finish(text, at, closed.element);
      continue;
    }
    count += 1;
    if (count > limits.maxElements || open.length >= limits.maxDepth) outside();
    const tag = readStartTag(text, at + 1, scope);
    if (parent === undefined) root = tag.element;
    else appendChild(parent.element, tag.element);
    at = tag.end;
    if (tag.selfClosing) {
      unbind(scope, tag.restore);
      if (open.length === 0) return finish(text, at, tag.element);
    } else {
      open.push(tag);
    }
  }
  return outside();
}

/** After the root: whitespace only, to the end. */
function finish(text: string, at: number, root: XmlElement): XmlElement {
  return skipSpace(text, at) === text.length ? root : outside();
}

/** A start tag: its element, and the namespace bindings to restore after its end tag. */
interface StartTag {
  readonly element: XmlElement;
  readonly name: string;
  readonly restore: readonly (readonly [string, string | undefined])[] | undefined;
  readonly selfClosing: boolean;
  /** Index just past the tag's `>`. */
  readonly end: number;
}

/** A start tag from just after its `<`: name, attributes, namespace declarations bound in `scope`. */
function readStartTag(text: string, from: number, scope: Map<string, string>): StartTag {
  const nameEnd = scanName(text, from);
  const name = text.slice(from, nameEnd);
  // Most elements have no attributes: their lists are made only when the first one comes.
  let names: string[] | undefined;
  let values: string[] | undefined;
  let at = nameEnd;
  let selfClosing = false;
  for (;;) {
    const afterSpace = skipSpace(text, at);
    const code = text.charCodeAt(afterSpace);
    if (code === GREATER) {
      at = afterSpace + 1;
      break;
    }
    if (code === SLASH && text.charCodeAt(afterSpace + 1) === GREATER) {
      at = afterSpace + 2;
      selfClosing = true;
      break;
    }
    if (afterSpace === at) outside(); // attributes are separated by whitespace
    const attributeEnd = scanName(text, afterSpace);
    let valueAt = skipSpace(text, attributeEnd);
    if (text.charCodeAt(valueAt) !== EQUALS) outside();
    valueAt = skipSpace(text, valueAt + 1);
    const quote = text.charCodeAt(valueAt);
    if (quote !== QUOTE && quote !== APOSTROPHE) outside();
    const value = readCharacters(text, valueAt + 1, quote);
    names ??= [];
    values ??= [];
    names.push(text.slice(afterSpace, attributeEnd));
    values.push(value);
    at = charactersEnd + 1; // past the closing quote
  }
  const restore = names === undefined || values === undefined ? undefined : bind(scope, names, values);
  const colon = name.indexOf(':');
  const uri = colon === -1 ? (scope.get('') ?? '') : resolvePrefix(scope, name.slice(0, colon));
  const local = colon === -1 ? name : name.slice(colon + 1);
  if (names === undefined || values === undefined)
    return { element: toXmlElement(local, uri, NO_ATTRIBUTES), name, restore, selfClosing, end: at };
  const attributes: XmlAttribute[] = [];
  for (let index = 0; index < names.length; index += 1) {
    const attributeName = names[index] as string;
    const value = values[index] as string;
    const split = attributeName.indexOf(':');
    const prefix = split === -1 ? '' : attributeName.slice(0, split);
    const localName = split === -1 ? attributeName : attributeName.slice(split + 1);
    const xmlns = attributeName === 'xmlns' || prefix === 'xmlns';
    const attributeUri = xmlns ? XMLNS_NAMESPACE : prefix === '' ? '' : resolvePrefix(scope, prefix);
    attributes.push({ name: attributeName, prefix, local: localName, uri: attributeUri, value });
  }
  if (attributes.length > 1) refuseDuplicates(attributes);
  return { element: toXmlElement(local, uri, attributes), name, restore, selfClosing, end: at };
}

/**
 * Binds the tag's namespace declarations; the bindings they replace come back for {@link unbind}.
 * Declarations saxes checks further (the `xml` and `xmlns` prefixes and namespaces, an empty prefixed
 * one, surrounding whitespace) are outside the subset.
 */
function bind(scope: Map<string, string>, names: readonly string[], values: readonly string[]): [string, string | undefined][] | undefined {
  let restore: [string, string | undefined][] | undefined;
  for (let index = 0; index < names.length; index += 1) {
    const name = names[index] as string;
    const value = values[index] as string;
    const prefix = name === 'xmlns' ? '' : name.startsWith('xmlns:') ? name.slice(6) : undefined;
    if (prefix === undefined) continue;
    if (prefix === 'xml' || prefix === 'xmlns' || value === XML_NAMESPACE || value === XMLNS_NAMESPACE) outside();
    if ((prefix !== '' && value === '') || value.trim() !== value) outside();
    restore ??= [];
    restore.push([prefix, scope.get(prefix)]);
    scope.set(prefix, value);
  }
  return restore;
}

function unbind(scope: Map<string, string>, restore: readonly (readonly [string, string | undefined])[] | undefined): void {
  if (restore === undefined) return;
  for (let index = restore.length - 1; index >= 0; index -= 1) {
    const [prefix, previous] = restore[index] as readonly [string, string | undefined];
    if (previous === undefined) scope.delete(prefix);
    else scope.set(prefix, previous);
  }
}

/** A prefix's namespace; `xml`, `xmlns` and unbound prefixes are outside the subset. */
function resolvePrefix(scope: ReadonlyMap<string, string>, prefix: string): string {
  const uri = prefix === 'xml' || prefix === 'xmlns' ? undefined : scope.get(prefix);
  return uri === undefined || uri === '' ? outside() : uri;
}

/** Two attributes with the same expanded name (saxes's duplicate check) are outside the subset. */
function refuseDuplicates(attributes: readonly XmlAttribute[]): void {
  if (attributes.length <= 8) {
    // A few attributes, as SOAP has: comparing pairs is cheaper than a Set, and bounded.
    for (let index = 1; index < attributes.length; index += 1) {
      const attribute = attributes[index] as XmlAttribute;
      for (let before = 0; before < index; before += 1) if (sameName(attribute, attributes[before] as XmlAttribute)) outside();
    }
  } else if (new Set(attributes.map(expandedName)).size < attributes.length) {
    outside();
  }
}

/** Equal expanded names, without building them: an unprefixed name never equals a prefixed one's `{uri}local` (a name holds no `{`). */
function sameName(a: XmlAttribute, b: XmlAttribute): boolean {
  return a.prefix === '' ? b.prefix === '' && a.name === b.name : b.prefix !== '' && a.local === b.local && a.uri === b.uri;
}

/** `name` for an unprefixed attribute, else `{uri}local` (a local name holds no `}`, so the text is unambiguous). */
function expandedName({ name, prefix, local, uri }: XmlAttribute): string {
  return prefix === '' ? name : `{${uri}}${local}`;
}

/** Character data up to the next `<`, appended to the element's text. */
function readText(text: string, from: number, element: XmlElement): number {
  element.text += readCharacters(text, from, LESS);
  return charactersEnd;
}

/** Where the last `readCharacters` stopped (the index of its `stop`): read at once by its caller, so no result object per call. */
let charactersEnd = 0;

/**
 * Characters from `from` up to `stop` (`<` for text, the quote for an attribute value), the five
 * entities decoded; `charactersEnd` is set to the index of `stop`. Outside the subset: `]]>` in text; TAB and newlines in a value (saxes turns them
 * into spaces); `<` in a value; CR, other controls, non-ASCII and the end of the document anywhere.
 */
function readCharacters(text: string, from: number, stop: number): string {
  const inText = stop === LESS;
  let at = from;
  let decoded = '';
  let start = from;
  for (;;) {
    const code = text.charCodeAt(at);
    if (code === stop) {
      charactersEnd = at;
      return decoded + text.slice(start, at);
    }
    if (code === AMP) {
      const entity = readEntity(text, at + 1);
      decoded += text.slice(start, at) + entity.char;
      at = entity.end;
      start = at;
      continue;
    }
    const plain = (code >= SPACE && code <= TILDE && code !== LESS) || (inText && (code === TAB || code === LF));
    const closesCdata = inText && code === GREATER && text.charCodeAt(at - 1) === BRACKET && text.charCodeAt(at - 2) === BRACKET;
    if (!plain || closesCdata) outside();
    at += 1;
  }
}

/** One of the five predefined entities, from just after its `&`. */
function readEntity(text: string, from: number): { char: string; end: number } {
  for (const [name, char] of ENTITIES) if (text.startsWith(name, from)) return { char, end: from + name.length };
  return outside();
}

function skipSpace(text: string, from: number): number {
  let at = from;
  for (;;) {
    const code = text.charCodeAt(at);
    if (code !== SPACE && code !== LF && code !== TAB) return at;
    at += 1;
  }
}

/**
 * The end of a name starting at `from`: ASCII letters, digits, `_ . -`, not starting with a digit,
 * `.` or `-`, with at most one colon between two non-empty parts. Anything else is outside the subset.
 */
function scanName(text: string, from: number): number {
  let at = scanNamePart(text, from);
  if (text.charCodeAt(at) === COLON) at = scanNamePart(text, at + 1);
  return at;
}

function scanNamePart(text: string, from: number): number {
  if (!isNameStart(text.charCodeAt(from))) outside();
  let at = from + 1;
  while (isNameStart(text.charCodeAt(at)) || isNameRest(text.charCodeAt(at))) at += 1;
  return at;
}

function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

function isNameRest(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d;
}
