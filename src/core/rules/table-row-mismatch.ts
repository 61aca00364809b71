import type { FundingColumn } from '../model';
import { toA1 } from '../snapshot/a1';
import { defineRule, type RawFinding } from './types';
import { formatScaled, headerOf, occupied, place, SOURCE_COLUMNS } from '../schools/support';

type Id = 'mismatch' | 'empty' | 'notNumber' | 'sourcesEmpty';

/** A row's 小计 differs from the sum of its funding sources. */
export default defineRule<Id>({
  meta: {
    id: 'table-row-mismatch',
    name: { zh: '行小计不符', en: 'Row subtotal mismatch' },
    group: 'school',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '小计不等于各资金来源之和', en: "A row's 小计 differs from the sum of its funding sources" },
    messages: {
      mismatch: {
        zh: '{school}：小计 {actual}{unit} 不等于中央、省级、州市、县（市、区）、其它之和 {expected}{unit}',
        en: '{school}: 小计 (subtotal) {actual} {unit} differs from the sum of its funding sources, {expected} {unit}',
      },
      empty: {
        zh: '{school}：小计为空，各资金来源之和为 {expected}{unit}',
        en: '{school}: 小计 (subtotal) is empty; the funding sources add up to {expected} {unit}',
      },
      notNumber: {
        zh: '{school}：“{column}”不是数字（{actual}），无法核对小计',
        en: '{school}: "{column}" is not a number ({actual}); the subtotal cannot be checked',
      },
      sourcesEmpty: {
        zh: '表中各行只填了小计，中央、省级、州市、县（市、区）、其它各资金来源均为空',
        en: 'The table states only the 小计 (subtotals); every funding-source column is empty',
      },
    },
  },
  check(document) {
    const out: RawFinding<Id>[] = [];
    for (const table of document.tables) {
      const subCol = table.columns.funding.subtotal;
      const sources = SOURCE_COLUMNS.filter((k) => table.columns.funding[k] !== undefined);
      if (subCol === undefined || sources.length === 0) continue;
      const rows = table.total ? [...table.rows, table.total] : table.rows;
      // a table whose source columns are all empty: one finding, not one a row
      const anySource = rows.some((r) => sources.some((k) => r.funding[k] && !r.funding[k].empty));
      if (!anySource) {
        if (rows.some((r) => r.funding.subtotal && !r.funding.subtotal.empty)) {
          out.push({
            messageId: 'sourcesEmpty',
            ref: { sheet: table.sheet, row: table.headerTop, col: table.columns.funding[sources[0]!]! },
            ...place(document, table, undefined),
          });
        }
        continue;
      }
      const unit = table.unit;
      const keys: FundingColumn[] = ['subtotal', ...sources];
      for (const row of rows) {
        // `project`/`school` of a finding: built only for a row that gives one (most give none)
        let placed: { project?: string; school?: string } | undefined;
        const whoOf = (): { project?: string; school?: string } => (placed ??= place(document, table, row));
        const sub = row.funding.subtotal;
        let sum = 0;
        let decimals = 0;
        let bad: { k: FundingColumn; raw: string } | null = null;
        let anyPart = false;
        // a formula without a value: the row cannot be added up (formula-uncalculated says why)
        if (keys.some((k) => row.funding[k]?.uncalculated)) continue;
        for (const k of keys) {
          const c = row.funding[k];
          if (!c || c.empty) continue;
          if (c.fen === null) {
            bad ??= { k, raw: c.error ?? c.raw };
            if (bad.k === k) {
              const who = whoOf();
              const school = who.school ?? '';
              out.push({
                messageId: 'notNumber',
                data: { school, column: headerOf(table, table.columns.funding[k]) ?? k, actual: c.error ?? c.raw },
                ref: c.ref,
                ...who,
                ...(headerOf(table, table.columns.funding[k]) !== undefined && { column: headerOf(table, table.columns.funding[k])! }),
                actual: c.error ?? c.raw,
              });
            }
            continue;
          }
          decimals = Math.max(decimals, c.decimals);
          if (k !== 'subtotal') {
            sum += c.fen;
            anyPart = true;
          }
        }
        if (bad || !sub) continue;
        if (sub.empty) {
          if (!anyPart) continue;
          const who = whoOf();
          const school = who.school ?? '';
          const expected = formatScaled(sum, table, true, decimals);
          out.push({
            messageId: 'empty',
            data: { school, expected, unit },
            ref: sub.ref,
            ...who,
            ...(headerOf(table, subCol) !== undefined && { column: headerOf(table, subCol)! }),
            expected,
            fix: {
              sheet: sub.ref.sheet,
              cell: toA1(sub.ref.row, sub.ref.col),
              value: Number(expected),
              kind: 'number',
              ...(occupied(document, sub.ref) && { overwrite: true }),
            },
          });
          continue;
        }
        if (sub.fen === sum) continue;
        const who = whoOf();
        const school = who.school ?? '';
        const expected = formatScaled(sum, table, true, decimals);
        const actual = formatScaled(sub.fen!, table, true, decimals);
        out.push({
          messageId: 'mismatch',
          data: { school, expected, actual, unit },
          ref: sub.ref,
          ...who,
          ...(headerOf(table, subCol) !== undefined && { column: headerOf(table, subCol)! }),
          expected,
          actual,
          related: sources.map((k) => row.funding[k]?.ref).filter((r): r is NonNullable<typeof r> => r !== undefined),
        });
      }
    }
    return out;
  },
});
