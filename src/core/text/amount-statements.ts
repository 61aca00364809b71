/**
 * What a run of paragraphs says about money and the other quantities: every amount (and count,
 * area, length…) with its place and its item's name, which figures are stated totals and which
 * are their parts, which form one enumeration, which amounts are one amount written twice (大写 and
 * its figure), which belong to a written calculation, and the one amount the text states overall.
 * One pass per section, shared by the amount rules (total-mismatch, repeated-item,
 * plan-funding-mismatch, arithmetic, uppercase-*, funding-amount-missing); pure text analysis, no
 * rule logic.
 *
 * Not double counting is the point: a 大写 amount and its figure in parentheses are one amount;
 * a rate with a computed per-month figure is one rate; a total restated is not a part.
 */
import type { CellRef, Paragraph, Section } from '../model';
import {
  findEnumerations,
  findStructures,
  itemName,
  NameIndex,
  shapeOf,
  wordsBefore,
  type Entry,
  type ItemCount,
  type ParagraphShape,
  type TotalStructure,
} from './enumerations';
import { checkpoint } from '../budget';
import {
  amountRange,
  dominantUnit,
  formatMoney,
  parseMoney,
  scanText,
  UNIT_FEN,
  type MoneyUnit,
  type ScannedAmount,
  type ScannedText,
} from './money';
import { formatQuantity, measureRange, type ScannedQuantity } from './quantities';

export type { ItemCount, TotalStructure } from './enumerations';

export interface ParagraphLike {
  readonly text: string;
  readonly ref: CellRef;
  /** Offset of the paragraph inside its cell (0 unless a cell holds several lines). */
  readonly offset?: number;
}

/** A figure (an amount of money, or a count, area, length…) where it stands in the text. */
export interface Located<M> {
  readonly amount: M;
  /** Index of the paragraph in the list analysed. */
  readonly para: number;
  readonly ref: CellRef;
  /** What the figure is for, as written before it (`考务费`, `1月高中学考考务费`), cut for messages; '' when nothing useful. */
  readonly label: string;
  /** The item's whole name (its identity in an enumeration). */
  readonly name: string;
  /**
   * The words leading its stretch of text (up to a semicolon, a full stop or a list's lead word): a
   * figure that only describes the item before it (`…补助资金115.26万元，受益学生18862人；`) belongs to
   * that item. An item is the same item as another when both its name and its context are.
   */
  context: string;
  /** A summing word (合计, 共计, 总计, 共) stands right before it. */
  readonly sum: boolean;
  /** Parenthesis depth in its paragraph (0 outside parentheses). */
  readonly depth: number;
  /** The clause that states it, as written (`本项目计划安排资金10万元`), for quoting. */
  readonly clause: string;
  /** A total keyword (合计/共计/总计…: strong; 安排资金/预算资金…: weak) stands right before it. */
  readonly total: 'strong' | 'weak' | null;
  /**
   * A running total (`截至6月底累计拨付60万元`, `累计达到120万元`): it includes the amounts before it,
   * so it is not a part to add to them.
   */
  readonly cumulative: boolean;
  /** Index of the amount this one restates (the figure beside a 大写 amount), if any. */
  twinOf?: number | undefined;
  /** Belongs to a written calculation but is not its principal amount (a count given as a factor). */
  derived: boolean;
}

export type LocatedAmount = Located<ScannedAmount>;
export type LocatedQuantity = Located<ScannedQuantity>;

export interface Term {
  /** Exact value as a fraction: fen for money, plain number otherwise. */
  readonly num: bigint;
  readonly den: bigint;
  /** 1 for money, 0 for a plain number or count. */
  readonly dim: number;
  readonly text: string;
  /** Step of the last written digit, as a fraction of the same kind as the value. */
  readonly stepNum: bigint;
  readonly stepDen: bigint;
  readonly unit: MoneyUnit | '';
  readonly per: string;
  /** The counting unit of a count (`人` in `2.3万人`, `天` in `200天`), '' for money and bare numbers. */
  readonly count: string;
  readonly nStart: number;
  readonly nEnd: number;
}

export interface Calculation {
  readonly para: number;
  readonly ref: CellRef;
  /** The expression as written (original text). */
  readonly text: string;
  readonly terms: readonly Term[];
  /** Operators between the terms, normalised to + - × ÷. */
  readonly ops: readonly ('+' | '-' | '×' | '÷')[];
  readonly result: Term;
  /** Span in the normalised paragraph text. */
  readonly nStart: number;
  readonly nEnd: number;
}

export interface StatedAmount {
  /** The value stated: a total, or the sum of the items. */
  readonly fen: number;
  readonly lo: number;
  readonly hi: number;
  readonly approximate: boolean;
  readonly unit: MoneyUnit;
  readonly per?: string;
  readonly kind: 'total' | 'sum' | 'single' | 'rate';
  /** The amount that states it (kind total/single/rate), else undefined. */
  readonly source?: number;
  /** The items summed (kind sum), or the total's parts when it has some. */
  readonly parts: readonly number[];
  /** The cell to point at. */
  readonly ref: CellRef;
  /**
   * Other plausible readings of the same text (a total written without a keyword, another stated
   * total): a comparison should fire only when no reading agrees.
   */
  readonly alternatives: readonly { readonly lo: number; readonly hi: number }[];
}

