import { findErrorText } from './error-text.ts';

/** A response whose error text is worked out from its body text. */
interface AnswerText {
  readonly body: string;
}

/** Stands in for the object handed to a constructor: a subclass's private fields then land on that object. */
class ReturnsItsArgument {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the point of this class (see `NotedErrorText`).
    return target;
  }
}

/**
 * The error text of an answer, noted on the journal entry's `response` that the `onExchange` hook is
 * handed, as a private field: nothing that reads the entry (keys, copies, JSON, comparisons) sees it,
 * and noting it costs a field store where a symbol or non-enumerable property costs a microsecond. A
 * `WeakMap` would be the plainer way, but its entries are ephemerons the collector revisits at every
 * scavenge: noting and reading back 2,000,000 answers while the last 1,000 live took 2.5 µs an answer
 * with a `WeakMap` against 0.06–0.13 µs with the field.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Classes/Private_properties
 */
class NotedErrorText extends ReturnsItsArgument {
  readonly #text: string | undefined;
  constructor(response: AnswerText, text: string | undefined) {
    super(response);
    this.#text = text;
  }
  static textOf(response: AnswerText): string | undefined {
    return #text in response ? (response as NotedErrorText).#text : findErrorText(response.body);
  }
}

/**
 * Notes on a response the error text its body holds, worked out by the engine from the answer before
 * it was encoded (`findErrorTextInJson`), so that the request log need not parse the body again.
 * A response is noted once.
 */
export function noteErrorText(response: AnswerText, text: string | undefined): void {
  new NotedErrorText(response, text);
}

/** The error text of a response's body (`findErrorText`), as noted if it was. */
export function errorTextOf(response: AnswerText): string | undefined {
  return NotedErrorText.textOf(response);
}
