import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createMock } from '../src/msw.ts';
import { documentEnvelope, usernameEnvelope } from './support/sfmc-envelopes.ts';

const SERVICE = 'https://mc563885gzs27c5t9-63k636ttgm.soap.marketingcloudapis.com/Service.asmx';
const mock = createMock({ strict: true });

async function perform(body: string, soapaction = 'Perform') {
  const response = await mock.fetch(new Request(SERVICE, { method: 'POST', headers: { 'content-type': 'text/xml', soapaction }, body }));
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** Fragments real envelopes are made of, so random mixes reach deep into the decoder and handler. */
const fragment = fc.constantFrom(
  '<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/">',
  '</Envelope>',
  '<Body>',
  '</Body>',
  '<Header>',
  '</Header>',
  '<fueloauth>',
  '</fueloauth>',
  '<PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI">',
  '</PerformRequestMsg>',
  '<Action>cancel</Action>',
  '<Definitions>',
  '</Definitions>',
  '<Definitions/>',
  '<Definition xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Send">',
  '</Definition>',
  '<ID>29605</ID>',
  '<ID><x/></ID>',
  '<Security><UsernameToken><Username>XXX</Username><Password>XXX</Password></UsernameToken></Security>',
  '<Action><a/></Action>',
  '<!DOCTYPE x>',
  '&amp;',
  '=',
  ' ',
);

it('answers any mix of envelope fragments with SOAP XML (200 or a 500 fault), never JSON or a mock problem', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fragment, { maxLength: 30 }), fc.string({ maxLength: 5 }), async (parts, noise) => {
      const answer = await perform(parts.join('') + noise);
      expect([200, 500]).toContain(answer.status);
      expect(answer.contentType).toBe('text/xml; charset=utf-8');
      expect(answer.text.startsWith('<?xml version="1.0" encoding="utf-8"?><soap:Envelope')).toBe(true);
    }),
    { numRuns: 300 },
  );
});

it('answers a request with an empty Definitions with OverallStatus Error and no Results', async () => {
  const answer = await perform(usernameEnvelope([]).replace('<Definitions></Definitions>', '<Definitions />'));
  expect(answer.status).toBe(200);
  expect(answer.text).toContain(
    '<OverallStatus>Error</OverallStatus><OverallStatusMessage>No Definitions were supplied.</OverallStatusMessage>',
  );
});

it('refuses a request over 1 MiB with the payload-too-large problem before parsing it', async () => {
  const answer = await perform(documentEnvelope().replace('<Options />', `<Options>${'x'.repeat(1_100_000)}</Options>`));
  expect(answer.status).toBe(413);
  expect(answer.text).toContain('payload-too-large');
});
