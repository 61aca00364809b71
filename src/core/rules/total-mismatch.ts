import {
  analyseSection,
  describeParts,
  describeQuantityParts,
  moneyTableTotals,
  tableColumnTotals,
  type AmountAnalysis,
  type TotalStructure,
} from '../text/amount-statements';
import { amountRange, formatMoney, UNIT_FEN, unitForDifference } from '../text/money';
import { formatQuantity, measureRange, QUANTITY_SCALE } from '../text/quantities';
import type { CellRef, Section } from '../model';
import { defineRule, type RawFinding } from './types';

type MessageId = 'sumDiffers' | 'partExceeds' | 'noSource' | 'tableSumDiffers' | 'countDiffers' | 'textTableDiffers';

/** A small money table under a heading (项目 | 金额（万元）… with a 合计 row): the 合计 against its rows. */
function tableFindings(section: Section, project: string): RawFinding<MessageId>[] {
  const out: RawFinding<MessageId>[] = [];
  for (const t of moneyTableTotals(section)) {
    if (t.rows < 2 || t.sum === t.total) continue;
    out.push({
      messageId: 'tableSumDiffers',
      data: {
        column: t.column,
        total: formatMoney(t.total, t.unit),
        sum: formatMoney(t.sum, t.unit),
        diff: formatMoney(Math.abs(t.sum - t.total), t.unit),
      },
      ref: t.ref,
      project,
      column: t.column,
      expected: formatMoney(t.sum, t.unit),
      actual: formatMoney(t.total, t.unit),
    });
  }
  return out;
}

/**
 * The amount a section's text states (`本项目安排资金120万元`) against the 合计 of the one money table under it
 * (`资金来源 │ 金额（万元）` … `合计 │ 100`): when no reading of the text agrees with the table, and the text states the
 * table's 合计 nowhere (`其中中央资金100万元，明细如下`, `核定为100万元`), one finding at the text, the table's 合计 beside it. A table whose 合计 already disagrees with its rows is reported by that
 * (one cause, one finding); a rate (每生每年…元) is not the section's amount.
 */
function textTableFindings(section: Section, project: string): RawFinding<MessageId>[] {
  const tables = moneyTableTotals(section);
  if (tables.length !== 1) return [];
  const t = tables[0]!;
  if (t.rows >= 2 && t.sum !== t.total) return [];
  const an = analyseSection(section);
  const stated = an.stated;
  if (!stated || stated.per !== undefined || stated.kind === 'rate') return [];
  if ([stated, ...stated.alternatives].some((r) => t.total >= r.lo && t.total <= r.hi)) return [];
  // the table details another amount the text states (…其中中央资金100万元，明细如下; 核定为100万元): no contradiction
  const stating = (a: (typeof an.amounts)[number]): boolean => {
    const r = amountRange(a.amount);
    return a.amount.per === undefined && r.lo <= t.total && t.total <= r.hi;
  };
  if (an.amounts.some(stating)) return [];
  const text = formatMoney(stated.fen, stated.unit);
  const total = formatMoney(t.total, t.unit);
  return [
    {
      messageId: 'textTableDiffers',
      data: {
        label: section.label,
        text,
        column: t.column,
        total,
        diff: formatMoney(Math.abs(stated.fen - t.total), unitForDifference(stated.fen - t.total, [stated.unit, t.unit])),
      },
      ref: stated.ref,
      project,
      column: t.column,
      expected: total,
      actual: text,
      related: [t.ref],
    },
  ];
}

/** A quantity column's header: its unit in brackets (`建筑面积（平方米）`, `数量（所）`). */
const QUANTITY_HEADER = /[(（]\s*(平方米|㎡|m2|万平方米|亩|米|公里|人|人次|名|所|个|间|台|套|栋|座|辆|册|项)\s*[)）]/u;
const SCALE = 10_000;

/** A plain figure as written in a table cell (`3,000`, `1250.5`), scaled to 1/10000, else null. */
function scaledFigure(text: string): number | null {
  const m = /^\s*(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(\d{1,4}))?\s*$/u.exec(text);
  if (!m) return null;
  const whole = Number(m[1]!.replace(/[,，]/gu, ''));
  const frac = Number((m[2] ?? '').padEnd(4, '0'));
  const v = whole * SCALE + frac;
  return Number.isSafeInteger(v) ? v : null;
}

