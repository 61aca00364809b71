/**
 * Rows inserted into the annotated copy (section-missing's 插入缺少的部分), as a patch of the
 * package: in the sheet, every row and cell address at or below the row moves down one — rows,
 * cells, formulas, merged areas, hyperlinks, conditional formats, data validations, the dimension,
 * selections and panes, filters — and every formula of the workbook that refers to a moved row
 * (other sheets, defined names) follows it, as does the calculation chain. What cannot be moved
 * safely is refused for the whole sheet, with one sentence, and the sheet is left as it was:
 * tables, drawings, charts, comments and other objects attached to the sheet; shared, array and
 * data-table formulas; charts or pivot caches that read the sheet.
 */
import { shiftFormulaRows, type RowShift } from '../../core/snapshot/insert-row';
import type { Package, SheetInfo } from './annotate-package';
import { applyPatches, attr, escapeXml, findClose, nextTag, setAttr, unescapeXml, type Patch } from './annotate-xml';

/** Why a sheet's inserts were not applied. */
export type InsertRefusal = 'objects' | 'shared' | 'readers' | 'implicit' | 'not-worksheet';

const REFUSALS: Record<InsertRefusal, (sheet: string) => { zh: string; en: string }> = {
  objects: (s) => ({
    zh: `工作表“${s}”含有表格、图形、批注等对象，插入行无法安全移动它们，副本中未插入（请在 Excel 中插入）`,
    en: `sheet "${s}" holds tables, drawings, comments or other objects that an insert cannot move safely; not inserted in the copy (insert it in Excel)`,
  }),
  shared: (s) => ({
    zh: `工作表“${s}”涉及共享公式或数组公式，插入行无法安全调整，副本中未插入（请在 Excel 中插入）`,
    en: `sheet "${s}" is involved in shared or array formulas that an insert cannot adjust safely; not inserted in the copy (insert it in Excel)`,
  }),
  readers: (s) => ({
    zh: `图表或数据透视表引用了工作表“${s}”，插入行无法安全调整，副本中未插入（请在 Excel 中插入）`,
    en: `charts or pivot tables read sheet "${s}", which an insert cannot adjust safely; not inserted in the copy (insert it in Excel)`,
  }),
  implicit: (s) => ({
    zh: `工作表“${s}”有未写明地址的行或单元格，插入行无法安全移动它们，副本中未插入（请在 Excel 中插入）`,
    en: `sheet "${s}" has rows or cells without an address, which an insert cannot move safely; not inserted in the copy (insert it in Excel)`,
  }),
  'not-worksheet': (s) => ({
    zh: `“${s}”不是可插入行的工作表，副本中未插入`,
    en: `"${s}" is not a worksheet rows can be inserted in; not inserted in the copy`,
  }),
};

export function refusalText(why: InsertRefusal, sheet: string): { zh: string; en: string } {
  return REFUSALS[why](sheet);
}

/** Relationship types a sheet may have and still take an insert (nothing anchored to its cells). */
const SAFE_RELS = ['/hyperlink', '/printerSettings'];
/** Formula elements whose text is a formula (cells, conditional formats, validations, x14 `xm:f`). */
const FORMULA_ELEMENTS = new Set(['f', 'formula', 'formula1', 'formula2']);
/** Attributes holding a reference or a space-separated list of them. */
const REF_ATTRS = ['ref', 'sqref', 'activeCell', 'topLeftCell'];

function shiftList(list: string, sheet: string, shift: RowShift): string {
  return list
    .split(/(\s+)/)
    .map((x) => (/^\s*$/.test(x) ? x : shiftFormulaRows(x, sheet, shift)))
    .join('');
}

/**
 * The worksheet XML with the shift applied: `own` — the sheet the row is inserted in (addresses
 * and formulas); otherwise only the formulas that name the sheet move.
 */
