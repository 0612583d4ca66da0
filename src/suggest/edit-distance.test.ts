import { expect, it } from 'vitest';
import { closestName, editDistance } from './edit-distance.ts';

it.each([
  ['', '', 0],
  ['port', 'prot', 2],
  ['omeda', 'omdea', 2],
  ['kitten', 'sitting', 3],
])('counts %j → %j as %i edits', (a, b, distance) => {
  expect(editDistance(a, b)).toBe(distance);
});

it.each([
  ['prot', ['port', 'host', 'vendors'], 'port'],
  ['vendor', ['vendors', 'strict'], 'vendors'],
  ['omdea', ['momentum', 'omeda', 'sfmc', 'voltmx'], 'omeda'],
  ['journal-sise', ['journal-size', 'quiet'], 'journal-size'],
  ['mailchimp', ['momentum', 'omeda', 'sfmc', 'voltmx'], undefined],
  ['x'.repeat(65), ['x'], undefined],
])('suggests for %j among %j: %j', (input, candidates, expected) => {
  expect(closestName(input, candidates)).toBe(expected);
});
