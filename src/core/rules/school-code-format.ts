import { defineRule, type RawFinding } from './types';
import { place } from '../schools/support';

type Id = 'length' | 'chars';

/** The school code is not exactly 10 digits. */
export default defineRule<Id>({
  meta: {
    id: 'school-code-format',
    name: { zh: '学校代码格式', en: 'School code format' },
    group: 'school',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '学校代码不是10位数字', en: 'The school code is not exactly 10 digits' },
    messages: {
      length: {
        zh: '{school} 的学校代码“{actual}”有 {length} 位，应为10位数字',
        en: '{school}: the school code "{actual}" has {length} digits; it must have exactly 10',
      },
      chars: {
        zh: '{school} 的学校代码“{actual}”含有非数字字符，应为10位数字',
        en: '{school}: the school code "{actual}" contains characters other than digits; it must be 10 digits',
      },
    },
  },
  check(document) {
    const out: RawFinding<Id>[] = [];
    for (const table of document.tables) {
      const column = table.headers[table.columns.code];
      for (const row of table.rows) {
        const d = row.code.digits;
        if (d === '' || row.code.error !== undefined || /^\d{10}$/.test(d)) continue;
        const school = row.name.text;
        const base = {
          ref: row.code.ref,
          ...place(document, table, row),
          ...(column !== undefined && { column }),
          expected: '10位数字',
          actual: d,
        };
        if (/^\d+$/.test(d)) out.push({ messageId: 'length', data: { school, actual: d, length: d.length }, ...base });
        else out.push({ messageId: 'chars', data: { school, actual: d }, ...base });
      }
    }
    return out;
  },
});
