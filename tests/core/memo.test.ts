import { describe, expect, it } from 'vitest';
import { memoized } from '../../src/core/memo';

describe('memoized', () => {
  it('computes a key once, null and undefined results included', () => {
    const calls: string[] = [];
    const f = memoized((k: string) => {
      calls.push(k);
      return k === 'n' ? null : k === 'u' ? undefined : k.length;
    }, 10);
    expect([f('ab'), f('ab'), f('n'), f('n'), f('u'), f('u')]).toEqual([2, 2, null, null, undefined, undefined]);
    expect(calls).toEqual(['ab', 'n', 'u']);
  });

  it('forgets everything past its bound, and stays right', () => {
    const calls: string[] = [];
    const f = memoized((k: string) => {
      calls.push(k);
      return k.toUpperCase();
    }, 2);
    f('a');
    f('b');
    f('c'); // the third key empties the memory first
    expect([f('c'), f('a')]).toEqual(['C', 'A']);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
