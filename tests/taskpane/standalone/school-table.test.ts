/**
 * 生成学校表 in the standalone page's worker (issue 15): the preview writes nothing, the write adds the
 * table to the open workbook and to the downloaded copy, and the re-check sees it.
 */
import { describe, expect, it } from 'vitest';
import { createWorkSession } from '../../../src/taskpane/standalone/session';
import type { ToWorker, WorkArgs, WorkKind, WorkResult } from '../../../src/taskpane/standalone/protocol';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { sampleWithListBytes } from '../../core/schools/list-fixtures';

let nextId = 1;
async function call<K extends WorkKind>(session: ReturnType<typeof createWorkSession>, kind: K, args: WorkArgs<K>): Promise<WorkResult<K>> {
  const out = await session.handle({ id: nextId++, kind, lang: 'zh', args } as ToWorker, () => undefined);
  return structuredClone(out.value) as WorkResult<K>;
}

const request = { config: {}, lang: 'zh' as const };

describe('生成学校表 in the page', () => {
  it('previews, writes the new sheet, re-checks it and puts it in the downloaded copy', async () => {
    const session = createWorkSession();
    const bytes = sampleWithListBytes();
    const opened = await call(session, 'open', { file: new Blob([new Uint8Array(bytes)]), name: '江川区2023.xlsx', request });
    expect(opened.ok).toBe(true);
    expect(await call(session, 'sheetNames', {})).toContain('保安名单');

    const preview = await call(session, 'schoolTablePreview', { source: { sheet: '保安名单' }, request });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.preview.sheetName).toBe('学校明细表');
    expect(preview.preview.rows).toHaveLength(29);
    expect(preview.preview.unresolved.map((u) => u.message.zh)).toEqual([
      '“大街完小”不在学校名册中，未填代码',
      '“江川一中”不在学校名册中，未填代码',
    ]);
    // a preview writes nothing
    expect(await call(session, 'sheetNames', {})).not.toContain('学校明细表');

    const written = await call(session, 'schoolTableWrite', { source: { sheet: '保安名单' }, request });
    expect(written).toMatchObject({ ok: true, sheet: '学校明细表' });
    expect(written.ok && written.edits.version).toBe(1);
    const checked = await call(session, 'check', { request });
    if (!checked.outcome.ok) throw new Error(checked.outcome.message);
    const onTable = checked.outcome.result.findings.filter((f) => f.sheet === '学校明细表');
    expect(onTable.filter((f) => f.rule === 'school-code-missing').map((f) => f.cell)).toEqual(['A33', 'A34']);
    expect(onTable.every((f) => /^[AB]3[34]$/.test(f.cell))).toBe(true);

    const copy = await call(session, 'annotate', { withFixes: false, lang: 'zh' });
    if (!copy.ok) throw new Error(copy.message);
    const read = readXlsx(copy.bytes);
    if (!read.ok) throw new Error('copy unreadable');
    const sheet = read.snapshot.sheets.find((s) => s.name === '学校明细表')!;
    expect(sheet.cells.find((c) => c.row === 9 && c.col === 0)).toMatchObject({ value: '2153005307', kind: 'text', numFmt: '@' });
    expect(sheet.cells.find((c) => c.row === 4 && c.col === 4)).toMatchObject({ value: 730.08, formula: 'SUM(E6:E34)' });

    // a second table takes the next name
    const again = await call(session, 'schoolTablePreview', {
      source: { sheet: '保安名单', range: { top: 0, left: 0, bottom: 3, right: 2 } },
      request,
    });
    expect(again.ok && again.preview.sheetName).toBe('学校明细表2');
  });

  it('a list it cannot read: one sentence, nothing written', async () => {
    const session = createWorkSession();
    await call(session, 'open', { file: new Blob([new Uint8Array(sampleWithListBytes())]), name: 'a.xlsx', request });
    const out = await call(session, 'schoolTableWrite', {
      source: { sheet: '项目一', range: { top: 0, left: 0, bottom: 2, right: 0 } },
      request,
    });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(/^“项目一!A1:A3”中找不到学校名称列/);
    expect(await call(session, 'sheetNames', {})).not.toContain('学校明细表');
  });
});
