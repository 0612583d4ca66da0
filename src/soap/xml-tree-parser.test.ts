import { describe, expect, it } from 'vitest';
import { sfmcSoapDialect } from '../../handlers/sfmc/dialect.ts';
import { createSoapDecoder } from './soap-decoder.ts';

const decodeSoapEnvelope = createSoapDecoder({ alwaysArray: sfmcSoapDialect.alwaysArray });

import { parseXmlTree } from './xml-tree-parser.ts';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><A>&lol9;</A></soap:Body></soap:Envelope>`;

const XXE =
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><A>&e;</A></soap:Body></soap:Envelope>';

function nested(depth: number): string {
  return `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`;
}

function siblings(count: number): string {
  return `<r>${'<a/>'.repeat(count - 1)}</r>`;
}

describe('parseXmlTree', () => {
  it.each([
    ['a billion-laughs payload', BILLION_LAUGHS],
    ['an XXE payload reading file:///etc/passwd', XXE],
    ['an external DTD', '<!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd"><x/>'],
    ['a parameter entity', '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]><x/>'],
    ['a DOCTYPE with no internal subset', '<!DOCTYPE x><x/>'],
  ])('refuses %s with reason xml-doctype before any entity is touched', (_name, xml) => {
    expect(parseXmlTree(xml)).toMatchObject({ ok: false, reason: 'xml-doctype' });
  });

  it('refuses the XXE payload through the SOAP decoder with reason xml-doctype', () => {
    expect(decodeSoapEnvelope(XXE)).toMatchObject({ ok: false, reason: 'xml-doctype' });
  });

  it.each([
    ['accepts 32 levels of nesting', nested(32), { ok: true }],
    ['refuses 33 levels of nesting as too-deep', nested(33), { ok: false, reason: 'too-deep' }],
    ['refuses 100,000 levels of nesting as too-deep', nested(100_000), { ok: false, reason: 'too-deep' }],
    ['accepts 10,000 elements', siblings(10_000), { ok: true }],
    ['refuses 10,001 elements as too-many-elements', siblings(10_001), { ok: false, reason: 'too-many-elements' }],
  ])('%s', (_name, xml, expected) => {
    expect(parseXmlTree(xml)).toMatchObject(expected);
  });

  it('honours limits passed by the caller', () => {
    expect(parseXmlTree(nested(3), { maxDepth: 2, maxElements: 10 })).toMatchObject({ reason: 'too-deep' });
    expect(parseXmlTree(siblings(3), { maxDepth: 2, maxElements: 2 })).toMatchObject({ reason: 'too-many-elements' });
  });

  it('ignores processing instructions other than the XML declaration', () => {
    const result = parseXmlTree('<?xml version="1.0"?><?xml-stylesheet href="x.xsl"?><r><?app data?>t</r>');
    expect(result).toMatchObject({ ok: true, root: { local: 'r', text: 't', children: [] } });
  });

  it('resolves namespaces, keeps the local part of xsi:type and other attributes by local name', () => {
    const result = parseXmlTree(
      '<p:r xmlns:p="urn:p" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ns1:Send" other="x"/>',
    );
    expect(result).toEqual({
      ok: true,
      root: { local: 'r', uri: 'urn:p', type: 'Send', nil: false, attributes: { other: 'x' }, children: [], text: '' },
    });
  });

  it.each([
    ['an XML declaration after leading whitespace', '  <?xml version="1.0"?><r/>'],
    ['two root elements', '<r/><r/>'],
    ['a duplicate attribute', '<r a="1" a="2"/>'],
    ['a bare ampersand', '<r>a & b</r>'],
  ])('reports %s as malformed-xml', (_name, xml) => {
    expect(parseXmlTree(xml)).toMatchObject({ ok: false, reason: 'malformed-xml' });
  });
});
