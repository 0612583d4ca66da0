import type { BenchScenario } from '../scenario.ts';

const FIRST_ID = 1_000_000;

/** The document's UsernameToken envelope, compacted, cancelling one Send. */
function envelope(id: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><SOAP-ENV:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>XXX</wsse:Username><wsse:Password>XXX</wsse:Password></wsse:UsernameToken></wsse:Security></SOAP-ENV:Header><SOAP-ENV:Body><PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Options /><Action>cancel</Action><Definitions><ns1:Definition xmlns:ns1="http://exacttarget.com/wsdl/partnerAPI" xsi:type="ns1:Send"><ns1:ID>${id}</ns1:ID></ns1:Definition></Definitions></PerformRequestMsg></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

/**
 * SFMC SOAP Perform cancel: every request cancels its own scheduled Send (IDs from 1,000,000), so each
 * is a real OK Result through decode, ajv, the store update and the envelope encoder.
 */
export const scenario: BenchScenario = {
  name: 'sfmc Perform cancel Send (200 OK)',
  vendor: 'sfmc',
  origin: 'https://webservice.exacttarget.com',
  state(count) {
    const sends = Array.from({ length: count }, (_, index) => ({
      ID: FIRST_ID + index,
      Status: 'Scheduled',
      EmailName: `Bench ${index}`,
      SendDate: '2030-01-01T00:00:00Z',
      CanceledDate: null,
    }));
    return { sfmc: { sends, tokens: [] } };
  },
  request(index) {
    return {
      method: 'POST',
      path: '/Service.asmx',
      headers: { 'content-type': 'text/xml', soapaction: 'Perform' },
      body: envelope(FIRST_ID + index),
    };
  },
  expectedStatus: 200,
  baseline: {
    status: 200,
    contentType: 'text/xml; charset=utf-8',
    body: '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><PerformResponseMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Results><Result><StatusCode>OK</StatusCode></Result></Results><OverallStatus>OK</OverallStatus><OverallStatusMessage /></PerformResponseMsg></soap:Body></soap:Envelope>',
    route: { method: 'POST', path: '/Service.asmx' },
  },
};
