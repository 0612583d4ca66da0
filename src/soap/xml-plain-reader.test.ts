import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_XML_LIMITS } from './xml-element.ts';
import { readPlainXml } from './xml-plain-reader.ts';
import { parseXmlTree, parseXmlTreeWithSaxes } from './xml-tree-parser.ts';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** The documentation's UsernameToken envelope, compacted (what the bench sends). */
const PERFORM = `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP}" xmlns:xsi="${XSI}"><SOAP-ENV:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>XXX</wsse:Username><wsse:Password>XXX</wsse:Password></wsse:UsernameToken></wsse:Security></SOAP-ENV:Header><SOAP-ENV:Body><PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Options /><Action>cancel</Action><Definitions><ns1:Definition xmlns:ns1="http://exacttarget.com/wsdl/partnerAPI" xsi:type="ns1:Send"><ns1:ID>29605</ns1:ID></ns1:Definition></Definitions></PerformRequestMsg></SOAP-ENV:Body></SOAP-ENV:Envelope>`;

/** Pretty-printed, single quotes, a fueloauth header, entities, xsi:nil, a default namespace undone, a timestamp Id. */
const PRETTY = `<?xml version='1.0' encoding='utf-8' standalone='yes'?>
<soap:Envelope xmlns:soap='${SOAP}' xmlns:xsi="${XSI}" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
  <soap:Header>
    <fueloauth xmlns="http://exacttarget.com">abc&amp;def</fueloauth>
    <wsu:Timestamp wsu:Id = "Timestamp-1" other='a &lt;b&gt; &quot;c&quot; &apos;d&apos;'><wsu:Created>2024-05-01T10:00:00Z</wsu:Created></wsu:Timestamp>
  </soap:Header>
  <soap:Body>
    <RetrieveRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI">
      <RetrieveRequest>
        <ObjectType>Send</ObjectType>
        <Properties>ID</Properties><Properties>Status</Properties>
        <Filter xsi:type="SimpleFilterPart" xsi:nil=" 1 "><Property>ID</Property><Value xmlns="">a ]] b > c</Value></Filter>
      </RetrieveRequest>
    </RetrieveRequestMsg>
  </soap:Body>
</soap:Envelope>
`;

