/**
 * A fake Excel object model, in memory, as strict as the real host for the API subset in
 * `../api`. Every behaviour below comes from Microsoft's Excel JavaScript API reference or an
 * office-js issue; the table with the sources is in ../README.md.
 * - reading a property that was not loaded (and synced) throws `PropertyNotLoaded`;
 * - loads and writes are queued and run, in order, only at `context.sync()`; a load sees the
 *   workbook as it is at its place in the batch; loaded values arrive after the sync;
 * - every `sync()` is counted; a sync whose request or response would pass the payload limit
 *   (5 MB; estimate: the values' JSON in UTF-8 bytes plus ACTION_BYTES per queued action) fails with `RequestPayloadSizeLimitExceeded` /
 *   `ResponsePayloadSizeLimitExceeded`, as Excel on the web does (nothing of a refused request runs);
 * - an operation that fails aborts the rest of its batch (earlier operations stay applied);
 *   `getItem` of a missing sheet fails with `ItemNotFound`, writes to a protected sheet with
 *   `AccessDenied`, an API the host lacks (by `apiVersion` or `features`) with `ApiNotFound`;
 * - deleting a VeryHidden sheet fails with `InvalidOperation`;
 * - a context used after its run ended (a sync of objects kept from an earlier run) fails with
 *   `InvalidObjectPath`, unless a new run is given it (`RunOptions.previousObjects`);
 * - while the workbook's structure is protected, adding, deleting, hiding, showing or renaming a
 *   sheet fails (`AccessDenied`); cells stay writable;
 * - `getMergedAreasOrNullObject` fails over a range with more than 512 merged areas, and returns
 *   only the areas whose upper-left cell is in the range (office-js 3611);
 * - a note cannot be added to a cell that has a threaded comment; with `features.comments` false,
 *   `workbook.comments` fails with NotImplemented although ExcelApi 1.10 is claimed; with
 *   `features.notesRefused`, every note call fails with NotImplemented although ExcelApi 1.18 is
 *   claimed; with `features.noteShape` false (Excel on the web), loading a note's visible, height
 *   or width, by name or by a load of every property, fails (office-js 6198);
 * - WorksheetCollection.onChanged fires, after the batch, for value and format changes, the
 *   add-in's own included (`triggerSource: 'ThisLocalAddin'` from ExcelApi 1.14), unless the
 *   add-in switched `context.runtime.enableEvents` off;
 * - while the user edits a cell (`beginCellEdit`), a sync fails with
 *   `InvalidOperationInCellEditMode`, or waits for the edit to end when the run was given
 *   `delayForCellEdit: true` (ExcelApi 1.11);
 * - fills read back as Excel reads them (`fillQuirks`): no fill reads colour #FFFFFF and
 *   tintAndShade null; the pattern of no fill and of a solid fill may read null; a tinted colour
 *   reads as shown, with the tint applied;
 * - null in a 2-D array written to values, formulas or numberFormat leaves that cell as it is;
 *   '' clears the value or resets the format to General;
 * - a string longer than 32,767 characters (a cell's most) is refused (the code is the fake's);
 * - a string written into a cell that is not Text ('@') is taken as typed: a number, TRUE/FALSE,
 *   a formula ('=', '+', '-'), a date (its serial number and a date format); a Text cell keeps it.
 * Bundle-able for the browser: no Node built-ins.
 */
import type {
  XlChangedArgs,
  XlClientResult,
  XlComment,
  XlCommentCollection,
  XlContext,
  XlCustomXmlPart,
  XlCustomXmlPartCollection,
  XlCustomXmlPartScopedCollection,
  XlRunOptions,
  XlRuntime,
  XlEventResult,
  XlFill,
  XlNote,
  XlNoteCollection,
  XlRange,
  XlRangeAreas,
  XlBorderIndex,
  XlRangeBorder,
  XlRangeBorderCollection,
  XlRangeFont,
  XlRangeFormat,
  XlRequirements,
  XlRun,
  XlSetting,
  XlSettingCollection,
  XlWorkbook,
  XlWorkbookProtection,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
} from '../api';
import type { Range, WorkbookSnapshot } from '../../../core/snapshot/types';
import { fromA1, rangeFromA1, toA1 } from '../../../core/snapshot/a1';
import { shiftFormulaRows, shiftRange } from '../../../core/snapshot/insert-row';
import {
  NO_FILL,
  canonicalState,
  cellKey,
  cloneState,
  parseCellKey,
  plainText,
  stateFromSnapshot,
  type FakeBorderLine,
  type FakeCell,
  type FakeCellFormat,
  type FakeFileState,
  type FakeFill,
  type FakeSheetState,
  type FakeXmlPart,
} from './state';

export interface FakeFeatures {
  /** ExcelApi 1.18 notes. */
  notes: boolean;
  /** ExcelApi 1.13 getMergedAreasOrNullObject. */
  merges: boolean;
  /** ExcelApi 1.4 workbook settings. */
  settings: boolean;
  /**
   * Threaded comments implemented. false: the requirement set claims ExcelApi 1.10, yet
   * `workbook.comments` fails with NotImplemented, as some Excel builds do (office-js 1847).
   */
  comments: boolean;
  /**
   * Notes refused although ExcelApi 1.18 is claimed: every NoteCollection / Note call fails with
   * NotImplemented. No office-js thread shows this for notes; it is the failure office-js 1847 /
   * office-js-docs-pr 2006 show for comments, and isSetSupported is not always reliable
   * (office-js 1031). Default false.
   */
  notesRefused: boolean;
  /**
   * Note.visible, height and width implemented. false is Excel on the web: loading one of them,
   * by name or by a load of every property (`load()`, `load('items')`), fails (office-js 6198,
   * Excel.Interfaces.NoteData: "not supported in Excel on the web"). Default true.
   */
  noteShape: boolean;
}

/**
 * How fills read back (office-js 4900, 6218). Both default to true, as Excel reads them; false
 * gives the reading the reference alone suggests.
 */
export interface FillQuirks {
  /** `pattern` reads null for no fill and for a solid fill (instead of 'None' / 'Solid'). */
  readonly patternNull: boolean;
  /** `color` of a tinted fill reads the colour as shown (the tint applied), `tintAndShade` the tint. */
  readonly tintedColor: boolean;
}

export interface FakeOptions {
  readonly features?: Partial<FakeFeatures>;
  /** Bytes per request and per response; default 5 MB. */
  readonly payloadLimit?: number;
  /** The highest ExcelApi 1.x supported; default 18. */
  readonly apiVersion?: number;
  readonly fillQuirks?: Partial<FillQuirks>;
}

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const notLoaded = (prop: string): FakeOfficeError =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

const MERGED_AREAS_LIMIT = 512;
/** Request bytes per queued action (Office.js sends each as a JSON object of ids and names). */
export const ACTION_BYTES = 100;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly ok: boolean;
}

/** One running sync: collects what to hand back once it succeeds. */
interface Tx {
  commit(fn: () => void): void;
  respond(value: unknown): void;
  changed(sheet: FakeSheetState, rect: Rect, changeType?: ChangeType): void;
}

/** Excel.DataChangeType values the fake raises. */
type ChangeType = 'RangeEdited' | 'RowInserted';

/** The last column (XFD): a rect this wide is entire rows. */
const LAST_COL = 16383;

interface Op {
  readonly requestBytes: number;
  run(tx: Tx): void;
}

/**
 * Bytes of a value on the wire: its JSON in UTF-8 (a payload is bytes; a Chinese character is 3,
 * not the 1 a string's length counts).
 */
export function jsonSize(v: unknown): number {
  if (v === undefined) return 0;
  const json = JSON.stringify(v);
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c >= 0x800)
      bytes += c >= 0xd800 && c <= 0xdbff ? 1 : 2; // 3 bytes, or 4 for a surrogate pair (2 units)
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

