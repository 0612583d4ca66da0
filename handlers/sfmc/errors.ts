import { clockTimeAfter, type HandlerContext, type HandlerResult } from '../kit/index.ts';

/**
 * Every SFMC fault and error-Result text the mock sends, in one catalogue. Documented texts first;
 * the rest are the mock's choice where SFMC documents only the shape (see openapi/sfmc.yaml).
 *
 * @see https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/perform.htm (error Results) and https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/soap_faults.html (faults)
 */
export const sfmcFaults = {
  loginFailed: () => ({ faultcode: 'q0:Security', faultstring: 'Login failed' }),
  tokenExpired: () => ({ faultcode: 'q0:Security', faultstring: 'Token Expired' }),
  /**
   * Neither an HTTP SOAPAction nor a WS-Addressing Action: the SOAP Faults page's "Missing SOAP
   * Action" case, a Client fault.
   *
   * @see https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/soap_faults.html
   */
  soapActionMissing: () => ({
    faultcode: 'soap:Client',
    faultstring: 'SOAP Action Could Not Be Determined From HTTP or SOAP Header',
  }),
  soapActionNotRecognized: (action: string) => ({
    faultcode: 'soap:Client',
    faultstring: `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`,
  }),
  // Mock choice below: ASP.NET ASMX's wording for a request it cannot deserialize.
  unreadableRequest: (detail: string) => ({
    faultcode: 'soap:Client',
    faultstring: `Server was unable to read request. ---> There is an error in XML document. ---> ${detail}`,
  }),
  dtdProhibited: () => ({
    faultcode: 'soap:Client',
    faultstring:
      'Server was unable to read request. ---> There is an error in XML document. ---> For security reasons DTD is prohibited in this XML document.',
  }),
  /**
   * A SOAP 1.2 (or unqualified) Envelope: SOAP 1.1's VersionMismatch fault, as an ASMX service that
   * speaks SOAP 1.1 only answers one (.NET's words). No SOAP 1.2 `Upgrade` header: that block is how a
   * SOAP 1.2 node advertises 1.2, which SFMC does not speak (see openapi/sfmc.yaml).
   *
   * @see https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383510
   * @see https://www.w3.org/TR/soap12-part1/#vercomp
   */
  versionMismatch: (namespace: string) => ({
    faultcode: 'soap:VersionMismatch',
    faultstring: `Possible SOAP version mismatch: Envelope namespace ${namespace || '(none)'} was unexpected. Expecting http://schemas.xmlsoap.org/soap/envelope/.`,
  }),
  /** SOAP 1.2's media type (RFC 3902) on a SOAP 1.1 endpoint: the same VersionMismatch fault (mock's words). */
  soap12ContentType: (mediaType: string) => ({
    faultcode: 'soap:VersionMismatch',
    faultstring: `Possible SOAP version mismatch: Content-Type ${mediaType} was unexpected. Expecting text/xml.`,
  }),
  unsupportedMediaType: (mediaType: string) => ({
    faultcode: 'soap:Client',
    faultstring: `Server was unable to process request. ---> The content type '${mediaType || '(none)'}' is not text/xml.`,
  }),
} as const;

/** One error Result's words and code. 5 is SFMC's documented code; the 3100xx codes are the mock's. */
export const sfmcResultErrors = {
  cannotPerform: (action: string, type: string) => ({
    ErrorCode: 5,
    StatusMessage: `Cannot perform ${action} on objects of type ${type}.`,
  }),
  sendNotFound: (id: string) => ({ ErrorCode: 310001, StatusMessage: `Unable to find a Send with ID ${id}.` }),
  alreadyCanceled: (id: number) => ({ ErrorCode: 310002, StatusMessage: `The Send with ID ${id} has already been canceled.` }),
  alreadyComplete: (id: number) => ({ ErrorCode: 310003, StatusMessage: `The Send with ID ${id} has already been sent.` }),
  sending: (id: number) => ({ ErrorCode: 310004, StatusMessage: `The Send with ID ${id} is sending and can no longer be canceled.` }),
  missingId: () => ({ ErrorCode: 310005, StatusMessage: 'A Send ID is required to cancel a Send.' }),
} as const;

/**
 * Retrieve's in-band errors: the whole answer is `OverallStatus` `Error: …` and no Results. The
 * unknown object type text is SFMC's own (a captured answer in sfmc-sdk's test fixtures); the others
 * are the mock's words in the same form.
 *
 * @see https://github.com/DougMidgley/SFMC-SDK/blob/HEAD/test/resources/soap.js (noObjectHandlerFound)
 */
