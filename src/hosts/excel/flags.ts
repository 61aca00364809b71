/**
 * Flags in place, removable exactly (SPEC §5).
 *
 * flag(): 3 syncs whatever the number of sheets: (1) the record and the sheet list, (2) the
 * current fill and note of every cell to flag or to unflag, (3) ONE write batch: the updated
 * record, fills, notes. Each touched cell's original fill (pattern, colours, tint) and note are
 * recorded in the workbook in the same batch as the flags (first, so a batch that fails half
 * way leaves nothing unrecorded). Only past thousands of flagged cells are reads and writes cut
 * into more batches (Excel on the web refuses requests over 5 MB); never per sheet.
 *
 * clearFlags(): 3 syncs: record, current state, restore. A cell is restored only where it
 * still shows what the add-in put there: a fill or note the user changed since is left alone
 * (and reported), so clearing removes exactly what was added.
 */
import { fromA1 } from '../../core/snapshot/a1';
import type { Finding, Severity } from '../../core/rules/types';
import type { XlContext, XlFill, XlNote, XlWorksheet } from './api';
import type { HostCaps } from './caps';
import { queueRecordRead, queueRecordWrite, type FlagEntry, type SavedFill } from './record';

/** Fill colours by severity (Excel's own "bad / neutral" styles, and a light blue). */
export const FLAG_COLORS: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

export const NOTE_HEADER = '【预算公开检查 disclosure-check】';
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Cells per batch: far under Excel on the web's 5 MB request limit (about 1 KB per cell written). */
export const CELLS_PER_READ_BATCH = 4000;
export const CELLS_PER_WRITE_BATCH = 2000;

/** Queues `queue(item)` for every item and syncs every `size` items (once for a small list). */
async function inBatches<T>(context: XlContext, items: readonly T[], size: number, queue: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    for (const item of items.slice(i, i + size)) queue(item);
    await context.sync();
  }
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
}

export interface ClearResult {
  readonly restored: number;
  /** Cells left as they are because the user changed them since, or their sheet is gone or protected. */
  readonly skipped: readonly { readonly sheet: string; readonly cell: string; readonly reason: 'changed' | 'missing-sheet' | 'protected' }[];
}

interface Target {
  readonly sheet: string;
  readonly cell: string;
  severity: Severity;
  readonly messages: string[];
}

const keyOf = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

function noteText(t: Target): string {
  return `${NOTE_HEADER}\n${t.messages.join('\n')}`;
}

interface CellProbe {
  readonly fill: XlFill;
  readonly note: XlNote | null;
}

function probe(sheet: XlWorksheet, cell: string, caps: HostCaps): CellProbe {
  const range = sheet.getRange(cell);
  const fill = range.format.fill;
  fill.load('pattern,color,patternColor,tintAndShade');
  let note: XlNote | null = null;
  if (caps.notes) {
    note = sheet.notes.getItemOrNullObject(cell);
    note.load('content');
  }
  return { fill, note };
}

function savedFill(f: XlFill): SavedFill {
  return { pattern: f.pattern, color: f.color, patternColor: f.patternColor, tintAndShade: f.tintAndShade };
}

const same = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toUpperCase() === (b ?? '').toUpperCase();

/** Whether the cell still shows the add-in's fill. */
function fillIsOurs(e: FlagEntry, p: CellProbe): boolean {
  return e.fill === undefined || (p.fill.pattern === 'Solid' && same(p.fill.color, e.color));
}

function noteIsOurs(e: FlagEntry, p: CellProbe): boolean {
  if (!e.note) return true;
  return p.note !== null && !p.note.isNullObject && p.note.content === e.note.written;
}

