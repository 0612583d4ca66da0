import type { DecodedRequest, HandlerContext, HandlerResult } from '../kit/index.ts';
import { instanceUrlsOf, newAccessToken } from './auth.ts';
import { FAULT_ACTION, responseHeader } from './errors.ts';
import { asksForWsdl, SERVICE_HELP_PAGE } from './wsdl.ts';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The Definitions of a Perform request, in order (a validated envelope has them as an array). */
function definitionsOf(request: DecodedRequest): Json[] {
  const envelope = isRecord(request.body) && isRecord(request.body.Envelope) ? request.body.Envelope : {};
  const message = isRecord(envelope.Body) && isRecord(envelope.Body.PerformRequestMsg) ? envelope.Body.PerformRequestMsg : {};
  const definitions = isRecord(message.Definitions) ? message.Definitions.Definition : undefined;
  return Array.isArray(definitions) ? definitions.filter(isRecord) : [];
}

/** The request's WS-Addressing MessageID, which the answer's RelatesTo names. */
function messageIdOf(request: DecodedRequest): string | undefined {
  const envelope = isRecord(request.body) && isRecord(request.body.Envelope) ? request.body.Envelope : {};
  const id = isRecord(envelope.Header) ? envelope.Header.MessageID : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** A documented Result for the request's Definition at the same place: its ID, also in the words. */
function personalizeResult(result: unknown, definition: Json | undefined): unknown {
  const rawId = typeof definition?.ID === 'string' ? definition.ID.trim() : '';
  if (!isRecord(result) || !isRecord(result.Object) || rawId === '') return result;
  const id = /^\d{1,10}$/.test(rawId) ? Number(rawId) : rawId;
  const words = typeof result.StatusMessage === 'string' ? result.StatusMessage.replace(/\bID \d+/, `ID ${rawId}`) : result.StatusMessage;
  return { ...result, StatusMessage: words, Object: { ...result.Object, ID: id } };
}

/** The envelope's Body with fresh RequestIDs, the request's Send IDs and the asked `faultactor`. */
function personalizeBody(
  body: Json,
  request: DecodedRequest,
  context: Pick<HandlerContext, 'origin' | 'randomUUID'>,
): { action: string; body: Json } {
  if (isRecord(body.Fault)) {
    const fault = 'faultactor' in body.Fault ? { ...body.Fault, faultactor: `${context.origin}/Service.asmx` } : body.Fault;
    return { action: FAULT_ACTION, body: { ...body, Fault: fault } };
  }
  if (isRecord(body.RetrieveResponseMsg)) {
    return {
      action: 'RetrieveResponse',
      body: { ...body, RetrieveResponseMsg: { ...body.RetrieveResponseMsg, RequestID: context.randomUUID() } },
    };
  }
  const message = isRecord(body.PerformResponseMsg) ? body.PerformResponseMsg : {};
  const results = isRecord(message.Results) && Array.isArray(message.Results.Result) ? message.Results.Result : undefined;
  const definitions = definitionsOf(request);
  const personalized: Json = { ...message, RequestID: context.randomUUID() };
  if (results) personalized.Results = { Result: results.map((result, index) => personalizeResult(result, definitions[index])) };
  return { action: 'PerformResponse', body: { ...body, PerformResponseMsg: personalized } };
}

/**
 * A forced SFMC answer as SFMC would write it now: the WS-Addressing / WS-Security header of every
 * real answer (fresh MessageID, RelatesTo the request's MessageID, Created/Expires from the mock
 * clock), a fresh RequestID, each Result naming the request's Send ID, the asked `faultactor`; a
 * forced token a fresh `access_token` (not stored: a forced answer changes nothing) and the instance
 * URLs of the origin asked; a `GET /Service.asmx` without `?wsdl` the help page it selects, in text/html.
 * Everything else is the documented example.
 *
 * @see ../../openapi/sfmc.yaml (info description: forced answers)
 */
export function personalizeSfmcForced(
  forced: HandlerResult,
  request: DecodedRequest,
  context: Pick<HandlerContext, 'operationId' | 'origin' | 'randomUUID' | 'clock'>,
): HandlerResult {
  // Without `?wsdl` the request selects the help page (text/html), which the spec documents without an example.
  if (context.operationId === 'getServiceWsdl' && !asksForWsdl(request.query)) return { ...forced, ...SERVICE_HELP_PAGE };
  const answer = forced.body;
  if (!isRecord(answer)) return forced;
  if (typeof answer.access_token === 'string') {
    return { ...forced, body: { ...answer, access_token: newAccessToken(context.randomUUID), ...instanceUrlsOf(context.origin) } };
  }
  if (typeof answer.accessToken === 'string') return { ...forced, body: { ...answer, accessToken: newAccessToken(context.randomUUID) } };
  if (!isRecord(answer.Envelope) || !isRecord(answer.Envelope.Body)) return forced;
  const { action, body } = personalizeBody(answer.Envelope.Body, request, context);
  const relatesTo = action === FAULT_ACTION ? undefined : messageIdOf(request);
  const Header = responseHeader(action, context.clock.now(), () => context.randomUUID(), relatesTo);
  return { ...forced, body: { ...answer, Envelope: { ...answer.Envelope, Header, Body: body } } };
}
