import type { components, operations } from '../../src/generated/omeda.d.ts';
import {
  type DecodedRequest,
  defineVendor,
  type HandlerContext,
  type HandlerResult,
  lastSegment,
  recordsOf,
  toIsoTime,
  type ValidationIssue,
} from '../kit/index.ts';
import { checkAccess, type OmedaConfig } from './auth.ts';
import { createOmedaDataset } from './dataset.ts';
import { newSubmissionId, omedaError, omedaErrors, toOmedaDate } from './errors.ts';
import { personalizeOmedaForced, toLookupUrl } from './forced.ts';

export type { OmedaConfig } from './auth.ts';

type Deployment = components['schemas']['Deployment'];
type CancelDeploymentRequest = components['schemas']['CancelDeploymentRequest'];

const collections = { deployments: recordsOf<Deployment>('Deployment', (d) => d.TrackId) };

/** Omeda's 405, with the `Allow` header RFC 9110 §15.5.6 requires: the cancel resource takes POST only. */
function methodNotAllowed(request: DecodedRequest, context: HandlerContext): HandlerResult {
  const answer = omedaError(405, [omedaErrors.methodNotAllowed(request.method)], newSubmissionId(context.randomUUID));
  return { ...answer, headers: { allow: 'POST' } };
}

/** Omeda's words for each broken rule of the cancel body, one Error per field. */
function toBodyMessages(issues: readonly ValidationIssue[], request: DecodedRequest): string[] {
  const messages = new Set<string>();
  for (const issue of issues) {
    if (issue.keyword === 'parse') messages.add(omedaErrors.malformedJson(issue.message));
    else if (issue.keyword === 'mediaType') messages.add(omedaErrors.unsupportedContentType(request.mediaType));
    else if (issue.keyword === 'required' && issue.pointer === '/') {
      messages.add(omedaErrors.fieldRequired('UserId'));
      messages.add(omedaErrors.fieldRequired('TrackId'));
    } else if (issue.pointer === '/' && issue.keyword === 'type') messages.add(omedaErrors.notAnObject());
    else {
      const field = lastSegment(issue.pointer);
      const value = (request.body as Record<string, unknown> | null)?.[field];
      if (issue.keyword === 'maxLength') messages.add(omedaErrors.maxLength(String(value), field, Number(issue.params?.limit)));
      else if (issue.keyword === 'type') messages.add(omedaErrors.notAString(value, field));
      else messages.add(omedaErrors.fieldRequired(field));
    }
  }
  return [...messages];
}

/**
 * Omeda's Deployment Cancel, statefully: a deployment moves to `Cancelled` once, and every other
 * documented outcome follows from the deployment's state and owner.
 *
 * @see ../../openapi/omeda.yaml
 * @see https://knowledgebase.omeda.com/omedaclientkb/email-deployment-cancel
 */
export const omeda = defineVendor<operations>()({
  name: 'omeda',
  collections,
  seed: () => createOmedaDataset(),
  defaultConfig: { appIds: null, brands: null } as OmedaConfig,

  operations: {
    cancelDeployment(request, context) {
      const submissionId = newSubmissionId(context.randomUUID);
      const denied = checkAccess(request, context.config, submissionId);
      if (denied) return denied;
      // Validated against CancelDeploymentRequest before the handler runs.
      const { UserId, TrackId } = request.body as CancelDeploymentRequest;
      const deployment = context.store.deployments.findByKey(TrackId);
      if (!deployment) return omedaError(404, [omedaErrors.deploymentNotFound(TrackId)], submissionId);
      // Exact match: the document's own example refuses `omailaccount1` for `omailAccount1`.
      if (deployment.OwnerUserId !== UserId) return omedaError(403, [omedaErrors.userNotAuthorized(UserId)], submissionId);
      if (deployment.Status === 'Cancelled') return omedaError(400, [omedaErrors.previouslyCancelled(TrackId)], submissionId);
      if (deployment.Status === 'Sent' || deployment.Status === 'Sending') {
        const sentOn = toOmedaDate(deployment.SentDate ?? deployment.ScheduledDate ?? deployment.CreatedDate);
        return omedaError(400, [omedaErrors.wasSent(TrackId, sentOn)], submissionId);
      }
      const cancelledAt = toIsoTime(context.clock.now().getTime());
      return context.store.deployments
        .update(deployment, {
          data(draft) {
            draft.Status = 'Cancelled';
            draft.CancelledDate = cancelledAt;
          },
        })
        .then(() => {
          const Url = toLookupUrl(context.origin, request.path.brandAbbreviation ?? '', TrackId);
          return { status: 200, body: { ResponseInfo: [{ TrackId, Url, SubmissionId: submissionId }], SubmissionId: submissionId } };
        });
    },

    rejectCancelMethod(request, context) {
      return methodNotAllowed(request, context);
    },

    lookupDeployment(request, context) {
      const submissionId = newSubmissionId(context.randomUUID);
      const denied = checkAccess(request, context.config, submissionId);
      if (denied) return denied;
      const trackId = request.path.trackId ?? '';
      const deployment = context.store.deployments.findByKey(trackId);
      if (!deployment) return omedaError(404, [omedaErrors.lookupNotFound(trackId)], submissionId);
      const dated = (name: string, iso: string | null | undefined) => (iso ? { [name]: toOmedaDate(iso, false) } : {});
      return {
        status: 200,
        body: {
          TrackId: deployment.TrackId,
          DeploymentName: deployment.DeploymentName,
          Status: deployment.Status,
          OwnerUserId: deployment.OwnerUserId,
          ...dated('ScheduledDate', deployment.ScheduledDate),
          ...dated('SentDate', deployment.SentDate),
          CreatedDate: toOmedaDate(deployment.CreatedDate, false),
          SubmissionId: submissionId,
        },
      };
    },
  },

  invalidRequests: {
    // Method matching comes before authentication: a wrong method is a 405 even without an AppId.
    rejectCancelMethod: (_issues, request, context) => methodNotAllowed(request, context),
  },

  invalidRequest(issues, request, context) {
    const submissionId = newSubmissionId(context.randomUUID);
    const denied = checkAccess(request, context.config, submissionId);
    if (denied) return denied;
    const pathIssue = issues.find((issue) => issue.location === 'path');
    if (pathIssue) {
      return lastSegment(pathIssue.pointer) === 'trackId'
        ? omedaError(404, [omedaErrors.lookupNotFound(request.path.trackId ?? '')], submissionId)
        : omedaError(404, [omedaErrors.brandNotFound(request.path.brandAbbreviation ?? '')], submissionId);
    }
    const messages = toBodyMessages(
      issues.filter((issue) => issue.location === 'body'),
      request,
    );
    return omedaError(400, messages.length > 0 ? messages : [omedaErrors.notAnObject()], submissionId);
  },

  unknownRoute(request, context) {
    return omedaError(404, [omedaErrors.resourceNotFound(request.url.pathname)], newSubmissionId(context.randomUUID));
  },

  /** The AppId and brand allow-lists, as the handlers check them; a wrong method is answered before them. */
  authorize(request, context) {
    if (context.operationId === 'rejectCancelMethod') return undefined;
    return checkAccess(request, context.config, newSubmissionId(context.randomUUID));
  },

  personalizeForced: personalizeOmedaForced,
});