export interface AmountAnalysis {
  readonly paragraphs: readonly ParagraphLike[];
  readonly scans: readonly ScannedText[];
  readonly amounts: readonly LocatedAmount[];
  /** Money totals with their parts (indices into amounts). */
  readonly structures: readonly TotalStructure[];
  /** Money enumerations (indices into amounts): a total's parts, one sentence's items, a numbered list's items. */
  readonly lists: readonly (readonly number[])[];
  /** Counts, areas, lengths… with their totals, parts and enumerations (indices into quantities). */
  readonly quantities: readonly LocatedQuantity[];
  readonly quantityStructures: readonly TotalStructure[];
  readonly quantityLists: readonly (readonly number[])[];
  /** Stated counts followed by the names they count (indices into quantities). */
  readonly itemCounts: readonly ItemCount[];
  readonly calculations: readonly Calculation[];
  /** What the paragraphs state overall; undefined when they state no amount. */
  readonly stated?: StatedAmount;
}

function clauseOf(
  original: string,
  s: ScannedText,
  a: { readonly nStart: number; readonly offset: number; readonly length: number },
): string {
  let i = a.nStart;
  while (i > 0 && a.nStart - i < 30 && !/[,，。;；、\n]/u.test(s.norm[i - 1]!)) i--;
  const from = s.map[i]!;
  let t = original.slice(from, a.offset + a.length).trim();
  t = t
    .replace(/^[:：\s]+/u, '')
    .replace(/^(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.、]|[一二三四五六七八九十]+、)\s*/u, '')
    .replace(/^(?:其中|另外|另)[:：]?/u, '');
  return t.length > 24 ? `…${t.slice(-23)}` : t;
}

// ---------------------------------------------------------------- calculations

const NUM = String.raw`(?:¥\s*)?\d+(?:,\d{3})*(?:\.\d+)?`;
const PER = '学年|学期|人次|人|生|县|区|校|所|年|月|季度|天|日|次|名|班|户|个|期|场|课时|学时|节|周|台|套|亩|平方米|床|小时';
const COUNT_UNIT = '人次|个月|学年|学期|课时|学时|小时|平方米|人|个|月|年|次|名|所|天|日|期|班|台|套|间|户|生|校|县|区|场|节|周|亩|床';
/** A money unit, a percentage, or a count with an optional 万/亿 multiplier (`2.3万人`), then any `/per` units. */
const TERM_UNIT = String.raw`(?:万元|亿元|千元|元|%|(?:万|亿)?(?:${COUNT_UNIT})|万|亿)?(?:/(?:${PER}))*`;
const TERM = `${NUM}${TERM_UNIT}`;
const OP = String.raw`\s*(?:[+\-×*xX][\u4e00-\u9fff]{0,10}?|[÷/])\s*`;
const CALC_RE = new RegExp(`(?<![\\d.])(${TERM})((?:${OP}${TERM})+)\\s*=\\s*(${TERM})`, 'gu');
const TERM_RE = new RegExp(`(${NUM})(${TERM_UNIT})`, 'u');

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function parseTerm(text: string, nStart: number): Term | null {
  const m = TERM_RE.exec(text);
  if (!m) return null;
  const symbol = m[1]!.includes('¥');
  const digits = m[1]!.replace(/[¥,\s]/g, '');
  const [ip, fp = ''] = digits.split('.');
  const raw = BigInt(ip! + fp);
  const den0 = pow10(fp.length);
  const unitText = m[2] ?? '';
  const slash = unitText.indexOf('/');
  const base = slash >= 0 ? unitText.slice(0, slash) : unitText;
  const per =
    slash >= 0
      ? unitText
          .slice(slash + 1)
          .split('/')
          .join('·')
      : '';
  let mulNum = 1n;
  let mulDen = 1n;
  let dim = 0;
  let unit: MoneyUnit | '' = '';
  let count = '';
  const counted = new RegExp(`^([万亿]?)(${COUNT_UNIT})$`, 'u').exec(base);
  if (counted) {
    count = counted[2]!;
    mulNum = counted[1] === '万' ? 10_000n : counted[1] === '亿' ? 100_000_000n : 1n;
  } else
    switch (base) {
      case '元':
        [mulNum, dim, unit] = [100n, 1, '元'];
        break;
      case '千元':
        [mulNum, dim, unit] = [100_000n, 1, '元'];
        break;
      case '万元':
        [mulNum, dim, unit] = [1_000_000n, 1, '万元'];
        break;
      case '亿元':
        [mulNum, dim, unit] = [10_000_000_000n, 1, '亿元'];
        break;
      case '万':
        mulNum = 10_000n;
        break;
      case '亿':
        mulNum = 100_000_000n;
        break;
      case '%':
        mulDen = 100n;
        break;
      case '':
        if (symbol) [mulNum, dim, unit] = [100n, 1, '元'];
        break;
      default:
        break;
    }
  return {
    num: raw * mulNum,
    den: den0 * mulDen,
    dim,
    text,
    stepNum: mulNum,
    stepDen: den0 * mulDen,
    unit,
    per,
    count,
    nStart,
    nEnd: nStart + text.length,
  };
}

