/**
 * The annotated copy opens in a real spreadsheet program: LibreOffice converts it to PDF in one
 * batch (private profile, timeout). The 检查结果 sheet's text is in the PDF, the flag fills are
 * visible in the rendered page, and the very hidden explanations sheet is not printed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate, writeExplanations } from '../../../src/hosts/xlsx/annotate';
import { finding, fixture } from './annotate-helpers';

function requireTool(cmd: string, args: string[], install: string): void {
  const r = spawnSync(cmd, args, { stdio: 'pipe', timeout: 60_000 });
  if (r.error)
    throw new Error(`${cmd} is required for this test and was not found (${r.error.message}). Install ${install} (.ci/run does).`);
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
  finding({ sheet: '项目一', cell: 'A3', rule: 'school-name-format', message: '校名格式' }),
  finding({ sheet: '项目一', cell: 'E9', severity: 'info', rule: 'heading-numbering', message: '空单元格提示' }),
  finding({ sheet: '图表', cell: 'A2', severity: 'warning', rule: 'section-order', message: '章节顺序' }),
  finding({
    sheet: '学校名册',
    cell: 'A6',
    rule: 'school-code-missing',
    message: '缺少学校代码',
    fix: { sheet: '学校名册', cell: 'A6', value: '2153000009', kind: 'text' },
  }),
];
const INPUTS = ['rich.xlsx', 'rich-lo.xlsx', 'rich.xlsm'];

describe('the annotated copy in LibreOffice', () => {
  let dir = '';
  const names: string[] = [];
  beforeAll(async () => {
    requireTool('soffice', ['--version'], 'LibreOffice (apt-get install libreoffice-calc)');
    requireTool('pdftotext', ['-v'], 'poppler-utils');
    requireTool('pdftoppm', ['-v'], 'poppler-utils');
    dir = mkdtempSync(join(tmpdir(), 'dc-annotate-lo-'));
    for (const input of INPUTS) {
      const out = annotate(fixture(input), FINDINGS, { fix: true });
      const name = `annotated-${input.replace(/\./g, '-')}.${input.endsWith('.xlsm') ? 'xlsm' : 'xlsx'}`;
      writeFileSync(join(dir, name), out);
      names.push(name);
    }
    const explained = writeExplanations(fixture('rich.xlsx'), [
      { key: 'k1', rule: 'total-mismatch', sheet: '项目一', cell: 'B3', text: '已与财政局核对' },
    ]);
    writeFileSync(join(dir, 'explained.xlsx'), explained);
    names.push('explained.xlsx');
    mkdirSync(join(dir, 'pdf'));
    await soffice(
      'pdf',
      join(dir, 'pdf'),
      names.map((n) => join(dir, n)),
    );
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
      for (const word of ['规则', '级别', '问题描述', '已填入', '合计与分项不符', '缺少学校代码', '合计与各项之和不符', '2153000009']) {
        expect(t, `${n} lacks ${word}`).toContain(word);
      }
    }
  });

  it('the flag fills are visible on the rendered first page (项目一)', () => {
    for (const n of names.filter((x) => x.startsWith('annotated'))) {
      const pdf = join(dir, 'pdf', n.replace(/\.xls[xm]$/, '.pdf'));
      const prefix = join(dir, `page-${n}`);
      const r = spawnSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
      expect(r.status, String(r.stderr)).toBe(0);
      const colors = ppmColors(readFileSync(`${prefix}.ppm`));
      // A3 error (B3's fill is covered by the workbook's own conditional format, as it should be)
      expect(colors.has('255,199,206'), `${n}: no error fill (FFC7CE) on page 1`).toBe(true);
      expect(colors.has('221,235,247'), `${n}: no info fill (DDEBF7) on page 1`).toBe(true);
    }
  });

  it('the explained copy opens, and its very hidden sheet is not printed', () => {
    const r = spawnSync('pdftotext', ['-layout', join(dir, 'pdf', 'explained.pdf'), '-'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('项目一：学校安保经费');
    expect(r.stdout).not.toContain('已与财政局核对');
  });
});

/** The set of `r,g,b` colours of a binary PPM (P6) image. */
function ppmColors(buf: Buffer): Set<string> {
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    if (buf[pos] === 0x23) {
      while (buf[pos] !== 0x0a) pos++;
      continue;
    }
    let f = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) f += String.fromCharCode(buf[pos++]!);
    fields.push(f);
  }
  pos++;
  expect(fields[0]).toBe('P6');
  const out = new Set<string>();
  for (let i = pos; i + 2 < buf.length; i += 3) out.add(`${buf[i]},${buf[i + 1]},${buf[i + 2]}`);
  return out;
}
