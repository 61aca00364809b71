/**
 * Reading the cells of a school table exactly: money into integer fen from the decimal digits
 * (never a float multiplication), counts, and school codes (text, numbers, `2.15E+09`).
 */
import type { Cell } from '../snapshot/types';
import type { CellRef, NumberCell } from '../model';
import { stripIgnorable } from '../text/normalize';

const SPACES = /[\s\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/gu;

/** Strings made only of printable ASCII and CJK ideographs need no normalisation (read by character codes: called for every cell). */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 ? c > 0x9fff : c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/** The same test as a regular expression, for what a malformed snapshot may hold instead of a string. */
const PLAIN = /^[\x21-\x7e\u4e00-\u9fff]*$/;

/** NFKC and every space removed. */
export function compact(s: string): string {
  // a malformed snapshot's text may be no string: the regular expression as before
  if (typeof s === 'string' ? isPlain(s) : PLAIN.test(s)) return s;
  return stripIgnorable(s).normalize('NFKC').replace(SPACES, '');
}

/** Cells that mean "nothing here" in an accountant's table: `-`, `—`, `/`, `无`. */
const BLANK_LIKE = /^(?:[-—–―/\\]+|无|空)$/;

/** Expands a JS number string with an exponent (`1e-7`, `2.1e+21`) into plain decimal digits. */
export function expandExponent(s: string): string {
  if (!s.includes('e') && !s.includes('E')) return s;
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const sign = m[1] ?? '';
  const intPart = m[2] ?? '0';
  const frac = m[3] ?? '';
  const exp = Number(m[4]);
  let digits = intPart + frac;
  let point = intPart.length + exp;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits + '0'.repeat(point - digits.length);
  }
  const i = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const f = digits.slice(point).replace(/0+$/, '');
  return `${sign}${i}${f ? `.${f}` : ''}`;
}

/** The decimal string of a stored number, exactly as JS prints it (shortest round-trip), no exponent. */
export function numberToDecimal(v: number): string {
  return expandExponent(String(v));
}

/** A plain decimal string `-12.345`, or null. */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Parses the text of a number cell leniently: full-width digits, spaces, thousands separators
 * (`,` `，`), a leading ￥, a trailing unit (万元, 元, 人, 名, 个, 所). Returns the plain decimal
 * string, or null when it is not a number.
 */
export function parseDecimalText(text: string): string | null {
  let t = compact(text).replace(/[,，]/g, '');
  t = t.replace(/^[￥¥]/, '').replace(/(?:万元|元|人次|人|名|个|所|校)$/, '');
  const m = DECIMAL.exec(t);
  if (!m) return null;
  const i = m[2] ?? '';
  const f = m[3] ?? '';
  if (i === '' && f === '') return null;
  return `${m[1] === '-' ? '-' : ''}${i === '' ? '0' : i}${f ? `.${f}` : ''}`;
}

/** Decimal places of a decimal string. */
function decimalsOf(dec: string): number {
  const p = dec.indexOf('.');
  return p < 0 ? 0 : dec.length - p - 1;
}

/**
 * Scales a decimal string by 10^scale into an integer, rounding half away from zero past
 * `scale` places. Pure string/integer arithmetic. Null when the result is not a safe integer.
 */
export function scaleDecimal(dec: string, scale: number): number | null {
  // one pass over the characters (called for every money cell): the digits are accumulated as
  // they come, exactly while they stay below 2^53 (past that the result is refused anyway)
  const n = dec.length;
  let i = 0;
  let neg = false;
  const first = dec.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    neg = first === 45;
    i = 1;
  }
  let acc = 0;
  /** Digits from the first non-zero one (the length of the digit string without its leading zeros). */
  let significant = 0;
  for (; i < n; i++) {
    const d = dec.charCodeAt(i) - 48;
    if (d === -2 /* . */) break;
    if (d < 0 || d > 9) return null;
    if (significant > 0 || d !== 0) {
      significant++;
      acc = acc * 10 + d;
    }
  }
  let next = 0;
  let fracDigits = 0;
  if (i < n) {
    // after the point: digits only (none is fine, as in `12.`)
    for (i++; i < n; i++) {
      const d = dec.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return null;
      if (fracDigits < scale) {
        if (significant > 0 || d !== 0) {
          significant++;
          acc = acc * 10 + d;
        }
      } else if (fracDigits === scale) next = d;
      fracDigits++;
    }
  }
  for (let k = fracDigits; k < scale; k++) {
    if (significant > 0) {
      significant++;
      acc *= 10;
    }
  }
  if (significant > 16) return null;
  if (next >= 5) acc += 1;
  if (!Number.isSafeInteger(acc)) return null;
  return neg && acc !== 0 ? -acc : acc;
}

