/**
 * Text similarity for duplicate-text: character-bigram Dice coefficient over normalised text
 * (NFKC, no spaces, no punctuation), and MinHash banding to find candidate pairs among many
 * texts without comparing every pair. Both are linear in the text length. A bigram set is a
 * sorted array of distinct 30-bit hashes (compact: thousands of sections stay cheap).
 */

import { similarityTextFast } from './fast-text';

export type BigramSet = Int32Array;

/** NFKC, lower case, no spaces and no punctuation: what two copies of a text share. */
export function similarityText(s: string): string {
  // exactly s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ''), without ICU for Chinese text
  return similarityTextFast(s);
}

/** The distinct character bigrams of a normalised text, hashed, sorted; one character counts as itself. */
export function bigramSet(text: string): BigramSet {
  const raw = new Int32Array(Math.max(1, text.length));
  let n = 0;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      c = text.codePointAt(i)!;
      i++;
    }
    if (prev >= 0) raw[n++] = (Math.imul(prev, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & 0x3fffffff;
    prev = c;
  }
  if (n === 0 && prev >= 0) raw[n++] = prev;
  const sorted = raw.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i]!;
  return sorted.slice(0, m);
}

/** Dice coefficient of two bigram sets: 2|A∩B| / (|A|+|B|); 1 for identical, 0 for disjoint. */
export function dice(a: BigramSet, b: BigramSet): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

/** Whether two sets are too different in size to reach Dice ≥ threshold (a cheap pre-check). */
export function cannotReach(a: BigramSet, b: BigramSet, threshold: number): boolean {
  const small = Math.min(a.length, b.length);
  const large = Math.max(a.length, b.length);
  return (2 * small) / (small + large) < threshold;
}

const HASHES = 8;
const ROWS_PER_BAND = 2;
/** Odd multipliers and offsets for the MinHash family (fixed: results are reproducible). */
const MUL: readonly number[] = Array.from({ length: HASHES }, (_, i) => (Math.imul(0x9e3779b1, i + 1) | 1) >>> 0);
const ADD: readonly number[] = Array.from({ length: HASHES }, (_, i) => Math.imul(0x85ebca6b, i + 7) >>> 0);

/**
 * MinHash band keys of a bigram set (8 hashes, 4 bands of 2): two texts with Dice ≥ 0.9
 * (Jaccard ≥ 0.82) share a band with probability ≥ 0.98.
 */
export function bandKeys(set: BigramSet): string[] {
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let k = 0; k < HASHES; k++) {
      let h = Math.imul(x ^ ADD[k]!, MUL[k]!);
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < mins[k]!) mins[k] = h;
    }
  }
  const keys: string[] = [];
  for (let b = 0; b < HASHES / ROWS_PER_BAND; b++) {
    keys.push(`${b}:${mins[2 * b]}:${mins[2 * b + 1]}`);
  }
  return keys;
}
