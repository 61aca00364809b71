/**
 * The bureau's own Word template: its page set-up, styles, header and footer, with our document as
 * its body.
 *
 * The template is user input, read with bounds (file size, entry count, unpacked size, the bounded
 * zip reader of src/hosts/xlsx) and refused with one clear zh/en sentence when it is not a usable
 * Word package (`DocxTemplateError`). It is merged at the package level: the template's package is
 * kept (styles, numbering, headers and footers with their page-number fields, fonts, theme,
 * settings), `word/document.xml` keeps its root and its final `w:sectPr` (page size, margins,
 * header/footer references) and gets our body; our paragraph styles are mapped onto the template's
 * by name (Title, heading 1, heading 2, Normal — names are the same in every Word language, while
 * ids are not: Chinese Word writes `1`, `2`, `a`), falling back to ours when the template has none;
 * our tables take the template's table style (the one its body uses, else Table Grid) and its fonts,
 * keep their borders, and are scaled to the template's text width.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { listEntries, sniff, streamEntry, type ZipBudget } from '../xlsx/zip';
import { XlsxReadError } from '../xlsx/errors';

export type DocxTemplateErrorCode = 'empty' | 'too-large' | 'not-docx' | 'encrypted' | 'corrupt' | 'macro' | 'unsupported';

/** Bounds on the template: it is a few styles and a header, never large. */
export const TEMPLATE_LIMITS = {
  /** The template file itself (bytes). */
  fileBytes: 20 * 1024 * 1024,
  /** Entries in its package. */
  entries: 2_000,
  /** All its parts, unpacked (bytes). */
  unpackedBytes: 100 * 1024 * 1024,
} as const;

const MESSAGES: Readonly<Record<DocxTemplateErrorCode, { zh: string; en: string }>> = {
  empty: { zh: 'Word 模板是空文件', en: 'The Word template is an empty file' },
  'too-large': {
    zh: `Word 模板过大（超过 ${TEMPLATE_LIMITS.fileBytes / 1024 / 1024} MB，或解压后超过 ${TEMPLATE_LIMITS.unpackedBytes / 1024 / 1024} MB），未使用`,
    en: `The Word template is too large (over ${TEMPLATE_LIMITS.fileBytes / 1024 / 1024} MB, or over ${TEMPLATE_LIMITS.unpackedBytes / 1024 / 1024} MB unpacked); it was not used`,
  },
  'not-docx': {
    zh: 'Word 模板不是 .docx 或 .dotx 文件（旧版 .doc、.wps 或 .odt 请先在 Word 或 WPS 中另存为 .docx）',
    en: 'The Word template is not a .docx or .dotx file (save an old .doc, .wps or .odt as .docx in Word or WPS first)',
  },
  encrypted: {
    zh: 'Word 模板设有密码，无法读取；请去掉密码后再用',
    en: 'The Word template is password-protected and cannot be read; remove the password first',
  },
  corrupt: {
    zh: 'Word 模板已损坏，无法读取；请在 Word 中打开并重新保存',
    en: 'The Word template is damaged and cannot be read; open it in Word and save it again',
  },
  macro: {
    zh: 'Word 模板含有宏（.docm/.dotm），不予使用；请另存为不含宏的 .docx',
    en: 'The Word template contains macros (.docm/.dotm) and is not used; save it as a .docx without macros',
  },
  unsupported: {
    zh: 'Word 模板使用了不支持的格式（如“严格 Open XML”）；请在 Word 中另存为普通的 Word 文档（.docx）',
    en: 'The Word template uses a format that is not supported (such as Strict Open XML); save it in Word as an ordinary Word document (.docx)',
  },
};

/** A template that cannot be used: one sentence in each language, never a stack trace. */
export class DocxTemplateError extends Error {
  constructor(
    readonly code: DocxTemplateErrorCode,
    readonly detail?: string,
  ) {
    super(MESSAGES[code].en);
    this.name = 'DocxTemplateError';
  }