/** Fen per unit of a money column. */
export const FEN_SCALE: Readonly<Record<'元' | '万元', number>> = { 元: 2, 万元: 6 };

/**
 * Reads a numeric table cell. `unit` set: a money cell (fen computed at that unit's scale);
 * unset: a count. Never throws.
 */
export function readNumberCell(cell: Cell | undefined, ref: CellRef, unit?: '元' | '万元'): NumberCell {
  if (cell?.kind === 'empty' && cell.formula !== undefined) {
    return { ref, raw: '', empty: false, value: null, fen: null, decimals: 0, uncalculated: true };
  }
  if (!cell || cell.kind === 'empty' || (cell.kind === 'text' && compact(cell.text) === '')) {
    return { ref, raw: cell?.text.trim() ?? '', empty: true, value: null, fen: null, decimals: 0 };
  }
  const raw = cell.text.trim();
  if (cell.kind === 'error') {
    return { ref, raw, empty: false, value: null, fen: null, decimals: 0, error: String(cell.value ?? raw) };
  }
  if (cell.kind === 'boolean') return { ref, raw, empty: false, value: null, fen: null, decimals: 0 };
  if (cell.kind === 'text' && BLANK_LIKE.test(compact(cell.text))) {
    return { ref, raw, empty: true, value: null, fen: null, decimals: 0 };
  }
  let dec: string | null = null;
  let decimals = 0;
  if (
    cell.kind === 'number' &&
    typeof cell.value === 'number' &&
    Number.isFinite(cell.value) &&
    raw === String(cell.value) &&
    !/e/i.test(raw)
  ) {
    // fast path: shown exactly as stored
    dec = raw;
    decimals = decimalsOf(raw);
    return { ref, raw, empty: false, value: cell.value, fen: unit ? scaleDecimal(dec, FEN_SCALE[unit]) : null, decimals };
  }
  const shown = parseDecimalText(raw);
  if (cell.kind === 'number' && typeof cell.value === 'number' && Number.isFinite(cell.value)) {
    dec = numberToDecimal(cell.value);
    decimals = shown !== null ? decimalsOf(shown) : Math.min(decimalsOf(dec), unit ? FEN_SCALE[unit] : 6);
  } else if (shown !== null) {
    dec = shown;
    decimals = decimalsOf(shown);
  }
  if (dec === null) return { ref, raw, empty: false, value: null, fen: null, decimals: 0 };
  const value = Number(dec);
  const fen = unit ? scaleDecimal(dec, FEN_SCALE[unit]) : null;
  return { ref, raw, empty: false, value: Number.isFinite(value) ? value : null, fen, decimals };
}

/** Placeholder texts in a code cell that mean "no code". */
const CODE_PLACEHOLDER = /^(?:[-—–―/\\.。]+|无|暂无|待定|待补充|空|N\/?A|null)$/i;

/** An error value that reached the snapshot as text. */
const ERROR_TEXT = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i;

/** Reads a school-code cell: text with spaces, full-width digits, stored numbers, error values. */
export function readCode(
  cell: Cell | undefined,
  ref: CellRef,
): { ref: CellRef; raw: string; digits: string; error?: string; uncalculated?: true } {
  if (cell?.kind === 'empty' && cell.formula !== undefined) return { ref, raw: '', digits: '', uncalculated: true };
  if (!cell || cell.kind === 'empty') return { ref, raw: cell?.text ?? '', digits: '' };
  const raw = cell.text;
  if (cell.kind === 'error') return { ref, raw, digits: '', error: String(cell.value ?? raw) };
  if (cell.kind === 'number' && typeof cell.value === 'number' && Number.isFinite(cell.value)) {
    return { ref, raw, digits: numberToDecimal(cell.value) };
  }
  const c = compact(raw).replace(/^['‘’]/, '');
  if (ERROR_TEXT.test(c)) return { ref, raw, digits: '', error: c };
  if (c === '' || CODE_PLACEHOLDER.test(c)) return { ref, raw, digits: '' };
  return { ref, raw, digits: c };
}

/** Formats fen in 万元 (or 元), with at least `minDecimals` places and never losing a digit. */
export function formatFenIn(fen: number, unit: '元' | '万元', minDecimals = 0): string {
  const scale = FEN_SCALE[unit];
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const base = 10 ** scale;
  const int = Math.floor(abs / base);
  let frac = String(abs % base)
    .padStart(scale, '0')
    .replace(/0+$/, '');
  if (frac.length < minDecimals) frac = frac.padEnd(Math.min(minDecimals, scale), '0');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
