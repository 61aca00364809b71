/**
 * Quantities that are not money: counts (`22个`, `2.3万人`, `七所`), areas (`5200平方米`, `11.43万平方米`,
 * `25.29㎡`), lengths (`25.6公里`, `300米`), volumes and masses. Each is read into an exact integer in
 * 1/QUANTITY_SCALE of its family's base unit (平方米, 米, 个, 人…), so units convert exactly
 * (`1.2万人` = 12 000人, `0.3公里` = 300米) and sums never drift.
 *
 * Pure text analysis: `readQuantities` works on the normalised text `scanText` (money.ts) already made,
 * so a paragraph is normalised once for money and quantities alike. See docs/money.md.
 */
import { parseChineseNumeral } from './numerals';

/** Value units per base unit: 4 decimals of a 平方米, a 米, a 人 are kept exactly. */
export const QUANTITY_SCALE = 10_000;

/**
 * What a quantity measures; quantities compare only within one family. Counts form a family per
 * counting unit (`count:个`, `count:所`), with 人/名/位 one family and 栋/幢 another.
 */
export type QuantityFamily = string;

export interface ScannedQuantity {
  /** The value in 1/QUANTITY_SCALE of the base unit, an exact integer (`1.2万人` → 120 000 000). */
  readonly value: number;
  readonly family: QuantityFamily;
  /** A second family it is a part of (`续建工程1个`, `校舍建设133个`: one of the things counted in 个); undefined for most. */
  readonly also: QuantityFamily | undefined;
  /** A second family whose parts it holds as a total (`改造5个`: of projects or of things); undefined for most. */
  readonly holds: QuantityFamily | undefined;
  /** The unit as written, with its multiplier (`万平方米`, `平方米`, `个`, `公里`); `㎡` is `平方米`. */
  readonly unit: string;
  /** The family's base unit (`平方米`, `米`, `人`, `个`). */
  readonly base: string;
  /** Base units in one written unit (万平方米 → 10 000, 公里 → 1000, 个 → 1). */
  readonly factor: number;
  readonly approximate: boolean;
  /** 约/预计/余/多/以上/不超过…, as for money (see amountRange in money.ts). */
  readonly qualifier?: string | undefined;
  /** Value units of one step of the last written digit (`5000多` → 1000 base units). */
  readonly precision: number;
  /** For a range (`10-15个`): the lower bound; `value` is the upper. */
  readonly low?: number | undefined;
  /** A rate (`平均班额56人`, `每校3名`, `45人/班`): per this unit; never summed with plain quantities. */
  readonly per?: string | undefined;
  readonly form: 'figure' | 'chinese';
  /** Span in the normalised text. */
  readonly nStart: number;
  readonly nEnd: number;
  /** Span in the original text. */
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

interface UnitDef {
  readonly family: QuantityFamily;
  readonly base: string;
  /** Base units per written unit. */
  readonly factor: bigint;
  /** The unit as shown in messages. */
  readonly shown: string;
  /** A second family it may be a part of (a count of projects in 个: one of the things counted in 个). */
  readonly also?: QuantityFamily;
  /** A second family whose parts it may hold (a count of work, `改造5个`: of projects or of things). */
  readonly holds?: QuantityFamily;
}

const area = (shown: string, factor: bigint): UnitDef => ({ family: 'area', base: '平方米', factor, shown });
const length = (shown: string, factor: bigint): UnitDef => ({ family: 'length', base: '米', factor, shown });

/** Written units (after NFKC: ㎡ → m2, ㎞ → km) and what they measure. */
const UNITS: Readonly<Record<string, UnitDef>> = {
  平方米: area('平方米', 1n),
  平米: area('平方米', 1n),
  m2: area('平方米', 1n),
  平方公里: area('平方公里', 1_000_000n),
  平方千米: area('平方公里', 1_000_000n),
  km2: area('平方公里', 1_000_000n),
  公顷: area('公顷', 10_000n),
  亩: { family: 'mu', base: '亩', factor: 1n, shown: '亩' },
  立方米: { family: 'volume', base: '立方米', factor: 1n, shown: '立方米' },
  m3: { family: 'volume', base: '立方米', factor: 1n, shown: '立方米' },
  公里: length('公里', 1000n),
  千米: length('公里', 1000n),
  km: length('公里', 1000n),
  延米: length('米', 1n),
  米: length('米', 1n),
  m: length('米', 1n),
  吨: { family: 'mass', base: '公斤', factor: 1000n, shown: '吨' },
  公斤: { family: 'mass', base: '公斤', factor: 1n, shown: '公斤' },
  千克: { family: 'mass', base: '公斤', factor: 1n, shown: '公斤' },
  kg: { family: 'mass', base: '公斤', factor: 1n, shown: '公斤' },
};

/** Counting units; each its own family except the ones grouped here. */
const COUNT_UNITS = [
  '人次',
  '班次',
  '课时',
  '学时',
  '小时',
  '台套',
  '人',
  '名',
  '位',
  '个',
  '所',
  '项',
  '间',
  '套',
  '台',
  '辆',
  '册',
  '本',
  '期',
  '次',
  '场',
  '班',
  '节',
  '件',
  '张',
  '户',
  '家',
  '座',
  '栋',
  '幢',
  '处',
  '盏',
  '块',
  '株',
  '棵',
  '份',
  '批',
  '组',
  '类',
  '天',
] as const;
const COUNT_FAMILY: Readonly<Record<string, string>> = { 名: '人', 位: '人', 幢: '栋' };

/** The units a Chinese counting numeral may carry (`七所`, `两幢`, `十二个`): no 次/期/批 (`一次性`, `一批`). */
const CN_COUNT_UNITS = '所|个|项|栋|幢|座|间|套|台|辆|名|处|家|类';

/** Every written unit, longest first within each first character: the units a figure may end with. */
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const u of [...Object.keys(UNITS), ...COUNT_UNITS].sort((a, b) => b.length - a.length)) {
  const list = UNITS_BY_FIRST.get(u[0]!);
  if (list) list.push(u);
  else UNITS_BY_FIRST.set(u[0]!, [u]);
}
/** Digits grouped by commas (`8,572`) or by spaces as GB/T 15835 sets them (`8 572平方米`), or plain. */
const NUMBER_RE =
  /(?<![\d.])(?<!\d,)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<!\d )(?<!(?:项目|子项目|标段|附件|附表|序号|编号|批次|第)\s?)\d{1,3}(?: \d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)/gu;

