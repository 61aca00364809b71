/**
 * Flags in place, removable exactly (SPEC §5).
 *
 * flag(): 3 syncs whatever the number of findings: (1) the record and the sheet list, (2) the
 * current fill and note of every cell to flag or to unflag, (3) ONE write batch: fills, notes,
 * the updated record. Each touched cell's original fill (pattern, colours, tint) and note are
 * recorded, in the workbook, before anything is written.
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
function queueRestore(context: XlContext, e: FlagEntry, caps: HostCaps): void {
  const sheet = context.workbook.worksheets.getItem(e.sheet);
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

  // Sync 2: the current fill and note of every cell to flag or to unflag.
  const probes = new Map<string, CellProbe>();
  for (const t of targets) probes.set(keyOf(t.sheet, t.cell), probe(sheetByName.get(t.sheet)!, t.cell, caps));
  const staleLive = stale.filter((e) => {
    const s = sheetByName.get(e.sheet);
    if (!s || s.protection.protected) return false;
    probes.set(keyOf(e.sheet, e.cell), probe(s, e.cell, caps));
    return true;
  });
  await context.sync();

  // Sync 3: one write batch.
  const kept: FlagEntry[] = stale.filter((e) => !staleLive.includes(e)); // sheet gone or protected: keep for a later clear
  for (const e of staleLive) {
    const p = probes.get(keyOf(e.sheet, e.cell))!;
    queueRestore(
      context,
      {
        sheet: e.sheet,
        cell: e.cell,
        ...(e.fill && fillIsOurs(e, p) && { fill: e.fill, color: e.color }),
        ...(e.note && noteIsOurs(e, p) && { note: e.note }),
      },
      caps,
    );
  }
  const entries: FlagEntry[] = [...kept];
  for (const t of targets) {
    const k = keyOf(t.sheet, t.cell);
    const p = probes.get(k)!;
    const prev = prevByKey.get(k);
    const sheet = context.workbook.worksheets.getItem(t.sheet);
    const color = FLAG_COLORS[t.severity];

    // The fill: the original is the one recorded at the first flagging, while ours is still there.
    let fill: SavedFill | undefined;
    if (prev?.fill && fillIsOurs(prev, p)) fill = prev.fill;
    else if (!/Gradient/i.test(p.fill.pattern ?? '')) fill = savedFill(p.fill);
    if (fill) {
      const f = sheet.getRange(t.cell).format.fill;
      f.pattern = 'Solid';
      f.color = color;
      f.tintAndShade = 0;
    }

    // The note: appended to the user's own note, which is recorded to be put back.
    let note: FlagEntry['note'];
    if (caps.notes && p.note) {
      const text = noteText(t);
      const current = p.note.isNullObject ? undefined : p.note.content;
      let original: string | undefined;
      if (prev?.note && current === prev.note.written) original = prev.note.original;
      else original = current;
      const written = original === undefined ? text : `${original}\n\n${text}`;
      if (current === undefined) context.workbook.notes.add(sheet.getRange(t.cell), written);
      else sheet.notes.getItemOrNullObject(t.cell).content = written;
      note = original === undefined ? { written } : { written, original };
    }
    entries.push({
      sheet: t.sheet,
      cell: t.cell,
      ...(fill && { fill, color }),
      ...(note && { note }),
    });
  }
  queueRecordWrite(context, caps, { version: 1, entries }, recordRead);
  await context.sync();
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
  const live: { e: FlagEntry; p: CellProbe }[] = [];
  for (const e of entries) {
    const s = sheetByName.get(e.sheet);
    if (!s) skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'missing-sheet' });
    else if (s.protection.protected) {
      skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'protected' });
      remaining.push(e);
    } else live.push({ e, p: probe(s, e.cell, caps) });
  }
  await context.sync();

  let restored = 0;
  for (const { e, p } of live) {
    const fillOk = fillIsOurs(e, p);
    const noteOk = !caps.notes || noteIsOurs(e, p);
    queueRestore(
      context,
      { sheet: e.sheet, cell: e.cell, ...(e.fill && fillOk && { fill: e.fill, color: e.color }), ...(e.note && noteOk && { note: e.note }) },
      caps,
    );
    if (fillOk && noteOk) restored++;
    else skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'changed' });
  }
  queueRecordWrite(context, caps, { version: 1, entries: remaining }, recordRead);
  await context.sync();
  return { restored, skipped };
}
