/**
 * Money in the disclosure texts, parsed into exact integer fen (分). Never binary floating
 * point for sums: 723.84万元 is 7_238_400_00 fen, computed from the digits.
 *
 * OWNER: text/money helper — the signatures below are the contract other modules code against.
 * See docs/money.md for the forms read and the rules of approximation.
 */
import { parseChineseNumeral } from './numerals';
import { normalizeChar } from './normalize';
import { breaksClause, digitOrPointAt, measureRange, QUANTITY_SCALE, readQuantities, type ScannedQuantity } from './quantities';
import { parseUppercase } from './uppercase';

/** A typed failure: parsers never throw on bad input. */
export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string; readonly reasonEn: string };

export type MoneyUnit = '元' | '万元' | '亿元';

export interface MoneyAmount {
  /** The amount in fen (分), an exact integer. */
  readonly fen: number;
  /** The unit as written (`25万` counts as 万元; `￥150,000.00` as 元). */
  readonly unit: MoneyUnit;
  /** 约/预计/不超过/左右/余/多 make an amount approximate. */
  readonly approximate: boolean;
  /** The qualifier word when there is one (`约`, `预计`, `余`…). */
  readonly qualifier?: string;
  /**
   * The value in fen of one step of the last written digit: `10万元` → 1_000_000 (1万元),
   * `10.5万元` → 100_000 (0.1万元), `12000元` → 100 (1元), `￥150,000.00` → 1.
   * Approximate amounts compare at this precision.
   */
  readonly precisionFen: number;
  /** For a range (`10-15万元`, `10至15万元`): the lower bound in fen; `fen` is the upper bound. */
  readonly low?: number;
  /** A rate (`每县每年15万元`, `3.12万元/人`, `723.84万元/年`): the amount is per this unit. */
  readonly per?: string;
  /** How it was written: Arabic figure, 大写 capitals, or with the ￥/¥ sign. */
  readonly form: 'figure' | 'uppercase' | 'symbol';
  /** Span in the original (un-normalised) text. */
  readonly offset: number;
  readonly length: number;
  /** The original text of the span. */
  readonly text: string;
}

