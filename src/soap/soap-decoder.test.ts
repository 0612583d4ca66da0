import { describe, expect, it } from 'vitest';
import { sfmcSoapDialect } from '../../handlers/sfmc/dialect.ts';
import { documentEnvelope, sdkEnvelope } from '../../test/support/sfmc-envelopes.ts';
import { createSoapDecoder } from './soap-decoder.ts';

const decodeSoapEnvelope = createSoapDecoder({ alwaysArray: sfmcSoapDialect.alwaysArray });

/** The vendor's sample, verbatim (stray `=` included), and sfmc-sdk 2.1.2's envelope byte for byte. */
const DOCUMENT_ENVELOPE = documentEnvelope();
const SFMC_SDK_ENVELOPE = sdkEnvelope('TOKEN');

/** fuel-soap's xml2js Builder output: the same envelope, headless, pretty-printed with 2 spaces. */
const XML2JS_ENVELOPE = `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Body>
    <PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI">
      <Action>cancel</Action>
      <Definitions>
        <Definition xsi:type="Send">
          <ID>29605</ID>
        </Definition>
      </Definitions>
    </PerformRequestMsg>
  </Body>
  <Header>
    <fueloauth xmlns="http://exacttarget.com">TOKEN</fueloauth>
  </Header>
</Envelope>`;

const SDK_BODY = {
  PerformRequestMsg: { Action: 'cancel', Definitions: { Definition: [{ '@type': 'Send', ID: '29605' }] } },
};

const SOAP_11 = 'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"';

