/**
 * The Word writer: ExportDocument → .docx bytes with the `docx` package. Works in Node and in the
 * browser (no Node built-ins; bytes via Packer.toArrayBuffer, re-zipped with fflate).
 *
 * Layout (党政机关公文 conventions, GB/T 9704 in spirit): A4, margins 3.7/3.5/2.8/2.6 cm; title
 * 方正小标宋简体 二号 centred; 项目一 as Heading 1 and 一、项目名称 as Heading 2 in 黑体 三号; body
 * 仿宋_GB2312 三号, first line indented two characters, fixed 28 pt lines; tables 仿宋_GB2312 小五
 * with borders and the header rows (merged header block + column-number row) repeated on every
 * page. Each Chinese font has a fallback in the font table (`w:altName`: 方正小标宋简体 → 宋体,
 * 黑体 → SimHei, 仿宋_GB2312 → 仿宋), so a machine without the GB2312 fonts still shows a
 * Chinese font of the same kind; Latin text uses Times New Roman.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import type { DisclosureDocument } from '../../core/model';
import { buildExportModel } from '../../core/export/build';
import type { ExportDocument, ExportOptions, ExportTable, ExportTableCell } from '../../core/export/types';
import { applyDocxTemplate, type DocxTemplate } from './template';

export const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
} as const;

/** Font-table fallbacks: Word substitutes the alternate when the font is not installed. */
export const FONT_FALLBACKS: Readonly<Record<string, string>> = {
  方正小标宋简体: '宋体',
  黑体: 'SimHei',
  仿宋_GB2312: '仿宋',
  仿宋: 'FangSong',
  宋体: 'SimSun',
};

export interface DocxOptions extends ExportOptions {
  /** Fixed document date (core properties and zip entries), for reproducible files. Default: now. */
  readonly date?: Date;
  /** Author written to the document properties. */
  readonly creator?: string;
  /**
   * The bureau's own Word template (`readDocxTemplate` in ./template): its page set-up, styles,
   * header and footer are used and its body is replaced by the document. Default: the built-in form.
   */
  readonly template?: DocxTemplate | undefined;
}

const PT = (pt: number): number => pt * 2; // half-points
const CM = (cm: number): number => Math.round((cm / 2.54) * 1440); // twips

const SIZE = { title: PT(22), heading: PT(16), body: PT(16), table: PT(9) };
const LINE = 560; // 28 pt, exact
const A4 = { width: CM(21), height: CM(29.7) };
const MARGIN = { top: CM(3.7), bottom: CM(3.5), left: CM(2.8), right: CM(2.6) };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const font = (eastAsia: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: string } => ({
  ascii: FONTS.latin,
  hAnsi: FONTS.latin,
  cs: FONTS.latin,
  eastAsia,
  hint: 'eastAsia',
});

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

function cellParagraph(c: ExportTableCell): Paragraph {
  return new Paragraph({
    alignment: c.align === 'center' ? AlignmentType.CENTER : c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    indent: { firstLine: 0 },
    children: [new TextRun({ text: c.text, bold: c.bold ?? false, size: SIZE.table, font: font(FONTS.body) } satisfies IRunOptions)],
  });
}