/** A count that is not money: `232人`, `87个`, `1.2万人`, `3100人`. */
export interface Quantity {
  /** The value, exact for integers (1.2万人 → 12000). */
  readonly value: number;
  /** The counting unit as written: 人, 个, 所, 次, 人次, 名… */
  readonly unit: string;
  readonly approximate: boolean;
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** A 大写 run that is clearly meant as money (元/圆 in it, or 人民币/大写 before it). */
export interface UppercaseCandidate {
  /** Span in the original text (prefix 人民币/大写 not included). */
  readonly offset: number;
  readonly length: number;
  readonly text: string;
  readonly result: ParseResult<{ fen: number }>;
}

/** An amount with its span in the normalised text too (for context analysis). */
export interface ScannedAmount extends MoneyAmount {
  /** Span in the normalised text. */
  readonly nStart: number;
  readonly nEnd: number;
}

export interface ScannedText {
  /**
   * The NFKC-normalised text (same length mapping as normalizeWithMap); a text that can hold no
   * figure (no digit, no 大写, no counting numeral before a unit) is left as written, with an empty map.
   */
  readonly norm: string;
  readonly map: readonly number[];
  readonly amounts: readonly ScannedAmount[];
  readonly uppercase: readonly UppercaseCandidate[];
  /** Counts, areas, lengths… (not money), read in the same pass: see quantities.ts. */
  readonly quantities: readonly ScannedQuantity[];
}

const FEN_PER: Record<string, bigint> = {
  元: 100n,
  千元: 100_000n,
  万元: 1_000_000n,
  百万元: 100_000_000n,
  千万元: 1_000_000_000n,
  亿元: 10_000_000_000n,
};
const UNIT_OF: Record<string, MoneyUnit> = { 元: '元', 千元: '元', 万元: '万元', 百万元: '万元', 千万元: '万元', 亿元: '亿元' };

/** Counting units after which a bare 万/亿 is a count, not money. */
const PER_UNITS = '学年|学期|人次|人|生|县|区|校|所|年|月|季度|天|日|次|名|班|户|个|期|场|课时|学时|节|周|台|套|亩|平方米|床|小时';
const PER_PREFIX_RE = new RegExp(`((?:每(?:${PER_UNITS}))+)[\\u4e00-\\u9fff]{0,4}$`, 'u');
const AVG_PREFIX_RE = /(生|人|校|户)均[\u4e00-\u9fff]{0,4}$/u;
const CJK = /[\u4e00-\u9fff]/u;

/** Converts a decimal string (digits, optional point) times a unit in fen to exact fen; null if not whole fen. */
function toFen(intDigits: string, fracDigits: string, perUnit: bigint): { fen: bigint; precision: bigint } | null {
  const scale = 10n ** BigInt(fracDigits.length);
  const num = BigInt(intDigits + fracDigits) * perUnit;
  if (num % scale !== 0n) return null;
  const precisionNum = perUnit;
  if (precisionNum % scale !== 0n) return null;
  return { fen: num / scale, precision: precisionNum / scale };
}

function clauseBefore(norm: string, end: number, max = 16): string {
  let i = end;
  while (i > 0 && end - i < max && !breaksClause(norm.charCodeAt(i - 1))) i--;
  return norm.slice(i, end);
}

const UPPER_RUN = /[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正〇一二三四五六七八九十百千两0-9.]+/gu;
const CAP_DIGIT = /[壹贰叁肆伍陆柒捌玖拾佰仟]/u;

function scanUppercase(norm: string, map: readonly number[], original: string): (UppercaseCandidate & { s: number; e: number })[] {
  const out: (UppercaseCandidate & { s: number; e: number })[] = [];
  UPPER_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = UPPER_RUN.exec(norm)) !== null) {
    let start = m.index;
    let run = m[0];
    if (!CAP_DIGIT.test(run)) continue;
    // leading unit characters belong to the text before (…万元壹…): drop them
    while (run.length > 0 && /[万亿元圆角分整正.]/u.test(run[0]!)) {
      run = run.slice(1);
      start++;
    }
    // the amount ends at 整/正
    const z = run.search(/[整正]/u);
    if (z >= 0) run = run.slice(0, z + 1);
    // 元分配, 元角…: a trailing 角/分 with no digit before it is not part of the amount
    while (/[元圆角分整][角分]$/u.test(run)) run = run.slice(0, -1);
    // trailing digits/points (…元整 followed by a figure) are not part either
    if (/[元圆角分整正]/u.test(run)) run = run.replace(/[0-9.〇一二三四五六七八九十百千两]+$/u, '');
    if (!CAP_DIGIT.test(run)) continue;
    const before = norm.slice(Math.max(0, start - 6), start);
    const prefixed = /(人民币|大写|大写金额)[:：\s]*$/u.test(before);
    const hasYuan = /[元圆]/u.test(run);
    if (!prefixed && !hasYuan) continue;
    // 队伍12万元: one capital-looking character glued to a figure is ordinary text
    const caps = run.replace(/[^零壹贰叁肆伍陆柒捌玖拾佰仟]/gu, '');
    if (!prefixed && /[0-9]/.test(run) && caps.length <= 1) continue;
    if (!prefixed && /^[0-9.]/.test(run)) continue;
    const end = start + run.length;
    const offset = map[start]!;
    const length = map[end]! - offset;
    out.push({ offset, length, text: original.slice(offset, offset + length), result: parseUppercase(run), s: start, e: end });
  }
  return out;
}

/**
 * A figure: digits grouped by commas (`3,017`), or by spaces as GB/T 15835 sets them (`3 017万元`, `8 572平方米`;
 * a thin space or NBSP is a space here), or plain. A number right after an item's label (`项目1 100万元`, `标段2 350万元`,
 * `第3 000`) is the item's number, not a first group: `100万元`.
 */
const NUMBER_RE =
  /(?<![\d.])\d+(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\d.])(?<!\d )(?<!(?:项目|子项目|标段|附件|附表|序号|编号|批次|第)\s?)\d{1,3}(?: \d{3})+(?:\.\d+)?(?![\d])|(?<![\d.])\d+(?:\.\d+)?/gu;

