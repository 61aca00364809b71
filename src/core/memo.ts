/**
 * `fn` remembered by its string argument, for work repeated on the same few values (a school name
 * normalised by every rule of a table, a number format planned for every cell). The memory is
 * bounded: past `max` entries it is emptied and starts again.
 */
export function memoized<V>(fn: (key: string) => V, max: number): (key: string) => V {
  const seen = new Map<string, V>();
  return (key) => {
    const known = seen.get(key);
    if (known !== undefined || seen.has(key)) return known as V;
    if (seen.size >= max) seen.clear();
    const v = fn(key);
    seen.set(key, v);
    return v;
  };
}