function splitProps(props: string | string[] | undefined): string[] | undefined {
  if (props === undefined) return undefined;
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

function sheetAddressPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectA1(r: Rect): string {
  if (r.left === 0 && r.right === LAST_COL) return `${r.top + 1}:${r.bottom + 1}`;
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

function numberLike(s: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s.trim());
}

/** What a change event reports as its trigger: the user's own edit or this add-in's code. */
type Trigger = 'user' | 'addin';

/** The fake host: owns the workbook state, counts syncs, hands out contexts. */
export class FakeExcel {
  state: FakeFileState;
  readonly features: FakeFeatures;
  readonly payloadLimit: number;
  readonly apiVersion: number;
  readonly fillQuirks: FillQuirks;
  readonly syncs: SyncRecord[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  readonly handlers = new Set<(args: XlChangedArgs) => Promise<unknown>>();
  /** `context.runtime.enableEvents` (ExcelApi 1.8): shared by every run of this add-in. */
  eventsEnabled = true;
  /** Every change event delivered to the handlers, for tests. */
  readonly events: XlChangedArgs[] = [];
  /** Test hook: called as each sync starts, with the number of syncs before it (e.g. the user starts an edit). */
  beforeSync: ((syncsSoFar: number) => void) | null = null;
  private editEnd: { promise: Promise<void>; resolve: () => void } | null = null;

  constructor(state: FakeFileState, options: FakeOptions = {}) {
    this.state = cloneState(state);
    this.features = {
      notes: true,
      merges: true,
      settings: true,
      comments: true,
      notesRefused: false,
      noteShape: true,
      ...options.features,
    };
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.apiVersion = options.apiVersion ?? 18;
    this.fillQuirks = { patternNull: true, tintedColor: true, ...options.fillQuirks };
  }

  static fromSnapshot(snapshot: WorkbookSnapshot, options?: FakeOptions): FakeExcel {
    return new FakeExcel(stateFromSnapshot(snapshot), options);
  }

  /** "Reopens" a saved file: a new host over a copy of the saved state. */
  static open(saved: FakeFileState, options?: FakeOptions): FakeExcel {
    return new FakeExcel(saved, options);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** The file as saved: a deep copy of everything Excel would persist. */
  save(): FakeFileState {
    return cloneState(this.state);
  }

  /** A canonical copy for cell-for-cell comparison (values, formulas, formats, fills, notes, settings, XML parts). */
  dump(): Omit<FakeFileState, 'nextSheetId'> {
    return canonicalState(this.state);
  }

  /** Excel.run: a batch over a fresh context; like Excel.run, it syncs what the batch left queued. */
  readonly run: XlRun = async (batch, options) => {
    // RunOptions.previousObjects: the batch runs over that earlier context, live again while it runs
    const previous = options?.previousObjects;
    const context = previous instanceof FakeContext && previous.host === this ? previous : new FakeContext(this, options ?? {});
    context.closed = false;
    try {
      const result = await batch(context);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  };

  readonly requirements: XlRequirements = {
    isSetSupported: (name, minVersion = '1.1') => {
      if (name === 'SharedRuntime') return true;
      if (name !== 'ExcelApi') return false;
      const [maj, min] = minVersion.split('.').map(Number);
      if (maj !== 1 || min === undefined || !Number.isFinite(min) || min > this.apiVersion) return false;
      if (min >= 18 && !this.features.notes) return false;
      if (min >= 13 && !this.features.merges) return false;
      return true;
    },
  };

  sheet(name: string): FakeSheetState | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }

  sheetById(id: string): FakeSheetState | undefined {
    return this.state.sheets.find((s) => s.id === id);
  }

  /** The cell at an A1 address, or undefined when it was never written. */
  cell(sheet: string, a1: string): FakeCell | undefined {
    const p = fromA1(a1);
    const s = this.sheet(sheet);
    return p && s ? s.cells[cellKey(p.row, p.col)] : undefined;
  }

  /** Test set-up: changes the workbook directly, as the user would (no sync, no event). */
  setCell(sheet: string, a1: string, patch: Partial<FakeCell>): void {
    const s = this.sheet(sheet);
    const p = fromA1(a1);
    if (!s || !p) throw new Error(`fake: no cell ${sheet}!${a1}`);
    const key = cellKey(p.row, p.col);
    s.cells[key] = { ...(s.cells[key] ?? { value: null }), ...patch };
  }

  setNote(sheet: string, a1: string, content: string): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`fake: no sheet ${sheet}`);
    s.notes[a1] = content;
  }

  /** Test set-up: a threaded comment on a cell (ExcelApi 1.10). */
  setComment(sheet: string, a1: string, content: string): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`fake: no sheet ${sheet}`);
    (s.comments ??= {})[a1] = content;
  }

  /** A user edit: writes a value and fires onChanged, as typing into the cell would. */
  async userEdit(sheet: string, a1: string, value: string | number | null): Promise<void> {
    const s = this.sheet(sheet);
    const p = fromA1(a1);
    if (!s || !p) throw new Error(`fake: no cell ${sheet}!${a1}`);
    writeValue(s, p.row, p.col, value ?? ''); // null: the user deletes the content
    await this.fire(s, { top: p.row, left: p.col, bottom: p.row, right: p.col }, 'user');
  }

  /** The user starts typing in a cell (cell edit mode): syncs fail or wait until `endCellEdit`. */
  beginCellEdit(): void {
    if (this.editEnd) return;
    let resolve = (): void => undefined;
    const promise = new Promise<void>((r) => (resolve = r));
    this.editEnd = { promise, resolve };
  }

  /** The user leaves cell edit mode (Enter, Tab, Esc, another cell). */
  endCellEdit(): void {
    const e = this.editEnd;
    this.editEnd = null;
    e?.resolve();
  }

  get editing(): Promise<void> | null {
    return this.editEnd?.promise ?? null;
  }

  /** Raises onChanged for a change (dropped while this add-in's events are switched off). */
  async fire(sheet: FakeSheetState, rect: Rect, trigger: Trigger, changeType: ChangeType = 'RangeEdited'): Promise<void> {
    if (!this.eventsEnabled) return;
    const args: XlChangedArgs = {
      worksheetId: sheet.id,
      address: rectA1(rect),
      changeType,
      source: 'Local',
      ...(this.apiVersion >= 14 && { triggerSource: trigger === 'addin' ? 'ThisLocalAddin' : 'Unknown' }),
    };
    this.events.push(args);
    for (const h of [...this.handlers]) await h(args);
  }
}

/** The most characters a cell holds. */
const CELL_TEXT_MAX = 32767;

function writeValue(sheet: FakeSheetState, row: number, col: number, v: unknown): void {
  if (v === null) return; // null in the 2-D array leaves the cell as it is ('' clears it)
  if (typeof v === 'string' && v.length > CELL_TEXT_MAX) {
    // A cell holds at most 32,767 characters (Excel specifications and limits:
    // https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
    // What the API does with a longer string is not documented: the fake refuses it (the code is
    // the fake's; the adapter never writes one, and does not depend on the code).
    throw new FakeOfficeError('InvalidArgument', 'A cell can contain at most 32,767 characters.');
  }
  const key = cellKey(row, col);
  const cell: FakeCell = { ...(sheet.cells[key] ?? { value: null }) };
  delete cell.formula;
  delete cell.text;
  delete cell.error;
  if (v === undefined || v === '') cell.value = null;
  else if (typeof v === 'number' || typeof v === 'boolean') cell.value = v;
  else if (typeof v === 'string') {
    // a Text cell keeps what is written, '=' included
    if (cell.numberFormat === '@') cell.value = v;
    else Object.assign(cell, typedEntry(v));
  } else throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
  sheet.cells[key] = cell;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Excel's serial number of a date (1900 date system, days since 1899-12-30), or null for no such date. */
function dateSerial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (m < 1 || m > 12 || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d || y < 1900) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A date as en-US typing reads it: yyyy-m-d, m/d/yyyy (or yy), m/d and m-d (this year). */
function typedDate(t: string): Partial<FakeCell> | null {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  const us = iso ? null : /^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{4}|\d{2}))?$/.exec(t);
  if (!iso && !us) return null;
  const [yearText, mo, d] = iso ? [iso[1], Number(iso[2]), Number(iso[3])] : [us![3], Number(us![1]), Number(us![2])];
  const y0 = yearText === undefined ? new Date().getUTCFullYear() : Number(yearText);
  const y = y0 < 30 ? 2000 + y0 : y0 < 100 ? 1900 + y0 : y0;
  const serial = dateSerial(y, mo, d);
  if (serial === null) return null;
  return yearText === undefined
    ? { value: serial, numberFormat: 'd-mmm', text: `${d}-${MONTHS[mo - 1]!}` }
    : { value: serial, numberFormat: 'm/d/yyyy', text: `${mo}/${d}/${y}` };
}

/**
 * A string written through `values` or `formulas` into a cell that is not Text ('@') is taken as
 * typed, en-US (office-js 1559): '=' starts a formula, and so do '+' and '-' (Range.values: "If the
 * returned value starts with a plus, minus, or equal sign, Excel interprets this value as a
 * formula"; office-js 3256); a number or TRUE/FALSE becomes one; a date (2023-09-01, 9/1/2023,
 * 9/1, 9-1) becomes its serial number with a date format (office-js 229). The fake does not
 * calculate: a formula of '=' reads null, one of '+' or '-' over words reads #NAME?.
 */
function typedEntry(v: string): Partial<FakeCell> {
  if (v.startsWith('=') && v.length > 1) return { formula: v.slice(1), value: null };
  if (numberLike(v)) return { value: Number(v) };
  if (/^(true|false)$/i.test(v)) return { value: v.toUpperCase() === 'TRUE' };
  if (/^[+-]./.test(v)) return { formula: v, value: '#NAME?', error: true };
  const date = typedDate(v.trim());
  if (date) return date;
  return { value: v };
}

class FakeContext implements XlContext {
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  private ops: Op[] = [];

  constructor(
    readonly host: FakeExcel,
    readonly options: XlRunOptions,
  ) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  get pending(): number {
    return this.ops.length;
  }

  /** The run this context belongs to has ended (see sync). */
  closed = false;

