/**
 * The standalone page's workbook worker, in Node: files read with the CLI's limits and sentences
 * (issue 17.13), and the workbook held there — checked, filled, explained, annotated, exported.
 */
import { copyFileSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/run';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { createWorkSession, loadWorkbookFile } from '../../../src/taskpane/standalone/session';
import { cellText } from '../../../src/taskpane/standalone/fileHost';
import type { ToWorker, WorkKind, WorkResult, WorkArgs } from '../../../src/taskpane/standalone/protocol';
import type { Lang } from '../../../src/core/rules/types';
import { cfb, zip } from '../../hosts/xlsx/hostile';
import { registrySheet, seedRegistryRows } from '../../core/schools/fixtures';
import { readDocument } from '../../../src/hosts/document/read';
import { checkWorkbook } from '../../../src/core/check';

const SAMPLE = readFileSync('seeds/jiangchuan-2023.xlsx');
const MB = 1024 * 1024;

/** What the CLI says about these paths (its lines naming a file, each path shown as its file name, as the page names a chosen file). */
async function cliSays(args: string[], lang: Lang): Promise<string[]> {
  let said = '';
  const add = (s: string) => void (said += s);
  await run([...args, '--lang', lang, '--format', 'text'], { out: add, err: add, progress: false });
  const dir = args[0]!.slice(0, args[0]!.lastIndexOf('/') + 1);
  return said
    .split('\n')
    .filter((l) => l.includes(dir))
    .map((l) => l.split(dir).join(''));
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dc-page-'));
}

/** A Blob that records whether its bytes were asked for. */
function spyBlob(size: number): { blob: Blob; arrayBuffer: ReturnType<typeof vi.fn> } {
  const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
  return { blob: { size, arrayBuffer } as unknown as Blob, arrayBuffer };
}

describe("files are read with the CLI's limits and sentences (issue 17.13)", () => {
  it("a file over the size limit is refused before its bytes are loaded, in the CLI's words", async () => {
    const dir = tempDir();
    const big = join(dir, '大表.xlsx');
    writeFileSync(big, '');
    truncateSync(big, 210 * MB); // sparse: no disk used
    for (const lang of ['zh', 'en'] as const) {
      const { blob, arrayBuffer } = spyBlob(210 * MB);
      const out = await loadWorkbookFile(blob, '大表.xlsx', lang);
      expect(arrayBuffer).not.toHaveBeenCalled();
      expect(out.ok).toBe(false);
      const session = createWorkSession();
      const answer = await call(session, 'open', { file: blob, name: '大表.xlsx', request: { config: {}, lang } });
      expect(answer).toEqual({ ok: false, message: (await cliSays([big], lang))[0] });
      expect(answer.ok ? '' : answer.message).toMatch(
        lang === 'zh' ? /^大表\.xlsx：文件过大（210 MB），超过读取上限 200 MB$/ : /too large/,
      );
    }
    // just under the limit is read (and here found not to be a workbook)
    const { blob, arrayBuffer } = spyBlob(200 * MB);
    await loadWorkbookFile(blob, 'x.xlsx', 'zh');
    expect(arrayBuffer).toHaveBeenCalledOnce();
  });

  it('.xlsm is read as the CLI reads it', async () => {
    const session = createWorkSession();
    const out = await call(session, 'open', { file: new Blob([SAMPLE]), name: '预算.xlsm', request: { config: {}, lang: 'zh' } });
    expect(out.ok && out.outcome.ok && out.outcome.result.summary.errors).toBeGreaterThan(0);
  });

  it('an .xls is read by its bytes (lazily loaded reader) and checked as the CLI checks it; nothing can be written into it', async () => {
    const dir = tempDir();
    const xls = readFileSync('tests/fixtures/xls/jiangchuan-2023.xls');
    writeFileSync(join(dir, '江川.xls'), xls);
    const session = createWorkSession();
    const opened = await call(session, 'open', { file: new Blob([xls]), name: '江川.xls', request: { config: {}, lang: 'zh' } });
    if (!opened.ok || !opened.outcome.ok) throw new Error('the .xls was not opened');
    let cli = '';
    await run([join(dir, '江川.xls'), '--format', 'json'], { out: (t) => void (cli += t), err: () => undefined, progress: false });
    const report = (JSON.parse(cli) as { reports: { findings: unknown[] }[] }).reports[0]!;
    expect(opened.outcome.result.findings.length).toBeGreaterThan(0);
    expect(opened.outcome.result.findings.length).toBe(report.findings.length);
    const sentence = '.xls 文件只能检查，不能生成标注副本或写入内容（需要时请在 Excel 或 WPS 中另存为 .xlsx 后再操作）';
    expect(await call(session, 'annotate', { withFixes: true, lang: 'zh' })).toEqual({ ok: false, message: sentence });
    const en = await call(session, 'annotate', { withFixes: false, lang: 'en' });
    expect(en.ok ? '' : en.message).toMatch(/^an \.xls file can be checked but not annotated/);
    const sheet = await call(session, 'addProjectSheet', {
      template: { name: '项目九十', cells: [], merges: [], columnWidths: [] },
      lang: 'zh',
    });
    expect(sheet).toEqual({ ok: false, message: sentence });
    // the Word export works from the check's document, as for an .xlsx
    const word = await call(session, 'exportDocx', { seq: opened.seq });
    expect(word.ok).toBe(true);
  });

  it('a damaged compound file, whatever its name, gets the same sentence as from the CLI', async () => {
    const dir = tempDir();
    const xls = cfb(['Workbook']);
    for (const name of ['旧表.xls', '改了名.xlsx']) {
      writeFileSync(join(dir, name), xls);
      const out = await call(createWorkSession(), 'open', { file: new Blob([xls.slice()]), name, request: { config: {}, lang: 'zh' } });
      expect(out).toEqual({ ok: false, message: (await cliSays([join(dir, name)], 'zh'))[0] });
      expect(out.ok ? '' : out.message).toContain('.xls 文件已损坏或不完整');
    }
  });

  it("a file that is not a workbook, whatever its name, gets the CLI's one sentence (no stack, no English in zh)", async () => {
    const dir = tempDir();
    for (const name of ['坏.xlsx', '表格.csv', '文档.docx']) {
      const bytes = name.endsWith('.docx')
        ? zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })
        : new TextEncoder().encode('a,b,c\n1,2,3\n');
      writeFileSync(join(dir, name), bytes);
      const out = await call(createWorkSession(), 'open', { file: new Blob([bytes.slice()]), name, request: { config: {}, lang: 'zh' } });
      expect(out.ok).toBe(false);
      if (out.ok) continue;
      // a Word package is read by the CLI's document reader in the page too: this one (no body it can find) gets its sentence
      expect(out.message).toBe((await cliSays([join(dir, name)], 'zh'))[0]);
      expect(out.message).not.toMatch(/Error|at \w+ \(|\n/);
    }
  });

  it("the registry file: size and type checked, the CLI's sentence", async () => {
    const dir = tempDir();
    const junk = join(dir, '名册.xlsx');
    writeFileSync(junk, 'not a workbook');
    const seed = join(dir, 'seed.xlsx');
    copyFileSync('seeds/jiangchuan-2023.xlsx', seed);
    for (const lang of ['zh', 'en'] as const) {
      const out = await call(createWorkSession(), 'readRegistry', { file: new Blob(['not a workbook']), name: '名册.xlsx', lang });
      const cli = (await cliSays([seed, '--registry', junk], lang)).find((l) => l.includes('名册'));
      expect(cli).toBeDefined();
      expect(out).toEqual({ ok: false, message: cli });
    }
    const { blob, arrayBuffer } = spyBlob(300 * MB);
    const big = await call(createWorkSession(), 'readRegistry', { file: blob, name: '大名册.xlsx', lang: 'zh' });
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(big).toEqual({ ok: false, message: '学校名册 大名册.xlsx 无法读取：文件过大（300 MB），超过读取上限 200 MB' });
    const ok = await call(createWorkSession(), 'readRegistry', { file: new Blob([SAMPLE]), name: 'r.xlsx', lang: 'zh' });
    expect(ok.ok && ok.snapshot.sheets.length).toBeGreaterThan(0);
  });
});

