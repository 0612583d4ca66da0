import { expect, it } from 'vitest';
import { toJavaLong } from './voltmx-request-id.ts';

it.each([
  ['7131002087805116277', '7131002087805116277'],
  ['9223372036854775807', '9223372036854775807'],
  ['9223372036854775806', '9223372036854775806'],
  ['-9223372036854775808', '-9223372036854775808'],
  ['0042', '42'],
  ['-0', '0'],
  ['9223372036854775808', null],
  ['-9223372036854775809', null],
  ['99999999999999999999', null],
  ['', null],
  ['-', null],
  ['12a', null],
  ['1e5', null],
  [' 1', null],
  ['+1', null],
])('reads the path id %j as the Java long %j', (id, expected) => {
  expect(toJavaLong(id)).toBe(expected);
});
