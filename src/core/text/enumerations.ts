/**
 * How a text lists quantities: which figure is a stated total and which are its parts, what each
 * item is called, and which figures form one enumeration. Works on any quantity with a unit (money,
 * counts, areas, lengths): a total is compared only with parts of its own family. Used by the
 * amount analysis (amount-statements.ts); pure text analysis, no rule logic. See docs/money.md.
 *
 * A total needs no keyword: the figure a 其中/分别为/具体为 list follows is the total of that list
 * (`下达…资金N万元，…其中：…`, `食堂22个，建筑面积5000多平方米，其中新建5个…`). The list ends with its
 * sentence, its parenthesis, a stronger separator than the one between its items, a clause that
 * reports progress (`目前已下达…`), or another breakdown.
 */

import { parseChineseNumeral } from './numerals';

/** One figure of a text, whatever it measures, as the structure finder needs it. */
export interface Entry {
  readonly para: number;
  /** Span in the normalised paragraph. */
  readonly nStart: number;
  readonly nEnd: number;
  /** `money`, `area`, `count:个`…: totals and parts compare within one family. */
  readonly family: string;
  /** A second family it is a part of ('' for none): a count of projects in 个 (`续建工程1个`) is one of the things in 个. */
  readonly also: string;
  /** A second family whose parts it holds as a total ('' for none): a count of work (`改造5个`), of projects or of things. */
  readonly holds: string;
  /** A rate's unit (`人`, `县·年`), '' for a plain figure: rates compare only with the same rate. */
  readonly per: string;
  /** The range the figure stands for, in its family's exact integer units. */
  readonly lo: number;
  readonly hi: number;
  /** Whether it is exact (an approximate total is compared at its precision through lo/hi). */
  readonly approximate: boolean;
  /** A bound or a comparison (`首次超过5亿元`, `不少于300人`): never the total a list starting a sentence refers to. */
  readonly bound: boolean;
  readonly total: 'strong' | 'weak' | null;
  /** A summing word (合计, 共计, 总计, 共) stands right before it. */
  readonly sum: boolean;
  readonly cumulative: boolean;
  /** Counted (not the figure beside a 大写 amount, not a factor of a written calculation). */
  readonly countable: boolean;
  /** The figure, for its item's name (read only for the parts of a total: costly, see itemName). */
  readonly named: { readonly name: string };
}

export interface TotalStructure {
  /** Index of the stated total. */
  readonly total: number;
  /** Indices of its listed parts. */
  readonly parts: readonly number[];
  readonly kind: 'total-then-parts' | 'parts-then-total';
  /**
   * What the parts claim to be: `all` of the total (a 其中/分别为 list of two or more, a 合计 after
   * its items); `some` of it (`包括…等`, a 其中 naming one notable part); or its `sources`, a 其中：
   * list of funding sources, which accounts for the whole total even with one source.
   */
  readonly scope: 'all' | 'some' | 'sources';
}

/** A stated count followed by the names it counts (`改扩建幼儿园7所，分别为A、B、…`). */
export interface ItemCount {
  readonly total: number;
  readonly items: readonly string[];
}

/** A normalised paragraph and what the finder needs to know of it, computed once. */
export interface ParagraphShape {
  readonly norm: string;
  /** Parenthesis depth of each character (a `(` and its `)` sit at the outer depth). */
  readonly depth: Uint8Array;
  readonly markers: readonly Marker[];
  /** The paragraph opens with a list number (`（一）`, `1.`, `一、`). */
  readonly numbered: boolean;
}

export interface Marker {
  readonly index: number;
  readonly end: number;
  readonly word: string;
  readonly depth: number;
}

/**
 * `…1000套改造提升任务中，涪城99套、…` opens a list like 其中; `…的项目建设中，` / `…实施过程中，` (during the work) does not:
 * what follows is progress (已完成投资120万元，支付100万元), not parts; nor does a date's (`2024年中，`, `6月中，`,
 * `2024年度计划中，`): the digits before 中 must be a figure's.
 */
const MARKER =
  /(按照?[\u4e00-\u9fff]{2,8}?划分(?=[,，:：])|其中|(?<=\d[\u4e00-\u9fff]{1,12})(?<!\d[年月日号季期批][\u4e00-\u9fff]{0,11})(?<!过程|建设|实施|推进|施工|执行|进行|开展|运行|使用|管理|工作)中(?=[,，:：])|(?<=\d[\u4e00-\u9fff]{2,12})中(?=\d{4}年)|分别为|分别是|分别用于|分别安排|分布在|分布于|具体为|具体是|具体如下|明细如下|主要用于|主要包括|主要是|主要为|重点用于|包括|包含|用于|资金来源为|资金来源[:：]|来源为|在这笔资金中|(?<=[(（])含)/gu;
/**
 * `按照办学层次划分，幼儿园153所、小学180所…；按照建设性质划分，新建305所、改扩建125所` (西安, real text): each names one
 * whole split of a total stated before it (in its sentence before the marker, else the sentence before), several splits
 * of one total in a row.
 */
const SPLIT_BY = /^按照?[\u4e00-\u9fff]{2,8}划分$/u;
/** A list after these names only some of the total. */
const PARTIAL = /^(?:包括|包含|含|主要用于|主要包括|主要是|主要为|重点用于)$/u;
/** Markers that, right after a part, open that part's own breakdown (本年收入6128.16万元，主要是…；上年结转…). */
const NESTED = /^(?:其中|主要是|主要为)$/u;
/** A list after these names the total's sources. */
const SOURCE_MARKER = /^(?:资金来源为|资金来源[:：]|来源为)$/u;
/** Breakdowns other than 其中: one after a list's parts starts another list. */
const OTHER_BREAKDOWN = /^(?:分别|具体|明细|主要用于|重点用于|用于)/u;
export const NUMBERED = /^(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+、)/u;
/**
 * Words before a total that announce several items, one a paragraph (`下拨多笔…资金合计8525万元`); not 以下/如下/下列 naming
 * what the total follows (`按以下标准`, `根据下列文件`) or a bound (`50万元以下的项目`).
 */
const ANNOUNCES =
  /多笔|多项|数笔|几笔|(?<![\d元万亿米人所个项套台])以下(?!标准|文件|原则|要求|规定|条件|方式|程序|精神|政策|办法|通知|依据)|(?:如下|下列)(?!标准|文件|原则|要求|规定|条件|方式|程序|精神|政策|办法|通知|依据)/u;
/**
 * A clause naming a part of what was counted, or work done to them (部分, 维修, 改造…): a 其中 after it breaks down
 * those, not the count before it.
 */
const SUBSET_CLAUSE = /部分|一些|若干|个别|少数|多数|维修|改造|新建|扩建|改建|建设|实施|资助|补助|购置|采购|配备/u;
/** Markers that open a list of their own. */
const LIST_HEAD = /^(?:其中|分别为|分别是|具体为|具体是)/u;
/** A clause that reports progress or a remainder, not another part (`目前已下达123.01亿元`). */
const STOP_CLAUSE = /^(?:目前|现已|已经|已|截至|截止|实际|尚|还有|剩余|结余|余款|占|较|比上年|同比|完成|累计|加上|此外|全部|均)/u;
/** A funding source named as an item (`区级财政安排资金`, `中央资金`, `上级`, `自筹`; the autonomous regions' `自治区补助`, `盟级资金`, `旗级财政`). */
const SOURCE_LABEL =
  /^(?:中央|省|省级|自治区|市|市级|州|州级|州市|盟|县|县级|旗|区|区级|县区|旗县|乡镇|本级|上级|地方|部门|单位)(?:财政|级|本级)?(?:财政|资金|补助|配套|专项|预算内|承担|投入|安排|拨款|下达|自筹|负担|直达|转移支付|债券|资金)|财政|自筹|配套|专项债|债券|捐赠|捐资|自有资金|贷款|上年结转|结转资金|社会资本|^(?:中央|省级|自治区|自治区级|市级|州级|盟级|县级|旗级|区级|本级|上级|地方)$/u;

/** Builds the shape of a normalised paragraph: depths and markers (adjacent markers merged: `其中用于`). */
export function shapeOf(norm: string): ParagraphShape {
  const depth = /[()（）]/u.test(norm) ? depthsOf(norm) : zeros(norm.length);
  const markers: Marker[] = [];
  if (/其中|中[,，:：]|分别|分布|具体|明细|包|用于|来源|这笔|含|主要|划分/u.test(norm)) {
    MARKER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MARKER.exec(norm)) !== null) {
      const last = markers[markers.length - 1];
      if (last?.end === m.index) {
        markers[markers.length - 1] = { ...last, end: m.index + m[0].length };
        continue;
      }
      markers.push({ index: m.index, end: m.index + m[0].length, word: m[1]!, depth: depth[m.index] ?? 0 });
    }
  }
  if (/[(（]/u.test(norm)) bracketMarkers(norm, depth, markers);
  return { norm, depth, markers, numbered: NUMBERED.test(norm.trimStart()) };
}