/** What follows a number: 余/多, a multiplier, 余/多, the unit. Null when no unit follows. */
function unitAfter(norm: string, at: number): { pre?: string; mult?: string; post?: string; unit: string; end: number } | null {
  let i = at;
  while (norm[i] === ' ') i++;
  let pre: string | undefined;
  let mult: string | undefined;
  let post: string | undefined;
  if (norm[i] === '余' || norm[i] === '多') pre = norm[i++];
  if (norm[i] === '万' || norm[i] === '千' || norm[i] === '百' || norm[i] === '亿') mult = norm[i++];
  if (mult && (norm[i] === '余' || norm[i] === '多')) post = norm[i++];
  while (norm[i] === ' ') i++;
  const candidates = UNITS_BY_FIRST.get(norm[i] ?? '');
  if (!candidates) return null;
  for (const u of candidates) {
    if (norm.startsWith(u, i))
      return {
        ...(pre !== undefined && { pre }),
        ...(mult !== undefined && { mult }),
        ...(post !== undefined && { post }),
        unit: u,
        end: i + u.length,
      };
  }
  return null;
}
const CN_RE = new RegExp(`([一二两三四五六七八九十百千]+)(余|多)?(${CN_COUNT_UNITS})`, 'gu');
const CN_CHARS = /[零〇一二两三四五六七八九十百千万亿第]/u;

/** What may not follow a unit for it to be that unit (`3个月` is time, `5名单`, `米饭`, `5mm`). */
function badFollow(unit: string, next: string): boolean {
  if (/^[a-z]/u.test(unit)) return /^[A-Za-z0-9]/u.test(next);
  switch (unit) {
    case '个':
      return next.startsWith('月') || next.startsWith('百分点');
    case '名':
      return /^[单称额次]/u.test(next);
    case '人':
      return /^[民员均]/u.test(next);
    case '次':
      return /^[性日年月]/u.test(next);
    case '期':
      return /^[间末限]/u.test(next);
    case '项':
      return next.startsWith('目');
    case '台':
      return /^[账风]/u.test(next);
    case '本':
      return /^[级年单次]/u.test(next);
    case '米':
      return /^[饭粒面]/u.test(next);
    case '天':
      return /^[然气]/u.test(next);
    case '批':
      return /^[复准示]/u.test(next);
    case '班':
      return /^[级额主子]/u.test(next);
    case '件':
      return next.startsWith('事');
    default:
      return false;
  }
}

