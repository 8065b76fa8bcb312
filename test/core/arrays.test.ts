import { describe, expect, it } from 'vitest';
import { maxOf, minOf, pushAll } from '../../src/core/arrays';

/** A national file has 300,000 trip rows: the helpers that replace spread arguments must hold at that length. */
const ROWS = 300_000;

describe('arrays at any length', () => {
  it.each<[string, number[], number | undefined, number]>([
    ['nothing: the floor', [], 0, 0],
    ['nothing, no floor: -Infinity, as Math.max()', [], undefined, -Infinity],
    ['the floor when every value is below it', [-3, -1], 0, 0],
    ['the largest value', [2, 9, 4], 0, 9],
    ['a NaN is passed over', [Number.NaN, 5], undefined, 5],
  ])('maxOf: %s', (_, values, floor, expected) => {
    expect(maxOf(values, floor)).toBe(expected);
  });

  it('minOf: the smallest value, or the ceiling', () => {
    expect(minOf([4, 2, 7])).toBe(2);
    expect(minOf([], 8)).toBe(8);
    expect(minOf([9], 8)).toBe(8);
  });

  it('pushAll appends in order and returns the target', () => {
    const target = ['a'];
    expect(pushAll(target, new Set(['b', 'c']))).toBe(target);
    expect(target).toEqual(['a', 'b', 'c']);
  });

  it(`${ROWS.toLocaleString('en-US')} elements, where push(...xs) and Math.max(...xs) overflow the stack`, () => {
    const values = Array.from({ length: ROWS }, (_, i) => i);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(ROWS - 1);
    expect(minOf(values)).toBe(0);
    expect(pushAll([], values)).toHaveLength(ROWS);
  });
});
