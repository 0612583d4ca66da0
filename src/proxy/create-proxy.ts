import { decodeBodyText } from '../codec/body-text.ts';
import { formatIssue } from '../contract/validate-exchanges.ts';
import type { WireRequest } from '../engine/check-exchange.ts';
import { createEngine, type MockEngine } from '../engine/create-engine.ts';
import { createProblem, type MockProblem, type MockProblemCode } from '../errors/mock-errors.ts';
import { createRequestJournal, type JournalEntry, type RequestJournal } from '../journal/request-journal.ts';
import { checkTargetLength, REQUEST_LIMITS, readBoundedBytes } from '../limits/request-limits.ts';
import { lazily } from '../validate/compile-once.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import { selectModules } from '../vendors.ts';
import { decodeContent } from './decode-content.ts';
import { createDriftTally, type DriftReport } from './drift-report.ts';
import type { HarFile } from './har-file.ts';
import { createInstanceUrls } from './instance-urls.ts';
import { type ProxyTargets, toUpstreamUrl } from './proxy-targets.ts';
import { redactBody, redactHeaders, redactUrl } from './redact-secrets.ts';
import {
  DEFAULT_UPSTREAM_LIMITS,
  type Forwarder,
  HOP_BY_HOP_HEADERS,
  type UpstreamFailure,
  type UpstreamLimits,
  type UpstreamResult,
} from './upstream-exchange.ts';

export interface ProxyOptions {
  /**
   * Each vendor's upstream base URL; `'same-origin'` forwards every request to the URL it was sent to
   * (in-process, where the app already addresses the vendor's host).
   */
  readonly targets: ProxyTargets | 'same-origin';
  /** With `'same-origin'`: the vendors whose traffic is checked (default: all). */
  readonly vendorNames?: readonly string[];
  readonly forward: Forwarder;
  readonly upstream?: Partial<UpstreamLimits>;
  /** Request bodies over this answer 413, as the mock's do (default 1 MiB). */
  readonly maxBodyBytes?: number;
  readonly journalCapacity?: number;
  /** After each exchange: the redacted entry and the first issue found, if any (the CLI's log line). */
  readonly onExchange?: (entry: JournalEntry, verdict: ExchangeVerdictLine) => void;
  readonly har?: HarFile;
  readonly specDirectory?: string;
}

/** What the log line says of one exchange beyond method, path, operation and status. */
export interface ExchangeVerdictLine {
  /** The first response issue: the vendor answered outside its spec. */
  readonly drift?: string;
  /** The first request issue: the app sent something the spec does not accept. */
  readonly request?: string;
  /** The upstream failed to answer (the problem code the client got). */
  readonly upstream?: MockProblemCode;
}

/** A validating proxy: forwards vendor traffic unchanged and checks both sides against the specs. */
export interface ValidatingProxy {
  /** Forwards one vendor request and answers with the upstream's answer (or a 4xx/502/504 problem). */
  handle(request: Request): Promise<Response>;
  readonly vendors: readonly string[];
  /** Redacted exchanges with their violations, newest last. */
  readonly journal: RequestJournal;
  report(): DriftReport;
  /** The engine whose compiled validators check the traffic (no handler of it ever runs). */
  readonly engine: MockEngine;
}

/**
 * Builds the proxy over a forwarder. The checks are the engine's own contract checks
 * (`checkRequest`/`checkResponse`: the same route matching, codecs, SOAP decoding and validators the
 * mock applies to itself); nothing about a vendor is restated here.
 *
 * @see ../engine/check-exchange.ts
 * @see https://github.com/stoplightio/prism/blob/master/docs/guides/03-validation-proxy.md
 */
