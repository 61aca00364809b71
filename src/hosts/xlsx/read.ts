/**
 * The .xlsx reader: package bytes in, the core's WorkbookSnapshot out. The same code runs in
 * Node (CLI) and in the browser (standalone page): no Node built-ins here.
 *
 * Bounded by design: the entry count is checked before anything is unpacked; every part is
 * inflated with a running byte count (zip.ts); the small parts go through saxes (xml.ts), the
 * worksheets and sharedStrings through the hand-written scanner (xml-scan.ts: same events, same
 * refusals, about twice as fast; `xmlEngine: 'saxes'` keeps the old path for the differential
 * tests in tests/hosts/xlsx/read-scan.test.ts); cells and merged areas are
 * counted as they are read; merged areas and `<dimension>`/row spans are never expanded; the
 * clock is checked between chunks. Past a limit it stops with an XlsxReadError naming the limit.
 */
import { withCalculatedValues } from '../../core/formula/evaluate';
import type { Cell, CellKind, Range, SheetDrawings, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../../core/snapshot/types';
import { rangeFromA1, toA1 } from '../../core/snapshot/a1';
import { EXPLANATION_SHEET, readExplanationSheet } from '../../core/report/explanations';
import { XlsxReadError } from './errors';
import { listEntries, sniff, streamEntry, type ZipBudget, type ZipEntry } from './zip';
import { xmlSink, type Attrs, type XmlHandlers } from './xml';
import { scanXml } from './xml-scan';
import { BUILTIN_FORMATS, formatNumber } from './numfmt';
import { shiftFormula } from './formula';
import { decoderFor } from './encoding';

export interface ReadLimits {
  /** Total bytes unpacked from the package. */
  readonly maxUncompressedBytes: number;
  /** Entries in the zip's central directory. */
  readonly maxEntries: number;
  /** Cells (`<c>` elements) in the whole workbook. */
  readonly maxCells: number;
  /** Merged areas in the whole workbook (their size does not matter: they are never expanded). */
  readonly maxMerges: number;
  /** The longest run of characters without markup in a part (a cell holds at most 32,767). */
  readonly maxTextRun: number;
  /** Wall-clock time for one read, in milliseconds (the clock is read by work done, see `Package.work`). */
  readonly timeBudgetMs: number;
  /** One formula's length in characters (Excel's own limit: 8,192). */
  readonly maxFormulaLength: number;
  /**
   * Formula characters in the whole workbook, a shared formula counted once per cell that uses it
   * (what expanding it costs): 5,000 cells sharing one 8,000-character formula are 40 M characters.
   */
  readonly maxFormulaChars: number;
  /** One number format's length in characters (Excel's own limit: 255). */
  readonly maxNumFmtLength: number;
  /**
   * Characters of cell text in the whole workbook, a shared string counted in every cell that uses
   * it: what the checks will read (1 M cells pointing at one 960 K-character string are 960 G).
   */
  readonly maxTextChars: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxEntries: 20_000,
  // measured (docs/cli.md, "Limits"): 2.5 M cells peak at 627 MB of heap and buffers (755 MB resident);
  // 5 M would need about 1.3 GB, 3 M stays under 1 GB
  maxCells: 3_000_000,
  maxMerges: 500_000,
  maxTextRun: 1_000_000,
  timeBudgetMs: 60_000,
  maxFormulaLength: 8_192,
  maxFormulaChars: 50_000_000,
  maxNumFmtLength: 255,
  maxTextChars: 100_000_000,
};

/** Units of work (characters or bytes handled) between two readings of the clock. */
const WORK_STEP = 1 << 16;

export interface ReadOptions {
  readonly limits?: Partial<ReadLimits>;
  /** Clock in milliseconds (tests); defaults to Date.now. */
  readonly now?: () => number;
  /**
   * @internal How worksheets and sharedStrings are parsed: the hand-written scanner (default) or
   * saxes (kept for the differential tests; the small parts always go through saxes).
   */
  readonly xmlEngine?: 'scan' | 'saxes';
}

export type ReadResult = { readonly ok: true; readonly snapshot: WorkbookSnapshot } | { readonly ok: false; readonly error: XlsxReadError };

/** Reads an .xlsx/.xlsm package. Never throws: a typed failure instead. */
export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  try {
    // formulas saved without their values (openpyxl, pandas…) get the value Excel would compute; only a
    // package can hold such cells (Excel's own snapshots always carry values), so the evaluator is
    // called here and stays out of the task pane's bundle
    return { ok: true, snapshot: withCalculatedValues(readXlsxOrThrow(bytes, options)) };
  } catch (e) {
    if (e instanceof XlsxReadError) return { ok: false, error: e };
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return { ok: false, error: new XlsxReadError('internal', { detail }) };
  }
}