/** What may end a figure with its unit right before a bracket (`854万(`, `5000平方米（`, `12所（`). */
const UNIT_END = /[\d元万亿米人所个项间套台亩名座栋幢处]$/u;
/**
 * A bracket that compares or restates, not a breakdown (`（比上年增加10万元）`, `（大写：…）`, `（每生…）`), or gives other
 * versions of the amount or more money beside it (`（调整前100万元，调整后120万元）`, `（批复…，结算…）`, `（另有自筹…）`).
 */
const NOT_BREAKDOWN =
  /上年|去年|同比|比|较|增长|增加|减少|下降|占|大写|小写|每|平均|约|其中|含|包括|包含|分别|具体|主要|用于|来源|合计|共计|总计|小计|累计|已|尚|剩余|调整|调增|调减|原|另|批复|结算|决算|审定|审计|中标|合同|概算|估算|实际|\//u;
const DIGIT_RUNS = /\d+(?:\.\d+)?/gu;

/**
 * A bracket right after a figure holding two or more figures and nothing that compares or restates
 * (`854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)`): a breakdown like `（其中…）`, read through a
 * marker of its own (word `（`) at the bracket's start. Markers stay in position order.
 */
function bracketMarkers(norm: string, depth: Uint8Array, markers: Marker[]): void {
  const added: Marker[] = [];
  for (let i = 1; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c !== 0x28 && c !== 0xff08) continue;
    let b = i;
    while (b > 0 && isSpace(norm.charCodeAt(b - 1))) b--;
    if (!UNIT_END.test(norm.slice(Math.max(0, b - 1), b))) continue;
    const d = depth[i]!;
    let close = i + 1;
    // a long (or unclosed) bracket is no breakdown: the walk stops there
    while (close < norm.length && close - i <= 200 && depth[close]! > d) close++;
    const inside = norm.slice(i + 1, close);
    if (close - i > 200 || NOT_BREAKDOWN.test(inside) || (inside.match(DIGIT_RUNS) ?? []).length < 2) continue;
    if (markers.some((mk) => mk.index >= i + 1 && mk.index < close)) continue;
    added.push({ index: i + 1, end: i + 1, word: '（', depth: depth[i + 1] ?? d + 1 });
  }
  if (added.length === 0) return;
  markers.push(...added);
  markers.sort((x, y) => x.index - y.index);
}

function depthsOf(norm: string): Uint8Array {
  const depth = new Uint8Array(norm.length);
  let d = 0;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x29 || c === 0xff09) d = Math.max(0, d - 1);
    depth[i] = d;
    if (c === 0x28 || c === 0xff08) d = Math.min(255, d + 1);
  }
  return depth;
}

/** One shared, never written array of zeros for the paragraphs without parentheses (most of them). */
let ZEROS = new Uint8Array(1024);
function zeros(n: number): Uint8Array {
  if (n > ZEROS.length) ZEROS = new Uint8Array(Math.max(n, ZEROS.length * 2));
  return ZEROS;
}

/** Start of the parenthesised group holding position i at depth d (0 for depth 0). */
function groupStart(s: ParagraphShape, i: number, d: number): number {
  if (d === 0) return 0;
  let k = i - 1;
  while (k >= 0 && s.depth[k]! >= d) k--;
  return k + 1;
}

/** End (exclusive) of the group holding position i at depth d. */
function groupEnd(s: ParagraphShape, i: number, d: number): number {
  let k = i;
  while (k < s.norm.length && s.depth[k]! >= d && !(d > 0 && s.depth[k] === d - 1)) k++;
  return k;
}

/** `。!?！？`: the characters that end a sentence. */
export function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0xff01 || c === 0xff1f;
}

/** Whether a paragraph ends its sentence (its last non-blank character is 。！？；), or is blank. */
function closesSentence(norm: string): boolean {
  const t = norm.trimEnd();
  if (t === '') return true;
  const c = t.charCodeAt(t.length - 1);
  return endsSentence(c) || c === 0x3b || c === 0xff1b;
}

/**
 * Paragraphs longer than this get an index of their sentence starts (built once, linear) instead of
 * a walk back from each figure: a 40 000-character paragraph of figures would otherwise cost a walk
 * of the paragraph per figure.
 */
const INDEXED = 256;
const SENTENCE_STARTS = new WeakMap<ParagraphShape, Map<number, Int32Array>>();

/** For depth d: at each position i, the sentence start `sentenceStart` gives for (i, d). */
function sentenceStarts(s: ParagraphShape, d: number): Int32Array {
  let byDepth = SENTENCE_STARTS.get(s);
  if (!byDepth) SENTENCE_STARTS.set(s, (byDepth = new Map<number, Int32Array>()));
  let starts = byDepth.get(d);
  if (starts) return starts;
  const n = s.norm.length;
  starts = new Int32Array(n + 1);
  // the start of the group at depth d (just after the last position shallower than d), and the
  // position after the last sentence end at depth d, both before i
  let group = 0;
  let after = 0;
  for (let i = 0; i <= n; i++) {
    starts[i] = Math.max(group, after);
    if (i === n) break;
    const depth = s.depth[i]!;
    if (d > 0 && depth < d) {
      group = i + 1;
      after = 0;
    } else if (depth === d && endsSentence(s.norm.charCodeAt(i))) after = i + 1;
  }
  byDepth.set(d, starts);
  return starts;
}

function sentenceStart(s: ParagraphShape, i: number, d: number): number {
  return s.norm.length > INDEXED ? sentenceStartIndexed(s, i, d) : sentenceStartByScan(s, i, d);
}

/** The start of the sentence holding position i at depth d, from the paragraph's index. */
export function sentenceStartIndexed(s: ParagraphShape, i: number, d: number): number {
  return sentenceStarts(s, d)[i]!;
}

/** The same, by walking back from i (cheaper on a short paragraph). */
export function sentenceStartByScan(s: ParagraphShape, i: number, d: number): number {
  const g = groupStart(s, i, d);
  for (let k = i - 1; k >= g; k--) if (s.depth[k] === d && endsSentence(s.norm.charCodeAt(k))) return k + 1;
  return g;
}

function sentenceEnd(s: ParagraphShape, i: number, d: number): number {
  const g = groupEnd(s, i, d);
  for (let k = i; k < g; k++) if (s.depth[k] === d && endsSentence(s.norm.charCodeAt(k))) return k;
  return g;
}

/** The first position in [a, b) at depth d whose character matches, else b. */
function firstAt(s: ParagraphShape, a: number, b: number, d: number, re: RegExp): number {
  for (let k = a; k < b; k++) if (s.depth[k] === d && re.test(s.norm[k]!)) return k;
  return b;
}

/** The last position in [a, b) at depth d whose character matches, else a - 1. */
function lastAt(s: ParagraphShape, a: number, b: number, d: number, re: RegExp): number {
  for (let k = b - 1; k >= a; k--) if (s.depth[k] === d && re.test(s.norm[k]!)) return k;
  return a - 1;
}

/** Characters of `norm[a, b)` at depth d only (nested parentheses left out). */
function atDepth(s: ParagraphShape, a: number, b: number, d: number): string {
  let out = '';
  for (let k = a; k < b; k++) if (s.depth[k] === d) out += s.norm.charAt(k);
  return out;
}

/** The finder's inputs: the entries (sorted by paragraph, then position) and each paragraph's shape. */
export interface FinderInput {
  readonly entries: readonly Entry[];
  readonly shapes: readonly ParagraphShape[];
  /** Depth of each entry in its paragraph. */
  readonly depthOf: (i: number) => number;
}

/**
 * Finds every total with its parts: lists after a marker (`…N，其中…`, `分别为`, `资金来源为`), a summing
 * word after its items (`A 10万元，B 5万元，合计15万元`, a `合计：` line under a list), and a keyword
 * total before a numbered list of items. Also the counts followed by the names they count.
 */