export function shiftWorksheetXml(xml: string, name: string, shift: RowShift, own: boolean): string {
  const n = shift.count ?? 1;
  const patches: Patch[] = [];
  let pos: number;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.closing) continue;
    let text = tag.text;
    if (own) {
      if (tag.local === 'row') {
        const r = Number(attr(text, 'r'));
        if (Number.isInteger(r) && r - 1 >= shift.at) text = setAttr(text, 'r', String(r + n));
      } else if (tag.local === 'c' || tag.local === 'cellWatch') {
        const r = attr(text, 'r');
        if (r !== undefined) text = setAttr(text, 'r', shiftFormulaRows(r, name, shift));
      }
      for (const a of REF_ATTRS) {
        const v = attr(text, a);
        if (v !== undefined) {
          const moved = shiftList(v, name, shift);
          if (moved !== v) text = setAttr(text, a, moved);
        }
      }
    }
    if (tag.local === 'hyperlink') {
      const loc = attr(text, 'location');
      if (loc !== undefined) {
        const moved = shiftFormulaRows(loc, name, shift);
        if (moved !== loc) text = setAttr(text, 'location', moved);
      }
    }
    if (text !== tag.text) patches.push({ at: tag.start, del: tag.text.length, text });
    const formula = FORMULA_ELEMENTS.has(tag.local);
    const sqref = own && tag.local === 'sqref';
    if ((formula || sqref) && !tag.selfClosing) {
      const close = findClose(xml, tag);
      if (!close) continue;
      const raw = xml.slice(tag.end, close.start);
      const plain = unescapeXml(raw);
      const moved = formula ? shiftFormulaRows(plain, name, shift) : shiftList(plain, name, shift);
      if (moved !== plain) patches.push({ at: tag.end, del: raw.length, text: escapeXml(moved) });
      pos = close.end;
    }
  }
  return patches.length > 0 ? applyPatches(xml, patches) : xml;
}

/** Defined names (workbook.xml) after the shift. */
function shiftDefinedNames(xml: string, shift: RowShift): string {
  const patches: Patch[] = [];
  let pos: number;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.closing || tag.local !== 'definedName' || tag.selfClosing) continue;
    const close = findClose(xml, tag);
    if (!close) continue;
    const raw = xml.slice(tag.end, close.start);
    const plain = unescapeXml(raw);
    // a defined name's references always name their sheet: none points at "this" sheet
    const moved = shiftFormulaRows(plain, '\u0000', shift);
    if (moved !== plain) patches.push({ at: tag.end, del: raw.length, text: escapeXml(moved) });
    pos = close.end;
  }
  return patches.length > 0 ? applyPatches(xml, patches) : xml;
}

/** The calculation chain after the shift: the cells of the sheet (by sheetId, carried over when omitted) move. */
function shiftCalcChain(xml: string, sheetId: number, shift: RowShift, name: string): string {
  const patches: Patch[] = [];
  let current = 0;
  let pos: number;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.closing || tag.local !== 'c') continue;
    const i = attr(tag.text, 'i');
    if (i !== undefined) current = Number(i);
    const r = attr(tag.text, 'r');
    if (current !== sheetId || r === undefined) continue;
    const moved = shiftFormulaRows(r, name, shift);
    if (moved !== r) patches.push({ at: tag.start, del: tag.text.length, text: setAttr(tag.text, 'r', moved) });
  }
  return patches.length > 0 ? applyPatches(xml, patches) : xml;
}