interface Rel {
  readonly type: string;
  readonly target: string;
}

interface SheetRef {
  readonly name: string;
  readonly state: SheetVisibility;
  readonly rid: string;
}

/** Joins a relationship target to the folder of its source part; `/x` is from the root. */
function resolveTarget(baseDir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const parts: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_`. */
function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function truthy(v: string | undefined): boolean {
  return v === '1' || v === 'true' || v === 'on';
}

/** The parts of a zip package, bounded (also the Word reader's, src/hosts/document/package.ts). */
export class Package {
  private readonly entries = new Map<string, ZipEntry>();
  readonly budget: ZipBudget;

  constructor(
    private readonly bytes: Uint8Array,
    readonly limits: ReadLimits,
    now: () => number,
    readonly engine: 'scan' | 'saxes' = 'scan',
  ) {
    const started = now();
    const tick = (): void => {
      if (now() - started > limits.timeBudgetMs) {
        throw new XlsxReadError('limit-exceeded', { limit: 'time', max: limits.timeBudgetMs });
      }
    };
    // The clock is read by work done (characters scanned, formulas shifted, formats applied),
    // never by a count of tags that may each cost any amount.
    let work = 0;
    this.budget = {
      maxUncompressedBytes: limits.maxUncompressedBytes,
      used: 0,
      tick,
      work: (units) => {
        work += units;
        if (work >= WORK_STEP) {
          work = 0;
          tick();
        }
      },
    };
    // Part names are case-insensitive (OPC): two entries of one name, letter case aside, are a
    // damaged or doctored package (readers differ on which one they take), never a choice to make.
    for (const e of listEntries(bytes, limits.maxEntries)) {
      const key = e.name.toLowerCase();
      if (this.entries.has(key)) throw new XlsxReadError('duplicate-entry', { part: e.name });
      this.entries.set(key, e);
    }
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  entry(part: string): ZipEntry | undefined {
    return this.entries.get(part.toLowerCase());
  }

  /** Parses a part as XML; false when the part does not exist. */
  parse(part: string, handlers: XmlHandlers, sheet?: string): boolean {
    const entry = this.entry(part);
    if (!entry) return false;
    // What the directory declares is checked first (an honest bomb stops here, before any work);
    // the running count in streamEntry catches a directory that lies.
    if (this.budget.used + entry.declaredSize > this.budget.maxUncompressedBytes) {
      throw new XlsxReadError('limit-exceeded', { limit: 'uncompressed-size', max: this.budget.maxUncompressedBytes, part });
    }
    return this.engine === 'saxes' ? this.parseSax(entry, part, handlers, sheet) : this.parseScan(entry, part, handlers, sheet);
  }

  /** The small parts (workbook, rels, styles): always saxes. */
  parseSmall(part: string, handlers: XmlHandlers, sheet?: string): boolean {
    const entry = this.entry(part);
    if (!entry) return false;
    if (this.budget.used + entry.declaredSize > this.budget.maxUncompressedBytes) {
      throw new XlsxReadError('limit-exceeded', { limit: 'uncompressed-size', max: this.budget.maxUncompressedBytes, part });
    }
    return this.parseSax(entry, part, handlers, sheet);
  }

  /** Large parts: inflated whole (still counted chunk by chunk), decoded once, scanned by hand. */
  private parseScan(entry: ZipEntry, part: string, handlers: XmlHandlers, sheet?: string): boolean {
    const chunks: Uint8Array[] = [];
    let total = 0;
    // A run of bytes without `<` longer than 4 bytes a character can take is over the text-run
    // limit whatever it decodes to: stop while inflating, as the streaming parser would.
    let run = 0;
    const maxRunBytes = 4 * this.limits.maxTextRun;
    streamEntry(this.bytes, entry, this.budget, (chunk) => {
      const lt = chunk.lastIndexOf(0x3c);
      run = lt < 0 ? run + chunk.length : chunk.length - lt - 1;
      if (run > maxRunBytes) {
        throw new XlsxReadError('limit-exceeded', {
          part,
          ...(sheet !== undefined && { sheet }),
          limit: 'text-run',
          max: this.limits.maxTextRun,
        });
      }
      chunks.push(chunk);
      total += chunk.length;
    });
    let whole: Uint8Array;
    if (chunks.length === 1) whole = chunks[0]!;
    else {
      whole = new Uint8Array(total);
      let o = 0;
      for (const c of chunks) {
        whole.set(c, o);
        o += c.length;
      }
    }
    const text = decoderFor(whole, { part, ...(sheet !== undefined && { sheet }) }).decode(whole);
    this.budget.tick();
    scanXml(text, handlers, { part, ...(sheet !== undefined && { sheet }), maxTextRun: this.limits.maxTextRun, work: this.budget.work });
    return true;
  }

  private parseSax(entry: ZipEntry, part: string, handlers: XmlHandlers, sheet?: string): boolean {
    const sink = xmlSink(part, handlers, sheet, this.limits.maxTextRun);
    streamEntry(this.bytes, entry, this.budget, (chunk) => sink.push(chunk));
    sink.end();
    return true;
  }

  rels(part: string): Map<string, Rel> {
    const out = new Map<string, Rel>();
    const base = dirOf(part);
    this.parseSmall(relsPathOf(part), {
      open(name, a) {
        if (name !== 'Relationship') return;
        const id = a.get('Id');
        const target = a.get('Target');
        if (id === undefined || target === undefined || a.get('TargetMode') === 'External') return;
        out.set(id, { type: a.get('Type') ?? '', target: resolveTarget(base, target) });
      },
    });
    return out;
  }
}

function relOfType(rels: Map<string, Rel>, suffix: string): string | undefined {
  for (const r of rels.values()) if (r.type.endsWith(suffix)) return r.target;
  return undefined;
}

/** Text collection for `<si>` and `<is>`: `<t>` runs, skipping phonetic `<rPh>` runs. */
class RichText {
  private depthRph = 0;
  private inT = false;
  text = '';
  open(name: string): void {
    if (name === 'rPh') this.depthRph++;
    else if (name === 't' && this.depthRph === 0) this.inT = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.depthRph--;
    else if (name === 't') this.inT = false;
  }
  add(s: string): void {
    if (this.inT) this.text += s;
  }
}

function readSharedStrings(pkg: Package, part: string | undefined): string[] {
  const out: string[] = [];
  if (part === undefined) return out;
  let rt: RichText | null = null;
  pkg.parse(part, {
    open(name) {
      if (name === 'si') rt = new RichText();
      else rt?.open(name);
    },
    close(name) {
      if (name === 'si') {
        out.push(unescapeOoxml(rt?.text ?? ''));
        rt = null;
      } else rt?.close(name);
    },
    text(s) {
      rt?.add(s);
    },
  });
  return out;
}

/** cellXfs index → number format code (undefined: General). */
function readStyles(pkg: Package, part: string | undefined): (string | undefined)[] {
  const custom = new Map<number, string>();
  const xfs: (string | undefined)[] = [];
  if (part === undefined) return xfs;
  const ids: number[] = [];
  let inCellXfs = false;
  const max = pkg.limits.maxNumFmtLength;
  pkg.parseSmall(part, {
    open(name, a) {
      if (name === 'numFmt') {
        const id = Number(a.get('numFmtId'));
        const code = a.get('formatCode');
        // Excel writes at most 255 characters; a longer one would be applied to every cell it styles
        if (code !== undefined && code.length > max)
          throw new XlsxReadError('limit-exceeded', { limit: 'number-format-length', max, part });
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(Number(a.get('numFmtId') ?? '0'));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of ids) {
    const code = custom.get(id) ?? BUILTIN_FORMATS.get(id);
    xfs.push(code === undefined || code === 'General' ? undefined : code);
  }
  return xfs;
}

interface WorkbookInfo {
  readonly sheets: SheetRef[];
  readonly date1904: boolean;
}

function readWorkbook(pkg: Package, part: string): WorkbookInfo {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  pkg.parseSmall(part, {
    open(name, a) {
      if (name === 'sheet') {
        const state = a.get('state');
        sheets.push({
          name: unescapeOoxml(a.get('name') ?? ''),
          state: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
          rid: a.get('id') ?? '',
        });
      } else if (name === 'workbookPr') {
        date1904 = truthy(a.get('date1904'));
      }
    },
  });
  return { sheets, date1904 };
}

interface Counters {
  cells: number;
  merges: number;
  /** Formula characters so far, a shared formula counted in every cell that uses it. */
  formulaChars: number;
  /** Cell text characters so far, a shared string counted in every cell that uses it. */
  textChars: number;
}

interface SheetContext {
  readonly pkg: Package;
  readonly strings: readonly string[];
  readonly xfs: readonly (string | undefined)[];
  readonly date1904: boolean;
  readonly counters: Counters;
}

/**
 * A cell reference `A1`/`$A$1` (1–3 letters, 1–7 digits) as `(row − 1) × 16384 + (col − 1)`, or −1
 * when it is not one or is outside the sheet (1,048,576 rows, 16,384 columns). Read by character
 * codes: called for every cell.
 */
export function parseCellRef(ref: string): number {
  const n = ref.length;
  let i = 0;
  if (i < n && ref.charCodeAt(i) === 0x24) i++;
  let c = 0;
  const letters = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 0x61 || ch > 0x7a) break;
    c = c * 26 + (ch - 0x60);
  }
  const nLetters = i - letters;
  if (nLetters < 1 || nLetters > 3) return -1;
  if (i < n && ref.charCodeAt(i) === 0x24) i++;
  let r = 0;
  const digits = i;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    r = r * 10 + d;
  }
  const nDigits = i - digits;
  if (nDigits < 1 || nDigits > 7) return -1;
  if (c < 1 || c > 16384 || r < 1 || r > 1048576) return -1;
  return (r - 1) * 16384 + (c - 1);
}

function serialFromIso(iso: string): number | null {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
  if (Number.isNaN(t)) return null;
  return t / 86400000 + 25569;
}

function readWorksheet(ctx: SheetContext, part: string, sheetName: string, index: number, visibility: SheetVisibility): SheetSnapshot {
  const { limits } = ctx.pkg;
  const cells: Cell[] = [];
  const merges: Range[] = [];
  let isProtected = false;
  let ordered = true;
  let lastRow = -1;
  let lastCol = -1;

  let rowIndex = -1;
  let colCursor = -1;
  // current cell
  let inCell = false;
  let cRow = 0;
  let cCol = 0;
  let cType = 'n';
  let cStyle = 0;
  let hasStyle = false;
  let v: string | null = null;
  let f: string | null = null;
  let fShared: { si: string; master: boolean } | null = null;
  let collect: 'v' | 'f' | null = null;
  let rich: RichText | null = null;
  let inline: string | null = null;
  const sharedMasters = new Map<string, { row: number; col: number; text: string }>();

  const formulaCost = (length: number): void => {
    if (length > limits.maxFormulaLength) {
      throw new XlsxReadError('limit-exceeded', {
        limit: 'formula-length',
        max: limits.maxFormulaLength,
        sheet: sheetName,
        part,
        cell: toA1(cRow, cCol),
      });
    }
    ctx.counters.formulaChars += length;
    if (ctx.counters.formulaChars > limits.maxFormulaChars) {
      throw new XlsxReadError('limit-exceeded', { limit: 'formula-chars', max: limits.maxFormulaChars, sheet: sheetName, part });
    }
    ctx.pkg.budget.work(length);
  };

  const finishCell = (): void => {
    const numFmt = hasStyle ? ctx.xfs[cStyle] : undefined;
    let formula: string | undefined;
    if (f !== null && f !== '') {
      formulaCost(f.length);
      formula = f;
    } else if (fShared && !fShared.master) {
      const m = sharedMasters.get(fShared.si);
      if (m) {
        // a shared formula costs its whole length in every cell that uses it: counted before it is shifted
        formulaCost(m.text.length);
        formula = shiftFormula(m.text, cRow - m.row, cCol - m.col);
      }
    }
    if (numFmt !== undefined) ctx.pkg.budget.work(numFmt.length);
    if (fShared?.master && f) sharedMasters.set(fShared.si, { row: cRow, col: cCol, text: f });
    let kind: CellKind = 'empty';
    let value: string | number | boolean | null = null;
    let text = '';
    switch (cType) {
      case 's': {
        if (v !== null) {
          const s = ctx.strings[Number(v)];
          kind = 'text';
          value = s ?? '';
          text = value;
        }
        break;
      }
      case 'inlineStr': {
        if (inline !== null) {
          kind = 'text';
          value = unescapeOoxml(inline);
          text = value;
        } else if (v !== null) {
          kind = 'text';
          value = unescapeOoxml(v);
          text = value;
        }
        break;
      }
      case 'str': {
        if (v !== null) {
          kind = 'text';
          value = unescapeOoxml(v);
          text = value;
        }
        break;
      }
      case 'b': {
        if (v !== null) {
          kind = 'boolean';
          value = v.trim() === '1' || v.trim().toLowerCase() === 'true';
          text = value ? 'TRUE' : 'FALSE';
        }
        break;
      }
      case 'e': {
        if (v !== null) {
          kind = 'error';
          value = v.trim();
          text = value;
        }
        break;
      }
      case 'd': {
        if (v !== null) {
          const serial = serialFromIso(v.trim());
          if (serial === null) {
            kind = 'text';
            value = v;
            text = v;
          } else {
            kind = 'number';
            value = serial;
            text = formatNumber(serial, numFmt ?? 'yyyy-mm-dd', ctx.date1904);
          }
        }
        break;
      }
      default: {
        if (v !== null && v.trim() !== '') {
          const n = Number(v);
          if (Number.isFinite(n)) {
            kind = 'number';
            value = n;
            text = formatNumber(n, numFmt, ctx.date1904);
          } else {
            kind = 'text';
            value = v;
            text = v;
          }
        }
      }
    }
    if (kind === 'empty' && formula === undefined && numFmt === undefined) return;
    ctx.counters.textChars += text.length;
    if (ctx.counters.textChars > limits.maxTextChars) {
      throw new XlsxReadError('limit-exceeded', { limit: 'text-chars', max: limits.maxTextChars, sheet: sheetName, part });
    }
    ctx.pkg.budget.work(text.length);
    // built member by member (spreads take V8's slow path; one object per cell)
    const cell: { -readonly [K in keyof Cell]: Cell[K] } = { row: cRow, col: cCol, kind, value, text };
    if (formula !== undefined) cell.formula = formula;
    if (numFmt !== undefined) cell.numFmt = numFmt;
    if (cRow < lastRow || (cRow === lastRow && cCol <= lastCol)) ordered = false;
    lastRow = cRow;
    lastCol = cCol;
    cells.push(cell);
  };

  const handlers: XmlHandlers = {
    open(name: string, a: Attrs) {
      if (inCell) {
        if (rich) {
          rich.open(name);
          return;
        }
        if (name === 'v') {
          collect = 'v';
          v = '';
        } else if (name === 'f') {
          collect = 'f';
          f = '';
          if (a.get('t') === 'shared') {
            const si = a.get('si') ?? '';
            fShared = { si, master: a.get('ref') !== undefined };
          }
        } else if (name === 'is') {
          rich = new RichText();
        }
        return;
      }
      switch (name) {
        case 'row': {
          const r = Number(a.get('r'));
          rowIndex = Number.isInteger(r) && r >= 1 && r <= 1048576 ? r - 1 : rowIndex + 1;
          colCursor = -1;
          break;
        }
        case 'c': {
          ctx.counters.cells++;
          if (ctx.counters.cells > limits.maxCells) {
            throw new XlsxReadError('limit-exceeded', { limit: 'cells', max: limits.maxCells, sheet: sheetName, part });
          }
          inCell = true;
          const ref = a.get('r');
          let row = rowIndex < 0 ? 0 : rowIndex;
          let col = colCursor + 1;
          if (ref !== undefined) {
            const packed = parseCellRef(ref);
            if (packed >= 0) {
              col = packed % 16384;
              row = (packed - col) / 16384;
            }
          }
          cRow = row;
          cCol = col;
          colCursor = col;
          cType = a.get('t') ?? 'n';
          // no `s` means style 0, which is General in practice but need not be
          const s = a.get('s');
          cStyle = s === undefined ? 0 : Number(s);
          hasStyle = Number.isInteger(cStyle) && cStyle >= 0;
          v = null;
          f = null;
          fShared = null;
          rich = null;
          inline = null;
          collect = null;
          break;
        }
        case 'mergeCell': {
          const ref = a.get('ref');
          const r = ref !== undefined ? rangeFromA1(ref) : null;
          if (r) {
            ctx.counters.merges++;
            if (ctx.counters.merges > limits.maxMerges) {
              throw new XlsxReadError('limit-exceeded', { limit: 'merges', max: limits.maxMerges, sheet: sheetName, part });
            }
            merges.push(r);
          }
          break;
        }
        case 'sheetProtection': {
          // `sheet` defaults to false; a sheetProtection element with sheet="1" protects the sheet.
          isProtected = truthy(a.get('sheet'));
          break;
        }
        default:
          break;
      }
    },
    close(name: string) {
      if (!inCell) return;
      if (name === 'c') {
        finishCell();
        inCell = false;
        rich = null;
        return;
      }
      if (rich) {
        if (name === 'is') {
          inline = rich.text;
          rich = null;
        } else rich.close(name);
        return;
      }
      if (name === 'v' || name === 'f') collect = null;
    },
    text(s: string) {
      if (!inCell) return;
      if (rich) {
        rich.add(s);
        return;
      }
      // v and f are '' from the moment they are collected
      if (collect === 'v') v = (v ?? '') + s;
      else if (collect === 'f') f = (f ?? '') + s;
    },
  };
  ctx.pkg.parse(part, handlers, sheetName);

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the parse handlers above
  if (!ordered) {
    cells.sort((x, y) => x.row - y.row || x.col - y.col);
    // a repeated address keeps its last cell
    const dedup: Cell[] = [];
    for (const c of cells) {
      const last = dedup[dedup.length - 1];
      if (last?.row === c.row && last.col === c.col) dedup[dedup.length - 1] = c;
      else dedup.push(c);
    }
    cells.length = 0;
    cells.push(...dedup);
  }
  return {
    name: sheetName,
    index,
    visibility,
    cells,
    merges,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the parse handlers above
    ...(isProtected ? { protected: true } : {}),
  };
}

/** How much of a text box's text is kept to tell the user which one it is. */
const SAMPLE_CHARS = 30;

/** The start of a text box's text as SheetDrawings.sample keeps it (spaces folded); '' when it holds none. */
export function drawnTextSample(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().slice(0, SAMPLE_CHARS);
}

/**
 * The text boxes (shapes holding text) and pictures drawn over a sheet, from its drawing part: undefined
 * when it has none. Their text is not cell text and is never checked; the count lets the report say so
 * instead of calling a sheet that shows a page of text "empty". A drawing part that is not well-formed
 * XML is left unread (Excel repairs such a drawing; the cells are still read); the package's limits and
 * integrity checks apply to it as to every part.
 */
function readDrawings(pkg: Package, sheetPart: string): SheetDrawings | undefined {
  if (!pkg.has(relsPathOf(sheetPart))) return undefined;
  const drawing = relOfType(pkg.rels(sheetPart), '/drawing');
  if (drawing === undefined || !pkg.has(drawing)) return undefined;
  let textBoxes = 0;
  let pictures = 0;
  let sample: string | undefined;
  let shapeDepth = 0;
  let inText = false;
  let text = '';
  try {
    pkg.parse(drawing, {
      open(name) {
        if (name === 'sp') {
          if (shapeDepth++ === 0) text = '';
        } else if (name === 'pic') pictures++;
        else if (name === 't' && shapeDepth > 0) inText = true;
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'p' && shapeDepth > 0) text += ' ';
        else if (name === 'sp' && shapeDepth > 0 && --shapeDepth === 0) {
          const t = drawnTextSample(text);
          if (t !== '') {
            textBoxes++;
            sample ??= t;
          }
        }
      },
      text(s) {
        if (inText && text.length < 4 * SAMPLE_CHARS) text += s;
      },
    });
  } catch (e) {
    if (e instanceof XlsxReadError && (e.code === 'malformed-xml' || e.code === 'unsupported-encoding' || e.code === 'doctype-refused')) {
      return undefined;
    }
    throw e;
  }
  if (textBoxes === 0 && pictures === 0) return undefined;
  return { textBoxes, pictures, ...(sample !== undefined && { sample }) };
}

/**
 * A Word or PowerPoint package renamed .xlsx is that, not a workbook without sheets: known by its
 * main part (the package relationship's target in word/ or ppt/), or, without one, by the parts
 * those applications always write when there is no workbook part.
 */
function refuseOtherOffice(pkg: Package, mainPart: string | undefined): void {
  const kind = (part: string): 'word-document' | 'powerpoint-document' | undefined =>
    /^word\//i.test(part) ? 'word-document' : /^ppt\//i.test(part) ? 'powerpoint-document' : undefined;
  const byMain = mainPart !== undefined && pkg.has(mainPart) ? kind(mainPart) : undefined;
  if (byMain !== undefined) throw new XlsxReadError(byMain);
  if (pkg.has('xl/workbook.xml') || pkg.has('xl/workbook.bin')) return;
  if (pkg.has('word/document.xml')) throw new XlsxReadError('word-document');
  if (pkg.has('ppt/presentation.xml')) throw new XlsxReadError('powerpoint-document');
}

/** Like readXlsx, but throws the XlsxReadError (for callers that already catch). */
export function readXlsxOrThrow(bytes: Uint8Array, options: ReadOptions = {}): WorkbookSnapshot {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  sniff(bytes);
  const pkg = new Package(bytes, limits, options.now ?? Date.now, options.xmlEngine ?? 'scan');

  // The workbook part: from the package relationships, else the conventional path.
  const mainPart = relOfType(pkg.rels(''), '/officeDocument');
  refuseOtherOffice(pkg, mainPart);
  let workbookPart = mainPart;
  if (workbookPart === undefined || !pkg.has(workbookPart)) workbookPart = 'xl/workbook.xml';
  if (!pkg.has(workbookPart)) {
    if (pkg.has('xl/workbook.bin')) throw new XlsxReadError('xlsb-binary');
    throw new XlsxReadError('not-a-workbook');
  }
  if (workbookPart.toLowerCase().endsWith('.bin')) throw new XlsxReadError('xlsb-binary');
  const info = readWorkbook(pkg, workbookPart);
  if (info.sheets.length === 0) throw new XlsxReadError('no-sheets');
  const rels = pkg.rels(workbookPart);
  const baseDir = dirOf(workbookPart);
  const ssPart = relOfType(rels, '/sharedStrings') ?? (pkg.has(`${baseDir}sharedStrings.xml`) ? `${baseDir}sharedStrings.xml` : undefined);
  const stylesPart = relOfType(rels, '/styles') ?? (pkg.has(`${baseDir}styles.xml`) ? `${baseDir}styles.xml` : undefined);
  const strings = readSharedStrings(pkg, ssPart !== undefined && pkg.has(ssPart) ? ssPart : undefined);
  const xfs = readStyles(pkg, stylesPart !== undefined && pkg.has(stylesPart) ? stylesPart : undefined);
  const ctx: SheetContext = {
    pkg,
    strings,
    xfs,
    date1904: info.date1904,
    counters: { cells: 0, merges: 0, formulaChars: 0, textChars: 0 },
  };

  const sheets: SheetSnapshot[] = [];
  info.sheets.forEach((ref, index) => {
    const rel = rels.get(ref.rid);
    const isWorksheet = rel !== undefined && /\/(worksheet|macrosheet|xlMacrosheet|xlIntlMacrosheet)$/.test(rel.type);
    if (rel === undefined || !isWorksheet) {
      // chart sheets, dialog sheets: present in the list, no cells
      sheets.push({ name: ref.name, index, visibility: ref.state, cells: [], merges: [] });
      return;
    }
    if (!pkg.has(rel.target)) throw new XlsxReadError('corrupt-zip', { part: rel.target, detail: `sheet "${ref.name}" part missing` });
    const sheet = readWorksheet(ctx, rel.target, ref.name, index, ref.state);
    const drawings = readDrawings(pkg, rel.target);
    sheets.push(drawings ? { ...sheet, drawings } : sheet);
  });

  const snapshot: WorkbookSnapshot = { sheets };
  if (sheets.some((s) => s.name === EXPLANATION_SHEET)) {
    return { sheets, explanations: readExplanationSheet(snapshot) };
  }
  return snapshot;
}

export { XlsxReadError } from './errors';
export type { XlsxReadErrorCode, LimitName } from './errors';