  async sync(): Promise<void> {
    const host = this.host;
    if (this.closed) {
      // Excel.run releases the objects allocated during its batch when its promise resolves
      // (https://learn.microsoft.com/en-us/javascript/api/excel#excel-excel-run-function(1)); an
      // object used after that fails with InvalidObjectPath
      // (https://learn.microsoft.com/en-us/javascript/api/office/officeextension.trackedobjects).
      // The way back to a context is a new run given it (RunOptions.previousObjects), as Microsoft
      // removes an event handler: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler
      this.ops = [];
      throw new FakeOfficeError(
        'InvalidObjectPath',
        'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" method to manage the object\'s lifetime.',
      );
    }
    host.beforeSync?.(host.syncs.length);
    let editing = host.editing;
    while (editing) {
      // RunOptions.delayForCellEdit: the request waits for the edit to end; without it, it fails.
      if (!this.options.delayForCellEdit || host.apiVersion < 11) {
        this.ops = [];
        host.syncs.push({ requestBytes: 0, responseBytes: 0, ok: false });
        throw new FakeOfficeError(
          'InvalidOperationInCellEditMode',
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
        );
      }
      await editing;
      editing = host.editing;
    }
    const ops = this.ops;
    this.ops = [];
    const requestBytes = ops.reduce((n, o) => n + ACTION_BYTES + o.requestBytes, 0);
    if (requestBytes > host.payloadLimit) {
      host.syncs.push({ requestBytes, responseBytes: 0, ok: false });
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const commits: (() => void)[] = [];
    const changes: { sheet: FakeSheetState; rect: Rect; changeType?: ChangeType }[] = [];
    let responseBytes = 0;
    const tx: Tx = {
      commit: (fn) => commits.push(fn),
      respond: (value) => {
        responseBytes += jsonSize(value);
      },
      // Raised where the change is made: not while this add-in's events are switched off.
      changed: (sheet, rect, changeType) => {
        if (host.eventsEnabled) changes.push({ sheet, rect, ...(changeType && { changeType }) });
      },
    };
    let failure: { error: unknown } | undefined = undefined;
    try {
      for (const op of ops) op.run(tx);
    } catch (e) {
      failure = { error: e };
    }
    if (failure === undefined && responseBytes > host.payloadLimit) {
      failure = { error: new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.') };
    }
    host.syncs.push({ requestBytes, responseBytes, ok: failure === undefined });
    if (failure === undefined) for (const c of commits) c();
    if (changes.length > 0 && host.handlers.size > 0) {
      // Events arrive after the batch, asynchronously, as in Office (also for the part of a
      // failed batch that ran: those changes were made).
      setTimeout(() => {
        for (const ch of changes) void host.fire(ch.sheet, ch.rect, 'addin', ch.changeType);
      }, 0);
    }
    if (failure !== undefined) throw failure.error;
  }

  sheetOrThrow(id: string): FakeSheetState {
    const s = this.host.sheetById(id);
    if (!s) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
    return s;
  }

  /** A change to the workbook's structure (a sheet added, deleted, hidden, shown or renamed). */
  structureChange(): void {
    if (this.host.state.structureProtected === true) {
      throw new FakeOfficeError(
        'AccessDenied',
        "The workbook's structure is protected; sheets cannot be added, deleted, hidden or renamed.",
      );
    }
  }

  writable(id: string): FakeSheetState {
    const s = this.sheetOrThrow(id);
    if (s.protected) throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation.');
    return s;
  }

  need(feature: 'notes' | 'merges' | 'settings' | 'comments'): void {
    if (!this.host.features[feature]) {
      throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${feature}).`);
    }
  }

  /** Notes (ExcelApi 1.18): missing, or claimed and refused (`features.notesRefused`). */
  needNotes(): void {
    this.need('notes');
    if (this.host.features.notesRefused) throw new FakeOfficeError('NotImplemented', 'This operation is not implemented.');
  }

  /** ExcelApi 1.x, by the fake's `apiVersion`. */
  needApi(minor: number, what: string): void {
    if (this.host.apiVersion < minor) {
      throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${what}, ExcelApi 1.${minor}).`);
    }
  }
}

/**
 * A proxy object. `target` is bound by the operation that creates the proxy (at sync time) and
 * is null for a null object; loaded properties arrive when the sync succeeds.
 */
abstract class FakeObject<T> {
  protected target: T | null | undefined = undefined;
  private nullKnown: boolean | undefined = undefined;
  protected readonly loaded = new Map<string, unknown>();

  constructor(protected readonly ctx: FakeContext) {}

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw notLoaded('isNullObject');
    return this.nullKnown;
  }

  /** Binds the proxy; called by the op that creates it, or directly for a proxy born bound. */
  bindNow(tx: Tx | null, t: T | null): void {
    this.target = t;
    if (tx) tx.commit(() => (this.nullKnown = t === null));
    else this.nullKnown = t === null;
  }

  protected bound(): T | null {
    if (this.target === undefined) throw new Error('fake: proxy used before the operation that creates it');
    return this.target;
  }

  protected live(): T {
    const t = this.bound();
    if (t === null) throw new FakeOfficeError('InvalidOperation', 'The object is a null object.');
    return t;
  }

  protected prop(name: string): unknown {
    if (this.nullKnown === true) throw new Error(`fake: reading '${name}' of a null object; check isNullObject first`);
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name);
  }

  /** Queues an operation on the bound target (skipped on a null object, as Office does). */
  protected op(requestBytes: number, fn: (t: T, tx: Tx) => void): void {
    this.ctx.queue({
      requestBytes,
      run: (tx) => {
        const t = this.bound();
        if (t !== null) fn(t, tx);
      },
    });
  }

  /** Queues an operation that creates and binds a child proxy. */
  protected child<C, P extends FakeObject<C>>(proxy: P, resolve: (t: T) => C | null, nullIsError = false): P {
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        const t = this.bound();
        const c = t === null ? null : resolve(t);
        if (c === null && nullIsError) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
        proxy.bindNow(tx, c);
      },
    });
    return proxy;
  }

  protected abstract readonly props: readonly string[];
  protected abstract read(t: T, name: string): unknown;

  load(propertyNames?: string | string[]): this {
    const names = splitProps(propertyNames) ?? [...this.props];
    for (const n of names) if (!n.includes('/') && !this.props.includes(n)) throw new Error(`fake: unknown property '${n}'`);
    this.loadPaths(names.filter((n) => n.includes('/')));
    const plain = names.filter((n) => !n.includes('/'));
    this.op(0, (t, tx) => {
      for (const n of plain) {
        const v = this.read(t, n);
        tx.respond(v);
        tx.commit(() => this.loaded.set(n, v));
      }
    });
    return this;
  }

  /** Loads plain properties into an item of a collection load, within the running op. */
  loadFrom(tx: Tx, names: readonly string[]): void {
    for (const n of names) {
      if (!this.props.includes(n)) throw new Error(`fake: unknown property '${n}'`);
      const v = this.read(this.live(), n);
      tx.respond(v);
      tx.commit(() => this.loaded.set(n, v));
    }
  }

  /** Navigation paths (`protection/protected`); none by default. */
  protected loadPaths(paths: string[]): void {
    if (paths.length > 0) throw new Error(`fake: unsupported load path ${paths.join(',')}`);
  }
}

class FakeWorkbook implements XlWorkbook {
  /** The selected range: the last `select()`, else A1 of the active (or first visible) sheet. */
  getSelectedRange(): FakeRange {
    const range = new FakeRange(this.ctx);
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        const host = this.ctx.host;
        const sel = host.selection;
        const name = sel?.sheet ?? host.activeSheet ?? host.state.sheets.find((x) => x.visibility === 'Visible')?.name;
        const s = host.state.sheets.find((x) => x.name === name);
        if (!s) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
        range.bindNow(tx, { sheetId: s.id, rect: rangeFromA1(sel?.address ?? 'A1')! });
      },
    });
    return range;
  }

  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;
  readonly customXmlParts: FakeXmlPartCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(private readonly ctx: FakeContext) {
    this.protection = new FakeWorkbookProtection(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.notes = new FakeNoteCollection(ctx, null);
    this.comments = new FakeCommentCollection(ctx);
    this.customXmlParts = new FakeXmlPartCollection(ctx);
  }
}

/** `workbook.protection` (ExcelApi 1.7): whether the structure is protected. */
class FakeWorkbookProtection extends FakeObject<'workbook'> implements XlWorkbookProtection {
  protected readonly props = ['protected'] as const;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.bindNow(null, 'workbook');
  }
  protected read(): unknown {
    this.ctx.needApi(7, 'WorkbookProtection');
    return this.ctx.host.state.structureProtected === true;
  }
  get protected(): boolean {
    return this.prop('protected') as boolean;
  }
}

class FakeWorksheetCollection implements XlWorksheetCollection {
  private loadedItems: FakeWorksheet[] | undefined;
  readonly onChanged: XlWorksheetCollection['onChanged'];

  constructor(private readonly ctx: FakeContext) {
    this.onChanged = {
      add: (handler) => {
        ctx.queue({ requestBytes: 0, run: (tx) => tx.commit(() => ctx.host.handlers.add(handler)) });
        const result: XlEventResult = {
          context: ctx,
          remove: () => ctx.queue({ requestBytes: 0, run: (tx) => tx.commit(() => ctx.host.handlers.delete(handler)) }),
        };
        return result;
      },
    };
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  load(propertyNames?: string | string[]): this {
    const names = (splitProps(propertyNames) ?? ['name', 'position', 'visibility']).map((n) => n.replace(/^items\//, ''));
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        const items = this.ctx.host.state.sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx);
          ws.bindNow(null, s.id);
          return ws;
        });
        for (const ws of items) ws.loadFrom(tx, names);
        tx.commit(() => (this.loadedItems = items));
      },
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    return this.find(key, true);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this.find(key, false);
  }

  private find(key: string, required: boolean): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx);
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        const s = this.ctx.host.state.sheets.find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key);
        if (!s && required) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
        ws.bindNow(tx, s ? s.id : null);
      },
    });
    return ws;
  }

  add(name?: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx);
    this.ctx.queue({
      requestBytes: jsonSize(name),
      run: (tx) => {
        const host = this.ctx.host;
        this.ctx.structureChange();
        const n = name ?? `Sheet${host.state.nextSheetId}`;
        if (host.state.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase())) {
          throw new FakeOfficeError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
        }
        const id = `sheet${host.state.nextSheetId++}`;
        host.state.sheets.push({ id, name: n, visibility: 'Visible', protected: false, cells: {}, merges: [], notes: {} });
        ws.bindNow(tx, id);
      },
    });
    return ws;
  }
}