function showScaled(v: number, unit: string): string {
  const whole = Math.floor(v / SCALE);
  const frac = String(v % SCALE)
    .padStart(4, '0')
    .replace(/0+$/u, '');
  return `${whole}${frac === '' ? '' : `.${frac}`}${unit}`;
}

/**
 * A small table of quantities under a heading (学校 │ 建筑面积（平方米） │ 投资（万元） … 合计): each quantity
 * column's 合计 against the sum of its rows (two or more), exactly, read as a money table's are
 * (`tableColumnTotals`). Tables with 小计 rows, or a column holding text that is not a figure, are left alone.
 */
function quantityTableFindings(section: Section, project: string): RawFinding<MessageId>[] {
  const out: RawFinding<MessageId>[] = [];
  for (const t of tableColumnTotals(section, (header) => QUANTITY_HEADER.exec(header)?.[1] ?? null, scaledFigure)) {
    if (t.rows < 2 || t.sum === t.total) continue;
    const { column, unit, total, sum } = t;
    out.push({
      messageId: 'tableSumDiffers',
      data: { column, total: showScaled(total, unit), sum: showScaled(sum, unit), diff: showScaled(Math.abs(sum - total), unit) },
      ref: t.ref,
      project,
      column,
      expected: showScaled(sum, unit),
      actual: showScaled(total, unit),
    });
  }
  return out;
}

/** A total and its parts, whatever they measure, as this rule compares them. */
interface Compared {
  readonly st: TotalStructure;
  readonly ref: CellRef;
  readonly partRefs: readonly CellRef[];
  /** The total's clause, quoted. */
  readonly clause: string;
  readonly total: { readonly value: number; readonly lo: number; readonly hi: number };
  readonly parts: readonly { readonly value: number; readonly lo: number; readonly hi: number }[];
  /** Formats a value in the total's unit; a difference in the unit that shows it best. */
  readonly format: (v: number) => string;
  readonly formatDiff: (v: number) => string;
  readonly describe: (idx: readonly number[]) => string;
  /**
   * A count of people (人, 名, 位): a 其中 list under it names groups of those people (寄宿生, 建档立卡学生),
   * which may overlap and need not cover all of them, so only parts larger than the total are a contradiction
   * (unless the headcount is stated as a sum: 共计22人，其中…). Likewise this year's shares of a total over
   * several years (总投资10965万元。其中，续建项目2个，当年计划投资4065万元；…): they need not reach the total.
   */
  readonly groups?: boolean;
}

/** Every part is named as this year's share (当年计划投资, 本年投资) of a total that is not. */
const THIS_YEAR = /当年|本年/u;
function yearShares(total: string, parts: readonly string[]): boolean {
  return !THIS_YEAR.test(total) && parts.length > 0 && parts.every((l) => THIS_YEAR.test(l));
}

/**
 * A total written with decimals of a larger unit than some of its parts and to a coarser step than any of them
 * (`研究生教育共落实资助资金2.3亿元` over 886万元 + 550万元 + 0.6亿元 + 1.6亿元 = 2.3436亿元): the writer rounded the
 * sum to the total's last digit, so the total stands for ± half that step (docs/money.md, rounded figures). A
 * whole number of its unit (`2亿元`), a total in the unit of its parts, or one written as finely as all of them,
 * stays exact; a part written more coarsely than the total means no rounding.
 */
function roundedTotal(
  t: { readonly value: number; readonly lo: number; readonly hi: number },
  total: { readonly factor: number; readonly step: number; readonly exact: boolean; readonly decimals: boolean },
  parts: readonly { readonly factor: number; readonly step: number }[],
): { value: number; lo: number; hi: number } {
  if (!total.exact || !total.decimals || !parts.every((p) => p.step <= total.step)) return t;
  if (!parts.some((p) => p.factor < total.factor && p.step < total.step)) return t;
  const half = Math.floor(total.step / 2);
  return { value: t.value, lo: t.value - half, hi: t.value + half };
}

