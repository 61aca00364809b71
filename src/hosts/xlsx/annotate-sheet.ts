/**
 * Worksheet XML patching: set the style of flagged cells (creating missing cells and rows in
 * row/column order) and write fixes into empty cells. Everything else in the part is kept as is.
 */
import { columnIndex, rangeFromA1, rangeToA1, toA1 } from '../../core/snapshot/a1';
import { applyPatches, attr, children, elementSpan, escapeXml, findOpen, nextTag, q, setAttr, type Patch, type Tag } from './annotate-xml';

export interface CellEdit {
  readonly row: number;
  readonly col: number;
  /** New style index from the cell's current one (its own `s`, else `base`, else the row's or column's style, else 0). */
  readonly style?: (current: number) => number;
  /**
   * The style a cell without one of its own starts from, instead of its row's or column's: a heading
   * written into an inserted row takes its neighbour heading's (`cellStyleAt`).
   */
  readonly base?: number;
  readonly fix?: {
    readonly value: string | number;
    readonly kind: 'text' | 'number';
    readonly overwrite?: boolean;
    /** A formula (without `=`) whose cached result is `value` (a number). */
    readonly formula?: string;
  };
}

export interface SheetPatchResult {
  readonly xml: string;
  /** A1 addresses whose fix was written. */
  readonly written: ReadonlySet<string>;
  /** A1 addresses whose fix was not written because the cell was not empty. */
  readonly refused: ReadonlySet<string>;
}

interface ColStyle {
  readonly min: number;
  readonly max: number;
  readonly style: number;
}

function colStyles(xml: string, to: number): ColStyle[] {
  const cols = findOpen(xml, 'cols', 0, to);
  if (!cols) return [];
  return children(xml, cols)
    .filter((t) => t.local === 'col')
    .map((t) => ({
      min: Number(attr(t.text, 'min') ?? 0) - 1,
      max: Number(attr(t.text, 'max') ?? 0) - 1,
      style: Number(attr(t.text, 'style') ?? 0),
    }))
    .filter((c) => c.style > 0);
}

function cellRefCol(r: string | undefined): number | undefined {
  if (!r) return undefined;
  const m = /^\$?([A-Za-z]{1,3})/.exec(r);
  return m ? columnIndex(m[1]!) : undefined;
}

/** Whether a cell element has a formula, a non-empty value or a non-empty inline string. */
export function cellHasContent(inner: string): boolean {
  if (/<(?:[\w.-]+:)?f[\s>/]/.test(inner)) return true;
  const v = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(inner);
  if (v && v[1] !== '') return true;
  if (/<(?:[\w.-]+:)?is[\s>]/.test(inner)) {
    for (const m of inner.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) if (m[1] !== '') return true;
  }
  return false;
}

function valueXml(prefix: string, fix: NonNullable<CellEdit['fix']>): { t: string | undefined; inner: string } {
  const n = typeof fix.value === 'number' ? fix.value : /^-?\d+(\.\d+)?$/.test(fix.value.trim()) ? Number(fix.value.trim()) : NaN;
  if (fix.formula !== undefined && Number.isFinite(n)) {
    return {
      t: undefined,
      inner: `<${q(prefix, 'f')}>${escapeXml(fix.formula)}</${q(prefix, 'f')}><${q(prefix, 'v')}>${String(n)}</${q(prefix, 'v')}>`,
    };
  }
  if (fix.kind === 'number' && Number.isFinite(n)) {
    return { t: undefined, inner: `<${q(prefix, 'v')}>${String(n)}</${q(prefix, 'v')}>` };
  }
  const text = escapeXml(String(fix.value));
  return {
    t: 'inlineStr',
    inner: `<${q(prefix, 'is')}><${q(prefix, 't')} xml:space="preserve">${text}</${q(prefix, 't')}></${q(prefix, 'is')}>`,
  };
}

/**
 * The style index (`s`) of the cell at (row, col) as written in the sheet's XML, or undefined when the
 * cell is not written or has none (it then takes its row's or column's, as any new cell does).
 */
