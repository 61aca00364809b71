/**
 * Test helper: a minimal Word package (.docx) from body XML, with optional numbering.xml and
 * styles.xml, zipped by fflate. Only what Word itself needs to open it: [Content_Types].xml, the
 * package relationship to word/document.xml, and the document's relationships to its parts.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxParts {
  /** The children of w:body (w:p, w:tbl …), written with the `w:` prefix. */
  readonly body: string;
  /** The children of w:numbering (w:abstractNum …, w:num …). */
  readonly numbering?: string;
  /** The children of w:styles (w:style …). */
  readonly styles?: string;
  /** Extra or replacement entries (a part name → its text or bytes). */
  readonly extra?: Readonly<Record<string, string | Uint8Array>>;
}

export function buildDocx(parts: DocxParts): Uint8Array {
  const rels: string[] = [];
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
  ];
  const files: Record<string, string | Uint8Array> = {};
  if (parts.numbering !== undefined) {
    rels.push(`<Relationship Id="rId1" Type="${R}/numbering" Target="numbering.xml"/>`);
    overrides.push(
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>',
    );
    files['word/numbering.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`;
  }
  if (parts.styles !== undefined) {
    rels.push(`<Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>`);
    overrides.push(
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
    );
    files['word/styles.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">${parts.styles}</w:styles>`;
  }
  files['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  files['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;
  files['word/_rels/document.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  files['word/document.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`;
  Object.assign(files, parts.extra);
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(z, { mtime: new Date('2023-03-01T00:00:00Z') });
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph of plain runs; `num` gives it automatic numbering, `style` a paragraph style. */
export function p(text: string, options: { num?: [numId: number, ilvl: number]; style?: string } = {}): string {
  const pPr =
    options.num !== undefined || options.style !== undefined
      ? `<w:pPr>${options.style !== undefined ? `<w:pStyle w:val="${options.style}"/>` : ''}${
          options.num !== undefined ? `<w:numPr><w:ilvl w:val="${options.num[1]}"/><w:numId w:val="${options.num[0]}"/></w:numPr>` : ''
        }</w:pPr>`
      : '';
  return `<w:p>${pPr}${text === '' ? '' : `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`}</w:p>`;
}

/** A level of an abstract numbering. */
export function lvl(ilvl: number, numFmt: string, lvlText: string, extra = '', start = 1): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${lvlText}"/><w:lvlJc w:val="left"/></w:lvl>`;
}

/** An abstract numbering and a `w:num` pointing at it (same id for both). */
export function list(id: number, levels: string, overrides = ''): string {
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${levels}</w:abstractNum>` + num(id, id, overrides);
}

export function num(numId: number, abstractId: number, overrides = ''): string {
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}

/** A table cell with its paragraphs; `span` (w:gridSpan) and `vMerge` ('restart' or 'continue'). */
export function tc(text: string, options: { span?: number; vMerge?: 'restart' | 'continue' } = {}): string {
  const pr = `${options.span !== undefined ? `<w:gridSpan w:val="${options.span}"/>` : ''}${
    options.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : options.vMerge === 'continue' ? '<w:vMerge/>' : ''
  }`;
  return `<w:tc>${pr === '' ? '' : `<w:tcPr>${pr}</w:tcPr>`}${text
    .split('\n')
    .map((l) => p(l))
    .join('')}</w:tc>`;
}

export function tr(...cells: string[]): string {
  return `<w:tr>${cells.join('')}</w:tr>`;
}

export function tbl(...rows: string[]): string {
  return `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;
}
