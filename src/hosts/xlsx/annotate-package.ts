/**
 * The .xlsx package as the annotator sees it: the zip entries in their original order, the parts it
 * replaced or added, relationships and the workbook's sheet list. Untouched entries are written back
 * with their original compressed bytes.
 */
import { AnnotateError } from './annotate-errors';
import { attr, escapeXml, findOpen, children, elementSpan, applyPatches, nextTag, prefixFor, q } from './annotate-xml';
import { entryText, newEntry, readZip, writeZip, type ZipEntry } from './annotate-zip';

export const NS_REL_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
export const REL_COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const REL_VML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';
export const REL_OFFICE_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The resolved part name (no leading slash) for internal targets. */
  readonly part: string;
}

export interface SheetInfo {
  readonly name: string;
  readonly sheetId: number;
  readonly rid: string;
  readonly state: string;
  /** Part name, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
}

/** Directory of a part name (`xl/worksheets/sheet1.xml` → `xl/worksheets`). */
export function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** Resolves a relationship target against the source part's directory. */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = decodeURIComponentSafe(target.split('#')[0] ?? '');
  const segs = t.startsWith('/') ? [] : dirOf(sourcePart).split('/').filter(Boolean);
  for (const s of t.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segs.pop();
    else segs.push(s);
  }
  return segs.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Target of `toPart` relative to the directory of `fromPart`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split('/').filter(Boolean);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function relsPartOf(part: string): string {
  const d = dirOf(part);
  const base = part.slice(d.length ? d.length + 1 : 0);
  return `${d ? `${d}/` : ''}_rels/${base}.rels`;
}

export class Package {
  private readonly entries: ZipEntry[];
  private readonly byLower = new Map<string, ZipEntry>();
  private readonly changed = new Map<string, string | Uint8Array>();
  private readonly added: string[] = [];
  private readonly nameCursor = new Map<string, number>();
  private vmlBlock: number | undefined;
  /** [Content_Types].xml, parsed once; additions are written out when the part is read or saved. */
  private types: { overrides: Set<string>; defaults: Map<string, string>; pending: string[]; prefix: string } | undefined;

  constructor(bytes: Uint8Array) {
    this.entries = readZip(bytes);
    for (const e of this.entries) this.byLower.set(e.name.toLowerCase(), e);
    const wb = this.workbookPartFromRoot() ?? (this.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
    if (!wb || !this.has(wb)) throw new AnnotateError('not-xlsx');
    // Strict Open XML (ISO 29500 strict namespaces) would need other relationship types: say so.
    if (/^[\s\S]{0,2000}?purl\.oclc\.org\/ooxml\/spreadsheetml\/main/.test(this.text(wb) ?? '')) throw new AnnotateError('strict-ooxml');
  }

  has(part: string): boolean {
    return this.changed.has(part) || this.byLower.has(part.toLowerCase());
  }

  /** The real name of an existing part (zip names are matched case-insensitively, as OPC says). */
  private realName(part: string): string {
    if (this.changed.has(part)) return part;
    return this.byLower.get(part.toLowerCase())?.name ?? part;
  }

  text(part: string): string | undefined {
    if (part === '[Content_Types].xml') this.flushTypes();
    return this.textRaw(part);
  }

  private textRaw(part: string): string | undefined {
    const name = this.realName(part);
    const c = this.changed.get(name);
    if (typeof c === 'string') return c;
    const e = this.byLower.get(name.toLowerCase());
    return e ? entryText(e) : undefined;
  }

  set(part: string, content: string): void {
    if (part === '[Content_Types].xml') {
      this.flushTypes();
      this.types = undefined;
    }
    this.setRaw(part, content);
  }

  private setRaw(part: string, content: string): void {
    const name = this.realName(part);
    if (!this.byLower.has(name.toLowerCase()) && !this.changed.has(name)) this.added.push(name);
    this.changed.set(name, content);
  }

  /** A part name not yet used: `xl/comments` + n + `.xml`. */
  freeName(prefix: string, suffix: string): string {
    const key = `${prefix}\u0000${suffix}`;
    for (let n = this.nameCursor.get(key) ?? 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name)) {
        this.nameCursor.set(key, n + 1);
        return name;
      }
    }
  }

