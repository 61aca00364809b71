/**
 * The annotated copy opens in a real spreadsheet program: LibreOffice converts it to PDF (the
 * 检查结果 sheet's text is in it) and re-saves it as .xlsx (the flag fill and the notes survive).
 * One conversion batch per format, both batches in parallel, each with a private profile.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate, writeExplanations } from '../../../src/hosts/xlsx/annotate';
import { EXPLANATION_SHEET } from '../../../src/core/report/explanations';
import { cellsOf, finding, fixture, itemsOf, rawEntries, sheetParts, text } from './annotate-helpers';

function requireTool(cmd: string, args: string[], install: string): void {
  const r = spawnSync(cmd, args, { stdio: 'pipe', timeout: 60_000 });
  if (r.error) throw new Error(`${cmd} is required for this test and was not found (${r.error.message}). Install ${install} (.ci/run does).`);
}

function soffice(format: string, outDir: string, files: string[]): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'dc-lo-profile-'));
  return new Promise((resolve, reject) => {
    execFile(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files],
      { timeout: 150_000 },
      (err, _stdout, stderr) => {
        rmSync(profile, { recursive: true, force: true });
        if (err) reject(new Error(`soffice --convert-to ${format} failed: ${err.message}\n${stderr}`));
        else resolve();
      },
    );
  });
}

const FINDINGS = [
  finding({ sheet: '项目一', cell: 'B3', project: '项目一', expected: '200', actual: '120', message: '合计与各项之和不符' }),
  finding({ sheet: '项目一', cell: 'E9', severity: 'info', rule: 'heading-numbering', message: '空单元格提示' }),
  finding({ sheet: '图表', cell: 'A2', severity: 'warning', rule: 'section-order', message: '章节顺序' }),
  finding({ sheet: '学校名册', cell: 'A6', rule: 'school-code-missing', message: '缺少学校代码', fix: { sheet: '学校名册', cell: 'A6', value: '2153000009', kind: 'text' } }),
];
const INPUTS = ['rich.xlsx', 'rich-lo.xlsx', 'rich.xlsm'];

describe('the annotated copy in LibreOffice', () => {
  let dir = '';
  const names: string[] = [];
  beforeAll(async () => {
    requireTool('soffice', ['--version'], 'LibreOffice (apt-get install libreoffice-calc)');
    requireTool('pdftotext', ['-v'], 'poppler-utils');
    dir = mkdtempSync(join(tmpdir(), 'dc-annotate-lo-'));
    for (const input of INPUTS) {
      const out = annotate(fixture(input), FINDINGS, { fix: true });
      const name = `annotated-${input.replace(/\./g, '-')}.${input.endsWith('.xlsm') ? 'xlsm' : 'xlsx'}`;
      writeFileSync(join(dir, name), out);
      names.push(name);
    }
    const explained = writeExplanations(fixture('rich.xlsx'), [{ key: 'k1', rule: 'total-mismatch', sheet: '项目一', cell: 'B3', text: '已与财政局核对' }]);
    writeFileSync(join(dir, 'explained.xlsx'), explained);
    names.push('explained.xlsx');
    mkdirSync(join(dir, 'pdf'));
    mkdirSync(join(dir, 'xlsx'));
    const files = names.map((n) => join(dir, n));
    await Promise.all([soffice('pdf', join(dir, 'pdf'), files), soffice('xlsx:Calc MS Excel 2007 XML', join(dir, 'xlsx'), files)]);
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('converts every annotated copy to PDF, with the 检查结果 sheet in it', () => {
    for (const n of names.filter((x) => x.startsWith('annotated'))) {
      const pdf = join(dir, 'pdf', n.replace(/\.xls[xm]$/, '.pdf'));
      const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(r.status, `${n}: ${r.stderr}`).toBe(0);
      const t = r.stdout;
      for (const word of ['规则', '级别', '出错说明', '已填入', 'total-mismatch', 'school-code-missing', '合计与各项之和不符', '2153000009']) {
        expect(t, `${n} lacks ${word}`).toContain(word);
      }
    }
  });

  it('re-saved by LibreOffice, the flagged cell keeps its red fill and the notes are there', () => {
    for (const n of names.filter((x) => x.startsWith('annotated'))) {
      const e = rawEntries(new Uint8Array(readFileSync(join(dir, 'xlsx', n.replace(/\.xlsm$/, '.xlsx')))));
      const parts = sheetParts(e);
      expect([...parts.keys()]).toContain('检查结果');
      const b3 = cellsOf(text(e.get(parts.get('项目一')!))).get('B3')!;
      const styles = text(e.get('xl/styles.xml'));
      const xf = itemsOf(styles, 'cellXfs', 'xf')[Number(b3.attrs.s)]!;
      const fill = itemsOf(styles, 'fills', 'fill')[Number(/fillId="(\d+)"/.exec(xf)![1])]!;
      expect(fill, n).toMatch(/FFC7CE/i);
      const comments = [...e.keys()].filter((k) => /comments\d*\.xml$/.test(k)).map((k) => text(e.get(k))).join('\n');
      expect(comments, n).toContain('合计与各项之和不符');
      expect(comments, n).toContain('章节顺序');
      expect(comments, n).toContain('原有批注：请勿修改'); // the note that was there before
    }
  });

  it('the explanations sheet is a real (hidden) sheet LibreOffice keeps', () => {
    const e = rawEntries(new Uint8Array(readFileSync(join(dir, 'xlsx', 'explained.xlsx'))));
    const wb = text(e.get('xl/workbook.xml'));
    const tag = itemsOf(wb, 'sheets', 'sheet').find((s) => s.includes(EXPLANATION_SHEET))!;
    expect(tag).toMatch(/state="(veryHidden|hidden)"/);
    expect(text(e.get('xl/sharedStrings.xml'))).toContain('已与财政局核对');
  });
});
