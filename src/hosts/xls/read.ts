/**
 * The .xls reader (Excel 97–2003, BIFF8; WPS saves the same): file bytes in, the core's
 * WorkbookSnapshot out — the same snapshot the .xlsx reader gives for the same workbook saved as
 * .xlsx (cells with kind, value and text as shown, merged areas, hidden sheets), so the checks
 * and the Word export work on it unchanged. No Node built-ins: the CLI and the page both run it.
 *
 * Specifications: [MS-CFB] for the container (cfb.ts), [MS-XLS] for the Workbook stream:
 * https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-xls/
 * - §2.1.7.20 Workbook Stream: the globals substream (BoundSheet8, SST, Format, XF, CodePage,
 *   Date1904, FilePass), then one substream per sheet, each from BOF to EOF;
 * - §2.4.265 SST + §2.4.58 Continue, §2.5.293 XLUnicodeRichExtendedString;
 * - cells: §2.4.149 LabelSst, §2.4.148 Label, §2.4.180 Number, §2.4.220 RK (§2.5.217 RkNumber),
 *   §2.4.175 MulRk, §2.4.24 BoolErr, §2.4.127 Formula (§2.5.133 FormulaValue) + §2.4.268 String;
 *   §2.4.168 MergeCells, §2.4.122 Format, §2.4.353 XF, §2.4.207 Protect;
 * - drawn objects (counted, as the .xlsx reader counts its drawing's): §2.4.181 Obj (§2.5.143 FtCmo's ot:
 *   0x0006 text box, 0x0008 picture, 0x0019 a cell's note) and §2.4.329 TxO, whose text follows in Continue records.
 *
 * Formulas are read for their cached value only (Excel always saves one); their text is not
 * rebuilt from the parsed tokens, so cells carry no `formula` (the checks read values).
 * Blank cells (Blank, MulBlank) are kept only when their format is not General, as the .xlsx
 * reader keeps an empty `<c s="…"/>`.
 *
 * Bounded like the .xlsx reader, with its limits (ReadLimits): cells, merged areas, characters of
 * cell text, number-format length and time; the container and the records are checked against
 * the bytes they come from, so nothing is allocated beyond the file's own size.
 */