const NFKC_CACHE = new Map<string, string>();
/** The same, for the BMP characters normalizeForScan meets, keyed by UTF-16 unit. */
const NFKC_BY_CODE = new Map<number, string>();

/**
 * Same result as `normalizeWithMap` (NFKC, every space to ' ', offsets into the original), faster:
 * ASCII and CJK unified ideographs are NFKC-stable, so only the other characters are normalised.
 */
export function fastNormalizeWithMap(s: string): { text: string; map: number[] } {
  const parts: string[] = [];
  const map: number[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) {
      // a run of stable characters
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (!((d > 0x20 && d < 0x7f) || (d >= 0x4e00 && d <= 0x9fff))) break;
        j++;
      }
      parts.push(s.slice(i, j));
      for (let k = i; k < j; k++) map.push(k);
      i = j;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = s.slice(i, i + len);
    let out = NFKC_CACHE.get(ch);
    if (out === undefined) {
      out = normalizeChar(ch);
      if (NFKC_CACHE.size < 4096) NFKC_CACHE.set(ch, out);
    }
    parts.push(out);
    // eslint-disable-next-line @typescript-eslint/prefer-for-of -- one entry per UTF-16 unit of `out`: for-of would step by code point (an astral character is two units)
    for (let k = 0; k < out.length; k++) map.push(i);
    i += len;
  }
  map.push(n);
  return { text: parts.join(''), map };
}

/** map[i] = i, shared and only ever grown (never written below its length): the map of a text normalised one unit for one unit. */
let IDENTITY: number[] = [0];
function identityMap(n: number): readonly number[] {
  if (IDENTITY.length <= n) {
    const next = IDENTITY.slice();
    const last = Math.max(n, 2 * next.length);
    for (let k = next.length; k <= last; k++) next.push(k);
    IDENTITY = next;
  }
  return IDENTITY;
}

/**
 * `fastNormalizeWithMap` for the scanner, allocating less: when every UTF-16 unit normalises to
 * exactly one unit (Chinese text with full-width punctuation, the common case), the text is built
 * without a per-character map and the map is a shared identity array (index i holds i, for every i
 * up to the text's length and beyond; only indexed, never iterated). Otherwise the full version.
 */
function normalizeForScan(s: string): { text: string; map: readonly number[] } {
  const n = s.length;
  let parts: string[] | null = null;
  let from = 0; // start of the run not yet copied into parts
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) continue;
    if (c >= 0xd800 && c <= 0xdfff) return fastNormalizeWithMap(s);
    // by code, not by a one-character string (a string per full-width comma is most of this loop's garbage)
    let out = NFKC_BY_CODE.get(c);
    if (out === undefined) {
      out = normalizeChar(s[i]!);
      if (NFKC_BY_CODE.size < 4096) NFKC_BY_CODE.set(c, out);
    }
    if (out.length !== 1) return fastNormalizeWithMap(s);
    if (out.charCodeAt(0) === c) continue;
    parts ??= [];
    if (i > from) parts.push(s.slice(from, i));
    parts.push(out);
    from = i + 1;
  }
  let text = s;
  if (parts !== null) {
    if (from < n) parts.push(s.slice(from));
    text = parts.join('');
  }
  return { text, map: identityMap(n) };
}

/** What a text needs to hold any figure (money or quantity): a digit, a 大写 capital, or a counting numeral before a unit. */
const FIGURE_HINT = /[\d０-９壹贰叁肆伍陆柒捌玖拾佰仟]|[一二两三四五六七八九十百千][余多]?[所个项栋幢座间套台辆名处家类元圆万亿]/u;

/**
 * Scans a text for money amounts, 大写 candidates and the other quantities (counts, areas…), keeping
 * both original and normalised spans. One normalisation serves all three.
 */
export function scanText(original: string, declared?: MoneyUnit): ScannedText {
  const text = typeof original === 'string' ? original : '';
  // no digit, no 大写, no counting numeral before a unit: no figure, and no normalisation needed
  if (!FIGURE_HINT.test(text)) return { norm: text, map: [], amounts: [], uppercase: [], quantities: [] };
  const { text: norm, map } = normalizeForScan(text);
  const { amounts, uppercase } = scanMoney(norm, map, text, declared);
  const taken = (s0: number, e0: number): boolean => amounts.some((x) => s0 < x.nEnd && e0 > x.nStart);
  return { norm, map, amounts, uppercase, quantities: readQuantities(norm, map, text, taken) };
}

