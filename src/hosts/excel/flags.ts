/**
 * Flags in place, removable exactly (SPEC §5).
 *
 * flag(): 3 syncs whatever the number of sheets: (1) the record, the sheet list, whether notes
 * work (claimed but refused: the run flags by fill only) and where threaded comments are,
 * (2) the current fill and note of every cell to flag or to unflag, (3) ONE write batch: the
 * record, fills, notes. Only a cell that is not already as the check wants it is written, so a
 * re-check that finds the same writes nothing (and fires no change event). Each touched cell's
 * original fill and note are recorded in the workbook in the same batch as the flags (first, so
 * a batch that fails half way leaves nothing unrecorded). More
 * syncs only where Excel needs them, never per sheet: a record kept in XML parts (one read), a
 * tinted fill (one sync to learn its colour before the tint), past thousands of cells or 4 MB
 * (Excel on the web refuses requests over 5 MB; a refused batch is halved and retried), and a
 * cell that refuses a write (the batch is re-read and halved until that cell is alone; it is
 * reported, the rest is written).
 *
 * Fills are read as Excel reads them (office-js 4900, 6218): no fill and a white fill both
 * read #FFFFFF, told apart by tintAndShade (null only for no fill); the pattern may read null,
 * and is then never changed; a tinted colour reads as shown, so its colour before the tint is
 * read with the tint set to 0 for a moment and put back, and the restore writes that colour
 * and then the tint. A gradient is never touched.
 *
 * clearFlags(): 3 syncs: record, current state, restore. A cell is restored only where it
 * still shows what the add-in put there: a fill or note the user changed since is left alone
 * (and reported), so clearing removes exactly what was added.
 *
 * A value filled in by the add-in (填入) is marked on its cell, in its own colour and with a
 * note saying what was filled and from where, while the cell still holds that value; the mark
 * is recorded and cleared like a flag (the value itself is the user's to undo).
 */
import { fromA1 } from '../../core/snapshot/a1';
import type { Finding, Lang, Severity } from '../../core/rules/types';
import {
  isCellEditError,
  type XlCommentCollection,
  type XlContext,
  type XlFill,
  type XlNote,
  type XlRange,
  type XlWorksheet,
  type XlWorksheetCollection,
} from './api';
import { runUnits, type Unit } from './batches';
import type { HostCaps } from './caps';
import {
  queueRecordRead,
  recordUnits,
  cellText,
  textHash,
  type FilledMark,
  type FlagEntry,
  type FlagRecord,
  type RecordCache,
  type RecordPlace,
  type RecordRead,
  type SavedFill,
} from './record';

/** Fill colours by severity (Excel's own "bad / neutral" styles, and a light blue); a filled value is "good" green. */
export const FLAG_COLORS: Readonly<Record<Severity | 'filled', string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
  filled: '#C6EFCE',
};

export const NOTE_HEADER = '【预算公开检查 disclosure-check】';
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Cells per batch, and estimated request bytes per write batch: under Excel on the web's 5 MB. */
export const CELLS_PER_READ_BATCH = 4000;
export const CELLS_PER_WRITE_BATCH = 2000;
export const WRITE_BATCH_BYTES = 4 * 1024 * 1024;
/** Estimated bytes of the operations of one cell (ids, names); notes count 3 bytes a character (UTF-8). */
const CELL_BYTES = 600;

/** What could not be done on one cell, and why. */
export interface NotDone {
  readonly sheet: string;
  readonly cell: string;
  /** The part left undone: the fill, the note, or the whole cell. */
  readonly what: 'fill' | 'note' | 'cell';
  /** 'comment': the cell has a threaded comment (Excel allows no note beside it). */
  readonly reason: 'comment' | 'too-large' | 'refused';
  /** Excel's error code, when there was one. */
  readonly code?: string;
}

export interface FlagResult {
  /** Cells flagged. */
  readonly flagged: number;
  /** Protected sheets whose findings could not be flagged (the findings are still reported). */
  readonly protectedSheets: readonly string[];
  /** Findings whose sheet or cell does not exist. */
  readonly unplaced: number;
  /** Whether notes were written (ExcelApi 1.18); otherwise the messages are in the pane only. */
  readonly notes: boolean;
  /** Excel claims ExcelApi 1.18 yet refused notes: the cells were flagged by fill only. */
  readonly notesRefused?: boolean;
  /** Cells marked as filled by the add-in. */
  readonly filled: number;
  /** What was not done, cell by cell (the rest was). */
  readonly notDone: readonly NotDone[];
  /** Why nothing was flagged, when the whole run failed (one sentence; set by the host). */
  readonly error?: string;
}

