/**
 * Issue 17 item 12: invisible (default-ignorable) characters pasted into headings, titles and school
 * names change nothing that is compared: the same findings and the same fills as the clean text.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/core/check';
import { compactText, normalizeText, normalizeWithMap, stripIgnorable } from '../../../src/core/text/normalize';
import type { Cell, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { makeDocument } from '../../helpers/document';
import { registrySheet, seedProject, seedRegistryRows, tableSheet } from '../schools/fixtures';

function clean(): WorkbookSnapshot {
  return makeDocument([seedProject()], { sheets: [tableSheet({ sheet: '学校明细表' }), registrySheet(seedRegistryRows())] }).snapshot;
}

/** The same workbook with invisible characters in every heading, title and school name. */
function dirty(): WorkbookSnapshot {
  const s = clean();
  const edit = (sheet: string, c: Cell): Cell => {
    if (c.kind !== 'text') return c;
    let t = c.text;
    if (/^(?:项目[一二三四五六七八九十]+|[一二三四五六七八]、)/.test(t))
      t = `\u200b${t}\u2060`; // headings and the title
    else if (sheet === '学校明细表' && c.col === 1 && c.row >= 5)
      t = t.length > 8 ? `${t.slice(0, 8)}\u00ad${t.slice(8)}\u200d` : `${t}\u200d`;
    else if (sheet === '学校名册' && c.col === 1 && c.row >= 2) t = `${t}\u2060`;
    else if (sheet === '学校名册' && c.col === 2 && c.row >= 2) t = `\ufeff${t}`;
    return t === c.text ? c : { ...c, value: t, text: t };
  };
  return { ...s, sheets: s.sheets.map((sh) => ({ ...sh, cells: sh.cells.map((c) => edit(sh.name, c)) })) };
}

const shape = (snapshot: WorkbookSnapshot) =>
  checkWorkbook({ snapshot }).findings.map((f) => [f.rule, f.messageId, f.sheet, f.cell, f.fix?.value ?? null]);

describe('default-ignorable characters (issue 17 item 12)', () => {
  it('U+2060/U+200D after headings, titles and school names, U+00AD inside names: the same findings and fills', () => {
    const a = shape(clean());
    const b = shape(dirty());
    expect(b).toEqual(a);
    expect(a.filter((x) => x[0] === 'school-code-missing' && x[4] !== null)).toHaveLength(5); // the five fills
  });

  it('the messages quote the text as written', () => {
    const f = checkWorkbook({ snapshot: dirty() }).findings.find((x) => x.rule === 'school-code-missing');
    expect(f?.school).toMatch(/\u200d$/u);
  });

  it('normalisation removes exactly the Default_Ignorable_Code_Point characters', () => {
    const di = /^\p{Default_Ignorable_Code_Point}$/u;
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if ((stripIgnorable(ch) === '') !== di.test(ch)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
    expect(compactText('六、资金\u00ad安排情况\u2060')).toBe('六、资金安排情况');
    expect(normalizeText('\ufeff 大街小学\u200d ')).toBe('大街小学');
    const m = normalizeWithMap('a\u200db');
    expect(m).toEqual({ text: 'ab', map: [0, 2, 3] });
  });
});
