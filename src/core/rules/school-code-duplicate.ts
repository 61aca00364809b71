import { defineRule, type RawFinding } from './types';
import type { SchoolRow } from '../model';
import { place } from '../schools/support';

type Id = 'duplicate';

/** The same code is on two rows. */
export default defineRule<Id>({
  meta: {
    id: 'school-code-duplicate',
    name: { zh: '学校代码重复', en: 'School code duplicate' },
    group: 'school',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '同一学校代码出现在多行', en: 'The same code is on two rows' },
    messages: {
      duplicate: {
        zh: '{school} 的学校代码 {code} 与第 {firstRow} 行“{firstSchool}”重复',
        en: '{school}: code {code} is also on row {firstRow} ("{firstSchool}")',
      },
    },
  },
  check(document) {
    const out: RawFinding<Id>[] = [];
    for (const table of document.tables) {
      const first = new Map<string, SchoolRow>();
      const column = table.headers[table.columns.code];
      for (const row of table.rows) {
        const code = row.code.digits;
        if (code === '') continue;
        const prev = first.get(code);
        if (!prev) {
          first.set(code, row);
          continue;
        }
        out.push({
          messageId: 'duplicate',
          data: { school: row.name.text, code, firstRow: prev.row + 1, firstSchool: prev.name.text },
          ref: row.code.ref,
          ...place(document, table, row),
          ...(column !== undefined && { column }),
          actual: code,
          related: [prev.code.ref],
        });
      }
    }
    return out;
  },
});