/**
 * A count in 个 of projects (`农村学前教育推进工程5个`, `11个项目`, `9个全民健康保障工程`) counts what 项 counts: an
 * accountant adds `22项 + 5个` of projects into `31项`. Other counts in 个 (`食堂22个`, `学校5个`, `60个班级`) stay their
 * own. A counting verb may stand between (`新建项目有6个`, 苍南, real text: its 其中 then names one school and its
 * `60个班级`, which is not one of the six).
 * A count of projects in 个 is also one of the things a total in 个 counts (`食堂5个，其中新建3个，续建工程1个`), but
 * a count of projects holds no plain counts in 个 (`9个全民健康保障工程` and `2个竣工`). A count after a word of work
 * only (`校舍建设133个`, `改造3个`) may count projects (`项目187项，其中：校舍建设133个…`) or the things worked on
 * (`食堂5个，其中新建2个，改造3个`): it is both, as a part and as a total.
 */
const PROJECT_BEFORE = /(?:项目|工程|专项)(?:共有|共计|总计|合计|有|共|计|为)?\s*$/u;
const WORK_BEFORE = /(?:建设|改造|改扩建|维修)(?:共有|共计|总计|合计|有|共|计|为)?\s*$/u;
const PROJECT_AFTER = /^\s*(?:[\u4e00-\u9fff]{0,10}?(?:项目|工程)|专项)/u;
function projectCount(def: UnitDef, norm: string, start: number, end: number): UnitDef {
  if (def.family !== 'count:个') return def;
  if (PROJECT_AFTER.test(norm.slice(end, end + 13))) return PROJECT_COUNT;
  const before = clauseBefore(norm, start);
  if (PROJECT_BEFORE.test(before)) return PROJECT_COUNT;
  return WORK_BEFORE.test(before) ? WORK_COUNT : def;
}
const PROJECT_COUNT: UnitDef = { family: 'count:项', base: '项', factor: 1n, shown: '个', also: 'count:个' };
const WORK_COUNT: UnitDef = { ...PROJECT_COUNT, holds: 'count:个' };

function defOf(unit: string): UnitDef {
  const d = UNITS[unit];
  if (d) return d;
  const fam = COUNT_FAMILY[unit] ?? unit;
  return { family: `count:${fam}`, base: fam, factor: 1n, shown: unit };
}

const MULT: Readonly<Record<string, bigint>> = { 万: 10_000n, 千: 1000n, 百: 100n, 亿: 100_000_000n };

/** `,，。;；、:：\n\r()（）!?！？`: what ends the clause before an amount or a quantity. */
export function breaksClause(c: number): boolean {
  switch (c) {
    case 0x2c:
    case 0xff0c:
    case 0x3002:
    case 0x3b:
    case 0xff1b:
    case 0x3001:
    case 0x3a:
    case 0xff1a:
    case 0x0a:
    case 0x0d:
    case 0x28:
    case 0x29:
    case 0xff08:
    case 0xff09:
    case 0x21:
    case 0x3f:
    case 0xff01:
    case 0xff1f:
      return true;
    default:
      return false;
  }
}

function clauseBefore(norm: string, end: number, max = 16): string {
  let i = end;
  while (i > 0 && end - i < max && !breaksClause(norm.charCodeAt(i - 1))) i--;
  return norm.slice(i, end);
}

/** Whether norm[i] is an ASCII digit or a point (`/[\d.]$/` of the text before i + 1, without the copy). */
export function digitOrPointAt(norm: string, i: number): boolean {
  if (i < 0) return false;
  const c = norm.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || c === 0x2e;
}

/** Trailing zeros of an integer's digits (`5000` → 3). */
function trailingZeros(digits: string): number {
  const m = /0+$/u.exec(digits);
  return m && m[0].length < digits.length ? m[0].length : 0;
}

/** The value of `digits.frac × unitFactor` in value units, or null when not exact / too large. */
function toValue(intDigits: string, fracDigits: string, factor: bigint): bigint | null {
  const scale = 10n ** BigInt(fracDigits.length);
  const num = BigInt(intDigits + fracDigits) * factor * BigInt(QUANTITY_SCALE);
  if (num % scale !== 0n) return null;
  const v = num / scale;
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? null : v;
}

interface Qualified {
  start: number;
  end: number;
  qualifier: string | undefined;
  per: string | undefined;
  low: number | undefined;
}

