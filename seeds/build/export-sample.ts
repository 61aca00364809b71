/**
 * `node --import tsx seeds/build/export-sample.ts`: exports the seed workbook (per-sheet layout)
 * to Word, `seeds/jiangchuan-2023.docx` (fixed date: rebuilding gives the same bytes), and renders
 * its first page to `docs/screenshots/export-page1.png` with LibreOffice and pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocument } from '../../src/core/document';
import { exportDocx } from '../../src/hosts/docx/write';
import { SEEDS_DIR, SEED_TEXT } from './build';
import { perSheet } from './layouts';
import { parseSeed } from './parse';
import { FIXED_DATE } from './xlsx';

async function main(): Promise<void> {
  const doc = buildDocument(perSheet(parseSeed(readFileSync(SEED_TEXT, 'utf8'))));
  const bytes = await exportDocx(doc, { date: FIXED_DATE, creator: '玉溪市江川区教育体育局' });
  const docx = join(SEEDS_DIR, 'jiangchuan-2023.docx');
  writeFileSync(docx, bytes);
  console.log(`seeds/jiangchuan-2023.docx: ${bytes.length} bytes`);
  const dir = mkdtempSync(join(tmpdir(), 'export-sample-'));
  execFileSync('soffice', ['--headless', '-env:UserInstallation=file:///tmp/lo-export', '--convert-to', 'pdf', '--outdir', dir, docx], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'jiangchuan-2023.pdf'), join(dir, 'page1')]);
  const out = join(SEEDS_DIR, '..', 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  copyFileSync(join(dir, 'page1.png'), join(out, 'export-page1.png'));
  console.log('docs/screenshots/export-page1.png');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