export interface ClearResult {
  readonly restored: number;
  /** Cells left as they are because the user changed them since, or their sheet is gone or protected. */
  readonly skipped: readonly {
    readonly sheet: string;
    readonly cell: string;
    readonly reason: 'changed' | 'missing-sheet' | 'protected';
  }[];
  /** Cells Excel refused to restore (kept in the record for the next 清除标记). */
  readonly notDone: readonly NotDone[];
  /**
   * Cells whose note (added by the add-in) is still there because this Excel has or accepts no
   * notes: their fill is back, the note stays recorded for a 清除标记 where notes work.
   */
  readonly notesLeft?: number;
  /** Excel claims ExcelApi 1.18 yet refused notes. */
  readonly notesRefused?: boolean;
  /** Why nothing was cleared, when the whole run failed (set by the host). */
  readonly error?: string;
}

export interface FlagOptions {
  /** Values the add-in just filled in (填入), to mark on their cells. */
  readonly filled?: readonly FilledMark[];
  /** Language of the notes of filled values (the findings' messages come in their own). */
  readonly lang?: Lang;
  /** The record last written in XML parts (kept by the host: no re-read in a session). */
  readonly cache?: RecordCache;
}

interface Target {
  readonly sheet: string;
  readonly cell: string;
  severity: Severity | null;
  readonly messages: string[];
  filled?: FilledMark | undefined;
}

const keyOf = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;
const same = (a: string | null | undefined, b: string | null | undefined): boolean => (a ?? '').toUpperCase() === (b ?? '').toUpperCase();

function filledText(m: Omit<FilledMark, 'sheet' | 'cell'>, lang: Lang): string {
  const code = m.rule.startsWith('school-code');
  if (lang === 'en') {
    const what = code ? `School code ${m.value} filled in` : `${m.value} filled in`;
    const from = m.source ? ` (from the school registry "${m.source}"${m.sourceFile ? ` in "${m.sourceFile}"` : ''})` : '';
    return `${what}${from} by the check.`;
  }
  const what = code ? `已填入学校代码 ${m.value}` : `已填入 ${m.value}`;
  const from = m.source ? `（来自${m.sourceFile ? `“${m.sourceFile}”的` : ''}学校名册“${m.source}”）` : '';
  return `${what}${from}`;
}

function noteText(t: Target, lang: Lang): string {
  const lines = [...t.messages];
  if (t.filled) lines.push(filledText(t.filled, lang));
  return `${NOTE_HEADER}\n${lines.join('\n')}`;
}

const colorOf = (t: Target): string => (t.severity !== null ? FLAG_COLORS[t.severity] : FLAG_COLORS.filled);

/** A cell's fill as Excel read it. */
interface FillRead {
  readonly none: boolean;
  readonly gradient: boolean;
  readonly pattern: string | null;
  readonly color: string;
  readonly patternColor: string | null;
  readonly tint: number | null;
}

function fillRead(f: XlFill): FillRead {
  const pattern = f.pattern;
  const tint = f.tintAndShade;
  return {
    none: pattern === 'None' || (pattern === null && tint === null),
    gradient: /Gradient/i.test(pattern ?? ''),
    pattern,
    color: f.color,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- XlFill types it string, but Excel may read no colour (like pattern, office-js 4900); kept as null
    patternColor: f.patternColor ?? null,
    tint,
  };
}

interface CellProbe {
  readonly fill: XlFill;
  readonly note: XlNote | null;
  /** Loaded for cells marked as filled: does the cell still hold the value? */
  readonly range: XlRange | null;
}

function probe(sheet: XlWorksheet, cell: string, caps: HostCaps, withValue: boolean): CellProbe {
  const range = sheet.getRange(cell);
  const fill = range.format.fill;
  fill.load('pattern,color,patternColor,tintAndShade');
  let note: XlNote | null = null;
  if (caps.notes) {
    note = sheet.notes.getItemOrNullObject(cell);
    note.load('content');
  }
  if (withValue) range.load('values');
  return { fill, note, range: withValue ? range : null };
}

const noteOf = (p: CellProbe): string | undefined => (p.note === null || p.note.isNullObject ? undefined : p.note.content);

/** Whether the cell still shows the add-in's fill (our colour, untinted). */
function fillIsOurs(e: FlagEntry, f: FillRead): boolean {
  return e.fill === undefined || (!f.none && !f.gradient && same(f.color, e.color) && f.tint === 0);
}