import type { Cell, CellKind, Range, SheetDrawings, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../../core/snapshot/types';
import { EXPLANATION_SHEET, readExplanationSheet } from '../../core/report/explanations';
import { XlsxReadError } from '../xlsx/errors';
import { BUILTIN_FORMATS, formatNumber } from '../xlsx/numfmt';
import { DEFAULT_LIMITS, drawnTextSample, type ReadLimits, type ReadOptions, type ReadResult } from '../xlsx/read';
import { CompoundFile } from './cfb';
import { isBareBiff, isCfb } from './sniff';
import { BIFF8, Continued, OLD_BOF, RT, RecordCursor, damaged, f64, readString, u16, u32, type Charset } from './biff';

export { isCfb, isXlsBytes } from './sniff';

/** Bytes of records between two readings of the clock. */
const WORK_STEP = 1 << 16;

/** Reads an .xls workbook. Never throws: a typed failure instead. */
export function readXls(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  try {
    return { ok: true, snapshot: readXlsOrThrow(bytes, options) };
  } catch (e) {
    if (e instanceof XlsxReadError) return { ok: false, error: e };
    // a RangeError from a view past the data is damage the checks above missed: still one sentence
    if (e instanceof RangeError) return { ok: false, error: new XlsxReadError('xls-damaged', { detail: e.message }) };
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return { ok: false, error: new XlsxReadError('internal', { detail }) };
  }
}

/** [MS-XLS] §2.4.52 CodePage → the TextDecoder label of its 8-bit strings (1200: UTF-16, Latin-1 low bytes). */
const CODEPAGES: ReadonlyMap<number, string | undefined> = new Map([
  [1200, undefined],
  [367, undefined],
  [20127, undefined],
  [28591, undefined],
  [936, 'gbk'],
  [54936, 'gb18030'],
  [950, 'big5'],
  [932, 'shift_jis'],
  [949, 'euc-kr'],
  [1250, 'windows-1250'],
  [1251, 'windows-1251'],
  [1252, 'windows-1252'],
  [65001, 'utf-8'],
  // Excel 97 writes 0x8000 (Mac Roman) and 0x8001 (Windows-1252) in some files
  [0x8000, 'macintosh'],
  [0x8001, 'windows-1252'],
]);

function charsetOf(codepage: number): Charset {
  if (!CODEPAGES.has(codepage)) throw new XlsxReadError('unsupported-encoding', { part: 'Workbook', encoding: `CODEPAGE ${codepage}` });
  const label = CODEPAGES.get(codepage);
  if (label === undefined) return {};
  try {
    return { ansi: new TextDecoder(label) };
  } catch {
    throw new XlsxReadError('unsupported-encoding', { part: 'Workbook', encoding: `CODEPAGE ${codepage}` });
  }
}

interface SheetRef {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Offset of the sheet's BOF in the stream. */
  readonly at: number;
  /** [MS-XLS] §2.4.28 BoundSheet8 dt: 0 worksheet, 1 macro sheet, 2 chart sheet, 6 VBA module. */
  readonly dt: number;
}

interface Globals {
  readonly sheets: SheetRef[];
  readonly strings: string[];
  /** XF index → number format (undefined: General). */
  readonly xfs: (string | undefined)[];
  readonly date1904: boolean;
  readonly charset: Charset;
}

interface Budget {
  readonly limits: ReadLimits;
  cells: number;
  merges: number;
  textChars: number;
  work: (bytes: number) => void;
}

/** Like readXls, but throws the XlsxReadError. */
export function readXlsOrThrow(bytes: Uint8Array, options: ReadOptions = {}): WorkbookSnapshot {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const started = now();
  let work = 0;
  const budget: Budget = {
    limits,
    cells: 0,
    merges: 0,
    textChars: 0,
    work(n) {
      work += n;
      if (work < WORK_STEP) return;
      work = 0;
      if (now() - started > limits.timeBudgetMs) throw new XlsxReadError('limit-exceeded', { limit: 'time', max: limits.timeBudgetMs });
    },
  };
  if (bytes.length === 0) throw new XlsxReadError('empty-file');
  // Excel 2.x–4.0 wrote a sheet as bare BIFF records, without a compound file
  if (isBareBiff(bytes)) throw new XlsxReadError('xls-old-version');
  if (!isCfb(bytes)) throw new XlsxReadError('not-zip');
  const stream = workbookStream(new CompoundFile(bytes, limits.maxEntries));
  const globals = readGlobals(stream, budget, limits);
  if (globals.sheets.length === 0) throw new XlsxReadError('no-sheets');
  const sheets: SheetSnapshot[] = [];
  let index = 0;
  for (const ref of globals.sheets) {
    // VBA modules are listed in BoundSheet8 but are not sheets (an .xlsx has no such entry)
    if (ref.dt === 6) continue;
    if (ref.dt === 2) sheets.push({ name: ref.name, index, visibility: ref.visibility, cells: [], merges: [] });
    else sheets.push(readSheet(stream, ref, index, globals, budget));
    index++;
  }
  const snapshot: WorkbookSnapshot = { sheets };
  if (sheets.some((s) => s.name === EXPLANATION_SHEET)) return { sheets, explanations: readExplanationSheet(snapshot) };
  return snapshot;
}

/** The Workbook stream ([MS-XLS] §2.1.2); other compound files get their own sentence. */
function workbookStream(cfb: CompoundFile): Uint8Array {
  const children = cfb.rootChildren();
  const wb = children.get('workbook');
  if (wb?.type === 2) return cfb.stream(wb);
  // an encrypted .xlsx is a compound file with these streams ([MS-OFFCRYPTO] §2.3.4.4)
  if (children.has('encryptioninfo') || children.has('encryptedpackage')) throw new XlsxReadError('encrypted');
  // Excel 5.0/95 names its stream "Book"
  if (children.has('book')) throw new XlsxReadError('xls-old-version');
  throw new XlsxReadError('xls-not-workbook');
}

function readGlobals(stream: Uint8Array, budget: Budget, limits: ReadLimits): Globals {
  const cur = new RecordCursor(stream, 0);
  const first = cur.next();
  if (first === undefined) throw damaged('the Workbook stream is empty');
  if (OLD_BOF.has(first.type)) throw new XlsxReadError('xls-old-version');
  if (first.type !== RT.BOF || first.data.length < 4) throw damaged(`the Workbook stream starts with record 0x${first.type.toString(16)}`);
  if (u16(first.data, 0) !== BIFF8) throw new XlsxReadError('xls-old-version');
  const sheets: SheetRef[] = [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let charset: Charset = {};
  let date1904 = false;
  let sst: Uint8Array[] | null = null;
  for (let r = cur.next(); r !== undefined && r.type !== RT.EOF; r = cur.next()) {
    budget.work(r.data.length + 4);
    const d = r.data;
    switch (r.type) {
      case RT.FILEPASS:
        throw new XlsxReadError('encrypted');
      case RT.CODEPAGE:
        if (d.length >= 2) charset = charsetOf(u16(d, 0));
        break;
      case RT.DATE1904:
        date1904 = d.length >= 2 && u16(d, 0) === 1;
        break;
      case RT.BOUNDSHEET8: {
        if (d.length < 8) throw damaged('a sheet entry (BoundSheet8) is short');
        // each sheet is a part of an .xlsx package: the same count bounds them here
        if (sheets.length >= limits.maxEntries) throw new XlsxReadError('limit-exceeded', { limit: 'sheets', max: limits.maxEntries });
        const hs = d[4]! & 3;
        const { text } = readString(d, 6, 1, charset);
        sheets.push({ name: text, at: u32(d, 0), dt: d[5]!, visibility: hs === 1 ? 'hidden' : hs === 2 ? 'veryHidden' : 'visible' });
        break;
      }
      case RT.FORMAT: {
        if (d.length < 5) throw damaged('a number format (Format) record is short');
        const { text } = readString(d, 2, 2, charset);
        if (text.length > limits.maxNumFmtLength)
          throw new XlsxReadError('limit-exceeded', { limit: 'number-format-length', max: limits.maxNumFmtLength, part: 'Workbook' });
        formats.set(u16(d, 0), text);
        break;
      }
      case RT.XF:
        if (d.length < 4) throw damaged('a cell format (XF) record is short');
        xfFormats.push(u16(d, 2));
        break;
      case RT.SST:
        sst = [d, ...cur.continues()];
        break;
      default:
        break;
    }
  }
  const xfs = xfFormats.map((id) => {
    const code = formats.get(id) ?? BUILTIN_FORMATS.get(id);
    return code === undefined || code === 'General' ? undefined : code;
  });
  return { sheets, strings: sst ? readSst(sst, charset, budget) : [], xfs, date1904, charset };
}

/**
 * [MS-XLS] §2.4.265 SST: cstTotal, cstUnique, then cstUnique XLUnicodeRichExtendedString, across
 * Continue records. Rich-text runs (4 bytes each) and phonetic data (ExtRst) are skipped. Every
 * string takes at least 3 bytes, so a false count ends with the data.
 */
function readSst(segs: readonly Uint8Array[], cs: Charset, budget: Budget): string[] {
  const r = new Continued(segs);
  r.u32();
  const unique = r.u32();
  const out: string[] = [];
  while (out.length < unique && !r.done()) {
    const cch = r.u16();
    const flags = r.u8();
    const runs = flags & 0x08 ? r.u16() : 0;
    const ext = flags & 0x04 ? r.u32() : 0;
    out.push(r.chars(cch, (flags & 1) === 1, cs));
    r.skip(4 * runs);
    r.skip(ext);
    budget.work(cch + 3);
  }
  return out;
}

/** [MS-XLS] §2.5.217 RkNumber: a 30-bit integer or the high 30 bits of a double, optionally ÷ 100. */
export function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setUint32(4, rk & 0xfffffffc, true);
    v = buf.getFloat64(0, true);
  }
  return rk & 1 ? v / 100 : v;
}

