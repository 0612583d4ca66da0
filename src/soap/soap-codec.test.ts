import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sfmcSoapDialect } from '../../handlers/sfmc/dialect.ts';
import { createSoapCodec } from './soap-codec.ts';

const soapCodec = createSoapCodec(sfmcSoapDialect);

const CONTEXT = { mediaType: 'text/xml', schema: undefined };

const HEADER = {
  Action: 'PerformResponse',
  MessageID: 'urn:uuid:0d6e6c3e-3f0c-4a57-9d0e-5a8e2b9f1c11',
  RelatesTo: 'urn:uuid:5a1c9a3b-8b4e-4d8a-9f3b-2c1d0e9f8a7b',
  To: 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous',
  Security: { Timestamp: { Id: 'Timestamp-1', Created: '2024-05-01T10:00:00Z', Expires: '2024-05-01T10:05:00Z' } },
};

const SUCCESS = {
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
              Task: { StatusCode: 'OK', StatusMessage: 'OK', ID: '127061082' },
            },
          ],
        },
        OverallStatus: 'OK',
        OverallStatusMessage: '',
        RequestID: '6f0b5c1e-2d7a-4c3b-9e8f-1a2b3c4d5e6f',
      },
    },
  },
};

const ERROR_RESULT = {
  Envelope: {
    Body: {
      PerformResponseMsg: {
        Results: {
          Result: [
            { StatusCode: 'Error', StatusMessage: 'Send not found', ErrorCode: '12014', Object: { '@type': 'Send', ID: '1' } },
            { StatusCode: 'OK', StatusMessage: 'Send cancel called successfully', Object: { '@type': 'Send', ID: '2' } },
          ],
        },
        OverallStatus: 'Error',
        OverallStatusMessage: '',
        RequestID: 'r-1',
      },
    },
  },
};

const SECURITY_FAULT = {
  Envelope: {
    Header: { ...HEADER, Action: 'http://schemas.xmlsoap.org/ws/2004/08/addressing/fault' },
    Body: {
      Fault: {
        faultcode: 'q0:Security',
        faultstring: 'Login failed',
        faultactor: 'https://mcabc.soap.marketingcloudapis.com/Service.asmx',
      },
    },
  },
};

const SERVER_FAULT = {
  Envelope: {
    Body: {
      Fault: {
        faultcode: 'soap:Server',
        faultstring: 'Unplanned Outage',
        detail: { apifault: { Code: '2', Message: 'Unplanned Outage' } },
      },
    },
  },
};

/** How sfmc-sdk reads a response: fast-xml-parser, attributes ignored, `soap:` keys read literally. */
function readLikeSfmcSdk(xml: string): Record<string, Record<string, unknown>> {
  const parsed = new XMLParser({ ignoreAttributes: true }).parse(xml) as Record<string, Record<string, unknown>>;
  const envelope = parsed['soap:Envelope'] as Record<string, Record<string, Record<string, unknown>>>;
  return envelope['soap:Body'] ?? {};
}

describe('soapCodec', () => {
  it('serves text/xml and application/soap+xml', () => {
    expect(soapCodec.mediaTypes).toEqual(['text/xml', 'application/soap+xml']);
  });

  it("lets sfmc-sdk's reader find OverallStatus OK, the Result and the Send ID in a success", () => {
    const soapBody = readLikeSfmcSdk(soapCodec.encode(SUCCESS, CONTEXT));
    const message = soapBody.PerformResponseMsg as Record<string, unknown>;
    expect(message.OverallStatus).toBe('OK');
    expect(message.Results).toEqual({
      Result: {
        StatusCode: 'OK',
        StatusMessage: 'Send cancel called successfully',
        Object: { PartnerKey: '', ID: 29605 },
        Task: { StatusCode: 'OK', StatusMessage: 'OK', ID: 127061082 },
      },
    });
  });

  it("lets sfmc-sdk's reader find faultcode q0:Security and faultstring Login failed in a Security fault", () => {
    const soapBody = readLikeSfmcSdk(soapCodec.encode(SECURITY_FAULT, CONTEXT));
    expect(soapBody['soap:Fault']).toEqual({
      faultcode: 'q0:Security',
      faultstring: 'Login failed',
      faultactor: 'https://mcabc.soap.marketingcloudapis.com/Service.asmx',
    });
  });

  it.each([
    ['a success', SUCCESS],
    ['a failed Result with OverallStatus Error', ERROR_RESULT],
    ['a Security fault', SECURITY_FAULT],
    ['a Server fault with apifault detail', SERVER_FAULT],
  ])('gives back the Body shape when decoding its own encoding of %s', (_name, value) => {
    const decoded = soapCodec.decode(soapCodec.encode(value, CONTEXT));
    expect(decoded).toMatchObject({ ok: true });
    expect(decoded.ok && (decoded.value as typeof value).Envelope.Body).toEqual(value.Envelope.Body);
  });

  it('decodes the header it writes back to the shape it was written from, Timestamp wsu:Id included', () => {
    const decoded = soapCodec.decode(soapCodec.encode(SUCCESS, CONTEXT));
    expect(decoded.ok && (decoded.value as typeof SUCCESS).Envelope.Header).toEqual(HEADER);
  });

  it('never writes an envelope prefix other than soap:', () => {
    const xml = [SUCCESS, ERROR_RESULT, SECURITY_FAULT, SERVER_FAULT].map((v) => soapCodec.encode(v, CONTEXT)).join('');
    const prefixes = new Set([...xml.matchAll(/<\/?([A-Za-z_][\w.-]*):/g)].map((m) => m[1]));
    expect([...prefixes].sort()).toEqual(['soap', 'wsa', 'wsse', 'wsu']);
  });
});
