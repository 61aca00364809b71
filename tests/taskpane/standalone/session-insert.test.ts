/**
 * 插入缺少的部分 in the standalone page: the worker inserts the row in its package with the CLI's
 * --fix insert and in the snapshot alike, so the re-check, the cell texts and the downloaded copy
 * agree; a sheet the copy cannot take it in is refused in one sentence and left whole in both.
 */
import { describe, expect, it } from 'vitest';
import { annotateCopy } from '../../../src/hosts/xlsx/annotate';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { checkWorkbook } from '../../../src/core/check';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { createWorkSession } from '../../../src/taskpane/standalone/session';
import type { ToWorker, WorkArgs, WorkKind, WorkResult } from '../../../src/taskpane/standalone/protocol';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { LINES, missingSectionWithTotal, missingSectionWorkbook } from '../../hosts/xlsx/insert-fixture';

let nextId = 1;
async function call<K extends WorkKind>(session: ReturnType<typeof createWorkSession>, kind: K, args: WorkArgs<K>): Promise<WorkResult<K>> {
  const message = { id: nextId++, kind, lang: 'zh', args } as ToWorker;
  const out = await session.handle(message, () => undefined);
  return structuredClone(out.value) as WorkResult<K>;
}

function snapshotOf(bytes: Uint8Array): WorkbookSnapshot {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error('copy not readable');
  return read.snapshot;
}

/** A sheet's cells as `A1=text` / `A1==formula` lines (what the copy holds, flags aside). */
function contents(snapshot: WorkbookSnapshot, sheet: string): string[] {
  return snapshot.sheets
    .find((s) => s.name === sheet)!
    .cells.map((c) => `${c.row},${c.col}=${c.formula !== undefined ? `=${c.formula}` : c.text}`);
}

async function opened(bytes: Uint8Array) {
  const session = createWorkSession();
  const out = await call(session, 'open', {
    file: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    name: 'a.xlsx',
    request: { config: {}, lang: 'zh' },
  });
  if (!out.ok || !out.outcome.ok) throw new Error('not opened');
  const missing = out.outcome.result.findings.find((f) => f.rule === 'section-missing');
  if (!missing?.fix) throw new Error('no insert offered');
  return { session, missing, fix: missing.fix };
}