export function createProxy(options: ProxyOptions): ValidatingProxy {
  const vendors = options.targets === 'same-origin' ? options.vendorNames : [...options.targets.keys()];
  const engine = createEngine({
    modules: selectModules(vendors),
    journalCapacity: 0,
    ...(options.specDirectory ? { specDirectory: options.specDirectory } : {}),
  });
  const limits: UpstreamLimits = { ...DEFAULT_UPSTREAM_LIMITS, ...options.upstream };
  const maxBodyBytes = options.maxBodyBytes ?? REQUEST_LIMITS.maxBodyBytes;
  const journal = createRequestJournal(options.journalCapacity);
  const tally = createDriftTally();
  const instanceUrls = createInstanceUrls();
  // Every vendor's routes, built on the first request to a vendor the proxy has no --target for, so it
  // can say which vendor that was. A spec directory that holds only the targets' specs builds none.
  const everyVendor = lazily((): MockEngine | undefined => {
    try {
      return createEngine({
        modules: selectModules(),
        journalCapacity: 0,
        ...(options.specDirectory ? { specDirectory: options.specDirectory } : {}),
      });
    } catch {
      return undefined;
    }
  });
  /** The vendor whose spec documents this method and path (a route, not just a path prefix), if any. */
  const documentedBy = (request: WireRequest): string | null => {
    try {
      const hit = everyVendor()?.checkRequest(request);
      return hit?.operationId ? hit.vendor : null;
    } catch {
      return null;
    }
  };

  /** Where a request goes: the learned instance, the vendor's target, or (in-process) where it was sent. */
  const route = (url: URL, method: string) => {
    const learned = instanceUrls.resolve(url.pathname);
    const pathname = learned?.pathname ?? url.pathname;
    const checkUrl = new URL(`${pathname}${url.search}`, url.origin);
    const vendor = engine.owner(new Request(checkUrl, { method })) ?? null;
    if (learned) return { vendor, checkUrl, upstream: new URL(`${learned.origin}${pathname}${url.search}`), base: learned.origin };
    if (options.targets === 'same-origin') return { vendor, checkUrl, upstream: vendor ? url : undefined, base: url.origin };
    const target = vendor ? options.targets.get(vendor) : undefined;
    return { vendor, checkUrl, upstream: target ? toUpstreamUrl(target, `${pathname}${url.search}`) : undefined, base: target?.origin };
  };

  const handle = async (request: Request): Promise<Response> => {
    const started = performance.now();
    const startedAt = Date.now();
    const url = new URL(request.url);
    const requestHeaders = headerRecord(request.headers);
    const record = (
      vendor: string | null,
      operationId: string | null,
      body: string,
      answer: { status: number; headers: Record<string, string>; text: string },
      validation: JournalEntry['validation'],
      verdict: ExchangeVerdictLine,
    ): void => {
      const entry = journal
        .record({
          time: startedAt,
          durationMs: Math.round((performance.now() - started) * 1000) / 1000,
          vendor,
          // One spelling with the mock's own journal and force(): `vendor.operationId`.
          operationId: vendor && operationId ? `${vendor}.${operationId}` : operationId,
          request: {
            method: request.method,
            url: redactUrl(request.url),
            headers: redactHeaders(requestHeaders),
            body: redactBody(requestHeaders['content-type'], body),
          },
          response: {
            status: answer.status,
            headers: redactHeaders(answer.headers),
            body: redactBody(answer.headers['content-type'], answer.text),
          },
          forced: null,
          validation,
        })
        .read();
      tally.record(entry, verdict.upstream !== undefined, verdict.drift);
      options.har?.append(entry);
      options.onExchange?.(entry, verdict);
    };
    const refuse = (problem: MockProblem, vendor: string | null, body = '', requestIssues: readonly ValidationIssue[] = []) => {
      const text = JSON.stringify(problem);
      const headers = { 'content-type': 'application/problem+json' };
      const upstream = problem.code.startsWith('upstream-') ? problem.code : undefined;
      const first = requestIssues[0];
      record(
        vendor,
        null,
        body,
        { status: problem.status, headers, text },
        { request: requestIssues, response: [] },
        {
          ...(upstream ? { upstream } : {}),
          ...(first ? { request: formatIssue(first) } : {}),
        },
      );
      return new Response(text, { status: problem.status, headers });
    };

    const tooLong = checkTargetLength(url, REQUEST_LIMITS.maxUrlLength);
    if (tooLong) {
      request.body?.cancel().catch(() => undefined);
      return refuse(tooLong, null);
    }
    const bytes = await readBoundedBytes(request, maxBodyBytes);
    if (!bytes.ok) {
      const detail = `the request body has at least ${bytes.bytes} bytes; the limit is ${maxBodyBytes}`;
      return refuse(createProblem('payload-too-large', detail, { limit: maxBodyBytes }), null);
    }
    // Read in the charset the request names, as the mock reads it (a UTF-16 body stays UTF-16).
    const body = decodeBodyText(bytes.bytes, request.headers.get('content-type')).text;
    const { vendor, checkUrl, upstream, base } = route(url, request.method);
    if (!upstream || base === undefined) {
      const served = options.targets === 'same-origin' ? engine.vendors : [...options.targets.keys()];
      const wire = { method: request.method, url: checkUrl.href, headers: requestHeaders, body };
      const owner = vendor ?? documentedBy(wire);
      if (owner !== null && !served.includes(owner)) {
        // A documented request of a vendor this proxy was not given: the setup's gap, said as such.
        const detail = `no --target for ${owner}: this proxy serves ${served.join(', ')}; add --target ${owner}=<url>`;
        const issue: ValidationIssue = { location: 'path', pointer: '/', keyword: 'no-target', message: detail };
        return refuse(createProblem('unknown-route', detail), owner, body, [issue]);
      }
      const detail = `no --target of this proxy (${served.join(', ')}) serves ${request.method} ${url.pathname}`;
      const { issues } = engine.checkRequest(wire);
      return refuse(createProblem('unknown-route', detail), vendor, body, issues);
    }
    const checked = engine.checkRequest({ method: request.method, url: checkUrl.href, headers: requestHeaders, body });
    const answer = await options.forward(
      { method: request.method, url: upstream, headers: toForwardHeaders(requestHeaders, upstream), body: bytes.bytes },
      limits,
    );
    if (!answer.ok) return refuse(upstreamProblem(answer.failure, answer.message), checked.vendor, body, checked.issues);

    const decoded = decodeContent(answer.body, answer.headers['content-encoding'], limits.maxBodyBytes);
    const text = decoded.ok ? decoded.text : '';
    let responseIssues: readonly ValidationIssue[] = [];
    if (!decoded.ok) responseIssues = [{ location: 'response-body', pointer: '/', keyword: 'parse', message: decoded.message }];
    else if (checked.vendor && checked.operationId) {
      responseIssues = engine.checkResponse(
        checked.vendor,
        checked.operationId,
        { status: answer.status, headers: answer.headers, body: text },
        request,
      );
    }
    // In-process the app already calls the vendor's own hosts: nothing to bring back through a proxy.
    const rewritten = decoded.ok && options.targets !== 'same-origin' ? instanceUrls.rewrite(text, url.origin, base) : undefined;
    const response = toClientResponse(answer, rewritten);
    if (!response)
      return refuse(
        upstreamProblem('invalid-response', `the upstream answered status ${answer.status}`),
        checked.vendor,
        body,
        checked.issues,
      );
    const firstRequest = checked.issues[0];
    const firstResponse = responseIssues[0];
    record(
      checked.vendor,
      checked.operationId,
      body,
      { status: answer.status, headers: headerRecord(response.headers), text: rewritten ?? text },
      { request: checked.issues, response: responseIssues },
      {
        ...(firstResponse ? { drift: formatIssue(firstResponse) } : {}),
        ...(firstRequest ? { request: formatIssue(firstRequest) } : {}),
      },
    );
    return response;
  };

  return { handle, vendors: engine.vendors, journal, report: () => tally.report(), engine };
}