/** Wraps body content in a minimal `soap:` envelope. */
function envelope(body: string): string {
  return `<soap:Envelope ${SOAP_11}><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

function decodedBody(xml: string): unknown {
  const result = decodeSoapEnvelope(xml);
  if (!result.ok) throw new Error(`expected success, got ${result.reason}: ${result.message}`);
  return (result.value as { Envelope: { Body: unknown } }).Envelope.Body;
}

describe('decodeSoapEnvelope', () => {
  it("decodes the vendor document's SOAP-ENV envelope with UsernameToken, stray text and xsi:nil children", () => {
    expect(decodeSoapEnvelope(DOCUMENT_ENVELOPE)).toEqual({
      ok: true,
      value: {
        Envelope: {
          Header: {
            Security: {
              UsernameToken: {
                Username: 'XXX',
                Password: 'XXX',
                Nonce: 'On06D99VmKbjWKQiY6wYLk+IpIs=',
                Created: '2011-03-24T15:23:47Z',
              },
            },
          },
          Body: {
            PerformRequestMsg: {
              Options: '',
              Action: 'cancel',
              Definitions: {
                Definition: [
                  {
                    '@type': 'Send',
                    ModifiedDate: null,
                    ID: '29605',
                    ObjectID: null,
                    NumberSent: null,
                    NumberDelivered: null,
                    SentDate: null,
                  },
                ],
              },
            },
          },
        },
      },
    });
  });

  it('decodes the sfmc-sdk envelope (default namespace, Body before Header) with fueloauth as a string', () => {
    expect(decodeSoapEnvelope(SFMC_SDK_ENVELOPE)).toEqual({
      ok: true,
      value: { Envelope: { Header: { fueloauth: 'TOKEN' }, Body: SDK_BODY } },
    });
  });

  it.each([
    ['the sfmc-sdk envelope without an XML declaration', SFMC_SDK_ENVELOPE],
    ['the sfmc-sdk envelope with an XML declaration', `<?xml version="1.0" encoding="UTF-8"?>${SFMC_SDK_ENVELOPE}`],
    ['the pretty-printed xml2js envelope', XML2JS_ENVELOPE],
    ['the xml2js envelope with a BOM and an XML declaration', `\uFEFF<?xml version="1.0"?>\n${XML2JS_ENVELOPE}`],
    [
      'a soap:-prefixed envelope with Header first and ns1: children',
      `<soap:Envelope ${SOAP_11} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Header soap:mustUnderstand="1"/><soap:Body><ns1:PerformRequestMsg xmlns:ns1="http://exacttarget.com/wsdl/partnerAPI"><ns1:Action>cancel</ns1:Action><ns1:Definitions><ns1:Definition xsi:type="ns1:Send"><ns1:ID>29605</ns1:ID></ns1:Definition></ns1:Definitions></ns1:PerformRequestMsg></soap:Body></soap:Envelope>`,
    ],
  ])('decodes %s to the same Body shape', (_name, xml) => {
    expect(decodedBody(xml)).toEqual(SDK_BODY);
  });

  it('decodes two Definitions to an array of two', () => {
    const xml = envelope(
      '<PerformRequestMsg><Definitions><Definition><ID>1</ID></Definition><Definition><ID>2</ID></Definition></Definitions></PerformRequestMsg>',
    );
    expect(decodedBody(xml)).toEqual({ PerformRequestMsg: { Definitions: { Definition: [{ ID: '1' }, { ID: '2' }] } } });
  });

  it('makes a repeated element that is not on the always-array list an array, and a single one an object', () => {
    const xml = envelope('<M><Item>a</Item><Item>b</Item><Only><X>1</X></Only></M>');
    expect(decodedBody(xml)).toEqual({ M: { Item: ['a', 'b'], Only: { X: '1' } } });
  });

  it('uses the always-array names passed in options instead of the defaults', () => {
    const decode = createSoapDecoder({ alwaysArray: ['Item'] });
    const result = decode(envelope('<M><Item>a</Item><Definition><ID>1</ID></Definition></M>'));
    expect(result).toEqual({ ok: true, value: { Envelope: { Body: { M: { Item: ['a'], Definition: { ID: '1' } } } } } });
  });

  it.each([
    ['keeps numbers as strings', '<A>29605</A>', { A: '29605' }],
    ['keeps leaf whitespace as sent', '<A> x </A>', { A: ' x ' }],
    ['decodes the five predefined entities and character references', '<A>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</A>', { A: '<>&"\'AB' }],
    ['reads CDATA as text', '<A><![CDATA[<b>&amp;</b>]]></A>', { A: '<b>&amp;</b>' }],
    ['decodes an empty element to an empty string', '<A/>', { A: '' }],
    ['decodes xsi:nil="1" to null', '<A xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="1">x</A>', { A: null }],
    [
      'keeps xsi:type on a text-only element as @type and #text',
      '<V xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xsd:string">hi</V>',
      { V: { '@type': 'string', '#text': 'hi' } },
    ],
    ['ignores a type attribute outside the xsi namespace', '<A type="Send">x</A>', { A: 'x' }],
    ['ignores comments and processing instructions', '<A><!-- c --><?app x?><B>1</B></A>', { A: { B: '1' } }],
    ['keeps an element named __proto__ as an own property', '<A><__proto__>x</__proto__></A>', { A: JSON.parse('{"__proto__":"x"}') }],
  ])('%s', (_name, content, body) => {
    expect(decodedBody(envelope(content))).toEqual(body);
  });

  it.each([
    ['not-well-formed XML', `<soap:Envelope ${SOAP_11}><soap:Body></soap:Envelope>`, 'malformed-xml'],
    ['an empty body text', '', 'malformed-xml'],
    ['text that is not XML', 'ID=29605', 'malformed-xml'],
    ['an undeclared entity', envelope('<A>&e;</A>'), 'malformed-xml'],
    ['an unbound prefix', envelope('<x:A/>'), 'malformed-xml'],
    ['a non-SOAP root', '<PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"/>', 'not-soap-envelope'],
    ['a SOAP 1.2 envelope', '<Envelope xmlns="http://www.w3.org/2003/05/soap-envelope"><Body/></Envelope>', 'envelope-version-mismatch'],
    ['an Envelope with no namespace', '<Envelope><Body/></Envelope>', 'envelope-version-mismatch'],
    ['a Body outside the SOAP namespace', `<soap:Envelope ${SOAP_11}><Body/></soap:Envelope>`, 'not-soap-envelope'],
    ['a Header outside the SOAP namespace', `<soap:Envelope ${SOAP_11}><Header/><soap:Body/></soap:Envelope>`, 'not-soap-envelope'],
    ['an Envelope without a Body', `<soap:Envelope ${SOAP_11}><soap:Header/></soap:Envelope>`, 'not-soap-envelope'],
    ['two Bodies', `<soap:Envelope ${SOAP_11}><soap:Body/><soap:Body/></soap:Envelope>`, 'not-soap-envelope'],
  ])('fails with reason %s -> %s', (_name, xml, reason) => {
    const result = decodeSoapEnvelope(xml);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('names the namespace of an Envelope that is not SOAP 1.1', () => {
    const result = decodeSoapEnvelope('<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body/></env:Envelope>');
    expect(result).toMatchObject({ ok: false, params: { namespace: 'http://www.w3.org/2003/05/soap-envelope' } });
  });

  it('puts the parser message in a malformed-xml failure', () => {
    const result = decodeSoapEnvelope(`<soap:Envelope ${SOAP_11}><soap:Body></soap:Envelope>`);
    expect(result.ok ? '' : result.message).toMatch(/^The XML is not well-formed: 1:\d+: unexpected close tag/);
  });
});