class FakeWorksheet extends FakeObject<string> implements XlWorksheet {
  protected readonly props = ['id', 'name', 'position', 'visibility'] as const;
  readonly protection: FakeProtection;
  readonly notes: FakeNoteCollection;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.protection = new FakeProtection(ctx, this);
    this.notes = new FakeNoteCollection(ctx, this);
  }

  /** The bound sheet id (for children); throws before binding. */
  sheetId(): string | null {
    return this.bound();
  }

  protected read(id: string, name: string): unknown {
    const s = this.ctx.sheetOrThrow(id);
    if (name === 'id') return s.id;
    if (name === 'name') return s.name;
    if (name === 'position') return this.ctx.host.state.sheets.indexOf(s);
    return s.visibility;
  }

  protected override loadPaths(paths: string[]): void {
    const prot = paths.filter((p) => p === 'protection/protected');
    if (prot.length !== paths.length) throw new Error(`fake: unsupported load path ${paths.join(',')}`);
    if (prot.length > 0) this.protection.load('protected');
  }

  /** Loads into an item of a collection load, within the running op (protection included). */
  override loadFrom(tx: Tx, names: readonly string[]): void {
    if (names.includes('protection/protected')) this.protection.loadNow(tx);
    super.loadFrom(
      tx,
      names.filter((n) => n !== 'protection/protected'),
    );
  }

  get id(): string {
    return this.prop('id') as string;
  }
  get name(): string {
    return this.prop('name') as string;
  }
  set name(v: string) {
    this.op(jsonSize(v), (id) => {
      const s = this.ctx.sheetOrThrow(id);
      this.ctx.structureChange();
      s.name = v;
    });
  }
  get position(): number {
    return this.prop('position') as number;
  }
  set position(_v: number) {
    throw new Error('fake: moving sheets is not supported');
  }
  get visibility(): string {
    return this.prop('visibility') as string;
  }
  set visibility(v: string) {
    this.op(jsonSize(v), (id) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', 'bad visibility');
      const s = this.ctx.sheetOrThrow(id);
      if (s.visibility === v) return;
      this.ctx.structureChange();
      s.visibility = v;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.child(new FakeRange(this.ctx), (id) => {
      const s = this.ctx.sheetOrThrow(id);
      let r: Rect | null = null;
      for (const [k, c] of Object.entries(s.cells)) {
        const empty = c.value === null && c.formula === undefined;
        if (valuesOnly && empty) continue;
        const { row, col } = parseCellKey(k);
        r = r
          ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) }
          : { top: row, left: col, bottom: row, right: col };
      }
      return r ? { sheetId: id, rect: r } : null;
    });
  }

  getRange(address?: string): FakeRange {
    return this.child(new FakeRange(this.ctx), (id) => {
      const rect = address === undefined ? null : rangeFromA1(address);
      if (!rect)
        throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${address ?? ''}).`);
      return { sheetId: id, rect };
    });
  }

  activate(): void {
    this.op(0, (id) => {
      const s = this.ctx.sheetOrThrow(id);
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden sheet.');
      this.ctx.host.activeSheet = s.name;
    });
  }

  delete(): void {
    this.op(0, (id) => {
      const st = this.ctx.host.state;
      const s = this.ctx.sheetOrThrow(id);
      this.ctx.structureChange();
      if (s.visibility === 'VeryHidden') {
        throw new FakeOfficeError('InvalidOperation', 'A very hidden worksheet cannot be deleted; make it hidden or visible first.');
      }
      if (st.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      st.sheets.splice(st.sheets.indexOf(s), 1);
    });
  }
}

class FakeProtection extends FakeObject<string> implements XlWorksheetProtection {
  protected readonly props = ['protected'] as const;
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected override bound(): string | null {
    return this.sheet.sheetId();
  }
  protected read(id: string): unknown {
    return this.ctx.sheetOrThrow(id).protected;
  }
  loadNow(tx: Tx): void {
    const id = this.bound();
    if (id === null) return;
    const v = this.read(id);
    tx.respond(v);
    tx.commit(() => this.loaded.set('protected', v));
  }
  get protected(): boolean {
    return this.prop('protected') as boolean;
  }
}

interface RangeTarget {
  sheetId: string;
  rect: Rect;
}

/**
 * Removes `keys` from `o` in place. `Reflect.deleteProperty` is the `delete` operator as a function (what
 * no-dynamic-delete leaves open for a record keyed by data); copying the record without the key instead cost a
 * pass over every note per `Note.delete()`, quadratic for a 清除标记 of thousands of notes.
 */
function deleteKeys(o: Record<string, unknown>, keys: Iterable<string>): void {
  for (const k of keys) Reflect.deleteProperty(o, k);
}

function eachCell(r: Rect, fn: (row: number, col: number, i: number, j: number) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col, row - r.top, col - r.left);
}

function grid<V>(r: Rect, fn: (c: FakeCell | undefined, row: number, col: number) => V, s: FakeSheetState): V[][] {
  const out: V[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: V[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(fn(s.cells[cellKey(row, col)], row, col));
    out.push(line);
  }
  return out;
}

function valueOf(c: FakeCell | undefined): string | number | boolean {
  return c?.value ?? '';
}

/**
 * Excel calculates a formula when it is written and shows its result. The fake calculates the one
 * function the add-in writes, `SUM(A1:B2)` over a range of the same sheet (numbers only, as Excel
 * ignores text and empty cells); any other formula keeps a null value, as before.
 */
function calculated(s: FakeSheetState, c: FakeCell | undefined, depth = 0): FakeCell | undefined {
  if (c?.formula === undefined || depth > 64) return c;
  const m = /^SUM\(\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)\)$/i.exec(c.formula);
  if (!m) return c;
  const r = rangeFromA1(`${m[1]}${m[2]}:${m[3]}${m[4]}`);
  if (!r) return c;
  let sum = 0;
  eachCell(r, (row, col) => {
    const x = calculated(s, s.cells[cellKey(row, col)], depth + 1);
    if (x && typeof x.value === 'number' && !x.error) sum += x.value;
  });
  return { ...c, value: sum };
}

function valueType(c: FakeCell | undefined): string {
  if (c?.value == null) return 'Empty';
  if (c.error) return 'Error';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

class FakeRange extends FakeObject<RangeTarget> implements XlRange {
  protected readonly props = [
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'values',
    'valueTypes',
    'text',
    'formulas',
    'numberFormat',
  ] as const;
  readonly format: FakeFormatProxy;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.format = new FakeFormatProxy(ctx, this);
  }

  rangeTarget(): RangeTarget | null {
    return this.bound();
  }

  protected read(t: RangeTarget, name: string): unknown {
    const s = this.ctx.sheetOrThrow(t.sheetId);
    const r = t.rect;
    switch (name) {
      case 'address':
        return `${sheetAddressPrefix(s.name)}!${rectA1(r)}`;
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
      case 'values':
        return grid(r, (c) => valueOf(calculated(s, c)), s);
      case 'valueTypes':
        return grid(r, (c) => valueType(calculated(s, c)), s);
      case 'text':
        return grid(
          r,
          (c) => {
            const x = calculated(s, c);
            return x ? (x.text ?? plainText(x.value)) : '';
          },
          s,
        );
      case 'formulas':
        return grid(r, (c) => (c?.formula !== undefined ? `=${c.formula}` : valueOf(c)), s);
      default:
        return grid(r, (c) => c?.numberFormat ?? 'General', s);
    }
  }

  get address(): string {
    return this.prop('address') as string;
  }
  get rowIndex(): number {
    return this.prop('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.prop('columnIndex') as number;
  }
  get rowCount(): number {
    return this.prop('rowCount') as number;
  }
  get columnCount(): number {
    return this.prop('columnCount') as number;
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes') as string[][];
  }
  get text(): string[][] {
    return this.prop('text') as string[][];
  }

  get values(): unknown[][] {
    return this.prop('values') as unknown[][];
  }
  set values(v: unknown[][]) {
    this.write(v, (s, row, col, x) => writeValue(s, row, col, x));
  }
  get formulas(): unknown[][] {
    return this.prop('formulas') as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.write(v, (s, row, col, x) => writeValue(s, row, col, x));
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat') as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.write(v, (s, row, col, x) => {
      if (x === null) return; // left as it is
      if (typeof x !== 'string') throw new FakeOfficeError('InvalidArgument', 'numberFormat must be a string');
      const key = cellKey(row, col);
      const cell: FakeCell = { ...(s.cells[key] ?? { value: null }) };
      if (x === 'General' || x === '') delete cell.numberFormat;
      else cell.numberFormat = x;
      s.cells[key] = cell;
    });
  }

  /** A value or format write: both raise onChanged. */
  private write(v: unknown[][], fn: (s: FakeSheetState, row: number, col: number, x: unknown) => void): void {
    const copy = v.map((line) => [...line]);
    this.op(jsonSize(copy), (t, tx) => {
      const s = this.ctx.writable(t.sheetId);
      const r = t.rect;
      if (copy.length !== r.bottom - r.top + 1 || copy.some((line) => line.length !== r.right - r.left + 1)) {
        throw new FakeOfficeError(
          'InvalidArgument',
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      eachCell(r, (row, col, i, j) => fn(s, row, col, copy[i]![j]));
      tx.changed(s, r);
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.ctx);
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        const t = this.bound();
        if (t === null) {
          areas.bindNow(tx, null);
          return;
        }
        this.ctx.need('merges');
        const s = this.ctx.sheetOrThrow(t.sheetId);
        const r = t.rect;
        // Only the merged areas whose upper-left cell is in the range, each whole (an area that merely
        // overlaps the range is not returned): https://github.com/OfficeDev/office-js/issues/3611
        const hits = s.merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
        if (hits.length > MERGED_AREAS_LIMIT) {
          throw new FakeOfficeError('GeneralException', 'There are too many merged areas in the range (more than 512).');
        }
        areas.bindNow(tx, hits.length === 0 ? null : { sheet: s.name, areas: hits });
      },
    });
    return areas;
  }

  /**
   * Merges the range into one area (ExcelApi 1.2). As in Excel, only the upper-left cell keeps its
   * value; merged areas the range overlaps become part of the new one.
   */
  merge(across?: boolean): void {
    if (across) throw new FakeOfficeError('InvalidArgument', 'The fake merges whole ranges only (across = false).');
    this.op(0, (t, tx) => {
      const s = this.ctx.writable(t.sheetId);
      const r = { ...t.rect };
      for (const m of s.merges) {
        if (m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left) {
          r.top = Math.min(r.top, m.top);
          r.left = Math.min(r.left, m.left);
          r.bottom = Math.max(r.bottom, m.bottom);
          r.right = Math.max(r.right, m.right);
        }
      }
      s.merges = s.merges.filter((m) => !(m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right));
      eachCell(r, (row, col) => {
        if (row === r.top && col === r.left) return;
        const c = s.cells[cellKey(row, col)];
        if (c) {
          const { value: _v, formula: _f, text: _t, error: _e, ...rest } = c;
          s.cells[cellKey(row, col)] = { ...rest, value: null };
        }
      });
      s.merges.push(r);
      tx.changed(s, r);
    });
  }

  /** The entire rows of the range (`5:5`). */
  getEntireRow(): FakeRange {
    return this.child(new FakeRange(this.ctx), (t) => ({
      sheetId: t.sheetId,
      rect: { top: t.rect.top, left: 0, bottom: t.rect.bottom, right: LAST_COL },
    }));
  }

  /**
   * Inserts cells (ExcelApi 1.1); the fake inserts entire rows only (`getEntireRow().insert('Down')`).
   * As Excel does: the rows at and below move down, with their values, formats, notes and merged
   * areas; a merged area the rows fall inside grows; every formula of the workbook that refers to
   * a moved row of this sheet follows it (a range whose end moved grows); the new rows take the
   * number format and fill of the row above (Excel's default, 'Format Same As Above'); a protected
   * sheet refuses with AccessDenied; onChanged reports `RowInserted` with the rows' address.
   */
  insert(shift: string): FakeRange {
    this.op(0, (t, tx) => {
      if (shift !== 'Down') throw new FakeOfficeError('InvalidArgument', 'The fake inserts entire rows only (shift: Down).');
      if (t.rect.left !== 0 || t.rect.right !== LAST_COL) {
        throw new FakeOfficeError('InvalidArgument', 'The fake inserts entire rows only (use getEntireRow()).');
      }
      insertRows(this.ctx, t, tx);
    });
    return this.child(new FakeRange(this.ctx), (t) => ({ sheetId: t.sheetId, rect: { ...t.rect } }));
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), for formats only (`copyType` 'Formats', Excel.RangeCopyType.formats:
   * "copies the formatting of the range, including font, color, and other format settings, but no
   * values"): each destination cell takes the number format, fill, font, alignment, wrap and borders of
   * the source cell at the same offset (a source cell without them resets them), keeping its value,
   * formula and note. "The destination will be expanded automatically if it is smaller than the source":
   * it is the source's size from its top-left cell. Not modelled, refused with InvalidArgument: other
   * copy types, skipBlanks, transpose, a destination larger than the source, a source that is not a
   * range (an address, RangeAreas). A protected destination sheet: AccessDenied. Raises onChanged (a format change).
   * Sources: https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1),
   * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-cut-copy-paste#copy-and-paste
   */
  copyFrom(sourceRange: FakeRange | FakeRangeAreas | string, copyType = 'All', skipBlanks = false, transpose = false): void {
    this.op(0, (t, tx) => {
      this.ctx.needApi(9, 'Range.copyFrom');
      if (copyType !== 'Formats' || skipBlanks || transpose || !(sourceRange instanceof FakeRange)) {
        throw new FakeOfficeError('InvalidArgument', 'The fake copies formats only, from a range, without skipBlanks or transpose.');
      }
      const src = sourceRange.rangeTarget();
      if (src === null) throw new FakeOfficeError('InvalidArgument', 'The source range is a null object.');
      const from = this.ctx.sheetOrThrow(src.sheetId);
      const s = this.ctx.writable(t.sheetId);
      const rows = src.rect.bottom - src.rect.top + 1;
      const cols = src.rect.right - src.rect.left + 1;
      if (t.rect.bottom - t.rect.top + 1 > rows || t.rect.right - t.rect.left + 1 > cols) {
        throw new FakeOfficeError('InvalidArgument', 'The fake copies into a destination no larger than the source.');
      }
      const rect = { top: t.rect.top, left: t.rect.left, bottom: t.rect.top + rows - 1, right: t.rect.left + cols - 1 };
      // read every source cell first: the source and the destination may overlap
      const formats: { numberFormat?: string; fill?: FakeFill; format?: FakeCellFormat }[] = [];
      eachCell(src.rect, (row, col) => {
        const c = from.cells[cellKey(row, col)];
        formats.push({
          ...(c?.numberFormat !== undefined && { numberFormat: c.numberFormat }),
          ...(c?.fill && { fill: { ...c.fill } }),
          ...(c?.format && { format: copyFormat(c.format) }),
        });
      });
      eachCell(rect, (row, col, i, j) => {
        const key = cellKey(row, col);
        const { numberFormat: _n, fill: _f, format: _fmt, ...kept } = s.cells[key] ?? { value: null };
        s.cells[key] = { ...kept, ...formats[i * cols + j]! };
      });
      tx.changed(s, rect);
    });
  }

  select(): void {
    this.op(0, (t) => {
      const s = this.ctx.sheetOrThrow(t.sheetId);
      if (this.ctx.host.activeSheet !== s.name) this.ctx.host.activeSheet = s.name;
      this.ctx.host.selection = { sheet: s.name, address: rectA1(t.rect) };
    });
  }

  clear(applyTo?: string): void {
    this.op(0, (t, tx) => {
      const s = this.ctx.writable(t.sheetId);
      const removed = new Set<string>();
      eachCell(t.rect, (row, col) => {
        const key = cellKey(row, col);
        const c = s.cells[key];
        if (!c) return;
        if (applyTo === 'Contents') {
          const { fill, numberFormat, format } = c;
          s.cells[key] = {
            value: null,
            ...(fill && { fill }),
            ...(numberFormat !== undefined && { numberFormat }),
            ...(format && { format }),
          };
        } else if (applyTo === 'Formats') {
          const { fill: _f, numberFormat: _n, format: _fmt, ...rest } = c;
          s.cells[key] = rest;
        } else removed.add(key);
      });
      deleteKeys(s.cells, removed);
      tx.changed(s, t.rect);
    });
  }
}

/** A deep copy of a cell's format (its border lines are objects of their own). */
function copyFormat(f: FakeCellFormat): FakeCellFormat {
  if (!f.borders) return { ...f };
  const borders: NonNullable<FakeCellFormat['borders']> = {};
  for (const [side, line] of Object.entries(f.borders)) borders[side as keyof typeof borders] = { ...line };
  return { ...f, borders };
}

/** Entire rows inserted at `t.rect` (see FakeRange.insert). */
function insertRows(ctx: FakeContext, t: RangeTarget, tx: Tx): void {
  const s = ctx.writable(t.sheetId);
  const at = t.rect.top;
  const n = t.rect.bottom - t.rect.top + 1;
  const moved: Record<string, FakeCell> = {};
  for (const [key, c] of Object.entries(s.cells)) {
    const p = parseCellKey(key);
    moved[p.row >= at ? cellKey(p.row + n, p.col) : key] = c;
  }
  // the new rows: the row above's number format and fill, nothing else
  if (at > 0) {
    for (const [key, c] of Object.entries(s.cells)) {
      const p = parseCellKey(key);
      if (p.row !== at - 1 || (c.numberFormat === undefined && c.fill === undefined)) continue;
      for (let r = at; r < at + n; r++) {
        moved[cellKey(r, p.col)] = {
          value: null,
          ...(c.numberFormat !== undefined && { numberFormat: c.numberFormat }),
          ...(c.fill && { fill: { ...c.fill } }),
        };
      }
    }
  }
  s.cells = moved;
  s.merges = s.merges.map((m) => shiftRange(m, at, n));
  const moveNotes = (notes: Record<string, string>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(notes).map(([a1, text]) => {
        const p = fromA1(a1);
        return [p && p.row >= at ? toA1(p.row + n, p.col) : a1, text];
      }),
    );
  s.notes = moveNotes(s.notes);
  if (s.comments) s.comments = moveNotes(s.comments);
  for (const sheet of ctx.host.state.sheets) {
    for (const c of Object.values(sheet.cells)) {
      if (c.formula !== undefined) c.formula = shiftFormulaRows(c.formula, sheet.name, { sheet: s.name, at, count: n });
    }
  }
  tx.changed(s, { top: at, left: 0, bottom: at + n - 1, right: LAST_COL }, 'RowInserted');
}

class FakeRangeAreas extends FakeObject<{ sheet: string; areas: Range[] }> implements XlRangeAreas {
  protected readonly props = ['address'] as const;
  protected read(t: { sheet: string; areas: Range[] }): unknown {
    const prefix = sheetAddressPrefix(t.sheet);
    return t.areas.map((a) => `${prefix}!${rectA1(a)}`).join(', ');
  }
  get address(): string {
    return this.prop('address') as string;
  }
}

/**
 * A fill property as Excel reads it back: no fill reads colour #FFFFFF and tintAndShade null
 * (office-js 4900, 6218); with `patternNull` the pattern of no fill and of a solid fill reads
 * null (4900); with `tintedColor` the colour reads as shown, the tint applied to the base.
 */
function readFill(f: FakeFill | undefined, name: keyof FakeFill, quirks: FillQuirks): unknown {
  const none = f === undefined || f.pattern === 'None';
  switch (name) {
    case 'pattern':
      if (none) return quirks.patternNull ? null : 'None';
      return quirks.patternNull && f.pattern === 'Solid' ? null : f.pattern;
    case 'color':
      if (none) return '#FFFFFF';
      return quirks.tintedColor && f.tintAndShade !== 0 ? applyTint(f.color, f.tintAndShade) : f.color;
    case 'patternColor':
      return none ? '#000000' : f.patternColor;
    default:
      return none ? null : f.tintAndShade;
  }
}

/** The tint of ECMA-376 §18.8.19 (lightness in HSL: darker towards 0, lighter towards 1). */
export function applyTint(hex: string, tint: number): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((x) => x / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let sat = 0;
  const l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    sat = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  const l2 = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  let rgb: number[];
  if (sat === 0) rgb = [l2, l2, l2];
  else {
    const q = l2 < 0.5 ? l2 * (1 + sat) : l2 + sat - l2 * sat;
    const p = 2 * l2 - q;
    rgb = [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  }
  return `#${rgb
    .map((x) =>
      Math.round(Math.min(1, Math.max(0, x)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase()}`;
}

/** A proxy on part of a range's format (its fill, font, a border line…): bound when the range is. */
abstract class FakeRangePart extends FakeObject<RangeTarget> {
  constructor(
    ctx: FakeContext,
    protected readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected override bound(): RangeTarget | null {
    return this.range.rangeTarget();
  }
}

class FakeFillProxy extends FakeRangePart implements XlFill {
  protected readonly props = ['color', 'pattern', 'patternColor', 'tintAndShade'] as const;
  protected read(t: RangeTarget, name: string): unknown {
    const s = this.ctx.sheetOrThrow(t.sheetId);
    let v: unknown = undefined;
    let first = true;
    eachCell(t.rect, (row, col) => {
      const x = readFill(s.cells[cellKey(row, col)]?.fill, name as keyof FakeFill, this.ctx.host.fillQuirks);
      if (first) v = x;
      else if (v !== x) v = null; // mixed, as Excel reports it
      first = false;
    });
    return v;
  }
  private set(patch: (f: FakeFill) => FakeFill | undefined, v: unknown): void {
    this.op(jsonSize(v), (t, tx) => {
      const s = this.ctx.writable(t.sheetId);
      eachCell(t.rect, (row, col) => {
        const key = cellKey(row, col);
        const cell: FakeCell = { ...(s.cells[key] ?? { value: null }) };
        const next = patch(cell.fill ?? NO_FILL);
        if (next === undefined || next.pattern === 'None') delete cell.fill;
        else cell.fill = next;
        s.cells[key] = cell;
      });
      tx.changed(s, t.rect);
    });
  }
  get color(): string {
    return this.prop('color') as string;
  }
  /** Sets the base colour; the tint stays (a cell without fill becomes a solid fill). */
  set color(v: string) {
    const c = v.toUpperCase();
    if (!/^#[0-9A-F]{6}$/.test(c)) throw new Error(`fake: colour must be #RRGGBB, got ${v}`);
    this.set((f) => ({ ...f, color: c, pattern: f.pattern === 'None' ? 'Solid' : f.pattern }), v);
  }
  get pattern(): string | null {
    return this.prop('pattern') as string | null;
  }
  set pattern(v: string | null) {
    if (v === null) throw new FakeOfficeError('InvalidArgument', 'The pattern cannot be null.');
    if (v.includes('Gradient')) throw new FakeOfficeError('InvalidArgument', 'Gradient patterns cannot be set.');
    this.set((f) => (v === 'None' ? undefined : { ...f, pattern: v }), v);
  }
  get patternColor(): string {
    return this.prop('patternColor') as string;
  }
  set patternColor(v: string) {
    this.set((f) => ({ ...f, patternColor: v.toUpperCase() }), v);
  }
  get tintAndShade(): number | null {
    return this.prop('tintAndShade') as number | null;
  }
  set tintAndShade(v: number | null) {
    if (typeof v !== 'number' || v < -1 || v > 1) throw new FakeOfficeError('InvalidArgument', 'tintAndShade must be between -1 and 1.');
    this.set((f) => ({ ...f, tintAndShade: v }), v);
  }
  clear(): void {
    this.set(() => undefined, null);
  }
}

/** Excel's default column width: 8.43 characters of Calibri 11, 64 pixels, 48 points. */
export const DEFAULT_COLUMN_WIDTH_PT = 48;

type Side = 'top' | 'bottom' | 'left' | 'right';
const OPPOSITE: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };
const NEIGHBOUR: Record<Side, [number, number]> = { top: [-1, 0], bottom: [1, 0], left: [0, -1], right: [0, 1] };

/** The cell sides a border index of a range stands for (Diagonal* are not modelled). */
function borderLines(index: string, r: Rect): { row: number; col: number; side: Side }[] {
  const out: { row: number; col: number; side: Side }[] = [];
  const along = (row: number, side: Side) => {
    for (let col = r.left; col <= r.right; col++) out.push({ row, col, side });
  };
  const down = (col: number, side: Side) => {
    for (let row = r.top; row <= r.bottom; row++) out.push({ row, col, side });
  };
  switch (index) {
    case 'EdgeTop':
      along(r.top, 'top');
      break;
    case 'EdgeBottom':
      along(r.bottom, 'bottom');
      break;
    case 'EdgeLeft':
      down(r.left, 'left');
      break;
    case 'EdgeRight':
      down(r.right, 'right');
      break;
    case 'InsideHorizontal':
      for (let row = r.top; row < r.bottom; row++) along(row, 'bottom');
      break;
    case 'InsideVertical':
      for (let col = r.left; col < r.right; col++) down(col, 'right');
      break;
    default:
      throw new Error(`fake: border ${index} is not modelled`);
  }
  return out;
}

/** The line on a cell's side as Excel reads it: the cell's own, else its neighbour's facing line. */
function lineAt(s: FakeSheetState, row: number, col: number, side: Side) {
  const own = s.cells[cellKey(row, col)]?.format?.borders?.[side];
  if (own) return own;
  const [dr, dc] = NEIGHBOUR[side];
  return s.cells[cellKey(row + dr, col + dc)]?.format?.borders?.[OPPOSITE[side]];
}

/** A copy of the cell with its format changed by `patch` (an empty format is dropped). */
type FormatPatch = { [K in keyof FakeCellFormat]?: FakeCellFormat[K] | undefined };

function withFormat(s: FakeSheetState, row: number, col: number, patch: (f: FakeCellFormat) => FormatPatch): void {
  const key = cellKey(row, col);
  const cell: FakeCell = { ...(s.cells[key] ?? { value: null }) };
  const patched = patch({ ...(cell.format ?? {}) });
  const next = Object.fromEntries(
    Object.entries(patched).filter(([k, v]) => v !== undefined && !(k === 'borders' && Object.keys(v as object).length === 0)),
  ) as FakeCellFormat;
  if (Object.keys(next).length === 0) delete cell.format;
  else cell.format = next;
  s.cells[key] = cell;
}

/** A cell's border lines without the one on `side`. */
function withoutSide(borders: FakeCellFormat['borders'], side: Side): NonNullable<FakeCellFormat['borders']> {
  return Object.fromEntries(Object.entries(borders ?? {}).filter(([k]) => k !== side));
}

/** One value for the whole range as Excel reports it: the common value, or null when mixed. */
function uniform<V>(values: V[]): V | null {
  const first = values[0];
  return values.every((v) => v === first) ? (first ?? null) : null;
}

/** Range.format: alignment, wrap, column width; the fill, font and borders beneath it. */
class FakeFormatProxy extends FakeRangePart implements XlRangeFormat {
  protected readonly props = ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'columnWidth'] as const;
  readonly fill: FakeFillProxy;
  readonly font: FakeFontProxy;
  readonly borders: FakeBorderCollection;
  constructor(ctx: FakeContext, range: FakeRange) {
    super(ctx, range);
    this.fill = new FakeFillProxy(ctx, range);
    this.font = new FakeFontProxy(ctx, range);
    this.borders = new FakeBorderCollection(ctx, range);
  }
  protected read(t: RangeTarget, name: string): unknown {
    const s = this.ctx.sheetOrThrow(t.sheetId);
    if (name === 'columnWidth') {
      const widths: number[] = [];
      for (let col = t.rect.left; col <= t.rect.right; col++) widths.push(s.columnWidths?.[col] ?? DEFAULT_COLUMN_WIDTH_PT);
      return uniform(widths);
    }
    const values: unknown[] = [];
    eachCell(t.rect, (row, col) => {
      const f = s.cells[cellKey(row, col)]?.format;
      if (name === 'horizontalAlignment') values.push(f?.horizontalAlignment ?? 'General');
      else if (name === 'verticalAlignment') values.push(f?.verticalAlignment ?? 'Bottom');
      else values.push(f?.wrapText ?? false);
    });
    return uniform(values);
  }
  private setCells(v: unknown, patch: (f: FakeCellFormat) => FormatPatch): void {
    this.op(jsonSize(v), (t, tx) => {
      const s = this.ctx.writable(t.sheetId);
      eachCell(t.rect, (row, col) => withFormat(s, row, col, patch));
      tx.changed(s, t.rect);
    });
  }
  get horizontalAlignment(): string {
    return this.prop('horizontalAlignment') as string;
  }
  set horizontalAlignment(v: string) {
    this.setCells(v, (f) => ({ ...f, horizontalAlignment: v === 'General' ? undefined : v }));
  }
  get verticalAlignment(): string {
    return this.prop('verticalAlignment') as string;
  }
  set verticalAlignment(v: string) {
    this.setCells(v, (f) => ({ ...f, verticalAlignment: v === 'Bottom' ? undefined : v }));
  }
  get wrapText(): boolean {
    return this.prop('wrapText') as boolean;
  }
  set wrapText(v: boolean) {
    this.setCells(v, (f) => ({ ...f, wrapText: v ? true : undefined }));
  }
  get columnWidth(): number {
    return this.prop('columnWidth') as number;
  }
  /** In points (ExcelApi 1.2), for every column the range spans. */
  set columnWidth(v: number) {
    if (typeof v !== 'number' || !(v >= 0)) throw new FakeOfficeError('InvalidArgument', 'The column width must be a number of points.');
    this.op(jsonSize(v), (t, tx) => {
      this.ctx.needApi(2, 'RangeFormat.columnWidth');
      const s = this.ctx.writable(t.sheetId);
      const widths = { ...(s.columnWidths ?? {}) };
      for (let col = t.rect.left; col <= t.rect.right; col++) widths[col] = v;
      s.columnWidths = widths;
      tx.changed(s, t.rect);
    });
  }
}

