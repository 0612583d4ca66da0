import type { MockEngine } from '../engine/create-engine.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { RecordedExchange } from './recorded-exchanges.ts';

/** What the specs say of one recorded exchange. */
export interface ExchangeVerdict {
  readonly exchange: RecordedExchange;
  readonly vendor: string | null;
  /** Null when no documented operation matches (an unknown endpoint: a violation, never skipped). */
  readonly operationId: string | null;
  readonly request: readonly ValidationIssue[];
  readonly response: readonly ValidationIssue[];
}

/**
 * Checks each exchange with the engine's compiled validators: the request, then the answer.
 *
 * @see ../engine/check-exchange.ts
 */
export function validateExchanges(engine: MockEngine, exchanges: readonly RecordedExchange[]): ExchangeVerdict[] {
  return exchanges.map((exchange) => {
    const hit = engine.checkRequest(exchange.request);
    const response =
      hit.vendor && hit.operationId ? engine.checkResponse(hit.vendor, hit.operationId, exchange.response, exchange.request) : [];
    return { exchange, vendor: hit.vendor, operationId: hit.operationId, request: hit.issues, response };
  });
}

/**
 * `request body /TrackId: must NOT have more than 50 characters (maxLength)` — rule and place in one line.
 *
 * @see ../validate/validation-issue.ts
 */
export function formatIssue(issue: ValidationIssue): string {
  const place =
    issue.location.startsWith('response') || issue.location === 'status' ? issue.location.replace('-', ' ') : `request ${issue.location}`;
  const where = issue.pointer === '/' ? '' : ` ${issue.pointer}`;
  return `${place}${where}: ${issue.message} (${issue.keyword})`;
}