export function cellStyleAt(xml: string, row: number, col: number): number | undefined {
  const sheetData = findOpen(xml, 'sheetData');
  if (!sheetData || sheetData.selfClosing) return undefined;
  const a1 = toA1(row, col);
  const span = elementSpan(xml, sheetData);
  for (let t = nextTag(xml, span.inner, span.innerEnd); t; t = nextTag(xml, t.end, span.innerEnd)) {
    if (t.closing || t.local !== 'c' || attr(t.text, 'r')?.replace(/\$/g, '').toUpperCase() !== a1) continue;
    const s = attr(t.text, 's');
    return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;
  }
  return undefined;
}

export function patchSheet(xml: string, edits: readonly CellEdit[]): SheetPatchResult {
  const written = new Set<string>();
  const refused = new Set<string>();
  const sheetData = findOpen(xml, 'sheetData');
  if (!sheetData || edits.length === 0) return { xml, written, refused };
  const p = sheetData.prefix;
  const cols = colStyles(xml, sheetData.start);
  const colStyleOf = (c: number): number => cols.find((x) => c >= x.min && c <= x.max)?.style ?? 0;

  // Edits grouped by row, columns sorted.
  const byRow = new Map<number, CellEdit[]>();
  for (const e of edits) {
    const list = byRow.get(e.row) ?? [];
    const i = list.findIndex((x) => x.col === e.col);
    if (i >= 0) list[i] = { ...list[i]!, ...e };
    else list.push(e);
    byRow.set(e.row, list);
  }
  for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);
  const targetRows = [...byRow.keys()].sort((a, b) => a - b);

  const patches: Patch[] = [];

  const newCell = (e: CellEdit, inherited: number): string => {
    const base = e.base ?? inherited;
    const s = e.style ? e.style(base) : base;
    const a1 = toA1(e.row, e.col);
    let t: string | undefined;
    let inner = '';
    if (e.fix) {
      const v = valueXml(p, e.fix);
      t = v.t;
      inner = v.inner;
      written.add(a1);
    }
    const attrsText = `r="${a1}"${s ? ` s="${s}"` : ''}${t ? ` t="${t}"` : ''}`;
    return inner ? `<${q(p, 'c')} ${attrsText}>${inner}</${q(p, 'c')}>` : `<${q(p, 'c')} ${attrsText}/>`;
  };

  const rowStyle = (rowTag: Tag | null): number | undefined =>
    rowTag && attr(rowTag.text, 'customFormat') === '1' && attr(rowTag.text, 's') !== undefined
      ? Number(attr(rowTag.text, 's'))
      : undefined;

  const patchRow = (rowTag: Tag, list: CellEdit[]): void => {
    const rs = rowStyle(rowTag);
    const baseFor = (c: number): number => rs ?? colStyleOf(c);
    const rowNum = list[0]!.row;
    // Keep the optional `spans` hint covering the new cells.
    let rowOpen = rowTag.text;
    const spans = attr(rowOpen, 'spans');
    if (spans !== undefined) {
      const nums = (spans.match(/\d+/g) ?? []).map(Number);
      const lo = Math.min(...nums, ...list.map((e) => e.col + 1));
      const hi = Math.max(...nums, ...list.map((e) => e.col + 1));
      if (nums.length && (lo < Math.min(...nums) || hi > Math.max(...nums))) rowOpen = setAttr(rowOpen, 'spans', `${lo}:${hi}`);
    }
    if (!rowTag.selfClosing && rowOpen !== rowTag.text) patches.push({ at: rowTag.start, del: rowTag.end - rowTag.start, text: rowOpen });
    if (rowTag.selfClosing) {
      const open = rowOpen.replace(/\s*\/>$/, '>');
      patches.push({
        at: rowTag.start,
        del: rowTag.end - rowTag.start,
        text: open + list.map((e) => newCell(e, baseFor(e.col))).join('') + `</${rowTag.name}>`,
      });
      return;
    }
    const span = elementSpan(xml, rowTag);
    let k = 0; // next edit
    let col = -1;
    let i = span.inner;
    while (i < span.innerEnd && k < list.length) {
      const t = nextTag(xml, i, span.innerEnd);
      if (!t) break;
      if (t.closing || t.local !== 'c') {
        i = t.closing ? t.end : elementSpan(xml, t).end;
        continue;
      }
      const cspan = elementSpan(xml, t);
      col = cellRefCol(attr(t.text, 'r')) ?? col + 1;
      while (k < list.length && list[k]!.col < col) {
        patches.push({ at: t.start, del: 0, text: newCell(list[k]!, baseFor(list[k]!.col)) });
        k++;
      }
      if (k < list.length && list[k]!.col === col) {
        const e = list[k]!;
        k++;
        const a1 = toA1(rowNum, col);
        const sAttr = attr(t.text, 's');
        const current = sAttr !== undefined ? Number(sAttr) : (e.base ?? baseFor(col));
        let tag = t.text;
        if (e.style) tag = setAttr(tag, 's', String(e.style(current)));
        else if (sAttr === undefined && current) tag = setAttr(tag, 's', String(current));
        const inner = xml.slice(cspan.inner, cspan.innerEnd);
        const hasFormula = /<(?:[\w.-]+:)?f[\s>/]/.test(inner);
        if (e.fix && (!cellHasContent(inner) || (e.fix.overwrite && !hasFormula))) {
          const v = valueXml(p, e.fix);
          tag = v.t ? setAttr(tag, 't', v.t) : tag.replace(/\s+t\s*=\s*("[^"]*"|'[^']*')/, '');
          tag = tag.replace(/\s*\/>$/, '>');
          patches.push({ at: cspan.start, del: cspan.end - cspan.start, text: `${tag}${v.inner}</${t.name}>` });
          written.add(a1);
        } else {
          if (e.fix) refused.add(a1);
          if (tag !== t.text) patches.push({ at: t.start, del: t.end - t.start, text: tag });
        }
      }
      i = cspan.end;
    }
    const rest = list.slice(k);
    if (rest.length) patches.push({ at: span.innerEnd, del: 0, text: rest.map((e) => newCell(e, baseFor(e.col))).join('') });
  };

  const newRow = (list: CellEdit[]): string =>
    `<${q(p, 'row')} r="${list[0]!.row + 1}">${list.map((e) => newCell(e, colStyleOf(e.col))).join('')}</${q(p, 'row')}>`;

  // Keep <dimension ref> covering the cells that were added.
  const dim = findOpen(xml, 'dimension', 0, sheetData.start);
  const dimRef = dim ? attr(dim.text, 'ref') : undefined;
  if (dim && dimRef) {
    const r = rangeFromA1(dimRef);
    if (r) {
      let top = Infinity;
      let bottom = -1;
      let left = Infinity;
      let right = -1;
      for (const e of edits) {
        top = Math.min(top, e.row);
        bottom = Math.max(bottom, e.row);
        left = Math.min(left, e.col);
        right = Math.max(right, e.col);
      }
      // A1 alone is what writers put for an empty sheet: replace rather than stretch it.
      const sd = elementSpan(xml, sheetData);
      const empty = dimRef === 'A1' && !/<(?:[\w.-]+:)?c[\s>/]/.test(xml.slice(sd.inner, sd.innerEnd));
      const next = empty
        ? rangeToA1({ top, bottom, left, right })
        : rangeToA1({
            top: Math.min(top, r.top),
            bottom: Math.max(bottom, r.bottom),
            left: Math.min(left, r.left),
            right: Math.max(right, r.right),
          });
      if (next !== dimRef) patches.push({ at: dim.start, del: dim.end - dim.start, text: setAttr(dim.text, 'ref', next) });
    }
  }

  if (sheetData.selfClosing) {
    const open = sheetData.text.replace(/\s*\/>$/, '>');
    patches.push({
      at: sheetData.start,
      del: sheetData.end - sheetData.start,
      text: open + targetRows.map((r) => newRow(byRow.get(r)!)).join('') + `</${sheetData.name}>`,
    });
    return { xml: applyPatches(xml, patches), written, refused };
  }

  const dataSpan = elementSpan(xml, sheetData);
  let k = 0;
  let rowNum = -1;
  let i = dataSpan.inner;
  while (i < dataSpan.innerEnd && k < targetRows.length) {
    const t = nextTag(xml, i, dataSpan.innerEnd);
    if (!t) break;
    if (t.closing || t.local !== 'row') {
      i = t.closing ? t.end : elementSpan(xml, t).end;
      continue;
    }
    const r = attr(t.text, 'r');
    rowNum = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : rowNum + 1;
    while (k < targetRows.length && targetRows[k]! < rowNum) {
      patches.push({ at: t.start, del: 0, text: newRow(byRow.get(targetRows[k]!)!) });
      k++;
    }
    if (k < targetRows.length && targetRows[k] === rowNum) {
      patchRow(t, byRow.get(rowNum)!);
      k++;
    }
    i = elementSpan(xml, t).end;
  }
  if (k < targetRows.length) {
    patches.push({
      at: dataSpan.innerEnd,
      del: 0,
      text: targetRows
        .slice(k)
        .map((r) => newRow(byRow.get(r)!))
        .join(''),
    });
  }
  return { xml: applyPatches(xml, patches), written, refused };
}

