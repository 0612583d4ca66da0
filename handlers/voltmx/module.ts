import type { components, operations } from '../../src/generated/voltmx.d.ts';
import {
  type DecodedRequest,
  defineVendor,
  type HandlerContext,
  type HandlerResult,
  recordsOf,
  storeIssuedToken,
  toIsoTime,
} from '../kit/index.ts';
import { isKnownUser, passesGateway, type VoltMxConfig } from './auth.ts';
import { createVoltMxDataset } from './dataset.ts';
import { VOLTMX_CONTENT_TYPE, voltmxAnswer, voltmxErrors } from './errors.ts';
import { personalizeVoltMxForced, TOKEN_LIFETIME_MS } from './forced.ts';
import { toJavaLong } from './request-id.ts';

export type { VoltMxConfig } from './auth.ts';

type EmailRequest = components['schemas']['EmailRequest'];
type EmailEntry = components['schemas']['EmailEntry'];
type IssuedToken = components['schemas']['IssuedToken'];
type LoginRequest = components['schemas']['LoginRequest'];

const collections = {
  requests: recordsOf<EmailRequest>('EmailRequest', (r) => r.requestId),
  issuedTokens: recordsOf<IssuedToken>('IssuedToken', (t) => t.value),
};
type VoltMxContext = HandlerContext<typeof collections, VoltMxConfig>;

/** The Gateway Filter for Authentication: `undefined` when the request may pass, else the 401. */
function checkGateway(request: DecodedRequest, context: VoltMxContext): HandlerResult | undefined {
  const now = context.clock.now().getTime();
  const passes = passesGateway(request.headers, {
    config: context.config,
    isIssuedToken: (value) => isLive(context, value, now),
  });
  return passes ? undefined : voltmxAnswer(401, voltmxErrors.unauthorized());
}

/** A claims token the login issued that has not expired on the mock's clock. */
function isLive(context: VoltMxContext, value: string, now: number): boolean {
  const token = context.store.issuedTokens.findByKey(value);
  return token !== undefined && token.exp > now;
}

/**
 * Cancel Email: every entry of the request still scheduled for later on the mock's clock becomes
 * `Cancelled`; the answer counts them. The id stays the string it arrived as (canonicalised the way
 * Java prints a long), never a JS number.
 */
function cancelEmail(request: DecodedRequest, context: VoltMxContext): HandlerResult | Promise<HandlerResult> {
  const denied = checkGateway(request, context);
  if (denied) return denied;
  const requestId = toJavaLong(request.path.emailRequestId ?? '');
  if (requestId === null) return voltmxAnswer(400, voltmxErrors.invalidRequestId());
  const emailRequest = context.store.requests.findByKey(requestId);
  const now = context.clock.now();
  const isCancellable = (entry: EmailEntry) => entry.status === 'Initial' && Date.parse(entry.scheduledAt) > now.getTime();
  const count = emailRequest?.entries.filter(isCancellable).length ?? 0;
  if (!emailRequest || count === 0) return voltmxAnswer(400, voltmxErrors.noCancellableMessages());
  const cancelledAt = toIsoTime(now.getTime());
  return context.store.requests
    .update(emailRequest, {
      data(draft) {
        for (const entry of draft.entries) {
          if (!isCancellable(entry)) continue;
          entry.status = 'Cancelled';
          entry.cancelledAt = cancelledAt;
        }
      },
    })
    .then(() => voltmxAnswer(200, voltmxErrors.cancelled(count, requestId)));
}

/** The methods each resource takes, by the operationId that answers every other method. */
const ALLOWED_METHODS: Readonly<Record<string, string>> = {
  rejectCancelEmailMethod: 'POST',
  rejectDeleteEmailMethod: 'DELETE',
  // HEAD is answered wherever GET is (RFC 9110 §9.3.2), so Allow names it.
  rejectEmailStatusMethod: 'GET, HEAD',
};

/** A method the resource does not take: after the gateway, the SMS sibling's 400 with `Allow`. */
function rejectMethod(request: DecodedRequest, context: VoltMxContext): HandlerResult {
  const denied = checkGateway(request, context);
  if (denied) return denied;
  const answer = voltmxAnswer(400, voltmxErrors.methodNotAllowed());
  return { ...answer, headers: { ...answer.headers, allow: ALLOWED_METHODS[context.operationId] ?? '' } };
}

