/**
 * 新建项目表 and 生成学校表 below a project's text in the standalone page's worker (issue 15): the sheet
 * or table is added to the open workbook (the re-check reads it) and to the downloaded copy; a taken
 * sheet name or a missing sheet is one sentence and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { createWorkSession } from '../../../src/taskpane/standalone/session';
import type { ToWorker, WorkArgs, WorkKind, WorkResult } from '../../../src/taskpane/standalone/protocol';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { newProjectSheet } from '../../../src/core/schools/project-style';
import { sampleWithListBytes } from '../../core/schools/list-fixtures';

let nextId = 1;
async function call<K extends WorkKind>(session: ReturnType<typeof createWorkSession>, kind: K, args: WorkArgs<K>): Promise<WorkResult<K>> {
  const out = await session.handle({ id: nextId++, kind, lang: 'zh', args } as ToWorker, () => undefined);
  return structuredClone(out.value) as WorkResult<K>;
}

const request = { config: {}, lang: 'zh' as const };

async function opened() {
  const session = createWorkSession();
  const first = await call(session, 'open', { file: new Blob([new Uint8Array(sampleWithListBytes())]), name: '江川区2023.xlsx', request });
  if (!first.ok || !first.outcome.ok) throw new Error('not opened');
  return { session, document: first.outcome.result.document };
}

async function copyOf(session: ReturnType<typeof createWorkSession>) {
  const copy = await call(session, 'annotate', { withFixes: false, lang: 'zh' });
  if (!copy.ok) throw new Error(copy.message);
  const read = readXlsx(copy.bytes);
  if (!read.ok) throw new Error('copy unreadable');
  return read.snapshot;
}

describe('新建项目表 in the page', () => {
  it('adds 项目十七 to the open workbook and the copy; the re-check reads eight empty sections', async () => {
    const { session, document } = await opened();
    const made = newProjectSheet(document);
    const out = await call(session, 'addProjectSheet', { template: made.template, lang: 'zh' });
    expect(out).toMatchObject({ ok: true, sheet: '项目十七' });
    expect(out.ok && out.edits.version).toBe(1);
    const checked = await call(session, 'check', { request });
    if (!checked.outcome.ok) throw new Error(checked.outcome.message);
    const { findings, document: after } = checked.outcome.result;
    expect(after.projects.find((p) => p.ref.sheet === '项目十七')?.sections).toHaveLength(8);
    expect(findings.filter((f) => f.sheet === '项目十七' && f.rule === 'section-empty')).toHaveLength(8);
    expect(findings.filter((f) => f.sheet === '项目十七' && f.rule === 'section-missing')).toEqual([]);
    const copy = await copyOf(session);
    expect(copy.sheets.find((s) => s.name === '项目十七')?.cells.map((c) => c.text)).toEqual(
      made.template.cells.filter((c) => c.value !== null).map((c) => String(c.value)),
    );
  });

  it('a taken name: one sentence, nothing added', async () => {
    const { session, document } = await opened();
    const made = newProjectSheet(document);
    const out = await call(session, 'addProjectSheet', { template: { ...made.template, name: '项目一' }, lang: 'zh' });
    expect(out).toEqual({ ok: false, message: '无法新建工作表“项目一”：该名称已被占用或无效' });
    expect(await call(session, 'sheetNames', {})).not.toContain('项目十七');
  });
});

describe('生成学校表 below a project’s text in the page', () => {
  it('previews the place, writes into 项目十六 (open workbook and copy), and the re-check reads it as 项目十六’s table', async () => {
    const { session } = await opened();
    const source = { sheet: '保安名单' };
    const preview = await call(session, 'schoolTablePreview', { source, request, into: '项目十六' });
    expect(preview.ok && preview.preview.into).toEqual({ sheet: '项目十六', row: 18 });
    const written = await call(session, 'schoolTableWrite', { source, request, into: '项目十六' });
    expect(written).toMatchObject({ ok: true, sheet: '项目十六' });
    const checked = await call(session, 'check', { request });
    if (!checked.outcome.ok) throw new Error(checked.outcome.message);
    const { document } = checked.outcome.result;
    const tables = document.tables.filter((t) => t.sheet === '项目十六');
    expect(tables.map((t) => t.project)).toEqual([document.projects.findIndex((p) => p.ref.sheet === '项目十六')]);
    expect(await call(session, 'sheetNames', {})).not.toContain('学校明细表');
    const sheet = (await copyOf(session)).sheets.find((s) => s.name === '项目十六')!;
    expect(sheet.cells.find((c) => c.row === 18 && c.col === 0)?.text).toBe('学校代码（10位代码）');
    expect(sheet.merges).toContainEqual({ top: 18, left: 2, bottom: 18, right: 9 });
  });

  it('a sheet that is not there: one sentence', async () => {
    const { session } = await opened();
    const out = await call(session, 'schoolTableWrite', { source: { sheet: '保安名单' }, request, into: '项目九十' });
    expect(out).toEqual({ ok: false, message: '没有工作表“项目九十”' });
  });
});
