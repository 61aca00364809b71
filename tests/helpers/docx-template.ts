/**
 * The bureau's Word template of the tests: tests/fixtures/docx-template/bureau.fodt (LibreOffice
 * Writer, other fonts and margins) converted to .docx by LibreOffice itself, once per test file.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';

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

/**
 * A small Word template built here, without LibreOffice (for the pane tests): A4, margins 2.5 / 2 /
 * 4 / 1.5 cm, Title and heading 1 styles, a footer.
 */
export function minimalTemplate(): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const x = (s: string): Uint8Array => new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  return zipSync({
    '[Content_Types].xml': x(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
    ),
    '_rels/.rels': x(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': x(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${R}/footer" Target="footer1.xml"/></Relationships>`,
    ),
    'word/document.xml': x(
      `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>模板</w:t></w:r></w:p>` +
        '<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="850" w:bottom="1134" w:left="2268" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>',
    ),
    'word/styles.xml': x(
      `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="DejaVu Serif" w:eastAsia="DejaVu Serif"/></w:rPr></w:style>` +
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:eastAsia="DejaVu Sans"/><w:sz w:val="40"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="30"/></w:rPr></w:style></w:styles>',
    ),
    'word/footer1.xml': x(
      `<w:ftr xmlns:w="${W}"><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`,
    ),
  });
}
