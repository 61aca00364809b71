/**
 * Recognising the lines of a disclosure: project titles (项目一, 项目 3, 项目十一：xxx), section
 * headings (一、项目名称, （六）资金安排, 实施单位：xxx) and their numbering. Pure string work on
 * one line; the layout logic lives in read.ts.
 */
import { SECTION_KEYS, SECTION_NAMES, type Numbering, type SectionKey } from '../model';
import { fastUnit, nfkc, normalizeWithMapFast } from './fast-text';
import { parseChineseNumeral } from '../text/numerals';
import { stripIgnorable } from '../text/normalize';

/**
 * The labels that make a section heading, besides the standard names (SPEC §2): the one table of
 * the names bureaus give the eight sections (docs/reader.md lists it). Keys are compared whole,
 * after NFKC and with every space removed, so a longer label never loses to a shorter one inside
 * it: `资金及项目绩效目标` is 资金安排情况, `绩效目标` alone is 项目实施成效, and a sentence that
 * starts with a label (`项目绩效目标是保证学校正常运转`) is not a heading. Only these make headings:
 * numbered items inside a section (`（一）领导小组工作职责`) are content.
 */
export const DEFAULT_SECTION_ALIASES: Readonly<Record<string, SectionKey>> = {
  项目名称: 'name',
  立项依据: 'basis',
  项目立项依据: 'basis',
  项目依据: 'basis',
  政策依据: 'basis',
  项目立项的依据: 'basis',
  设立依据: 'basis',
  项目设立依据: 'basis',
  项目实施单位: 'unit',
  实施单位: 'unit',
  项目单位: 'unit',
  实施主体: 'unit',
  项目实施主体: 'unit',
  承办单位: 'unit',
  责任单位: 'unit',
  项目责任单位: 'unit',
  项目承担单位: 'unit',
  项目负责单位: 'unit',
  // a 绩效目标表's row (青山 2021, real text: 项目主管部门 │ 青山区教育局, 项目执行单位 │ 化工区学校)
  执行单位: 'unit',
  项目执行单位: 'unit',
  // a 项目建议书批复's parts (杨陵, real text: 二、项目建设单位：… 四、项目匡算投资及资金来源：… 五、建设期限：…)
  建设单位: 'unit',
  项目建设单位: 'unit',
  项目基本概况: 'overview',
  项目概况: 'overview',
  基本概况: 'overview',
  项目基本情况: 'overview',
  基本情况: 'overview',
  项目情况: 'overview',
  项目概述: 'overview',
  项目简介: 'overview',
  // the overview row of 山东's 项目支出目标申报表 (临邑县师范附属小学, real text)
  项目总体情况: 'overview',
  项目实施内容: 'content',
  实施内容: 'content',
  项目内容: 'content',
  项目主要内容: 'content',
  主要实施内容: 'content',
  建设内容: 'content',
  主要建设内容: 'content',
  项目建设内容: 'content',
  // the parts of a 可行性研究报告批复 a bureau copies (洛宁, real text: 二、项目主要建设内容 三、总投资及资金来源 四、社会效益)
  项目主要建设内容: 'content',
  建设规模及内容: 'content',
  项目建设规模及内容: 'content',
  // the same words in the other order, and the 批复's 建设年限 (安康, real text: 一、项目建设内容及规模 … 三、建设年限：…)
  建设内容及规模: 'content',
  项目建设内容及规模: 'content',
  // the 项目文本 of a 中央部门 (一、项目概述 二、立项依据 三、实施主体 四、实施方案 五、实施周期 六、年度预算安排 七、绩效目标)
  实施方案: 'content',
  项目实施方案: 'content',
  资金安排情况: 'funding',
  资金安排: 'funding',
  资金来源: 'funding',
  资金来源及安排: 'funding',
  资金来源及安排情况: 'funding',
  项目资金安排情况: 'funding',
  项目资金安排: 'funding',
  项目资金来源: 'funding',
  预算安排: 'funding',
  年度预算安排: 'funding',
  项目预算安排: 'funding',
  资金及项目绩效目标: 'funding',
  资金使用: 'funding',
  资金使用情况: 'funding',
  资金筹措: 'funding',
  资金筹措情况: 'funding',
  经费来源: 'funding',
  经费安排: 'funding',
  资金预算: 'funding',
  项目预算: 'funding',
  资金来源及构成: 'funding',
  总投资及资金来源: 'funding',
  投资及资金来源: 'funding',
  项目总投资及资金来源: 'funding',
  项目投资及资金来源: 'funding',
  匡算投资及资金来源: 'funding',
  项目匡算投资及资金来源: 'funding',
  估算投资及资金来源: 'funding',
  项目估算投资及资金来源: 'funding',
  // the funding and results rows of the 项目支出绩效目标表 form
  项目资金: 'funding',
  资金情况: 'funding',
  项目资金情况: 'funding',
  // 山东's form: 项目资金申请（万元） (临邑县师范附属小学, real text)
  项目资金申请: 'funding',
  项目实施计划: 'plan',
  实施计划: 'plan',
  进度安排: 'plan',
  项目进度安排: 'plan',
  实施进度安排: 'plan',
  实施进度: 'plan',
  项目实施进度: 'plan',
  实施进度计划: 'plan',
  项目实施进度计划: 'plan',
  时间安排: 'plan',
  进度计划: 'plan',
  实施步骤: 'plan',
  项目实施步骤: 'plan',
  项目实施安排: 'plan',
  建设年限: 'plan',
  项目建设年限: 'plan',
  建设工期: 'plan',
  项目建设工期: 'plan',
  // the 项目文本's 五、实施周期
  实施周期: 'plan',
  项目实施周期: 'plan',
  // 永康's 项目建议书批复 (real text): 五、项目建设周期：三年。
  建设周期: 'plan',
  项目建设周期: 'plan',
  建设期限: 'plan',
  项目建设期限: 'plan',
  // 龙陵's 立项批复 (real text): 五、项目建设时间：2018年6月开工，2019年3月完工。
  建设时间: 'plan',
  项目建设时间: 'plan',
  项目实施成效: 'results',
  实施成效: 'results',
  预期成效: 'results',
  项目预期成效: 'results',
  绩效目标: 'results',
  项目绩效目标: 'results',
  预期效益: 'results',
  项目预期效益: 'results',
  实施效果: 'results',
  项目实施效果: 'results',
  预算支出绩效情况: 'results',
  预期目标: 'results',
  项目预期目标: 'results',
  预期效果: 'results',
  项目预期效果: 'results',
  绩效目标及指标: 'results',
  年度绩效目标: 'results',
  项目年度绩效目标: 'results',
  // a 绩效目标表's goals row (青山 2020 and 2021, real texts: 总体目标 │ 中期目标 │ 年度目标)
  总体目标: 'results',
  年度总体目标: 'results',
  社会效益: 'results',
  项目社会效益: 'results',
};