function moneyCompared(an: AmountAnalysis): Compared[] {
  return an.structures.map((st) => {
    const T = an.amounts[st.total]!;
    const unit = T.amount.unit;
    const units = [unit, ...st.parts.map((i) => an.amounts[i]!.amount.unit)];
    const exact = !T.amount.approximate && T.amount.low === undefined;
    return {
      st,
      ref: T.ref,
      partRefs: st.parts.map((i) => an.amounts[i]!.ref),
      clause: T.clause,
      total: roundedTotal(
        { value: T.amount.fen, ...amountRange(T.amount) },
        { factor: UNIT_FEN[unit], step: T.amount.precisionFen, exact, decimals: T.amount.precisionFen < UNIT_FEN[unit] },
        st.parts.map((i) => ({ factor: UNIT_FEN[an.amounts[i]!.amount.unit], step: an.amounts[i]!.amount.precisionFen })),
      ),
      parts: st.parts.map((i) => ({ value: an.amounts[i]!.amount.fen, ...amountRange(an.amounts[i]!.amount) })),
      format: (v) => formatMoney(v, unit),
      groups: yearShares(
        T.label,
        st.parts.map((i) => an.amounts[i]!.label),
      ),
      formatDiff: (v) => formatMoney(v, unitForDifference(v, units)),
      describe: (idx) =>
        describeParts(
          an.amounts,
          idx.map((k) => st.parts[k]!),
        ),
    };
  });
}

function quantityCompared(an: AmountAnalysis): Compared[] {
  return an.quantityStructures.map((st) => {
    const T = an.quantities[st.total]!;
    const { unit, factor } = T.amount;
    return {
      st,
      ref: T.ref,
      partRefs: st.parts.map((i) => an.quantities[i]!.ref),
      clause: T.clause,
      total: roundedTotal(
        { value: T.amount.value, ...measureRange(T.amount) },
        {
          factor,
          step: T.amount.precision,
          exact: !T.amount.approximate && T.amount.low === undefined,
          decimals: T.amount.precision < factor * QUANTITY_SCALE,
        },
        st.parts.map((i) => ({ factor: an.quantities[i]!.amount.factor, step: an.quantities[i]!.amount.precision })),
      ),
      parts: st.parts.map((i) => ({ value: an.quantities[i]!.amount.value, ...measureRange(an.quantities[i]!.amount) })),
      format: (v) => formatQuantity(v, unit, factor),
      formatDiff: (v) => formatQuantity(v, unit, factor),
      // a headcount stated as a sum (共计22人，其中…) is still a whole to account for
      groups: T.amount.family === 'count:人' && !T.sum && T.total !== 'strong',
      describe: (idx) =>
        describeQuantityParts(
          an.quantities,
          idx.map((k) => st.parts[k]!),
        ),
    };
  });
}

function sumOf(list: readonly { value: number; lo: number; hi: number }[]): { value: number; lo: number; hi: number } {
  return list.reduce((a, b) => ({ value: a.value + b.value, lo: a.lo + b.lo, hi: a.hi + b.hi }), { value: 0, lo: 0, hi: 0 });
}

/** The finding for one total and its parts, if they disagree. */
function judge(c: Compared, project: string): RawFinding<MessageId> | null {
  const { st, total: t } = c;
  const sum = sumOf(c.parts);
  const related: CellRef[] = [];
  for (const r of c.partRefs) {
    if (
      (r.row !== c.ref.row || r.col !== c.ref.col || r.sheet !== c.ref.sheet) &&
      !related.some((x) => x.row === r.row && x.col === r.col && x.sheet === r.sheet)
    )
      related.push(r);
  }
  const all = c.parts.map((_, k) => k);
  const common = {
    ref: c.ref,
    project,
    expected: c.format(sum.value),
    actual: c.format(t.value),
    ...(related.length > 0 && { related }),
  };
  if (sum.lo > t.hi && (st.scope === 'some' || c.parts.length === 1)) {
    return { messageId: 'partExceeds', data: { total: c.clause, parts: c.describe(all) }, ...common };
  }
  // a list of some of the total (包括…等, a 其中 naming one part) only must not exceed it
  if (st.scope === 'some' || (c.parts.length === 1 && st.scope !== 'sources')) return null;
  if (sum.hi >= t.lo && sum.lo <= t.hi) return null;
  // groups of people named under a headcount (学生7.6万人，其中：寄宿生4.4万人、建档立卡贫困学生3000人), or this
  // year's shares of a total over several years
  if (c.groups === true && sum.hi < t.lo) return null;
  // the total agrees with the first parts (a later figure belongs to something else), or with the
  // last ones (parts-then-total after other figures): not a contradiction
  for (let n = 2; n < c.parts.length; n++) {
    const r = sumOf(st.kind === 'total-then-parts' ? c.parts.slice(0, n) : c.parts.slice(-n));
    if (r.lo <= t.hi && t.lo <= r.hi) return null;
  }
  const diff = Math.abs(sum.value - t.value);
  if (st.scope === 'sources' && sum.hi < t.lo) {
    return {
      messageId: 'noSource',
      data: { total: c.clause, sum: c.format(sum.value), parts: c.describe(all), diff: c.formatDiff(diff) },
      ...common,
    };
  }
  return {
    messageId: 'sumDiffers',
    data: { total: c.clause, sum: c.format(sum.value), parts: c.describe(all), diff: c.formatDiff(diff) },
    ...common,
  };
}