/** [MS-XLS] §2.5.97 BErr. */
const ERRORS: ReadonlyMap<number, string> = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

function errorText(code: number): string {
  return ERRORS.get(code) ?? '#N/A';
}

/** The cells and merged areas of one sheet as they are read: counted, formatted, sorted at the end. */
class SheetCells {
  readonly cells: Cell[] = [];
  readonly merges: Range[] = [];
  private ordered = true;
  private lastRow = -1;
  private lastCol = -1;
  private readonly where: { sheet: string; part: string };

  constructor(
    name: string,
    private readonly g: Globals,
    private readonly budget: Budget,
  ) {
    this.where = { sheet: name, part: 'Workbook' };
  }

  /** One cell, its text as Excel shows it (the .xlsx reader's formatting); an empty one only with a format. */
  push(row: number, col: number, xf: number, kind: CellKind, value: string | number | boolean | null): void {
    const { budget, g } = this;
    const { limits } = budget;
    budget.cells++;
    if (budget.cells > limits.maxCells) throw new XlsxReadError('limit-exceeded', { limit: 'cells', max: limits.maxCells, ...this.where });
    const numFmt = g.xfs[xf];
    if (kind === 'empty' && numFmt === undefined) return;
    let text = '';
    if (kind === 'number') text = formatNumber(value as number, numFmt, g.date1904);
    else if (kind === 'boolean') text = value === true ? 'TRUE' : 'FALSE';
    else if (kind !== 'empty') text = value as string;
    budget.textChars += text.length;
    if (budget.textChars > limits.maxTextChars)
      throw new XlsxReadError('limit-exceeded', { limit: 'text-chars', max: limits.maxTextChars, ...this.where });
    budget.work(text.length + (numFmt?.length ?? 0));
    // built member by member, as in the .xlsx reader (one object per cell)
    const cell: { -readonly [K in keyof Cell]: Cell[K] } = { row, col, kind, value, text };
    if (numFmt !== undefined) cell.numFmt = numFmt;
    if (row < this.lastRow || (row === this.lastRow && col <= this.lastCol)) this.ordered = false;
    this.lastRow = row;
    this.lastCol = col;
    this.cells.push(cell);
  }

