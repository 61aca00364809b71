/**
 * The structure finder as it was before its work per marker was bounded (findStructures in
 * src/core/text/enumerations.ts at 0b6e9a7), kept verbatim with the helpers it used, as the reference
 * the bounded one must agree with (structures.test.ts). Sentence starts by the walk (the same results
 * as the index, long-paragraphs.test.ts). Imports types only from the finder (the test wraps the real module); a
 * pass added since (totals itemised in the next paragraph, 凯里) is mirrored as written there.
 */
import type { FinderInput, ItemCount, Marker, ParagraphShape, TotalStructure } from '../../../src/core/text/enumerations';
import { parseChineseNumeral } from '../../../src/core/text/numerals';

/** A count of things stated in a paragraph (`项目7个`, `6所`, `三个项目`): how many items a following paragraph may itemise. */
const STATED_COUNT = /(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个|所|项|处|座|栋|幢|家)/gu;

/** `按照办学层次划分，…` (as enumerations.ts): one whole split of a total stated before it. */
const SPLIT_BY = /^按照?[\u4e00-\u9fff]{2,8}划分$/u;
/** A list after these names only some of the total. */
const PARTIAL = /^(?:包括|包含|含|主要用于|主要包括|主要是|主要为|重点用于)$/u;
/** Markers that, right after a part, open that part's own breakdown (本年收入6128.16万元，主要是…；上年结转…). */
const NESTED = /^(?:其中|主要是|主要为)$/u;
/** A list after these names the total's sources. */
const SOURCE_MARKER = /^(?:资金来源为|资金来源[:：]|来源为)$/u;
/** Breakdowns other than 其中: one after a list's parts starts another list. */
const OTHER_BREAKDOWN = /^(?:分别|具体|明细|主要用于|重点用于|用于)/u;
const NUMBERED = /^(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+、)/u;
/** Markers that open a list of their own. */
const LIST_HEAD = /^(?:其中|分别为|分别是|具体为|具体是)/u;
/** A clause that reports progress or a remainder, not another part (`目前已下达123.01亿元`). */
const STOP_CLAUSE = /^(?:目前|现已|已经|已|截至|截止|实际|尚|还有|剩余|结余|余款|占|较|比上年|同比|完成|累计|加上|此外|全部|均)/u;
/** A funding source named as an item (`区级财政安排资金`, `中央资金`, `上级`, `自筹`). */
const SOURCE_LABEL =
  /^(?:中央|省|省级|自治区|市|市级|州|州级|州市|盟|县|县级|旗|区|区级|县区|旗县|乡镇|本级|上级|地方|部门|单位)(?:财政|级|本级)?(?:财政|资金|补助|配套|专项|预算内|承担|投入|安排|拨款|下达|自筹|负担|直达|转移支付|债券|资金)|财政|自筹|配套|专项债|债券|捐赠|捐资|自有资金|贷款|上年结转|结转资金|社会资本|^(?:中央|省级|自治区|自治区级|市级|州级|盟级|县级|旗级|区级|本级|上级|地方)$/u;

/** Words before a total that announce several items (as in enumerations.ts). */
const ANNOUNCES =
  /多笔|多项|数笔|几笔|(?<![\d元万亿米人所个项套台])以下(?!标准|文件|原则|要求|规定|条件|方式|程序|精神|政策|办法|通知|依据)|(?:如下|下列)(?!标准|文件|原则|要求|规定|条件|方式|程序|精神|政策|办法|通知|依据)/u;
/** Item names that say nothing alone (as in enumerations.ts). */
const GENERIC = /^(?:资金|经费|金额|费用|款项|投资|总投资|投入|支出|面积|建筑面积|占地面积|数量|人数|规模|合计|共计|总计|小计)$/u;

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

function sentenceStart(s: ParagraphShape, i: number, d: number): number {
  const g = groupStart(s, i, d);
  for (let k = i - 1; k >= g; k--) if (s.depth[k] === d && endsSentence(s.norm.charCodeAt(k))) return k + 1;
  return g;
}