function tableOf(t: ExportTable): Table {
  const total = t.columnWidths.reduce((a, b) => a + b, 0) || 1;
  const widths = t.columnWidths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  // header cells: width of the columns they span, found by walking the grid with the row spans
  const occupied: number[] = new Array<number>(widths.length).fill(0);
  const rowOf = (cells: readonly ExportTableCell[], header: boolean): TableRow => {
    let col = 0;
    const children = cells.map((c) => {
      while (col < widths.length && (occupied[col] ?? 0) > 0) col++;
      const span = c.colSpan ?? 1;
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      for (let k = col; k < col + span; k++) occupied[k] = c.rowSpan ?? 1;
      col += span;
      return new TableCell({
        children: [cellParagraph(c)],
        verticalAlign: VerticalAlignTable.CENTER,
        width: { size: w, type: WidthType.DXA },
        margins: { left: 40, right: 40, top: 20, bottom: 20 },
        ...(span > 1 && { columnSpan: span }),
        ...((c.rowSpan ?? 1) > 1 && { rowSpan: c.rowSpan }),
      });
    });
    for (let k = 0; k < occupied.length; k++) occupied[k] = Math.max(0, (occupied[k] ?? 0) - 1);
    return new TableRow({ children, tableHeader: header, cantSplit: true });
  };
  const rows = [...t.headerRows.map((r) => rowOf(r, true)), ...t.bodyRows.map((r) => rowOf(r, false))];
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

/** The Word document for an ExportDocument (docx object model). */
export function documentOf(model: ExportDocument, options: DocxOptions = {}): Document {
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] })];
  for (const p of model.projects) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(p.heading)] }));
    for (const s of p.sections) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(s.heading)] }));
      for (const b of s.blocks) {
        if (b.kind === 'paragraph') children.push(new Paragraph({ children: [new TextRun(b.text)] }));
        else if (b.table.headerRows.length + b.table.bodyRows.length > 0) {
          children.push(tableOf(b.table));
          // an empty paragraph after a table, as Word needs between a table and the next one
          children.push(new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [] }));
        }
      }
    }
  }
  return new Document({
    creator: options.creator ?? 'disclosure-check',
    title: model.title,
    description: '预算重点领域财政项目文本公开',
    lastModifiedBy: options.creator ?? 'disclosure-check',
    revision: 1,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: {
            spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            indent: { firstLine: 640 },
            alignment: AlignmentType.JUSTIFIED,
          },
        },
        title: {
          run: { font: font(FONTS.title), size: SIZE.title, bold: false, color: '000000' },
          paragraph: {
            alignment: AlignmentType.CENTER,
            indent: { firstLine: 0 },
            spacing: { line: 720, lineRule: LineRuleType.EXACT, before: 0, after: 560 },
          },
        },
        heading1: {
          run: { font: font(FONTS.heading), size: SIZE.heading, bold: false, color: '000000' },
          paragraph: {
            indent: { firstLine: 0 },
            spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 280, after: 0 },
            keepNext: true,
            keepLines: true,
          },
        },
        heading2: {
          run: { font: font(FONTS.heading), size: SIZE.heading, bold: false, italics: false, color: '000000' },
          paragraph: {
            indent: { firstLine: 640 },
            spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            keepNext: true,
            keepLines: true,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { ...MARGIN, header: CM(1.5), footer: CM(2.8) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                indent: { firstLine: 0 },
                children: [
                  new TextRun({ text: '— ', size: PT(14), font: font(FONTS.latin) }),
                  new TextRun({ children: [PageNumber.CURRENT], size: PT(14), font: font(FONTS.latin) }),
                  new TextRun({ text: ' —', size: PT(14), font: font(FONTS.latin) }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** word/fontTable.xml with each Chinese font and its fallback (altName, GB2312 charset). */
export function fontTableXml(): string {
  const entry = (name: string, alt: string | undefined, charset: string, family: string, pitch: string): string =>
    `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  const fonts = [
    entry(FONTS.latin, undefined, '00', 'roman', 'variable'),
    entry(FONTS.title, FONT_FALLBACKS[FONTS.title], '86', 'script', 'default'),
    entry(FONTS.heading, FONT_FALLBACKS[FONTS.heading], '86', 'modern', 'fixed'),
    entry(FONTS.body, FONT_FALLBACKS[FONTS.body], '86', 'modern', 'fixed'),
    entry('仿宋', 'FangSong', '86', 'modern', 'fixed'),
    entry('宋体', 'SimSun', '86', 'auto', 'variable'),
  ];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}">${fonts.join('')}</w:fonts>`;
}

/** Replaces the font table, fixes the dates, and re-zips with fixed entry times. */
function repack(bytes: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(bytes);
  const iso = `${date.toISOString().slice(0, 19)}Z`;
  const out: Zippable = {};
  for (const name of Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  )) {
    let data = files[name]!;
    if (name === 'word/fontTable.xml') data = strToU8(fontTableXml());
    if (name === 'docProps/core.xml') {
      data = strToU8(
        strFromU8(data).replace(
          /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
          (_m: string, open: string, _tag: string, close: string) => `${open}${iso}${close}`,
        ),
      );
    }
    out[name] = [data, { mtime: date, level: 6 }];
  }
  return zipSync(out);
}

/** ExportDocument → .docx bytes. */
export async function writeDocx(model: ExportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const doc = documentOf(model, options);
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
  const date = options.date ?? new Date();
  const packed = repack(bytes, date);
  return options.template !== undefined ? applyDocxTemplate(packed, options.template, date) : packed;
}

/**
 * The published document for a checked workbook: DisclosureDocument → .docx bytes. Usable in
 * Node and the browser. The model (with the list of normalisations made) is `buildExportModel`.
 */
export async function exportDocx(document: DisclosureDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  return writeDocx(buildExportModel(document, options), options);
}

/**
 * Like `exportDocx`, and also returns the model, whose `normalisations` list every change the
 * export made to the workbook's text (for the pane, the CLI and a log).
 */
export async function exportDocxWithModel(
  document: DisclosureDocument,
  options: DocxOptions = {},
): Promise<{ bytes: Uint8Array; model: ExportDocument }> {
  const model = buildExportModel(document, options);
  return { bytes: await writeDocx(model, options), model };
}