/** CT_Worksheet's children, in schema order (ECMA-376 §18.3.1.99), from sheetData on. */
const WORKSHEET_CHILDREN = [
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** The CT_Worksheet children that come after `name`, in schema order (a new `name` goes before the first present). */
export function worksheetChildrenAfter(name: string): readonly string[] {
  return WORKSHEET_CHILDREN.slice(WORKSHEET_CHILDREN.indexOf(name) + 1);
}

const AFTER_LEGACY_DRAWING = worksheetChildrenAfter('legacyDrawing');

/** Inserts `<legacyDrawing r:id>` at its schema position (declaring the r namespace if needed). */
export function insertLegacyDrawing(xml: string, rid: string, relNs: string): string {
  const root = findOpen(xml, 'worksheet');
  if (!root) return xml;
  const patches: Patch[] = [];
  let rp: string | undefined;
  for (const m of root.text.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) if (m[2] === relNs) rp = m[1];
  if (rp === undefined) {
    rp = /xmlns:r\s*=/.test(root.text) ? 'dcr' : 'r';
    patches.push({ at: root.end - 1, del: 0, text: ` xmlns:${rp}="${relNs}"` });
  }
  const el = `<${q(root.prefix, 'legacyDrawing')} ${rp}:id="${rid}"/>`;
  const top = children(xml, root);
  // mc:AlternateContent wrapping controls/oleObjects counts as what it wraps.
  const wraps = (t: Tag): boolean => {
    if (t.local !== 'AlternateContent') return false;
    const span = elementSpan(xml, t);
    const inner = xml.slice(span.inner, span.innerEnd);
    return AFTER_LEGACY_DRAWING.some((n) => new RegExp(`<(?:[\\w.-]+:)?${n}[\\s>/]`).test(inner));
  };
  const before = top.find((t) => AFTER_LEGACY_DRAWING.includes(t.local) || wraps(t));
  const at = before ? before.start : elementSpan(xml, root).innerEnd;
  patches.push({ at, del: 0, text: el });
  return applyPatches(xml, patches);
}

/** The r:id of an existing `<legacyDrawing>`, if any. */
export function legacyDrawingId(xml: string, relNs: string): string | undefined {
  const root = findOpen(xml, 'worksheet');
  if (!root) return undefined;
  const t = children(xml, root).find((c) => c.local === 'legacyDrawing');
  if (!t) return undefined;
  for (const m of root.text.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) {
    if (m[2] === relNs) return attr(t.text, `${m[1]}:id`);
  }
  return undefined;
}