function noteIsOurs(e: FlagEntry, current: string | undefined): boolean {
  if (!e.note) return true;
  if (current === undefined) return false;
  return e.note.hash !== undefined ? textHash(current) === e.note.hash : current === e.note.written;
}

function savedFill(f: FillRead, base: string | undefined): SavedFill {
  if (f.none) return { pattern: 'None' };
  const patterned = f.pattern !== null && f.pattern !== 'Solid';
  return {
    pattern: f.pattern,
    color: base ?? f.color,
    ...(patterned && { patternColor: f.patternColor }),
    tintAndShade: f.tint ?? 0,
  };
}

/** Queues putting a recorded fill back: pattern (if ours changed it), colour, then tint. */
function queueFillRestore(fill: XlFill, f: SavedFill): void {
  if (f.pattern === 'None' || typeof f.color !== 'string') {
    fill.clear();
    return;
  }
  const patterned = typeof f.pattern === 'string' && f.pattern !== 'Solid';
  if (patterned) fill.pattern = f.pattern;
  fill.color = f.color;
  if (patterned && typeof f.patternColor === 'string') fill.patternColor = f.patternColor;
  if (typeof f.tintAndShade === 'number' && f.tintAndShade !== 0) fill.tintAndShade = f.tintAndShade;
}

/**
 * The unit restoring one cell's recorded fill and note (where they are still ours); refused,
 * it is named and `refused()` keeps the entry for a later 清除标记.
 */
function restoreUnit(
  sheet: XlWorksheet,
  e: FlagEntry,
  caps: HostCaps,
  parts: { fill: boolean; note: boolean },
  notDone: NotDone[],
  refused: () => void,
): Unit {
  return {
    bytes: CELL_BYTES + 3 * (e.note?.original?.length ?? 0),
    queue: () => {
      if (e.fill && parts.fill) queueFillRestore(sheet.getRange(e.cell).format.fill, e.fill);
      if (e.note && caps.notes && parts.note) {
        const note = sheet.notes.getItemOrNullObject(e.cell);
        if (e.note.original !== undefined) note.content = e.note.original;
        else note.delete();
      }
    },
    fail: (err) => {
      const code = codeOf(err);
      notDone.push({ sheet: e.sheet, cell: e.cell, what: 'cell', reason: 'refused', ...(code && { code }) });
      refused();
    },
  };
}

function targetsOf(findings: readonly Finding[]): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const f of findings) {
    const p = fromA1(f.cell);
    if (!p) continue;
    const k = keyOf(f.sheet, f.cell);
    const t = targets.get(k);
    if (!t) targets.set(k, { sheet: f.sheet, cell: f.cell, severity: f.severity, messages: [f.message] });
    else {
      if (t.severity === null || RANK[f.severity] < RANK[t.severity]) t.severity = f.severity;
      if (!t.messages.includes(f.message)) t.messages.push(f.message);
    }
  }
  return targets;
}

/** `Sheet1!A1` or `'a b'!A1` → sheet and cell. */
export function splitAddress(address: string): { sheet: string; cell: string } | null {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return null;
  const raw = address.slice(0, bang);
  const sheet = /^'.*'$/.test(raw) ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  const cell = address
    .slice(bang + 1)
    .replace(/\$/g, '')
    .split(':')[0]!;
  return { sheet, cell };
}

/** Probes cells in batches (halved when Excel refuses the response as too large). */
async function probeAll(
  context: XlContext,
  cells: readonly { sheet: string; cell: string; withValue?: boolean }[],
  sheetByName: ReadonlyMap<string, XlWorksheet>,
  caps: HostCaps,
  extra: Unit[] = [],
): Promise<{ probes: Map<string, CellProbe>; failed: Map<string, string> }> {
  const probes = new Map<string, CellProbe>();
  const failed = new Map<string, string>();
  const units: Unit[] = cells.map((c) => {
    const k = keyOf(c.sheet, c.cell);
    let p: CellProbe | null = null;
    return {
      bytes: 300,
      queue: () => void (p = probe(sheetByName.get(c.sheet)!, c.cell, caps, c.withValue === true)),
      done: () => {
        if (p) probes.set(k, p);
      },
      fail: (e) => void failed.set(k, codeOf(e)),
    };
  });
  if (units.length + extra.length > 0)
    await runUnits(context, [...extra, ...units], { maxUnits: CELLS_PER_READ_BATCH, maxBytes: WRITE_BATCH_BYTES });
  return { probes, failed };
}

const codeOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';