/** Queues the restoration of one cell (its fill and note must be ours: see fillIsOurs/noteIsOurs). */
function queueRestore(sheet: XlWorksheet, e: FlagEntry, caps: HostCaps): void {
  if (e.fill) {
    const fill = sheet.getRange(e.cell).format.fill;
    const f = e.fill;
    if (f.pattern === 'None' || typeof f.pattern !== 'string' || typeof f.color !== 'string') fill.clear();
    else {
      fill.pattern = f.pattern;
      fill.color = f.color;
      // Only what Excel reported: a null (no pattern colour) is not written back.
      if (f.pattern !== 'Solid' && typeof f.patternColor === 'string') fill.patternColor = f.patternColor;
      if (typeof f.tintAndShade === 'number') fill.tintAndShade = f.tintAndShade;
    }
  }
  if (e.note && caps.notes) {
    const note = sheet.notes.getItemOrNullObject(e.cell);
    if (e.note.original !== undefined) note.content = e.note.original;
    else note.delete();
  }
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
      if (RANK[f.severity] < RANK[t.severity]) t.severity = f.severity;
      if (!t.messages.includes(f.message)) t.messages.push(f.message);
    }
  }
  return targets;
}

/** Flags the findings' cells; replaces the flags of an earlier check. */
export async function flag(context: XlContext, findings: readonly Finding[], caps: HostCaps): Promise<FlagResult> {
  // Sync 1: what was flagged before, and which sheets exist and are protected.
  const recordRead = queueRecordRead(context, caps);
  const ws = context.workbook.worksheets;
  ws.load('items/name,items/protection/protected');
  await context.sync();
  const sheetByName = new Map(ws.items.map((s) => [s.name, s]));
  const previous = recordRead.get()?.entries ?? [];
  const prevByKey = new Map(previous.map((e) => [keyOf(e.sheet, e.cell), e]));

  const all = targetsOf(findings);
  const protectedSheets = new Set<string>();
  let unplaced = findings.filter((f) => !fromA1(f.cell)).length;
  const targets: Target[] = [];
  for (const t of all.values()) {
    const s = sheetByName.get(t.sheet);
    if (!s) unplaced++;
    else if (s.protection.protected) protectedSheets.add(t.sheet);
    else targets.push(t);
  }
  const targetKeys = new Set(targets.map((t) => keyOf(t.sheet, t.cell)));
  const stale = previous.filter((e) => !targetKeys.has(keyOf(e.sheet, e.cell)));
  const live = (e: FlagEntry): boolean => {
    const s = sheetByName.get(e.sheet);
    return s !== undefined && !s.protection.protected;
  };
  const staleLive = stale.filter(live);
  // Sheet gone or protected: kept in the record for a later clear.
  const kept = stale.filter((e) => !live(e));

  // Sync 2: the current fill and note of every cell to flag or to unflag.
  const probes = new Map<string, CellProbe>();
  const toProbe: { sheet: string; cell: string }[] = [...targets, ...staleLive];
  await inBatches(context, toProbe, CELLS_PER_READ_BATCH, (c) =>
    probes.set(keyOf(c.sheet, c.cell), probe(sheetByName.get(c.sheet)!, c.cell, caps)),
  );

  // Plan the writes and the record.
  const writes: (() => void)[] = [];
  for (const e of staleLive) {
    const p = probes.get(keyOf(e.sheet, e.cell))!;
    const restore: FlagEntry = {
      sheet: e.sheet,
      cell: e.cell,
      ...(e.fill && fillIsOurs(e, p) && { fill: e.fill, color: e.color }),
      ...(e.note && noteIsOurs(e, p) && { note: e.note }),
    };
    writes.push(() => queueRestore(sheetByName.get(e.sheet)!, restore, caps));
  }
  const entries: FlagEntry[] = [...kept];
  for (const t of targets) {
    const k = keyOf(t.sheet, t.cell);
    const p = probes.get(k)!;
    const prev = prevByKey.get(k);
    const sheet = sheetByName.get(t.sheet)!;
    const color = FLAG_COLORS[t.severity];

    // The fill: the original is the one recorded at the first flagging, while ours is still there.
    let fill: SavedFill | undefined;
    if (prev?.fill && fillIsOurs(prev, p)) fill = prev.fill;
    else if (!/Gradient/i.test(p.fill.pattern ?? '')) fill = savedFill(p.fill);
    // A plain cell needs only the colour (Excel makes it a solid fill): fewer actions per cell.
    const plain = (p.fill.pattern === 'None' || p.fill.pattern === 'Solid') && (p.fill.tintAndShade ?? 0) === 0;

    // The note: appended to the user's own note, which is recorded to be put back.
    let note: FlagEntry['note'];
    let current: string | undefined;
    if (caps.notes && p.note) {
      current = p.note.isNullObject ? undefined : p.note.content;
      const original = prev?.note && current === prev.note.written ? prev.note.original : current;
      const text = noteText(t);
      const written = original === undefined ? text : `${original}\n\n${text}`;
      note = original === undefined ? { written } : { written, original };
    }
    writes.push(() => {
      const range = sheet.getRange(t.cell);
      if (fill) {
        const f = range.format.fill;
        if (!plain) f.pattern = 'Solid';
        f.color = color;
        if (!plain) f.tintAndShade = 0;
      }
      if (note) {
        if (current === undefined) context.workbook.notes.add(range, note.written);
        else sheet.notes.getItemOrNullObject(t.cell).content = note.written;
      }
    });
    entries.push({ sheet: t.sheet, cell: t.cell, ...(fill && { fill, color }), ...(note && { note }) });
  }

  // Sync 3: one write batch. The record goes first and lists the cells still to unflag too, so
  // a batch that fails half way leaves nothing unrecorded; the final record goes last.
  let place = queueRecordWrite(context, caps, { version: 1, entries: [...entries, ...staleLive] }, recordRead);
  let remaining = writes.length;
  await inBatches(context, writes.length > 0 ? writes : [() => undefined], CELLS_PER_WRITE_BATCH, (w) => {
    w();
    if (--remaining <= 0) place = queueRecordWrite(context, caps, { version: 1, entries }, place);
  });
  return { flagged: targets.length, protectedSheets: [...protectedSheets], unplaced, notes: caps.notes };
}

