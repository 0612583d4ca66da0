import type { DecodedRequest, HandlerContext, HandlerResult } from '../kit/index.ts';
import { voltmxErrors } from './errors.ts';

/** Claims tokens live an hour on the mock's clock (mock choice; the document gives no lifetime). */
export const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const CANCELLED = /^Cancelled {2}(\d+) Email entries of the EmailRequest with ID : .*$/s;

/**
 * A forced Volt MX answer as Engagement Services would write it for this request: a cancel's message
 * names the email request ID of the path, a login's profile the userid sent, with fresh
 * `refresh_token` and claims token whose `exp` is an hour after the mock clock (not stored: a forced
 * answer changes nothing, so the token does not pass the gateway). Everything else is documented.
 *
 * @see ../../openapi/voltmx.yaml (info description: forced answers)
 */
export function personalizeVoltMxForced(
  forced: HandlerResult,
  request: DecodedRequest,
  context: Pick<HandlerContext, 'clock' | 'randomUUID'>,
): HandlerResult {
  const answer = forced.body;
  if (!isRecord(answer)) return forced;
  const requestId = request.path.emailRequestId;
  const cancelled = typeof answer.message === 'string' ? CANCELLED.exec(answer.message) : null;
  if (cancelled && requestId !== undefined) {
    return { ...forced, body: { ...answer, message: voltmxErrors.cancelled(Number(cancelled[1]), requestId) } };
  }
  if (isRecord(answer.claims_token)) {
    const sent = isRecord(request.body) ? request.body : {};
    const profile =
      isRecord(answer.profile) && typeof sent.userid === 'string' ? { ...answer.profile, userid: sent.userid } : answer.profile;
    const claims = { ...answer.claims_token, value: context.randomUUID(), exp: context.clock.now().getTime() + TOKEN_LIFETIME_MS };
    return { ...forced, body: { ...answer, profile, refresh_token: context.randomUUID(), claims_token: claims } };
  }
  return forced;
}
