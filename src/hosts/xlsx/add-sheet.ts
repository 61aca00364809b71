/**
 * Adds a generated sheet (the standard school table, issue 15) to an .xlsx package as a PATCH of the
 * original, as the annotated copy is written: one worksheet part added, styles.xml appended to,
 * workbook.xml's sheet list, its rels and [Content_Types].xml extended. Every other zip entry keeps
 * its compressed bytes. Codes are text cells with the `@` format; 小计 and 合计 are formulas whose
 * cached values are written beside them, so any reader shows them before recalculating.
 */
import type { TemplateBlock, TemplateCell } from '../../core/schools/template';
import { notEmptyMessage } from '../../core/schools/from-list';
import { columnName, rangeToA1, toA1 } from '../../core/snapshot/a1';
import { AnnotateError, asAnnotateError } from './annotate-errors';
import { Package } from './annotate-package';
import { MAX_CELL_TEXT } from './annotate-results';
import { StylePatcher } from './annotate-styles';
import { applyPatches, children, elementSpan, escapeXml, findOpen, q, setAttr } from './annotate-xml';
import { patchSheet, worksheetChildrenAfter, type CellEdit } from './annotate-sheet';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetToAdd extends TemplateBlock {
  readonly name: string;
  /** A thin border on every cell of the block (a table); false for a project sheet's headings. Default true. */
  readonly frame?: boolean;
}

/** The names of the package's sheets (to choose a free one). */
export function sheetNames(original: Uint8Array): string[] {
  return asAnnotateError(() => new Package(original).sheets().map((s) => s.name));
}

/** Excel's rules for a sheet name: 1–31 characters, none of `: \ / ? * [ ]`, not quoted at the ends. */
export function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
}

/** The number as a spreadsheet stores it: shortest round-trip decimal. */
function numberText(v: number): string {
  return Number.isFinite(v) ? String(v) : '0';
}