/** The wanted state of one flagged cell, and what is recorded for it. */
interface CellPlan {
  readonly target: Target;
  readonly sheet: XlWorksheet;
  /** Our colour, when the fill is ours to set (not a gradient). */
  readonly color?: string;
  /** Set the pattern to Solid (the original had a known other pattern). */
  readonly solid: boolean;
  /** The note to show (absent: notes unavailable or the cell has a threaded comment). */
  readonly note?: string;
  readonly entry: FlagEntry;
  readonly undone: Set<'fill' | 'note'>;
}

/** The units still needed to bring a cell to its plan, from its current state. */
function planUnits(context: XlContext, plan: CellPlan, p: CellProbe, notDone: NotDone[]): Unit[] {
  const f = fillRead(p.fill);
  const current = noteOf(p);
  const fillOk =
    plan.color === undefined ||
    (!f.none && same(f.color, plan.color) && f.tint === 0 && (!plan.solid || f.pattern === 'Solid' || f.pattern === null));
  const noteOk = plan.note === undefined || current === plan.note;
  const parts: ('fill' | 'note')[] = [...(fillOk ? [] : ['fill' as const]), ...(noteOk ? [] : ['note' as const])];
  if (parts.length === 0) return [];
  const { sheet, target } = plan;
  const unit = (which: readonly ('fill' | 'note')[]): Unit => ({
    bytes: CELL_BYTES + (which.includes('note') ? 3 * (plan.note?.length ?? 0) : 0),
    queue: () => {
      const range = sheet.getRange(target.cell);
      if (which.includes('fill')) {
        const fill = range.format.fill;
        if (plan.solid) fill.pattern = 'Solid';
        fill.color = plan.color!;
        if (f.tint !== 0 && f.tint !== null) fill.tintAndShade = 0;
      }
      if (which.includes('note')) {
        if (current === undefined) context.workbook.notes.add(range, plan.note!);
        else sheet.notes.getItemOrNullObject(target.cell).content = plan.note!;
      }
    },
    ...(which.length > 1 && { split: () => which.map((w) => unit([w])) }),
    fail: (e) => {
      for (const w of which) plan.undone.add(w);
      const code = codeOf(e);
      const reason = code.includes('PayloadSizeLimit') ? 'too-large' : 'refused';
      for (const w of which) notDone.push({ sheet: target.sheet, cell: target.cell, what: w, reason, ...(code && { code }) });
    },
  });
  return [unit(parts)];
}

/** The entry as done: without the parts Excel refused. */
function doneEntry(plan: CellPlan): FlagEntry {
  const { fill, color, note, ...rest } = plan.entry;
  return {
    ...rest,
    ...(fill && !plan.undone.has('fill') && { fill, color }),
    ...(note && !plan.undone.has('note') && { note }),
  };
}

/** Events off around the add-in's writes (ExcelApi 1.8), back on at the end. */
function eventSwitch(context: XlContext, caps: HostCaps): { prefix?: () => void; suffix?: () => void; restore: () => Promise<void> } {
  if (!caps.events) return { restore: async () => undefined };
  return {
    prefix: () => void (context.runtime.enableEvents = false),
    suffix: () => void (context.runtime.enableEvents = true),
    restore: async () => {
      try {
        context.runtime.enableEvents = true;
        await context.sync();
      } catch {
        // the next write switches them back on
      }
    },
  };
}

/**
 * A record write whose content is known only when it is queued (after the cells before it);
 * `record()` returns undefined when there is nothing to write.
 */
function lazyRecordUnit(
  context: XlContext,
  caps: HostCaps,
  record: () => FlagRecord | null | undefined,
  where: { current: RecordPlace },
  estimate: number,
  cache: RecordCache,
): Unit {
  const build = (): Unit[] => {
    const r = record();
    if (r === undefined) return [];
    const out = recordUnits(context, caps, r, where.current, cache);
    where.current = out.place;
    return out.units;
  };
  return {
    bytes: estimate,
    queue: () => {
      for (const u of build()) u.queue();
    },
    split: () => build(),
  };
}

/**
 * Notes (ExcelApi 1.18) asked for in a first sync: `notes.getCount()` rides along with the sync's
 * other reads, so the normal path costs no sync. Excel may claim a requirement set whose API it
 * then refuses (office-js 1847 / office-js-docs-pr 2006 for comments, office-js 1031 for
 * isSetSupported): a refused sync is made again without the notes, which are then left out of the
 * whole run (fills only) instead of failing cell by cell.
 */
function queueNotesProbe(context: XlContext, caps: HostCaps): boolean {
  if (!caps.notes) return false;
  context.workbook.notes.getCount();
  return true;
}