const PER_BEFORE = /(每(?:[\u4e00-\u9fff]{1,2}?)(?:每[\u4e00-\u9fff]{1,2}?)?|人均|生均|校均|班均|户均|平均|均)[\u4e00-\u9fff]{0,4}$/u;

/** Qualifiers around a quantity: 约…, …左右/以上/以内, a range before it, a rate (每班, 平均, /班). */
function qualify(norm: string, start: number, end: number, factor: bigint, approxWord: string | undefined): Qualified {
  let qualifier = approxWord;
  let m: RegExpExecArray | null;
  if ((m = /^(左右|以上|以下|以内|之内)/u.exec(norm.slice(end)))) {
    qualifier = qualifier ?? m[1]!;
    end += m[1]!.length;
  }
  let per: string | undefined;
  if ((m = /^\/([\u4e00-\u9fff]{1,2}|年|人|班|校)/u.exec(norm.slice(end)))) {
    per = m[1]!;
    end += m[0].length;
  }
  let low: number | undefined;
  const rm = /(\d+(?:\.\d+)?)\s*(?:-|~|～|—|至|到)\s*$/u.exec(norm.slice(Math.max(0, start - 12), start));
  if (rm && !digitOrPointAt(norm, start - rm[0].length - 1)) {
    const [ip, fp = ''] = rm[1]!.split('.');
    const v = toValue(ip!, fp, factor);
    if (v !== null) {
      low = Number(v);
      start -= rm[0].length;
      qualifier = '至';
    }
  }
  const ctx = clauseBefore(norm, start);
  const qm = /(不超过|不高于|不低于|不少于|不足|大约|约|近|超过|逾|达约|≥|≤|>|<)\s*$/u.exec(ctx);
  if (qm) {
    qualifier = qm[1] === '达约' ? '约' : qm[1] === '≥' || qm[1] === '>' ? '不少于' : qm[1] === '≤' || qm[1] === '<' ? '不超过' : qm[1]!;
    start -= qm[0].length;
  } else if (qualifier === undefined && /预计|估算|估计|计划约/u.test(ctx)) {
    qualifier = '预计';
  }
  if (per === undefined) {
    const pm = PER_BEFORE.exec(ctx);
    if (pm) per = pm[1]!.replace(/^每/u, '') || '均';
  }
  return { start, end, qualifier, per, low };
}

/**
 * The quantities of a normalised text (not money: `taken` tells which spans money already holds).
 * Ordinals (`第3期`), codes (`P1.5`), percentages, dates and document numbers carry no unit here and
 * are never read.
 */
export function readQuantities(
  norm: string,
  map: readonly number[],
  original: string,
  taken: (s: number, e: number) => boolean,
): ScannedQuantity[] {
  if (!/\d|[一二两三四五六七八九十]/u.test(norm)) return [];
  const out: ScannedQuantity[] = [];
  // every quantity is built with the same keys in the same order: one object shape for the engine
  const push = (
    value: number,
    def: UnitDef,
    multText: string,
    factor: bigint,
    qualifier: string | undefined,
    precision: number,
    q: Qualified,
    form: ScannedQuantity['form'],
  ): void => {
    const offset = map[q.start]!;
    const len = map[q.end]! - offset;
    out.push({
      value,
      family: def.family,
      also: def.also,
      holds: def.holds,
      unit: `${multText}${def.shown}`,
      base: def.base,
      factor: Number(factor),
      approximate: qualifier !== undefined,
      qualifier,
      precision,
      low: q.low,
      per: q.per,
      form,
      nStart: q.start,
      nEnd: q.end,
      offset,
      length: len,
      text: original.slice(offset, offset + len),
    });
  };
  if (/\d/u.test(norm)) {
    NUMBER_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NUMBER_RE.exec(norm)) !== null) {
      const s = m.index;
      const u = unitAfter(norm, s + m[0].length);
      if (!u) continue;
      const e = u.end;
      const unitText = u.unit;
      const prev = norm[s - 1] ?? '';
      if (prev === '第' || /[A-Za-z]/u.test(prev) || taken(s, e) || badFollow(unitText, norm.slice(e, e + 3))) continue;
      // 54、55期: issue numbers (the 期/届 of a series), not a count
      if ((unitText === '期' || unitText === '届') && /\d[、,，和]$/u.test(norm.slice(Math.max(0, s - 2), s))) continue;
      const def = defOf(unitText);
      const mult = u.mult ? MULT[u.mult]! : 1n;
      const [ip, fp = ''] = m[0].replace(/[, ]/gu, '').split('.');
      const v = toValue(ip!, fp, def.factor * mult);
      if (v === null) continue;
      const stepBase = def.factor * mult * BigInt(QUANTITY_SCALE);
      let step = fp.length > 0 ? stepBase / 10n ** BigInt(fp.length) : stepBase;
      // 5000多平方米, 十余所: 余/多 right after the digits stand for the place of the last non-zero digit
      if (u.pre && fp.length === 0) step = stepBase * 10n ** BigInt(trailingZeros(ip!));
      const q = qualify(norm, s, e, def.factor * mult, u.pre ?? u.post);
      push(
        Number(v),
        projectCount(def, norm, q.start, q.end),
        u.mult ?? '',
        def.factor * mult,
        normalQualifier(q.qualifier),
        Number(step),
        q,
        'figure',
      );
      NUMBER_RE.lastIndex = Math.max(NUMBER_RE.lastIndex, q.end);
    }
  }
  if (/[一二两三四五六七八九十]/u.test(norm)) {
    CN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CN_RE.exec(norm)) !== null) {
      const s = m.index;
      const e = s + m[0].length;
      if (CN_CHARS.test(norm[s - 1] ?? '') || taken(s, e) || badFollow(m[3]!, norm.slice(e, e + 3))) continue;
      if (out.some((q) => s < q.nEnd && e > q.nStart)) continue;
      const n = parseChineseNumeral(m[1]!);
      if (n === null || n === 0 || n > 10_000) continue;
      const def = defOf(m[3]!);
      const q = qualify(norm, s, e, 1n, m[2]);
      const last = m[1]![m[1]!.length - 1]!;
      const step = last === '十' ? 10 : last === '百' ? 100 : last === '千' ? 1000 : 1;
      push(
        n * QUANTITY_SCALE,
        projectCount(def, norm, q.start, q.end),
        '',
        1n,
        normalQualifier(q.qualifier),
        (m[2] ? step : 1) * QUANTITY_SCALE,
        q,
        'chinese',
      );
    }
    out.sort((a, b) => a.nStart - b.nStart);
  }
  return out;
}