const SPACES = /[\s\u00a0\u3000\ufeff\u200b]+/g;

/** The compact form labels are compared in: NFKC, no spaces, no trailing colon or full stop. */
export function labelKey(s: string): string {
  return nfkc(s)
    .replace(SPACES, '')
    .replace(/[:：。.，,;；]+$/u, '');
}

export type AliasTable = ReadonlyMap<string, SectionKey>;

/** A configured target: a section key (`funding`) or its standard name (`资金安排情况`). */
export function sectionKeyOf(target: string): SectionKey | undefined {
  if ((SECTION_KEYS as readonly string[]).includes(target)) return target as SectionKey;
  const k = labelKey(target);
  return SECTION_KEYS.find((key) => labelKey(SECTION_NAMES[key].zh) === k);
}

/** A label as configured or stored: compact, without a leading number (`（二）资金及项目绩效目标`). */
export function aliasKey(label: string): string {
  const k = labelKey(label);
  return k.slice(splitNumbering(k).length);
}

/** The alias table: defaults, then the configured extras (which win). */
export function aliasTable(extra?: Readonly<Record<string, string>>): AliasTable {
  const m = new Map<string, SectionKey>();
  for (const [k, v] of Object.entries(DEFAULT_SECTION_ALIASES)) m.set(labelKey(k), v);
  if (extra) {
    for (const [k, v] of Object.entries(extra)) {
      const key = typeof v === 'string' ? sectionKeyOf(v) : undefined;
      const label = aliasKey(k);
      if (key !== undefined && label !== '') m.set(label, key);
    }
  }
  return m;
}