/**
 * Flag's first sync: the record, the sheet list, whether notes work and (with notes) the threaded
 * comments. Some Excel builds claim ExcelApi 1.10 yet refuse `workbook.comments` (NotImplemented;
 * office-js 1847, office-js-docs-pr 2006): then the sync is made again without them (a note refused
 * on a comment's cell is then reported cell by cell, as any refused note); refused again, it is made
 * without the notes (`notes` false: the run flags by fill only).
 */
async function firstSync(
  context: XlContext,
  caps: HostCaps,
  cache: RecordCache,
): Promise<{ recordRead: RecordRead; ws: XlWorksheetCollection; comments: XlCommentCollection | null; notes: boolean }> {
  const queue = (withComments: boolean, withNotes: boolean) => {
    const recordRead = queueRecordRead(context, caps, cache);
    const ws = context.workbook.worksheets;
    ws.load('items/name,items/protection/protected');
    const notes = withNotes && queueNotesProbe(context, caps);
    const comments = withComments ? context.workbook.comments : null;
    comments?.load('items/id');
    return { recordRead, ws, comments, notes };
  };
  const attempts: [boolean, boolean][] = [[caps.comments && caps.notes, caps.notes]];
  if (caps.comments && caps.notes) attempts.push([false, true]);
  if (caps.notes) attempts.push([false, false]);
  return syncFirst(context, attempts, (a) => queue(...a));
}

/** Queues and syncs the first reads; refused, again with the next (smaller) set of them. */
async function syncFirst<A, T>(context: XlContext, attempts: readonly A[], queue: (a: A) => T): Promise<T> {
  for (let i = 0; ; i++) {
    const queued = queue(attempts[i]!);
    try {
      await context.sync();
      return queued;
    } catch (e) {
      if (i + 1 >= attempts.length || isCellEditError(e)) throw e;
    }
  }
}

/** An entry reduced to its note: the fill is back, the note still to remove where notes work. */
function noteOnly(e: FlagEntry): FlagEntry {
  const { fill: _fill, color: _color, ...rest } = e;
  return rest;
}

