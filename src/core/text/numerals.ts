/**
 * Chinese numerals for counting (项目十一, 第二十三, 一百零五), both ways.
 * Money capitals (壹贰叁) live in uppercase.ts.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may appear in a counting numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * Parses a Chinese counting numeral (`十一`, `二十`, `一百零五`, `三千`, `一万二千`) or plain
 * digits (`11`, `１１`) into a number. Returns null when the string is not a well-formed numeral.
 */
export function parseChineseNumeral(input: string): number | null {
  const s = input.trim().normalize('NFKC');
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0; // sum of completed 万/亿 groups
  let section = 0; // current group below 万
  let digit: number | null = null;
  let lastUnit = Infinity; // to reject 十百 and other out-of-order units
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0) return null; // two digits in a row: 一二
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      const unit = UNITS[ch]!;
      if (unit >= lastUnit) return null;
      if (digit === null) {
        if (unit === 10 && section === 0)
          digit = 1; // 十一 = 11
        else return null;
      }
      if (digit === 0) return null; // 零十
      section += digit * unit;
      digit = null;
      lastUnit = unit;
    } else if (ch === '万') {
      const group = section + (digit ?? 0);
      if (group === 0) return null;
      total += group * 10_000;
      section = 0;
      digit = null;
      lastUnit = Infinity;
    } else if (ch === '亿') {
      const group = section + (digit ?? 0);
      if (group === 0 && total === 0) return null;
      total = (total + group) * 100_000_000;
      section = 0;
      digit = null;
      lastUnit = Infinity;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function formatBelow10000(n: number, leadingTen: boolean): string {
  const units = ['千', '百', '十', ''];
  const digits = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let pendingZero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = digits[i]!;
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    if (!(leadingTen && !started && i === 2 && d === 1)) out += DIGIT_CHARS[d]!;
    out += units[i]!;
    started = true;
  }
  return out;
}

/** Formats a non-negative integer as a Chinese counting numeral: 11 → 十一, 105 → 一百零五. */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  if (n === 0) return '零';
  if (n >= 1e16) throw new RangeError(`too large: ${n}`);
  const groups: number[] = [];
  let rest = n;
  while (rest > 0) {
    groups.push(rest % 10000);
    rest = Math.floor(rest / 10000);
  }
  const bigUnits = ['', '万', '亿', '万亿'];
  let out = '';
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g]!;
    if (v === 0) {
      zeroPending = out !== '';
      continue;
    }
    if (out !== '' && (zeroPending || v < 1000)) out += '零';
    zeroPending = false;
    out += formatBelow10000(v, out === '') + bigUnits[g]!;
  }
  return out;
}

/** `Ⅰ` … `Ⅻ` (one character each, as bureaus write them), beyond twelve in letters (`XIII`). */
export function formatRoman(n: number): string {
  if (n >= 1 && n <= 12) return String.fromCharCode(0x215f + n);
  const ones = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];
  return 'X'.repeat(Math.floor(n / 10)) + ones[n % 10]!;
}

/** `①` … `⑳`; beyond twenty, the number in brackets (`（21）`): there is no circled character for it. */
export function formatCircled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : `（${n}）`;
}
