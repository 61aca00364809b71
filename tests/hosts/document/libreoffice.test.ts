/**
 * A .docx written by another program than the tests' builder: tests/fixtures/document/numbered.fodt (a
 * disclosure typed in LibreOffice Writer, its headings numbered by a list style 一、/（一）, the list
 * continued after a paragraph, and a table with cells merged across and down) converted to .docx by
 * LibreOffice itself. Its numbering.xml says `taiwaneseCountingThousand` with `w:suff nothing`, and
 * its tables carry gridSpan/vMerge as Word's do.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/hosts/document/read';
import type { SheetSnapshot } from '../../../src/core/snapshot/types';
import { soffice } from '../../helpers/docx-template';

let sheet: SheetSnapshot;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'docin-lo-'));
  copyFileSync(join(__dirname, '../../fixtures/document/numbered.fodt'), join(dir, 'numbered.fodt'));
  await soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, 'numbered.fodt')], dir);
  const r = readDocument(new Uint8Array(readFileSync(join(dir, 'numbered.docx'))), 'docx');
  if (!r.ok) throw new Error(r.error.zh);
  sheet = r.snapshot.sheets[0]!;
}, 180_000);

describe('a LibreOffice .docx', () => {
  it('has its headings numbered as the writer shows them', () => {
    const a = sheet.cells.filter((c) => c.col === 0 && c.row < 7).map((c) => c.text);
    expect(a).toEqual([
      '项目一',
      '一、项目名称',
      '国家义务教育优质均衡评估专项经费',
      '二、立项依据',
      '（一）强化工作保障',
      '（二）加大财政投入',
      '三、资金安排情况',
    ]);
  });

  it('has its table in the grid with the merges', () => {
    const at = (row: number, col: number): string | undefined => sheet.cells.find((c) => c.row === row && c.col === col)?.text;
    expect([at(7, 0), at(7, 1), at(8, 1), at(8, 2), at(9, 0)]).toEqual(['学校代码', '资金', '中央', '省级', '2153030929']);
    expect([...sheet.merges].sort((x, y) => x.left - y.left)).toEqual([
      { top: 7, left: 0, bottom: 8, right: 0 },
      { top: 7, left: 1, bottom: 7, right: 2 },
    ]);
  });
});
