/**
 * Text normalisation for comparison and parsing. Never used to rewrite the user's text:
 * findings quote the original, and offsets into the original are kept by `normalizeWithMap`.
 */

/** Every kind of space: ASCII, NBSP, ideographic space, zero-width, BOM, en/em spaces… */
const SPACE_RE = /[\s\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/gu;

/**
 * NFKC (full-width digits, letters and ASCII punctuation to half-width), and unified spaces.
 * Keeps Chinese punctuation that has no half-width twin (、。“”《》【】).
 * `collapseSpaces` (default true) turns each run of spaces into one ASCII space and trims.
 */
export function normalizeText(s: string, options: { collapseSpaces?: boolean } = {}): string {
  const t = s.normalize('NFKC').replace(SPACE_RE, ' ');
  return options.collapseSpaces === false ? t : t.trim();
}

/** Normalised and with every space removed: for matching labels and names. */
export function compactText(s: string): string {
  return s.normalize('NFKC').replace(SPACE_RE, '');
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
    let out: string;
    if (SPACE_TEST.test(ch)) out = ' ';
    else out = ch.normalize('NFKC');
    for (let k = 0; k < out.length; k++) map.push(i);
    text += out;
    i += len;
  }
  map.push(i);
  return { text, map };
}

const SPACE_TEST = /^[\s\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]$/u;

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
