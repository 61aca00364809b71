/**
 * 大写金额 (capital-letter amounts, as on Chinese invoices): 壹拾伍万元整, 壹佰零伍元伍角.
 *
 * Rules followed (《支付结算办法》 and the usual invoice practice):
 * - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 inside a group of four, 万 and 亿 between groups,
 *   元 (or 圆) before 角 and 分; 人民币 / 大写 may stand in front;
 * - 壹拾 keeps its 壹 (拾伍万元 is not well formed);
 * - a run of zeros between non-zero digits is written as one 零; trailing zeros are not written;
 *   when the 万位 (or 亿位, or 元位) is 0 and the next digit is not, the 零 may be written or left out;
 *   when 角 is 0 and 分 is not, 零 is written after 元 (壹佰元零伍分);
 * - 整 (or 正) after 元 or 角 is optional; after 分 it is wrong.
 */
import type { ParseResult } from './money';

const CAP_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
const LOWERCASE = '〇一二三四五六七八九十百千两';
/** Largest amount handled: below 1万亿元 (10^14 fen). */
export const MAX_UPPERCASE_FEN = 100_000_000_000_000 - 1;

function fail(reason: string, reasonEn: string): { ok: false; reason: string; reasonEn: string } {
  return { ok: false, reason, reasonEn };
}

/** Strips a `人民币` / `大写` / `大写金额：` prefix and spaces. */
function stripPrefix(s: string): string {
  let t = s.replace(/[\s\u3000]+/g, '');
  for (;;) {
    const m = /^(?:人民币|\(?大写(?:金额)?\)?|（大写(?:金额)?）|[:：])/.exec(t);
    if (!m || m[0] === '') break;
    t = t.slice(m[0].length);
  }
  return t;
}

/** Formats 0…9999 with capital digits; `always` writes leading zeros as one 零 (for inner groups). */
function formatGroup(n: number): string {
  const units = ['仟', '佰', '拾', ''];
  const ds = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let pendingZero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = ds[i]!;
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += CAP_DIGITS[d]! + units[i]!;
    started = true;
  }
  return out;
}

/**
 * The integer part (yuan) in capitals, in every accepted variant: the canonical one first, then
 * those with the optional 零 after a 万/亿 whose last digit is 0 before a non-zero 仟.
 */
function integerVariants(yuan: number): string[] {
  if (yuan === 0) return [''];
  const groups: number[] = [];
  let rest = yuan;
  while (rest > 0) {
    groups.push(rest % 10000);
    rest = Math.floor(rest / 10000);
  }
  const big = ['', '万', '亿'];
  // Each piece: text, and whether an optional 零 may follow it.
  let variants: string[] = [''];
  let started = false;
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g]!;
    if (v === 0) {
      if (started) zeroPending = true;
      continue;
    }
    let prefixes: string[];
    if (started && (zeroPending || v < 1000)) prefixes = ['零'];
    else if (started && v >= 1000) {
      // previous group ended in 0 (its last digit) → 零 optional before a non-zero 仟.
      const prev = groups[g + 1];
      prefixes = prev !== undefined && prev % 10 === 0 ? ['', '零'] : [''];
    } else prefixes = [''];
    zeroPending = false;
    const body = formatGroup(v) + big[g]!;
    const next: string[] = [];
    for (const a of variants) for (const p of prefixes) next.push(a + p + body);
    variants = next;
    started = true;
  }
  return variants;
}

/** Every accepted spelling of an amount (after 圆→元 and 正→整), canonical first. */
function acceptedSpellings(fen: number): string[] {
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  const ints = integerVariants(yuan);
  const out: string[] = [];
  for (const i of ints) {
    if (yuan === 0 && jiao === 0 && f === 0) {
      out.push('零元整', '零元');
    } else if (jiao === 0 && f === 0) {
      out.push(`${i}元整`, `${i}元`);
    } else if (yuan === 0) {
      const jiaoText = jiao ? `${CAP_DIGITS[jiao]}角` : '';
      const fenText = f ? `${CAP_DIGITS[f]}分` : '';
      if (f === 0) out.push(jiaoText, `${jiaoText}整`);
      else out.push(jiaoText + fenText);
    } else {
      const yuanZero = yuan % 10 === 0;
      if (jiao === 0) {
        out.push(`${i}元零${CAP_DIGITS[f]}分`);
      } else {
        const fenText = f ? `${CAP_DIGITS[f]}分` : '';
        const tails = f === 0 ? ['', '整'] : [''];
        const zeros = yuanZero ? ['', '零'] : [''];
        for (const z of zeros) for (const t of tails) out.push(`${i}元${z}${CAP_DIGITS[jiao]}角${fenText}${t}`);
      }
    }
  }
  return out;
}

