/**
 * SFMC request envelopes as real clients send them, for the behaviour suite, parity and benchmark.
 *
 * @see https://github.com/DougMidgley/SFMC-SDK and https://github.com/salesforce-marketingcloud/FuelSDK-Node (what real clients send)
 * @see https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/canceling_a_scheduled_send.html (the document's envelope)
 */

/** The vendor document's sample envelope, verbatim but for the Send ID (stray `=` included). */
export function documentEnvelope(id = '29605', username = 'XXX', password = 'XXX'): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
    <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <SOAP-ENV:Header>
           <wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
                <wsse:UsernameToken>
                    <wsse:Username>${username}</wsse:Username>
                    <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${password}</wsse:Password>
                    <wsse:Nonce>On06D99VmKbjWKQiY6wYLk+IpIs=</wsse:Nonce>
                    <wsu:Created>2011-03-24T15:23:47Z</wsu:Created>
                </wsse:UsernameToken>
            </wsse:Security>
        </SOAP-ENV:Header>
        <SOAP-ENV:Body>
            <PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI">
                <Options />
                <Action>cancel</Action>
                <Definitions>
                    <ns1:Definition xmlns:ns1="http://exacttarget.com/wsdl/partnerAPI" xsi:type="ns1:Send">=
                        <ns1:ModifiedDate xsi:nil="true" />
                        <ns1:ID>${id}</ns1:ID>
                        <ns1:ObjectID xsi:nil="true" />
                        <ns1:NumberSent xsi:nil="true" />
                        <ns1:NumberDelivered xsi:nil="true" />
                        <ns1:SentDate xsi:nil="true" />
                    </ns1:Definition>
                </Definitions>
            </PerformRequestMsg>
        </SOAP-ENV:Body>
    </SOAP-ENV:Envelope>`;
}

/** What sfmc-sdk sends for `perform(type, action, {ID})`: no declaration, Body before Header, fueloauth. */
export function sdkEnvelope(token: string, ids: readonly string[] = ['29605'], action = 'cancel', type = 'Send'): string {
  const definitions = ids.map((id) => `<Definition xsi:type="${type}"><ID>${id}</ID></Definition>`).join('');
  return `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Body><PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Action>${action}</Action><Definitions>${definitions}</Definitions></PerformRequestMsg></Body><Header><fueloauth xmlns="http://exacttarget.com">${token}</fueloauth></Header></Envelope>`;
}

/** The document's credentials as a UsernameToken in an sfmc-sdk-shaped envelope, several Definitions. */
export function usernameEnvelope(ids: readonly string[], action = 'cancel', type = 'Send', extraHeader = ''): string {
  const definitions = ids.map((id) => `<Definition xsi:type="${type}"><ID>${id}</ID></Definition>`).join('');
  return `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>XXX</wsse:Username><wsse:Password>XXX</wsse:Password></wsse:UsernameToken></wsse:Security>${extraHeader}</soap:Header><soap:Body><PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Action>${action}</Action><Definitions>${definitions}</Definitions></PerformRequestMsg></soap:Body></soap:Envelope>`;
}

/** Classic XXE: an external entity naming a local file. */
export const XXE_ENVELOPE = `<?xml version="1.0"?><!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Action>&xxe;</Action></PerformRequestMsg></Body></Envelope>`;

/** Billion laughs: nested internal entities. */
export const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><x>&lol9;</x></Body></Envelope>`;

/** 100 nested elements inside the Body: past the decoder's depth limit. */
export const TOO_DEEP = `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</Body></Envelope>`;

/**
 * A Retrieve of Send shaped like Salesforce's "Retrieve the Scheduled Send Time and Status of a Send"
 * sample (`soapenv:` prefixes, an empty Options, one Properties element per property), with the
 * document's UsernameToken and an optional Filter's inner XML.
 */
export function retrieveEnvelope(
  properties: readonly string[] = ['ID', 'SendDate', 'Status'],
  filter = '<Filter xsi:type="SimpleFilterPart"><Property>ID</Property><SimpleOperator>equals</SimpleOperator><Value>29605</Value></Filter>',
  objectType = 'Send',
  extraHeader = '',
): string {
  const props = properties.map((name) => `<Properties>${name}</Properties>`).join('');
  return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>XXX</wsse:Username><wsse:Password>XXX</wsse:Password></wsse:UsernameToken></wsse:Security>${extraHeader}</soapenv:Header><soapenv:Body><RetrieveRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><RetrieveRequest><Options></Options><ObjectType>${objectType}</ObjectType>${props}${filter}</RetrieveRequest></RetrieveRequestMsg></soapenv:Body></soapenv:Envelope>`;
}
