import { type HandlerResult, previewJson } from '../kit/index.ts';

/**
 * Every Omeda error text the mock sends, in one catalogue. The documented templates come first;
 * the rest are the mock's words where Omeda documents only a status (see openapi/omeda.yaml).
 *
 * @see https://knowledgebase.omeda.com/omedaclientkb/email-deployment-cancel "Potential errors"
 */
export const omedaErrors = {
  fieldRequired: (field: string) => `The field '${field}' is required.`,
  maxLength: (value: string, field: string, max: number) => `The value '${value}' for field '${field}' exceeded a max length of ${max}.`,
  wasSent: (trackId: string, sendDate: string) => `Deployment '${trackId}' was sent on ${sendDate}.`,
  previouslyCancelled: (trackId: string) => `Deployment '${trackId}' has been previously cancelled.`,
  userNotAuthorized: (userName: string) => `User '${userName}' is not authorized to cancel this deployment.`,
  appIdForbidden: () => 'The AppId submitted is forbidden access.',
  /** Wording of the Schedule page (…/email-deployment-schedule). */
  deploymentNotFound: (trackId: string) => `No deployment was found matching trackId '${trackId}'.`,
  /** Wording of the Lookup page (…/email-deployment-lookup). */
  lookupNotFound: (trackId: string) => `Could not find deployment matching track Id ${trackId}`,
  /** Wording of the Deployment Search page. */
  brandNotFound: (brand: string) => `Brand ${brand} was not found.`,
  // Mock choices below: the status is documented, the words are not.
  resourceNotFound: (path: string) => `The resource '${path}' was not found.`,
  methodNotAllowed: (method: string) => `The HTTP method '${method}' is not allowed for this resource. Use POST.`,
  malformedJson: (detail: string) => `The request body is not valid JSON: ${detail}`,
  notAnObject: () => 'The request body must be a JSON object.',
  unsupportedContentType: (mediaType: string) => `The content type '${mediaType}' is not supported. Use application/json.`,
  notAString: (value: unknown, field: string) => `The value '${previewJson(value)}' for field '${field}' is not a string.`,
} as const;

/** Omeda's failure body: `{"Errors":[{"Error":…}],"SubmissionId":…}`, one Error per message. */
export function omedaError(status: 400 | 403 | 404 | 405, messages: readonly string[], submissionId: string): HandlerResult {
  return { status, body: { Errors: messages.map((message) => ({ Error: message })), SubmissionId: submissionId } };
}

/**
 * Omeda's SubmissionId: a lower-case GUID, fresh for every submission. The one captured answer in
 * Omeda's documents (the Schedule page's "missing merge variables" body) has a lower-case GUID; the
 * upper-case ones are pasted placeholders (…1D1E, …1D1F).
 *
 * @see https://knowledgebase.omeda.com/omedaclientkb/email-deployment-schedule
 */
export function newSubmissionId(randomUUID: () => string): string {
  return randomUUID().toLowerCase();
}

// Built on first use: an Intl formatter with a time zone pages in ICU's locale and zone data (about
// 7 MiB of resident memory), which a mock that never prints an Omeda date should not pay.
let centralTime: Intl.DateTimeFormat | undefined;
const centralTimeFormat = (): Intl.DateTimeFormat =>
  (centralTime ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Chicago',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }));

/** Omeda prints dates as `yyyy-MM-dd HH:mm:ss` in Central time (VENDORS.md §4.5). */
export function toOmedaDate(iso: string, withSeconds = true): string {
  const parts = Object.fromEntries(
    centralTimeFormat()
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const minutes = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  return withSeconds ? `${minutes}:${parts.second}` : minutes;
}
