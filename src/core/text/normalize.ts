/**
 * Text normalisation for comparison and parsing. Never used to rewrite the user's text:
 * findings quote the original, and offsets into the original are kept by `normalizeWithMap`.
 */

/**
 * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters that show nothing —
 * soft hyphen, zero-width space/joiners, word joiner, direction marks, variation selectors, fillers,
 * BOM, tags. Pasted text carries them invisibly (`六、资金安排情况\u2060`, `大街\u00ad小学`); wherever
 * text is compared they are removed, so such a heading or name is the same as the clean one. The
 * user's text is never changed: findings quote the original.
 */
const IGNORABLE_CLASS =
  // the combining marks (U+034F, U+17B4/5, the variation selectors) first: listed after a base character,
  // no-misleading-character-class reads the pair as one combined character (order does not matter in a class)
  '\\ufe00-\\ufe0f\\u034f\\u17b4\\u17b5\\u180b-\\u180f\\u00ad\\u061c\\u115f\\u1160\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0\\ufff0-\\ufff8\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0000}-\\u{e0fff}';
const IGNORABLE_RE = new RegExp(`[${IGNORABLE_CLASS}]+`, 'gu');
const IGNORABLE_ANY = new RegExp(`[${IGNORABLE_CLASS}]`, 'u');
const IGNORABLE_ONE = new RegExp(`^[${IGNORABLE_CLASS}]$`, 'u');

/** Whether one character (a code point as a string) is default-ignorable. */
export function isIgnorable(ch: string): boolean {
  return IGNORABLE_ONE.test(ch);
}

/** The text without its default-ignorable characters (the same string when it has none). */
export function stripIgnorable(s: string): string {
  return IGNORABLE_ANY.test(s) ? s.replace(IGNORABLE_RE, '') : s;
}

/** Every kind of space: ASCII, NBSP, ideographic space, zero-width, BOM, en/em spaces… */
const SPACE_RE = /[\s\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/gu;

/**
 * NFKC (full-width digits, letters and ASCII punctuation to half-width), and unified spaces.
 * Keeps Chinese punctuation that has no half-width twin (、。“”《》【】).
 * `collapseSpaces` (default true) turns each run of spaces into one ASCII space and trims.
 */
export function normalizeText(s: string, options: { collapseSpaces?: boolean } = {}): string {
  const t = stripIgnorable(s).normalize('NFKC').replace(SPACE_RE, ' ');
  return options.collapseSpaces === false ? t : t.trim();
}

/** Normalised and with every space (and invisible character) removed: for matching labels and names. */
export function compactText(s: string): string {
  return stripIgnorable(s).normalize('NFKC').replace(SPACE_RE, '');
}

/**
 * Normalises like `normalizeText` (without trimming) and returns, for each character of the
 * result, the offset in the original string where it came from. `map[result.length]` is the
 * original length, so a span [a, b) in the result maps to [map[a], map[b]) in the original.
 */
export function normalizeWithMap(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of s) {
    const len = ch.length;
    const out = normalizeChar(ch);
    // eslint-disable-next-line @typescript-eslint/prefer-for-of -- one entry per UTF-16 unit of `out`: for-of would step by code point (an astral character is two units)
    for (let k = 0; k < out.length; k++) map.push(i);
    text += out;
    i += len;
  }
  map.push(i);
  return { text, map };
}

const SPACE_TEST = /^[\s\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]$/u;

/** One character as compared: '' when default-ignorable, ' ' for a space of any kind, else its NFKC. */
export function normalizeChar(ch: string): string {
  if (isIgnorable(ch)) return '';
  return SPACE_TEST.test(ch) ? ' ' : ch.normalize('NFKC');
}

/** Splits a multi-line cell into its non-empty lines, keeping each line's offset in the original. */
export function splitLines(s: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[0].trim() !== '') out.push({ text: m[0], offset: m.index });
  }
  return out;
}
