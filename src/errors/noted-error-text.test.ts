import { expect, it } from 'vitest';
import { errorTextOf, noteErrorText } from './noted-error-text.ts';

const refused = () => ({ status: 404, headers: {}, body: '{"Errors":[{"Error":"from the body"}]}' });

it('reads the error text from the body of a response nothing was noted on', () => {
  expect(errorTextOf(refused())).toBe('from the body');
});

it('gives the noted error text, also when it is none', () => {
  const noted = refused();
  noteErrorText(noted, 'noted');
  expect(errorTextOf(noted)).toBe('noted');
  const none = refused();
  noteErrorText(none, undefined);
  expect(errorTextOf(none)).toBeUndefined();
});

it('notes the text where no keys, copy, comparison or JSON of the response see it', () => {
  const noted = refused();
  noteErrorText(noted, 'noted');
  expect(Reflect.ownKeys(noted)).toEqual(['status', 'headers', 'body']);
  expect(Object.getPrototypeOf(noted)).toBe(Object.prototype);
  expect(noted).toStrictEqual(refused());
  expect(JSON.stringify(noted)).toBe(JSON.stringify(refused()));
  expect(errorTextOf({ ...noted })).toBe('from the body');
  expect(errorTextOf(structuredClone(noted))).toBe('from the body');
});