/** Formats fen as a 大写金额: 15_000_000 → 壹拾伍万元整; 10_550 → 壹佰零伍元伍角. '' when fen is not a whole, non-negative amount in range. */
export function formatUppercase(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > MAX_UPPERCASE_FEN) return '';
  return acceptedSpellings(fen)[0]!;
}

/**
 * Reads the value of a capitals string permissively, reporting the first structural error.
 * Returns fen or a failure.
 */
function readValue(s: string): ParseResult<{ fen: number }> {
  let total = 0; // completed 亿 and 万 groups, in yuan
  let group = 0; // current group below 万
  let digit: number | null = null;
  let lastUnit = Infinity;
  let lastBig = Infinity;
  let prevZero = false;
  let yuanSeen = false;
  let jiao = 0;
  let fenD = 0;
  let fracStage = 0; // 0: before 元, 1: after 元, 2: after 角, 3: after 分
  let intDigitsSeen = false;
  let fracZero = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const d = CAP_DIGITS.indexOf(ch);
    if (ch === '整') {
      if (i !== s.length - 1) return fail('“整”后还有文字', 'text after 整');
      if (digit !== null && digit !== 0) return fail(`“${CAP_DIGITS[digit]}”后缺少单位`, `no unit after ${CAP_DIGITS[digit]}`);
      if (fracStage === 3) return fail('“分”后不应写“整”', '整 must not follow 分');
      if (fracStage === 0 && !yuanSeen && intDigitsSeen) return fail('缺少“元”', '元 is missing');
      continue;
    }
    if (d >= 0) {
      if (d === 0) {
        if (prevZero) return fail('连续写了两个“零”', 'two 零 in a row');
        if (digit !== null && digit !== 0)
          return fail(`“${CAP_DIGITS[digit]}零”之间缺少单位`, `no unit between ${CAP_DIGITS[digit]} and 零`);
        prevZero = true;
        if (fracStage >= 1) fracZero = true;
        digit = 0;
        continue;
      }
      if (digit !== null && digit !== 0)
        return fail(`数字“${CAP_DIGITS[digit]}${ch}”之间缺少单位`, `no unit between ${CAP_DIGITS[digit]} and ${ch}`);
      digit = d;
      prevZero = false;
      if (fracStage === 0) intDigitsSeen = true;
      continue;
    }
    if (ch in SMALL_UNITS) {
      if (fracStage >= 1) return fail(`“${ch}”不应出现在“元”之后`, `${ch} after 元`);
      const u = SMALL_UNITS[ch]!;
      if (digit === null) {
        if (u === 10) return fail('“拾”前缺少数字（应写“壹拾”）', '拾 needs a digit before it (壹拾)');
        return fail(`“${ch}”前缺少数字`, `no digit before ${ch}`);
      }
      if (digit === 0) return fail(`“零”后不应紧跟单位“${ch}”`, `零 directly before the unit ${ch}`);
      if (u >= lastUnit) return fail(`单位顺序错误（“${ch}”）`, `units in the wrong order (${ch})`);
      group += digit * u;
      lastUnit = u;
      digit = null;
      prevZero = false;
      continue;
    }
    if (ch === '万' || ch === '亿') {
      if (fracStage >= 1) return fail(`“${ch}”不应出现在“元”之后`, `${ch} after 元`);
      const big = ch === '万' ? 10_000 : 100_000_000;
      if (digit === 0) return fail(`“零”后不应紧跟单位“${ch}”`, `零 directly before the unit ${ch}`);
      if (big >= lastBig) return fail(`单位顺序错误（“${ch}”）`, `units in the wrong order (${ch})`);
      const g = group + (digit ?? 0);
      if (g === 0) return fail(`“${ch}”前缺少数字`, `no digit before ${ch}`);
      if (ch === '亿') total = (total + g) * big;
      else total += g * big;
      group = 0;
      digit = null;
      lastUnit = Infinity;
      lastBig = big;
      prevZero = false;
      continue;
    }
    if (ch === '元') {
      if (yuanSeen) return fail('“元”出现了两次', '元 written twice');
      if (fracStage >= 2) return fail('单位顺序错误（“元”写在“角”“分”之后）', 'units in the wrong order (元 after 角/分)');
      if (digit === 0 && (group > 0 || total > 0)) return fail('“零”后不应紧跟“元”', '零 directly before 元');
      total += group + (digit ?? 0);
      group = 0;
      digit = null;
      yuanSeen = true;
      fracStage = 1;
      prevZero = false;
      continue;
    }
    if (ch === '角') {
      if (fracStage >= 2) return fail('“角”的位置不对', '角 in the wrong place');
      if (fracStage === 0 && intDigitsSeen && digit !== null && (group > 0 || total > 0)) return fail('缺少“元”', '元 is missing');
      if (fracStage === 0 && (group > 0 || total > 0)) return fail('缺少“元”', '元 is missing');
      if (digit === null || digit === 0) return fail('“角”前缺少数字', 'no digit before 角');
      jiao = digit;
      digit = null;
      fracStage = 2;
      prevZero = false;
      continue;
    }
    if (ch === '分') {
      if (fracStage >= 3) return fail('“分”出现了两次', '分 written twice');
      if (fracStage === 0 && (group > 0 || total > 0)) return fail('缺少“元”', '元 is missing');
      if (digit === null || digit === 0) return fail('“分”前缺少数字', 'no digit before 分');
      fenD = digit;
      digit = null;
      fracStage = 3;
      prevZero = false;
      continue;
    }
    return fail(`含有非金额字符“${ch}”`, `unexpected character “${ch}”`);
  }
  if (digit !== null && digit !== 0) {
    if (fracStage >= 1) return fail(`“${CAP_DIGITS[digit]}”后缺少单位（角或分）`, `no unit (角 or 分) after ${CAP_DIGITS[digit]}`);
    // trailing digit of the integer part without 元
    if (!yuanSeen) return fail('缺少“元”', '元 is missing');
  }
  if (digit === 0 && !(s === '零元' || s === '零元整')) {
    if (fracStage === 0 && !yuanSeen) return fail('“零”不应写在末尾', '零 at the end');
    if (fracStage >= 1 && fracZero && jiao === 0 && fenD === 0) return fail('“零”不应写在末尾', '零 at the end');
  }
  if (!yuanSeen && fracStage === 0) {
    if (intDigitsSeen || group > 0 || total > 0) return fail('缺少“元”', '元 is missing');
    return fail('不是大写金额', 'not a capital-letter amount');
  }
  const yuan = total;
  if (yuan > Math.floor(MAX_UPPERCASE_FEN / 100)) return fail('金额过大', 'amount too large');
  return { ok: true, value: { fen: yuan * 100 + jiao * 10 + fenD } };
}

/** Parses a 大写金额 (with or without 人民币 prefix and 整 suffix) into fen; rejects malformed ones with a reason. */
export function parseUppercase(text: string): ParseResult<{ fen: number }> {
  if (typeof text !== 'string') return fail('不是文本', 'not text');
  const s0 = stripPrefix(text.normalize('NFKC')).replace(/圆/g, '元').replace(/正$/, '整');
  if (s0 === '') return fail('空白，没有金额', 'empty: no amount');
  const digit = /[0-9]/.exec(s0);
  if (digit) return fail(`大写金额中混有阿拉伯数字“${digit[0]}”`, `Arabic digit “${digit[0]}” mixed into the capital amount`);
  for (const ch of s0) {
    if (LOWERCASE.includes(ch)) return fail(`使用了小写数字“${ch}”，应使用大写`, `lowercase numeral “${ch}”: capitals required`);
  }
  const r = readValue(s0);
  if (!r.ok) return r;
  const spellings = acceptedSpellings(r.value.fen);
  if (!spellings.includes(s0)) {
    const canonical = spellings[0]!;
    return fail(`“零”的写法不规范，应写作“${canonical}”`, `零 not written as required: should be “${canonical}”`);
  }
  return r;
}
