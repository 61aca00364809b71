/**
 * Fast, exact equivalents of the normalisations the reader and duplicate-text run on every
 * line: `String.prototype.normalize('NFKC')` costs an ICU call per string (per character in
 * `normalizeWithMap`), and nearly every character of a Chinese disclosure is one NFKC leaves
 * alone or maps by a fixed offset. Each function takes the fast path only when every character
 * is one of those, and otherwise falls back to the original expression, so the result is
 * always identical (tests/core/disclosure/fast-text.test.ts checks every BMP character).
 *
 * Characters handled without ICU:
 * - ASCII U+0020–U+007E, tab, CR, LF and CJK unified ideographs U+4E00–U+9FFF: NFKC-stable starters;
 * - Chinese punctuation without a half-width twin (、。〈〉《》「」『』【】‘’“”— ·): stable;
 * - full-width ASCII U+FF01–U+FF5E: NFKC maps each to the ASCII character 0xFEE0 lower;
 * - the ideographic space U+3000: NFKC maps it to U+0020.
 * None of these composes with a neighbour, so per-character and whole-string NFKC agree on them.
 */
import { normalizeChar, stripIgnorable } from '../text/normalize';

/** Whether NFKC leaves this UTF-16 unit unchanged (and it cannot compose with a neighbour). */
function stable(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x09 ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    c === 0x3001 ||
    c === 0x3002 ||
    (c >= 0x3008 && c <= 0x3011) ||
    (c >= 0x2018 && c <= 0x201d) ||
    c === 0x2014 ||
    c === 0x00b7
  );
}

/** NFKC of one UTF-16 unit in the fast set, as a code unit; -1 when outside the fast set. */
export function fastUnit(c: number): number {
  if (stable(c)) return c;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000) return 0x20;
  return -1;
}

/** `s.normalize('NFKC')`, without the ICU call when every character is in the fast set. */
export function nfkc(s: string): string {
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (stable(c)) continue;
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) changed = true;
    else return stripIgnorable(s).normalize('NFKC');
  }
  if (!changed) return s;
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (stable(c)) continue;
    out += s.slice(run, i) + String.fromCharCode(fastUnit(c));
    run = i + 1;
  }
  return out + s.slice(run);
}

const UNIT_CACHE = new Map<string, string>();

/**
 * Exactly `normalizeWithMap` of text/normalize.ts (per character: a space of any kind to ' ',
 * anything else to its NFKC), without a regex test and an ICU call per character.
 */
export function normalizeWithMapFast(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    // tab and line breaks are NFKC-stable but spaces here: the slow path maps them
    const f = c >= 0x20 ? fastUnit(c) : -1;
    if (f >= 0) {
      // U+0020 and U+3000 are spaces: ' ' either way
      text += f === c ? s[i]! : String.fromCharCode(f);
      map.push(i);
      i++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = s.slice(i, i + len);
    let out = UNIT_CACHE.get(ch);
    if (out === undefined) {
      out = normalizeChar(ch);
      if (UNIT_CACHE.size < 4096) UNIT_CACHE.set(ch, out);
    }
    // eslint-disable-next-line @typescript-eslint/prefer-for-of -- one entry per UTF-16 unit of `out`: for-of would step by code point (an astral character is two units)
    for (let k = 0; k < out.length; k++) map.push(i);
    text += out;
    i += len;
  }
  map.push(i);
  return { text, map };
}

/**
 * Exactly `s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')` (the text two
 * copies share): ASCII letters lower-cased, digits and ideographs kept, every space,
 * punctuation mark and symbol of the fast set dropped.
 */
export function similarityTextFast(s: string): string {
  let out = '';
  let run = -1; // start of a run of characters kept as they are
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (run < 0) run = i;
      continue;
    }
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (
      c === 0x3000 ||
      c === 0x3001 ||
      c === 0x3002 ||
      (c >= 0x3008 && c <= 0x3011) ||
      (c >= 0x2018 && c <= 0x201d) ||
      c === 0x2014 ||
      c === 0x00b7 ||
      c === 0x2026
    )
      c = 0x20;
    else if (c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d) c = 0x20;
    else if (c < 0x20 || c > 0x7e)
      return stripIgnorable(s)
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\s\p{P}\p{S}]+/gu, '');
    // an ASCII unit (possibly mapped from full width): a digit or lower-case letter is kept
    const isDigit = c >= 0x30 && c <= 0x39;
    const isLower = c >= 0x61 && c <= 0x7a;
    const isUpper = c >= 0x41 && c <= 0x5a;
    if (run >= 0 && isDigit && s.charCodeAt(i) === c) continue;
    if (run >= 0 && isLower && s.charCodeAt(i) === c) continue;
    if (run >= 0) {
      out += s.slice(run, i);
      run = -1;
    }
    if (isDigit || isLower) {
      if (s.charCodeAt(i) === c) run = i;
      else out += String.fromCharCode(c);
    } else if (isUpper) out += String.fromCharCode(c + 0x20);
    // anything else in ASCII is a space, punctuation or a symbol: dropped
  }
  if (run >= 0) out += s.slice(run);
  return out;
}