function scanMoney(
  norm: string,
  map: readonly number[],
  original: string,
  declared: MoneyUnit | undefined,
): { amounts: ScannedAmount[]; uppercase: UppercaseCandidate[] } {
  // money needs a unit or a sign: 元/圆, 万/亿, ¥, RMB, or a 大写 prefix (人民币, 大写), or a unit declared above it
  if (declared === undefined && !/[元圆¥万亿]|RMB|人民币|大写/u.test(norm)) return { amounts: [], uppercase: [] };
  const uppercaseRaw = /[壹贰叁肆伍陆柒捌玖拾佰仟]/u.test(norm) ? scanUppercase(norm, map, original) : [];
  const uppercase: UppercaseCandidate[] = uppercaseRaw.map(({ s: _s, e: _e, ...u }) => u);
  const amounts: ScannedAmount[] = [];
  const upperSpans = uppercaseRaw.map((u) => ({ s: u.s, e: u.e, u }));
  for (const { s, e, u } of upperSpans) {
    if (!u.result.ok) continue;
    const ctx = clauseBefore(norm, s);
    const per = perPrefix(ctx);
    const amount: Mutable<ScannedAmount> = {
      fen: u.result.value.fen,
      unit: '元',
      approximate: false,
      precisionFen: 1,
      form: 'uppercase',
      offset: u.offset,
      length: u.length,
      text: u.text,
      nStart: s,
      nEnd: e,
    };
    if (per !== undefined) amount.per = per;
    amounts.push(amount);
  }
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(norm)) !== null) {
    const numStart = m.index;
    const numEnd = numStart + m[0].length;
    if (upperSpans.some((x) => numStart < x.e && numEnd > x.s)) continue;
    const a = readFigure(norm, numStart, numEnd, m[0], declared);
    if (!a) continue;
    // a range (10万元至15万元) takes in the amount it starts with
    while (amounts.length > 0 && amounts[amounts.length - 1]!.form !== 'uppercase' && amounts[amounts.length - 1]!.nEnd > a.nStart)
      amounts.pop();
    amounts.push(placed(a, map, original));
    NUMBER_RE.lastIndex = Math.max(NUMBER_RE.lastIndex, a.nEnd);
  }
  const taken = (s0: number, e0: number): boolean =>
    upperSpans.some((x) => s0 < x.e && e0 > x.s) || amounts.some((x) => s0 < x.nEnd && e0 > x.nStart);
  for (const a of /[元圆]/u.test(norm) ? scanChinese(norm, taken) : []) amounts.push(placed(a, map, original));
  amounts.sort((x, y) => x.nStart - y.nStart);
  return { amounts, uppercase };
}

function perPrefix(ctx: string): string | undefined {
  const pm = PER_PREFIX_RE.exec(ctx);
  if (pm) {
    const units = pm[1]!.split('每').filter((x) => x !== '');
    return units.join('·');
  }
  const am = AVG_PREFIX_RE.exec(ctx);
  if (am) return am[1]!;
  return undefined;
}

type Figure = Omit<ScannedAmount, 'offset' | 'length' | 'text'>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A figure with its span in the original text. Built member by member in the order a spread
 * (`{ ...figure, offset, length, text }`) would give, without the spread: copying objects of many
 * shapes (optional members) is one of the analysis's largest costs.
 */
function placed(a: Figure, map: readonly number[], original: string): ScannedAmount {
  const offset = map[a.nStart]!;
  const length = map[a.nEnd]! - offset;
  const o = { fen: a.fen, unit: a.unit, approximate: a.approximate } as Mutable<ScannedAmount>;
  if (a.qualifier !== undefined) o.qualifier = a.qualifier;
  o.precisionFen = a.precisionFen;
  if (a.per !== undefined) o.per = a.per;
  if (a.low !== undefined) o.low = a.low;
  o.form = a.form;
  o.nStart = a.nStart;
  o.nEnd = a.nEnd;
  o.offset = offset;
  o.length = length;
  o.text = original.slice(offset, offset + length);
  return o;
}