/** A label set off by a bullet or brackets (`■项目名称`, `【项目名称】`, `[项目名称]`): the words inside. */
const BULLETS = '■□◆◇●○▲△★☆►▶•·※◎❖';
const DECORATED = new RegExp(`^[${BULLETS}]+|^\\[([^[\\]]+)\\]$|^【([^【】]+)】$`, 'u');

function lookup(table: AliasTable, label: string): SectionKey | undefined {
  let k = labelKey(label);
  if (DECORATED.test(k)) k = k.replace(DECORATED, (_m, a?: string, b?: string) => a ?? b ?? '');
  if (k === '' || k.length > 40) return undefined;
  const hit = table.get(k);
  if (hit !== undefined) return hit;
  // a trailing remark in brackets: `资金安排情况（单位：万元）`
  const bare = k.replace(/[(（【[][^()（）【】[\]]*[)）】\]]$/u, '');
  return bare !== k && bare !== '' ? table.get(bare) : undefined;
}

const anchorCache = new WeakMap<AliasTable, readonly string[]>();

/** The last two characters of every label: a line without one of them cannot be a heading. */
function anchorsOf(table: AliasTable): readonly string[] {
  let a = anchorCache.get(table);
  if (!a) {
    a = [...new Set([...table.keys()].map((k) => k.slice(-2)))];
    anchorCache.set(table, a);
  }
  return a;
}

/** What a line's characters must hold to be a heading, read from the table's labels. */
interface HeadingProbe {
  /** First characters of a heading: a numbering's (`(`, a digit, a Chinese numeral) or a label's. */
  readonly starts: ReadonlySet<number>;
  /** Last characters of the labels: 1 at their UTF-16 code (a table, not a set: read for every character). */
  readonly lasts: Uint8Array;
  /** An empty label in the table: every line may be a heading. */
  readonly any: boolean;
}

const probeCache = new WeakMap<AliasTable, HeadingProbe>();

function probeOf(table: AliasTable): HeadingProbe {
  let p = probeCache.get(table);
  if (!p) {
    const starts = new Set<number>();
    const lasts = new Uint8Array(0x10000);
    let any = false;
    for (const k of table.keys()) {
      if (k === '') any = true;
      else {
        starts.add(k.charCodeAt(0));
        lasts[k.charCodeAt(k.length - 1)] = 1;
      }
    }
    // a numbering's first character (`(一)`, `1.`, `一、`, `第一部分`), a bullet's or a bracket's (`【项目名称】`)
    // and a Roman numeral's (`I.`, `Ⅱ、` is `II、` under NFKC; `①` is outside the fast set: the full test decides)
    for (const c of `(0123456789${CN}第[【IVX${BULLETS}`) starts.add(c.charCodeAt(0));
    p = { starts, lasts, any };
    probeCache.set(table, p);
  }
  return p;
}

/**
 * Whether a line certainly cannot be a heading, read character by character without normalising
 * it: its first character (spaces aside) can start neither a numbering nor a label, or it holds
 * no label's last character. False whenever a character is outside the fast NFKC set (`fastUnit`),
 * where the full test decides.
 */
function cannotBeHeading(head: string, table: AliasTable): boolean {
  const probe = probeOf(table);
  if (probe.any) return false;
  const n = head.length;
  let i = 0;
  let u = -1;
  for (; i < n; i++) {
    u = fastUnit(head.charCodeAt(i));
    if (u !== 0x20 && u !== 0x09 && u !== 0x0a && u !== 0x0d) break;
  }
  if (i === n) return false;
  if (u < 0) return false;
  // the next character could compose with the first one under NFKC: the full test decides
  if (i + 1 < n && fastUnit(head.charCodeAt(i + 1)) < 0) return false;
  if (!probe.starts.has(u)) return true;
  for (; i < n; i++) {
    const c = fastUnit(head.charCodeAt(i));
    if (c < 0 || probe.lasts[c] === 1) return false;
  }
  return true;
}

