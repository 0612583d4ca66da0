import { expect, it } from 'vitest';
import { cutToLine, findErrorText, findErrorTextInJson, NOT_PLAIN_JSON } from './error-text.ts';

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
  // The same text is found in the value whose JSON the body is.
  if (body.trimStart().startsWith('{') && text !== undefined) expect(findErrorTextInJson(JSON.parse(body))).toBe(text);
});

it.each([
  ['an Omeda Errors body', { Errors: [{ Error: "Deployment 'FOO1' was not found." }], SubmissionId: 'x' }],
  ['a problem', { type: 'urn:x', title: 'Not Found', status: 404, detail: 'no operation matches GET /x', code: 'unknown-route' }],
  ['a body without any message', { id: '', count: 2, items: [null, 1, { a: true }] }],
  ['members that are not in the JSON', { message: undefined, detail: () => 'x', title: 'Kept' }],
  ['a null-prototype object', Object.assign(Object.create(null), { error: 'null prototype' })],
  ['a text to fold and cut', { message: ` spaced\n${'y'.repeat(130)}` }],
  ['an empty text', { message: ' ', title: '' }],
])('findErrorTextInJson finds in %s what findErrorText finds in its JSON', (_name, value) => {
  expect(findErrorTextInJson(value)).toBe(findErrorText(JSON.stringify(value)));
});

it.each([
  ['a string', 'Not Found'],
  ['a Date member, whose JSON is a text', { message: new Date(0) }],
  ['a boxed string member', { error: Object('boxed') }],
  ['a member with toJSON', { detail: { toJSON: () => 'from toJSON' } }],
  ['an array item with toJSON', [{ toJSON: () => ({ message: 'from toJSON' }) }]],
  ['a class instance', { error: new (class Failure {})() }],
  ['a Map', new Map([['message', 'x']])],
])('findErrorTextInJson leaves %s to the JSON text', (_name, value) => {
  expect(findErrorTextInJson(value)).toBe(NOT_PLAIN_JSON);
});

it.each([
  ['leaves a one-line text as it is', 'No cancellable messages found', 'No cancellable messages found'],
  ['folds line breaks, tabs and runs of spaces into one space', ' a\n\tb  c\u00a0d ', 'a b c d'],
  ['cuts past 120 characters with an ellipsis', 'x'.repeat(130), `${'x'.repeat(119)}…`],
])('cutToLine %s', (_name, text, line) => {
  expect(cutToLine(text)).toBe(line);
});