export const sfmcRetrieveErrors = {
  unknownObjectType: (type: string) =>
    `Error: Unable to find a handler for object type: ${type}. Object types are case-sensitive, check spelling.`,
  noProperties: () => 'Error: The Request Properties are required. Name at least one property to retrieve.',
  unknownProperties: (names: readonly string[], type: string) =>
    `Error: The Request Property(s) ${names.join(', ')} do not match with the fields of ${type} retrieve`,
  unsupportedFilterProperty: (name: string) => `Error: The Filter Property '${name}' is not a filterable property of Send in this mock.`,
  unsupportedFilter: () =>
    'Error: This mock filters Send on ID, SendDate, EmailName or Status with equals, notEquals or IN, joined by AND or OR.',
} as const;

export type SfmcFault = { readonly faultcode: string; readonly faultstring: string };

/** The response header SFMC puts on every answer: WS-Addressing plus a 5-minute WS-Security timestamp. */
export function responseHeader(action: string, now: Date, randomUUID: () => string, relatesTo?: string) {
  const messageId = randomUUID();
  return {
    Action: action,
    MessageID: `urn:uuid:${messageId}`,
    RelatesTo: relatesTo ?? `urn:uuid:${randomUUID()}`,
    To: 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous',
    Security: {
      Timestamp: {
        Id: `Timestamp-${messageId}`,
        Created: toSoapInstant(now),
        Expires: toSoapInstant(new Date(clockTimeAfter(now, 5 * 60_000))),
      },
    },
  };
}

/** What a fault takes from the request's context: the origin asked, the mock clock, fresh ids. */
export type FaultContext = Pick<HandlerContext, 'origin' | 'clock' | 'randomUUID'>;

/** The WS-Addressing Action of every fault SFMC sends (its real `expiredToken` fixture). */
export const FAULT_ACTION = 'http://schemas.xmlsoap.org/ws/2004/08/addressing/fault';

/** A fault as HTTP 500; `faultactor` is the Service.asmx URL on Security faults, as SFMC sends it. */
export function sfmcFault(fault: SfmcFault, context: FaultContext): HandlerResult {
  const security = fault.faultcode === 'q0:Security';
  const body = security ? { Fault: { ...fault, faultactor: `${context.origin}/Service.asmx` } } : { Fault: { ...fault, detail: '' } };
  const header = responseHeader(FAULT_ACTION, context.clock.now(), () => context.randomUUID());
  return { status: 500, body: { Envelope: { Header: header, Body: body } } };
}

/** The last two instants written, by second: every answer writes Created and Expires, mostly the same two. */
const recentInstants: { second: number; text: string }[] = [
  { second: Number.NaN, text: '' },
  { second: Number.NaN, text: '' },
];

/** SFMC writes instants to the second, `Z`-suffixed. */
function toSoapInstant(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  for (const recent of recentInstants) if (recent.second === second) return recent.text;
  // An invalid date has a NaN second, never equal: toISOString throws for it as it always did.
  const text = `${date.toISOString().slice(0, 19)}Z`;
  recentInstants.unshift({ second, text });
  recentInstants.pop();
  return text;
}

/** The token endpoint's documented error bodies. */
export const sfmcTokenErrors = {
  invalidClient: () => ({
    status: 401,
    body: {
      error: 'invalid_client',
      error_description:
        'Client authentication failed. Make sure that the client ID and client secret are valid and that the package is installed and enabled.',
      error_uri: 'https://developer.salesforce.com/docs',
    },
  }),
  unsupportedGrantType: () => ({
    status: 400,
    body: {
      error: 'unsupported_grant_type',
      error_description:
        'Use "authorization_code" or "refresh_token" or "client_credentials" or "urn:ietf:params:oauth:grant-type:jwt-bearer" as the grant_type.',
      error_uri: 'https://developer.salesforce.com/docs',
    },
  }),
  // Mock choice: RFC 6749 §5.2's code for a body that is not a JSON object.
  invalidRequest: () => ({
    status: 400,
    body: {
      error: 'invalid_request',
      error_description: 'The request body must be a JSON object.',
      error_uri: 'https://developer.salesforce.com/docs',
    },
  }),
  /** The REST API's documented 401 (error-handling.htm), used by the legacy `/v1/requestToken` (mock choice). */
  notAuthorized: () => ({
    status: 401,
    body: {
      documentation: 'https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/error-handling.htm',
      errorcode: 0,
      message: 'Not Authorized',
    },
  }),
} satisfies Record<string, () => HandlerResult>;
