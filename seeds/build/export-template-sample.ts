/**
 * `node --import tsx seeds/build/export-template-sample.ts`: the sample exported in a bureau's own
 * Word template — tests/fixtures/docx-template/bureau.fodt (other fonts, margins 2.5/2/4/1.5 cm,
 * header, 第 N 页 footer) made into a .docx by LibreOffice — and its first page rendered to
 * `docs/screenshots/export-template-page1.png` (LibreOffice → PDF → pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocument } from '../../src/core/document';
import { exportDocx } from '../../src/hosts/docx/write';
import { readDocxTemplate } from '../../src/hosts/docx/template';
import { SEEDS_DIR, SEED_TEXT } from './build';
import { perSheet } from './layouts';
import { parseSeed } from './parse';
import { FIXED_DATE } from './xlsx';

const soffice = (args: string[]): void => {
  execFileSync('soffice', ['--headless', '-env:UserInstallation=file:///tmp/lo-export', ...args], { stdio: 'ignore', timeout: 180_000 });
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'export-template-'));
  copyFileSync(join(SEEDS_DIR, '..', 'tests', 'fixtures', 'docx-template', 'bureau.fodt'), join(dir, 'bureau.fodt'));
  soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, 'bureau.fodt')]);
  const template = readDocxTemplate(new Uint8Array(readFileSync(join(dir, 'bureau.docx'))));
  const doc = buildDocument(perSheet(parseSeed(readFileSync(SEED_TEXT, 'utf8'))));
  const bytes = await exportDocx(doc, { date: FIXED_DATE, creator: '玉溪市江川区教育体育局', template });
  writeFileSync(join(dir, 'templated.docx'), bytes);
  soffice(['--convert-to', 'pdf', '--outdir', dir, join(dir, 'templated.docx')]);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'templated.pdf'), join(dir, 'page1')]);
  const out = join(SEEDS_DIR, '..', 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  copyFileSync(join(dir, 'page1.png'), join(out, 'export-template-page1.png'));
  console.log('docs/screenshots/export-template-page1.png');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
