import type { FormatDefinition } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';

/** Results kept per format before the memory starts over; texts longer than `MAX_KEPT_LENGTH` are never kept. */
const KEPT_RESULTS = 256;
const MAX_KEPT_LENGTH = 64;

/**
 * Makes ajv-formats' `date-time` check remember its last answers. Records and answers repeat the same
 * date-times (a stored record's dates are checked again on every update of it, fixtures share them),
 * and the check is a split on a regular expression, two more and their numbers: about 6 k instructions
 * a text, most of an Omeda cancel's record check. A remembered text costs a map lookup. The answers are
 * ajv-formats' own (a check is a function of the text alone); only short texts are kept, at most
 * `KEPT_RESULTS`, so a client's odd input is never held. Call after `ajv-formats` added its formats and
 * before anything is compiled.
 *
 * @see https://github.com/ajv-validator/ajv-formats/blob/master/src/formats.ts (`date_time`)
 */
export function rememberDateTimes(ajv: Ajv2020): void {
  const format = ajv.formats['date-time'];
  if (typeof format !== 'object' || format instanceof RegExp || format.type === 'number' || format.async) return;
  const { validate, compare } = format as FormatDefinition<string>;
  if (typeof validate !== 'function') return;
  ajv.addFormat('date-time', { type: 'string', validate: rememberAnswers(validate), ...(compare ? { compare } : {}) });
}

/** `check`, with its answers for the last short texts kept. */
export function rememberAnswers(check: (text: string) => boolean): (text: string) => boolean {
  let known = new Map<string, boolean>();
  return (text) => {
    const answer = known.get(text);
    if (answer !== undefined) return answer;
    const checked = check(text);
    if (text.length <= MAX_KEPT_LENGTH) {
      if (known.size >= KEPT_RESULTS) known = new Map();
      known.set(text, checked);
    }
    return checked;
  };
}