  messageFor(lang: 'zh' | 'en'): string {
    return MESSAGES[this.code][lang];
  }
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const STRICT_W_NS = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const CT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const CT_TEMPLATE_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';
const CT_MACRO = /ms-word\.(document|template)\.macroEnabled/i;

export interface TemplateStyle {
  readonly id: string;
  readonly type: string;
  /** Lower-cased `w:name`. */
  readonly name: string;
  readonly isDefault: boolean;
}

/** What the template gives, for the pane and the CLI to say (and the tests to check). */
export interface TemplateSummary {
  /** Page size and margins in twips (1/1440 in), from the template's final section. */
  readonly page?: { width: number; height: number; top: number; bottom: number; left: number; right: number };
  /** The template style used for each of ours, or undefined where ours is kept. */
  readonly styles: { title?: string; heading1?: string; heading2?: string; body?: string; table?: string };
  readonly hasHeader: boolean;
  readonly hasFooter: boolean;
}

/** A template read and checked: its parts and where the document, styles and fonts are. */
export interface DocxTemplate {
  readonly parts: ReadonlyMap<string, Uint8Array>;
  readonly mainPart: string;
  readonly summary: TemplateSummary;
}

// ---------------------------------------------------------------------------------------------
// reading

const utf8 = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array | undefined, part: string): string {
  if (bytes === undefined) throw new DocxTemplateError('corrupt', `missing ${part}`);
  let s: string;
  try {
    s = utf8.decode(bytes);
  } catch {
    throw new DocxTemplateError('corrupt', `${part}: not UTF-8`);
  }
  if (/<!DOCTYPE/i.test(s)) throw new DocxTemplateError('corrupt', `${part}: DOCTYPE`);
  return s.replace(/^\ufeff/, '');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[2] ?? m[3]) : undefined;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = ownerPart.includes('/') ? ownerPart.slice(0, ownerPart.lastIndexOf('/') + 1) : '';
  const out: string[] = [];
  for (const seg of (base + target).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function relsOf(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    out.push({
      id: attr(tag, 'Id') ?? '',
      type: attr(tag, 'Type') ?? '',
      target: unescapeXml(attr(tag, 'Target') ?? ''),
      external: (attr(tag, 'TargetMode') ?? '').toLowerCase() === 'external',
    });
  }
  return out;
}

function stylesOf(xml: string): TemplateStyle[] {
  const out: TemplateStyle[] = [];
  for (const m of xml.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)) {
    const open = /^<w:style\b[^>]*>/.exec(m[0])![0];
    const name = /<w:name\b[^>]*\bw:val\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? '';
    const def = attr(open, 'w:default') ?? '';
    out.push({
      id: unescapeXml(attr(open, 'w:styleId') ?? ''),
      type: attr(open, 'w:type') ?? 'paragraph',
      name: unescapeXml(name).toLowerCase(),
      isDefault: def === '1' || def === 'true' || def === 'on',
    });
  }
  return out;
}

function findStyle(styles: readonly TemplateStyle[], type: string, names: readonly string[], ids: readonly string[]): string | undefined {
  const ofType = styles.filter((s) => s.type === type && s.id !== '');
  for (const n of names) {
    const hit = ofType.find((s) => s.name === n);
    if (hit) return hit.id;
  }
  for (const id of ids) {
    const hit = ofType.find((s) => s.id === id);
    if (hit) return hit.id;
  }
  return undefined;
}

/** The final, body-level section properties of a document.xml (the last `w:sectPr` before `</w:body>`). */
function finalSectPr(doc: string): { xml: string; start: number } | undefined {
  const end = doc.lastIndexOf('</w:body>');
  if (end < 0) return undefined;
  const before = doc.slice(0, end).trimEnd();
  if (before.endsWith('<w:sectPr/>')) return { xml: '<w:sectPr/>', start: before.length - '<w:sectPr/>'.length };
  if (!before.endsWith('</w:sectPr>')) return undefined;
  const start = before.lastIndexOf('<w:sectPr');
  if (start < 0) return undefined;
  return { xml: before.slice(start), start };
}

function twips(tag: string | undefined, name: string): number {
  if (tag === undefined) return 0;
  const v = Number(attr(tag, `w:${name}`) ?? '0');
  return Number.isFinite(v) ? Math.abs(Math.round(v)) : 0;
}

