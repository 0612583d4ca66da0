import type { DecodedRequest, HandlerContext, HandlerResult } from '../kit/index.ts';
import { newSubmissionId, omedaErrors } from './errors.ts';

/** The lookup `Url` a cancel hands out: the deployment's Lookup resource under the origin asked. */
export function toLookupUrl(origin: string, brand: string, trackId: string): string {
  return `${origin}/webservices/rest/brand/${encodeURIComponent(brand)}/omail/deployment/lookup/${encodeURIComponent(trackId)}/*`;
}

/** What a forced answer takes from its request: the brand, the TrackId and the UserId asked about. */
interface Asked {
  readonly brand: string;
  readonly trackId: string | undefined;
  readonly userId: string | undefined;
}

/** Each catalogue text that names what the request asked, rewritten for this request (others stay as documented). */
const REWRITES: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray, asked: Asked, request: DecodedRequest) => string | undefined]> = [
  [/^Deployment '.*' was sent on (.*)\.$/s, (m, a) => a.trackId && omedaErrors.wasSent(a.trackId, m[1] ?? '')],
  [/^Deployment '.*' has been previously cancelled\.$/s, (_, a) => a.trackId && omedaErrors.previouslyCancelled(a.trackId)],
  [/^User '.*' is not authorized to cancel this deployment\.$/s, (_, a) => a.userId && omedaErrors.userNotAuthorized(a.userId)],
  [/^No deployment was found matching trackId '.*'\.$/s, (_, a) => a.trackId && omedaErrors.deploymentNotFound(a.trackId)],
  [/^Could not find deployment matching track Id .*$/s, (_, a) => a.trackId && omedaErrors.lookupNotFound(a.trackId)],
  [/^Brand .* was not found\.$/s, (_, a) => omedaErrors.brandNotFound(a.brand)],
  [/^The resource '.*' was not found\.$/s, (_, __, request) => omedaErrors.resourceNotFound(request.url.pathname)],
  [
    /^The HTTP method '.*' is not allowed/s,
    (_, __, request) => (request.method === 'POST' ? undefined : omedaErrors.methodNotAllowed(request.method)),
  ],
];

function rewrite(message: string, asked: Asked, request: DecodedRequest): string {
  for (const [pattern, make] of REWRITES) {
    const match = pattern.exec(message);
    if (match) return make(match, asked, request) || message;
  }
  return message;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A forced Omeda answer as Omeda would write it for this request: a fresh lower-case SubmissionId
 * (one per answer, repeated in `ResponseInfo`), the request's TrackId, brand and lookup `Url`, and
 * error texts naming what the request named. Everything else is the documented example.
 *
 * @see ../../openapi/omeda.yaml (info description: forced answers)
 */
export function personalizeOmedaForced(
  forced: HandlerResult,
  request: DecodedRequest,
  context: Pick<HandlerContext, 'origin' | 'randomUUID'>,
): HandlerResult {
  if (!isRecord(forced.body)) return forced;
  const body = isRecord(request.body) ? request.body : {};
  const asked: Asked = {
    brand: request.path.brandAbbreviation ?? '',
    trackId: typeof body.TrackId === 'string' ? body.TrackId : request.path.trackId,
    userId: typeof body.UserId === 'string' ? body.UserId : undefined,
  };
  const submissionId = newSubmissionId(context.randomUUID);
  const answer: Record<string, unknown> = { ...forced.body };
  if ('SubmissionId' in answer) answer.SubmissionId = submissionId;
  if (asked.trackId !== undefined && typeof answer.TrackId === 'string') answer.TrackId = asked.trackId;
  if (Array.isArray(answer.ResponseInfo)) {
    answer.ResponseInfo = answer.ResponseInfo.map((info: unknown) => {
      if (!isRecord(info)) return info;
      const trackId = asked.trackId ?? String(info.TrackId);
      return { ...info, TrackId: trackId, Url: toLookupUrl(context.origin, asked.brand, trackId), SubmissionId: submissionId };
    });
  }
  if (Array.isArray(answer.Errors)) {
    answer.Errors = answer.Errors.map((error: unknown) =>
      isRecord(error) && typeof error.Error === 'string' ? { ...error, Error: rewrite(error.Error, asked, request) } : error,
    );
  }
  return { ...forced, body: answer };
}