function mayBeHeading(head: string, table: AliasTable): boolean {
  if (cannotBeHeading(head, table)) return false;
  const probe = nfkc(head).replace(SPACES, '');
  for (const a of anchorsOf(table)) if (probe.includes(a)) return true;
  return false;
}

/** The first colon that is not inside brackets (`资金安排情况（单位：万元）：…`), or -1. */
function colonOutsideParens(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === '（' || c === '【' || c === '[') depth++;
    else if ((c === ')' || c === '）' || c === '】' || c === ']') && depth > 0) depth--;
    else if ((c === ':' || c === '：') && depth === 0) return i;
  }
  return -1;
}

const CN = '一二三四五六七八九十百零〇两';
// (on the NFKC form: full-width brackets and colons are ASCII here)
const NUMBERING_RES: readonly { re: RegExp; style: Numbering['style']; cn: boolean }[] = [
  // `第一部分 项目名称`, `第二章`: a part above the `一、` headings
  { re: new RegExp(`^\\s*第\\s*([${CN}]{1,4}|\\d{1,2})\\s*(?:部分|章|篇|节)\\s*[、.,，:]?\\s*`, 'u'), style: 'cn-part', cn: false },
  // `1.1 项目名称`, `2.3.资金安排情况`: a section numbered within a part (the value is the last number, 3 for 2.3);
  // not a figure at a line's start (`1.5万元用于…`, `2.5亿元`, `1.2%`, `3.5平方米`)
  { re: /^\s*(\d{1,2}\.\d{1,2})(?:\.(?!\d))?\s*(?=\D)(?!(?:万|亿|元|%|‰|平方))/u, style: 'decimal', cn: false },
  { re: new RegExp(`^\\s*\\(\\s*([${CN}]{1,4})\\s*\\)\\s*`, 'u'), style: 'cn-paren', cn: true },
  // `一）项目名称`: the half bracket, a （一） written short
  { re: new RegExp(`^\\s*([${CN}]{1,4})\\s*\\)\\s*`, 'u'), style: 'cn-paren', cn: true },
  { re: new RegExp(`^\\s*([${CN}]{1,4})\\s*[、.,，:]\\s*`, 'u'), style: 'cn-dun', cn: true },
  // `Ⅰ、项目名称`, `II.`: Roman numerals (NFKC makes `Ⅱ` the letters `II`), a separator always after them
  { re: /^\s*([IVX]{1,5})\s*[、.,，:]\s*/u, style: 'roman', cn: false },
  { re: /^\s*\(\s*(\d{1,3})\s*\)\s*/u, style: 'arabic-paren', cn: false },
  { re: /^\s*(\d{1,3})\s*\)\s*/u, style: 'arabic-paren', cn: false },
  { re: /^\s*(\d{1,3})\s*\.(?!\d)\s*/u, style: 'arabic-dot', cn: false },
  { re: /^\s*(\d{1,3})\s*[、,，]\s*/u, style: 'arabic-dun', cn: false },
];

/**
 * Splits a leading numbering off a normalised line. Returns the numbering and the length of
 * the normalised prefix it took (0 when none).
 */
export function splitNumbering(normalised: string): { style: Numbering['style']; value: number | null; length: number } {
  for (const { re, style, cn } of NUMBERING_RES) {
    const m = re.exec(normalised);
    if (m) {
      const value =
        style === 'roman'
          ? parseRoman(m[1]!)
          : style === 'decimal'
            ? Number(m[1]!.split('.')[1])
            : cn || !/^\d+$/u.test(m[1]!)
              ? parseChineseNumeral(m[1]!)
              : Number(m[1]);
      if (value !== null) return { style, value, length: m[0].length };
    }
  }
  return { style: 'none', value: null, length: 0 };
}

const ROMAN_ONES = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];