function findCalculations(norm: string, original: string, map: readonly number[], para: number, ref: CellRef): Calculation[] {
  const out: Calculation[] = [];
  CALC_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CALC_RE.exec(norm)) !== null) {
    const start = m.index;
    const whole = m[0];
    // an operator (or a closing parenthesis) right before: a factor the pattern could not read
    // (`（2.3万+0.2万）人×…`, `约2.3万余人×…`); judging the rest would judge a different sum
    if (/[+\-×*xX÷/)）]\s*$/u.test(norm.slice(Math.max(0, start - 3), start))) continue;
    // split into terms and operators
    const termRe = new RegExp(TERM, 'gu');
    const lhs = whole.slice(0, whole.lastIndexOf('='));
    const terms: Term[] = [];
    const ops: ('+' | '-' | '×' | '÷')[] = [];
    let last = 0;
    let tm: RegExpExecArray | null;
    let ok = true;
    while ((tm = termRe.exec(lhs)) !== null) {
      if (terms.length > 0) {
        const between = lhs
          .slice(last, tm.index)
          .replace(/[\u4e00-\u9fff]+$/u, '')
          .trim();
        const op = between === '+' ? '+' : between === '-' ? '-' : /^[×*xX]$/u.test(between) ? '×' : /^[÷/]$/u.test(between) ? '÷' : null;
        if (!op) {
          ok = false;
          break;
        }
        ops.push(op);
      }
      const t = parseTerm(tm[0], start + tm.index);
      if (!t) {
        ok = false;
        break;
      }
      terms.push(t);
      last = tm.index + tm[0].length;
    }
    const resText = m[3]!;
    const resStart = start + whole.length - resText.length;
    const result = parseTerm(resText, resStart);
    if (!ok || !result || terms.length < 2 || ops.length !== terms.length - 1) continue;
    // 1-12=… style ranges are not calculations unless money or an explicit operator other than -
    if (ops.every((o) => o === '-') && terms.every((t) => t.dim === 0) && result.dim === 0 && !/[=]/.test(whole)) continue;
    const o = map[start]!;
    const e = map[start + whole.length]!;
    out.push({ para, ref, text: original.slice(o, e), terms, ops, result, nStart: start, nEnd: start + whole.length });
  }
  return out;
}

const SAME_COUNT: Readonly<Record<string, string>> = { 生: '人', 名: '人', 日: '天', 个月: '月', 学年: '年' };
const countKey = (u: string): string => SAME_COUNT[u] ?? u;

/**
 * Whether the units of a product cancel sensibly: every `/unit` of a rate is met by a count of that
 * unit (`5元/天×200天`) or stays in the result (`…=150元/天`); a count with no rate for it is a
 * multiplier (`2.3万人×5元/天×200天`: 5元 per person per day). A rate whose unit finds no count while
 * a count finds no rate (`5元/天×12月`) does not cancel: the text means something not written.
 * Sums and quotients are not judged here (true).
 */
export function unitsCancel(c: Pick<Calculation, 'terms' | 'ops' | 'result'>): boolean {
  if (!c.ops.every((o) => o === '×')) return true;
  const counts = c.terms.filter((t) => t.count !== '' && t.per === '').map((t) => countKey(t.count));
  const kept = c.result.per === '' ? [] : c.result.per.split('·').map(countKey);
  const pers = c.terms.flatMap((t) => (t.per === '' ? [] : t.per.split('·').map(countKey)));
  const unmatchedPer = pers.filter((u) => !counts.includes(u) && !kept.includes(u));
  const unmatchedCount = counts.filter((u) => !pers.includes(u));
  return unmatchedPer.length === 0 || unmatchedCount.length === 0;
}

/** Evaluates a calculation exactly: the value as a fraction and its money dimension, or null (÷0, mixed units in +). */
export function evaluate(c: Pick<Calculation, 'terms' | 'ops'>): { num: bigint; den: bigint; dim: number } | null {
  // precedence: × ÷ first
  interface V {
    num: bigint;
    den: bigint;
    dim: number;
  }
  const vals: V[] = [{ num: c.terms[0]!.num, den: c.terms[0]!.den, dim: c.terms[0]!.dim }];
  const addOps: ('+' | '-')[] = [];
  for (let i = 0; i < c.ops.length; i++) {
    const op = c.ops[i]!;
    const t = c.terms[i + 1]!;
    if (op === '×' || op === '÷') {
      const cur = vals[vals.length - 1]!;
      if (op === '×') vals[vals.length - 1] = { num: cur.num * t.num, den: cur.den * t.den, dim: cur.dim + t.dim };
      else {
        if (t.num === 0n) return null;
        vals[vals.length - 1] = { num: cur.num * t.den, den: cur.den * t.num, dim: cur.dim - t.dim };
      }
    } else {
      addOps.push(op);
      vals.push({ num: t.num, den: t.den, dim: t.dim });
    }
  }
  let acc = vals[0]!;
  for (let i = 0; i < addOps.length; i++) {
    const v = vals[i + 1]!;
    if (v.dim !== acc.dim) return null;
    const num = addOps[i] === '+' ? acc.num * v.den + v.num * acc.den : acc.num * v.den - v.num * acc.den;
    acc = { num, den: acc.den * v.den, dim: acc.dim };
  }
  return acc;
}

// ---------------------------------------------------------------- analysis

function sameRange(a: ScannedAmount, b: ScannedAmount): boolean {
  return a.fen === b.fen;
}

/** The largest of sorted numbers that is at most x, or 0 when none is. */
function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : Math.max(0, sorted[lo - 1]!);
}

/**
 * A figure where it stands: the words around it that the structure finder needs are read at once;
 * its name, its context and its quoted clause only when something asks for them (most figures are
 * never named in a message, and names cost more than the rest of a figure's reading).
 */
class LocatedFigure<M extends { readonly nStart: number; readonly offset: number; readonly length: number }> implements Located<M> {
  // declared, not initialised as class fields: the constructor sets every member in one order (one
  // object shape, plain stores; field initialisers would define each member first)
  declare readonly amount: M;
  declare readonly para: number;
  declare readonly ref: CellRef;
  declare readonly sum: boolean;
  declare readonly depth: number;
  declare readonly total: 'strong' | 'weak' | null;
  declare readonly cumulative: boolean;
  declare twinOf: number | undefined;
  declare derived: boolean;
  /** The stretch of normalised text its context is read from (set by setContexts). */
  declare contextFrom: number;
  declare contextTo: number;
  declare private readonly p: ParagraphLike;
  declare private readonly s: ScannedText;
  /** The ends of the figures that bound its name, sorted. */
  declare private readonly ends: readonly number[];
  declare private readonly names: NameIndex;
  declare private named: { label: string; full: string } | undefined;
  declare private contextText: string | undefined;
  declare private quoted: string | undefined;

