/**
 * The standalone page's host: a workbook opened in the browser. Checking is the pure core over
 * the snapshot; 填入 and 说明 are kept in memory (and go into the downloaded annotated copy);
 * select() reports the cell so the page can show its text. Nothing leaves the browser.
 */
import { checkWorkbook } from '../../core/check';
import { fromA1, toA1 } from '../../core/snapshot/a1';
import { writeCell } from '../../core/snapshot/fixes';
import { fixOrder, isInsert } from '../../core/snapshot/fix-order';
import { insertRow } from '../../core/snapshot/insert-row';
import { explanationKey, moveExplanations } from '../../core/report/explanations';
import type { SheetSnapshot, StoredExplanation, WorkbookSnapshot } from '../../core/snapshot/types';
import type { Finding, Fix } from '../../core/rules/types';
import type { CheckOutcome, CheckRequest, FixOutcome, PaneHost } from '../host';

/**
 * Inserts a row (0-based `row`) in the page's package, the one the download annotates, with the
 * CLI's --fix insert: null when done, else the sentence why the sheet cannot take it.
 */
export type RowInserter = (sheet: string, row: number) => { readonly zh: string; readonly en: string } | null;

export interface FileHost extends PaneHost {
  readonly kind: 'file';
  /** The workbook as it is now: the file's snapshot with the fixes written so far. */
  snapshot(): WorkbookSnapshot;
  /**
   * Fixes the user wrote (填入), in order, with the finding that proposed each; `inserted` when the
   * fill is the heading of a row 插入缺少的部分 inserted (the download marks it （插入一行）).
   */
  writtenFixes(): readonly { readonly fix: Fix; readonly finding: Finding | undefined; readonly inserted?: true }[];
  explanations(): readonly StoredExplanation[];
  /** Appends a sheet the page generated (生成学校表); it is in the downloaded copy too. */
  addSheet(sheet: SheetSnapshot): void;
  /** Adds the cells and merges of `part` to the existing sheet `name` (生成学校表 below a project's text). */
  writeInto(name: string, part: Pick<SheetSnapshot, 'cells' | 'merges'>): void;
}

export function cellText(snapshot: WorkbookSnapshot, sheet: string, a1: string): string | null {
  const sh = snapshot.sheets.find((s) => s.name === sheet);
  const p = fromA1(a1);
  if (!sh || !p) return null;
  const c = sh.cells.find((x) => x.row === p.row && x.col === p.col);
  return c ? c.text : '';
}

/** A finding (or fix) address moved down one when its row is at or below the row inserted. */
function movedCell(sheet: string, cell: string, at: { sheet: string; row: number }): string {
  const p = fromA1(cell);
  return p && sheet === at.sheet && p.row >= at.row ? toA1(p.row + 1, p.col) : cell;
}

function movedFinding(f: Finding, at: { sheet: string; row: number }): Finding {
  const cell = movedCell(f.sheet, f.cell, at);
  const p = fromA1(cell);
  const related = f.related?.map((r) => ({ ...r, cell: movedCell(r.sheet, r.cell, at) }));
  const fix = f.fix && { ...f.fix, cell: movedCell(f.fix.sheet, f.fix.cell, at) };
  return { ...f, cell, ...(p && { row: p.row, col: p.col }), ...(related && { related }), ...(fix && { fix }) };
}

/**
 * `insertRows`: where the page can insert rows (插入缺少的部分) — in its package first (refused:
 * nothing inserted in memory either, so the snapshot is what the download holds). Without it,
 * inserts are skipped.
 */