  /** A number; NaN or infinity (never written by Excel) is shown as #NUM!. */
  number(row: number, col: number, xf: number, v: number): void {
    if (Number.isFinite(v)) this.push(row, col, xf, 'number', v);
    else this.push(row, col, xf, 'error', '#NUM!');
  }

  merge(r: Range): void {
    const { budget } = this;
    budget.merges++;
    if (budget.merges > budget.limits.maxMerges)
      throw new XlsxReadError('limit-exceeded', { limit: 'merges', max: budget.limits.maxMerges, ...this.where });
    this.merges.push(r);
  }

  /** The cells by row, then column; a repeated address keeps its last cell, as the .xlsx reader does. */
  sorted(): Cell[] {
    if (this.ordered) return this.cells;
    const all = [...this.cells].sort((x, y) => x.row - y.row || x.col - y.col);
    const out: Cell[] = [];
    for (const c of all) {
      const last = out[out.length - 1];
      if (last?.row === c.row && last.col === c.col) out[out.length - 1] = c;
      else out.push(c);
    }
    return out;
  }
}

/** Where a formula's string result goes: the String record that follows the Formula record holds it. */
interface Pending {
  at: { row: number; col: number; xf: number } | null;
}

function readSheet(stream: Uint8Array, ref: SheetRef, index: number, g: Globals, budget: Budget): SheetSnapshot {
  if (ref.at + 4 > stream.length || u16(stream, ref.at) !== RT.BOF) {
    throw damaged(`sheet "${ref.name}" does not start with a BOF record at ${ref.at}`);
  }
  const out = new SheetCells(ref.name, g, budget);
  const pending: Pending = { at: null };
  let isProtected = false;
  const drawn = new DrawnObjects();
  const cur = new RecordCursor(stream, ref.at);
  let depth = 0;
  for (let r = cur.next(); r !== undefined; r = cur.next()) {
    budget.work(r.data.length + 4);
    const d = r.data;
    if (r.type === RT.BOF) {
      if (depth === 0 && (d.length < 2 || u16(d, 0) !== BIFF8)) throw new XlsxReadError('xls-old-version');
      depth++;
      continue;
    }
    if (r.type === RT.EOF) {
      if (--depth === 0) break;
      continue;
    }
    // embedded charts are substreams of their own (BOF … EOF) inside the sheet's
    if (depth !== 1) continue;
    if (pending.at && r.type !== RT.STRING && isCellRecord(r.type)) {
      out.push(pending.at.row, pending.at.col, pending.at.xf, 'text', '');
      pending.at = null;
    }
    if (r.type === RT.STRING) {
      if (!pending.at) continue;
      const c = new Continued([d, ...cur.continues()]);
      const cch = c.u16();
      const flags = c.u8();
      out.push(pending.at.row, pending.at.col, pending.at.xf, 'text', c.chars(cch, (flags & 1) === 1, g.charset));
      pending.at = null;
    } else if (r.type === RT.MERGECELLS) {
      need(d, 2, 'MergeCells', ref.name);
      const n = Math.min(u16(d, 0), Math.floor((d.length - 2) / 8));
      for (let i = 0, o = 2; i < n; i++, o += 8)
        out.merge({ top: u16(d, o), bottom: u16(d, o + 2), left: u16(d, o + 4), right: u16(d, o + 6) });
    } else if (r.type === RT.PROTECT) isProtected = d.length >= 2 && u16(d, 0) === 1;
    else if (r.type === RT.OBJ) drawn.obj(d);
    else if (r.type === RT.TXO) drawn.txo(d, cur.continues(), g.charset);
    else if (isCellRecord(r.type)) readCell(r.type, d, out, g, pending, ref.name);
  }
  if (pending.at) out.push(pending.at.row, pending.at.col, pending.at.xf, 'text', '');
  const protection = isProtected ? { protected: true } : {};
  const drawings = drawn.result();
  return {
    name: ref.name,
    index,
    visibility: ref.visibility,
    cells: out.sorted(),
    merges: out.merges,
    ...protection,
    ...(drawings !== undefined && { drawings }),
  };
}

