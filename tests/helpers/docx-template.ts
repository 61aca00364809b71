/**
 * The bureau's Word template of the tests: tests/fixtures/docx-template/bureau.fodt (LibreOffice
 * Writer, other fonts and margins) converted to .docx by LibreOffice itself, once per test file.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FODT = join(__dirname, '../fixtures/docx-template/bureau.fodt');

/**
 * Runs soffice headless with a profile of its own (parallel test files do not share one); async, so
 * the test worker keeps answering while LibreOffice works.
 */
export async function soffice(args: string[], cwd: string): Promise<void> {
  await promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${join(tmpdir(), `lo-tpl-${process.pid}`)}`, ...args], {
    cwd,
    timeout: 180_000,
  });
}

let cached: Promise<{ path: string; bytes: Uint8Array }> | undefined;

/** The template .docx made by LibreOffice from bureau.fodt: its path (in a temporary folder) and bytes. */
export function bureauTemplate(): Promise<{ path: string; bytes: Uint8Array }> {
  cached ??= make();
  return cached;
}

async function make(): Promise<{ path: string; bytes: Uint8Array }> {
  const dir = mkdtempSync(join(tmpdir(), 'docx-template-'));
  copyFileSync(FODT, join(dir, 'bureau.fodt'));
  await soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, 'bureau.fodt')], dir);
  const path = join(dir, 'bureau.docx');
  return { path, bytes: new Uint8Array(readFileSync(path)) };
}