/** Range.format.font: `bold` only (reads null when the range is mixed). */
class FakeFontProxy extends FakeRangePart implements XlRangeFont {
  protected readonly props = ['bold'] as const;
  protected read(t: RangeTarget): unknown {
    const s = this.ctx.sheetOrThrow(t.sheetId);
    const values: boolean[] = [];
    eachCell(t.rect, (row, col) => values.push(s.cells[cellKey(row, col)]?.format?.bold ?? false));
    return uniform(values);
  }
  get bold(): boolean {
    return this.prop('bold') as boolean;
  }
  set bold(v: boolean) {
    this.op(jsonSize(v), (t, tx) => {
      const s = this.ctx.writable(t.sheetId);
      eachCell(t.rect, (row, col) => withFormat(s, row, col, (f) => ({ ...f, bold: v ? true : undefined })));
      tx.changed(s, t.rect);
    });
  }
}

class FakeBorderCollection implements XlRangeBorderCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {}
  getItem(index: XlBorderIndex): FakeBorderProxy {
    return new FakeBorderProxy(this.ctx, this.range, index);
  }
}

/**
 * One border line of a range. Setting a style other than 'None' keeps the weight (Thin when there
 * was none); setting a weight on a line without one makes it Continuous, as Excel does. Reads see a
 * line stored on either of the two cells it separates; a mixed range reads null.
 */