const SPECIAL_FORMULA = /<(?:[\w.-]+:)?f\b[^>]*\bt\s*=\s*["'](?:shared|array|dataTable)["']/;

/** Why the sheet cannot take an insert, or undefined. */
function refusal(pkg: Package, sheets: readonly SheetInfo[], info: SheetInfo): InsertRefusal | undefined {
  const xml = info.part ? pkg.text(info.part) : undefined;
  if (xml === undefined || !/<(?:[\w.-]+:)?sheetData[\s>/]/.test(xml)) return 'not-worksheet';
  if (pkg.rels(info.part).some((r) => !SAFE_RELS.some((t) => r.type.endsWith(t)))) return 'objects';
  if (SPECIAL_FORMULA.test(xml)) return 'shared';
  // rows and cells whose place is implied by their order (r omitted) cannot be moved by their address
  if (/<(?:[\w.-]+:)?(?:row|c)(?=[\s>/])(?![^>]*\sr\s*=)[^>]*>/.test(xml)) return 'implicit';
  const mentions = [info.name, escapeXml(info.name)];
  for (const s of sheets) {
    if (s === info || !s.part) continue;
    const other = pkg.text(s.part);
    if (other !== undefined && SPECIAL_FORMULA.test(other) && mentions.some((m) => other.includes(m))) return 'shared';
  }
  for (const part of pkg.names()) {
    if (!/^xl\/(charts|pivotCache|pivotTables|tables|externalLinks)\//i.test(part) || !part.endsWith('.xml')) continue;
    const text = pkg.text(part);
    if (text !== undefined && mentions.some((m) => text.includes(m))) return 'readers';
  }
  return undefined;
}

export interface InsertOutcome {
  /** The rows inserted, by sheet: 0-based, where the check saw them. */
  readonly inserted: ReadonlyMap<string, readonly number[]>;
  /** Sheets whose inserts were refused, with the reason. */
  readonly refused: ReadonlyMap<string, InsertRefusal>;
}

/**
 * Inserts a row at each (sheet, row) — rows as the check saw them — bottom-up in each sheet, in
 * the package. A sheet that cannot take them all is left whole (see `refusal`).
 */
export function insertRows(pkg: Package, rows: readonly { readonly sheet: string; readonly row: number }[]): InsertOutcome {
  const sheets = pkg.sheets();
  const inserted = new Map<string, number[]>();
  const refused = new Map<string, InsertRefusal>();
  const bySheet = new Map<string, Set<number>>();
  for (const r of rows) bySheet.set(r.sheet, (bySheet.get(r.sheet) ?? new Set()).add(r.row));
  const wb = pkg.workbookPart();
  const calc = pkg.rels(wb).find((r) => r.type.endsWith('/calcChain'))?.part;
  for (const [name, set] of bySheet) {
    const info = sheets.find((s) => s.name === name);
    const why = info ? refusal(pkg, sheets, info) : 'not-worksheet';
    if (why !== undefined || !info) {
      refused.set(name, why ?? 'not-worksheet');
      continue;
    }
    const order = [...set].sort((a, b) => b - a);
    for (const at of order) {
      const shift: RowShift = { sheet: name, at };
      for (const s of sheets) {
        if (!s.part) continue;
        const xml = pkg.text(s.part);
        if (xml === undefined || !/<(?:[\w.-]+:)?(?:worksheet|sheetData)[\s>/]/.test(xml)) continue;
        const moved = shiftWorksheetXml(xml, s.name, shift, s === info);
        if (moved !== xml) pkg.set(s.part, moved);
      }
      const wbXml = pkg.text(wb);
      if (wbXml !== undefined) {
        const moved = shiftDefinedNames(wbXml, shift);
        if (moved !== wbXml) pkg.set(wb, moved);
      }
      const calcXml = calc !== undefined ? pkg.text(calc) : undefined;
      if (calc !== undefined && calcXml !== undefined) {
        const moved = shiftCalcChain(calcXml, info.sheetId, shift, name);
        if (moved !== calcXml) pkg.set(calc, moved);
      }
    }
    inserted.set(name, order);
  }
  return { inserted, refused };
}

/** A row's place once the rows were inserted (each insert at or above it moves it down one). */
export function movedRow(inserted: ReadonlyMap<string, readonly number[]>, sheet: string, row: number): number {
  return row + (inserted.get(sheet) ?? []).filter((r) => r <= row).length;
}