describe('插入缺少的部分 in the standalone page', () => {
  it('inserts the row in memory and in the download; the re-check and the re-read copy find the section empty; the copy is the CLI’s', async () => {
    const bytes = await missingSectionWorkbook();
    const { session, fix } = await opened(bytes);
    expect(fix).toEqual({ sheet: '项目一', cell: 'A12', value: '六、资金安排情况', kind: 'text', insert: 'row' });

    const applied = await call(session, 'applyFixes', { fixes: [fix], overwrite: false });
    expect(applied.outcome).toEqual({ written: [{ sheet: '项目一', cell: 'A12', value: '六、资金安排情况' }], skipped: [] });
    expect(applied.edits.fills).toBe(1);
    expect(await call(session, 'cellText', { sheet: '项目一', cell: 'A12' })).toBe('六、资金安排情况');
    expect(await call(session, 'cellText', { sheet: '项目一', cell: 'A13' })).toBe('七、项目实施计划');

    const rechecked = await call(session, 'check', { request: { config: {}, lang: 'zh' } });
    if (!rechecked.outcome.ok) throw new Error('not checked');
    const after = rechecked.outcome.result.findings;
    expect(after.some((f) => f.rule === 'section-missing')).toBe(false);
    expect(after.filter((f) => f.rule === 'section-empty').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['项目一!A12']);

    const copy = await call(session, 'annotate', { withFixes: false, lang: 'zh' });
    if (!copy.ok) throw new Error(copy.message);
    const page = snapshotOf(copy.bytes);
    const recheck = checkWorkbook({ snapshot: page });
    expect(recheck.findings.some((f) => f.rule === 'section-missing')).toBe(false);
    expect(recheck.findings.filter((f) => f.rule === 'section-empty').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['项目一!A12']);
    // the flags: the inserted heading marked filled, the empty section flagged at the new row
    const flagged = page.sheets.find((s) => s.name === '项目一')!.cells.find((c) => c.row === 11 && c.col === 0);
    expect(flagged?.text).toBe('六、资金安排情况');

    // the same workbook, contents and formulas, as the CLI's --out --fix copy
    const cli = snapshotOf(annotateCopy(bytes, checkWorkbook({ snapshot: snapshotOf(bytes) }).findings, { fix: true }).bytes);
    for (const sheet of ['项目一', '汇总']) expect(contents(page, sheet)).toEqual(contents(cli, sheet));
    expect(page.sheets.find((s) => s.name === '项目一')!.merges).toEqual(cli.sheets.find((s) => s.name === '项目一')!.merges);
    // and the 检查结果 sheet names the fill at the moved cell, marked as an inserted row as the CLI's copy marks it
    const filledLines = (snap: WorkbookSnapshot, name: string) =>
      snap.sheets
        .find((s) => s.name === name)!
        .cells.filter((c) => c.text.includes(' ← '))
        .map((c) => c.text);
    expect(filledLines(page, '检查结果')).toEqual(['A12 ← 六、资金安排情况（插入一行）']);
    expect(filledLines(page, '检查结果')).toEqual(filledLines(cli, '检查结果'));
    const en = await call(session, 'annotate', { withFixes: false, lang: 'en' });
    if (!en.ok) throw new Error(en.message);
    const cliEn = snapshotOf(annotateCopy(bytes, checkWorkbook({ snapshot: snapshotOf(bytes) }).findings, { fix: true, lang: 'en' }).bytes);
    expect(filledLines(snapshotOf(en.bytes), '检查结果')).toEqual(['A12 ← 六、资金安排情况 (row inserted)']);
    expect(filledLines(cliEn, '检查结果')).toEqual(['A12 ← 六、资金安排情况 (row inserted)']);
  });

  it('a fill made before the insert, below it, is written at its moved cell in the copy', async () => {
    const bytes = await missingSectionWorkbook();
    const { session, fix } = await opened(bytes);
    // a fill below the row (as a finding's fix would be), then the insert
    const below = { sheet: '项目一', cell: 'B15', value: '备注', kind: 'text' as const };
    await call(session, 'applyFixes', { fixes: [below], overwrite: false });
    await call(session, 'applyFixes', { fixes: [fix], overwrite: false });
    expect(await call(session, 'cellText', { sheet: '项目一', cell: 'B16' })).toBe('备注');
    await call(session, 'check', { request: { config: {}, lang: 'zh' } });
    const copy = await call(session, 'annotate', { withFixes: false, lang: 'zh' });
    if (!copy.ok) throw new Error(copy.message);
    const sheet = snapshotOf(copy.bytes).sheets.find((s) => s.name === '项目一')!;
    expect(sheet.cells.filter((c) => c.text === '备注').map((c) => [c.row, c.col])).toEqual([[15, 1]]);
  });

  it('全部填入 with two inserts in a sheet and a fill below them: bottom-up, every value where the CLI puts it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目一');
    // 三、项目实施单位 (and its text) missing too: two inserts, A6 and A10
    LINES.filter((t) => t !== '三、项目实施单位' && t !== '江川区教育体育局').forEach((t, i) => (ws.getCell(i + 1, 1).value = t));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const session = createWorkSession();
    const out = await call(session, 'open', { file: new Blob([bytes]), name: 'a.xlsx', request: { config: {}, lang: 'zh' } });
    if (!out.ok || !out.outcome.ok) throw new Error('not opened');
    const inserts = out.outcome.result.findings.flatMap((f) => (f.fix?.insert ? [f.fix] : []));
    expect(inserts.map((f) => `${f.cell} ${f.value}`).sort()).toEqual(['A10 六、资金安排情况', 'A6 三、项目实施单位']);
    const fill = { sheet: '项目一', cell: 'B12', value: '备注', kind: 'text' as const };
    const applied = await call(session, 'applyFixes', { fixes: [...inserts, fill], overwrite: false });
    expect(applied.outcome.written).toHaveLength(3);
    expect(await call(session, 'cellText', { sheet: '项目一', cell: 'A6' })).toBe('三、项目实施单位');
    expect(await call(session, 'cellText', { sheet: '项目一', cell: 'A11' })).toBe('六、资金安排情况');
    expect(await call(session, 'cellText', { sheet: '项目一', cell: 'A12' })).toBe('七、项目实施计划');
    expect(await call(session, 'cellText', { sheet: '项目一', cell: 'B14' })).toBe('备注');
    const rechecked = await call(session, 'check', { request: { config: {}, lang: 'zh' } });
    if (!rechecked.outcome.ok) throw new Error('not checked');
    const empty = rechecked.outcome.result.findings.filter((f) => f.rule === 'section-empty').map((f) => f.cell);
    expect(empty.sort()).toEqual(['A11', 'A6']);

    const copy = await call(session, 'annotate', { withFixes: false, lang: 'zh' });
    if (!copy.ok) throw new Error(copy.message);
    const page = snapshotOf(copy.bytes);
    const cli = snapshotOf(annotateCopy(bytes, checkWorkbook({ snapshot: snapshotOf(bytes) }).findings, { fix: true }).bytes);
    const columnA = (x: WorkbookSnapshot) => contents(x, '项目一').filter((l) => /^\d+,0=/.test(l));
    expect(columnA(page)).toEqual(columnA(cli));
    expect(contents(page, '项目一')).toContain('13,1=备注');
  });

  it('a sheet the copy cannot insert in is refused in one sentence, and left whole in memory and in the download', async () => {
    const bytes = await missingSectionWorkbook({ comment: true });
    const { session, fix } = await opened(bytes);
    const applied = await call(session, 'applyFixes', { fixes: [fix], overwrite: false });
    expect(applied.outcome.written).toEqual([]);
    const cliWhy = annotateCopy(bytes, checkWorkbook({ snapshot: snapshotOf(bytes) }).findings, { fix: true }).notInserted[0]!.why;
    expect(applied.outcome.skipped).toEqual([{ sheet: '项目一', cell: 'A12', reason: cliWhy.en, why: cliWhy }]);
    expect(applied.edits.fills).toBe(0);
    expect(await call(session, 'cellText', { sheet: '项目一', cell: 'A12' })).toBe('七、项目实施计划');
    const rechecked = await call(session, 'check', { request: { config: {}, lang: 'zh' } });
    if (!rechecked.outcome.ok) throw new Error('not checked');
    expect(rechecked.outcome.result.findings.some((f) => f.rule === 'section-missing')).toBe(true);
    const copy = await call(session, 'annotate', { withFixes: false, lang: 'zh' });
    if (!copy.ok) throw new Error(copy.message);
    const sheet = snapshotOf(copy.bytes).sheets.find((s) => s.name === '项目一')!;
    expect(sheet.cells.find((c) => c.row === 11 && c.col === 0)?.text).toBe('七、项目实施计划');
  });
});

