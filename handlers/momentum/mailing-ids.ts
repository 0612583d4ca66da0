import { MAX_MAILINGS_PER_CALL, type MomentumError, momentumErrors } from './errors.ts';

export type MailingIdsResult =
  | { readonly ok: true; readonly ids: readonly number[] }
  | { readonly ok: false; readonly error: MomentumError };

const ITEM = /^([0-9]{1,10})(?:-([0-9]{1,10}))?$/;

/** An inclusive id range `[first, last]`. */
type Span = readonly [number, number];

/**
 * Reads a `mid` value: one id, a comma list, ranges (`2-10`, `1,2,4,9-15`, the Mailing_Unarchivev35
 * grammar). Duplicates and overlaps count once; more than {@link MAX_MAILINGS_PER_CALL} distinct
 * mailings, a reversed range, an empty entry or a sign is an error naming the problem.
 *
 * Linear in the list: the ids seen so far are kept as merged spans, so an entry they already cover
 * (`1-1000,1-1000,…`) costs one binary search, and ids are expanded only while at most 1,000 are
 * distinct.
 *
 * @see ../../openapi/momentum.yaml (components.parameters.Mid)
 */
export function parseMailingIds(value: string): MailingIdsResult {
  const items = value.split(',');
  const ids: number[] = [];
  const covered: Span[] = [];
  for (const item of items) {
    if (item === '') return { ok: false, error: momentumErrors.emptyListEntry(value) };
    const span = toSpan(item);
    if (!span) return { ok: false, error: describeBadItem(value, item) };
    const [first, last] = span;
    if (last < first) return { ok: false, error: momentumErrors.reversedRange(value, item) };
    if (last - first + 1 > MAX_MAILINGS_PER_CALL) return { ok: false, error: momentumErrors.tooManyMailings(countDistinct(items)) };
    if (coveringIndex(covered, first, last) !== -1) continue;
    for (let id = first; id <= last; id++) if (coveringIndex(covered, id, id) === -1) ids.push(id);
    cover(covered, first, last);
    if (ids.length > MAX_MAILINGS_PER_CALL) return { ok: false, error: momentumErrors.tooManyMailings(countDistinct(items)) };
  }
  return { ok: true, ids };
}

function toSpan(item: string): Span | undefined {
  const match = ITEM.exec(item);
  if (!match) return undefined;
  const first = Number(match[1]);
  return [first, match[2] === undefined ? first : Number(match[2])];
}

function describeBadItem(value: string, item: string): MomentumError {
  return /^-[0-9]+$/.test(item) ? momentumErrors.negativeMid(value) : momentumErrors.invalidMid(value);
}

/** Index of the span (sorted, disjoint) that holds all of `[first, last]`, or -1. */
function coveringIndex(spans: readonly Span[], first: number, last: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const [start, end] = spans[middle] as Span;
    if (first < start) high = middle - 1;
    else if (first > end) low = middle + 1;
    else return last <= end ? middle : -1;
  }
  return -1;
}

/** Adds `[first, last]` to sorted, disjoint spans, merging what it overlaps or touches. */
function cover(spans: Span[], first: number, last: number): void {
  let start = 0;
  while (start < spans.length && (spans[start] as Span)[1] < first - 1) start++;
  let end = start;
  let merged: [number, number] = [first, last];
  while (end < spans.length && (spans[end] as Span)[0] <= last + 1) {
    const [spanFirst, spanLast] = spans[end] as Span;
    merged = [Math.min(merged[0], spanFirst), Math.max(merged[1], spanLast)];
    end++;
  }
  spans.splice(start, end - start, merged);
}

/** How many distinct mailings the well-formed entries of a list name (for the cap message). */
function countDistinct(items: readonly string[]): number {
  const spans = items
    .map(toSpan)
    .filter((span): span is Span => span !== undefined && span[0] <= span[1])
    .sort((a, b) => a[0] - b[0]);
  let count = 0;
  let reached = -1;
  for (const [first, last] of spans) {
    if (last <= reached) continue;
    count += last - Math.max(first, reached + 1) + 1;
    reached = last;
  }
  return count;
}