/** Characters before a bare figure that make it a number, a date or a code, never an amount (第1批, 项目1, 2023年度 2023, 代码 205). */
const NOT_BEFORE_BARE = new Set('第号批期届年月日目项类型次度码编至于');

/**
 * Whether a figure with no unit is an amount in the unit declared above it (`（单位：万元）` over
 * `合计 1800，其中中央 1000、县级 800`): after the name of an item (`中央 1000`, `合计：1800`) and
 * before the end of its clause (`，` `；` `。` `、` a bracket or the end). A year, a date, a count with its own
 * unit (`3所`), a percentage, a numbered item (`1.`, `项目1`, `第1批`), a code in brackets (`〔2023〕`)
 * or a lone figure (a table's 序号) is not.
 */
function bareUnderDeclared(norm: string, numStart: number, after: number): boolean {
  const next = norm[after] ?? '';
  if (next !== '' && !/^[,;。、()\n]$/u.test(next)) return false;
  let j = numStart;
  while (j > 0 && norm[j - 1] === ' ') j--;
  if (norm[j - 1] === ':') {
    j--;
    while (j > 0 && norm[j - 1] === ' ') j--;
  }
  const prev = norm[j - 1] ?? '';
  return CJK.test(prev) && !NOT_BEFORE_BARE.has(prev);
}