/** As enumerations.ts: a 其中 list goes on over sentences that open with its own first word. */
function sameLeadEnd(s: ParagraphShape, from: number, end: number, d: number): number {
  const lead = /^[:：\s]*(\p{Script=Han}{2})/u.exec(s.norm.slice(from, from + 8))?.[1];
  let e = end;
  if (lead === undefined) return e;
  while (e < s.norm.length && s.depth[e] === d && endsSentence(s.norm.charCodeAt(e)) && s.norm.startsWith(lead, e + 1)) {
    e = sentenceEnd(s, e + 1, d);
  }
  return e;
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

/**
 * Finds every total with its parts: lists after a marker (`…N，其中…`, `分别为`, `资金来源为`), a summing
 * word after its items (`A 10万元，B 5万元，合计15万元`, a `合计：` line under a list), and a keyword
 * total before a numbered list of items. Also the counts followed by the names they count.
 */
export function findStructuresReference(input: FinderInput): { structures: TotalStructure[]; itemCounts: ItemCount[] } {
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

  /** The measure an area names right before it in its clause (mirrors enumerations.ts). */
  const measureOf = (i: number): string => {
    const e = entries[i]!;
    if (e.family !== 'area') return '';
    const norm = shapes[e.para]!.norm;
    let a = e.nStart;
    while (a > 0 && e.nStart - a < 16 && !/[,，。;；、\n]/u.test(norm[a - 1]!)) a--;
    const all = [...norm.slice(a, e.nStart).matchAll(/(?:总)?((?:建筑|占地|用地|绿化|硬化|使用|场地|改造|维修)面积)/gu)];
    return all.length > 0 ? all[all.length - 1]![1]! : '';
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
    for (const i of inPara(p)) {
      const e = entries[i]!;
      if (e.nStart < M.end || depthOf(i) !== d || !sameKind(i, cand) || !usable(i)) continue;
      if (e.nStart >= end) break;
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
    if (d > 0 && /^\s*$/u.test(s.norm.slice(g, M.index))) {
      // X（其中…）, X（含…）: the figure right before the parenthesis
      const before = inPara(p).filter(
        (i) => depthOf(i) === d - 1 && entries[i]!.nEnd <= g - 1 && /^\s*$/u.test(s.norm.slice(entries[i]!.nEnd, g - 1)),
      );
      return before.slice(-1);
    }
    const ss = sentenceStart(s, M.index, d);
    const lead = s.norm.slice(ss, M.index);
    // a part may hold a nested breakdown of its own (中央资金60万元，其中用于设备30万元)
    const ok = (i: number): boolean => usable(i) && (!partOf.has(i) || (NESTED.test(M.word) && adjacent(i, M, p)));
    // 按照…划分 (as enumerations.ts): the total before it in its sentence, else the sentence before
    const split = SPLIT_BY.test(M.word);
    if (split) {
      const found = inPara(p)
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
          const here = inPara(p).filter((i) => depthOf(i) === d && entries[i]!.nStart >= ps && entries[i]!.nEnd <= end && ok(i));
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
        let k = last.length - 1;
        let end = Infinity;
        for (;;) {
          const ps = sentenceStart(shapes[q]!, entries[last[k]!]!.nStart, 0);
          const here = last.filter((i) => depthOf(i) === 0 && entries[i]!.nStart >= ps && entries[i]!.nStart < end && ok(i));
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
    const found = inPara(p)
      .filter((i) => depthOf(i) === d && entries[i]!.nEnd <= M.index && entries[i]!.nStart >= from && ok(i))
      .reverse();
    if (found.length > 0 || M.word !== '其中' || d !== 0) return found;
    if (inPara(p).some((i) => entries[i]!.nStart >= ss && entries[i]!.nStart < M.index)) return found;
    const clause = s.norm.slice(ss, M.index);
    if (/部分|一些|若干|个别|少数|多数|维修|改造|新建|扩建|改建|建设|实施|资助|补助|购置|采购|配备/u.test(clause)) return found;
    for (const i of inPara(p)
      .filter((j) => entries[j]!.nEnd <= ss)
      .reverse()) {
      const e = entries[i]!;
      if (!e.family.startsWith('count:') || e.per !== '' || depthOf(i) !== 0 || !ok(i)) continue;
      const head = /^[\u4e00-\u9fff]{4,8}/u.exec(s.norm.slice(e.nEnd, e.nEnd + 8))?.[0];
      if (head === undefined) continue;
      for (let k = 0; k + 4 <= head.length; k++) if (clause.includes(head.slice(k, k + 4))) return [i];
    }
    return found;
  };

  /** An item's figure named as another measure beside the total is that measure's part (镇沅, real text). */
  const withoutSiblingParts = (cand: number, parts: number[], cands: readonly number[]): number[] => {
    if (parts.length < 2 || cands.length < 2) return parts;
    const own = entries[cand]!.named.name;
    const siblings = new Set<string>();
    for (const c of cands.slice(0, 6)) {
      if (c === cand || !sameKind(c, cand)) continue;
      const name = entries[c]!.named.name;
      if (name !== own && name.length >= 2 && !GENERIC.test(name)) siblings.add(name);
    }
    if (siblings.size === 0) return parts;
    const kept = parts.filter((i) => !siblings.has(entries[i]!.named.name));
    return kept.length > 0 ? kept : parts;
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
      for (const c of cands) {
        // a nested list inside a part ends with that part (at the outer list's semicolon)
        const end = partOf.has(c) ? Math.min(regionEnd, firstAt(s, M.end, regionEnd, d, /[;；]/u)) : regionEnd;
        const parts = partsAfter(p, M, c, end, continuation && !partOf.has(c));
        if (parts.length > 0) options.push({ cand: c, parts });
      }
      if (options.length === 0) {
        const count = cands.find((i) => entries[i]!.family.startsWith('count:') && entries[i]!.per === '');
        if (count !== undefined && !continuation && !PARTIAL.test(M.word)) {
          const items = namedItems(s, M, regionEnd);
          if (items) itemCounts.push({ total: count, items });
        }
        continue;
      }
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

/** 其中A分别为1352万元和1352万元；B分别为…: the 其中 list's first item is itself a 分别 list (a 分别 between M and it). */
function splitItems(s: ParagraphShape, M: Marker, firstPart: number): boolean {
  return (
    M.word === '其中' &&
    s.markers.some((mk) => mk.depth === M.depth && mk.word.startsWith('分别') && mk.index >= M.end && mk.index < firstPart)
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
