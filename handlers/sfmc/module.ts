import type { components, operations } from '../../src/generated/sfmc.d.ts';
import {
  type DecodedRequest,
  defineVendor,
  type HandlerContext,
  type HandlerResult,
  recordsOf,
  type ValidationIssue,
} from '../kit/index.ts';
import { authenticate, instanceUrlsOf, isKnownClient, issueToken, type SfmcConfig } from './auth.ts';
import { sfmcSoapCodec } from './codec.ts';
import { createSfmcDataset } from './dataset.ts';
import { responseHeader, type SfmcFault, sfmcFault, sfmcFaults, sfmcRetrieveErrors, sfmcTokenErrors } from './errors.ts';
import { personalizeSfmcForced } from './forced.ts';
import { performAll, performAnswer } from './perform.ts';
import { retrieveSends, toPropertyList } from './retrieve.ts';
import { asksForWsdl, SERVICE_HELP_PAGE, toEtFrameworkWsdl } from './wsdl.ts';

type Schemas = components['schemas'];
type Send = Schemas['Send'];
type RequestHeader = Schemas['RequestHeader'];
type PerformRequestEnvelope = Schemas['PerformRequestEnvelope'];
type TokenRequest = Schemas['TokenRequest'];
type LegacyTokenRequest = Schemas['LegacyTokenRequest'];

const collections = {
  sends: recordsOf<Send>('Send', (s) => String(s.ID)),
  tokens: recordsOf<Schemas['AccessToken']>('AccessToken', (t) => t.access_token),
};
/** What every SFMC handler gets: the Sends and tokens, the settings, the clock. */
export type SfmcContext = HandlerContext<typeof collections, SfmcConfig>;

export type { SfmcConfig } from './auth.ts';

const DEFAULT_SCOPE = 'email_read email_write email_send';
/**
 * The SOAPAction, unquoted; without one (absent or `""`), the WS-Addressing Action header element;
 * `''` when neither names an action.
 */
function soapActionOf(request: DecodedRequest, header: RequestHeader | undefined): string {
  const unquote = (raw: string) => {
    const trimmed = raw.trim();
    // Only a quoted value needs the pattern; a bare `Perform` or `""`-less action is already itself.
    return trimmed.startsWith('"') ? trimmed.replace(/^"(.*)"$/, '$1').trim() : trimmed;
  };
  const http = unquote(request.headers.soapaction ?? '');
  return http || unquote(typeof header?.Action === 'string' ? header.Action : '');
}