function readFigure(norm: string, numStart: number, numEnd: number, numText: string, declared?: MoneyUnit): Figure | null {
  // before the number: 第37届, A3, 3D are not amounts
  const prevCh = norm[numStart - 1] ?? '';
  if (prevCh === '第' || /[A-Za-z]/.test(prevCh)) return null;
  let start = numStart;
  let symbol = false;
  {
    let i = numStart;
    while (i > 0 && norm[i - 1] === ' ') i--;
    if (norm[i - 1] === '¥' || norm[i - 1] === '$') {
      // ￥ normalises to ¥
      if (norm[i - 1] === '¥') {
        symbol = true;
        start = i - 1;
      }
    } else if (norm.slice(Math.max(0, i - 3), i) === 'RMB') {
      symbol = true;
      start = i - 3;
    }
  }
  // after the number
  let i = numEnd;
  while (norm[i] === ' ') i++;
  let approxWord: string | undefined;
  let mult = '';
  const rest = norm.slice(i, i + 8);
  let mm: RegExpExecArray | null;
  if ((mm = /^(余|多)?(百万|千万|万|亿|千)?(余|多)?(元|圆)?/u.exec(rest)) && mm[0] !== '') {
    const pre = mm[1];
    mult = mm[2] ?? '';
    const post = mm[3];
    const yuan = mm[4];
    if (!yuan && mult === '') {
      if (!symbol) return null;
    }
    if (!yuan && mult === '千') return null;
    if (!yuan && mult !== '') {
      // bare 万/亿: money only when nothing countable follows
      const next = norm[i + mm[0].length] ?? '';
      const next2 = norm.slice(i + mm[0].length, i + mm[0].length + 2);
      if (next !== '' && (CJK.test(next) || /[A-Za-z0-9%]/.test(next)) && next2 !== '左右') return null;
      if (post) return null; // 10万余人 is a count; 10万余 alone is not read
    }
    if (yuan) {
      const after = norm[i + mm[0].length] ?? '';
      if (/[旦素件宵]/u.test(after)) return null;
    }
    if (pre && mult === '' && !yuan) return null;
    approxWord = pre ?? post;
    i += mm[0].length;
  } else if (!symbol) {
    if (declared === undefined || !bareUnderDeclared(norm, numStart, i)) return null;
    mult = declared === '元' ? '' : declared.slice(0, 1);
  }
  const unitKey = (mult === '' ? '' : mult) + '元';
  const perUnit = FEN_PER[unitKey];
  if (perUnit === undefined) return null;
  const unit = UNIT_OF[unitKey]!;
  const [intPart, fracPart = ''] = numText.replace(/[, ]/g, '').split('.');
  const conv = toFen(intPart!, fracPart, perUnit);
  if (!conv) return null;
  if (conv.fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return decorate(norm, start, i, {
    fen: Number(conv.fen),
    unit,
    precisionFen: Number(conv.precision),
    form: symbol ? 'symbol' : 'figure',
    approxWord,
    perUnit,
  });
}

interface BareAmount {
  readonly fen: number;
  readonly unit: MoneyUnit;
  readonly precisionFen: number;
  readonly form: MoneyAmount['form'];
  readonly approxWord: string | undefined;
  /** Fen of one unit as written (for the lower bound of a range). */
  readonly perUnit: bigint;
}

/** Adds what surrounds an amount: 左右, /年, qualifiers before it, 每县每年, and a range `10-15万元`. */
function decorate(norm: string, start: number, end: number, b: BareAmount): Figure {
  let approxWord = b.approxWord;
  if (norm.slice(end, end + 2) === '左右') {
    approxWord = approxWord ?? '左右';
    end += 2;
  }
  // 5亿元以上 (at least), 50万元以下/以内 (at most): a bound, as before the amount (不少于, 不超过); not `50万元以下的项目`,
  // which names a class of projects and is no amount of this one either way
  let after: string | undefined;
  const am = /^(以上|以下|以内|之内)/u.exec(norm.slice(end));
  if (am) {
    after = am[1] === '以上' ? '不少于' : '不超过';
    end += am[1]!.length;
  }
  // /年, /人, /人/年
  let per: string | undefined;
  const pm =
    /^(?:\/(学年|学期|人次|人|生|县|区|校|所|年|月|季度|天|日|次|名|班|户|个|期|场|课时|学时|节|周|台|套|亩|平方米|床|小时|[\u4e00-\u9fff]{1,2}(?=[^\u4e00-\u9fff]|$)))+/u.exec(
      norm.slice(end),
    );
  if (pm) {
    per = pm[0]
      .split('/')
      .filter((x) => x !== '')
      .join('·');
    end += pm[0].length;
  }
  // a range: 10-15万元, 10至15万元, 10万元至15万元
  let low: number | undefined;
  const rm = /(\d+(?:\.\d+)?)\s*(?:(万元|亿元|千元|元|万|亿))?\s*(?:-|~|～|—|至|到)\s*$/u.exec(norm.slice(Math.max(0, start - 16), start));
  if (rm) {
    const unitKey = rm[2] === undefined ? '' : rm[2].endsWith('元') ? rm[2] : `${rm[2]}元`;
    const perUnit = unitKey === '' ? b.perUnit : FEN_PER[unitKey];
    const [ip, fp = ''] = rm[1]!.split('.');
    const conv = perUnit === undefined ? null : toFen(ip!, fp, perUnit);
    if (conv && conv.fen <= BigInt(b.fen) && !digitOrPointAt(norm, start - rm[0].length - 1)) {
      low = Number(conv.fen);
      start -= rm[0].length;
    }
  }
  // qualifiers before
  const ctx = clauseBefore(norm, start);
  let qualifier: string | undefined;
  const qm = /(不超过|不高于|不低于|不少于|不足|大约|约|近|超过|逾|达约)\s*$/u.exec(ctx);
  if (qm) {
    qualifier = qm[1] === '达约' ? '约' : qm[1]!;
    start -= qm[0].length;
  } else if (/预计|预算约|估算|估计/u.test(ctx)) {
    qualifier = ctx.includes('预计') ? '预计' : ctx.includes('估算') ? '估算' : '估计';
  }
  if (low !== undefined) qualifier = '至';
  if (qualifier === undefined && after !== undefined) qualifier = after;
  if (qualifier === undefined && approxWord !== undefined) qualifier = approxWord;
  const approximate = qualifier !== undefined;
  per ??= perPrefix(ctx);
  const f = { fen: b.fen, unit: b.unit, approximate } as Mutable<Figure>;
  if (qualifier !== undefined) f.qualifier = qualifier;
  f.precisionFen = b.precisionFen;
  if (per !== undefined) f.per = per;
  if (low !== undefined) f.low = low;
  f.form = b.form;
  f.nStart = start;
  f.nEnd = end;
  return f;
}

const CN_AMOUNT_RE =
  /(?<!第)([零〇一二两三四五六七八九十百千万亿]*[一二两三四五六七八九十百千])(余|多)?(万|亿)?(余|多)?(?:元|圆)(?![旦素件宵化里桥次])/gu;

/** 五十万元, 一万二千元, 十余万元: amounts in Chinese counting numerals. */
function scanChinese(norm: string, taken: (s: number, e: number) => boolean): Figure[] {
  const out: Figure[] = [];
  CN_AMOUNT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CN_AMOUNT_RE.exec(norm)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const run = m[1]!;
    const value = parseChineseNumeral(run);
    if (value === null || value === 0) continue;
    const mult = m[3] === '万' ? 10_000n : m[3] === '亿' ? 100_000_000n : 1n;
    const last = run[run.length - 1]!;
    const step = last === '十' ? 10n : last === '百' ? 100n : last === '千' ? 1000n : 1n;
    const yuan = BigInt(value) * mult;
    const fen = yuan * 100n;
    if (fen > BigInt(Number.MAX_SAFE_INTEGER)) continue;
    const unit: MoneyUnit = m[3] === '万' ? '万元' : m[3] === '亿' ? '亿元' : '元';
    const approxWord = m[2] ?? m[4];
    out.push(
      decorate(norm, start, end, {
        fen: Number(fen),
        unit,
        precisionFen: Number(step * mult * 100n),
        form: 'figure',
        approxWord,
        perUnit: mult * 100n,
      }),
    );
  }
  return out;
}

