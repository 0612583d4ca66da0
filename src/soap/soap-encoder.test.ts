import { describe, expect, it } from 'vitest';
import { sfmcSoapDialect } from '../../handlers/sfmc/dialect.ts';
import { encodeSoapEnvelope as encodeIn } from './soap-encoder.ts';

/** The encoder in SFMC's dialect, the one these cases were written for. */
const encodeSoapEnvelope = (value: unknown): string => encodeIn(value, sfmcSoapDialect);

const ENVELOPE_START =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">';

const HEADER = {
  Action: 'PerformResponse',
  MessageID: 'urn:uuid:0d6e6c3e-3f0c-4a57-9d0e-5a8e2b9f1c11',
  RelatesTo: 'urn:uuid:5a1c9a3b-8b4e-4d8a-9f3b-2c1d0e9f8a7b',
  To: 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous',
  Security: {
    Timestamp: { Id: 'Timestamp-1a2b', Created: '2024-05-01T10:00:00Z', Expires: '2024-05-01T10:05:00Z' },
  },
};

const HEADER_XML =
  '<soap:Header><wsa:Action>PerformResponse</wsa:Action><wsa:MessageID>urn:uuid:0d6e6c3e-3f0c-4a57-9d0e-5a8e2b9f1c11</wsa:MessageID><wsa:RelatesTo>urn:uuid:5a1c9a3b-8b4e-4d8a-9f3b-2c1d0e9f8a7b</wsa:RelatesTo><wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To><wsse:Security><wsu:Timestamp wsu:Id="Timestamp-1a2b"><wsu:Created>2024-05-01T10:00:00Z</wsu:Created><wsu:Expires>2024-05-01T10:05:00Z</wsu:Expires></wsu:Timestamp></wsse:Security></soap:Header>';

function body(xml: string): string {
  return `${ENVELOPE_START}<soap:Body>${xml}</soap:Body></soap:Envelope>`;
}

describe('encodeSoapEnvelope', () => {
  it('writes a successful PerformResponseMsg the way SFMC does, header included', () => {
    const xml = encodeSoapEnvelope({
      Envelope: {
        Header: HEADER,
        Body: {
          PerformResponseMsg: {
            Results: {
              Result: [
                {
                  StatusCode: 'OK',
                  StatusMessage: 'Send cancel called successfully',
                  Object: { '@type': 'Send', PartnerKey: null, ID: '29605' },
                  Task: { StatusCode: 'OK', StatusMessage: 'OK', ID: 127061082 },
                },
              ],
            },
            OverallStatus: 'OK',
            OverallStatusMessage: '',
            RequestID: '6f0b5c1e-2d7a-4c3b-9e8f-1a2b3c4d5e6f',
          },
        },
      },
    });
    expect(xml).toBe(
      `${ENVELOPE_START}${HEADER_XML}<soap:Body><PerformResponseMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Results><Result><StatusCode>OK</StatusCode><StatusMessage>Send cancel called successfully</StatusMessage><Object xsi:type="Send"><PartnerKey xsi:nil="true" /><ID>29605</ID></Object><Task><StatusCode>OK</StatusCode><StatusMessage>OK</StatusMessage><ID>127061082</ID></Task></Result></Results><OverallStatus>OK</OverallStatus><OverallStatusMessage /><RequestID>6f0b5c1e-2d7a-4c3b-9e8f-1a2b3c4d5e6f</RequestID></PerformResponseMsg></soap:Body></soap:Envelope>`,
    );
  });

  it.each([
    [
      'the Security fault with q0 declared on faultcode and no detail',
      {
        faultcode: 'q0:Security',
        faultstring: 'Login failed',
        faultactor: 'https://mcabc.soap.marketingcloudapis.com/Service.asmx',
      },
      '<soap:Fault><faultcode xmlns:q0="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">q0:Security</faultcode><faultstring>Login failed</faultstring><faultactor>https://mcabc.soap.marketingcloudapis.com/Service.asmx</faultactor></soap:Fault>',
    ],
    [
      'the Server fault with apifault in the fault namespace',
      { faultcode: 'soap:Server', faultstring: 'Unplanned Outage', detail: { apifault: { Code: '2', Message: 'Unplanned Outage' } } },
      '<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Unplanned Outage</faultstring><detail><apifault xmlns="urn:fault.partner.exacttarget.com"><Code>2</Code><Message>Unplanned Outage</Message></apifault></detail></soap:Fault>',
    ],
    [
      'the Client fault with an empty detail',
      { faultcode: 'soap:Client', faultstring: 'Server did not recognize the value of HTTP Header SOAPAction: Test.', detail: '' },
      '<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Server did not recognize the value of HTTP Header SOAPAction: Test.</faultstring><detail /></soap:Fault>',
    ],
  ])('writes %s as soap:Fault', (_name, fault, expected) => {
    expect(encodeSoapEnvelope({ Envelope: { Body: { Fault: fault } } })).toBe(body(expected));
  });

  it.each([
    ['null as xsi:nil', { M: { A: null } }, '<A xsi:nil="true" />'],
    ['an empty string as an empty element', { M: { A: '' } }, '<A />'],
    ['an empty object as an empty element', { M: { A: {} } }, '<A />'],
    ['@type alone as a typed empty element', { M: { Object: { '@type': 'Send' } } }, '<Object xsi:type="Send" />'],
    ['@type with #text', { M: { V: { '@type': 'string', '#text': 'x' } } }, '<V xsi:type="string">x</V>'],
    ['an array as repeated elements', { M: { R: ['a', 'b'] } }, '<R>a</R><R>b</R>'],
    ['booleans and numbers as text', { M: { B: false, N: 12014 } }, '<B>false</B><N>12014</N>'],
    ['undefined properties as nothing', { M: { A: undefined, B: 'x' } }, '<B>x</B>'],
    ['a key named __proto__ as an element', { M: JSON.parse('{"__proto__":"x"}') }, '<__proto__>x</__proto__>'],
    [
      'escaped text and attributes',
      { M: { A: `<&>"'`, O: { '@type': 'a"<' } } },
      '<A>&lt;&amp;&gt;&quot;&apos;</A><O xsi:type="a&quot;&lt;" />',
    ],
  ])('writes %s', (_name, bodyValue, inner) => {
    expect(encodeSoapEnvelope({ Envelope: { Body: bodyValue } })).toBe(
      body(`<M xmlns="http://exacttarget.com/wsdl/partnerAPI">${inner}</M>`),
    );
  });

  it('writes header elements named like Object.prototype members unprefixed', () => {
    expect(encodeSoapEnvelope({ Envelope: { Header: { constructor: 'a', toString: 'b' }, Body: {} } })).toBe(
      `${ENVELOPE_START}<soap:Header><constructor>a</constructor><toString>b</toString></soap:Header><soap:Body></soap:Body></soap:Envelope>`,
    );
  });

  it('omits soap:Header when the Envelope has no Header', () => {
    expect(encodeSoapEnvelope({ Envelope: { Body: {} } })).toBe(body(''));
  });

  it.each([
    ['no Envelope', { Body: {} }],
    ['an Envelope without Body', { Envelope: {} }],
    ['a Header that is a string', { Envelope: { Header: 'x', Body: {} } }],
    ['a key that is not an XML name', { Envelope: { Body: { 'a b': 'x' } } }],
    ['nested arrays', { Envelope: { Body: { M: { A: [['x']] } } } }],
    ['a function', { Envelope: { Body: { M: { A: () => 1 } } } }],
  ])('throws a TypeError for a handler value with %s', (_name, value) => {
    expect(() => encodeSoapEnvelope(value)).toThrow(TypeError);
  });
});