/** The fault for a SOAPAction other than the operation's own: missing, or not recognized. */
function actionFault(action: string, context: SfmcContext): HandlerResult {
  return sfmcFault(action === '' ? sfmcFaults.soapActionMissing() : sfmcFaults.soapActionNotRecognized(action), context);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Retrieve, from an envelope that may not have passed validation (a Retrieve named only by the
 * WS-Addressing Action reaches the Perform route): credentials, then the RetrieveRequest, then the
 * Sends, or SFMC's in-band `OverallStatus` error.
 */
function retrieveAnswer(envelope: unknown, context: SfmcContext): HandlerResult {
  const parts = isRecord(envelope) ? envelope : {};
  const header = isRecord(parts.Header) ? (parts.Header as RequestHeader) : undefined;
  const denied = authenticate(header, context);
  if (denied) return denied;
  const message = isRecord(parts.Body) ? parts.Body.RetrieveRequestMsg : undefined;
  const retrieveRequest = isRecord(message) ? message.RetrieveRequest : undefined;
  if (!isRecord(retrieveRequest))
    return sfmcFault(sfmcFaults.unreadableRequest('The Body holds no RetrieveRequestMsg with a RetrieveRequest.'), context);
  const objectType = typeof retrieveRequest.ObjectType === 'string' ? retrieveRequest.ObjectType.trim() : '';
  const outcome =
    objectType === 'Send'
      ? retrieveSends(
          toPropertyList(retrieveRequest.Properties),
          isRecord(retrieveRequest.Filter) ? retrieveRequest.Filter : undefined,
          context.store.sends,
        )
      : ({ ok: false, overallStatus: sfmcRetrieveErrors.unknownObjectType(objectType) } as const);
  const relatesTo = typeof header?.MessageID === 'string' ? header.MessageID : undefined;
  return {
    status: 200,
    body: {
      Envelope: {
        Header: responseHeader('RetrieveResponse', context.clock.now(), context.randomUUID, relatesTo),
        Body: {
          RetrieveResponseMsg: {
            OverallStatus: outcome.ok ? 'OK' : outcome.overallStatus,
            RequestID: context.randomUUID(),
            ...(outcome.ok && outcome.results.length > 0 ? { Results: outcome.results } : {}),
          },
        },
      },
    },
  };
}

/** The fault for a body the SOAP codec refused: another SOAP version, a DTD, or XML it cannot read. */
function parseFault(parse: ValidationIssue): SfmcFault {
  if (parse.params?.reason === 'envelope-version-mismatch') return sfmcFaults.versionMismatch(String(parse.params.namespace ?? ''));
  return parse.params?.reason === 'xml-doctype' ? sfmcFaults.dtdProhibited() : sfmcFaults.unreadableRequest(parse.message);
}

/**
 * The fault for XML that cannot be read (not well formed, a DTD, too deep or large, or no body at
 * all), another SOAP version (SOAP 1.2's envelope or media type), or a body that is not text/xml.
 */
function unreadableFault(issues: readonly ValidationIssue[], request: DecodedRequest, context: SfmcContext): HandlerResult | undefined {
  const parse = issues.find((issue) => issue.keyword === 'parse');
  if (parse) return sfmcFault(parseFault(parse), context);
  if (issues.some((issue) => issue.keyword === 'mediaType')) {
    const soap12 = request.mediaType === 'application/soap+xml';
    return sfmcFault(
      soap12 ? sfmcFaults.soap12ContentType(request.mediaType) : sfmcFaults.unsupportedMediaType(request.mediaType),
      context,
    );
  }
  // No body at all is no XML document either: .NET's reader says "Root element is missing." (an
  // XmlException text), where a body of only white space reaches the mock's parser and gets its words.
  if (request.rawBody === '') return sfmcFault(sfmcFaults.unreadableRequest('Root element is missing.'), context);
  return undefined;
}

/** The fault for a request that broke the spec, in the order ASMX checks: SOAPAction, XML, credentials, shape. */
function performRequestFault(issues: readonly ValidationIssue[], request: DecodedRequest, context: SfmcContext): HandlerResult {
  const envelope = isRecord(request.body) ? request.body.Envelope : undefined;
  const header = isRecord(envelope) && isRecord(envelope.Header) ? (envelope.Header as RequestHeader) : undefined;
  if (issues.some((issue) => issue.location === 'header')) return actionFault(soapActionOf(request, undefined), context);
  const unreadable = unreadableFault(issues, request, context);
  if (unreadable) return unreadable;
  const action = soapActionOf(request, header);
  if (action === 'Retrieve') return retrieveAnswer(envelope, context);
  if (action !== 'Perform') return actionFault(action, context);
  return authenticate(header, context) ?? sfmcFault(sfmcFaults.unreadableRequest('The Body holds no PerformRequestMsg.'), context);
}

/** A Retrieve that broke the spec: unreadable XML first, then what {@link retrieveAnswer} finds. */
function retrieveRequestFault(issues: readonly ValidationIssue[], request: DecodedRequest, context: SfmcContext): HandlerResult {
  return unreadableFault(issues, request, context) ?? retrieveAnswer(isRecord(request.body) ? request.body.Envelope : undefined, context);
}

/**
 * Salesforce Marketing Cloud's SOAP `Perform` (Action `cancel` on `Send`), its OAuth 2 token endpoint
 * and its WSDL, statefully: a scheduled Send becomes `Canceled` once; tokens are valid in the mock
 * that issued them until they expire on the mock clock. No XML here: the engine decodes and encodes.
 *
 * @see ../../openapi/sfmc.yaml
 * @see https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/canceling_a_scheduled_send.html
 */
export const sfmc = defineVendor<operations>()({
  name: 'sfmc',
  collections,
  seed: () => createSfmcDataset(),
  defaultConfig: { users: [{ username: 'XXX', password: 'XXX' }], clients: null, tokenLifetimeSeconds: 1079 } as SfmcConfig,
  codecs: [sfmcSoapCodec],

  operations: {
    perform(request, context) {
      // Validated against PerformRequestEnvelope before the handler runs.
      const { Envelope } = request.body as PerformRequestEnvelope;
      const action = soapActionOf(request, Envelope.Header);
      if (action !== 'Perform') return actionFault(action, context);
      const denied = authenticate(Envelope.Header, context);
      if (denied) return denied;
      const message = Envelope.Body.PerformRequestMsg;
      const definitions = typeof message.Definitions === 'object' ? (message.Definitions.Definition ?? []) : [];
      const results = performAll(message.Action?.trim() ?? '', definitions, context, [], 0);
      // No promise unless a Definition waited on the store: the engine then answers in this same turn.
      return results instanceof Promise
        ? results.then((settled) => performAnswer(settled, Envelope, context))
        : performAnswer(results, Envelope, context);
    },

    retrieve(request, context) {
      return retrieveAnswer(isRecord(request.body) ? request.body.Envelope : undefined, context);
    },

    getServiceWsdl(request, context) {
      if (asksForWsdl(request.query))
        return { status: 200, mediaType: 'text/xml', body: toEtFrameworkWsdl(`${context.origin}/Service.asmx`) };
      return SERVICE_HELP_PAGE;
    },

    getEtFrameworkWsdl(_request, context) {
      return { status: 200, mediaType: 'text/xml', body: toEtFrameworkWsdl(`${context.origin}/Service.asmx`) };
    },

    async requestToken(request, context) {
      const body = request.body as TokenRequest;
      if (body.grant_type !== 'client_credentials') return sfmcTokenErrors.unsupportedGrantType();
      const clientId = body.client_id ?? '';
      if (!isKnownClient(clientId, body.client_secret ?? '', context)) return sfmcTokenErrors.invalidClient();
      return {
        status: 200,
        body: {
          access_token: await issueToken(clientId, context),
          token_type: 'Bearer',
          expires_in: context.config.tokenLifetimeSeconds,
          scope: body.scope ?? DEFAULT_SCOPE,
          ...instanceUrlsOf(context.origin),
        },
      };
    },

    async requestLegacyToken(request, context) {
      const body = request.body as LegacyTokenRequest;
      const clientId = body.clientId ?? '';
      if (!isKnownClient(clientId, body.clientSecret ?? '', context)) return sfmcTokenErrors.notAuthorized();
      return { status: 200, body: { accessToken: await issueToken(clientId, context), expiresIn: context.config.tokenLifetimeSeconds } };
    },
  },

  invalidRequests: {
    perform: performRequestFault,
    retrieve: retrieveRequestFault,
    requestToken(issues, request) {
      const grantType = (request.body as { grant_type?: unknown } | undefined)?.grant_type;
      const bodyIsObject = typeof request.body === 'object' && request.body !== null && !Array.isArray(request.body);
      if (!bodyIsObject || issues.some((issue) => issue.keyword === 'parse' || issue.keyword === 'mediaType'))
        return sfmcTokenErrors.invalidRequest();
      return grantType === 'client_credentials' ? sfmcTokenErrors.invalidClient() : sfmcTokenErrors.unsupportedGrantType();
    },
    requestLegacyToken: () => sfmcTokenErrors.notAuthorized(),
  },

  personalizeForced: personalizeSfmcForced,

  /**
   * The envelope's credentials for the SOAP calls, after the SOAPAction as `perform` checks it; the
   * token endpoints and the WSDL let anyone in.
   */
  authorize(request, context) {
    if (context.operationId !== 'perform' && context.operationId !== 'retrieve') return undefined;
    const envelope = isRecord(request.body) ? request.body.Envelope : undefined;
    const header = isRecord(envelope) && isRecord(envelope.Header) ? (envelope.Header as RequestHeader) : undefined;
    if (context.operationId === 'perform') {
      const action = soapActionOf(request, header);
      if (action !== 'Perform') return actionFault(action, context);
    }
    return authenticate(header, context);
  },

  /** The WSDL requests: whatever their query, the WSDL. */
  invalidRequest(_issues, _request, context) {
    return { status: 200, mediaType: 'text/xml', body: toEtFrameworkWsdl(`${context.origin}/Service.asmx`) };
  },
});