const FAILURE_CODES: Record<UpstreamFailure, MockProblemCode> = {
  unreachable: 'upstream-unreachable',
  timeout: 'upstream-timeout',
  'invalid-response': 'upstream-invalid-response',
  'too-large': 'upstream-too-large',
};

function upstreamProblem(failure: UpstreamFailure, message: string): MockProblem {
  return createProblem(FAILURE_CODES[failure], message);
}

/** The client's end-to-end headers for the upstream, with `host` naming the upstream (as any proxy does). */
function toForwardHeaders(headers: Readonly<Record<string, string>>, upstream: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP_HEADERS.has(name)) out[name] = value;
  out.host = upstream.host;
  return out;
}

/**
 * The upstream's answer for the client: its status, end-to-end headers and bytes, or the rewritten
 * text (then plain, without the upstream's content coding). `undefined` for a status Fetch cannot
 * carry (1xx, or past 599): that upstream did not answer usable HTTP.
 */
function toClientResponse(answer: Extract<UpstreamResult, { ok: true }>, rewritten: string | undefined): Response | undefined {
  if (answer.status < 200 || answer.status > 599) return undefined;
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (HOP_BY_HOP_HEADERS.has(name) || (rewritten !== undefined && name === 'content-encoding')) continue;
    for (const line of name === 'set-cookie' ? value.split('\n') : [value]) headers.append(name, line);
  }
  const nullBody = answer.status === 204 || answer.status === 205 || answer.status === 304;
  return new Response(nullBody ? null : (rewritten ?? answer.body), { status: answer.status, headers });
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}
