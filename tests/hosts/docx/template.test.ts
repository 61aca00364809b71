/**
 * The bureau's own Word template: a LibreOffice Writer template (other fonts, margins, header and
 * footer with the page number) applied to the sample's export; the result read back as XML and
 * through LibreOffice (PDF: page size, fonts, header/footer text, left margin). And the refusals:
 * each bad template gives one clear sentence.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_TEXT } from '../../../seeds/build/build';
import { perSheet } from '../../../seeds/build/layouts';
import { parseSeed } from '../../../seeds/build/parse';
import { buildDocument } from '../../../src/core/document';
import { exportDocx } from '../../../src/hosts/docx/write';
import { DocxTemplateError, readDocxTemplate, tryReadDocxTemplate, TEMPLATE_LIMITS } from '../../../src/hosts/docx/template';
import { bureauTemplate, soffice } from '../../helpers/docx-template';

const DATE = new Date('2023-03-01T00:00:00Z');
const document = buildDocument(perSheet(parseSeed(readFileSync(SEED_TEXT, 'utf8'))));
const twips = (cm: number): number => Math.round((cm / 2.54) * 1440);

let tpl: Uint8Array;
let tplXml: Record<string, string>;
let out: Uint8Array;
let xml: Record<string, string>;
const xmlOf = (b: Uint8Array): Record<string, string> =>
  Object.fromEntries(
    Object.entries(unzipSync(b))
      .filter(([n]) => /\.(xml|rels)$/.test(n))
      .map(([n, d]) => [n, strFromU8(d)]),
  );

beforeAll(async () => {
  tpl = (await bureauTemplate()).bytes;
  tplXml = xmlOf(tpl);
  out = await exportDocx(document, { date: DATE, template: readDocxTemplate(tpl) });
  xml = xmlOf(out);
}, 200_000);

const count = (s: string, re: RegExp): number => [...s.matchAll(re)].length;

describe('a LibreOffice template applied to the sample', () => {
  it('reads the template: A4, its margins, its styles, header and footer', () => {
    const t = readDocxTemplate(tpl);
    expect(t.summary.page).toMatchObject({ width: 11906, height: 16838, left: twips(4), right: twips(1.5) });
    expect(t.summary.styles).toMatchObject({ title: 'Title', heading1: 'Heading1', heading2: 'Heading2', body: 'Normal' });
    expect(t.summary.hasHeader).toBe(true);
    expect(t.summary.hasFooter).toBe(true);
  });

  it("keeps the template's section (page size, margins, header/footer), styles, header and footer parts", () => {
    const sect = (d: string): string => /<w:sectPr>[\s\S]*<\/w:sectPr>(?=<\/w:body>)/.exec(d)![0];
    expect(sect(xml['word/document.xml']!)).toBe(sect(tplXml['word/document.xml']!));
    expect(xml['word/document.xml']).toMatch(/<w:pgMar [^>]*w:left="2268"/);
    expect(xml['word/styles.xml']).toBe(tplXml['word/styles.xml']);
    expect(xml['word/styles.xml']).not.toContain('方正小标宋简体');
    expect(xml['word/header1.xml']).toContain('某县财政局 预算公开文本');
    expect(xml['word/footer1.xml']).toMatch(/PAGE/);
    expect(xml['word/document.xml']).not.toContain('模板标题（将被替换）');
    expect(xml['word/document.xml']).not.toContain('示例正文');
  });

  it('writes the document in the template styles: 1 title, 16 + 128 headings, body in Normal', () => {
    const d = xml['word/document.xml']!;
    expect(count(d, /<w:pStyle w:val="Title"\/>/g)).toBe(1);
    expect(count(d, /<w:pStyle w:val="Heading1"\/>/g)).toBe(16);
    expect(count(d, /<w:pStyle w:val="Heading2"\/>/g)).toBe(128);
    expect(count(d, /<w:pStyle w:val="Normal"\/>/g)).toBeGreaterThan(100);
    expect(d).toContain('江川区教育体育局2023年预算重点领域财政项目文本公开');
    expect(xml['docProps/core.xml']).toContain('<dc:title>江川区教育体育局2023年预算重点领域财政项目文本公开</dc:title>');
  });

  it("fits the school table to the template's text width, in the template's fonts, borders kept", () => {
    const d = xml['word/document.xml']!;
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(d)![0];
    const width = 11906 - twips(4) - twips(1.5);
    const tblW = Number(/<w:tblW [^>]*w:w="(\d+)"/.exec(tbl)![1]);
    expect(tblW).toBeLessThanOrEqual(width);
    expect(tblW).toBeGreaterThan(width - 20);
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(grid).toBeLessThanOrEqual(width);
    expect(grid).toBeGreaterThan(width - 20);
    expect(tbl).not.toContain('<w:rFonts');
    expect(tbl).toContain('<w:tblBorders>');
    expect(tbl).toContain('<w:tblHeader/>');
  });

  describe('through LibreOffice (PDF)', () => {
    let dir: string;
    let pages: number;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'templated-'));
      writeFileSync(join(dir, 'templated.docx'), out);
      await soffice(['--convert-to', 'pdf', '--outdir', dir, join(dir, 'templated.docx')], dir);
      const info = execFileSync('pdfinfo', [join(dir, 'templated.pdf')], { encoding: 'utf8' });
      pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    }, 200_000);

    it("uses the template's fonts (DejaVu Sans for title and headings, DejaVu Serif for the body)", () => {
      const fonts = execFileSync('pdffonts', [join(dir, 'templated.pdf')], { encoding: 'utf8' });
      expect(fonts).toMatch(/DejaVuSans\b/);
      expect(fonts).toMatch(/DejaVuSerif\b/);
      expect(fonts).not.toMatch(/LiberationSerif|TimesNewRoman/);
    });

    it('has the header and the page-number footer on every page', () => {
      const text = (p: number): string =>
        execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', join(dir, 'templated.pdf'), '-'], { encoding: 'utf8' });
      expect(pages).toBeGreaterThan(10);
      for (const p of [1, 2, pages]) {
        expect(text(p)).toContain('某县财政局 预算公开文本');
        expect(text(p)).toMatch(new RegExp(`第\\s*${p}\\s*页`));
      }
      // the 20 pt title wraps; pdftotext puts spaces between Latin and Chinese runs
      expect(text(1).replace(/\s+/g, '')).toContain('江川区教育体育局2023年预算重点领域财政项目文本公开');
    });

    it("sets the text at the template's left margin (4 cm), not the built-in 2.8 cm", () => {
      const bbox = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-bbox', join(dir, 'templated.pdf'), '-'], { encoding: 'utf8' });
      const xs = [...bbox.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1]));
      const left = Math.min(...xs);
      expect(left).toBeGreaterThan((4 / 2.54) * 72 - 2);
      expect(left).toBeLessThan((4 / 2.54) * 72 + 4);
    });
  });
});

/** The LibreOffice template with one part changed. */
function variant(edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(tpl);
  edit(files);
  return zipSync(files);
}