function pageOf(sectPr: string | undefined): TemplateSummary['page'] {
  if (sectPr === undefined) return undefined;
  const sz = /<w:pgSz\b[^>]*>/.exec(sectPr)?.[0];
  const mar = /<w:pgMar\b[^>]*>/.exec(sectPr)?.[0];
  if (sz === undefined || mar === undefined) return undefined;
  return {
    width: twips(sz, 'w'),
    height: twips(sz, 'h'),
    top: twips(mar, 'top'),
    bottom: twips(mar, 'bottom'),
    left: twips(mar, 'left') + twips(mar, 'gutter'),
    right: twips(mar, 'right'),
  };
}

export type TemplateLimits = { readonly [K in keyof typeof TEMPLATE_LIMITS]: number };

function unpack(bytes: Uint8Array, limits: TemplateLimits): Map<string, Uint8Array> {
  try {
    sniff(bytes);
    const entries = listEntries(bytes, limits.entries);
    const budget: ZipBudget = { maxUncompressedBytes: limits.unpackedBytes, used: 0, tick: () => undefined, work: () => undefined };
    const parts = new Map<string, Uint8Array>();
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      if (e.name.split('/').some((seg) => seg === '..')) throw new DocxTemplateError('corrupt', `bad entry name ${e.name}`);
      const chunks: Uint8Array[] = [];
      let n = 0;
      streamEntry(bytes, e, budget, (c) => {
        chunks.push(c.slice());
        n += c.length;
      });
      const all = new Uint8Array(n);
      let o = 0;
      for (const c of chunks) {
        all.set(c, o);
        o += c.length;
      }
      parts.set(e.name, all);
    }
    return parts;
  } catch (e) {
    if (e instanceof DocxTemplateError) throw e;
    if (e instanceof XlsxReadError) {
      switch (e.code) {
        case 'empty-file':
          throw new DocxTemplateError('empty');
        case 'encrypted':
          throw new DocxTemplateError('encrypted');
        case 'not-zip':
        case 'xls-binary':
          throw new DocxTemplateError('not-docx');
        case 'limit-exceeded':
          throw new DocxTemplateError('too-large');
        default:
          throw new DocxTemplateError('corrupt', e.code);
      }
    }
    throw new DocxTemplateError('corrupt', e instanceof Error ? e.message : String(e));
  }
}

/**
 * Reads and checks a template (.docx or .dotx). Throws `DocxTemplateError` (one clear sentence)
 * when it is empty, too large, not a Word package, encrypted, damaged, macro-enabled or Strict.
 * `limits` (default TEMPLATE_LIMITS) is for tests.
 */