describe('说明 below the row the page inserts', () => {
  it('move with their findings: the re-check and the downloaded copy find them explained at the moved cell', async () => {
    const { session, fix } = await opened(await missingSectionWithTotal());
    const first = await call(session, 'check', { request: { config: {}, lang: 'zh' } });
    if (!first.outcome.ok) throw new Error('not checked');
    const total = first.outcome.result.findings.find((f) => f.rule === 'total-mismatch')!;
    expect(total.cell).toBe('A13');
    await call(session, 'explain', { finding: total, text: '另含结转资金' });

    await call(session, 'applyFixes', { fixes: [fix], overwrite: false });
    const after = await call(session, 'check', { request: { config: {}, lang: 'zh' } });
    if (!after.outcome.ok) throw new Error('not checked');
    const moved = after.outcome.result.findings.find((f) => f.rule === 'total-mismatch')!;
    expect([moved.cell, moved.explanation]).toEqual(['A14', '另含结转资金']);

    const copy = await call(session, 'annotate', { withFixes: false, lang: 'zh' });
    if (!copy.ok) throw new Error(copy.message);
    const snap = snapshotOf(copy.bytes);
    expect(snap.explanations).toEqual([expect.objectContaining({ key: moved.key, cell: 'A14', text: '另含结转资金' })]);
    const recheck = checkWorkbook({ snapshot: snap }).findings.find((f) => f.rule === 'total-mismatch')!;
    expect([recheck.cell, recheck.explanation]).toEqual(['A14', '另含结转资金']);
  });
});

describe('the heading the page inserts', () => {
  it("has its neighbour heading's format in the download, as in the CLI's copy", async () => {
    const bytes = await missingSectionWorkbook({ headings: true });
    const { session, fix } = await opened(bytes);
    await call(session, 'applyFixes', { fixes: [fix], overwrite: false });
    await call(session, 'check', { request: { config: {}, lang: 'zh' } });
    const copy = await call(session, 'annotate', { withFixes: false, lang: 'zh' });
    if (!copy.ok) throw new Error(copy.message);
    const cli = annotateCopy(bytes, checkWorkbook({ snapshot: snapshotOf(bytes) }).findings, { fix: true }).bytes;
    /** The xf element of a cell of 项目一 (its style index's entry in styles.xml). */
    const xf = (pkg: Uint8Array, a1: string): string => {
      const files = unzipSync(pkg);
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
      const s = Number(new RegExp(`<c r="${a1}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
      const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(strFromU8(files['xl/styles.xml']!))![1]!;
      return [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)][s]![0];
    };
    expect(xf(copy.bytes, 'A12')).toBe(xf(cli, 'A12'));
    expect(xf(copy.bytes, 'A12')).toContain('fontId="1"');
  });
});
