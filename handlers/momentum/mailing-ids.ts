import { MAX_MAILINGS_PER_CALL, type MomentumError, momentumErrors } from './errors.ts';

export type MailingIdsResult =
  | { readonly ok: true; readonly ids: readonly number[] }
  | { readonly ok: false; readonly error: MomentumError };

const ITEM = /^([0-9]{1,10})(?:-([0-9]{1,10}))?$/;

/**
 * Reads a `mid` value: one id, a comma list, ranges (`2-10`, `1,2,4,9-15`, the Mailing_Unarchivev35
 * grammar). Duplicates count once; more than {@link MAX_MAILINGS_PER_CALL} mailings, a reversed range,
 * an empty entry or a sign is an error naming the problem. Never expands a range past the cap.
 *
 * @see ../../openapi/momentum.yaml (components.parameters.Mid)
 */
export function parseMailingIds(value: string): MailingIdsResult {
  const ids = new Set<number>();
  for (const item of value.split(',')) {
    if (item === '') return { ok: false, error: momentumErrors.emptyListEntry(value) };
    const match = ITEM.exec(item);
    if (!match) return { ok: false, error: describeBadItem(value, item) };
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) return { ok: false, error: momentumErrors.reversedRange(value, item) };
    if (last - first + 1 > MAX_MAILINGS_PER_CALL) return { ok: false, error: momentumErrors.tooManyMailings(last - first + 1 + ids.size) };
    for (let id = first; id <= last; id++) ids.add(id);
    if (ids.size > MAX_MAILINGS_PER_CALL) return { ok: false, error: momentumErrors.tooManyMailings(countListed(value)) };
  }
  return { ok: true, ids: [...ids] };
}

function describeBadItem(value: string, item: string): MomentumError {
  return /^-[0-9]+$/.test(item) ? momentumErrors.negativeMid(value) : momentumErrors.invalidMid(value);
}

/** How many distinct mailings a well-formed list names (for the cap message). */
function countListed(value: string): number {
  const ids = new Set<number>();
  let ranged = 0;
  for (const item of value.split(',')) {
    const [first, last] = item.split('-').map(Number);
    if (last === undefined) ids.add(first as number);
    else ranged += last - (first as number) + 1;
  }
  return ids.size + ranged;
}
