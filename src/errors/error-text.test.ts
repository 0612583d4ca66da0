import { expect, it } from 'vitest';
import { cutToLine, findErrorText } from './error-text.ts';

it.each([
  ['takes the most specific key of a node over a less specific one before it', '{"title":"Bad","detail":"no such id"}', 'no such id'],
  ['matches keys without regard to case, the later spelling winning', '{"Message":"first","message":"second"}', 'second'],
  ['prefers a key of the outer node over a more specific one nested deeper', '{"error":"outer","inner":{"detail":"inner"}}', 'outer'],
  ['searches members depth first, in order', '{"a":{"b":{"message":"deep"}},"c":{"message":"later"}}', 'deep'],
  ['searches array items in order', '[{"code":1},{"Error":"second item"}]', 'second item'],
  ['skips empty texts', '{"detail":"","title":"Not Found"}', 'Not Found'],
  ['stops four levels deep', '{"a":{"b":{"c":{"d":{"e":{"message":"too deep"}}}}}}', undefined],
  ['gives nothing for unreadable JSON', '{"message":', undefined],
  ['reads plain text as is', '  Service Unavailable', 'Service Unavailable'],
  ['gives nothing for an empty body', '', undefined],
])('findErrorText %s', (_name, body, text) => {
  expect(findErrorText(body)).toBe(text);
});

it.each([
  ['leaves a one-line text as it is', 'No cancellable messages found', 'No cancellable messages found'],
  ['folds line breaks, tabs and runs of spaces into one space', ' a\n\tb  c\u00a0d ', 'a b c d'],
  ['cuts past 120 characters with an ellipsis', 'x'.repeat(130), `${'x'.repeat(119)}…`],
])('cutToLine %s', (_name, text, line) => {
  expect(cutToLine(text)).toBe(line);
});

it('cutToLine changes exactly the texts whose whitespace a \\s pattern would tidy, whatever the character', () => {
  const tidied = (text: string) => (/^\s|\s$|[^\S ]|\s\s/.test(text) ? text.replace(/\s+/g, ' ').trim() : text);
  const differing: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const c = String.fromCharCode(code);
    for (const text of [c, `a${c}b`, `a${c}${c}b`, `a ${c}b`, `a${c} b`, `${c}ab`, `ab${c}`])
      if (cutToLine(text) !== tidied(text)) differing.push(text);
  }
  expect(differing).toEqual([]);
});