/** Flags the findings' cells (and marks filled values); replaces the flags of an earlier check. */
export async function flag(
  context: XlContext,
  findings: readonly Finding[],
  claimed: HostCaps,
  options: FlagOptions = {},
): Promise<FlagResult> {
  const lang = options.lang ?? 'zh';
  const cache = options.cache ?? {};
  const notDone: NotDone[] = [];

  // Sync 1: what was flagged before, which sheets exist and are protected, threaded comments.
  const first = await firstSync(context, claimed, cache);
  const { ws, comments } = first;
  // Notes refused although claimed: the run goes on with fills only (SPEC §9).
  const caps: HostCaps = first.notes || !claimed.notes ? claimed : { ...claimed, notes: false };
  const { record: previousRecord, place } = await first.recordRead.resolve();
  const sheetByName = new Map(ws.items.map((s) => [s.name, s]));
  const previous = previousRecord?.entries ?? [];
  const prevByKey = new Map(previous.map((e) => [keyOf(e.sheet, e.cell), e]));

  const all = targetsOf(findings);
  // Values filled in: just now (options), or earlier (the record), while the cell still holds them.
  const marks = new Map<string, FilledMark>();
  for (const e of previous) if (e.filled) marks.set(keyOf(e.sheet, e.cell), { sheet: e.sheet, cell: e.cell, ...e.filled });
  for (const m of options.filled ?? []) marks.set(keyOf(m.sheet, m.cell), m);
  for (const [k, m] of marks) {
    const t = all.get(k);
    if (t) t.filled = m;
    else all.set(k, { sheet: m.sheet, cell: m.cell, severity: null, messages: [], filled: m });
  }

  const protectedSheets = new Set<string>();
  let unplaced = findings.filter((f) => !fromA1(f.cell)).length;
  const candidates: Target[] = [];
  for (const t of all.values()) {
    const s = sheetByName.get(t.sheet);
    if (!s) {
      if (t.severity !== null) unplaced++;
    } else if (s.protection.protected) {
      if (t.severity !== null) protectedSheets.add(t.sheet);
    } else candidates.push(t);
  }
  const live = (e: FlagEntry): boolean => {
    const s = sheetByName.get(e.sheet);
    return s !== undefined && !s.protection.protected;
  };
  const candidateKeys = new Set(candidates.map((t) => keyOf(t.sheet, t.cell)));
  const staleProbe = previous.filter((e) => !candidateKeys.has(keyOf(e.sheet, e.cell)) && live(e));

  // Sync 2: the current fill and note of every cell to flag or to unflag, and where threaded comments are.
  const commentCells = new Set<string>();
  const commentUnit: Unit[] =
    comments && comments.items.length > 0
      ? [
          (() => {
            let locations: XlRange[] = [];
            return {
              bytes: 100 * comments.items.length,
              queue: () => {
                locations = comments.items.map((c) => {
                  const r = c.getLocation();
                  r.load('address');
                  return r;
                });
              },
              done: () => {
                for (const r of locations) {
                  const a = splitAddress(r.address);
                  if (a) commentCells.add(keyOf(a.sheet, a.cell));
                }
              },
            };
          })(),
        ]
      : [];
  const { probes, failed } = await probeAll(
    context,
    [...candidates.map((t) => ({ sheet: t.sheet, cell: t.cell, withValue: t.filled !== undefined })), ...staleProbe],
    sheetByName,
    caps,
    commentUnit,
  );
  for (const [k, code] of failed) {
    const [sheet = '', cell = ''] = k.split('\u0000');
    notDone.push({ sheet, cell, what: 'cell', reason: 'refused', ...(code && { code }) });
  }

  // A filled mark stays while the cell holds the value filled in.
  const targets: Target[] = [];
  for (const t of candidates) {
    const p = probes.get(keyOf(t.sheet, t.cell));
    if (!p) continue;
    if (t.filled && p.range) {
      const v = p.range.values[0]?.[0];
      if (cellText(v) !== t.filled.value) t.filled = undefined;
    }
    if (t.severity !== null || t.filled) targets.push(t);
  }
  const targetKeys = new Set(targets.map((t) => keyOf(t.sheet, t.cell)));
  const stale = previous.filter((e) => !targetKeys.has(keyOf(e.sheet, e.cell)));
  const staleLive = stale.filter((e) => live(e) && probes.has(keyOf(e.sheet, e.cell)));
  // Sheet gone or protected, or the cell could not be read: kept in the record for a later clear.
  const staleLiveSet = new Set(staleLive);
  const kept = stale.filter((e) => !staleLiveSet.has(e));

  // The colour under a tint (sync only when a cell to flag has a tinted fill of its own).
  const bases = new Map<string, string>();
  const tinted = targets.filter((t) => {
    const k = keyOf(t.sheet, t.cell);
    const f = fillRead(probes.get(k)!.fill);
    const prev = prevByKey.get(k);
    const ours = prev?.fill !== undefined && fillIsOurs(prev, f);
    return !ours && !f.none && !f.gradient && f.tint !== null && f.tint !== 0;
  });
  if (tinted.length > 0) {
    const events = eventSwitch(context, caps);
    const units: Unit[] = tinted.map((t) => {
      const k = keyOf(t.sheet, t.cell);
      const tint = fillRead(probes.get(k)!.fill).tint!;
      const held: { fill?: XlFill } = {};
      return {
        bytes: CELL_BYTES,
        queue: () => {
          const fill = sheetByName.get(t.sheet)!.getRange(t.cell).format.fill;
          fill.tintAndShade = 0;
          fill.load('color');
          fill.tintAndShade = tint;
          held.fill = fill;
        },
        done: () => {
          if (held.fill) bases.set(k, held.fill.color);
        },
      };
    });
    const ok = await runUnits(context, units, { maxUnits: CELLS_PER_WRITE_BATCH, maxBytes: WRITE_BATCH_BYTES, ...events });
    if (!ok) await events.restore();
  }

  // Plan each cell: what it should show, and what is recorded to put it back.
  const plans: CellPlan[] = [];
  for (const t of targets) {
    const k = keyOf(t.sheet, t.cell);
    const p = probes.get(k)!;
    const f = fillRead(p.fill);
    const prev = prevByKey.get(k);
    const color = colorOf(t);
    let fill: SavedFill | undefined;
    if (prev?.fill && fillIsOurs(prev, f)) fill = prev.fill;
    else if (!f.gradient) fill = savedFill(f, bases.get(k));
    const solid = fill !== undefined && fill.pattern !== 'None' && fill.pattern !== null && fill.pattern !== 'Solid';

    // The note: appended to the user's own note, which is recorded to be put back.
    let note: FlagEntry['note'];
    let text: string | undefined;
    if (caps.notes && p.note) {
      const current = noteOf(p);
      if (commentCells.has(k) && current === undefined) {
        notDone.push({ sheet: t.sheet, cell: t.cell, what: 'note', reason: 'comment' });
      } else {
        const original = prev?.note && noteIsOurs(prev, current) ? prev.note.original : current;
        const body = noteText(t, lang);
        text = original === undefined ? body : `${original}\n\n${body}`;
        note = original === undefined ? { hash: textHash(text) } : { hash: textHash(text), original };
      }
    } else if (prev?.note) {
      // notes unavailable now: the note written earlier stays recorded, for a 清除标记 where notes work
      note = prev.note;
    }
    const entry: FlagEntry = {
      sheet: t.sheet,
      cell: t.cell,
      ...(fill && { fill, color }),
      ...(note && { note }),
      ...(t.filled && {
        filled: {
          value: t.filled.value,
          rule: t.filled.rule,
          ...(t.filled.source !== undefined && { source: t.filled.source }),
          ...(t.filled.sourceFile !== undefined && { sourceFile: t.filled.sourceFile }),
        },
      }),
    };
    plans.push({
      target: t,
      sheet: sheetByName.get(t.sheet)!,
      ...(fill && { color }),
      solid,
      ...(text !== undefined && { note: text }),
      entry,
      undone: new Set(),
    });
  }

  // The cells to unflag: what is still ours goes back.
  const restoreUnits: Unit[] = [];
  // Notes unavailable now: a note written earlier stays, recorded alone once its fill is back.
  const notesKept = new Map<FlagEntry, FlagEntry>();
  for (const e of staleLive) {
    const p = probes.get(keyOf(e.sheet, e.cell))!;
    const noteLeft = e.note !== undefined && !caps.notes;
    if (noteLeft) notesKept.set(e, noteOnly(e));
    const parts = {
      fill: e.fill !== undefined && fillIsOurs(e, fillRead(p.fill)),
      note: !noteLeft && e.note !== undefined && noteIsOurs(e, noteOf(p)),
    };
    if (!parts.fill && !parts.note) continue;
    restoreUnits.push(
      restoreUnit(sheetByName.get(e.sheet)!, e, caps, parts, notDone, () => {
        notesKept.delete(e);
        kept.push(e);
      }),
    );
  }

  // Sync 3: one write batch, unless nothing changes. The record goes first and lists the cells
  // still to unflag too, so a batch that fails half way leaves nothing unrecorded; the final
  // record (without what Excel refused) goes last.
  const cellUnits = new Map<Unit, CellPlan>();
  for (const pl of plans) {
    for (const u of planUnits(context, pl, probes.get(keyOf(pl.target.sheet, pl.target.cell))!, notDone)) cellUnits.set(u, pl);
  }
  const finalRecord = (): FlagRecord => ({ version: 1, entries: [...kept, ...notesKept.values(), ...plans.map(doneEntry)] });
  const headRecord: FlagRecord = { version: 1, entries: [...kept, ...plans.map((pl) => pl.entry), ...staleLive] };
  const previousJson = previousRecord ? JSON.stringify(previousRecord) : '';
  const changed = cellUnits.size > 0 || restoreUnits.length > 0 || JSON.stringify(finalRecord()) !== previousJson;
  if (changed) {
    const head = recordUnits(context, caps, headRecord, place, cache);
    const where = { current: head.place };
    const headJson = JSON.stringify(headRecord);
    const estimate = head.units.reduce((n, u) => n + u.bytes, 0);
    // The final record, where it differs from the first (cells unflagged, or refused).
    const tail = lazyRecordUnit(
      context,
      caps,
      () => {
        const r = finalRecord();
        return JSON.stringify(r) === headJson ? undefined : r;
      },
      where,
      estimate,
      cache,
    );
    const writes = [...head.units, ...cellUnits.keys(), ...restoreUnits, tail];
    const events = eventSwitch(context, caps);
    const ok = await runUnits(context, writes, {
      maxUnits: CELLS_PER_WRITE_BATCH,
      maxBytes: WRITE_BATCH_BYTES,
      ...events,
      replan: async (batch) => {
        // Re-read the cells of the refused batch: what was written before the refusal is not written again.
        const mine = batch.filter((u) => cellUnits.has(u)).map((u) => cellUnits.get(u)!);
        const cells = mine.map((pl) => ({ sheet: pl.target.sheet, cell: pl.target.cell }));
        const again = await probeAll(context, cells, sheetByName, caps);
        const out: Unit[] = [];
        for (const u of batch) {
          const pl = cellUnits.get(u);
          if (!pl) {
            out.push(u);
            continue;
          }
          const p = again.probes.get(keyOf(pl.target.sheet, pl.target.cell));
          if (!p) {
            // the cell cannot even be read now: left as it is, and said
            pl.undone.add('fill').add('note');
            notDone.push({ sheet: pl.target.sheet, cell: pl.target.cell, what: 'cell', reason: 'refused' });
            continue;
          }
          for (const nu of planUnits(context, pl, p, notDone)) {
            cellUnits.set(nu, pl);
            out.push(nu);
          }
        }
        return out;
      },
    });
    if (!ok) await events.restore();
  }
  const shown = plans.filter(
    (pl) => (pl.color !== undefined && !pl.undone.has('fill')) || (pl.note !== undefined && !pl.undone.has('note')),
  );
  return {
    flagged: shown.filter((pl) => pl.target.severity !== null).length,
    protectedSheets: [...protectedSheets],
    unplaced,
    notes: caps.notes,
    ...(claimed.notes && !caps.notes && { notesRefused: true }),
    filled: shown.filter((pl) => pl.target.filled !== undefined).length,
    notDone,
  };
}