/** 以上 reads as 不少于, 以下/以内/之内 as 不超过. */
function normalQualifier(q: string | undefined): string | undefined {
  if (q === '以上') return '不少于';
  if (q === '以下' || q === '以内' || q === '之内') return '不超过';
  return q;
}

/**
 * The range of values a measure stands for: exact values are a point; 约/预计/左右/近 ±half a step
 * of the last digit; 余/多/超过/逾/不少于 from the value to one step above; 不超过/不高于 from 0 to the
 * value; 不足 from one step below; a range `10-15` from its lower bound.
 */
export function measureRange(a: {
  readonly value: number;
  readonly approximate: boolean;
  readonly qualifier?: string | undefined;
  readonly precision: number;
  readonly low?: number | undefined;
}): {
  lo: number;
  hi: number;
} {
  if (a.low !== undefined) return { lo: a.low, hi: a.value };
  if (!a.approximate) return { lo: a.value, hi: a.value };
  const p = a.precision;
  switch (a.qualifier) {
    case '余':
    case '多':
      return { lo: a.value, hi: a.value + p };
    case '超过':
    case '逾':
    case '不少于':
    case '不低于':
      // a lower bound (不低于500万元, 5亿元以上): any larger sum agrees with it
      return { lo: a.value, hi: a.value + OPEN_ABOVE };
    case '不超过':
    case '不高于':
      return { lo: 0, hi: a.value };
    case '不足':
      return { lo: a.value - p, hi: a.value };
    default:
      return { lo: a.value - Math.floor(p / 2), hi: a.value + Math.floor(p / 2) };
  }
}

/** How far above a lower bound its range reaches: open, but small enough that sums of ranges stay exact integers. */
const OPEN_ABOVE = 2 ** 50;

/** `4900平方米`, `1.2万人`: a value in a unit of its family, with the decimals it needs. */
export function formatQuantity(value: number, unit: string, factor: number): string {
  const den = BigInt(factor) * BigInt(QUANTITY_SCALE);
  const neg = value < 0;
  const abs = BigInt(Math.abs(value));
  const int = abs / den;
  let frac = abs % den;
  let digits = '';
  // factor × scale is a power of ten: the decimals are finite
  let d = den;
  while (frac !== 0n && d > 1n) {
    d /= 10n;
    digits += (frac / d).toString();
    frac %= d;
  }
  return `${neg ? '-' : ''}${int}${digits === '' ? '' : `.${digits}`}${unit}`;
}
