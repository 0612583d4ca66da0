import type { DecodedRequest } from '../src/decode/decoded-request.ts';
import type { components } from '../src/generated/omeda.d.ts';
import { recordsOf } from '../src/store/vendor-store.ts';
import { lastSegment, type ValidationIssue } from '../src/validate/validation-issue.ts';
import { defineVendor, type HandlerContext, type HandlerResult } from '../src/vendor/vendor-module.ts';
import { createOmedaDataset } from './omeda-dataset.ts';
import { newSubmissionId, omedaError, omedaMessages, toOmedaDate } from './omeda-errors.ts';

type Deployment = components['schemas']['Deployment'];
type CancelDeploymentRequest = components['schemas']['CancelDeploymentRequest'];

/** Omeda settings: allow-lists, `null` meaning "accept any" (the default). */
export interface OmedaConfig {
  /** x-omeda-appid values accepted; `null` accepts any non-empty value. */
  readonly appIds: readonly string[] | null;
  /** Brand abbreviations served; `null` serves every brand. */
  readonly brands: readonly string[] | null;
}

const collections = { deployments: recordsOf<Deployment>('Deployment', (d) => d.TrackId) };
type OmedaContext = HandlerContext<typeof collections, OmedaConfig>;

/** The request's AppId and brand, checked against the allow-lists: Omeda's 403 and 404. */
function checkAccess(request: DecodedRequest, context: OmedaContext, submissionId: string): HandlerResult | undefined {
  const appId = request.headers['x-omeda-appid'];
  const { appIds, brands } = context.config;
  if (!appId || (appIds !== null && !appIds.includes(appId))) return omedaError(403, [omedaMessages.appIdForbidden()], submissionId);
  const brand = request.path.brandAbbreviation;
  if (brand !== undefined && brands !== null && !brands.includes(brand))
    return omedaError(404, [omedaMessages.brandNotFound(brand)], submissionId);
  return undefined;
}

/** Omeda's 405, with the `Allow` header RFC 9110 §15.5.6 requires: the cancel resource takes POST only. */
function methodNotAllowed(request: DecodedRequest, context: OmedaContext): HandlerResult {
  const answer = omedaError(405, [omedaMessages.methodNotAllowed(request.method)], newSubmissionId(context.randomUUID));
  return { ...answer, headers: { allow: 'POST' } };
}

/** Omeda's words for each broken rule of the cancel body, one Error per field. */
function toBodyMessages(issues: readonly ValidationIssue[], request: DecodedRequest): string[] {
  const messages = new Set<string>();
  for (const issue of issues) {
    if (issue.keyword === 'parse') messages.add(omedaMessages.malformedJson(issue.message));
    else if (issue.keyword === 'mediaType') messages.add(omedaMessages.unsupportedContentType(request.mediaType));
    else if (issue.keyword === 'required' && issue.pointer === '/') {
      messages.add(omedaMessages.fieldRequired('UserId'));
      messages.add(omedaMessages.fieldRequired('TrackId'));
    } else if (issue.pointer === '/' && issue.keyword === 'type') messages.add(omedaMessages.notAnObject());
    else {
      const field = lastSegment(issue.pointer);
      const value = (request.body as Record<string, unknown> | null)?.[field];
      if (issue.keyword === 'maxLength') messages.add(omedaMessages.maxLength(String(value), field, Number(issue.params?.limit)));
      else if (issue.keyword === 'type') messages.add(omedaMessages.notAString(value, field));
      else messages.add(omedaMessages.fieldRequired(field));
    }
  }
  return [...messages];
}

/**
 * Omeda's Deployment Cancel, statefully: a deployment moves to `Cancelled` once, and every other
 * documented outcome follows from the deployment's state and owner.
 *
 * @see ../openapi/omeda.yaml
 * @see https://knowledgebase.omeda.com/omedaclientkb/email-deployment-cancel
 */
export const omeda = defineVendor({
  name: 'omeda',
  collections,
  seed: () => createOmedaDataset(),
  defaultConfig: { appIds: null, brands: null } as OmedaConfig,

  operations: {
    cancelDeployment(request, context) {
      const submissionId = newSubmissionId(context.randomUUID);
      const denied = checkAccess(request, context, submissionId);
      if (denied) return denied;
      // Validated against CancelDeploymentRequest before the handler runs.
      const { UserId, TrackId } = request.body as CancelDeploymentRequest;
      const deployment = context.store.deployments.findByKey(TrackId);
      if (!deployment) return omedaError(404, [omedaMessages.deploymentNotFound(TrackId)], submissionId);
      // Exact match: the document's own example refuses `omailaccount1` for `omailAccount1`.
      if (deployment.OwnerUserId !== UserId) return omedaError(403, [omedaMessages.userNotAuthorized(UserId)], submissionId);
      if (deployment.Status === 'Cancelled') return omedaError(400, [omedaMessages.previouslyCancelled(TrackId)], submissionId);
      if (deployment.Status === 'Sent' || deployment.Status === 'Sending') {
        const sentOn = toOmedaDate(deployment.SentDate ?? deployment.ScheduledDate ?? deployment.CreatedDate);
        return omedaError(400, [omedaMessages.wasSent(TrackId, sentOn)], submissionId);
      }
      const cancelledAt = context.clock.now().toISOString();
      return context.store.deployments
        .update(deployment, {
          data(draft) {
            draft.Status = 'Cancelled';
            draft.CancelledDate = cancelledAt;
          },
        })
        .then(() => {
          const brand = encodeURIComponent(request.path.brandAbbreviation ?? '');
          const Url = `${context.origin}/webservices/rest/brand/${brand}/omail/deployment/lookup/${encodeURIComponent(TrackId)}/*`;
          return { status: 200, body: { ResponseInfo: [{ TrackId, Url, SubmissionId: submissionId }], SubmissionId: submissionId } };
        });
    },

    rejectCancelMethod(request, context) {
      return methodNotAllowed(request, context);
    },

    lookupDeployment(request, context) {
      const submissionId = newSubmissionId(context.randomUUID);
      const denied = checkAccess(request, context, submissionId);
      if (denied) return denied;
      const trackId = request.path.trackId ?? '';
      const deployment = context.store.deployments.findByKey(trackId);
      if (!deployment) return omedaError(404, [omedaMessages.lookupNotFound(trackId)], submissionId);
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

  invalidRequest(issues, request, context) {
    const submissionId = newSubmissionId(context.randomUUID);
    // Method matching comes before authentication: a wrong method is a 405 even without an AppId.
    if (context.operationId === 'rejectCancelMethod') return methodNotAllowed(request, context);
    const denied = checkAccess(request, context, submissionId);
    if (denied) return denied;
    const pathIssue = issues.find((issue) => issue.location === 'path');
    if (pathIssue) {
      return lastSegment(pathIssue.pointer) === 'trackId'
        ? omedaError(404, [omedaMessages.lookupNotFound(request.path.trackId ?? '')], submissionId)
        : omedaError(404, [omedaMessages.brandNotFound(request.path.brandAbbreviation ?? '')], submissionId);
    }
    const messages = toBodyMessages(
      issues.filter((issue) => issue.location === 'body'),
      request,
    );
    return omedaError(400, messages.length > 0 ? messages : [omedaMessages.notAnObject()], submissionId);
  },

  unknownRoute(request, context) {
    return omedaError(404, [omedaMessages.resourceNotFound(request.url.pathname)], newSubmissionId(context.randomUUID));
  },
});