/** `I` … `XXXIX` as a number; null for letters that are no Roman numeral (`VV`, `IIII`). */
function parseRoman(s: string): number | null {
  const m = /^(X{0,3})(.*)$/u.exec(s)!;
  const ones = ROMAN_ONES.indexOf(m[2]!);
  const value = m[1]!.length * 10 + ones;
  return ones < 0 || value === 0 ? null : value;
}

/**
 * `①`…`⑳` at the start of a line as written: NFKC makes them bare digits (`①项目名称` would read as
 * `1项目名称`, and `3所学校` must never be a heading), so they are read before normalising.
 */
const CIRCLED_RE = /^\s*([\u2460-\u2473])\s*[、.．,，:：]?\s*/u;

/**
 * `splitNumbering` of a line as written (not normalised): also reads circled numbers (`①`).
 * The length is in units of the line's NFKC form, as `splitNumbering`'s.
 */
export function splitNumberingAsWritten(line: string): { style: Numbering['style']; value: number | null; length: number } {
  const c = CIRCLED_RE.exec(line);
  if (c) return { style: 'circled', value: c[1]!.charCodeAt(0) - 0x245f, length: nfkc(c[0]).length };
  return splitNumbering(nfkc(line));
}

export interface HeadingMatch {
  readonly key: SectionKey;
  /** The label as written (original characters, trimmed), e.g. `资金安排`. */
  readonly label: string;
  readonly numbering: Numbering;
  /** Content after a colon on the same line, with its offset in the original line. */
  readonly rest?: { readonly text: string; readonly offset: number };
}

/**
 * Whether a line is a section heading: optional numbering, then one of the labels, then
 * nothing, or a colon (or a gap of spaces) and the section's content
 * (`项目实施单位：玉溪市江川区教育体育局`, `项目名称  党费返还款专项经费`).
 */
export function matchHeading(line: string, table: AliasTable): HeadingMatch | null {
  // the label part is short: only the first few dozen characters can make a heading
  const HEAD = 64;
  const head = line.length > HEAD ? line.slice(0, HEAD) : line;
  // cheap rejection first: every label ends with one of a few character pairs (名称, 依据, 单位…)
  if (!mayBeHeading(head, table)) return null;
  const { text, map } = normalizeWithMapFast(head);
  const circled = CIRCLED_RE.exec(head);
  const num = circled
    ? { style: 'circled' as const, value: circled[1]!.charCodeAt(0) - 0x245f, length: map.findIndex((i) => i >= circled[0].length) }
    : splitNumbering(text);
  const body = text.slice(num.length);
  // the label ends at a colon, or at the end of the line, or (`项目名称   党费返还款专项经费`) at a gap
  let sep = colonOutsideParens(body);
  let sepLength = 1;
  let key: SectionKey | undefined;
  if (sep < 0 && line.length <= HEAD) key = lookup(table, body);
  if (sep < 0 && key === undefined) {
    const lead = body.length - body.trimStart().length;
    const gap = /\s+/u.exec(body.slice(lead));
    if (!gap || gap.index === 0) return null;
    sep = lead + gap.index;
    sepLength = gap[0].length;
  }
  const labelPart = sep >= 0 ? body.slice(0, sep) : body;
  key ??= lookup(table, labelPart);
  if (key === undefined) return null;
  const start = map[num.length]!;
  const labelEnd = map[num.length + labelPart.length]!;
  const label = line.slice(start, labelEnd).trim();
  const numberingRaw = line.slice(0, start).trim();
  const numbering: Numbering = { style: num.style, value: num.value, raw: numberingRaw };
  if (sep >= 0) {
    const restStart = map[num.length + sep + sepLength]!;
    const restRaw = line.slice(restStart);
    const lead = restRaw.length - restRaw.trimStart().length;
    const restText = restRaw.trim();
    if (restText !== '') return { key, label, numbering, rest: { text: restText, offset: restStart + lead } };
  }
  return { key, label, numbering };
}