export function createFileHost(
  initial: WorkbookSnapshot,
  onSelect: (sheet: string, cell: string, text: string | null) => void,
  insertRows?: RowInserter,
): FileHost {
  let snapshot: WorkbookSnapshot = initial;
  const written: { fix: Fix; finding: Finding | undefined; inserted?: true }[] = [];
  let lastFindings: readonly Finding[] = [];
  const explanations = new Map<string, StoredExplanation>();
  for (const e of initial.explanations ?? []) explanations.set(e.key, e);

  const current = (): WorkbookSnapshot => ({ ...snapshot, explanations: [...explanations.values()] });

  return {
    kind: 'file',
    snapshot: current,
    writtenFixes: () => written,
    addSheet(sheet: SheetSnapshot) {
      snapshot = { ...snapshot, sheets: [...snapshot.sheets, { ...sheet, index: snapshot.sheets.length }] };
    },
    writeInto(name: string, part: Pick<SheetSnapshot, 'cells' | 'merges'>) {
      const sheets = snapshot.sheets.map((s) => {
        if (s.name !== name) return s;
        const taken = new Set(part.cells.map((c) => `${c.row},${c.col}`));
        const cells = [...s.cells.filter((c) => !taken.has(`${c.row},${c.col}`)), ...part.cells].sort(
          (a, b) => a.row - b.row || a.col - b.col,
        );
        return { ...s, cells, merges: [...s.merges, ...part.merges] };
      });
      snapshot = { ...snapshot, sheets };
    },
    explanations: () => [...explanations.values()],
    async check(request: CheckRequest): Promise<CheckOutcome> {
      const result = checkWorkbook({
        snapshot: current(),
        config: request.config,
        lang: request.lang,
        ...(request.registry && { registry: request.registry }),
      });
      lastFindings = result.findings;
      return { ok: true, result };
    },
    async select(sheet: string, cell: string): Promise<void> {
      onSelect(sheet, cell, cellText(snapshot, sheet, cell));
    },
    async applyFixes(fixes: readonly Fix[], options: { readonly overwrite: boolean }): Promise<FixOutcome> {
      const done: { sheet: string; cell: string; value: string | number }[] = [];
      const skipped: FixOutcome['skipped'][number][] = [];
      // writes first at the checked addresses, then inserts bottom-up (core fixOrder)
      for (const fix of fixOrder(fixes)) {
        const p = fromA1(fix.cell);
        const idx = snapshot.sheets.findIndex((s) => s.name === fix.sheet);
        const sheet = snapshot.sheets[idx];
        if (!p || !sheet) {
          skipped.push({ sheet: fix.sheet, cell: fix.cell, reason: 'no such cell' });
          continue;
        }
        if (isInsert(fix)) {
          if (!insertRows) {
            skipped.push({ sheet: fix.sheet, cell: fix.cell, reason: 'rows are not inserted here' });
            continue;
          }
          const why = insertRows(fix.sheet, p.row);
          if (why) {
            skipped.push({ sheet: fix.sheet, cell: fix.cell, reason: why.en, why });
            continue;
          }
          // the row as the package got it; earlier fills below it move with it (the download writes them)
          const at = { sheet: fix.sheet, row: p.row };
          const moved = insertRow(snapshot, { sheet: fix.sheet, at: p.row });
          const sheets = [...moved.sheets];
          sheets[idx] = writeCell(sheets[idx]!, fix, p.row, p.col);
          snapshot = { ...moved, sheets };
          for (const w of written) {
            w.fix = { ...w.fix, cell: movedCell(w.fix.sheet, w.fix.cell, at) };
            if (w.finding) w.finding = movedFinding(w.finding, at);
          }
          // the 说明 below it move with their findings (their cells and keys), as the download stores them
          const movedNotes = moveExplanations([...explanations.values()], [at]);
          explanations.clear();
          for (const e of movedNotes) explanations.set(e.key, e);
          // the heading is a fill of the new row's cell, flagged on the finding that asked for it
          const { insert: _row, ...write } = fix;
          const asked = lastFindings.find((f) => f.fix?.insert && f.fix.sheet === fix.sheet && f.fix.cell === fix.cell);
          const finding: Finding | undefined = asked && {
            ...movedFinding(asked, at),
            ...(asked.sheet === fix.sheet && { cell: fix.cell, row: p.row, col: p.col }),
            fix: write,
          };
          written.push({ fix: write, finding, inserted: true });
          done.push({ sheet: fix.sheet, cell: fix.cell, value: fix.value });
          continue;
        }
        const existing = cellText(snapshot, fix.sheet, fix.cell);
        if (existing !== null && existing.trim() !== '' && !options.overwrite) {
          skipped.push({ sheet: fix.sheet, cell: fix.cell, reason: 'not empty' });
          continue;
        }
        const sheets = [...snapshot.sheets];
        sheets[idx] = writeCell(sheet, fix, p.row, p.col);
        snapshot = { ...snapshot, sheets };
        written.push({ fix, finding: lastFindings.find((f) => f.fix?.sheet === fix.sheet && f.fix.cell === fix.cell) });
        done.push({ sheet: fix.sheet, cell: fix.cell, value: fix.value });
      }
      return { written: done, skipped };
    },
    async clearFlags(): Promise<void> {
      // nothing is flagged in the browser: the annotated copy is a download
    },
    async explain(finding: Finding, text: string): Promise<void> {
      const key = finding.key || explanationKey(finding, snapshot);
      if (text === '') explanations.delete(key);
      else explanations.set(key, { key, rule: finding.rule, sheet: finding.sheet, cell: finding.cell, text, at: new Date().toISOString() });
    },
  };
}