let nextId = 1;
async function call<K extends WorkKind>(
  session: ReturnType<typeof createWorkSession>,
  kind: K,
  args: WorkArgs<K>,
  phases: string[] = [],
): Promise<WorkResult<K>> {
  const message = { id: nextId++, kind, lang: 'zh', args } as ToWorker;
  const out = await session.handle(message, (p) => phases.push(p));
  // every answer crosses to the page by structured clone
  return structuredClone(out.value) as WorkResult<K>;
}

describe('the workbook held in the worker', () => {
  it('open reads then checks; fills and 说明 are counted as edits; the annotated copy holds them', async () => {
    const session = createWorkSession();
    const phases: string[] = [];
    const opened = await call(session, 'open', { file: new Blob([SAMPLE]), name: 'a.xlsx', request: { config: {}, lang: 'zh' } }, phases);
    expect(phases).toEqual(['read', 'check']);
    if (!opened.ok || !opened.outcome.ok) throw new Error('not opened');
    const findings = opened.outcome.result.findings;
    const fix = findings.find((f) => f.rule === 'school-code-missing' && f.fix)!.fix!;
    const filled = await call(session, 'applyFixes', { fixes: [fix], overwrite: false });
    expect(filled.outcome.written).toHaveLength(1);
    expect(filled.edits).toEqual({ fills: 1, explanations: 0, version: 1 });
    expect(await call(session, 'cellText', { sheet: fix.sheet, cell: fix.cell })).toBe(String(fix.value));
    const other = findings.find((f) => f.rule !== 'school-code-missing')!;
    expect(await call(session, 'explain', { finding: other, text: '已核实。' })).toEqual({ fills: 1, explanations: 1, version: 2 });
    // the re-check sees both
    const again = await call(session, 'check', { request: { config: {}, lang: 'zh' } });
    if (!again.outcome.ok) throw new Error('check failed');
    expect(again.seq).toBe(opened.seq + 1);
    expect(again.outcome.result.findings.some((f) => f.fix?.cell === fix.cell && f.fix.sheet === fix.sheet)).toBe(false);
    expect(again.outcome.result.summary.explained).toBe(1);

    const copyPhases: string[] = [];
    const copy = await call(session, 'annotate', { withFixes: false, lang: 'zh' }, copyPhases);
    expect(copyPhases).toEqual(['annotate']);
    if (!copy.ok) throw new Error(copy.message);
    expect(copy.edits).toEqual({ fills: 1, explanations: 1, version: 2 });
    const back = readXlsx(copy.bytes);
    if (!back.ok) throw new Error('copy unreadable');
    expect(cellText(back.snapshot, fix.sheet, fix.cell)).toBe(String(fix.value));
    expect(back.snapshot.explanations?.map((e) => e.text)).toEqual(['已核实。']);
  });

  it('the Word file is made from the document of the last check, or from the one sent', async () => {
    const session = createWorkSession();
    const opened = await call(session, 'open', { file: new Blob([SAMPLE]), name: 'a.xlsx', request: { config: {}, lang: 'zh' } });
    if (!opened.ok || !opened.outcome.ok) throw new Error('not opened');
    const phases: string[] = [];
    const word = await call(session, 'exportDocx', { seq: opened.seq }, phases);
    expect(phases).toEqual(['export']);
    expect(word.ok && word.bytes.length).toBeGreaterThan(1000);
    expect(await call(session, 'exportDocx', { seq: opened.seq + 5 })).toEqual({ ok: false, stale: true });
    const sent = await call(session, 'exportDocx', { seq: -1, document: opened.outcome.result.document });
    expect(sent.ok).toBe(true);
  });
});