class FakeBorderProxy extends FakeRangePart implements XlRangeBorder {
  protected readonly props = ['sideIndex', 'style', 'weight'] as const;
  constructor(
    ctx: FakeContext,
    range: FakeRange,
    private readonly index: XlBorderIndex,
  ) {
    super(ctx, range);
  }
  protected read(t: RangeTarget, name: string): unknown {
    if (name === 'sideIndex') return this.index;
    const s = this.ctx.sheetOrThrow(t.sheetId);
    const lines = borderLines(this.index, t.rect).map((l) => lineAt(s, l.row, l.col, l.side));
    if (lines.length === 0) return name === 'style' ? 'None' : 'Thin';
    return uniform(lines.map((l) => (name === 'style' ? (l?.style ?? 'None') : (l?.weight ?? 'Thin'))));
  }
  private setLines(v: string, next: (line: FakeBorderLine | undefined) => FakeBorderLine | undefined): void {
    this.op(jsonSize(v), (t, tx) => {
      const s = this.ctx.writable(t.sheetId);
      for (const l of borderLines(this.index, t.rect)) {
        const line = next(lineAt(s, l.row, l.col, l.side));
        withFormat(s, l.row, l.col, (f) => {
          return { ...f, borders: { ...withoutSide(f.borders, l.side), ...(line && { [l.side]: line }) } };
        });
        // the facing line of the neighbour is the same line: it goes when this one is removed
        const [dr, dc] = NEIGHBOUR[l.side];
        const nb = s.cells[cellKey(l.row + dr, l.col + dc)]?.format?.borders?.[OPPOSITE[l.side]];
        if (nb && !line) {
          withFormat(s, l.row + dr, l.col + dc, (f) => {
            return { ...f, borders: withoutSide(f.borders, OPPOSITE[l.side]) };
          });
        }
      }
      tx.changed(s, t.rect);
    });
  }
  get sideIndex(): string {
    return this.prop('sideIndex') as string;
  }
  get style(): string {
    return this.prop('style') as string;
  }
  set style(v: string) {
    this.setLines(v, (line) => (v === 'None' ? undefined : { style: v, weight: line?.weight ?? 'Thin' }));
  }
  get weight(): string {
    return this.prop('weight') as string;
  }
  set weight(v: string) {
    if (!['Hairline', 'Thin', 'Medium', 'Thick'].includes(v)) throw new FakeOfficeError('InvalidArgument', `Invalid border weight ${v}.`);
    this.setLines(v, (line) => ({ style: line?.style ?? 'Continuous', weight: v }));
  }
}

