import type { HandlerResult } from '../kit/index.ts';

/**
 * The exact Content-Type the document names; the spec's media-type keys carry it too.
 *
 * @see https://help.hcl-software.com/voltmx/v9.2/Foundry/engagement_api_guide/Content/REST_API_Email/Cancel_Email_-_Email_API.html "Header"
 */
export const VOLTMX_CONTENT_TYPE = 'application/json;charset=UTF-8';

/**
 * Every Volt MX Engagement text the mock sends, in one catalogue. The documented ones come first;
 * the rest are the mock's words (see openapi/voltmx.yaml `info.description`).
 *
 * @see https://help.hcl-software.com/voltmx/v9.2/Foundry/engagement_api_guide/Content/REST_API_Email/Cancel_Email_-_Email_API.html "Response Status"
 */
export const voltmxErrors = {
  /** TWO spaces after "Cancelled", exactly as the document's sample (other HCL copies show one). */
  cancelled: (count: number, requestId: string) => `Cancelled  ${count} Email entries of the EmailRequest with ID : ${requestId}`,
  noCancellableMessages: () => 'No cancellable messages found',
  unauthorized: () => 'Unauthorized request',
  serverFailure: () => 'Server failure to process request',
  /** Status of Email Delivery's 400. */
  noMessagesFound: () => 'No messages found',
  /** The legacy push cancel API's wording for a bad request id. */
  invalidRequestId: () => 'Invalid request ID',
  /**
   * The SMS cancel sibling's documented 400 for a wrong method.
   *
   * @see https://github.com/HCL-TECH-SOFTWARE/volt-mx-docs/blob/HEAD/version/95/Foundry/engagement_api_guide/Content/REST_API__SMS/Cancel_message_-_SMS_API.md
   */
  methodNotAllowed: () => 'Invalid Request. Request method not allowed',
  /** The send API's wording for a missing mandatory field. */
  mandatoryParameters: () => 'Mandatory parameters not filled',
  // Mock choices below: no Volt MX wording is documented.
  malformedBody: () => 'Malformed request body',
  resourceNotFound: (method: string, path: string) => `No resource found for ${method} ${path}`,
} as const;

/**
 * A Volt MX answer: the `{"id":…,"message":…}` envelope with the documented Content-Type. Cancel
 * answers always carry `"id": ""`, as the document's only sample does (mock choice for errors).
 *
 * @see ../../openapi/voltmx.yaml components.schemas.VoltMxMessage
 */
export function voltmxAnswer(status: 200 | 400 | 401 | 404 | 500, message: string, id = ''): HandlerResult {
  return { status, headers: { 'content-type': VOLTMX_CONTENT_TYPE }, body: { id, message } };
}
