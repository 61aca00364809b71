/**
 * The standalone page's host: a workbook opened in the browser. Checking is the pure core over
 * the snapshot; 填入 and 说明 are kept in memory (and go into the downloaded annotated copy);
 * select() reports the cell so the page can show its text. Nothing leaves the browser.
 */
import { checkWorkbook } from '../../core/check';
import { fromA1 } from '../../core/snapshot/a1';
import { writeCell } from '../../core/snapshot/fixes';
import { explanationKey } from '../../core/report/explanations';
import type { SheetSnapshot, StoredExplanation, WorkbookSnapshot } from '../../core/snapshot/types';
import type { Finding, Fix } from '../../core/rules/types';
import type { CheckOutcome, CheckRequest, FixOutcome, PaneHost } from '../host';

export interface FileHost extends PaneHost {
  readonly kind: 'file';
  /** The workbook as it is now: the file's snapshot with the fixes written so far. */
  snapshot(): WorkbookSnapshot;
  /** Fixes the user wrote (填入), in order, with the finding that proposed each. */
  writtenFixes(): readonly { readonly fix: Fix; readonly finding: Finding | undefined }[];
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

export function createFileHost(initial: WorkbookSnapshot, onSelect: (sheet: string, cell: string, text: string | null) => void): FileHost {
  let snapshot: WorkbookSnapshot = initial;
  const written: { fix: Fix; finding: Finding | undefined }[] = [];
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
      const skipped: { sheet: string; cell: string; reason: string }[] = [];
      for (const fix of fixes) {
        const p = fromA1(fix.cell);
        const idx = snapshot.sheets.findIndex((s) => s.name === fix.sheet);
        const sheet = snapshot.sheets[idx];
        if (!p || !sheet) {
          skipped.push({ sheet: fix.sheet, cell: fix.cell, reason: 'no such cell' });
          continue;
        }
        if (fix.insert) {
          // the page's download is a patch of the original file, which inserts no row
          skipped.push({ sheet: fix.sheet, cell: fix.cell, reason: 'rows are inserted in Excel only' });
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