interface NoteTarget {
  sheetId: string;
  a1: string;
}

class FakeNoteCollection implements XlNoteCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet | null,
  ) {}

  add(cellAddress: XlRange | string, content: string): void {
    this.ctx.queue({
      requestBytes: jsonSize(content),
      run: () => {
        this.ctx.needNotes();
        let target: NoteTarget;
        if (typeof cellAddress === 'string') {
          target = this.parse(cellAddress);
        } else {
          if (!(cellAddress instanceof FakeRange)) throw new TypeError('fake: the range is not one of this fake');
          const t = cellAddress.rangeTarget();
          if (t === null || t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right) {
            throw new FakeOfficeError('InvalidCellAddress', 'The cell address is invalid.');
          }
          target = { sheetId: t.sheetId, a1: toA1(t.rect.top, t.rect.left) };
        }
        const s = this.ctx.writable(target.sheetId);
        if (s.notes[target.a1] !== undefined) throw new FakeOfficeError('InvalidArgument', 'The cell already has a note.');
        if (s.comments?.[target.a1] !== undefined) {
          throw new FakeOfficeError('InvalidOperation', 'The cell has a threaded comment; a note cannot be added to it.');
        }
        s.notes[target.a1] = content;
      },
    });
  }

  private parse(address: string): NoteTarget {
    const bang = address.lastIndexOf('!');
    let sheetId: string | null;
    let a1 = address;
    if (bang >= 0) {
      const name = address
        .slice(0, bang)
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      a1 = address.slice(bang + 1);
      sheetId = this.ctx.host.sheet(name)?.id ?? null;
    } else sheetId = this.sheet ? this.sheet.sheetId() : null;
    const p = fromA1(a1);
    if (!sheetId || !p) throw new FakeOfficeError('InvalidCellAddress', 'The cell address is invalid.');
    return { sheetId, a1: toA1(p.row, p.col) };
  }

  /** The number of notes (of the sheet, or of the workbook). */
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        this.ctx.needNotes();
        const id = this.sheet ? this.sheet.sheetId() : undefined;
        const sheets = this.ctx.host.state.sheets.filter((s) => id === undefined || s.id === id);
        const n = sheets.reduce((sum, s) => sum + Object.keys(s.notes).length, 0);
        tx.respond(n);
        tx.commit(() => result.set(n));
      },
    });
    return result;
  }

  getItemOrNullObject(key: string): FakeNote {
    const note = new FakeNote(this.ctx);
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        this.ctx.needNotes();
        if (this.sheet?.sheetId() === null) {
          note.bindNow(tx, null);
          return;
        }
        const t = this.parse(key);
        const s = this.ctx.sheetOrThrow(t.sheetId);
        note.bindNow(tx, s.notes[t.a1] === undefined ? null : t);
      },
    });
    return note;
  }
}

/** Note properties Excel on the web does not support (Excel.Interfaces.NoteData; office-js 6198). */
const NOTE_SHAPE = new Set(['visible', 'height', 'width']);

