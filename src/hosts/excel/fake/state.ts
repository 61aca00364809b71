/**
 * The in-memory workbook behind the fake Excel object model: plain JSON, so a "saved file" is a
 * deep copy of it and "reopening" is building a new fake from that copy. No Node built-ins.
 */
import type { Range, WorkbookSnapshot } from '../../../core/snapshot/types';

/**
 * A fill as the file holds it: the pattern, the base colour (for a theme colour, the theme's
 * RGB), the pattern colour and the tint applied to the base colour. What the API reads back
 * differs (fake/excel.ts, `fillQuirks`).
 */
export interface FakeFill {
  readonly pattern: string;
  readonly color: string;
  readonly patternColor: string;
  readonly tintAndShade: number;
}

/** No fill: the state a fill write starts from. */
export const NO_FILL: FakeFill = { pattern: 'None', color: '#FFFFFF', patternColor: '#000000', tintAndShade: 0 };

export interface FakeCell {
  /** null when empty. Error cells hold the error code and `error: true`. */
  value: string | number | boolean | null;
  error?: boolean;
  /** Without the leading '='. */
  formula?: string;
  /** Absent means General. */
  numberFormat?: string;
  /** Displayed text when it differs from the plain rendering of the value. */
  text?: string;
  /** Absent means no fill. */
  fill?: FakeFill;
  /** Font, alignment, wrap and borders set through Range.format; absent means the defaults. */
  format?: FakeCellFormat;
}

/** A cell border line as Excel keeps it: style 'Continuous' …, weight 'Thin' …. */
export interface FakeBorderLine {
  style: string;
  weight: string;
}

/** What Range.format sets on a cell (beyond its fill and number format). */
export interface FakeCellFormat {
  bold?: boolean;
  /** 'General' when absent. */
  horizontalAlignment?: string;
  /** 'Bottom' when absent. */
  verticalAlignment?: string;
  wrapText?: boolean;
  /** The cell's own lines; a line shared with a neighbour may be stored on either (reads see both). */
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', FakeBorderLine>>;
}

export interface FakeSheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  /** Key `row,col` (0-based). */
  cells: Record<string, FakeCell>;
  merges: Range[];
  /** Column widths set through Range.format.columnWidth, in points, by column (0-based); absent is the default 48 pt. */
  columnWidths?: Record<number, number>;
  /** Notes by A1 address. */
  notes: Record<string, string>;
  /** Threaded comments (ExcelApi 1.10) by A1 address; such a cell cannot take a note. */
  comments?: Record<string, string>;
}

/** A custom XML part (ExcelApi 1.5). */
export interface FakeXmlPart {
  readonly id: string;
  readonly namespaceUri: string;
  xml: string;
}

export interface FakeFileState {
  sheets: FakeSheetState[];
  /** Workbook settings (Excel.SettingCollection). */
  settings: Record<string, unknown>;
  /** Custom XML parts, in the order they were added. */
  xmlParts?: FakeXmlPart[];
  /** The workbook's structure is protected (Review > Protect Workbook): no sheet added, deleted, hidden, shown or renamed. */
  structureProtected?: boolean;
  nextSheetId: number;
}

export const cellKey = (row: number, col: number): string => `${row},${col}`;

export function parseCellKey(key: string): { row: number; col: number } {
  const [r, c] = key.split(',');
  return { row: Number(r), col: Number(c) };
}

export function cloneState<T>(s: T): T {
  return JSON.parse(JSON.stringify(s)) as T;
}

/** Builds a file state from a snapshot: values, formulas, formats, merges, visibility, protection. */
export function stateFromSnapshot(snapshot: WorkbookSnapshot): FakeFileState {
  const sheets = [...snapshot.sheets]
    .sort((a, b) => a.index - b.index)
    .map((s, i): FakeSheetState => {
      const cells: Record<string, FakeCell> = {};
      for (const c of s.cells) {
        const cell: FakeCell = { value: c.kind === 'empty' ? null : c.value };
        if (c.kind === 'error') cell.error = true;
        if (c.formula !== undefined) cell.formula = c.formula;
        if (c.numFmt !== undefined && c.numFmt !== 'General') cell.numberFormat = c.numFmt;
        if (c.text !== plainText(cell.value)) cell.text = c.text;
        cells[cellKey(c.row, c.col)] = cell;
      }
      const visibility = s.visibility === 'veryHidden' ? 'VeryHidden' : s.visibility === 'hidden' ? 'Hidden' : 'Visible';
      return {
        id: `sheet${i + 1}`,
        name: s.name,
        visibility,
        protected: s.protected === true,
        cells,
        merges: s.merges.map((m) => ({ ...m })),
        notes: {},
      };
    });
  return { sheets, settings: {}, nextSheetId: sheets.length + 1 };
}

/** The text Excel shows for a value in a General cell (good enough for the fake). */
export function plainText(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * A canonical copy for cell-for-cell comparison: cells that hold nothing (no value, formula,
 * format, fill) are dropped, since Excel does not tell them from cells that never existed; the
 * fake's id counter is left out (sheet ids are not part of what the user sees).
 */
export function canonicalState(s: FakeFileState): Omit<FakeFileState, 'nextSheetId'> {
  const { nextSheetId: _internal, ...copy } = cloneState(s);
  if (copy.xmlParts?.length === 0) delete copy.xmlParts;
  for (const sheet of copy.sheets) {
    sheet.cells = Object.fromEntries(
      Object.entries(sheet.cells).filter(([, c]) => {
        const blank =
          c.value === null &&
          c.formula === undefined &&
          c.numberFormat === undefined &&
          c.fill === undefined &&
          c.text === undefined &&
          c.format === undefined;
        return !blank;
      }),
    );
  }
  return copy;
}
