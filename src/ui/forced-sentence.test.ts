import { expect, it } from 'vitest';
import { forcedSentence } from './forced-sentence.ts';

it.each([
  [{ status: 404, example: 'brandNotFound', by: 'prefer' }, 'Forced 404 (brandNotFound) by prefer.'],
  [{ status: 500, by: 'queue' }, 'Forced 500 by queue.'],
  [{ status: 0, by: 'fault' }, 'Dropped, no answer sent, by fault.'],
] as const)('says how %j forced the exchange', (forced, sentence) => {
  expect(forcedSentence(forced)).toBe(sentence);
});