class FakeNote extends FakeObject<NoteTarget> implements XlNote {
  /** As Excel.Note: a load without names loads them all (office-js 6198: `load('items')`). */
  protected readonly props = ['content', 'authorName', 'visible', 'height', 'width'] as const;
  protected read(t: NoteTarget, name: string): unknown {
    if (NOTE_SHAPE.has(name) && !this.ctx.host.features.noteShape) {
      // the error code is not in office-js 6198; this is the message office-js 6282 shows for a load of every property
      throw new FakeOfficeError('NotImplemented', 'This operation is not implemented.');
    }
    const content = this.ctx.sheetOrThrow(t.sheetId).notes[t.a1] ?? '';
    // the fake keeps no author, visibility or size: placeholders (hidden, as a new note is by default)
    if (name === 'authorName') return '';
    if (name === 'visible') return false;
    if (name === 'height' || name === 'width') return 0;
    return content;
  }
  get content(): string {
    return this.prop('content') as string;
  }
  set content(v: string) {
    this.op(jsonSize(v), (t) => {
      const s = this.ctx.writable(t.sheetId);
      if (s.notes[t.a1] === undefined) throw new FakeOfficeError('ItemNotFound', 'The note does not exist.');
      s.notes[t.a1] = v;
    });
  }
  delete(): void {
    this.op(0, (t) => {
      const s = this.ctx.writable(t.sheetId);
      deleteKeys(s.notes, [t.a1]);
    });
  }
}

class FakeSettingCollection implements XlSettingCollection {
  constructor(private readonly ctx: FakeContext) {}
  add(key: string, value: string): void {
    this.ctx.queue({
      requestBytes: jsonSize(value),
      run: () => {
        this.ctx.need('settings');
        this.ctx.host.state.settings[key] = JSON.parse(JSON.stringify(value)) as unknown;
      },
    });
  }
  getItemOrNullObject(key: string): FakeSetting {
    const s = new FakeSetting(this.ctx);
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        this.ctx.need('settings');
        s.bindNow(tx, Object.prototype.hasOwnProperty.call(this.ctx.host.state.settings, key) ? key : null);
      },
    });
    return s;
  }
}

class FakeSetting extends FakeObject<string> implements XlSetting {
  protected readonly props = ['key', 'value'] as const;
  protected read(key: string, name: string): unknown {
    return name === 'key' ? key : this.ctx.host.state.settings[key];
  }
  get value(): unknown {
    return this.prop('value');
  }
  set value(v: unknown) {
    this.op(jsonSize(v), (key) => (this.ctx.host.state.settings[key] = JSON.parse(JSON.stringify(v)) as unknown));
  }
  delete(): void {
    this.op(0, (key) => {
      const state = this.ctx.host.state;
      deleteKeys(state.settings, [key]);
    });
  }
}

/** `context.runtime` (ExcelApi 1.5); `enableEvents` (ExcelApi 1.8) at its place in the batch. */
class FakeRuntime implements XlRuntime {
  private loaded: boolean | undefined;
  constructor(private readonly ctx: FakeContext) {}
  load(propertyNames?: string | string[]): this {
    const names = splitProps(propertyNames) ?? ['enableEvents'];
    if (names.some((n) => n !== 'enableEvents')) throw new Error(`fake: unknown runtime property ${names.join(',')}`);
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        this.ctx.needApi(8, 'Runtime.enableEvents');
        const v = this.ctx.host.eventsEnabled;
        tx.respond(v);
        tx.commit(() => (this.loaded = v));
      },
    });
    return this;
  }
  get enableEvents(): boolean {
    if (this.loaded === undefined) throw notLoaded('enableEvents');
    return this.loaded;
  }
  set enableEvents(v: boolean) {
    this.ctx.queue({
      requestBytes: 8,
      run: () => {
        this.ctx.needApi(8, 'Runtime.enableEvents');
        this.ctx.host.eventsEnabled = v;
      },
    });
  }
}

interface CommentTarget {
  sheetId: string;
  a1: string;
}

/** `workbook.comments` (ExcelApi 1.10): the threaded comments. */
class FakeCommentCollection implements XlCommentCollection {
  private loadedItems: FakeComment[] | undefined;
  constructor(private readonly ctx: FakeContext) {}
  get items(): FakeComment[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  load(): this {
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        this.ctx.needApi(10, 'CommentCollection');
        if (!this.ctx.host.features.comments) throw new FakeOfficeError('NotImplemented', 'This operation is not implemented.');
        const items: FakeComment[] = [];
        for (const s of this.ctx.host.state.sheets) {
          for (const [a1, content] of Object.entries(s.comments ?? {})) {
            const c = new FakeComment(this.ctx);
            c.bindNow(null, { sheetId: s.id, a1 });
            tx.respond(content);
            items.push(c);
          }
        }
        tx.commit(() => (this.loadedItems = items));
      },
    });
    return this;
  }
}

class FakeComment extends FakeObject<CommentTarget> implements XlComment {
  protected readonly props = ['content'] as const;
  protected read(t: CommentTarget): unknown {
    return this.ctx.sheetOrThrow(t.sheetId).comments?.[t.a1] ?? '';
  }
  getLocation(): FakeRange {
    return this.child(new FakeRange(this.ctx), (t) => {
      const p = fromA1(t.a1)!;
      return { sheetId: t.sheetId, rect: { top: p.row, left: p.col, bottom: p.row, right: p.col } };
    });
  }
}

/** A value that arrives at the next sync (`OfficeExtension.ClientResult`). */
class FakeClientResult<T> implements XlClientResult<T> {
  private v: { value: T } | undefined;
  set(value: T): void {
    this.v = { value };
  }
  get value(): T {
    if (!this.v) throw notLoaded('value');
    return this.v.value;
  }
}

const xmlNamespace = (xml: string): string => /^\s*(?:<\?xml[^>]*\?>\s*)?<[^\s>/]+[^>]*?\sxmlns="([^"]*)"/.exec(xml)?.[1] ?? '';

/** `workbook.customXmlParts` (ExcelApi 1.5). */
class FakeXmlPartCollection implements XlCustomXmlPartCollection {
  constructor(private readonly ctx: FakeContext) {}
  private parts(): FakeXmlPart[] {
    return (this.ctx.host.state.xmlParts ??= []);
  }
  /** Queues an op that binds a part proxy to the id `resolve` returns (at sync). */
  private bound(requestBytes: number, resolve: () => string): FakeXmlPartProxy {
    const part = new FakeXmlPartProxy(this.ctx);
    this.ctx.queue({
      requestBytes,
      run: (tx) => {
        this.ctx.needApi(5, 'CustomXmlPartCollection');
        part.bindNow(tx, resolve());
      },
    });
    return part;
  }
  add(xml: string): FakeXmlPartProxy {
    return this.bound(jsonSize(xml), () => {
      if (!/^\s*(<\?xml[^>]*\?>\s*)?<[A-Za-z_][^>]*>[\s\S]*<\/[^>]+>\s*$|^\s*<[A-Za-z_][^>]*\/>\s*$/.test(xml)) {
        throw new FakeOfficeError('InvalidArgument', 'The XML is not well formed.');
      }
      const id = `{${String(this.ctx.host.state.nextSheetId++).padStart(8, '0')}-0000-0000-0000-000000000000}`;
      this.parts().push({ id, namespaceUri: xmlNamespace(xml), xml });
      return id;
    });
  }
  getItem(id: string): FakeXmlPartProxy {
    return this.bound(jsonSize(id), () => {
      if (!this.parts().some((p) => p.id === id)) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
      return id;
    });
  }
  getByNamespace(namespaceUri: string): FakeXmlPartScoped {
    return new FakeXmlPartScoped(this.ctx, namespaceUri);
  }
}

class FakeXmlPartScoped implements XlCustomXmlPartScopedCollection {
  private loadedItems: FakeXmlPartProxy[] | undefined;
  constructor(
    private readonly ctx: FakeContext,
    private readonly namespaceUri: string,
  ) {}
  get items(): FakeXmlPartProxy[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  load(propertyNames?: string | string[]): this {
    const names = (splitProps(propertyNames) ?? ['id']).map((n) => n.replace(/^items\//, ''));
    this.ctx.queue({
      requestBytes: 0,
      run: (tx) => {
        this.ctx.needApi(5, 'CustomXmlPartCollection');
        const items = (this.ctx.host.state.xmlParts ?? [])
          .filter((p) => p.namespaceUri === this.namespaceUri)
          .map((p) => {
            const proxy = new FakeXmlPartProxy(this.ctx);
            proxy.bindNow(null, p.id);
            proxy.loadFrom(tx, names);
            return proxy;
          });
        tx.commit(() => (this.loadedItems = items));
      },
    });
    return this;
  }
}

class FakeXmlPartProxy extends FakeObject<string> implements XlCustomXmlPart {
  protected readonly props = ['id', 'namespaceUri'] as const;
  private part(id: string): FakeXmlPart {
    const p = (this.ctx.host.state.xmlParts ?? []).find((x) => x.id === id);
    if (!p) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
    return p;
  }
  protected read(id: string, name: string): unknown {
    const p = this.part(id);
    return name === 'id' ? p.id : p.namespaceUri;
  }
  get id(): string {
    return this.prop('id') as string;
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.op(0, (id, tx) => {
      const xml = this.part(id).xml;
      tx.respond(xml);
      tx.commit(() => result.set(xml));
    });
    return result;
  }
  delete(): void {
    this.op(0, (id) => {
      const parts = this.ctx.host.state.xmlParts ?? [];
      parts.splice(parts.indexOf(this.part(id)), 1);
    });
  }
}