  constructor(amount: M, para: number, p: ParagraphLike, s: ScannedText, depth: number, ends: readonly number[], names: NameIndex) {
    const words = wordsBefore(s.norm, amount.nStart);
    this.amount = amount;
    this.para = para;
    this.ref = p.ref;
    this.sum = words.sum;
    this.depth = depth;
    this.total = words.total;
    this.cumulative = words.cumulative;
    this.twinOf = undefined;
    this.derived = false;
    this.contextFrom = 0;
    this.contextTo = 0;
    this.p = p;
    this.s = s;
    this.ends = ends;
    this.names = names;
    this.named = undefined;
    this.contextText = undefined;
    this.quoted = undefined;
  }

  private nameOf(): { label: string; full: string } {
    this.named ??= itemName(this.s.norm, this.amount.nStart, lastAtOrBefore(this.ends, this.amount.nStart), this.names);
    return this.named;
  }

  get label(): string {
    return this.nameOf().label;
  }

  get name(): string {
    return this.nameOf().full;
  }

  get context(): string {
    this.contextText ??= contextKey(this.s.norm.slice(this.contextFrom, this.contextTo));
    return this.contextText;
  }

  set context(value: string) {
    this.contextText = value;
  }

  get clause(): string {
    this.quoted ??= clauseOf(this.p.text, this.s, this.amount);
    return this.quoted;
  }
}

/** The words around a figure, common to amounts and quantities. */
function locate<M extends { readonly nStart: number; readonly offset: number; readonly length: number }>(
  amount: M,
  para: number,
  p: ParagraphLike,
  s: ScannedText,
  shape: ParagraphShape,
  figureEnds: readonly number[],
  names: NameIndex,
): LocatedFigure<M> {
  checkpoint(); // one figure's words: work bounded by its paragraph
  return new LocatedFigure(amount, para, p, s, shape.depth[amount.nStart] ?? 0, figureEnds, names);
}

/**
 * Sets each figure's context, what tells it apart besides its name: the words that lead its stretch
 * of text (from a semicolon, a full stop or a list's lead word to the stretch's first figure). A
 * figure after another in one stretch describes that one's item (`…补助资金115.26万元，受益学生18862人；`);
 * the words before a stretch's first figure say which item it is (`2024年3月开工，完成投资3000万元`).
 * The stretch is kept; its words are read into a key when the context is asked for.
 */
/** `;；。!?！？`: what ends a stretch. */
export function endsStretch(c: number): boolean {
  return c === 0x3b || c === 0xff1b || c === 0x3002 || c === 0x21 || c === 0x3f || c === 0xff01 || c === 0xff1f;
}

function setContexts(here: readonly LocatedFigure<ScannedAmount | ScannedQuantity>[], shape: ParagraphShape): void {
  const sorted = [...here].sort((a, b) => a.amount.nStart - b.amount.nStart);
  // one pass: where the current stretch starts, and its first figure
  let from = 0;
  let k = 0;
  let head: (typeof sorted)[number] | undefined;
  // the lead words at depth 0, by end (markers do not overlap: their ends rise); m: the first not yet passed
  const leads = shape.markers.filter((mk) => mk.depth === 0);
  let m = 0;
  for (const x of sorted) {
    for (; k < x.amount.nStart; k++) {
      if (shape.depth[k] === 0 && endsStretch(shape.norm.charCodeAt(k))) {
        from = k + 1;
        head = undefined;
      }
    }
    // the last lead word ending at or before the figure starts its stretch, if it ends after `from`
    while (m < leads.length && leads[m]!.end <= x.amount.nStart) m++;
    if (m > 0 && leads[m - 1]!.end > from) {
      from = leads[m - 1]!.end;
      head = undefined;
    }
    if (head === undefined && x.depth === 0) head = x;
    x.contextFrom = from;
    x.contextTo = (head ?? x).amount.nStart;
  }
}

/** Words as a key: without numbering, years, punctuation and spaces. */
function contextKey(text: string): string {
  return text
    .trim()
    .replace(/^(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+、)/u, '')
    .replace(/\d{4}年度?/gu, '')
    .replace(/[\s,，、:：;；。.]/gu, '');
}

/** Qualifiers that make a figure a bound or a comparison (首次超过5亿元, 不少于300人), not a stated amount. */
const BOUND = new Set(['超过', '逾', '不少于', '不低于', '不超过', '不高于', '不足']);

function entryOf(
  a: Located<{ readonly nStart: number; readonly nEnd: number; readonly qualifier?: string | undefined }>,
  family: string,
  also: string,
  holds: string,
  per: string | undefined,
  range: { lo: number; hi: number },
  approximate: boolean,
  countable: boolean,
): Entry {
  return {
    para: a.para,
    nStart: a.amount.nStart,
    nEnd: a.amount.nEnd,
    family,
    also,
    holds,
    per: per ?? '',
    lo: range.lo,
    hi: range.hi,
    approximate,
    bound: a.amount.qualifier !== undefined && BOUND.has(a.amount.qualifier),
    total: a.total,
    sum: a.sum,
    cumulative: a.cumulative,
    countable,
    named: a,
  };
}