/** A stated count differs from the number of names listed after it (`7所，分别为A、B、…` with six names). */
function itemCountFindings(an: AmountAnalysis, project: string): RawFinding<MessageId>[] {
  const out: RawFinding<MessageId>[] = [];
  for (const ic of an.itemCounts) {
    const T = an.quantities[ic.total]!;
    const { value, unit, factor } = T.amount;
    const listed = ic.items.length * factor * 10_000;
    const r = measureRange(T.amount);
    if (listed >= r.lo && listed <= r.hi) continue;
    const shown = ic.items.length > 6 ? `${ic.items.slice(0, 6).join('、')}…` : ic.items.join('、');
    out.push({
      messageId: 'countDiffers',
      data: { total: T.clause, n: ic.items.length, items: shown, diff: formatQuantity(Math.abs(listed - value), unit, factor) },
      ref: T.ref,
      project,
      expected: formatQuantity(listed, unit, factor),
      actual: formatQuantity(value, unit, factor),
    });
  }
  return out;
}

/** A stated total (money, a count, an area, a length…) differs from the sum of its listed parts of the same unit. */
export default defineRule<MessageId>({
  meta: {
    id: 'total-mismatch',
    name: { zh: '合计与分项不符', en: 'Total mismatch' },
    group: 'amount',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '合计数与所列分项之和不符', en: 'A stated total differs from the sum of its listed parts' },
    messages: {
      sumDiffers: {
        zh: '“{total}”与所列分项之和{sum}不符（{parts}），相差{diff}',
        en: '“{total}” differs from the sum of its listed parts, {sum} ({parts}): off by {diff}',
      },
      noSource: {
        zh: '“{total}”中列明来源的只有{sum}（{parts}），还有{diff}未说明来源',
        en: '“{total}” names sources for only {sum} ({parts}): {diff} has no stated source',
      },
      tableSumDiffers: {
        zh: '表格“{column}”列的合计{total}与各行之和{sum}不符，相差{diff}',
        en: 'The 合计 of column “{column}”, {total}, differs from the sum of its rows, {sum}: off by {diff}',
      },
      textTableDiffers: {
        zh: '“{label}”文字写明{text}，其下表格“{column}”列的合计为{total}，两者相差{diff}',
        en: '“{label}” states {text} in its text, but the 合计 of column “{column}” of its table is {total}: off by {diff}',
      },
      partExceeds: {
        zh: '分项“{parts}”大于总数“{total}”',
        en: 'The part “{parts}” is larger than the total “{total}”',
      },
      countDiffers: {
        zh: '“{total}”与其后列出的{n}项（{items}）不符，相差{diff}',
        en: '“{total}” differs from the {n} items listed after it ({items}): off by {diff}',
      },
    },
  },
  check(document) {
    const out: RawFinding<MessageId>[] = [];
    for (const project of document.projects) {
      for (const section of project.sections) {
        out.push(
          ...tableFindings(section, project.label),
          ...textTableFindings(section, project.label),
          ...quantityTableFindings(section, project.label),
        );
        const an = analyseSection(section);
        for (const c of [...moneyCompared(an), ...quantityCompared(an)]) {
          const f = judge(c, project.label);
          if (f) out.push(f);
        }
        out.push(...itemCountFindings(an, project.label));
      }
    }
    return out;
  },
});