export function findStructures(input: FinderInput): { structures: TotalStructure[]; itemCounts: ItemCount[] } {
  const { entries, shapes, depthOf } = input;
  if (entries.length === 0) return { structures: [], itemCounts: [] };
  const byPara = new Map<number, number[]>();
  entries.forEach((e, i) => {
    const list = byPara.get(e.para);
    if (list) list.push(i);
    else byPara.set(e.para, [i]);
  });
  const inPara = (p: number): readonly number[] => byPara.get(p) ?? [];
  const structures: TotalStructure[] = [];
  const itemCounts: ItemCount[] = [];
  const partOf = new Set<number>();
  /** The figures skipped as a part's own split (`160套中100套…、另有60套`), by the part. */
  const splitOf = new Map<number, number[]>();
  const totalOf = new Set<number>();
  const usable = (i: number): boolean => entries[i]!.countable;
  const sameKind = (i: number, j: number): boolean => {
    const a = entries[i]!;
    const b = entries[j]!;
    return a.per === b.per && (a.family === b.family || a.also === b.family || (b.holds !== '' && b.holds === a.family));
  };

  // Work per marker bounded by the figures near it, not by the paragraph's (a 50 000-character paragraph
  // with 4 000 `（含…）` once compared every lead word with every figure). The entries of a paragraph are
  // in position order (FinderInput): checked once per paragraph; out of order, every entry is looked at.
  const orderOf = new Map<number, boolean>();
  const ordered = (p: number): boolean => {
    let ok = orderOf.get(p);
    if (ok === undefined) {
      const here = inPara(p);
      ok = true;
      for (let k = 1; k < here.length && ok; k++) {
        const a = entries[here[k - 1]!]!;
        const b = entries[here[k]!]!;
        ok = a.nStart <= b.nStart && a.nEnd <= b.nEnd && a.nStart <= a.nEnd;
      }
      if (here.length > 0) ok &&= entries[here[here.length - 1]!]!.nStart <= entries[here[here.length - 1]!]!.nEnd;
      orderOf.set(p, ok);
    }
    return ok;
  };
  /** The first position in inPara(p) of an entry starting at x or later (0 when out of order). */
  const firstFrom = (p: number, x: number): number => {
    if (!ordered(p)) return 0;
    const here = inPara(p);
    let lo = 0;
    let hi = here.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (entries[here[mid]!]!.nStart < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** The entries of paragraph p, in order, that may lie within [a, b] (all of them when out of order). */
  const within = (p: number, a: number, b: number): number[] => {
    const here = inPara(p);
    if (!ordered(p)) return here.slice();
    const out: number[] = [];
    for (let k = firstFrom(p, a); k < here.length && entries[here[k]!]!.nStart <= b; k++) out.push(here[k]!);
    return out;
  };

  /**
   * The measure an area names right before it in its clause (`总建筑面积` → 建筑面积, `占地面积约`, `项目用地面积`), '' for
   * none. A total named by one measure takes no part named by another (永康, real text: 总建筑面积8000平方米。其中…占地面积
   * 约1340平方米，建筑面积7770平方米；…建筑面积230平方米；室外配套工程约4930平方米: 1340 is a footprint; 7770 + 230 agree
   * with the total before 4930, so that one is about something else).
   */
  const measureMemo = new Map<number, string>();
  const measureOf = (i: number): string => {
    let m = measureMemo.get(i);
    if (m === undefined) {
      const e = entries[i]!;
      m = '';
      if (e.family === 'area') {
        const norm = shapes[e.para]!.norm;
        const clause = norm.slice(clauseStart(norm, e.nStart, 16), e.nStart);
        const all = [...clause.matchAll(AREA_MEASURE)];
        m = all.length > 0 ? all[all.length - 1]![1]! : '';
      }
      measureMemo.set(i, m);
    }
    return m;
  };

  /** Parts of the family of `cand` after marker M (in its region), or in the following paragraphs. */
  const partsAfter = (p: number, M: Marker, cand: number, regionEnd: number, continuation: boolean): number[] => {
    const parts: number[] = [];
    const measure = continuation ? '' : measureOf(cand);
    if (continuation) {
      for (let q = p + 1; q < shapes.length; q++) {
        const here = inPara(q);
        if (here.some((i) => entries[i]!.total === 'strong' || entries[i]!.sum)) break;
        for (const i of here) if (usable(i) && sameKind(i, cand) && !entries[i]!.cumulative && depthOf(i) === 0) parts.push(i);
      }
      return parts;
    }
    const s = shapes[p]!;
    const d = M.depth;
    let end = regionEnd;
    let skipUntil = -1;
    let prevEnd = M.end;
    // a part with its own split right after it (三台160套中100套已开工、另有60套…): what is left of it to skip
    let nestedLeft = 0;
    let nestedOf = -1;
    const here = inPara(p);
    for (let k = firstFrom(p, M.end); k < here.length; k++) {
      const i = here[k]!;
      const e = entries[i]!;
      if (e.nStart < M.end || depthOf(i) !== d || !sameKind(i, cand) || !usable(i)) continue;
      if (e.nStart >= end) break;
      // a figure naming another measure (占地面积 under 总建筑面积) is no part of this total
      if (measure !== '' && measureOf(i) !== '' && measureOf(i) !== measure) continue;
      if (e.nStart < skipUntil) continue;
      if (nestedLeft > 0) {
        if (e.hi <= nestedLeft) {
          nestedLeft -= e.lo;
          prevEnd = e.nEnd;
          splitOf.get(nestedOf)!.push(i);
          continue;
        }
        nestedLeft = 0;
      }
      if (parts.length > 0) {
        const between = atDepth(s, prevEnd, e.nStart, d);
        // another breakdown (用于…, 分别…) after the parts is not part of this list
        const marks = s.markers.filter((mk) => mk.depth === d && mk.index >= prevEnd && mk.index < e.nStart);
        // another breakdown leading this item (…，用于设备25万元): the list ended before it; a 用于 clause
        // that only says what a part is for (…4290万元，用于…建设；…8831万元) does not end it
        if (
          marks.some((mk) => OTHER_BREAKDOWN.test(mk.word) && !/[,，、;；:：]/u.test(atDepth(s, mk.end, e.nStart, d))) &&
          !(splitItems(s, M, entries[parts[0]!]!.nStart) && /[;；]/u.test(between))
        )
          break;
        // a nested 其中 (or 主要是/包括 right after the part) inside a part: skip to the end of that part
        const nest = marks.find(
          (mk) => mk.word === '其中' || (NESTED.test(mk.word) && /^[\s,，:：]*$/u.test(atDepth(s, prevEnd, mk.index, d))),
        );
        if (nest) {
          const stop = s.norm.slice(nest.end).search(/[;；。]/u);
          skipUntil = stop < 0 ? s.norm.length : nest.end + stop;
          if (e.nStart < skipUntil) continue;
        }
        if (parts.length === 1) {
          // items separated by commas end at a semicolon; items separated by semicolons at the sentence end
          // (unless each item is a 分别 list of its own: 其中A分别为…和…；B分别为…)
          if (!/[;；]/u.test(between) && !splitItems(s, M, entries[parts[0]!]!.nStart)) {
            for (let k = entries[parts[0]!]!.nEnd; k < end; k++) {
              if (s.depth[k] === d && /[;；]/u.test(s.norm[k]!)) {
                end = k;
                break;
              }
            }
            if (e.nStart >= end) break;
          }
        }
        const clause = between
          .split(/[,，、;；:：。]/u)
          .pop()!
          .trim();
        if (STOP_CLAUSE.test(clause)) break;
        // after a semicolon, a figure with a list of its own is the next list's total (…；为经开区拟投入资金30万元，其中…)
        if (
          /[;；]/u.test(between) &&
          s.markers.some(
            (mk) =>
              mk.depth === d && LIST_HEAD.test(mk.word) && mk.index >= e.nEnd && /^[\s,，:：]*$/u.test(s.norm.slice(e.nEnd, mk.index)),
          )
        )
          break;
      }
      // the list starts in the marker's clause: not across a semicolon (…全部用于购买设备；为船营区…325万元)
      if (parts.length === 0 && /[;；]/u.test(atDepth(s, M.end, e.nStart, d))) break;
      if (e.total === 'strong' || e.sum || e.cumulative) break;
      // a pool the next item is drawn from (青海, real text: 其中，中央…新增用于教育的44亿元中，安排我省…11890万元): not an item
      if (s.norm[e.nEnd] === '中' && /[,，]/u.test(s.norm[e.nEnd + 1] ?? '')) continue;
      parts.push(i);
      prevEnd = e.nEnd;
      if (s.norm[e.nEnd] === '中' && /\d/u.test(s.norm[e.nEnd + 1] ?? '')) {
        nestedLeft = e.lo;
        nestedOf = i;
        splitOf.set(i, []);
      }
    }
    return parts;
  };

  const adjacent = (i: number, M: Marker, p: number): boolean => {
    const e = entries[i]!;
    return e.para === p && /^[\s,，:：(（]*$/u.test(shapes[p]!.norm.slice(e.nEnd, M.index));
  };

  /** Candidate totals for marker M, in the order to try them. */
  const candidatesFor = (p: number, M: Marker): number[] => {
    const s = shapes[p]!;
    const d = M.depth;
    const g = groupStart(s, M.index, d);
    const here = inPara(p);
    const inOrder = ordered(p);
    if (d > 0 && /^\s*$/u.test(s.norm.slice(g, M.index))) {
      // X（其中…）, X（含…）: the last figure that ends right before the parenthesis (blanks between),
      // i.e. whose end lies in [w, g - 1]; in order, only the figures starting before g and ending at w or later
      let w = g - 1;
      while (w > 0 && isSpace(s.norm.charCodeAt(w - 1))) w--;
      for (let k = (inOrder ? firstFrom(p, g) : here.length) - 1; k >= 0; k--) {
        const i = here[k]!;
        const end = entries[i]!.nEnd;
        if (inOrder && end < w) break;
        if (depthOf(i) === d - 1 && end <= g - 1 && end >= w) return [i];
      }
      return [];
    }
    const ss = sentenceStart(s, M.index, d);
    const lead = s.norm.slice(ss, M.index);
    // a part may hold a nested breakdown of its own (中央资金60万元，其中用于设备30万元)
    const ok = (i: number): boolean => usable(i) && (!partOf.has(i) || (NESTED.test(M.word) && adjacent(i, M, p)));
    // 按照…划分: the total before it in its sentence, not a part of another split; else the sentence before
    const split = SPLIT_BY.test(M.word);
    if (split) {
      const found = within(p, ss, M.index)
        .filter((i) => depthOf(i) === d && entries[i]!.nEnd <= M.index && entries[i]!.nStart >= ss && ok(i))
        .reverse();
      if (found.length > 0) return found;
    }
    if (split || /^[\s,，;；:：]*$/u.test(lead) || NUMBERED.test(lead.trim()) || refersBack(lead, M)) {
      // the list starts a sentence: its total is in the sentence before (this paragraph's, or the previous one's)
      if (ss > g) {
        // a sentence whose figures are all bounds or comparisons (这是…首次超过5亿元。) is passed over
        let end = ss;
        for (;;) {
          const ps = sentenceStart(s, end - 1, d);
          const here = within(p, ps, end).filter((i) => depthOf(i) === d && entries[i]!.nStart >= ps && entries[i]!.nEnd <= end && ok(i));
          if (ps <= g || here.length === 0 || here.some((i) => !entries[i]!.bound)) return here;
          end = ps;
        }
      }
      if (d === 0 && p > 0) {
        // the paragraph before: its last sentence that holds a figure; a paragraph with no figure that ends without a
        // full stop is a line broken inside the sentence (a phrase a line: …资助资金46.6万元 / 惠及…师生136人 / 其中):
        // the sentence goes on from the paragraphs before it
        let q = p - 1;
        while (q > 0 && inPara(q).length === 0 && !closesSentence(shapes[q]!.norm)) q--;
        const last = inPara(q);
        if (last.length === 0) return [];
        // its last sentence whose figures are not all bounds or comparisons (这是…首次超过5亿元。)
        let k = last.length - 1;
        let end = Infinity;
        for (;;) {
          const ps = sentenceStart(shapes[q]!, entries[last[k]!]!.nStart, 0);
          const here = within(q, ps, end).filter((i) => depthOf(i) === 0 && entries[i]!.nStart >= ps && entries[i]!.nStart < end && ok(i));
          while (k >= 0 && entries[last[k]!]!.nStart >= ps) k--;
          if (k < 0 || here.length === 0 || here.some((i) => !entries[i]!.bound)) return here;
          end = ps;
        }
      }
      return [];
    }
    // only 其中 reaches back over a semicolon (总投资100万元；其中：…); 用于/包括/分别为 describe their own clause
    let from = M.word === '其中' ? ss : Math.max(ss, lastAt(s, ss, M.index, d, /[;；]/u) + 1);
    // 分别为 after a 其中 in its clause (…5024万元，其中A分别为…): its total is the 其中 item's, not before the 其中
    if (M.word.startsWith('分别')) {
      for (const mk of s.markers) if (mk.depth === d && mk.word === '其中' && mk.index >= from && mk.end <= M.index) from = mk.end;
    }
    const found = within(p, from, M.index)
      .filter((i) => depthOf(i) === d && entries[i]!.nEnd <= M.index && entries[i]!.nStart >= from && ok(i))
      .reverse();
    if (found.length > 0 || M.word !== '其中' || d !== 0) return found;
    return countNamedBefore(p, s, ss, M);
  };

  /**
   * 其中 after a clause with no figure at all (…。截至目前：全市全民健康保障工程开工率达100%；其中，2016年度的6个项目…):
   * the list breaks down the count, in the sentences before, whose noun that clause names (…共有9个全民健康保障工程获
   * 中央支持…): four characters of the words right after the count appear in the clause. None otherwise, nor when
   * the clause is about some of them or work done to them (SUBSET_CLAUSE).
   */
  const countNamedBefore = (p: number, s: ParagraphShape, ss: number, M: Marker): number[] => {
    if (within(p, ss, M.index).some((i) => entries[i]!.nStart >= ss && entries[i]!.nStart < M.index)) return [];
    const lead = s.norm.slice(ss, M.index);
    // a clause about some of them, or about work done to some (今年部分义务教育学校实施维修改造，其中…): not all counted
    if (SUBSET_CLAUSE.test(lead)) return [];
    const before = within(p, 0, ss).filter((j) => entries[j]!.nEnd <= ss);
    for (let k = before.length - 1; k >= 0; k--) {
      const i = before[k]!;
      const e = entries[i]!;
      if (!e.family.startsWith('count:') || e.per !== '' || depthOf(i) !== 0 || !usable(i) || partOf.has(i)) continue;
      const head = /^[\u4e00-\u9fff]{4,8}/u.exec(s.norm.slice(e.nEnd, e.nEnd + 8))?.[0];
      if (head === undefined) continue;
      for (let w = 0; w + 4 <= head.length; w++) if (lead.includes(head.slice(w, w + 4))) return [i];
    }
    return [];
  };

  /**
   * The total stands among other figures of its kind that each name a measure (总投资5415万元，申请中央预算内投资
   * 5062万元，地方投资353万元。其中：…3.…投资1368万元，申请中央预算内投资1094万元，地方投资274万元；…): an item's
   * figure named as another of those measures is that measure's part, the item's own split, not one more part of
   * this total. Only the few nearest figures are looked at (names are costly); at least one part stays.
   */
  const withoutSiblingParts = (cand: number, parts: number[], cands: readonly number[]): number[] => {
    if (parts.length < 2 || cands.length < 2) return parts;
    const own = entries[cand]!.named.name;
    const siblings = new Set<string>();
    for (const c of cands.slice(0, 6)) {
      if (c === cand || !sameKind(c, cand)) continue;
      const name = entries[c]!.named.name;
      if (name !== own && specificName(name)) siblings.add(name);
    }
    if (siblings.size === 0) return parts;
    const kept = parts.filter((i) => !siblings.has(entries[i]!.named.name));
    return kept.length > 0 ? kept : parts;
  };

  /**
   * Totals at the end of paragraph p itemised in paragraph p + 1 with no marker (凯里, real text). Conservative, as a
   * summary and a later paragraph of news are often unrelated: the totals are the figures of p's last sentence, which
   * ends the paragraph; p states how many items there are (`项目7个`, at least two); and for each total, the next
   * paragraph holds exactly that many figures of its kind, each closing its clause (`投资133万元，`; not `1000亿元农村初中
   * 校舍改造项目`, a programme's name), none a total, a bound or a part already. Every total of the sentence must be
   * itemised so, or none is taken.
   */
  const itemisedInNext = (p: number): TotalStructure[] => {
    const here = inPara(p);
    const next = inPara(p + 1);
    if (here.length === 0 || next.length < 2) return [];
    const s = shapes[p]!;
    const lastEntry = entries[here[here.length - 1]!]!;
    // the last figure's sentence ends the paragraph (its other figures may follow it: 建筑面积…，完成投资…。)
    if (!/^[\s。.;；!！]*$/u.test(s.norm.slice(sentenceEnd(s, lastEntry.nEnd, 0)))) return [];
    const ls = sentenceStart(s, lastEntry.nStart, 0);
    const totals = here.filter((i) => entries[i]!.nStart >= ls && depthOf(i) === 0 && !entries[i]!.family.startsWith('count:'));
    // the counts it states, read here (money and quantities are analysed apart: a count may not be among the entries)
    const counts = new Set<number>();
    for (const m of s.norm.matchAll(STATED_COUNT)) {
      if (s.depth[m.index] !== 0 || /[\d.约近余多]$/u.test(s.norm.slice(0, m.index))) continue;
      const n = /^\d+$/u.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!);
      if (n !== null && n >= 2 && !/^(?:余|多|以上|左右)/u.test(s.norm.slice(m.index + m[0].length))) counts.add(n);
    }
    // the largest: the totals are of all the items (7 projects, 6 of them schools: the list must name 7)
    const count = Math.max(0, ...counts);
    // a summary sentence holds a few totals (a long run of figures is no summary; and the work stays linear)
    if (count < 2 || totals.length === 0 || totals.length > 4) return [];
    const t2 = shapes[p + 1]!;
    const closes = (i: number): boolean => /^(?:[\s]*[,，。;；、]|\s*$)/u.test(t2.norm.slice(entries[i]!.nEnd, entries[i]!.nEnd + 2));
    const out: TotalStructure[] = [];
    for (const t of totals) {
      const T = entries[t]!;
      if (!usable(t) || T.bound || T.per !== '' || T.cumulative || totalOf.has(t) || partOf.has(t)) return [];
      const parts = next.filter((i) => {
        const e = entries[i]!;
        if (!usable(i) || !sameKind(i, t) || depthOf(i) !== 0 || e.per !== '' || !closes(i)) return false;
        return measureOf(t) === '' || measureOf(i) === '' || measureOf(i) === measureOf(t);
      });
      if (parts.length !== count) return [];
      if (parts.some((i) => partOf.has(i) || totalOf.has(i) || entries[i]!.total === 'strong' || entries[i]!.sum || entries[i]!.bound))
        return [];
      out.push({ total: t, parts, kind: 'total-then-parts', scope: 'all' });
    }
    return out;
  };

  const overlaps = (i: number, parts: readonly number[]): boolean => {
    let lo = 0;
    let hi = 0;
    for (const j of parts) {
      lo += entries[j]!.lo;
      hi += entries[j]!.hi;
    }
    return lo <= entries[i]!.hi && entries[i]!.lo <= hi;
  };

  for (let p = 0; p < shapes.length; p++) {
    const s = shapes[p]!;
    for (const M of s.markers) {
      const cands = candidatesFor(p, M);
      if (cands.length === 0) continue;
      const d = M.depth;
      const regionEnd = M.word === '其中' ? sameLeadEnd(s, M.end, sentenceEnd(s, M.end, d), d) : sentenceEnd(s, M.end, d);
      const continuation = d === 0 && /^[\s:：如下。;；,，]*$/u.test(s.norm.slice(M.end));
      const options: { cand: number; parts: number[] }[] = [];
      // the parts depend on a candidate only through its family, its per and whether it is a part itself:
      // found once per such kind (a sentence of thousands of figures before a 其中 has few kinds)
      const partsOfKind = new Map<string, number[]>();
      for (const c of cands) {
        const nested = partOf.has(c);
        const kind = `${nested ? 1 : 0}\u0000${entries[c]!.family}\u0000${entries[c]!.holds}\u0000${entries[c]!.per}\u0000${measureOf(c)}`;
        let parts = partsOfKind.get(kind);
        if (parts === undefined) {
          // a nested list inside a part ends with that part (at the outer list's semicolon)
          const end = nested ? Math.min(regionEnd, firstAt(s, M.end, regionEnd, d, /[;；]/u)) : regionEnd;
          parts = partsAfter(p, M, c, end, continuation && !nested);
          partsOfKind.set(kind, parts);
        }
        if (parts.length > 0) options.push({ cand: c, parts });
      }
      if (options.length === 0) {
        const count = cands.find((i) => entries[i]!.family.startsWith('count:') && entries[i]!.per === '');
        if (count !== undefined && !continuation && !PARTIAL.test(M.word) && M.word !== '（') {
          const items = namedItems(s, M, regionEnd);
          if (items) itemCounts.push({ total: count, items });
        }
        continue;
      }
      // the candidate the parts add up to; else the one whose measure names every part (总建筑面积 over 项目用地面积)
      const chosen =
        options.find((o) => overlaps(o.cand, o.parts)) ??
        options.find((o) => measureOf(o.cand) !== '' && o.parts.some((i) => measureOf(i) === measureOf(o.cand))) ??
        options[0]!;
      const { cand } = chosen;
      const parts = withoutSiblingParts(cand, chosen.parts, cands);
      const last = entries[parts[parts.length - 1]!]!;
      const partial = PARTIAL.test(M.word) || (!continuation && /^\s*等/u.test(s.norm.slice(last.nEnd)));
      const sources = parts.every((i) => SOURCE_LABEL.test(entries[i]!.named.name));
      const complete =
        SOURCE_MARKER.test(M.word) ||
        SPLIT_BY.test(M.word) ||
        (M.word === '其中' && (continuation || /^[:：]/u.test(s.norm.slice(M.end)) || candidatesStartSentence(s, M)));
      const scope: TotalStructure['scope'] = partial
        ? 'some'
        : sources && (parts.length > 1 || complete)
          ? 'sources'
          : parts.length > 1
            ? 'all'
            : 'some';
      // two lead words before one list (资金100万元用于3所学校，其中…; …分布在…，其中…): one structure, not the same twice
      const same = (st: TotalStructure): boolean =>
        st.total === cand && st.scope === scope && st.parts.length === parts.length && st.parts.every((x, k) => x === parts[k]);
      if (structures.some(same)) continue;
      structures.push({ total: cand, parts, kind: 'total-then-parts', scope });
      totalOf.add(cand);
      for (const i of parts) partOf.add(i);
      // a part's own split (三台160套中100套已开工、另有60套): compared with that part
      for (const i of parts) {
        const split = splitOf.get(i);
        if (split === undefined || split.length === 0) continue;
        structures.push({ total: i, parts: split, kind: 'total-then-parts', scope: split.length > 1 ? 'all' : 'some' });
        totalOf.add(i);
        for (const j of split) partOf.add(j);
      }
    }
  }

  // a keyword total then a numbered list of items, one per paragraph (资金总额：15万元。 1.… 2.…)
  for (let t = 0; t < entries.length; t++) {
    const T = entries[t]!;
    if (!usable(t) || T.total === null || totalOf.has(t) || partOf.has(t)) continue;
    const here = inPara(T.para);
    if (here[here.length - 1] !== t || T.para + 1 >= shapes.length) continue;
    if (!/^[\s。.;；:：]*$/u.test(shapes[T.para]!.norm.slice(T.nEnd)) || !shapes[T.para + 1]!.numbered) continue;
    const parts: number[] = [];
    for (let q = T.para + 1; q < shapes.length; q++) {
      if (!shapes[q]!.numbered) break;
      const ps = inPara(q).filter((i) => usable(i) && sameKind(i, t));
      if (ps.some((i) => entries[i]!.total !== null)) break;
      parts.push(...ps.filter((i) => depthOf(i) === 0 && !entries[i]!.cumulative));
    }
    if (parts.length < 2 || parts.some((i) => partOf.has(i))) continue;
    structures.push({ total: t, parts, kind: 'total-then-parts', scope: 'all' });
    totalOf.add(t);
    for (const i of parts) partOf.add(i);
  }

  // a total announcing several items (多笔, 以下, 如下) as the last figure of its paragraph, then paragraphs of one item
  // each, numbered or not (海南, real text: 下拨多笔…中央预算内投资合计8525万元，以改善…。 / 为…下达…计划2900万元，… / …)
  for (let t = 0; t < entries.length; t++) {
    const T = entries[t]!;
    if (!usable(t) || (T.total === null && !T.sum) || totalOf.has(t) || partOf.has(t) || depthOf(t) !== 0) continue;
    const here = inPara(T.para);
    if (here[here.length - 1] !== t || T.para + 1 >= shapes.length) continue;
    const s = shapes[T.para]!;
    if (!ANNOUNCES.test(s.norm.slice(sentenceStart(s, T.nStart, 0), T.nStart)) || /\d/u.test(s.norm.slice(T.nEnd))) continue;
    const parts: number[] = [];
    for (let q = T.para + 1; q < shapes.length; q++) {
      const ps = inPara(q).filter((i) => usable(i) && sameKind(i, t) && depthOf(i) === 0);
      if (ps.length !== 1) break;
      const e = entries[ps[0]!]!;
      if (e.total === 'strong' || e.sum || e.cumulative) break;
      parts.push(ps[0]!);
    }
    if (parts.length < 2 || parts.some((i) => partOf.has(i))) continue;
    structures.push({ total: t, parts, kind: 'total-then-parts', scope: 'all' });
    totalOf.add(t);
    for (const i of parts) partOf.add(i);
  }

  // a paragraph that ends on its totals, then the next paragraph itemising exactly the number of items it states
  // (凯里, real text: …教育项目7个，…。目前所有项目已全部完工，建筑面积17593.84平方米，完成投资1915万元。 / seven schools,
  // each with its 建筑面积 and 投资): see itemisedInNext
  for (let p = 0; p + 1 < shapes.length; p++) {
    for (const st of itemisedInNext(p)) {
      structures.push(st);
      totalOf.add(st.total);
      for (const i of st.parts) partOf.add(i);
    }
  }

  // items then a summing word: A 10万元，B 5万元，合计15万元; a 合计 line under a list
  for (let t = 0; t < entries.length; t++) {
    const T = entries[t]!;
    if (!usable(t) || !T.sum || partOf.has(t)) continue;
    const s = shapes[T.para]!;
    const d = depthOf(t);
    const ss = sentenceStart(s, T.nStart, d);
    const pick = (list: readonly number[]): number[] =>
      list.filter((i) => usable(i) && sameKind(i, t) && depthOf(i) === d && !partOf.has(i) && !entries[i]!.cumulative && !entries[i]!.sum);
    const before = inPara(T.para).filter((i) => entries[i]!.nEnd <= T.nStart);
    let parts = pick(before.filter((i) => entries[i]!.nStart >= ss));
    // only the items since the last sum in the sentence
    const lastSum = before.filter((i) => entries[i]!.nStart >= ss && entries[i]!.sum && sameKind(i, t)).pop();
    if (lastSum !== undefined) parts = parts.filter((i) => entries[i]!.nStart > entries[lastSum]!.nStart);
    const leads = /^[\s,，;；:：]*(?:以上|上述|两项|三项|各项)?(?:合计|共计|总计|总共|一共|共)/u.test(s.norm.slice(ss, T.nStart));
    if (parts.length === 0 && leads) {
      // 合计 starts its sentence: the items are in the sentences before it, or the paragraphs before
      parts = pick(before);
      if (parts.length === 0 && inPara(T.para)[0] === t && ss === 0) {
        for (let q = T.para - 1; q >= 0; q--) {
          const ps = inPara(q).filter((i) => sameKind(i, t) && usable(i));
          if (ps.length === 0) continue;
          if (ps.some((i) => entries[i]!.total !== null || entries[i]!.sum)) break;
          parts.unshift(...pick(ps));
        }
      }
    }
    if (parts.length < 2) continue;
    structures.push({ total: t, parts, kind: 'parts-then-total', scope: 'all' });
    totalOf.add(t);
    for (const i of parts) partOf.add(i);
  }
  structures.sort((a, b) => a.total - b.total || a.parts[0]! - b.parts[0]!);
  return { structures, itemCounts };
}

/**
 * The enumerations of a text, for telling an item listed twice: the parts of each total, the items of
 * one sentence, and the items of a run of numbered paragraphs (（一）…（二）…). Each holds figures of
 * one family; rates, running totals and totals are not items.
 */
export function findEnumerations(input: FinderInput, structures: readonly TotalStructure[]): number[][] {
  const { entries, shapes, depthOf } = input;
  if (entries.length < 2) return [];
  const lists: number[][] = structures.filter((s) => s.parts.length >= 2).map((s) => [...s.parts]);
  const totals = new Set(structures.map((s) => s.total));
  const parts = new Set(structures.flatMap((s) => s.parts));
  const groups = new Map<string, number[]>();
  let run = -1;
  let prevPara = -1;
  entries.forEach((e, i) => {
    if (!e.countable || e.cumulative || e.per !== '' || e.total === 'strong' || e.sum || totals.has(i) || depthOf(i) !== 0) return;
    const shape = shapes[e.para]!;
    const numbered = shape.numbered;
    if (e.para !== prevPara) {
      // a numbered paragraph continues the run of the numbered paragraphs right before it
      const continues = numbered && run >= 0 && listContinues(shapes, prevPara, e.para);
      run = continues ? run : numbered ? e.para : -1;
      prevPara = e.para;
    }
    // a part of its own paragraph's breakdown (1、学前…其中上级资金…，本级资金… 4、中职…本级资金…: 怀化, real text) is an item
    // of that breakdown (its list above), not one more item of the run of numbered paragraphs
    if (run >= 0 && parts.has(i)) return;
    const where = run >= 0 ? `n${run}` : `s${e.para}:${sentenceStart(shape, e.nStart, 0)}`;
    const key = `${where}|${e.family}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const seen = new Set(lists.map((l) => l.join(',')));
  for (const [key, group] of groups) {
    for (const list of key.startsWith('n') ? [group] : splitLevels(group, entries, shapes)) {
      if (list.length < 2 || seen.has(list.join(','))) continue;
      seen.add(list.join(','));
      lists.push(list);
    }
  }
  return lists;
}

/**
 * A run of figures in one sentence whose items are separated by commas within semicolons
 * (`二等奖1名、三等奖1名；…二等奖1名，三等奖1名`) is several lists, one per semicolon; a run whose items
 * are all separated alike (every one by a semicolon, or every one by a comma) is one list.
 */
function splitLevels(group: readonly number[], entries: readonly Entry[], shapes: readonly ParagraphShape[]): number[][] {
  const strong = group.slice(1).map((i, k) => {
    const a = entries[group[k]!]!;
    const b = entries[i]!;
    if (a.para !== b.para) return true;
    const norm = shapes[b.para]!.norm;
    for (let k = a.nEnd; k < b.nStart; k++) if (norm[k] === ';' || norm[k] === '；') return true;
    return false;
  });
  if (strong.every((x) => x) || strong.every((x) => !x)) return [[...group]];
  const out: number[][] = [[group[0]!]];
  strong.forEach((x, k) => {
    if (x) out.push([]);
    out[out.length - 1]!.push(group[k + 1]!);
  });
  return out;
}

/** Whether the paragraphs between two numbered ones keep them in one list (numbered, or blank). */
function listContinues(shapes: readonly ParagraphShape[], from: number, to: number): boolean {
  for (let q = from + 1; q < to; q++) {
    if (!shapes[q]!.numbered && shapes[q]!.norm.trim() !== '') return false;
  }
  return true;
}

/**
 * `其中投入A…万元，完成…。投入B…万元，…。`: a 其中 list whose items each open a sentence with the list's own first
 * word goes on over those sentences. The end of the last such sentence, or `end` (the first one's) if none follows.
 */
function sameLeadEnd(s: ParagraphShape, from: number, end: number, d: number): number {
  const lead = /^[:：\s]*(\p{Script=Han}{2})/u.exec(s.norm.slice(from, from + 8))?.[1];
  let e = end;
  if (lead === undefined) return e;
  while (e < s.norm.length && s.depth[e] === d && endsSentence(s.norm.charCodeAt(e)) && s.norm.startsWith(lead, e + 1)) {
    e = sentenceEnd(s, e + 1, d);
  }
  return e;
}

/** 其中A分别为1352万元和1352万元；B分别为…: the 其中 list's first item is itself a 分别 list (a 分别 between M and it). */
function splitItems(s: ParagraphShape, M: Marker, firstPart: number): boolean {
  return (
    M.word === '其中' &&
    s.markers.some((mk) => mk.depth === M.depth && mk.word.startsWith('分别') && mk.index >= M.end && mk.index < firstPart)
  );
}

/**
 * A list whose lead names, with no figure, the money of the sentence before (宜宾, real text: …已争取到中央预算内投资
 * 9918万元，用于…。据悉，这批争取到的资金分别是：…3910万元；…): its total is in that sentence, as for a list that starts one.
 */
function refersBack(lead: string, M: Marker): boolean {
  return (
    /^(?:分别为|分别是|具体为|具体是|具体如下|明细如下)$/u.test(M.word) &&
    !/\d/u.test(lead) &&
    /这批|这些|此批|该批|上述|前述|这笔|该笔|此笔/u.test(lead)
  );
}

/** Whether marker M starts its sentence (`。其中：…`): then its list is the whole breakdown. */
function candidatesStartSentence(s: ParagraphShape, M: Marker): boolean {
  const ss = sentenceStart(s, M.index, M.depth);
  return /^[\s,，;；:：]*$/u.test(s.norm.slice(ss, M.index));
}

/**
 * The names listed after a marker when they carry no figures (`分别为A、B、C，总建筑面积…`): null when
 * the list is not plainly a list of names (figures in it, `等`, `和/及` joining names, one name).
 */
function namedItems(s: ParagraphShape, M: Marker, regionEnd: number): string[] | null {
  const text = s.norm.slice(M.end, regionEnd).replace(/^[\s:：]+/u, '');
  const segments = text.split(/[,，;；]/u);
  const taken: string[] = [];
  for (const seg of segments) {
    if (/\d|[一二两三四五六七八九十百千][所个项栋幢座间套台辆名处家类]/u.test(seg)) break;
    taken.push(seg.trim());
  }
  if (taken.length === 0) return null;
  let items: string[];
  if (taken.length === 1) items = taken[0]!.split('、');
  else if (taken.some((t) => t.includes('、'))) return null;
  else items = taken;
  items = items.map((x) => x.trim());
  if (items.length < 2 || items.some((x) => x === '' || x.length > 25 || /[和及与]|等/u.test(x))) return null;
  return items;
}

// ---------------------------------------------------------------- words around a figure

/** A count of things stated in a paragraph (`项目7个`, `6所`, `三个项目`): how many items a following paragraph may itemise. */
const STATED_COUNT = /(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个|所|项|处|座|栋|幢|家)/gu;
const STRONG_TOTAL =
  /(合计|共计|总计|总共|一共|累计|总额|总投资|总预算|总金额|资金总额|总经费|总资金|共需资金|共需经费|共安排|共投入|共下达|总规模|总建筑面积|总面积)/gu;
const WEAK_TOTAL =
  /(计划安排资金|计划安排|经费预算|项目预算|预算|安排资金|安排经费|预算资金|预算经费|预算金额|年度预算|资金预算|项目资金|项目经费|所需资金|所需经费|需要资金|需资金|资金规模|下达资金|投资)/gu;
const FILLER = /^(?:资金|经费|金额|费用|为|是|约|达|计|共|需|需要|人民币|预计|合计|总计|共计|安排|[:：\s(（]|大写|小写|的)*$/u;
const SUM_WORD = /(合计|共计|总计|总共|一共|共)/gu;
/** `,，。;；、\n`: what ends the clause of a total word. */
export function breaksWords(c: number): boolean {
  return c === 0x2c || c === 0xff0c || c === 0x3002 || c === 0x3b || c === 0xff1b || c === 0x3001 || c === 0x0a;
}

function clauseStart(norm: string, nStart: number, max = 30): number {
  let i = nStart;
  while (i > 0 && nStart - i < max && !breaksWords(norm.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * The words right before a figure, in its clause: a total keyword (合计/共计/总投资…: strong;
 * 安排资金/预算…: weak), a summing word (合计, 共计, 总计, 共) followed only by words naming the sum, a
 * running-total word (累计, 截至…).
 */
export function wordsBefore(norm: string, nStart: number): { total: 'strong' | 'weak' | null; sum: boolean; cumulative: boolean } {
  const clause = norm.slice(clauseStart(norm, nStart), nStart);
  if (clause === '') return { total: null, sum: false, cumulative: false };
  return { total: keywordIn(clause), sum: sumIn(clause), cumulative: CUMULATIVE.test(clause) };
}

function keywordIn(clause: string): 'strong' | 'weak' | null {
  let best: { kind: 'strong' | 'weak'; end: number } | null = null;
  for (const [re, kind] of [
    [STRONG_TOTAL, 'strong'],
    [WEAK_TOTAL, 'weak'],
  ] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(clause)) !== null) {
      const end = m.index + m[0].length;
      if (!best || end > best.end || (end === best.end && kind === 'strong')) best = { kind, end };
    }
  }
  if (!best) return null;
  return FILLER.test(clause.slice(best.end)) ? best.kind : null;
}

function sumIn(clause: string): boolean {
  SUM_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SUM_WORD.exec(clause)) !== null) {
    const rest = clause.slice(m.index + m[0].length);
    if (m[0] === '共' && !/^(?:计|为|有|需|[:：\s])*$/u.test(rest)) continue;
    // 合计批复总投资6222.4万元, 合计：16万元: the words after it name what is summed
    if (rest.length <= 12) return true;
  }
  return false;
}

const CUMULATIVE = /(累计|截至|截止|为止|至今|累积)/u;
/**
 * The measure an area's words name (总建筑面积 and 建筑面积 are one measure). 改造面积 and 维修面积 name none: a renovated
 * or repaired area is floor area, a part of 总建筑面积 as 新建 is.
 */
const AREA_MEASURE = /(?:总)?((?:建筑|占地|用地|绿化|硬化|使用|场地)面积)/gu;

/** Item names that say nothing alone (`资金80万元`): the words of the clause before are added to them. */
const GENERIC = /^(?:资金|经费|金额|费用|款项|投资|总投资|投入|支出|面积|建筑面积|占地面积|数量|人数|规模|合计|共计|总计|小计)$/u;
const NUMBERING = /^(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+[、.．]|[一二三四五六七八九十]是)\s*/u;

/** Words that end a name without being part of it: verbs, qualifiers, total words (longest first). */
const TRAILING = [
  '拨付资金',
  '下达资金',
  '安排资金',
  '投入资金',
  '预算资金',
  '安排经费',
  '不超过',
  '分别为',
  '分别是',
  '预计',
  '大约',
  '共需',
  '共计',
  '合计',
  '总计',
  '支出',
  '支付',
  '拨付',
  '下达',
  '投入',
  '分别',
  '安排',
  '超过',
  '约',
  '计',
  '需',
  '为',
  '是',
  '达',
  '按',
  '的',
  '近',
  '逾',
];
/** Words that open a clause without being part of the name (longest first). */
const LEADING = [
  '资金来源为',
  '分别为',
  '分别是',
  '具体为',
  '具体是',
  '主要用于',
  '来源为',
  '其中',
  '包括',
  '包含',
  '用于',
  '以及',
  '另外',
  '另有',
  '预计',
  '共需',
  '支出',
  '支付',
  '投入',
  '安排',
  '完成',
  '实际',
  '全年',
  '本年度',
  '年度',
  '每年',
  '含',
  '和',
  '及',
  '与',
  '另',
  '共',
  '需',
];

function stripEnds(s: string): string {
  return stripEndsAt(s).s;
}

/** `stripEnds`, and how many characters it took off the front. */
function stripEndsAt(s: string): { s: string; front: number } {
  let front = 0;
  for (let changed = true; changed && s !== '';) {
    changed = false;
    const lead = LEADING.find((w) => s.startsWith(w));
    if (lead) {
      s = s.slice(lead.length);
      front += lead.length;
      changed = true;
    }
    const year = /^\d{4}(?:年度|年)/u.exec(s);
    if (year) {
      s = s.slice(year[0].length);
      front += year[0].length;
      changed = true;
    }
    const trail = TRAILING.find((w) => s.endsWith(w));
    if (trail && s.length > trail.length) {
      s = s.slice(0, -trail.length);
      changed = true;
    }
    const num = NUMBERING.exec(s);
    if (num) {
      s = s.slice(num[0].length);
      front += num[0].length;
      changed = true;
    }
    const t = s.trim();
    if (t.length !== s.length) front += s.length - s.trimStart().length;
    s = t;
  }
  return { s, front };
}

function clean(raw: string): string {
  let s = raw.trim().replace(/[:：\s]+$/u, '');
  // 其中：培训费8万元 — the words after a colon; 资金用于购置图书 — the words after the list's lead word
  const colon = Math.max(s.lastIndexOf(':'), s.lastIndexOf('：'));
  if (colon >= 0) s = s.slice(colon + 1);
  const lead = /^.*?(?:其中|分别为|分别是|分布在|分布于|具体为|具体是|主要用于|用于|包括|包含)(.+)$/u.exec(s);
  if (lead) s = lead[1]!;
  s = stripEnds(s);
  // 3月支付培训费: the time stays (it tells items apart), the verb after it goes
  return s.replace(TIME_VERB, '$1');
}

const TIME_VERB =
  /^((?:\d{1,2}(?:[-—~至]\d{1,2})?月份?(?:上旬|中旬|下旬|初|底|末|前|后)?|上半年|下半年|[春秋]季学期|第[一二三四]季度)[,，]?)(?:预计|共需|需|支出|支付|拨付|发放|投入|安排|完成|下达|购买|采购)+/u;

/** `,，。;；\n()（）`: what ends a name. */
export function isHard(c: number): boolean {
  return (
    c === 0x2c ||
    c === 0xff0c ||
    c === 0x3002 ||
    c === 0x3b ||
    c === 0xff1b ||
    c === 0x0a ||
    c === 0x28 ||
    c === 0x29 ||
    c === 0xff08 ||
    c === 0xff09
  );
}

/** `,，。;；:：\n()（）、`: what ends the clause before a name. */
export function isClauseBreak(c: number): boolean {
  return isHard(c) || c === 0x3a || c === 0xff1a || c === 0x3001;
}

/** `\s` (the characters `String.prototype.trim` removes). */
export function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The list lead words `clean` cuts a name after (the first one, with words after it). */
const LEAD_WORD = /其中|分别为|分别是|分布在|分布于|具体为|具体是|主要用于|用于|包括|包含/uy;

/**
 * What the names of one paragraph's figures need to know of it, built once and only when a name
 * needs the clause before it and that clause is long: where each clause starts, how many digits stand
 * before each position, where the list lead words are. With it a name costs the same whatever the
 * length of the paragraph (without it a 40 000-character paragraph of figures took seconds).
 */
export class NameIndex {
  private clauseStarts: Int32Array | undefined;
  private digitsBefore: Int32Array | undefined;
  private leads: { start: Int32Array; end: Int32Array } | undefined;
  private breaks: boolean | undefined;

  constructor(readonly norm: string) {}

  /** Whether the paragraph holds \r, \u2028 or \u2029 (`.` in the lead-word pattern stops at them): then names take the plain way. */
  get plainOnly(): boolean {
    this.breaks ??= /[\r\u2028\u2029]/u.test(this.norm);
    return this.breaks;
  }

  /** The start of the clause holding position j - 1: just after the last clause break before j, or 0. */
  clauseStart(j: number): number {
    if (!this.clauseStarts) {
      const n = this.norm.length;
      const a = new Int32Array(n + 1);
      let from = 0;
      for (let i = 0; i <= n; i++) {
        a[i] = from;
        if (i < n && isClauseBreak(this.norm.charCodeAt(i))) from = i + 1;
      }
      this.clauseStarts = a;
    }
    return this.clauseStarts[j]!;
  }

  /** Whether norm[a, b) holds an ASCII digit. */
  hasDigit(a: number, b: number): boolean {
    if (!this.digitsBefore) {
      const n = this.norm.length;
      const d = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) {
        const c = this.norm.charCodeAt(i);
        d[i + 1] = d[i]! + (c >= 0x30 && c <= 0x39 ? 1 : 0);
      }
      this.digitsBefore = d;
    }
    return this.digitsBefore[b]! - this.digitsBefore[a]! > 0;
  }

  /** The end of the first lead word starting at or after a that leaves words before b, or -1. */
  leadEnd(a: number, b: number): number {
    if (!this.leads) {
      const start: number[] = [];
      const end: number[] = [];
      // every position a lead word starts at (主要用于 holds 用于: both are kept)
      for (let i = 0; i < this.norm.length; i++) {
        LEAD_WORD.lastIndex = i;
        if (LEAD_WORD.test(this.norm)) {
          start.push(i);
          end.push(LEAD_WORD.lastIndex);
        }
      }
      this.leads = { start: Int32Array.from(start), end: Int32Array.from(end) };
    }
    const { start, end } = this.leads;
    let lo = 0;
    let hi = start.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start[mid]! < a) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < start.length && start[k]! < b; k++) if (end[k]! < b) return end[k]!;
    return -1;
  }
}

/** Clauses longer than this before a name that says nothing alone are read through the NameIndex. */
const LONG_HEAD = 64;

/**
 * What an item is called: the words before its figure back to the previous separator (a `、` joins
 * words of one name unless a figure stands before it: `宣传、资料费15万元`), without numbering, the
 * list's lead word, a year, and verbs and qualifiers that end it. A name that says nothing alone
 * (`投资`, `建筑面积`) takes the words of the clause before (`龙场中学…投资`). `full` is the name
 * uncut (an item's identity), `label` the name cut to 14 characters for messages. `prevFigure` is the
 * end of the last figure before this one that bounds its name (0 when none); `index`, the paragraph's
 * NameIndex, keeps the work per name bounded on long paragraphs.
 */
export function itemName(norm: string, nStart: number, prevFigure: number, index?: NameIndex): { label: string; full: string } {
  // 培训费：8万元 — a colon right before the figure joins the name to it
  let start = nStart;
  while (start > prevFigure && isColonOrSpace(norm.charCodeAt(start - 1))) start--;
  let i = start;
  let skipped = false;
  while (i > prevFigure && start - i < 40) {
    const c = norm.charCodeAt(i - 1);
    if ((c === 0x29 || c === 0xff09) && i < start) {
      // 省级财政（含中央）承担: a parenthesis inside the name is left out of it
      let k = i - 1;
      let depth = 0;
      while (k > prevFigure) {
        const x = norm.charCodeAt(k);
        if (x === 0x29 || x === 0xff09) depth++;
        else if ((x === 0x28 || x === 0xff08) && --depth === 0) break;
        k--;
      }
      if (k <= prevFigure || depth !== 0) break;
      skipped = true;
      i = k;
      continue;
    }
    if (isHard(c)) break;
    if (c === 0x3001) {
      // a 、 between words of one name, unless the words before it hold a figure (the walk back
      // stops once it passes the figure: nothing further back can change the answer)
      let k = i - 1;
      while (k > 0 && k >= prevFigure && !isHard(norm.charCodeAt(k - 1)) && norm.charCodeAt(k - 1) !== 0x3001) k--;
      if (prevFigure > k) break;
    }
    i--;
  }
  const raw = removeAll(norm.slice(i, nStart), skipped);
  // A校：设备10万元 — the words before a colon head the item: shown after it, identified with it
  const shown = clean(raw);
  const headed = /[:：][^:：]/u.test(raw) ? clean(raw.replace(/[:：]/gu, '')) : shown;
  let name = shown;
  let full = headed;
  if (shown !== '' && GENERIC.test(shown)) {
    if (headed !== shown) name = headed;
    else {
      // 龙场中学建筑面积1120平方米、投资133万元: the subject of the clause before
      let j = i - 1;
      while (j > 0 && isDunCommaOrSpace(norm.charCodeAt(j))) j--;
      const head = index !== undefined && !index.plainOnly && j > 0 ? headOf(index, j) : headByScan(norm, j);
      if (head !== null) name = full = `${head}${shown}`;
    }
  }
  const label = name.length > 14 ? `${name.slice(0, 13)}…` : name;
  return { label, full };
}

function isColonOrSpace(c: number): boolean {
  return c === 0x3a || c === 0xff1a || isSpace(c);
}

function isDunCommaOrSpace(c: number): boolean {
  return c === 0x3001 || c === 0x2c || c === 0xff0c || isSpace(c);
}

const HEAD_FIGURE = /\d[\d.,]*\s*\S{0,4}$/u;
const HEAD_MEASURE = /(?:建筑面积|占地面积|面积|数量|规模)$/u;

/** The words of the clause ending at norm[j] that head a name, or null when they cannot (empty, a figure in them, or saying nothing alone). */
function headByScan(norm: string, j: number): string | null {
  let k = j;
  while (k > 0 && !isClauseBreak(norm.charCodeAt(k - 1))) k--;
  const head = clean(norm.slice(k, j + 1).replace(HEAD_FIGURE, '')).replace(HEAD_MEASURE, '');
  return head !== '' && !/\d/u.test(head) && !GENERIC.test(head) ? head : null;
}

/**
 * `headByScan` in work bounded by the name, not by the clause: the clause's start, the figure at its
 * end, its lead word and its digits are read from the paragraph's index. A short clause is read as
 * `headByScan` reads it. (The clause holds no clause break, so no colon, parenthesis or line break:
 * `clean` reduces to a trim, the cut after the first lead word, `stripEnds` and the time rule.)
 */
function headOf(index: NameIndex, j: number): string | null {
  const norm = index.norm;
  const k = index.clauseStart(j);
  const e = j + 1;
  if (e - k <= LONG_HEAD) return headByScan(norm, j);
  // the figure at the clause's end: a match of HEAD_FIGURE starts within its last run of
  // [\d.,], spaces and four more characters, so only that tail is searched
  let w = Math.max(k, e - 4);
  while (w > k && isSpace(norm.charCodeAt(w - 1))) w--;
  while (w > k && isDigitDotComma(norm.charCodeAt(w - 1))) w--;
  const fig = HEAD_FIGURE.exec(norm.slice(w, e));
  let b = fig ? w + fig.index : e;
  let a = k;
  while (a < b && isSpace(norm.charCodeAt(a))) a++;
  while (b > a && isSpace(norm.charCodeAt(b - 1))) b--;
  const lead = index.leadEnd(a, b);
  if (lead >= 0) a = lead;
  const stripped = stripEndsAt(norm.slice(a, b));
  const from = a + stripped.front;
  if (index.hasDigit(from, from + stripped.s.length)) return null;
  // the time rule and the measure word take off no digit
  const m = TIME_VERB.exec(stripped.s);
  const timed = m ? m[1]! + stripped.s.slice(m[0].length) : stripped.s;
  const head =
    timed.endsWith('建筑面积') || timed.endsWith('占地面积')
      ? timed.slice(0, -4)
      : timed.endsWith('面积') || timed.endsWith('数量') || timed.endsWith('规模')
        ? timed.slice(0, -2)
        : timed;
  return head !== '' && !GENERIC.test(head) ? head : null;
}

function isDigitDotComma(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c;
}

/** The text without the parenthesised pieces skipped while reading a name. */
function removeAll(text: string, skipped: boolean): string {
  if (!skipped) return text;
  return text.replace(/[(（][^()（）]*[)）]/gu, '');
}

/** Whether an item name is specific enough to identify an item (not `资金`, not empty). */
export function specificName(name: string): boolean {
  return name.length >= 2 && !GENERIC.test(name);
}