/** Every money amount in a text, in order. Non-money numbers (人, %, dates, 〔2023〕4号) are skipped. */
export function findAmounts(text: string): MoneyAmount[] {
  if (typeof text !== 'string' || text === '') return [];
  return scanText(text).amounts.map(({ nStart: _s, nEnd: _e, ...a }) => a);
}

/** Parses a string that is exactly one amount (`10万元`, `￥150，000.00`, `壹拾伍万元整`). */
export function parseMoney(text: string): ParseResult<MoneyAmount> {
  if (typeof text !== 'string') return { ok: false, reason: '不是文本', reasonEn: 'not text' };
  const t = text.trim();
  if (t === '') return { ok: false, reason: '空白，没有金额', reasonEn: 'empty: no amount' };
  const n = t.normalize('NFKC');
  if (/^\s*(?:-|负|−)/u.test(n)) return { ok: false, reason: '金额不能为负数', reasonEn: 'a negative amount' };
  const scanned = scanText(t);
  if (scanned.amounts.length === 0) {
    const bad = scanned.uppercase.find((u) => !u.result.ok);
    if (bad && !bad.result.ok) return { ok: false, reason: bad.result.reason, reasonEn: bad.result.reasonEn };
    if (/\d{16,}/.test(n.replace(/[,.]/g, ''))) return { ok: false, reason: '金额过大', reasonEn: 'amount too large' };
    if (/\d(?:\.\d+)?e\d/i.test(n)) return { ok: false, reason: '不是金额（科学计数法）', reasonEn: 'not an amount (scientific notation)' };
    return { ok: false, reason: '不是金额', reasonEn: 'not an amount' };
  }
  if (scanned.amounts.length > 1) return { ok: false, reason: '含有多个金额', reasonEn: 'more than one amount' };
  const a = scanned.amounts[0]!;
  const outside = (t.slice(0, a.offset) + t.slice(a.offset + a.length)).replace(/人民币|大写|小写|[:：()（）\s]/gu, '');
  if (outside !== '') return { ok: false, reason: `金额之外还有文字“${outside}”`, reasonEn: `text besides the amount: “${outside}”` };
  const { nStart: _s, nEnd: _e, ...rest } = a;
  return { ok: true, value: rest };
}

/** Every count (number + counting unit: 人, 个, 所, 人次…) in a text, in order; areas and lengths are left out. */
export function findQuantities(text: string): Quantity[] {
  if (typeof text !== 'string' || text === '') return [];
  return countsOf(scanText(text));
}