  /** A VML shape-id block (`o:idmap data`) no VML part of the package uses yet. */
  nextVmlBlock(): number {
    if (this.vmlBlock === undefined) {
      let max = 0;
      for (const e of this.entries) {
        if (!/\.vml$/i.test(e.name)) continue;
        const t = this.text(e.name) ?? '';
        for (const m of t.matchAll(/idmap[^>]*?data\s*=\s*["']([\d,\s]+)["']/g)) {
          for (const d of m[1]!.split(',')) max = Math.max(max, Number(d) || 0);
        }
      }
      this.vmlBlock = max;
    }
    return ++this.vmlBlock;
  }

  names(): string[] {
    return [...this.entries.map((e) => e.name), ...this.added];
  }

  /** The office document part from `_rels/.rels` (normally xl/workbook.xml). */
  workbookPartFromRoot(): string | undefined {
    const rels = this.rels('');
    return rels.find((r) => r.type === REL_OFFICE_DOC || r.type.endsWith('/officeDocument'))?.part;
  }

  workbookPart(): string {
    return this.workbookPartFromRoot() ?? 'xl/workbook.xml';
  }

  /** Relationships of a part ('' for the package). */
  rels(part: string): Relationship[] {
    const relsName = part === '' ? '_rels/.rels' : relsPartOf(part);
    const xml = this.text(relsName);
    if (xml === undefined) return [];
    const out: Relationship[] = [];
    let i = 0;
    for (;;) {
      const t = findOpen(xml, 'Relationship', i);
      if (!t) break;
      i = t.end;
      const target = attr(t.text, 'Target') ?? '';
      const external = attr(t.text, 'TargetMode') === 'External';
      out.push({
        id: attr(t.text, 'Id') ?? '',
        type: attr(t.text, 'Type') ?? '',
        target,
        external,
        part: external ? '' : resolveTarget(part === '' ? '' : part, target),
      });
    }
    return out;
  }

  /** Adds a relationship from `part` to `toPart`; returns its new id. Creates the rels part if needed. */
  addRel(part: string, type: string, toPart: string): string {
    const relsName = relsPartOf(part);
    const xml =
      this.text(relsName) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
    const used = new Set(this.relsFromText(xml).map((r) => r.toLowerCase()));
    let n = used.size + 1;
    while (used.has(`rid${n}`)) n++;
    const id = `rId${n}`;
    const root = findOpen(xml, 'Relationships');
    if (!root) throw new AnnotateError('corrupt', relsName);
    const rel = `<${q(root.prefix, 'Relationship')} Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(part, toPart))}"/>`;
    this.set(relsName, insertBeforeClose(xml, root, rel));
    return id;
  }

  private relsFromText(xml: string): string[] {
    const ids: string[] = [];
    let i = 0;
    for (;;) {
      const t = findOpen(xml, 'Relationship', i);
      if (!t) return ids;
      ids.push(attr(t.text, 'Id') ?? '');
      i = t.end;
    }
  }

  /** Ensures `[Content_Types].xml` covers a part (an Override) or an extension (a Default). */
  contentType(part: string, type: string, asDefaultExtension = false): void {
    const types = this.contentTypes();
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    if (types.overrides.has(`/${part}`.toLowerCase())) return;
    const def = types.defaults.get(ext);
    if (def !== undefined && (asDefaultExtension || def === type)) return;
    if (asDefaultExtension) {
      types.defaults.set(ext, type);
      types.pending.push(`<${q(types.prefix, 'Default')} Extension="${escapeXml(ext)}" ContentType="${escapeXml(type)}"/>`);
    } else {
      types.overrides.add(`/${part}`.toLowerCase());
      types.pending.push(`<${q(types.prefix, 'Override')} PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`);
    }
  }

  private contentTypes(): NonNullable<Package['types']> {
    if (this.types) return this.types;
    const name = '[Content_Types].xml';
    const xml = this.text(name);
    if (xml === undefined) throw new AnnotateError('not-xlsx');
    const root = findOpen(xml, 'Types');
    if (!root) throw new AnnotateError('corrupt', name);
    const overrides = new Set<string>();
    const defaults = new Map<string, string>();
    for (const t of children(xml, root)) {
      if (t.local === 'Override') overrides.add((attr(t.text, 'PartName') ?? '').toLowerCase());
      if (t.local === 'Default') defaults.set((attr(t.text, 'Extension') ?? '').toLowerCase(), attr(t.text, 'ContentType') ?? '');
    }
    this.types = { overrides, defaults, pending: [], prefix: root.prefix };
    return this.types;
  }

  /** Writes pending content-type entries into the part. */
  private flushTypes(): void {
    if (!this.types?.pending.length) return;
    const name = '[Content_Types].xml';
    const xml = this.textRaw(name)!;
    const root = findOpen(xml, 'Types')!;
    this.setRaw(name, insertBeforeClose(xml, root, this.types.pending.join('')));
    this.types.pending = [];
  }

  /** The workbook's sheets in order. */
  sheets(): SheetInfo[] {
    const wb = this.workbookPart();
    const xml = this.text(wb);
    if (xml === undefined) throw new AnnotateError('not-xlsx');
    const rels = this.rels(wb);
    const root = findOpen(xml, 'workbook');
    const rp = (root && prefixFor(root.text, NS_REL_DOC)) ?? 'r';
    const sheetsEl = findOpen(xml, 'sheets');
    if (!sheetsEl) return [];
    return children(xml, sheetsEl)
      .filter((t) => t.local === 'sheet')
      .map((t) => {
        const rid = attr(t.text, q(rp, 'id')) ?? '';
        return {
          name: attr(t.text, 'name') ?? '',
          sheetId: Number(attr(t.text, 'sheetId') ?? 0),
          rid,
          state: attr(t.text, 'state') ?? 'visible',
          part: rels.find((r) => r.id === rid)?.part ?? '',
        };
      });
  }

  /** Appends a sheet at the end of the sheet list; returns its part name. */
  addSheet(name: string, content: string, state?: 'hidden' | 'veryHidden'): string {
    const wb = this.workbookPart();
    const part = this.freeName(`${dirOf(wb)}/worksheets/sheet`, '.xml');
    this.set(part, content);
    this.contentType(part, CT_WORKSHEET);
    const rid = this.addRel(wb, REL_WORKSHEET, part);
    const xml = this.text(wb)!;
    const root = findOpen(xml, 'workbook');
    const sheetsEl = findOpen(xml, 'sheets');
    if (!root || !sheetsEl) throw new AnnotateError('corrupt', wb);
    const maxId = Math.max(0, ...this.sheets().map((s) => s.sheetId));
    let rp = prefixFor(root.text, NS_REL_DOC);
    const patches = [];
    if (rp === undefined) {
      rp = 'r';
      patches.push({ at: root.end - (root.selfClosing ? 2 : 1), del: 0, text: ` xmlns:r="${NS_REL_DOC}"` });
    }
    const el = `<${q(sheetsEl.prefix, 'sheet')} name="${escapeXml(name)}" sheetId="${maxId + 1}"${state ? ` state="${state}"` : ''} ${q(rp, 'id')}="${rid}"/>`;
    if (sheetsEl.selfClosing) {
      patches.push({ at: sheetsEl.start, del: sheetsEl.end - sheetsEl.start, text: `<${sheetsEl.name}>${el}</${sheetsEl.name}>` });
    } else {
      patches.push({ at: elementSpan(xml, sheetsEl).innerEnd, del: 0, text: el });
    }
    this.set(wb, applyPatches(xml, patches));
    return part;
  }

  toBytes(): Uint8Array {
    this.flushTypes();
    const out: ZipEntry[] = [];
    for (const e of this.entries) {
      const c = this.changed.get(e.name);
      out.push(c === undefined ? e : newEntry(e.name, c, e));
    }
    for (const name of this.added) out.push(newEntry(name, this.changed.get(name)!));
    return writeZip(out);
  }
}

/** Inserts `text` just before the closing tag of `open` (expanding a self-closing element). */
export function insertBeforeClose(
  xml: string,
  open: { start: number; end: number; name: string; selfClosing: boolean; text: string },
  text: string,
): string {
  if (open.selfClosing) {
    const startTag = open.text.replace(/\s*\/>$/, '>');
    return xml.slice(0, open.start) + startTag + text + `</${open.name}>` + xml.slice(open.end);
  }
  const span = elementSpan(xml, nextTag(xml, open.start)!);
  return xml.slice(0, span.innerEnd) + text + xml.slice(span.innerEnd);
}
