/**
 * Array helpers that hold at any length. A spread argument (`push(...items)`, `Math.max(...values)`) passes one
 * argument per element on the stack: past about 120,000 elements it throws "Maximum call stack size exceeded", and a
 * national file has 300,000 trip rows. eslint.config.js forbids those spreads in src/; these take their place.
 */

/** Appends every item to `target`, in order; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values` and `floor` (-Infinity when there is nothing, as `Math.max()`); a NaN is passed over. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** The smallest of `values` and `ceiling`. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const value of values) if (value < min) min = value;
  return min;
}
