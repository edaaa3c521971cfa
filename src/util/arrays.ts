/**
 * Array helpers whose stack use does not grow with the input: `target.push(...items)` and `Math.max(...values)` pass
 * every element as an argument, and past ~100,000 elements (one long word of a huge article) they throw
 * `Maximum call stack size exceeded`.
 */

/** Appends every item to `target` (as `target.push(...items)`, in constant stack). */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value, or `empty` for none (as `Math.max(...values)`, in constant stack). */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let any = false;
  for (const value of values) {
    max = any ? Math.max(max, value) : value;
    any = true;
  }
  return max;
}

/** The smallest value, or `empty` for none (as `Math.min(...values)`, in constant stack). */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = empty;
  let any = false;
  for (const value of values) {
    min = any ? Math.min(min, value) : value;
    any = true;
  }
  return min;
}