/** Removes exactly what flag() added, from the record stored in the workbook. */
export async function clearFlags(
  context: XlContext,
  claimed: HostCaps,
  options: { readonly cache?: RecordCache } = {},
): Promise<ClearResult> {
  const cache = options.cache ?? {};
  const queue = (withNotes: boolean) => {
    const recordRead = queueRecordRead(context, claimed, cache);
    const ws = context.workbook.worksheets;
    ws.load('items/name,items/protection/protected');
    return { recordRead, ws, notes: withNotes && queueNotesProbe(context, claimed) };
  };
  // notes claimed but refused (see firstSync): cleared without them
  const first = await syncFirst(context, claimed.notes ? [true, false] : [false], queue);
  const { recordRead, ws } = first;
  const caps: HostCaps = first.notes || !claimed.notes ? claimed : { ...claimed, notes: false };
  const refused = claimed.notes && !caps.notes ? { notesRefused: true } : {};
  const { record, place, stored } = await recordRead.resolve();
  const entries = record?.entries ?? [];
  if (entries.length === 0 && !stored) return { restored: 0, skipped: [], notDone: [], ...refused };
  const sheetByName = new Map(ws.items.map((s) => [s.name, s]));

  const skipped: { sheet: string; cell: string; reason: 'changed' | 'missing-sheet' | 'protected' }[] = [];
  const notDone: NotDone[] = [];
  const remaining: FlagEntry[] = [];
  const live: FlagEntry[] = [];
  for (const e of entries) {
    const s = sheetByName.get(e.sheet);
    if (!s) skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'missing-sheet' });
    else if (s.protection.protected) {
      skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'protected' });
      remaining.push(e);
    } else live.push(e);
  }
  const { probes, failed } = await probeAll(context, live, sheetByName, caps);
  for (const e of live) {
    const code = failed.get(keyOf(e.sheet, e.cell));
    if (code === undefined) continue;
    notDone.push({ sheet: e.sheet, cell: e.cell, what: 'cell', reason: 'refused', ...(code && { code }) });
    remaining.push(e);
  }

  let restored = 0;
  let notesLeft = 0;
  const units: Unit[] = [];
  for (const e of live) {
    const p = probes.get(keyOf(e.sheet, e.cell));
    if (!p) continue;
    // Notes unavailable: the fill goes back, the note stays recorded for a 清除标记 where notes work.
    const noteLeft = e.note !== undefined && !caps.notes;
    const fillOk = e.fill === undefined || fillIsOurs(e, fillRead(p.fill));
    const noteOk = noteLeft || e.note === undefined || noteIsOurs(e, noteOf(p));
    const parts = { fill: e.fill !== undefined && fillOk, note: e.note !== undefined && !noteLeft && noteOk };
    if (!fillOk || !noteOk) skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'changed' });
    else if (noteLeft) notesLeft++;
    else restored++;
    const kept = noteLeft ? noteOnly(e) : null;
    if (kept) remaining.push(kept);
    if (!parts.fill && !parts.note) continue;
    units.push(
      restoreUnit(sheetByName.get(e.sheet)!, e, caps, parts, notDone, () => {
        if (fillOk && noteOk && !noteLeft) restored--;
        if (kept) remaining.splice(remaining.indexOf(kept), 1);
        remaining.push(e);
      }),
    );
  }
  // The record is updated last: until then a retry finds every cell still listed.
  const where = { current: place };
  units.push(lazyRecordUnit(context, caps, () => ({ version: 1, entries: remaining }), where, 64 * 1024, cache));
  const events = eventSwitch(context, caps);
  const ok = await runUnits(context, units, { maxUnits: CELLS_PER_WRITE_BATCH, maxBytes: WRITE_BATCH_BYTES, ...events });
  if (!ok) await events.restore();
  return { restored, skipped, notDone, ...(notesLeft > 0 && { notesLeft }), ...refused };
}