function cellXml(c: TemplateCell, style: number): string {
  const r = toA1(c.row, c.col);
  const s = style ? ` s="${style}"` : '';
  if (c.value === null || c.value === '') return `<c r="${r}"${s}/>`;
  if (c.formula !== undefined && typeof c.value === 'number') {
    return `<c r="${r}"${s}><f>${escapeXml(c.formula)}</f><v>${numberText(c.value)}</v></c>`;
  }
  if (c.kind === 'number' && typeof c.value === 'number') return `<c r="${r}"${s}><v>${numberText(c.value)}</v></c>`;
  const full = String(c.value);
  const text = full.length > MAX_CELL_TEXT ? full.slice(0, MAX_CELL_TEXT) : full;
  return `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** The cell format of a template cell (number format, bold, alignment, wrap; a thin border in a table). */
function cellStyle(styles: StylePatcher, c: TemplateCell, frame: boolean): number {
  return styles.cellFormat({
    ...(frame && { border: true }),
    ...(c.numFmt !== undefined && { numFmt: c.numFmt }),
    ...(c.bold && { bold: true }),
    ...(c.align !== undefined && { align: c.align }),
    ...(c.wrap && { wrap: true }),
  });
}

/**
 * The worksheet XML of a template block. Every cell of the block's rectangle gets a thin border
 * (cells inside merged areas too, so the merged header draws its frame in every application).
 */
export function templateSheetXml(block: TemplateBlock, styles: StylePatcher, frame = true): string {
  const byPos = new Map<string, TemplateCell>();
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const grow = (r: number, c: number) => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  for (const c of block.cells) {
    byPos.set(`${c.row},${c.col}`, c);
    grow(c.row, c.col);
  }
  for (const m of block.merges) {
    grow(m.top, m.left);
    grow(m.bottom, m.right);
  }
  if (bottom < 0) {
    top = 0;
    left = 0;
    bottom = 0;
    right = 0;
  }
  const blank = frame ? styles.cellFormat({ border: true }) : 0;
  const rows: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const cells: string[] = [];
    for (let col = left; col <= right; col++) {
      const c = byPos.get(`${r},${col}`);
      if (!c) {
        if (frame) cells.push(`<c r="${toA1(r, col)}" s="${blank}"/>`);
        continue;
      }
      cells.push(cellXml(c, cellStyle(styles, c, frame)));
    }
    rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  }
  const widths = Object.entries(block.columnWidths)
    .map(([c, w]) => [Number(c), w] as const)
    .sort((a, b) => a[0] - b[0]);
  const cols = widths.length
    ? `<cols>${widths.map(([c, w]) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const merges = block.merges.length
    ? `<mergeCells count="${block.merges.length}">${block.merges.map((m) => `<mergeCell ref="${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}"/>`).join('')}</mergeCells>`
    : '';
  const dim = `${toA1(top, left)}:${columnName(right)}${bottom + 1}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<dimension ref="${dim}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}` +
    `<sheetData>${rows.join('')}</sheetData>${merges}` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

/**
 * The copy of `original` with `sheet` appended as a new worksheet. Throws AnnotateError (one
 * sentence) when the package cannot be read or the name is taken or not a valid sheet name.
 */
export function addTemplateSheet(original: Uint8Array, sheet: SheetToAdd): Uint8Array {
  return asAnnotateError(() => {
    const pkg = new Package(original);
    if (!validSheetName(sheet.name) || pkg.sheets().some((s) => s.name.toLowerCase() === sheet.name.toLowerCase())) {
      throw new AnnotateError('internal', undefined, new Error(`sheet name not free: ${sheet.name}`));
    }
    const styles = new StylePatcher(pkg);
    pkg.addSheet(sheet.name, templateSheetXml(sheet, styles, sheet.frame ?? true));
    styles.commit();
    return pkg.toBytes();
  });
}

const AFTER_MERGE_CELLS = worksheetChildrenAfter('mergeCells');

/** Adds merged areas to a worksheet part: to its `<mergeCells>` (count updated), or a new one at its schema place. */
export function addMergeCells(xml: string, refs: readonly string[]): string {
  const root = findOpen(xml, 'worksheet');
  if (!root || refs.length === 0) return xml;
  const p = root.prefix;
  const items = refs.map((r) => `<${q(p, 'mergeCell')} ref="${r}"/>`).join('');
  const top = children(xml, root);
  const existing = top.find((t) => t.local === 'mergeCells');
  if (existing) {
    const count = children(xml, existing).filter((t) => t.local === 'mergeCell').length + refs.length;
    const open = setAttr(existing.text.replace(/\s*\/>$/, '>'), 'count', String(count));
    if (existing.selfClosing) {
      return applyPatches(xml, [{ at: existing.start, del: existing.end - existing.start, text: `${open}${items}</${existing.name}>` }]);
    }
    const span = elementSpan(xml, existing);
    return applyPatches(xml, [
      { at: span.innerEnd, del: 0, text: items },
      { at: existing.start, del: existing.end - existing.start, text: open },
    ]);
  }
  const before = top.find((t) => AFTER_MERGE_CELLS.includes(t.local));
  const at = before ? before.start : elementSpan(xml, root).innerEnd;
  return applyPatches(xml, [{ at, del: 0, text: `<${q(p, 'mergeCells')} count="${refs.length}">${items}</${q(p, 'mergeCells')}>` }]);
}

/**
 * The copy of `original` with a template block (the school table placed below a project's text)
 * written into the existing sheet `sheet`, at the block's own rows and columns: its cells (a thin
 * border on every cell of the table's rectangle), its formulas with their cached values, its merged
 * areas. Nothing existing is overwritten: if any cell it writes a value to has content, TargetNotEmpty
 * (one sentence) and no copy — the plan refuses first when any cell of the rectangle is not empty.
 * The sheet's column widths are the user's and are kept.
 */
export function writeTemplateInto(original: Uint8Array, sheet: string, block: TemplateBlock): Uint8Array {
  const out = asAnnotateError((): Uint8Array | ReadonlySet<string> => {
    const pkg = new Package(original);
    const info = pkg.sheets().find((s) => s.name === sheet);
    const xml = info ? pkg.text(info.part) : undefined;
    if (!info || xml === undefined) throw new AnnotateError('internal', undefined, new Error(`no sheet ${sheet}`));
    const styles = new StylePatcher(pkg);
    const byPos = new Map(block.cells.map((c) => [`${c.row},${c.col}`, c] as const));
    const rows = [...block.cells.map((c) => c.row), ...block.merges.flatMap((m) => [m.top, m.bottom])];
    const cols = [...block.cells.map((c) => c.col), ...block.merges.flatMap((m) => [m.left, m.right])];
    const edits: CellEdit[] = [];
    for (let r = Math.min(...rows); r <= Math.max(...rows); r++) {
      for (let col = Math.min(...cols); col <= Math.max(...cols); col++) {
        const c = byPos.get(`${r},${col}`);
        const style = c ? cellStyle(styles, c, true) : styles.cellFormat({ border: true });
        // the table's empty cells only get its border (the plan saw the whole rectangle empty)
        edits.push({
          row: r,
          col,
          style: () => style,
          ...(c &&
            c.value !== null &&
            c.value !== '' && {
              fix: { value: c.value, kind: c.kind, ...(c.formula !== undefined && { formula: c.formula }) },
            }),
        });
      }
    }
    const patched = patchSheet(xml, edits);
    if (patched.refused.size > 0) return patched.refused;
    pkg.set(
      info.part,
      addMergeCells(
        patched.xml,
        block.merges.map((m) => rangeToA1(m)),
      ),
    );
    styles.commit();
    return pkg.toBytes();
  });
  if (out instanceof Uint8Array) return out;
  throw new TargetNotEmpty(sheet, [...out]);
}

/** A generated table would cover cells that have content: refused, nothing written. */
export class TargetNotEmpty extends Error {
  constructor(
    readonly sheet: string,
    readonly cells: readonly string[],
  ) {
    super(`cells not empty in ${sheet}: ${cells.join(',')}`);
    this.name = 'TargetNotEmpty';
  }
  messageIn(lang: 'zh' | 'en'): string {
    return notEmptyMessage(this.sheet, this.cells[0] ?? '')[lang];
  }
}
