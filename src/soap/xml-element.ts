/**
 * The element tree both XML readers build (saxes in xml-tree-parser.ts, the plain-subset reader in
 * xml-plain-reader.ts), and the one function that turns a start tag into an element, so both build
 * exactly the same tree.
 */
import { XSI_NAMESPACE } from './soap-namespace-table.ts';

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
  /** In document order; append with {@link appendChild} (a leaf shares one frozen empty list). */
  children: readonly XmlElement[];
  /** All character data directly inside this element, entities already decoded. */
  text: string;
}

export interface XmlLimits {
  /** Deepest element nesting accepted; the root is depth 1. */
  readonly maxDepth: number;
  readonly maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 32, maxElements: 10_000 };

/** One attribute of a start tag, namespace resolved (the fields saxes's `SaxesAttributeNS` has). */
export interface XmlAttribute {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  readonly value: string;
}

/** The `attributes` of every element that has none: one frozen object instead of an empty one per element. */
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** The element for a start tag, its attributes in document order. */
export function toXmlElement(local: string, uri: string, attributes: readonly XmlAttribute[]): XmlElement {
  // One pass over the attributes: the first xsi:type and xsi:nil, and the others but namespace declarations.
  let typeName: string | undefined;
  let nil: string | undefined;
  let others: [string, string][] | undefined;
  for (const attribute of attributes) {
    if (attribute.uri === XSI_NAMESPACE) {
      if (attribute.local === 'type') typeName ??= attribute.value.trim();
      else if (attribute.local === 'nil') nil ??= attribute.value.trim();
    } else if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') {
      others ??= [];
      others.push([attribute.local, attribute.value]);
    }
  }
  return {
    local,
    uri,
    type: typeName === undefined ? undefined : typeName.slice(typeName.lastIndexOf(':') + 1),
    nil: nil === 'true' || nil === '1',
    // fromEntries defines own properties, so an attribute named `__proto__` cannot touch a prototype.
    attributes: others === undefined ? NO_ATTRIBUTES : Object.fromEntries(others),
    children: NO_CHILDREN,
    text: '',
  };
}

/** The `children` of every element without any (so far): most have none, or one. */
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

/**
 * Adds `child` as the last child of `parent`. The list is made with the first child, one slot long:
 * an empty list that a push grows starts at room for sixteen, and most elements have at most one child.
 */
export function appendChild(parent: XmlElement, child: XmlElement): void {
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else (parent.children as XmlElement[]).push(child);
}
