/**
 * The copy with an inserted row opens in LibreOffice: converted to .xlsx by LibreOffice (private
 * profile, timeout) and read back, it holds the inserted heading, the moved rows and formulas, and
 * the check finds the section present and empty.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotateCopy } from '../../../src/hosts/xlsx/annotate';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { checkWorkbook } from '../../../src/core/check';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { missingSectionWorkbook } from './insert-fixture';

function snapshotOf(bytes: Uint8Array): WorkbookSnapshot {
  const r = readXlsx(bytes);
  if (!r.ok) throw new Error(r.error.zh);
  return r.snapshot;
}

function convert(file: string, outDir: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'dc-lo-profile-'));
  return new Promise((resolve, reject) => {
    execFile(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, file],
      { timeout: 150_000 },
      (err, _stdout, stderr) => {
        rmSync(profile, { recursive: true, force: true });
        if (err) reject(new Error(`soffice --convert-to xlsx failed: ${err.message}\n${stderr}`));
        else resolve();
      },
    );
  });
}

describe('the copy with an inserted section in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dc-insert-lo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens, and read back the section is there and empty; the moved references still point at their cells', async () => {
    const r = spawnSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    if (r.error)
      throw new Error(`soffice is required for this test (${r.error.message}); install LibreOffice (apt-get install libreoffice-calc)`);
    const bytes = await missingSectionWorkbook();
    const out = annotateCopy(bytes, checkWorkbook({ snapshot: snapshotOf(bytes) }).findings, { fix: true });
    expect(out.inserted).toHaveLength(1);
    writeFileSync(join(dir, 'copy.xlsx'), out.bytes);
    mkdirSync(join(dir, 'lo'));
    await convert(join(dir, 'copy.xlsx'), join(dir, 'lo'));
    const back = snapshotOf(new Uint8Array(readFileSync(join(dir, 'lo', 'copy.xlsx'))));
    const cell = (sheet: string, row: number, col = 0) =>
      back.sheets.find((s) => s.name === sheet)!.cells.find((c) => c.row === row && c.col === col);
    expect(cell('项目一', 11)?.text).toBe('六、资金安排情况');
    expect(cell('项目一', 12)?.text).toBe('七、项目实施计划');
    // the sums and the text read through the moved references are unchanged
    expect(cell('项目一', 16, 2)?.value).toBe(10);
    expect(cell('汇总', 0)?.value).toBe(15);
    expect(cell('汇总', 1)?.value).toBe('七、项目实施计划');
    const after = checkWorkbook({ snapshot: back });
    expect(after.findings.filter((f) => f.rule === 'section-missing')).toEqual([]);
    expect(after.findings.filter((f) => f.rule === 'section-empty').map((f) => [f.sheet, f.cell])).toEqual([['项目一', 'A12']]);
  }, 300_000);
});