describe('templates from Chinese Word and without styles', () => {
  it('maps styles by name, whatever their ids (Chinese Word writes 1, 2, a)', async () => {
    const t = variant((f) => {
      f['word/styles.xml'] = strToU8(
        strFromU8(f['word/styles.xml']!)
          .replace('w:styleId="Heading1"', 'w:styleId="1"')
          .replace('w:styleId="Heading2"', 'w:styleId="2"')
          .replace('w:styleId="Normal"', 'w:styleId="a" w:default="1"'),
      );
    });
    const d = xmlOf(await exportDocx(document, { date: DATE, template: readDocxTemplate(t) }))['word/document.xml']!;
    expect(count(d, /<w:pStyle w:val="1"\/>/g)).toBe(16);
    expect(count(d, /<w:pStyle w:val="2"\/>/g)).toBe(128);
    expect(count(d, /<w:pStyle w:val="a"\/>/g)).toBeGreaterThan(100);
  });

  it('adds our Title style (with its fonts and fallbacks) when the template has none', async () => {
    const t = variant((f) => {
      f['word/styles.xml'] = strToU8(
        strFromU8(f['word/styles.xml']!).replace(/<w:style\b[^>]*w:styleId="Title"[^>]*>[\s\S]*?<\/w:style>/, ''),
      );
    });
    expect(readDocxTemplate(t).summary.styles.title).toBeUndefined();
    const x = xmlOf(await exportDocx(document, { date: DATE, template: readDocxTemplate(t) }));
    expect(x['word/styles.xml']).toMatch(/<w:style\b[^>]*w:styleId="Title"[^>]*>[\s\S]*?方正小标宋简体[\s\S]*?<\/w:style>/);
    expect(x['word/styles.xml']).toMatch(/w:styleId="Title"[^>]*>(?:(?!<\/w:style>)[\s\S])*<w:basedOn w:val="Normal"\/>/);
    expect(x['word/fontTable.xml']).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(count(x['word/document.xml']!, /<w:pStyle w:val="Title"\/>/g)).toBe(1);
  });

  it('a .dotx template gives a .docx document', async () => {
    const t = variant((f) => {
      f['[Content_Types].xml'] = strToU8(
        strFromU8(f['[Content_Types].xml']!).replace('wordprocessingml.document.main+xml', 'wordprocessingml.template.main+xml'),
      );
    });
    const x = xmlOf(await exportDocx(document, { date: DATE, template: readDocxTemplate(t) }));
    expect(x['[Content_Types].xml']).toContain('wordprocessingml.document.main+xml');
    expect(x['[Content_Types].xml']).not.toContain('template.main+xml');
  });
});