describe('a Word document or a text file, read as the CLI reads one (checked as written, nothing written)', () => {
  it("a .docx is read by its bytes: its places come with the answer, its findings are the CLI's, no copy and no sheet are made", async () => {
    const session = createWorkSession();
    const bytes = readFileSync('seeds/jiangchuan-2023.docx');
    const out = await call(session, 'open', { file: new Blob([bytes]), name: '公开.docx', request: { config: {}, lang: 'zh' } });
    if (!out.ok || !out.outcome.ok) throw new Error('not opened');
    expect(out.document?.kind).toBe('docx');
    expect(out.document?.places.unit).toBe('paragraph');
    // the CLI's findings for the same file
    let json = '';
    await run(['seeds/jiangchuan-2023.docx', '--format', 'json'], { out: (x) => void (json += x), err: () => undefined, progress: false });
    const cli = (JSON.parse(json) as { reports: { findings: { rule: string; cell: string }[] }[] }).reports[0]!.findings;
    expect(out.outcome.result.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(cli.map((f) => `${f.rule} ${f.cell}`));
    for (const lang of ['zh', 'en'] as const) {
      expect(await call(session, 'annotate', { withFixes: false, lang })).toEqual({
        ok: false,
        message:
          lang === 'zh'
            ? 'Word 文档只能按原文检查，不能生成标注副本或写入内容（标注副本只适用于 Excel 工作簿）'
            : 'a Word document can be checked as written but not annotated or written to (the annotated copy is for Excel workbooks only)',
      });
    }
    const sheet = await call(session, 'addProjectSheet', { template: { name: '项目九', rows: [] } as never, lang: 'zh' });
    expect(sheet.ok).toBe(false);
  });

  it('a document offers no fill: the fills a registry gives on the same text are left out (nothing can be written into it)', async () => {
    const bytes = readFileSync('seeds/jiangchuan-2023.docx');
    const registry = { snapshot: { sheets: [registrySheet(seedRegistryRows())] }, source: '名册.xlsx' };
    // the same text checked with the registry outside the page: the schools without a code get their code as a fill
    const read = readDocument(bytes, 'docx');
    if (!read.ok) throw new Error('not read');
    const plain = checkWorkbook({ snapshot: read.snapshot, registry });
    expect(plain.findings.filter((f) => f.fix).length).toBeGreaterThan(0);
    const out = await call(createWorkSession(), 'open', {
      file: new Blob([bytes]),
      name: '公开.docx',
      request: { config: {}, lang: 'zh', registry },
    });
    if (!out.ok || !out.outcome.ok) throw new Error('not opened');
    // the same findings, without their fills
    expect(out.outcome.result.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(plain.findings.map((f) => `${f.rule} ${f.cell}`));
    expect(out.outcome.result.findings.filter((f) => f.fix)).toEqual([]);
  });

  it("a .txt by its name; a damaged .docx gets the reader's sentence; a registry is never read as a document", async () => {
    const session = createWorkSession();
    const txt = await call(session, 'open', {
      file: new Blob([readFileSync('seeds/jiangchuan-edu-2023-key-projects.txt')]),
      name: '重点项目.txt',
      request: { config: {}, lang: 'zh' },
    });
    expect(txt.ok && txt.document?.places.unit).toBe('line');
    const damaged = await call(session, 'open', {
      file: new Blob([readFileSync('seeds/jiangchuan-2023.docx').subarray(0, 2000)]),
      name: '坏.docx',
      request: { config: {}, lang: 'zh' },
    });
    expect(damaged.ok).toBe(false);
    expect(!damaged.ok && damaged.message).toMatch(/^坏\.docx：[^\n]+$/);
    const registry = await call(session, 'readRegistry', {
      file: new Blob([readFileSync('seeds/jiangchuan-2023.docx')]),
      name: '名录.docx',
      lang: 'zh',
    });
    expect(registry.ok).toBe(false);
  });
});
