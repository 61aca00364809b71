import { defineRule, type RawFinding } from './types';
import { toA1 } from '../snapshot/a1';
import { isCountyLevelName, normalizeName, stripPrefix, townOf } from '../schools/names';
import { standardName } from '../schools/match';
import { place, rowMatches, tablePrefix } from '../schools/support';

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
      const prefix = tablePrefix(table);
      if (prefix === '') continue;
      const matches = rowMatches(document, table);
      const named = table.rows.filter((r) => r.name.text.trim() !== '');
      if (named.length < 2) continue;
      const infos = table.rows.map((r, i) => {
        const { rest, hadPrefix } = stripPrefix(r.name.text, prefix);
        const m = matches[i];
        const entry = m?.kind === 'match' ? m.entry : undefined;
        // county-level: the registry says it has no town, or its name says so (第一中学, 职业中学…)
        const countyLevel = entry
          ? normalizeName(entry.town ?? '') === '' && townOf(normalizeName(entry.name)) === ''
          : isCountyLevelName(rest);
        return { rest, hadPrefix, town: townOf(rest), countyLevel, entry };
      });
      const withPrefix = infos.filter((x, i) => x.hadPrefix && table.rows[i]!.name.text.trim() !== '').length;
      const townLevel = infos.filter((x, i) => !x.countyLevel && table.rows[i]!.name.text.trim() !== '');
      const withTown = townLevel.filter((x) => x.town !== '').length;
      const prefixNorm = withPrefix * 2 > named.length;
      const townNorm = townLevel.length >= 2 && withTown * 2 > townLevel.length;
      table.rows.forEach((row, i) => {
        const name = row.name.text;
        const x = infos[i]!;
        if (name.trim() === '') return;
        let id: Id | null = null;
        if (prefixNorm && !x.hadPrefix) id = 'noPrefix';
        else if (townNorm && x.town === '' && !x.countyLevel) id = 'noTown';
        if (!id) return;
        const standard =
          x.entry && (x.countyLevel || normalizeName(x.entry.town ?? '') !== '' || townOf(normalizeName(x.entry.name)) !== '')
            ? standardName(x.entry, prefix)
            : undefined;
        const fixable =
          standard !== undefined &&
          standard !== normalizeName(name) &&
          (id === 'noPrefix' || townOf(stripPrefix(standard, prefix).rest) !== '');
        const suggestion = fixable ? (zh ? `，标准名称应为“${standard}”` : `; the standard name is "${standard}"`) : '';
        out.push({
          messageId: id,
          data: { school: name, prefix, suggestion },
          ref: row.name.ref,
          ...place(document, table, row),
          ...(table.headers[table.columns.name] !== undefined && { column: table.headers[table.columns.name]! }),
          expected: fixable ? standard : zh ? '市+县+乡+校名' : '市+县+乡+校名 (city + county + town + school)',
          actual: name,
          ...(fixable && {
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