describe('readPlainXml', () => {
  it.each([
    ['the documentation envelope', PERFORM],
    ['a pretty-printed envelope with entities, single quotes, xsi:nil and an undone default namespace', PRETTY],
    ['an element named like a prototype key with attributes to match', '<__proto__ constructor="1" toString="2"><a.b-c_d/></__proto__>'],
    ['two prefixes for one namespace on different attributes', '<r xmlns:a="urn:x" xmlns:b="urn:y" a:k="1" b:k="2" k="3"/>'],
    [
      'nine attributes, one local name unprefixed and prefixed',
      '<r xmlns:a="urn:x" xmlns:b="urn:y" a:k="1" b:k="2" k="3" c="4" d="5" e="6" f="7"/>',
    ],
  ])('reads %s into the tree saxes builds', (_name, xml) => {
    const plain = readPlainXml(xml, DEFAULT_XML_LIMITS);
    expect(plain).toBeDefined();
    expect({ ok: true, root: plain }).toEqual(parseXmlTreeWithSaxes(xml, DEFAULT_XML_LIMITS));
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE x><x/>'],
    ['a comment', '<r><!-- c --></r>'],
    ['CDATA', '<r><![CDATA[x]]></r>'],
    ['a processing instruction', '<?xml version="1.0"?><?pi x?><r/>'],
    ['an XML 1.1 declaration', '<?xml version="1.1"?><r/>'],
    ['a character reference', '<r>&#65;</r>'],
    ['an entity saxes does not know', '<r>&nbsp;</r>'],
    ['a bare ampersand', '<r>a & b</r>'],
    ['`]]>` in text', '<r>a]]>b</r>'],
    ['a CR', '<r>a\r\nb</r>'],
    ['a newline in an attribute value', '<r a="x\ny"/>'],
    ['non-ASCII text', '<r>café</r>'],
    ['an unbound prefix', '<p:r/>'],
    ['the xml prefix', '<r xml:lang="en"/>'],
    ['a declaration of the xmlns prefix', '<r xmlns:xmlns="urn:x"/>'],
    ['an empty prefixed declaration', '<r xmlns:p=""/>'],
    ['a declaration with spaces around its namespace', '<r xmlns:p=" urn:x "/>'],
    ['a duplicate attribute', '<r a="1" a="2"/>'],
    ['a duplicate expanded name', '<r xmlns:a="urn:x" xmlns:b="urn:x" a:k="1" b:k="2"/>'],
    ['a prefix declared twice', '<r xmlns:a="urn:x" xmlns:a="urn:y"/>'],
    [
      'a duplicate expanded name among nine attributes',
      '<r xmlns:a="urn:x" xmlns:b="urn:x" c="1" d="2" e="3" f="4" g="5" a:k="1" b:k="2"/>',
    ],
    ['a duplicate name among nine attributes', '<r c="1" d="2" e="3" f="4" g="5" h="6" i="7" j="8" c="9"/>'],
    ['attributes without whitespace between them', '<r a="1"b="2"/>'],
    ['a mismatched end tag', '<r><a></b></r>'],
    ['an end tag that is a longer name', '<r><a></ab></r>'],
    ['an end tag that is a shorter name', '<r><ab></a></r>'],
    ['an end tag with a prefix its start tag lacks', '<r xmlns:p="urn:x"><a></p:a></r>'],
    ['an end tag with whitespace', '<r></r >'],
    ['an unclosed element', '<r><a></r>'],
    ['two roots', '<r/><r/>'],
    ['text after the root', '<r/>x'],
    ['leading whitespace before the declaration', ' <?xml version="1.0"?><r/>'],
    ['a name with two colons', '<a:b:c xmlns:a="urn:x"/>'],
    ['an empty document', ''],
    ['more elements than the limit', `<r>${'<a/>'.repeat(DEFAULT_XML_LIMITS.maxElements)}</r>`],
    ['nesting deeper than the limit', `${'<a>'.repeat(DEFAULT_XML_LIMITS.maxDepth + 1)}${'</a>'.repeat(DEFAULT_XML_LIMITS.maxDepth + 1)}`],
  ])('leaves %s to saxes', (_name, xml) => {
    expect(readPlainXml(xml, DEFAULT_XML_LIMITS)).toBeUndefined();
  });

  it('reads exactly the limits saxes accepts', () => {
    const deepest = `${'<a>'.repeat(DEFAULT_XML_LIMITS.maxDepth)}${'</a>'.repeat(DEFAULT_XML_LIMITS.maxDepth)}`;
    const widest = `<r>${'<a/>'.repeat(DEFAULT_XML_LIMITS.maxElements - 1)}</r>`;
    expect(readPlainXml(deepest, DEFAULT_XML_LIMITS)).toBeDefined();
    expect(readPlainXml(widest, DEFAULT_XML_LIMITS)).toBeDefined();
  });

  it('builds the tree saxes builds, or leaves the document to saxes, for mutated envelopes', () => {
    // Characters that matter to XML, spliced into real envelopes: whatever the reader accepts, saxes accepts alike.
    const pieces = [
      '<',
      '>',
      '/',
      '=',
      '"',
      "'",
      '&',
      ';',
      ':',
      ' ',
      '\n',
      '\t',
      '\r',
      ']',
      '!',
      '?',
      '-',
      'a',
      'xmlns',
      'xsi:',
      '&amp;',
      'é',
    ];
    const mutation = fc.record({
      base: fc.constantFrom(PERFORM, PRETTY),
      edits: fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(mutation, ({ base, edits }) => {
        let xml = base;
        for (const [position, removed, inserted] of edits) {
          const at = position % (xml.length + 1);
          xml = xml.slice(0, at) + inserted + xml.slice(at + removed);
        }
        const plain = readPlainXml(xml, DEFAULT_XML_LIMITS);
        if (plain !== undefined) expect({ ok: true, root: plain }).toEqual(parseXmlTreeWithSaxes(xml, DEFAULT_XML_LIMITS));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseXmlTree', () => {
  // The messages main gave before the plain reader: documents it scans first still get saxes's words.
  it.each([
    ['<r><a></b></r>', 'The XML is not well-formed: 1:10: unexpected close tag.'],
    ['<r><a></r>', 'The XML is not well-formed: 1:10: unexpected close tag.'],
    ['<r a="1" a="2"/>', 'The XML is not well-formed: 1:16: duplicate attribute: a.'],
    ['<r xmlns:a="urn:x" xmlns:b="urn:x" a:k="1" b:k="2"/>', 'The XML is not well-formed: 1:52: duplicate attribute: {urn:x}k.'],
    ['<r a="1"b="2"/>', 'The XML is not well-formed: 1:9: no whitespace between attributes.'],
    ['<p:r/>', 'The XML is not well-formed: 1:6: unbound namespace prefix: "p".'],
    ['<r/>x', 'The XML is not well-formed: 1:5: text data outside of root node.'],
    ['<r>a & b</r>', 'The XML is not well-formed: 1:12: unclosed tag: r'],
    ['<r><a>', 'The XML is not well-formed: 1:6: unclosed tag: a'],
  ])('reports %s with the message saxes gives', (xml, message) => {
    expect(parseXmlTree(xml)).toEqual({ ok: false, reason: 'malformed-xml', message });
  });
});