export function readDocxTemplate(bytes: Uint8Array, limits: TemplateLimits = TEMPLATE_LIMITS): DocxTemplate {
  if (bytes.length === 0) throw new DocxTemplateError('empty');
  if (bytes.length > limits.fileBytes) throw new DocxTemplateError('too-large');
  const parts = unpack(bytes, limits);
  const types = parts.get('[Content_Types].xml');
  const rootRels = parts.get('_rels/.rels');
  if (types === undefined || rootRels === undefined) throw new DocxTemplateError('not-docx');
  const typesXml = text(types, '[Content_Types].xml');
  const main = relsOf(text(rootRels, '_rels/.rels')).find((r) => r.type.endsWith('/officeDocument') && !r.external);
  if (main === undefined) throw new DocxTemplateError('not-docx');
  const mainPart = resolveTarget('', main.target);
  if (main.type.includes('purl.oclc.org/ooxml')) throw new DocxTemplateError('unsupported', 'strict relationships');
  const override = new RegExp(`<Override\\b[^>]*PartName\\s*=\\s*"/${mainPart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`, 'i').exec(
    typesXml,
  )?.[0];
  const ct = override !== undefined ? (attr(override, 'ContentType') ?? '') : '';
  if (CT_MACRO.test(ct) || [...parts.keys()].some((p) => /vbaProject\.bin$/i.test(p))) throw new DocxTemplateError('macro');
  if (ct !== CT_MAIN && ct !== CT_TEMPLATE_MAIN) throw new DocxTemplateError('not-docx', `main part content type ${ct}`);
  const doc = text(parts.get(mainPart), mainPart);
  if (doc.includes(STRICT_W_NS)) throw new DocxTemplateError('unsupported', 'strict');
  // our body is written with the `w` prefix; a template that binds `w` to something else is refused
  const root = /<(\w+:)?document\b[^>]*>/.exec(doc)?.[0];
  if (root === undefined || !doc.includes('<w:body') || !doc.includes('</w:body>')) throw new DocxTemplateError('corrupt', 'no w:body');
  const wBinding = attr(root, 'xmlns:w');
  if (wBinding !== undefined && wBinding !== W_NS) throw new DocxTemplateError('unsupported', 'w prefix bound elsewhere');
  if (wBinding === undefined && !root.startsWith('<w:document')) throw new DocxTemplateError('unsupported', 'no w prefix');

  const mainRels = parts.has(relsPathOf(mainPart)) ? relsOf(text(parts.get(relsPathOf(mainPart)), relsPathOf(mainPart))) : [];
  const stylesRel = mainRels.find((r) => r.type.endsWith('/styles') && !r.external);
  const stylesPart = stylesRel ? resolveTarget(mainPart, stylesRel.target) : undefined;
  const styles = stylesPart !== undefined && parts.has(stylesPart) ? stylesOf(text(parts.get(stylesPart), stylesPart)) : [];
  const sect = finalSectPr(doc)?.xml;
  const bodyTableStyle = /<w:tblStyle\b[^>]*\bw:val\s*="([^"]*)"/.exec(doc.slice(doc.indexOf('<w:body')))?.[1];
  const title = findStyle(styles, 'paragraph', ['title', '标题'], ['Title']);
  const heading1 = findStyle(styles, 'paragraph', ['heading 1', '标题 1'], ['Heading1']);
  const heading2 = findStyle(styles, 'paragraph', ['heading 2', '标题 2'], ['Heading2']);
  const body =
    styles.find((s) => s.type === 'paragraph' && s.isDefault && s.id !== '')?.id ??
    findStyle(styles, 'paragraph', ['normal', '正文'], ['Normal']);
  const table =
    (bodyTableStyle !== undefined && styles.some((s) => s.type === 'table' && s.id === unescapeXml(bodyTableStyle))
      ? unescapeXml(bodyTableStyle)
      : undefined) ?? findStyle(styles, 'table', ['table grid', '网格型'], ['TableGrid']);
  const page = pageOf(sect);
  const summary: TemplateSummary = {
    ...(page !== undefined && { page }),
    styles: {
      ...(title !== undefined && { title }),
      ...(heading1 !== undefined && { heading1 }),
      ...(heading2 !== undefined && { heading2 }),
      ...(body !== undefined && { body }),
      ...(table !== undefined && { table }),
    },
    hasHeader: sect !== undefined && /<w:headerReference\b/.test(sect),
    hasFooter: sect !== undefined && /<w:footerReference\b/.test(sect),
  };
  return { parts, mainPart, summary };
}

/** Like `readDocxTemplate`, as a result instead of an exception (for the pane). */
export function tryReadDocxTemplate(
  bytes: Uint8Array,
  limits: TemplateLimits = TEMPLATE_LIMITS,
): { ok: true; template: DocxTemplate } | { ok: false; error: DocxTemplateError } {
  try {
    return { ok: true, template: readDocxTemplate(bytes, limits) };
  } catch (e) {
    if (e instanceof DocxTemplateError) return { ok: false, error: e };
    return { ok: false, error: new DocxTemplateError('corrupt', e instanceof Error ? e.message : String(e)) };
  }
}

// ---------------------------------------------------------------------------------------------
// merging

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Our style block with the given id, renamed to `newId`, based on the template's body style. */
function ourStyle(ourStylesXml: string, id: string, newId: string, bodyId: string | undefined): string | undefined {
  const block = new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(ourStylesXml)?.[0];
  if (block === undefined) return undefined;
  let out = block.replace(`w:styleId="${id}"`, `w:styleId="${escapeAttr(newId)}"`);
  out =
    bodyId !== undefined
      ? out.replace(/(<w:(?:basedOn|next) w:val=")Normal(")/g, `$1${escapeAttr(bodyId)}$2`)
      : out.replace(/<w:(?:basedOn|next) w:val="Normal"\/>/g, '');
  return out;
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) if (!taken.has(`${base}DC${i}`)) return `${base}DC${i}`;
}