/** Analyses paragraphs (one section, usually) for amounts, quantities, totals, enumerations, calculations and the stated amount. */
export function analyseAmounts(paragraphs: readonly ParagraphLike[], declared?: readonly (MoneyUnit | undefined)[]): AmountAnalysis {
  const scans = paragraphs.map((p, i) => scanText(p.text, declared?.[i]));
  // the shapes (parentheses, list markers) matter only around figures: most sections hold none
  const shapes = scans.some((s) => s.amounts.length > 0 || s.quantities.length > 0) ? scans.map((s) => shapeOf(s.norm)) : [];
  const amounts: LocatedAmount[] = [];
  const quantities: LocatedQuantity[] = [];
  const calculations: Calculation[] = [];
  scans.forEach((s, para) => {
    const p = paragraphs[para]!;
    const shape = shapes[para]!;
    if (s.amounts.length > 0 || s.quantities.length > 0) {
      // a money item's name runs back to the figure before it; a count may be part of it (`8月发放54、55期教师课酬15.2万元`)
      const measures = s.quantities.filter((q) => !q.family.startsWith('count:')).map((q) => q.nEnd);
      const moneyEnds = [...s.amounts.map((a) => a.nEnd), ...measures];
      const allEnds = [...moneyEnds, ...s.quantities.filter((q) => q.family.startsWith('count:')).map((q) => q.nEnd)];
      moneyEnds.sort((x, y) => x - y);
      allEnds.sort((x, y) => x - y);
      const names = new NameIndex(s.norm);
      const here = [
        ...s.amounts.map((a) => locate(a, para, p, s, shape, moneyEnds, names)),
        ...s.quantities.map((q) => locate(q, para, p, s, shape, allEnds, names)),
      ];
      setContexts(here, shape);
      amounts.push(...(here.filter((x) => 'fen' in x.amount) as LocatedAmount[]));
      quantities.push(...(here.filter((x) => !('fen' in x.amount)) as LocatedQuantity[]));
    }
    if (s.norm.includes('=')) calculations.push(...findCalculations(s.norm, p.text, s.map, para, p.ref));
  });

  // twins: 大写 and its figure (or one figure restating another) side by side
  for (let i = 0; i + 1 < amounts.length; i++) {
    const a = amounts[i]!;
    const b = amounts[i + 1]!;
    if (a.para !== b.para) continue;
    const between = scans[a.para]!.norm.slice(a.amount.nEnd, b.amount.nStart);
    if (between.length > 12 || !/^[\s()（）:：]*(?:小写|大写)?[\s:：]*(?:人民币)?[\s:：]*$/u.test(between)) continue;
    const upper = a.amount.form === 'uppercase' || b.amount.form === 'uppercase';
    const paren = /[(（]/u.test(between);
    if (upper || (paren && sameRange(a.amount, b.amount))) b.twinOf = i;
  }

  // calculations: every money amount inside one is derived, except its principal; every count is a factor
  for (const c of calculations) {
    const within = (a: Located<{ readonly nStart: number; readonly nEnd: number }>): boolean =>
      a.para === c.para && a.amount.nStart >= c.nStart - 4 && a.amount.nEnd <= c.nEnd + 4;
    for (const q of quantities) if (within(q)) q.derived = true;
    const inside = amounts.map((a, i) => ({ a, i })).filter(({ a }) => within(a));
    if (inside.length === 0) continue;
    const divisionOnly = c.ops.every((o) => o === '÷');
    const principal = divisionOnly ? inside[0]! : c.result.dim === 1 ? inside[inside.length - 1]! : inside[0]!;
    for (const x of inside) if (x.i !== principal.i) x.a.derived = true;
  }

  const countable = (i: number): boolean => {
    const a = amounts[i]!;
    return a.twinOf === undefined && !a.derived;
  };

  const moneyInput = {
    entries: amounts.map((a, i) => entryOf(a, 'money', '', '', a.amount.per, amountRange(a.amount), a.amount.approximate, countable(i))),
    shapes,
    depthOf: (i: number) => amounts[i]!.depth,
  };
  const quantityInput = {
    entries: quantities.map((q) =>
      entryOf(
        q,
        q.amount.family,
        q.amount.also ?? '',
        q.amount.holds ?? '',
        q.amount.per,
        measureRange(q.amount),
        q.amount.approximate,
        !q.derived,
      ),
    ),
    shapes,
    depthOf: (i: number) => quantities[i]!.depth,
  };
  const { structures } = findStructures(moneyInput);
  const { structures: quantityStructures, itemCounts } = findStructures(quantityInput);
  const lists = findEnumerations(moneyInput, structures);
  const quantityLists = findEnumerations(quantityInput, quantityStructures);

  // the section's own amount leaves out other projects' money (此外，15个其他教育民生项目…，计划投资6143.61万元)
  const others = otherProjectsAmounts(amounts, scans);
  const own = (i: number): boolean => countable(i) && !others.has(i);
  const ownStructures = others.size === 0 ? structures : structures.filter((st) => !others.has(st.total));
  const stated0 = statedAmount(amounts, ownStructures, own);
  const running = stated0 && runningTotal(amounts, ownStructures, own);
  const stated =
    stated0 &&
    (running
      ? {
          ...running.stated,
          alternatives: [...alternativesOf(amounts, own), { lo: stated0.lo, hi: stated0.hi }, ...running.alternatives],
        }
      : { ...stated0, alternatives: alternativesOf(amounts, own) });
  return {
    paragraphs,
    scans,
    amounts,
    structures,
    lists,
    quantities,
    quantityStructures,
    quantityLists,
    itemCounts,
    calculations,
    ...(stated !== undefined && { stated }),
  };
}

/**
 * Other projects named in a sentence (`其他教育民生项目`, `其它项目`, not a budget line such as `其他项目支出`): the
 * amounts after them in that sentence are those projects' money, not this project's (余庆, real text: 此外，15个其他
 * 教育民生项目主体完工，计划投资6143.61万元；9个正在推进，计划投资88739.21万元…).
 */
const OTHER_PROJECTS = /其[他它][\u4e00-\u9fff]{0,10}?项目(?!支出|经费|资金|费)/u;
function otherProjectsAmounts(amounts: readonly LocatedAmount[], scans: readonly ScannedText[]): Set<number> {
  const out = new Set<number>();
  amounts.forEach((a, i) => {
    const norm = scans[a.para]!.norm;
    if (!norm.includes('项目')) return;
    const from = Math.max(norm.lastIndexOf('。', a.amount.nStart - 1), norm.lastIndexOf('\n', a.amount.nStart - 1)) + 1;
    if (OTHER_PROJECTS.test(norm.slice(from, a.amount.nStart))) out.add(i);
  });
  return out;
}

/**
 * Amounts with running totals among them (`截至6月底累计拨付60万元，12月底前累计拨付120万元`): a
 * cumulative amount replaces what came before it, a plain one after it adds to it. The last
 * cumulative figure alone is another reading. Undefined when no flat amount is cumulative or a
 * total with its parts states the amount.
 */
function runningTotal(
  amounts: readonly LocatedAmount[],
  structures: readonly TotalStructure[],
  countable: (i: number) => boolean,
): { stated: Omit<StatedAmount, 'alternatives'>; alternatives: { lo: number; hi: number }[] } | undefined {
  const partSet = new Set(structures.flatMap((s) => s.parts));
  if (structures.some((s) => !partSet.has(s.total) && amounts[s.total]!.amount.per === undefined)) return undefined;
  const flat = amounts.map((_, i) => i).filter((i) => countable(i) && amounts[i]!.amount.per === undefined && !partSet.has(i));
  const lastCum = flat.reduce((last, i) => (amounts[i]!.cumulative ? i : last), -1);
  if (lastCum < 0 || flat.length < 2) return undefined;
  const used = flat.filter((i) => i >= lastCum);
  const r = rangeOf(amounts, used);
  const src = amounts[lastCum]!;
  const cum = amountRange(src.amount);
  const stated: Omit<StatedAmount, 'alternatives'> =
    used.length === 1
      ? {
          fen: r.fen,
          lo: r.lo,
          hi: r.hi,
          approximate: src.amount.approximate,
          unit: src.amount.unit,
          kind: 'total',
          source: lastCum,
          parts: [],
          ref: src.ref,
        }
      : {
          fen: r.fen,
          lo: r.lo,
          hi: r.hi,
          approximate: used.some((i) => amounts[i]!.amount.approximate),
          unit: dominantUnit(used.map((i) => amounts[i]!.amount)),
          kind: 'sum',
          parts: used,
          ref: src.ref,
        };
  return { stated, alternatives: [cum] };
}

/** Other readings: every distinct total, and any amount that equals the sum of all the others. */
function alternativesOf(amounts: readonly LocatedAmount[], countable: (i: number) => boolean): { lo: number; hi: number }[] {
  const flat = amounts.map((_, i) => i).filter((i) => countable(i) && amounts[i]!.amount.per === undefined);
  const out: { lo: number; hi: number }[] = [];
  for (const i of flat) if (amounts[i]!.total !== null) out.push(amountRange(amounts[i]!.amount));
  const sum = flat.reduce((s, i) => s + amounts[i]!.amount.fen, 0);
  for (const i of flat) if (flat.length >= 3 && amounts[i]!.amount.fen * 2 === sum) out.push(amountRange(amounts[i]!.amount));
  return out;
}

function statedAmount(
  amounts: readonly LocatedAmount[],
  structures: readonly TotalStructure[],
  countable: (i: number) => boolean,
): Omit<StatedAmount, 'alternatives'> | undefined {
  const idx = amounts.map((_, i) => i).filter(countable);
  if (idx.length === 0) return undefined;
  const partSet = new Set(structures.flatMap((s) => s.parts));
  const single = (i: number, kind: StatedAmount['kind'], parts: readonly number[] = []): Omit<StatedAmount, 'alternatives'> => {
    const a = amounts[i]!;
    const r = amountRange(a.amount);
    return {
      fen: a.amount.fen,
      lo: r.lo,
      hi: r.hi,
      approximate: a.amount.approximate,
      unit: a.amount.unit,
      ...(a.amount.per !== undefined && { per: a.amount.per }),
      kind,
      source: i,
      parts,
      ref: a.ref,
    };
  };
  // 1. a total with its parts
  const top = structures.find((s) => !partSet.has(s.total) && amounts[s.total]!.amount.per === undefined);
  if (top) return single(top.total, 'total', top.parts);
  const flat = idx.filter((i) => amounts[i]!.amount.per === undefined);
  if (flat.length === 0) {
    const rate = idx[0]!;
    return single(rate, 'rate');
  }
  // 2. one stated total (a total restated with the same value counts once)
  const totals = flat.filter((i) => amounts[i]!.total !== null);
  const distinct = [...new Set(totals.map((i) => amounts[i]!.amount.fen))];
  if (totals.length > 0 && distinct.length === 1) {
    const others = flat.filter((i) => amounts[i]!.total === null);
    if (others.length === 0) return single(totals[0]!, 'total');
    // a total among items: it is the total when it is not one of several parallel items
    if (totals.length === 1 && amounts[totals[0]!]!.total === 'strong') return single(totals[0]!, 'total', others);
    if (totals.length === 1 && others.every((o) => amounts[o]!.amount.fen < amounts[totals[0]!]!.amount.fen))
      return single(totals[0]!, 'total', others);
  }
  if (flat.length === 1) return single(flat[0]!, 'single');
  const sumAll = flat.reduce((sum, i) => sum + amounts[i]!.amount.fen, 0);
  // 4. the sum of the items
  let lo = 0;
  let hi = 0;
  for (const i of flat) {
    const r = amountRange(amounts[i]!.amount);
    lo += r.lo;
    hi += r.hi;
  }
  const first = amounts[flat[0]!]!;
  return {
    fen: sumAll,
    lo,
    hi,
    approximate: flat.some((i) => amounts[i]!.amount.approximate),
    unit: dominantUnit(flat.map((i) => amounts[i]!.amount)),
    kind: 'sum',
    parts: flat,
    ref: first.ref,
  };
}

/** A value range with the precision it is written in. */
export interface Precise {
  readonly lo: number;
  readonly hi: number;
  /** Fen of one step of the last written digit (123.46万元 → 10 000 fen = 0.01万元). */
  readonly step: number;
  /** Written with decimals of its unit (123.46万元, ¥1,234.50): a rounded figure. */
  readonly rounded: boolean;
}

/** The precision of amounts: the coarsest step among them, and whether that one is written with decimals. */
export function precisionOfAmounts(list: readonly Pick<ScannedAmount, 'precisionFen' | 'unit'>[]): { step: number; rounded: boolean } {
  let step = 0;
  let rounded = false;
  for (const a of list) {
    if (a.precisionFen > step) {
      step = a.precisionFen;
      rounded = a.precisionFen < UNIT_FEN[a.unit];
    }
  }
  return { step, rounded };
}

/** The precision a stated amount is written in (its source amount, or the coarsest of its items). */
export function precisionOfStated(
  an: Pick<AmountAnalysis, 'amounts'>,
  s: Pick<StatedAmount, 'source' | 'parts'>,
): { step: number; rounded: boolean } {
  const idx = s.source !== undefined ? [s.source] : s.parts;
  return precisionOfAmounts(idx.map((i) => an.amounts[i]!.amount));
}

function roundTo(fen: number, step: number): number {
  return Math.floor((fen + Math.floor(step / 2)) / step) * step;
}

/**
 * Two amounts agree at the precision of the coarser one: when one is a rounded figure (written with
 * decimals: 123.46万元, precise to 0.01万元) and the other is written more finely (¥1,234,567.89),
 * the finer one, rounded to that step (half up), must fall in the coarser one's range. A whole
 * number of its unit (100万元) is taken as exact: budgets are set in whole 万元, so 100.4万元 does not
 * agree with 100万元.
 */
export function agreeAtPrecision(a: Precise, b: Precise): boolean {
  if (a.lo <= b.hi && b.lo <= a.hi) return true;
  const [coarse, fine] = a.step >= b.step ? [a, b] : [b, a];
  if (!coarse.rounded || coarse.step <= fine.step || coarse.step <= 1) return false;
  return roundTo(fine.lo, coarse.step) <= coarse.hi && coarse.lo <= roundTo(fine.hi, coarse.step);
}

/** Sum of the ranges of some amounts. */
export function rangeOf(amounts: readonly LocatedAmount[], idx: readonly number[]): { lo: number; hi: number; fen: number } {
  let lo = 0;
  let hi = 0;
  let fen = 0;
  for (const i of idx) {
    const a = amounts[i]!.amount;
    const r = amountRange(a);
    lo += r.lo;
    hi += r.hi;
    fen += a.fen;
  }
  return { lo, hi, fen };
}

/** `考务费40万元+培训费4万元` (zh) — the items with their names, amounts in their written unit. */
export function describeParts(
  amounts: readonly LocatedAmount[],
  idx: readonly number[],
  max = 8,
  options: { readonly group?: boolean } = {},
): string {
  return joinParts(idx, max, (i) => {
    const a = amounts[i]!;
    return `${spaced(a.label)}${formatMoney(a.amount.fen, a.amount.unit, options)}${a.amount.per ? `/${a.amount.per}` : ''}`;
  });
}

/** `教学楼2100平方米+宿舍1800平方米` — counts, areas… with their names, each in its written unit. */
export function describeQuantityParts(quantities: readonly LocatedQuantity[], idx: readonly number[], max = 8): string {
  return joinParts(idx, max, (i) => {
    const q = quantities[i]!;
    return `${spaced(q.label)}${formatQuantity(q.amount.value, q.amount.unit, q.amount.factor)}`;
  });
}

/** A name ending in its item's number (`项目1`) is kept apart from the figure after it: `项目1 150万元`, not `项目1150万元`. */
function spaced(label: string): string {
  return /\d$/u.test(label) ? `${label} ` : label;
}

function joinParts(idx: readonly number[], max: number, one: (i: number) => string): string {
  return idx.slice(0, max).map(one).join('+') + (idx.length > max ? '+…' : '');
}

/** Formats a stated amount: `52万元`, `15万元/县·年`. */
export function formatStated(s: Pick<StatedAmount, 'fen' | 'unit' | 'per'>, options: { readonly group?: boolean } = {}): string {
  return `${formatMoney(s.fen, s.unit, options)}${s.per ? `/${s.per}` : ''}`;
}

/** A section's text as paragraphs: its paragraphs, then the cells of the other tables under it. */
export function sectionParagraphs(section: Section): ParagraphLike[] {
  const out: ParagraphLike[] = [...section.paragraphs];
  for (const t of section.otherTables ?? []) for (const row of t.rows) out.push(...row);
  return out;
}

const CACHE = new WeakMap<Section, AmountAnalysis>();

/** A unit declared for the figures below: `（单位：万元）`, `（万元）`, `单位：元`. */
const DECLARED_UNIT = /[(（]\s*(?:单位\s*[:：]\s*)?(万元|元|亿元)\s*[)）]|单位\s*[:：]\s*(万元|元|亿元)/u;
/** A paragraph that is only such a declaration (a caption): `单位：万元`, `（单位：元）`. */
const CAPTION = /^\s*[(（]?\s*(?:金额)?单位\s*[:：]\s*(万元|元|亿元)\s*[)）]?\s*$/u;

/** The unit a heading declares for its section's figures (`六、资金安排情况（单位：万元）`), if any. */
export function declaredUnit(headingText: string): MoneyUnit | undefined {
  // a long line is a heading with its content after it: a unit in the content is not declared for the section
  if (headingText.length > 40) return undefined;
  const m = DECLARED_UNIT.exec(headingText);
  return m ? ((m[1] ?? m[2]) as MoneyUnit) : undefined;
}

/**
 * The unit declared over each of a section's paragraphs: the heading's, or a caption's above it in
 * the section (a table's cells never take it: their unit is their column's). Undefined when none is.
 */
function declaredUnits(section: Section): (MoneyUnit | undefined)[] | undefined {
  let unit = declaredUnit(section.headingText);
  let any = unit !== undefined;
  const out = section.paragraphs.map((p) => {
    const c = p.text.length <= 16 ? CAPTION.exec(p.text) : null;
    if (c) {
      unit = c[1] as MoneyUnit;
      any = true;
    }
    return unit;
  });
  return any ? out : undefined;
}

/** `analyseAmounts` of a section's paragraphs (and other tables), computed once per section object. */
export function analyseSection(section: Section): AmountAnalysis {
  let a = CACHE.get(section);
  if (!a) {
    a = analyseAmounts(sectionParagraphs(section), declaredUnits(section));
    CACHE.set(section, a);
  }
  return a;
}

/** A column of a small table under a heading: its 合计 and the sum of its other rows. */
export interface ColumnTotal<Unit extends string = string> {
  /** The column's header, e.g. `金额（万元）`, `建筑面积（平方米）`. */
  readonly column: string;
  readonly unit: Unit;
  /** The 合计 cell's value and place. */
  readonly total: number;
  readonly ref: CellRef;
  /** The sum of the other rows, and how many rows hold a value. */
  readonly sum: number;
  readonly rows: number;
}

export type MoneyTableTotal = ColumnTotal<MoneyUnit>;

const TOTAL_LABEL = /^\s*(?:合\s*计|总\s*计|共\s*计)/u;

/**
 * The columns of the small tables under a heading (a header row, then rows with one 合计 row first or
 * last): for each column whose header `unitOf` gives a unit, its 合计 and the sum of its rows, each
 * cell read by `valueOf` (null: not a figure of that unit). The header row is the first row with a
 * header `unitOf` reads. Tables with 小计 rows, and columns holding text that is not a figure, are left out.
 */
export function tableColumnTotals<Unit extends string>(
  section: Section,
  unitOf: (header: string) => Unit | null,
  valueOf: (text: string, unit: Unit) => number | null,
): ColumnTotal<Unit>[] {
  const out: ColumnTotal<Unit>[] = [];
  for (const t of section.otherTables ?? []) {
    const rows = t.rows.filter((r) => r.length > 0);
    const headerIdx = rows.findIndex((r) => r.some((c) => unitOf(c.text) !== null));
    if (headerIdx < 0) continue;
    const label = (r: readonly Paragraph[]): string => [...r].sort((a, b) => a.ref.col - b.ref.col)[0]?.text ?? '';
    const body = rows.slice(headerIdx + 1);
    if (body.some((r) => /^\s*小\s*计/u.test(label(r)))) continue;
    const totals = body.filter((r) => TOTAL_LABEL.test(label(r)));
    if (totals.length !== 1) continue;
    const totalRow = totals[0]!;
    for (const head of rows[headerIdx]!) {
      const unit = unitOf(head.text);
      if (unit === null) continue;
      const col = head.ref.col;
      const cellValue = (r: readonly Paragraph[]): number | null | 'bad' => {
        const cell = r.find((c) => c.ref.col === col);
        if (!cell || cell.text.trim() === '') return null;
        return valueOf(cell.text.trim(), unit) ?? 'bad';
      };
      const total = cellValue(totalRow);
      if (typeof total !== 'number') continue;
      let sum = 0;
      let n = 0;
      let bad = false;
      for (const r of body) {
        if (r === totalRow) continue;
        const v = cellValue(r);
        if (v === 'bad') bad = true;
        else if (v !== null) {
          sum += v;
          n++;
        }
      }
      if (bad) continue;
      out.push({ column: head.text.trim(), unit, total, ref: totalRow.find((c) => c.ref.col === col)!.ref, sum, rows: n });
    }
  }
  return out;
}

/** The money columns (a header naming 元, 万元 or 亿元) of the small tables under a heading, in fen. */
export function moneyTableTotals(section: Section): MoneyTableTotal[] {
  return tableColumnTotals<MoneyUnit>(
    section,
    (header) => (header.includes('万元') ? '万元' : header.includes('亿元') ? '亿元' : header.includes('元') ? '元' : null),
    (text, unit) => {
      const m = parseMoney(`${text}${unit}`);
      return m.ok && m.value.form !== 'uppercase' ? m.value.fen : null;
    },
  );
}
