import type { components, operations } from '../../src/generated/momentum.d.ts';
import {
  type DecodedRequest,
  defineVendor,
  type HandlerContext,
  type HandlerResult,
  joinDeep,
  lastSegment,
  previewJson,
  recordsOf,
  toIsoTime,
  type ValidationIssue,
} from '../kit/index.ts';
import { checkCredentials, issueChallenges, type MomentumConfig } from './auth.ts';
import { createMomentumDataset } from './dataset.ts';
import { type MomentumError, momentumError, momentumErrors } from './errors.ts';
import { momentumCsvCodec, momentumJsonCodec, momentumXmlCodec, toFormat, toMediaTypeOf } from './formats.ts';
import { parseMailingIds } from './mailing-ids.ts';

export type { MomentumConfig } from './auth.ts';

import { meetsAll, parseWhereClause, toColumnCondition, toMailingView, type WhereResult } from './mailing-query.ts';

type Mailing = components['schemas']['Mailing'];
type Organization = components['schemas']['Organization'];

const collections = {
  organizations: recordsOf<Organization>('Organization', (o) => String(o.orgid)),
  mailings: recordsOf<Mailing>('Mailing', (m) => `${m.orgid}:${m.mid}`),
};
type MomentumContext = HandlerContext<typeof collections, MomentumConfig>;
/** A mailing as the store hands it out (updatable in place). */
type StoredMailing = ReturnType<MomentumContext['store']['mailings']['findMany']>[number];

/**
 * REST states a cancel moves to 8 cancelled: Edit (1), Ready (2, 4) and in-process (3, 5, 6), whose
 * generation stops. Completed (7, 8) and archived mailings stay as they are.
 */
const CANCELLABLE_STATES: ReadonlySet<Mailing['state']> = new Set([1, 2, 3, 4, 5, 6]);

/**
 * The book's 415 for a method the cancel resource does not take, with `Allow: PUT, POST` (RFC 9110
 * §10.2.1 allows Allow on any answer; it names the methods the cancel page documents).
 */
function unsupportedMethod(request: DecodedRequest): HandlerResult {
  const format = toFormat(request.url, request.query);
  const answer = momentumError(415, momentumErrors.unsupportedMethod(request.method, request.url.pathname), format);
  return { ...answer, headers: { allow: 'PUT, POST' } };
}

/** A body value as a query string value: arrays of ids become a comma list. */
function toParameter(value: unknown): string {
  if (Array.isArray(value)) return joinDeep(value);
  return typeof value === 'object' ? previewJson(value) : String(value);
}

/** The first broken input, in the order body → orgid → mid → format, in Message Central's words. */
function toInputError(issues: readonly ValidationIssue[], request: DecodedRequest): { status: 400 | 415; error: MomentumError } {
  const body = issues.find((issue) => issue.location === 'body');
  if (body) {
    if (body.keyword === 'mediaType' || body.params?.reason === 'unsupported-media-type')
      return { status: 415, error: momentumErrors.unsupportedMediaType(request.mediaType || '(none)') };
    // A charset the mock cannot decode is an unsupported media type too (RFC 9110 §15.5.16): the book's 415.
    if (body.params?.reason === 'unsupported-charset')
      return { status: 415, error: momentumErrors.unsupportedMediaType(request.headers['content-type'] ?? request.mediaType) };
    if (body.keyword === 'parse') return { status: 400, error: momentumErrors.malformedJson(body.message) };
    return { status: 400, error: momentumErrors.notAnObject() };
  }
  for (const name of ['orgid', 'mid', 'format'] as const) {
    const issue = issues.find((candidate) => candidate.location === 'query' && lastSegment(candidate.pointer) === name);
    if (!issue) continue;
    if (issue.keyword === 'required') return { status: 400, error: momentumErrors.missingParameter(name) };
    const value = toParameter(request.query[name]);
    if (name === 'orgid') return { status: 400, error: momentumErrors.invalidOrgId(value) };
    if (name === 'format') return { status: 400, error: momentumErrors.invalidFormat(value) };
    const parsed = parseMailingIds(value);
    return { status: 400, error: parsed.ok ? momentumErrors.tooManyMailings(value.split(',').length) : parsed.error };
  }
  const where = issues.find((issue) => issue.location === 'query');
  if (where) return { status: 400, error: momentumErrors.invalidWhereClause(toParameter(request.query[lastSegment(where.pointer)])) };
  return { status: 400, error: momentumErrors.invalidMid(toParameter(request.query.mid)) };
}

/**
 * Mailing_Cancel: validates every listed mailing first, then cancels them all, or none.
 *
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x, Mailing_Cancelv35)
 */
async function cancelMailing(request: DecodedRequest, context: MomentumContext): Promise<HandlerResult> {
  const denied = checkCredentials(request, context);
  if (denied) return denied;
  const format = toFormat(request.url, request.query);
  const parsed = parseMailingIds(String(request.query.mid));
  if (!parsed.ok) return momentumError(400, parsed.error, format);
  const orgid = Number(request.query.orgid);
  if (!context.store.organizations.findByKey(String(orgid))) return momentumError(500, momentumErrors.invalidSchemaName(), format);
  const listed: StoredMailing[] = [];
  for (const mid of parsed.ids) {
    const mailing = context.store.mailings.findByKey(`${orgid}:${mid}`);
    // Atomic: one unknown mailing fails the call before any is cancelled.
    if (!mailing) return momentumError(404, momentumErrors.noSuchMailing(), format);
    listed.push(mailing);
  }
  const now = toIsoTime(context.clock.now().getTime());
  for (const mailing of listed) {
    if (mailing.archived || !CANCELLABLE_STATES.has(mailing.state)) continue;
    await context.store.mailings.update(mailing, {
      data(draft) {
        draft.state = 8;
        draft.modifiedDate = now;
        draft.cancelledDate = now;
      },
    });
  }
  return { status: 200, body: 0, mediaType: toMediaTypeOf(format) };
}