describe('a template that cannot be used: one clear sentence', () => {
  // the unpacked limit lowered to 1 MB, so that the bomb test stays small
  const limits = { ...TEMPLATE_LIMITS, unpackedBytes: 1024 * 1024 };
  const refused = (b: Uint8Array): DocxTemplateError => {
    const r = tryReadDocxTemplate(b, limits);
    if (r.ok) throw new Error('accepted');
    return r.error;
  };

  it.each([
    ['an empty file', () => new Uint8Array(0), 'empty'],
    ['a text file', () => strToU8('这不是 Word 文件'), 'not-docx'],
    ['an old .doc (OLE compound file)', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'not-docx'],
    ['a workbook', () => new Uint8Array(readFileSync(join(__dirname, '../../../seeds/jiangchuan-2023.xlsx'))), 'not-docx'],
    ['a truncated .docx', () => tpl.subarray(0, Math.floor(tpl.length / 2)), 'corrupt'],
    ['a file over the size limit', () => new Uint8Array(TEMPLATE_LIMITS.fileBytes + 1), 'too-large'],
    [
      'a zip bomb (parts over the unpacked limit)',
      () =>
        variant((f) => {
          f['word/media/big.bin'] = new Uint8Array(limits.unpackedBytes + 1);
        }),
      'too-large',
    ],
    [
      'a macro-enabled .docm',
      () =>
        variant((f) => {
          f['[Content_Types].xml'] = strToU8(
            strFromU8(f['[Content_Types].xml']!).replace(
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
              'application/vnd.ms-word.document.macroEnabled.main+xml',
            ),
          );
        }),
      'macro',
    ],
    [
      'a document without its body',
      () =>
        variant((f) => {
          f['word/document.xml'] = strToU8('<w:document xmlns:w="x"/>');
        }),
      'corrupt',
    ],
  ] as const)('%s', (_name, make, code) => {
    const e = refused(make());
    expect(e).toBeInstanceOf(DocxTemplateError);
    expect(e.code).toBe(code);
    expect(e.messageFor('zh')).toMatch(/^Word 模板/);
    expect(e.messageFor('en')).toMatch(/^The Word template/);
    expect(e.messageFor('zh')).not.toMatch(/\n|at .*\(/);
  });
});
