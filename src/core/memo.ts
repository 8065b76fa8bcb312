/**
 * Remembers a one-argument function's results. A sheet repeats the same few names, labels and dates thousands of
 * times, and folding Vietnamese text or formatting a date in a zone is the bulk of reading a national roll-up
 * (bench/NOTES.md). The cache empties itself when full, so memory stays bounded on any input.
 */
export function memoize<A, R>(fn: (arg: A) => R, limit = 50_000): (arg: A) => R {
  let cache = new Map<A, R>();
  return (arg: A): R => {
    const hit = cache.get(arg);
    if (hit !== undefined || cache.has(arg)) return hit as R;
    const result = fn(arg);
    if (cache.size >= limit) cache = new Map();
    cache.set(arg, result);
    return result;
  };
}