/** Any method but PUT and POST: the book's 415 for an unsupported method, after the credentials. */
function rejectCancelMethod(request: DecodedRequest, context: MomentumContext): HandlerResult {
  return checkCredentials(request, context) ?? unsupportedMethod(request);
}

/** The where parameters as conditions: `whereColName`/`whereColValue`, then `extraWhereClause`; none → every mailing. */
function toWhere(query: DecodedRequest['query']): WhereResult {
  const column = typeof query.whereColName === 'string' ? query.whereColName : undefined;
  const clause = typeof query.extraWhereClause === 'string' ? query.extraWhereClause.trim() : '';
  const pair = column === undefined ? undefined : toColumnCondition(column, String(query.whereColValue ?? ''));
  if (pair && !pair.ok) return pair;
  const extra = clause === '' ? undefined : parseWhereClause(clause);
  if (extra && !extra.ok) return extra;
  return { ok: true, conditions: [...(pair?.ok ? pair.conditions : []), ...(extra?.ok ? extra.conditions : [])] };
}

/**
 * The v1.0 mailing read: one `mid` → the mailing object, a list/range → an array, no `mid` → the
 * org's mailings the where parameters select (an array). Reads the store the cancel writes.
 *
 * @see ../../openapi/momentum.yaml (getMailing, and the info description's "Reading a mailing back")
 */
function getMailing(request: DecodedRequest, context: MomentumContext): HandlerResult {
  const denied = checkCredentials(request, context);
  if (denied) return denied;
  const format = toFormat(request.url, request.query);
  const mid = request.query.mid === undefined ? undefined : String(request.query.mid);
  const parsed = mid === undefined ? undefined : parseMailingIds(mid);
  if (parsed && !parsed.ok) return momentumError(400, parsed.error, format);
  const where = toWhere(request.query);
  if (!where.ok) return momentumError(400, where.error, format);
  const orgid = Number(request.query.orgid);
  if (!context.store.organizations.findByKey(String(orgid))) return momentumError(500, momentumErrors.invalidSchemaName(), format);
  const answer = (body: unknown): HandlerResult => ({ status: 200, body, mediaType: toMediaTypeOf(format) });
  if (parsed?.ok) {
    const found: Mailing[] = [];
    for (const id of parsed.ids) {
      const mailing = context.store.mailings.findByKey(`${orgid}:${id}`);
      if (!mailing) return momentumError(404, momentumErrors.noSuchMailing(), format);
      found.push(mailing);
    }
    const views = found.map(toMailingView);
    return answer(/^\d+$/.test(mid ?? '') ? views[0] : views);
  }
  const selected = context.store.mailings.all().filter((mailing) => mailing.orgid === orgid && meetsAll(mailing, where.conditions));
  return answer(selected.map(toMailingView));
}

/**
 * Momentum (Message Central 3.x REST) Mailing_Cancel, statefully, with its three input forms folded
 * into one validated input by `normalize`.
 *
 * @see ../../openapi/momentum.yaml
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x) and ../docs/vendors/momentum.md
 */
export const momentum = defineVendor<operations>()({
  name: 'momentum',
  collections,
  seed: () => createMomentumDataset(),
  defaultConfig: { credentials: null } as MomentumConfig,
  codecs: [momentumJsonCodec, momentumXmlCodec, momentumCsvCodec],

  /** Folds `orgid`/`mid` from a JSON or form body into the query; the query wins. */
  normalize(request) {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return request;
    const query = { ...request.query };
    for (const name of ['orgid', 'mid'] as const) {
      const value = (body as Record<string, unknown>)[name];
      if (query[name] === undefined && value !== undefined && value !== null) query[name] = toParameter(value);
    }
    return { ...request, query };
  },

  operations: {
    cancelMailing,
    cancelMailingPost: cancelMailing,
    getMailing,
    rejectCancelMethod,
  },

  invalidRequests: {
    rejectCancelMethod: (_issues, request, context) => rejectCancelMethod(request, context),
  },

  invalidRequest(issues, request, context) {
    const denied = checkCredentials(request, context);
    if (denied) return denied;
    const format = toFormat(request.url, request.query);
    const { status, error } = toInputError(issues, request);
    return momentumError(status, error, format);
  },

  /** Every Message Central call checks its credentials first (Basic or Digest). */
  authorize: checkCredentials,

  unknownRoute(request) {
    return momentumError(404, momentumErrors.urlNotFound(request.url.pathname), toFormat(request.url, request.query));
  },

  /**
   * A forced answer in the output format the request asks for (suffix or `?format=`), rendered as
   * every handler answer is; a forced 401 challenges with a nonce this mock issued, so a Digest client
   * can answer it. Nothing else is dynamic.
   *
   * @see ../../openapi/momentum.yaml (info description: forced answers and the output format)
   */
  personalizeForced(forced, request, context) {
    const answer = { ...forced, mediaType: toMediaTypeOf(toFormat(request.url, request.query)) };
    if (forced.status !== 401) return answer;
    return { ...answer, headers: { ...forced.headers, 'www-authenticate': issueChallenges(context, false) } };
  },
});