/** Scales every twips width in our tables (tblW, gridCol, tcW) by `factor`. */
function scaleTables(body: string, factor: number): string {
  if (!Number.isFinite(factor) || factor <= 0 || Math.abs(factor - 1) < 1e-6) return body;
  return body.replace(/<w:(tblW|gridCol|tcW)\b[^>]*>/g, (tag) =>
    tag.replace(/\bw:w="(\d+)"/, (_m, v: string) => `w:w="${Math.floor(Number(v) * factor)}"`),
  );
}

/** Fits our tables to the template: its table style, its fonts (ours removed), its text width. */
function adaptTables(body: string, tableStyle: string | undefined, factor: number): string {
  const scaled = scaleTables(body, factor);
  return scaled.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (tbl) => {
    let t = tbl.replace(/<w:rFonts\b[^>]*\/>/g, '');
    if (tableStyle !== undefined) t = t.replace('<w:tblPr>', `<w:tblPr><w:tblStyle w:val="${escapeAttr(tableStyle)}"/>`);
    return t;
  });
}

function addOverride(typesXml: string, part: string, contentType: string): string {
  if (new RegExp(`PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'i').test(typesXml)) return typesXml;
  return typesXml.replace('</Types>', `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
}

function addRel(relsXml: string, type: string, target: string): string {
  const ids = new Set(relsOf(relsXml).map((r) => r.id));
  let n = 1;
  while (ids.has(`rIdDc${n}`)) n++;
  return relsXml.replace('</Relationships>', `<Relationship Id="rIdDc${n}" Type="${type}" Target="${target}"/></Relationships>`);
}

/**
 * Our generated .docx (bytes from the docx writer) in the template's package: the template's page,
 * styles, header and footer; our body. `date` fixes the zip entry times.
 */
export function applyDocxTemplate(generated: Uint8Array, template: DocxTemplate, date: Date): Uint8Array {
  const ours = unzipSync(generated);
  const ourDoc = strFromU8(ours['word/document.xml']!);
  const ourStyles = strFromU8(ours['word/styles.xml']!);
  const ourSect = finalSectPr(ourDoc)!;
  const ourBody = ourDoc.slice(ourDoc.indexOf('<w:body>') + '<w:body>'.length, ourSect.start);
  const ourPage = pageOf(ourSect.xml)!;

  const parts = new Map(template.parts);
  const mainPart = template.mainPart;
  const mainRelsPath = relsPathOf(mainPart);
  let mainRels = parts.has(mainRelsPath)
    ? strFromU8(parts.get(mainRelsPath)!)
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  let types = strFromU8(parts.get('[Content_Types].xml')!).replace(CT_TEMPLATE_MAIN, CT_MAIN);

  // styles: the template's, with ours added where it has none
  const stylesRel = relsOf(mainRels).find((r) => r.type.endsWith('/styles') && !r.external);
  let stylesPart = stylesRel ? resolveTarget(mainPart, stylesRel.target) : undefined;
  const map: Record<'Title' | 'Heading1' | 'Heading2', string> = { Title: 'Title', Heading1: 'Heading1', Heading2: 'Heading2' };
  const s = template.summary.styles;
  let bodyStyle = s.body;
  if (stylesPart === undefined || !parts.has(stylesPart)) {
    stylesPart = stylesPart ?? 'word/styles.xml';
    parts.set(stylesPart, ours['word/styles.xml']!);
    if (stylesRel === undefined)
      mainRels = addRel(
        mainRels,
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
        stylesPart.slice(stylesPart.lastIndexOf('/') + 1),
      );
    types = addOverride(types, stylesPart, 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml');
    bodyStyle = undefined; // ours: the defaults carry the body form
  } else {
    let stylesXml = strFromU8(parts.get(stylesPart)!);
    const taken = new Set(stylesOf(stylesXml).map((x) => x.id));
    const added: string[] = [];
    for (const [ourId, theirs] of [
      ['Title', s.title],
      ['Heading1', s.heading1],
      ['Heading2', s.heading2],
    ] as const) {
      if (theirs !== undefined) {
        map[ourId] = theirs;
        continue;
      }
      const id = uniqueId(ourId, taken);
      taken.add(id);
      const block = ourStyle(ourStyles, ourId, id, s.body);
      if (block !== undefined) added.push(block);
      map[ourId] = id;
    }
    if (added.length > 0) {
      stylesXml = stylesXml.replace(/<\/w:styles>\s*$/, `${added.join('')}</w:styles>`);
      parts.set(stylesPart, strToU8(stylesXml));
      // the fonts of our styles, in the template's font table (with their fallbacks)
      const fontRel = relsOf(mainRels).find((r) => r.type.endsWith('/fontTable') && !r.external);
      const fontPart = fontRel ? resolveTarget(mainPart, fontRel.target) : undefined;
      if (fontPart !== undefined && parts.has(fontPart) && ours['word/fontTable.xml'] !== undefined) {
        let fonts = strFromU8(parts.get(fontPart)!);
        const have = new Set([...fonts.matchAll(/<w:font\b[^>]*\bw:name="([^"]*)"/g)].map((m) => m[1]));
        const extra = [...strFromU8(ours['word/fontTable.xml']).matchAll(/<w:font\b[^>]*\bw:name="([^"]*)"[^>]*>[\s\S]*?<\/w:font>/g)]
          .filter((m) => !have.has(m[1]))
          .map((m) => m[0]);
        if (extra.length > 0 && /<\/w:fonts>\s*$/.test(fonts)) {
          fonts = fonts.replace(/<\/w:fonts>\s*$/, `${extra.join('')}</w:fonts>`);
          parts.set(fontPart, strToU8(fonts));
        }
      }
    }
  }

  // our body, in the template's styles
  let body = ourBody.replace(
    /<w:pStyle w:val="(Title|Heading1|Heading2)"\/>/g,
    (_m, id: 'Title' | 'Heading1' | 'Heading2') => `<w:pStyle w:val="${escapeAttr(map[id])}"/>`,
  );
  if (bodyStyle !== undefined) body = body.replace(/<w:p>(?!<w:pPr>)/g, `<w:p><w:pPr><w:pStyle w:val="${escapeAttr(bodyStyle)}"/></w:pPr>`);
  const theirPage = template.summary.page;
  const factor =
    theirPage !== undefined && theirPage.width > 0
      ? (theirPage.width - theirPage.left - theirPage.right) / (ourPage.width - ourPage.left - ourPage.right)
      : 1;
  body = adaptTables(body, bodyStyle !== undefined ? s.table : undefined, factor > 0.2 && factor < 5 ? factor : 1);

  // the template's document: its root and final section, our body
  const doc = strFromU8(parts.get(mainPart)!);
  const open = doc.indexOf('<w:body');
  const openEnd = doc.indexOf('>', open) + 1;
  const theirSect = finalSectPr(doc);
  const sect = theirSect?.xml ?? ourSect.xml.replace(/<w:(header|footer)Reference\b[^>]*\/>/g, '');
  const close = doc.lastIndexOf('</w:body>');
  let head = doc.slice(0, openEnd);
  if (!/<w:document\b[^>]*\sxmlns:w=/.test(head)) head = head.replace(/<w:document\b/, `<w:document xmlns:w="${W_NS}"`);
  parts.set(mainPart, strToU8(`${head}${body}${sect}${doc.slice(close)}`));
  parts.set(mainRelsPath, strToU8(mainRels));

  // properties: ours (title, creator, dates) where the template has the part
  if (parts.has('docProps/core.xml') && ours['docProps/core.xml'] !== undefined) parts.set('docProps/core.xml', ours['docProps/core.xml']);
  parts.set('[Content_Types].xml', strToU8(types));

  const out: Zippable = {};
  const names = [...parts.keys()].sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const name of names) out[name] = [parts.get(name)!, { mtime: date, level: 6 }];
  return zipSync(out);
}
