/**
 * Text similarity for duplicate-text: character-bigram Dice coefficient over normalised text
 * (NFKC, no spaces, no punctuation), and MinHash banding to find candidate pairs among many
 * texts without comparing every pair. Both are linear in the text length.
 */

/** NFKC, lower case, no spaces and no punctuation: what two copies of a text share. */
export function similarityText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** 32-bit FNV-1a of a short string. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The set of character bigrams of a normalised text, as hashes (a single character counts as one). */
export function bigramSet(text: string): Set<number> {
  const out = new Set<number>();
  const chars = Array.from(text);
  if (chars.length === 1) out.add(fnv(chars[0]!));
  for (let i = 0; i + 1 < chars.length; i++) out.add(fnv(chars[i]! + chars[i + 1]!));
  return out;
}

/** Dice coefficient of two bigram sets: 2|A∩B| / (|A|+|B|); 1 for identical, 0 for disjoint. */
export function dice(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

const HASHES = 16;
const ROWS_PER_BAND = 2;
/** Odd multipliers and offsets for the MinHash family (fixed: results are reproducible). */
const MUL: readonly number[] = Array.from({ length: HASHES }, (_, i) => (Math.imul(0x9e3779b1, i + 1) | 1) >>> 0);
const ADD: readonly number[] = Array.from({ length: HASHES }, (_, i) => Math.imul(0x85ebca6b, i + 7) >>> 0);

/** MinHash band keys of a bigram set: two texts with Dice ≥ 0.9 share a band almost surely. */
export function bandKeys(set: ReadonlySet<number>): string[] {
  const mins = new Array<number>(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let k = 0; k < HASHES; k++) {
      let h = (Math.imul(x ^ ADD[k]!, MUL[k]!) >>> 0) ^ (x >>> 15);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
      if (h < mins[k]!) mins[k] = h;
    }
  }
  const keys: string[] = [];
  for (let b = 0; b < HASHES / ROWS_PER_BAND; b++) {
    keys.push(`${b}:${mins.slice(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND).join(',')}`);
  }
  return keys;
}