/** The counts of a scanned text as plain values (`1.2万人` → 12 000人). */
export function countsOf(scan: ScannedText): Quantity[] {
  return scan.quantities
    .filter((q) => q.family.startsWith('count:'))
    .map((q) => ({
      value: q.value / QUANTITY_SCALE,
      unit: q.unit.replace(/^[万千百亿]/u, ''),
      approximate: q.approximate,
      offset: q.offset,
      length: q.length,
      text: q.text,
    }));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * Formats fen as an accountant writes it, without the unit and without thousands separators:
 * 723_840_000 fen in 万元 → `723.84`; 7_238_400 fen in 万元 → `7.2384`; 1_200_050 fen in 元 → `12000.50`.
 * 元 shows two decimals only when there are fen; 万元/亿元 show the needed decimals.
 * A non-integer or non-finite input gives ''.
 */
export function formatFen(fen: number, unit: MoneyUnit = '元'): string {
  if (!Number.isSafeInteger(fen)) return '';
  const neg = fen < 0;
  const abs = BigInt(Math.abs(fen));
  const digits = unit === '元' ? 2 : unit === '万元' ? 6 : 10;
  const scale = 10n ** BigInt(digits);
  const intPart = abs / scale;
  const frac = (abs % scale).toString().padStart(digits, '0');
  let s: string;
  if (unit === '元') s = frac === '00' ? intPart.toString() : `${intPart}.${frac}`;
  else s = trimZeros(`${intPart}.${frac}`);
  return (neg ? '-' : '') + s;
}

/** The unit to show a sum of amounts in: the unit most of them were written in (万元 on a tie). */
export function dominantUnit(amounts: readonly { unit: MoneyUnit }[]): MoneyUnit {
  const counts: Record<MoneyUnit, number> = { 元: 0, 万元: 0, 亿元: 0 };
  for (const a of amounts) counts[a.unit]++;
  if (counts.万元 >= counts.元 && counts.万元 >= counts.亿元 && counts.万元 > 0) return '万元';
  if (counts.亿元 > counts.元) return '亿元';
  return counts.元 > 0 ? '元' : '万元';
}

/** Fen in one of each unit: 元 100, 万元 1 000 000, 亿元 10 000 000 000. */
export const UNIT_FEN: Readonly<Record<MoneyUnit, number>> = { 元: 100, 万元: 1_000_000, 亿元: 10_000_000_000 };

/**
 * `52万元`, `12000元`: fen formatted in a unit, with the unit. With `{ group: true }` the integer
 * part is grouped by thousands as accountants write figures in text (`1,200,000元`, `1,234,567.89元`).
 */
export function formatMoney(fen: number, unit: MoneyUnit, options: { readonly group?: boolean } = {}): string {
  const s = formatFen(fen, unit);
  if (!options.group) return `${s}${unit}`;
  return `${s.replace(/^(-?)(\d+)/u, (_m, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+$)/gu, ','))}${unit}`;
}

/**
 * The unit to show a difference in: the coarsest of the units given in which it needs at most two
 * decimals (600 000元 beside 万元 figures → `60万元`; 32.11元 stays `32.11元`).
 */
export function unitForDifference(fen: number, units: readonly MoneyUnit[]): MoneyUnit {
  const order: MoneyUnit[] = ['亿元', '万元', '元'];
  for (const u of order) if (units.includes(u) && Math.abs(fen) % (UNIT_FEN[u] / 100) === 0) return u;
  return '元';
}

/**
 * The range of values an amount stands for: exact amounts are a point; 约/预计/左右/近 ±half a
 * step of the last digit; 余/多 from the value to one step above; 不超过/不高于 from 0 to the value;
 * 超过/逾/不少于 from the value up to one step above.
 */
export function amountRange(a: Pick<MoneyAmount, 'fen' | 'approximate' | 'qualifier' | 'precisionFen' | 'low'>): {
  lo: number;
  hi: number;
} {
  return measureRange({
    value: a.fen,
    approximate: a.approximate,
    precision: a.precisionFen,
    ...(a.qualifier !== undefined && { qualifier: a.qualifier }),
    ...(a.low !== undefined && { low: a.low }),
  });
}