/** [MS-XLS] §2.5.143 FtCmo.ot: the kinds of drawn object counted. */
const OT_PICTURE = 0x0008;
const OT_NOTE = 0x0019;

/**
 * The text boxes (and other shapes holding text, ot 0x0006 among them) and pictures of a sheet, from its
 * Obj and TxO records, counted as the .xlsx reader counts them: a shape whose text is blank is not. A cell's
 * note is an Obj with its own TxO and is not counted. A TxO whose text cannot be read (a damaged record) is
 * left out: the drawing is optional, and never makes a workbook unreadable.
 */
class DrawnObjects {
  private lastType = -1;
  private textBoxes = 0;
  private pictures = 0;
  private sample: string | undefined;

  obj(d: Uint8Array): void {
    // the first subrecord is FtCmo: ft 0x15, cb 0x12, then ot
    this.lastType = d.length >= 6 && u16(d, 0) === 0x15 ? u16(d, 4) : -1;
    if (this.lastType === OT_PICTURE) this.pictures++;
  }

  txo(d: Uint8Array, continues: Uint8Array[], cs: Charset): void {
    if (this.lastType === OT_NOTE) return;
    const cch = d.length >= 12 ? u16(d, 10) : 0;
    if (cch === 0 || continues.length === 0 || continues[0]!.length === 0) return;
    let text: string;
    try {
      const c = new Continued(continues);
      text = c.chars(cch, (c.u8() & 1) === 1, cs);
    } catch {
      text = '';
    }
    const t = drawnTextSample(text);
    if (t === '') return;
    this.textBoxes++;
    this.sample ??= t;
  }

