import { analyseSection, type AmountAnalysis } from '../text/amount-statements';
import { specificName } from '../text/enumerations';
import { formatMoney, type MoneyUnit } from '../text/money';
import { formatQuantity } from '../text/quantities';
import type { CellRef } from '../model';
import { toA1 } from '../snapshot/a1';
import { defineRule, type RawFinding } from './types';

type MessageId = 'repeated' | 'differentAmounts';

/** One item of an enumeration as this rule compares it. */
interface Item {
  /** The figure: its item's whole name and the name of the item it belongs to (its identity), and its name as shown. */
  readonly figure: {
    readonly name: string;
    readonly context: string;
    readonly label: string;
    readonly clause: string;
    readonly para: number;
  };
  /** What it measures (`money`, `area`…) and its exact value in that family's units. */
  readonly family: string;
  readonly value: number;
  /** How its value is written in a message (formatted only for a finding). */
  readonly shown:
    { readonly fen: number; readonly unit: MoneyUnit } | { readonly value: number; readonly unit: string; readonly factor: number };
  readonly ref: CellRef;
  /** Where it stands, so one item is never compared with itself. */
  readonly key: string;
}

function enumerations(an: AmountAnalysis): Item[][] {
  const money = an.lists.map((list) =>
    list.map((i): Item => {
      const a = an.amounts[i]!;
      return { figure: a, family: 'money', value: a.amount.fen, shown: a.amount, ref: a.ref, key: `a${i}` };
    }),
  );
  const quantities = an.quantityLists.map((list) =>
    list.map((i): Item => {
      const q = an.quantities[i]!;
      return { figure: q, family: q.amount.family, value: q.amount.value, shown: q.amount, ref: q.ref, key: `q${i}` };
    }),
  );
  return [...money, ...quantities];
}

function shownOf(item: Item): string {
  const s = item.shown;
  return 'fen' in s ? formatMoney(s.fen, s.unit) : formatQuantity(s.value, s.unit, s.factor);
}

/** An unambiguous key of strings (each prefixed by its length). */
function keyOf(...parts: string[]): string {
  return parts.map((x) => `${x.length}:${x}`).join('');
}

/**
 * The years a figure's clause names (`2021年秋季投入使用20所`): an item read without its year (the name starts after the
 * figure 2021) is another item than the same words of another year (西安, real text: …2020年秋季投入使用31所，2021年秋季
 * 投入使用20所，2022年秋季投入使用2所).
 */
function yearsOf(clause: string): string {
  return (clause.match(/(?:19|20)\d{2}(?=年)/gu) ?? []).join(',');
}

/**
 * A label line between two items (a phrase a line, 内蒙古, real text: “励耕计划” / 资助…教师37人 / 资助资金39万元 /
 * “滋蕙计划” / 资助…学生99人 / 资助资金7.6万元): a short line of its own with no figure and no full stop names the items
 * after it, so the same words before and after it are two items.
 */
function labelLineBetween(an: AmountAnalysis, a: number, b: number): boolean {
  for (let q = Math.min(a, b) + 1; q < Math.max(a, b); q++) {
    const t = an.paragraphs[q]?.text.trim() ?? '';
    if (t !== '' && t.length <= 20 && !/\d/u.test(t) && !/[。；;！？!?]$/u.test(t)) return true;
  }
  return false;
}

const sameCell = (a: CellRef, b: CellRef): boolean => a.sheet === b.sheet && a.row === b.row && a.col === b.col;

/** The same item listed twice in one enumeration: with the same amount (counted twice?) or with two amounts. */
export default defineRule<MessageId>({
  meta: {
    id: 'repeated-item',
    name: { zh: '重复列项', en: 'Repeated item' },
    group: 'amount',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '同一列举中重复列出同一事项', en: 'The same item is listed twice in one enumeration' },
    messages: {
      repeated: {
        zh: '“{item}{amount}”在同一列举中出现了两次（{where}），可能重复列支',
        en: '“{item}{amount}” is listed twice in one enumeration ({where}): it may be counted twice',
      },
      differentAmounts: {
        zh: '同一列举中“{item}”出现了两次，数额不同（{first}、{second}），请核实是否为同一事项',
        en: '“{item}” appears twice in one enumeration with different amounts ({first}, {second}): check whether it is one item',
      },
    },
  },
  check(document, context) {
    const out: RawFinding<MessageId>[] = [];
    for (const project of document.projects) {
      for (const section of project.sections) {
        const reported = new Set<string>();
        const an = analyseSection(section);
        for (const items of enumerations(an)) {
          // the first item of each family, context and name; an item's name is read only once another
          // item of its family and context stands before it (names are costly, most items have none such)
          const first = new Map<string, Item>();
          const alone = new Map<string, Item | null>();
          for (const b of items) {
            const group = keyOf(b.family, b.figure.context);
            const head = alone.get(group);
            if (head === undefined) {
              alone.set(group, b);
              continue;
            }
            if (head !== null) {
              first.set(keyOf(group, head.figure.name), head);
              alone.set(group, null);
            }
            const name = b.figure.name;
            const k = keyOf(group, name);
            const a = first.get(k);
            if (a === undefined) first.set(k, b);
            if (!specificName(name) || reported.has(b.key)) continue;
            if (!a) continue;
            const years = yearsOf(b.figure.clause);
            if (years !== '' && years !== yearsOf(a.figure.clause)) continue;
            if (a.figure.para !== b.figure.para && labelLineBetween(an, a.figure.para, b.figure.para)) continue;
            reported.add(b.key);
            const label = b.figure.label;
            const shown = shownOf(b);
            const where = sameCell(a.ref, b.ref)
              ? context.lang === 'en'
                ? 'in the same cell'
                : '同一单元格中'
              : context.lang === 'en'
                ? `also at ${a.ref.sheet}!${toA1(a.ref.row, a.ref.col)}`
                : `另见${a.ref.sheet}!${toA1(a.ref.row, a.ref.col)}`;
            const common = { ref: b.ref, project: project.label, ...(!sameCell(a.ref, b.ref) && { related: [a.ref] }) };
            if (a.value === b.value) {
              out.push({
                messageId: 'repeated',
                data: { item: label, amount: shown, where },
                actual: `${label}${shown}`,
                ...common,
              });
            } else {
              out.push({
                messageId: 'differentAmounts',
                data: { item: label, first: shownOf(a), second: shown },
                advice: true,
                ...common,
              });
            }
          }
        }
      }
    }
    return out;
  },
});