/**
 * HCL Volt MX Foundry Engagement Services' Cancel Email, statefully, with the login that issues
 * claims tokens and the Email Queue status that shows a cancel take effect.
 *
 * @see ../../openapi/voltmx.yaml
 * @see https://help.hcl-software.com/voltmx/v9.2/Foundry/engagement_api_guide/Content/REST_API_Email/Cancel_Email_-_Email_API.html
 */
export const voltmx = defineVendor<operations>()({
  name: 'voltmx',
  collections,
  seed: () => createVoltMxDataset(),
  defaultConfig: { users: null, tokens: null } as VoltMxConfig,

  operations: {
    cancelEmail,
    deleteEmail: cancelEmail,
    rejectCancelEmailMethod: rejectMethod,
    rejectDeleteEmailMethod: rejectMethod,
    rejectEmailStatusMethod: rejectMethod,

    getEmailRequestStatus(request, context) {
      const denied = checkGateway(request, context);
      if (denied) return denied;
      const requestId = toJavaLong(request.path.emailRequestId ?? '');
      if (requestId === null) return voltmxAnswer(400, voltmxErrors.invalidRequestId());
      const entries = context.store.requests.findByKey(requestId)?.entries ?? [];
      if (entries.length === 0) return voltmxAnswer(400, voltmxErrors.noMessagesFound());
      const statusMessage = { Initial: 'Initial', Submitted: 'Mail sent', Cancelled: 'Cancelled' } as const;
      return {
        status: 200,
        headers: { 'content-type': VOLTMX_CONTENT_TYPE },
        body: {
          total: entries.length,
          messages: entries.map((entry) => ({
            email: entry.email,
            hasAttachments: false,
            statusMessage: statusMessage[entry.status],
            entryId: entry.entryId,
            status: entry.status,
            retrying: 'false',
          })),
        },
      };
    },

    login(request, context) {
      // Validated against LoginRequest (JSON or form) before the handler runs.
      const { userid, password, provider, domain } = request.body as LoginRequest;
      if (!isKnownUser(context.config, userid, password)) return voltmxAnswer(401, voltmxErrors.unauthorized());
      const token: IssuedToken = {
        value: context.randomUUID(),
        userid,
        refreshToken: context.randomUUID(),
        exp: context.clock.now().getTime() + TOKEN_LIFETIME_MS,
      };
      // Every login keeps its token; the oldest go first past the cap, so logging in per request stays bounded.
      return storeIssuedToken(context.store.issuedTokens, token).then(() => ({
        status: 200,
        headers: { 'content-type': VOLTMX_CONTENT_TYPE },
        body: {
          profile: { userid, ...(provider === undefined ? {} : { provider }), ...(domain === undefined ? {} : { domain }) },
          refresh_token: token.refreshToken,
          claims_token: { value: token.value, exp: token.exp },
        },
      }));
    },
  },

  invalidRequests: {
    login: () => voltmxAnswer(400, voltmxErrors.mandatoryParameters()),
    rejectCancelEmailMethod: (_issues, request, context) => rejectMethod(request, context),
    rejectDeleteEmailMethod: (_issues, request, context) => rejectMethod(request, context),
    rejectEmailStatusMethod: (_issues, request, context) => rejectMethod(request, context),
  },

  invalidRequest(issues, request, context) {
    // The gateway filter runs before the service reads the id.
    const denied = checkGateway(request, context);
    if (denied) return denied;
    if (issues.some((issue) => issue.location === 'path')) return voltmxAnswer(400, voltmxErrors.invalidRequestId());
    return voltmxAnswer(400, voltmxErrors.malformedBody());
  },

  /** The Gateway Filter for Authentication guards every resource but the login that issues its tokens. */
  authorize(request, context) {
    return context.operationId === 'login' ? undefined : checkGateway(request, context);
  },

  unknownRoute(request, context) {
    const denied = checkGateway(request, context);
    if (denied) return denied;
    // An empty id (`/api/v1/email//cancel`, `DELETE /api/v1/email/`) is a bad id, not a missing resource.
    const { pathname } = request.url;
    const emptyId =
      (request.method === 'POST' && pathname.endsWith('/api/v1/email//cancel')) ||
      (request.method === 'DELETE' && pathname.endsWith('/api/v1/email/'));
    if (emptyId) return voltmxAnswer(400, voltmxErrors.invalidRequestId());
    return voltmxAnswer(404, voltmxErrors.resourceNotFound(request.method, request.url.pathname));
  },

  personalizeForced: personalizeVoltMxForced,
});