  result(): SheetDrawings | undefined {
    if (this.textBoxes === 0 && this.pictures === 0) return undefined;
    return { textBoxes: this.textBoxes, pictures: this.pictures, ...(this.sample !== undefined && { sample: this.sample }) };
  }
}

function need(d: Uint8Array, n: number, what: string, sheet: string): void {
  if (d.length < n) throw damaged(`sheet "${sheet}": a ${what} record is short`);
}

/** One cell record ([MS-XLS] §2.4.149, 148, 180, 220, 175, 24, 127, Blank, MulBlank): row, col, XF, then its value. */
function readCell(type: number, d: Uint8Array, out: SheetCells, g: Globals, pending: Pending, sheet: string): void {
  switch (type) {
    case RT.LABELSST: {
      need(d, 10, 'LabelSst', sheet);
      const s = g.strings[u32(d, 6)];
      if (s === undefined) throw damaged(`sheet "${sheet}": a cell points past the string table`);
      out.push(u16(d, 0), u16(d, 2), u16(d, 4), 'text', s);
      return;
    }
    case RT.LABEL:
      need(d, 9, 'Label', sheet);
      out.push(u16(d, 0), u16(d, 2), u16(d, 4), 'text', readString(d, 6, 2, g.charset).text);
      return;
    case RT.NUMBER:
      need(d, 14, 'Number', sheet);
      out.number(u16(d, 0), u16(d, 2), u16(d, 4), f64(d, 6));
      return;
    case RT.RK:
      need(d, 10, 'RK', sheet);
      out.number(u16(d, 0), u16(d, 2), u16(d, 4), rkValue(u32(d, 6)));
      return;
    case RT.MULRK: {
      // row, first column, then (XF, RK) pairs, then the last column
      need(d, 6, 'MulRk', sheet);
      const n = Math.floor((d.length - 6) / 6);
      for (let i = 0; i < n; i++) out.number(u16(d, 0), u16(d, 2) + i, u16(d, 4 + 6 * i), rkValue(u32(d, 6 + 6 * i)));
      return;
    }
    case RT.BOOLERR:
      need(d, 8, 'BoolErr', sheet);
      if (d[7] === 1) out.push(u16(d, 0), u16(d, 2), u16(d, 4), 'error', errorText(d[6]!));
      else out.push(u16(d, 0), u16(d, 2), u16(d, 4), 'boolean', d[6] === 1);
      return;
    case RT.FORMULA: {
      need(d, 20, 'Formula', sheet);
      const [row, col, xf] = [u16(d, 0), u16(d, 2), u16(d, 4)];
      // §2.5.133 FormulaValue: fExprO 0xFFFF marks a non-number, its kind in byte 0
      if (u16(d, 12) !== 0xffff) out.number(row, col, xf, f64(d, 6));
      else if (d[6] === 0) pending.at = { row, col, xf };
      else if (d[6] === 1) out.push(row, col, xf, 'boolean', d[8] === 1);
      else if (d[6] === 2) out.push(row, col, xf, 'error', errorText(d[8]!));
      else out.push(row, col, xf, 'text', '');
      return;
    }
    case RT.BLANK:
      need(d, 6, 'Blank', sheet);
      out.push(u16(d, 0), u16(d, 2), u16(d, 4), 'empty', null);
      return;
    case RT.MULBLANK: {
      need(d, 6, 'MulBlank', sheet);
      const n = Math.floor((d.length - 6) / 2);
      for (let i = 0; i < n; i++) out.push(u16(d, 0), u16(d, 2) + i, u16(d, 4 + 2 * i), 'empty', null);
      return;
    }
    default:
      return;
  }
}

function isCellRecord(type: number): boolean {
  return (
    type === RT.LABELSST ||
    type === RT.LABEL ||
    type === RT.NUMBER ||
    type === RT.RK ||
    type === RT.MULRK ||
    type === RT.BOOLERR ||
    type === RT.FORMULA ||
    type === RT.BLANK ||
    type === RT.MULBLANK
  );
}
