import { describe, expect, it } from 'vitest';
import { alternating, measuringOrder, oneConnectionOrder, VARIANTS } from '../bench/server-rounds.ts';

const distance = (order: readonly string[], a: string, b: string): number => Math.abs(order.indexOf(a) - order.indexOf(b));

describe('the order in which a bench round measures the servers', () => {
  it('measures every server once a round, and the mock a second time', () => {
    for (const round of [0, 1, 2]) expect([...measuringOrder(round)].sort()).toEqual([...VARIANTS, 'mockAgain'].sort());
  });

  it('measures the mock right next to each of its baselines, and again right next to each of its copies', () => {
    for (const round of [0, 1]) {
      expect(distance(measuringOrder(round), 'mock', 'bare')).toBe(1);
      expect(distance(measuringOrder(round), 'mock', 'honoAjv')).toBe(1);
      expect(distance(measuringOrder(round), 'mockAgain', 'mockLogging')).toBe(1);
      expect(distance(measuringOrder(round), 'mockAgain', 'mockV8Heap')).toBe(1);
    }
  });

  it('runs every other round backwards', () => {
    expect(measuringOrder(1)).toEqual([...measuringOrder(0)].reverse());
    expect(measuringOrder(2)).toEqual(measuringOrder(0));
  });

  it('measures one connection on the mock and its two baselines only, the mock between them', () => {
    expect(oneConnectionOrder(0)).toEqual(['bare', 'mock', 'honoAjv']);
    expect(oneConnectionOrder(1)).toEqual(['honoAjv', 'mock', 'bare']);
  });

  it('measures two builds back to back both ways: forwards in even rounds, backwards in odd ones', () => {
    expect(alternating(['before', 'after'], 0)).toEqual(['before', 'after']);
    expect(alternating(['before', 'after'], 1)).toEqual(['after', 'before']);
    expect(alternating(['before', 'after', 'after again'], 3)).toEqual(['after again', 'after', 'before']);
  });
});