/** `1 项目基本信息`, `２　项目名称：…`: a number of one or two digits, then spaces, then something that is not a figure. */
const BARE_NUMBER_RE = /^\s*([0-9０-９]{1,2})[ \u3000]+(?=[^\s0-9０-９.．,，%])/u;

/**
 * A heading numbered by a bare number and a space (`1 项目名称`, `3 项目实施成效：…`), which `matchHeading` does not read:
 * a number and a space is far more often a figure (`1 100万元`, `3 017人`). Only a whole label may follow it, and the
 * caller decides where such a heading can stand (read.ts: the sheet numbers two or more of its headings so, or the line
 * is alone in a form's label cell). Style `arabic-space`, the level of `1.`.
 */
export function matchBareNumberedHeading(line: string, table: AliasTable): HeadingMatch | null {
  const m = BARE_NUMBER_RE.exec(line);
  if (!m) return null;
  const after = m[0].length;
  const h = matchHeading(line.slice(after), table);
  if (h?.numbering.style !== 'none') return null;
  const value = Number(m[1]!.normalize('NFKC'));
  if (value === 0) return null;
  const numbering: Numbering = { style: 'arabic-space', value, raw: m[1]! };
  return h.rest ? { ...h, numbering, rest: { text: h.rest.text, offset: h.rest.offset + after } } : { ...h, numbering };
}

export interface TitleMatch {
  /** The numeral as written (`十一`, `3`). */
  readonly numeral: string;
  readonly number: number | null;
  /** `项目十一`: the label findings use. */
  readonly label: string;
}

const TITLE_RE = new RegExp(`^项目\\s*\\(?\\s*([${CN}]{1,6}|\\d{1,4})\\s*\\)?(?:\\s*$|\\s*[:：、.,，\\-—－]\\s*|\\s+)(.*)$`, 'u');

/**
 * Whether a line is a project title: `项目一`, `项目 3`, `项目十一：xxx`, `项目三 国家义务教育…`.
 * A long sentence that happens to start with 项目 is not a title.
 */
export function matchTitle(line: string): TitleMatch | null {
  if (line.length > 120) return null;
  const bare = stripIgnorable(line); // `\u200b项目一`: invisible characters first
  if (!bare.trimStart().startsWith('项')) return null;
  const t = nfkc(bare).replace(SPACES, ' ').trim();
  const m = TITLE_RE.exec(t);
  if (!m) return null;
  const rest = m[2] ?? '';
  if (rest.length > 80 || /[。；;]/u.test(rest)) return null;
  const numeral = m[1]!;
  const number = parseChineseNumeral(numeral);
  if (number === null) return null;
  return { numeral, number, label: `项目${numeral}` };
}

/** Whether a sheet name or line reads like a project title (for sheets whose title cell is missing). */
export function titleFromSheetName(name: string): TitleMatch | null {
  return matchTitle(name.trim());
}

/** A line that reads like a heading but is not one of the eight (see `headingLike`). */
export interface HeadingLikeLine {
  readonly style: Numbering['style'];
  readonly value: number | null;
  /** The words after the number, trimmed, without a closing `。` or `：`. */
  readonly label: string;
  /** Length of the number in the NFKC form of the trimmed line. */
  readonly numberLength: number;
}

/**
 * Whether a line reads like a heading: numbered (`二、`, `（一）`, `1.`), then 2–30 characters with no
 * sentence in them (no ，。；： inside) and no figures (`1.2024年3月完成招标` is an item, not a
 * heading). Used for the headings a project has that name no standard section, and for the
 * numbering of a heading's siblings; never to make a section.
 */
export function headingLike(line: string): HeadingLikeLine | null {
  if (line.length > 80) return null;
  const t = nfkc(line.trim());
  const n = splitNumberingAsWritten(line.trim());
  if (n.length === 0 || n.style === 'none') return null;
  const label = t
    .slice(n.length)
    .trim()
    .replace(/[。:.]+$/u, '')
    .trim();
  if (label.length < 2 || label.length > 30) return null;
  if (/[,.;!?:。、]/u.test(label) || /\d/u.test(label)) return null;
  return { style: n.style, value: n.value, label, numberLength: n.length };
}
