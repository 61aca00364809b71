import { defineRule, type RawFinding } from './types';
import { toA1 } from '../snapshot/a1';
import { nameIssues, place, rowMatches, townNotedWithCode } from '../schools/support';

type Id = 'noPrefix' | 'noTown';

/** A school name is not in 市+县+乡+校名 form. */
export default defineRule<Id>({
  meta: {
    id: 'school-name-format',
    name: { zh: '学校名称格式', en: 'School name format' },
    group: 'school',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '校名不是“市+县+乡+校名”格式', en: 'A school name is not in 市+县+乡+校名 form' },
    messages: {
      noPrefix: {
        zh: '校名“{school}”没有以“{prefix}”开头，不是“市+县+乡+校名”格式{suggestion}',
        en: 'The name "{school}" does not start with "{prefix}", so it is not in 市+县+乡+校名 form{suggestion}',
      },
      noTown: {
        zh: '校名“{school}”缺少乡镇（街道），不是“市+县+乡+校名”格式{suggestion}',
        en: 'The name "{school}" has no 乡镇 (town or subdistrict), so it is not in 市+县+乡+校名 form{suggestion}',
      },
    },
  },
  check(document, context) {
    const out: RawFinding<Id>[] = [];
    const zh = context.lang !== 'en';
    for (const table of document.tables) {
      const issues = nameIssues(document, table);
      const matches = rowMatches(document, table);
      table.rows.forEach((row, i) => {
        const issue = issues[i];
        // a school the registry cannot resolve and without a code: school-code-missing says both
        if (!issue || townNotedWithCode(row, matches[i], issue)) return;
        const name = row.name.text;
        const { standard, prefix } = issue;
        const suggestion = standard !== undefined ? (zh ? `，标准名称应为“${standard}”` : `; the standard name is "${standard}"`) : '';
        out.push({
          messageId: issue.id,
          data: { school: name, prefix, suggestion },
          ref: row.name.ref,
          ...place(document, table, row),
          ...(table.headers[table.columns.name] !== undefined && { column: table.headers[table.columns.name]! }),
          expected: standard ?? (zh ? '市+县+乡+校名' : '市+县+乡+校名 (city + county + town + school)'),
          actual: name,
          ...(standard !== undefined && {
            fix: {
              sheet: row.name.ref.sheet,
              cell: toA1(row.name.ref.row, row.name.ref.col),
              value: standard,
              kind: 'text' as const,
              overwrite: true,
            },
          }),
        });
      });
    }
    return out;
  },
});