/** Removes exactly what flag() added, from the record stored in the workbook. */
export async function clearFlags(context: XlContext, caps: HostCaps): Promise<ClearResult> {
  const recordRead = queueRecordRead(context, caps);
  const ws = context.workbook.worksheets;
  ws.load('items/name,items/protection/protected');
  await context.sync();
  const entries = recordRead.get()?.entries ?? [];
  if (entries.length === 0 && !recordRead.sheetExists()) return { restored: 0, skipped: [] };
  const sheetByName = new Map(ws.items.map((s) => [s.name, s]));

  const skipped: { sheet: string; cell: string; reason: 'changed' | 'missing-sheet' | 'protected' }[] = [];
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
  const probes = new Map<FlagEntry, CellProbe>();
  await inBatches(context, live, CELLS_PER_READ_BATCH, (e) => probes.set(e, probe(sheetByName.get(e.sheet)!, e.cell, caps)));

  let restored = 0;
  const writes: (() => void)[] = [];
  for (const e of live) {
    const p = probes.get(e)!;
    const fillOk = fillIsOurs(e, p);
    const noteOk = !caps.notes || noteIsOurs(e, p);
    const restore: FlagEntry = {
      sheet: e.sheet,
      cell: e.cell,
      ...(e.fill && fillOk && { fill: e.fill, color: e.color }),
      ...(e.note && noteOk && { note: e.note }),
    };
    writes.push(() => queueRestore(sheetByName.get(e.sheet)!, restore, caps));
    if (fillOk && noteOk) restored++;
    else skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'changed' });
  }
  // The record is updated in the last batch: until then a retry finds every cell still listed.
  let left = writes.length;
  await inBatches(context, writes.length > 0 ? writes : [() => undefined], CELLS_PER_WRITE_BATCH, (w) => {
    w();
    if (--left <= 0) queueRecordWrite(context, caps, { version: 1, entries: remaining }, recordRead);
  });
  return { restored, skipped };
}
