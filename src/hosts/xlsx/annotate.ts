/**
 * The annotated copy of an .xlsx workbook, written as a PATCH of the original package: only the
 * flagged sheets, styles.xml, notes (comments + VML + sheet rels), the added 检查结果 sheet, the
 * workbook's sheet list and rels, and [Content_Types].xml change. Every other zip entry keeps its
 * compressed bytes. Uint8Array in and out; runs in Node and in the browser.
 */
import type { Finding, Fix, Lang, Severity } from '../../core/rules/types';
import type { StoredExplanation } from '../../core/snapshot/types';
import { EXPLANATION_SHEET, explanationRows, moveExplanations } from '../../core/report/explanations';
import { ruleLabel } from '../../core/rules/index';
import { fromA1, qualifiedRef, toA1 } from '../../core/snapshot/a1';
import { asAnnotateError } from './annotate-errors';
import { addNotes, type Note } from './annotate-notes';
import { Package } from './annotate-package';
import { MAX_CELL_TEXT, rowsXml, worksheetXml, type SheetCell } from './annotate-results';
import { cellStyleAt, patchSheet, type CellEdit } from './annotate-sheet';
import { openOn } from './annotate-view';
import { StylePatcher } from './annotate-styles';
import { elementSpan, findOpen } from './annotate-xml';
import { isInsert } from '../../core/snapshot/fix-order';
import { insertRows, movedRow, refusalText } from './annotate-insert';

export { AnnotateError } from './annotate-errors';
export type { AnnotateErrorCode } from './annotate-errors';

export interface AnnotateOptions {
  /** Write each finding's fix into the copy (empty cells only unless the fix says overwrite). */
  readonly fix?: boolean;
  readonly lang?: Lang;
  /** Stored explanations (说明), matched by finding key, for the 说明 column. */
  readonly explanations?: readonly StoredExplanation[];
  /**
   * Fix cells (`Sheet!A1`, where the heading now is) whose row the host inserted before annotating (the
   * standalone page's 插入缺少的部分): their 已填入 line is marked （插入一行） as the copy's own inserts are.
   */
  readonly rowsInserted?: readonly string[];
}

/** The sheet the annotator adds. */
export const RESULTS_SHEET = '检查结果';
/** Author name of the notes the annotator adds. */
export const NOTE_AUTHOR = '预算公开文本检查';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};
const HEADERS: Record<Lang, readonly string[]> = {
  // 问题描述 is the finding's message; 说明 is the user's explanation (one word for one thing)
  zh: ['规则', '级别', '项目', '学校', '栏目', '工作表', '单元格', '问题描述', '应为', '实为', '说明'],
  en: ['Rule', 'Severity', 'Project', 'School', 'Column', 'Sheet', 'Cell', 'Message', 'Expected', 'Actual', 'Explanation'],
};
const FILLED_HEADER: Record<Lang, string> = { zh: '已填入', en: 'Filled in' };
const WIDTHS = [24, 10, 10, 30, 14, 14, 8, 60, 16, 16, 30, 22];

/** A fix as the annotator reads it: `overwrite` lets it replace a non-empty cell (never a formula). */
type FixData = Fix;

const cellKey = (sheet: string, row: number, col: number): string => `${sheet}\u0000${row}\u0000${col}`;

function explanationOf(f: Finding, byKey: ReadonlyMap<string, string>): string {
  return f.explanation ?? byKey.get(f.key) ?? '';
}

function noteLine(f: Finding, lang: Lang): string {
  const sev = SEVERITY_LABEL[lang][f.severity];
  const parts: string[] = [];
  if (f.expected !== undefined) parts.push(lang === 'zh' ? `应为 ${f.expected}` : `expected ${f.expected}`);
  if (f.actual !== undefined) parts.push(lang === 'zh' ? `实为 ${f.actual}` : `actual ${f.actual}`);
  const tail = parts.length ? (lang === 'zh' ? `（${parts.join('，')}）` : ` (${parts.join(', ')})`) : '';
  return `[${sev}] ${ruleLabel(f.rule, lang)}${lang === 'zh' ? '：' : ': '}${f.message}${tail}`;
}

/**
 * The note line of a finding whose fix the copy wrote into its own cell: it says what was filled
 * and from where (the registry entry), not "缺少学校代码 … 实为（空）".
 */
function filledLine(f: Finding, lang: Lang): string {
  const value = String(f.fix?.value ?? '');
  const code = f.rule.startsWith('school-code');
  const name = f.data?.registryName;
  const at = f.related?.[0];
  const where = at ? `${at.sheet}!${at.cell}` : '';
  if (lang === 'en') {
    const from = name !== undefined ? ` from the school registry ("${String(name)}"${where ? `, ${where}` : ''})` : '';
    return `[filled] ${code ? `School code ${value}` : value} filled in${from} by the check.`;
  }
  const from = name !== undefined ? `（来自学校名册“${String(name)}”${where ? `，${where}` : ''}）` : '';
  return `[已填入] ${code ? `已填入学校代码 ${value}` : `已填入 ${value}`}${from}`;
}

/** A finding whose fix writes its own cell: with `fix`, that cell is marked as filled once written. */
function fixesItsCell(f: Finding): boolean {
  return f.fix?.sheet === f.sheet && !isInsert(f.fix) && fromA1(f.fix.cell) !== null && f.fix.cell.toUpperCase() === f.cell.toUpperCase();
}

/**
 * Writes the annotated copy: highlight + note on every flagged cell, a 检查结果 sheet listing all
 * findings with links to their cells, and (with `fix`) the fixes written into empty cells.
 * Throws AnnotateError (zh message; `messageIn('en')`) when the package cannot be read.
 */
export function annotate(original: Uint8Array, findings: readonly Finding[], options: AnnotateOptions = {}): Uint8Array {
  return asAnnotateError(() => annotatePackage(original, findings, options).bytes);
}

/** The annotated copy and the fixes written into it (`Sheet!A1`, with the fix), for the CLI's count. */
export interface AnnotatedCopy {
  readonly bytes: Uint8Array;
  readonly written: readonly Fix[];
  /** Insert fixes (插入缺少的部分) applied: a row inserted and the heading written (the original fixes). */
  readonly inserted: readonly Fix[];
  /** Insert fixes the copy did not apply, each with the one-sentence reason. */
  readonly notInserted: readonly { readonly fix: Fix; readonly why: { readonly zh: string; readonly en: string } }[];
}

/** As `annotate`, also saying which fixes were written. */
export function annotateCopy(original: Uint8Array, findings: readonly Finding[], options: AnnotateOptions = {}): AnnotatedCopy {
  return asAnnotateError(() => annotatePackage(original, findings, options));
}

/**
 * With `fix`, the rows of the insert fixes are inserted first (annotate-insert.ts), and every
 * finding's address (its cell, its fix's, its related cells') is moved to where the cell now is;
 * an applied insert becomes a write of the heading into the new row's empty cell, at which the
 * finding now points. Refused inserts lose their fix and say why.
 */
function insertFirst(
  pkg: Package,
  findings: readonly Finding[],
): {
  findings: Finding[];
  inserted: Fix[];
  notInserted: Map<Finding, { fix: Fix; why: { zh: string; en: string } }>;
  insertedHere: Set<Finding>;
  rows: { sheet: string; row: number }[];
} {
  const inserts = findings.filter((f) => f.fix !== undefined && isInsert(f.fix) && fromA1(f.fix.cell) !== null);
  const notInserted = new Map<Finding, { fix: Fix; why: { zh: string; en: string } }>();
  const insertedHere = new Set<Finding>();
  if (inserts.length === 0) return { findings: [...findings], inserted: [], notInserted, insertedHere, rows: [] };
  const outcome = insertRows(
    pkg,
    inserts.map((f) => ({ sheet: f.fix!.sheet, row: fromA1(f.fix!.cell)!.row })),
  );
  const move = (sheet: string, cell: string): string => {
    const p = fromA1(cell);
    return p && outcome.inserted.has(sheet) ? toA1(movedRow(outcome.inserted, sheet, p.row), p.col) : cell;
  };
  const inserted: Fix[] = [];
  const out = findings.map((f): Finding => {
    const cell = move(f.sheet, f.cell);
    const p = fromA1(cell);
    const related = f.related?.map((r) => ({ ...r, cell: move(r.sheet, r.cell) }));
    const base: Finding = { ...f, cell, ...(p && { row: p.row, col: p.col }), ...(related && { related }) };
    if (!f.fix) return base;
    if (!isInsert(f.fix)) return { ...base, fix: { ...f.fix, cell: move(f.fix.sheet, f.fix.cell) } };
    const { fix: _insert, ...rest } = base;
    const why = outcome.refused.get(f.fix.sheet);
    const at = fromA1(f.fix.cell);
    if (why !== undefined || !at || !outcome.inserted.has(f.fix.sheet)) {
      const fixless: Finding = rest;
      notInserted.set(fixless, { fix: f.fix, why: refusalText(why ?? 'not-worksheet', f.fix.sheet) });
      return fixless;
    }
    // the new row: one down for each insert above it in the sheet
    const row = at.row + (outcome.inserted.get(f.fix.sheet) ?? []).filter((r) => r < at.row).length;
    const heading = toA1(row, at.col);
    const { insert: _row, ...write } = f.fix;
    inserted.push(f.fix);
    const moved: Finding =
      f.sheet === f.fix.sheet
        ? { ...rest, cell: heading, row, col: at.col, fix: { ...write, cell: heading } }
        : { ...rest, fix: { ...write, cell: heading } };
    insertedHere.add(moved);
    return moved;
  });
  const rows = [...outcome.inserted].flatMap(([sheet, list]) => list.map((row) => ({ sheet, row })));
  return { findings: out, inserted, notInserted, insertedHere, rows };
}

function annotatePackage(original: Uint8Array, given: readonly Finding[], options: AnnotateOptions): AnnotatedCopy {
  const lang: Lang = options.lang ?? 'zh';
  const pkg = new Package(original);
  const {
    findings,
    inserted,
    notInserted,
    insertedHere,
    rows: rowsInserted,
  } = options.fix
    ? insertFirst(pkg, given)
    : {
        findings: given,
        inserted: [],
        notInserted: new Map<Finding, { fix: Fix; why: { zh: string; en: string } }>(),
        insertedHere: new Set<Finding>(),
        rows: [],
      };
  // the stored 说明 below an inserted row move with their findings (their cells and keys), so the copy's
  // re-check still finds them; the 说明 column below matches the findings by the keys the check gave
  if (rowsInserted.length > 0 && options.explanations && options.explanations.length > 0) {
    const moved = moveExplanations(options.explanations, rowsInserted);
    if (moved.some((e, i) => e !== options.explanations![i])) putExplanations(pkg, moved);
  }
  if (options.fix && options.rowsInserted && options.rowsInserted.length > 0) {
    const before = new Set(options.rowsInserted);
    for (const f of findings) if (f.fix && before.has(`${f.fix.sheet}!${f.fix.cell}`)) insertedHere.add(f);
  }
  // the headings written into inserted rows: each takes the format of its neighbour, the next section's
  // heading (the row was inserted at it, so it is just below), as a heading typed there in Excel would look
  const insertedHeadings = new Set([...insertedHere].flatMap((f) => (f.fix ? [`${f.fix.sheet}!${f.fix.cell}`] : [])));
  const sheets = pkg.sheets();
  const sheetByName = new Map(sheets.map((s) => [s.name, s]));
  const explained = new Map((options.explanations ?? []).map((e) => [e.key, e.text]));

  // What each sheet needs: flagged cells (worst unexplained severity + note lines) and fixes.
  interface Flag {
    row: number;
    col: number;
    severity: Severity | undefined;
    lines: string[];
    /** Findings the copy fixes in this very cell: marked as filled when the fix is written. */
    pending: Finding[];
    filled: boolean;
  }
  const flags = new Map<string, Map<string, Flag>>();
  const fixes = new Map<string, Map<string, { row: number; col: number; fix: FixData }>>();
  for (const f of findings) {
    const info = sheetByName.get(f.sheet);
    const pos =
      fromA1(f.cell) ??
      (Number.isInteger(f.row) && Number.isInteger(f.col) && f.row >= 0 && f.col >= 0 ? { row: f.row, col: f.col } : null);
    if (info?.part && pos) {
      const m = flags.get(f.sheet) ?? new Map<string, Flag>();
      flags.set(f.sheet, m);
      const k = cellKey(f.sheet, pos.row, pos.col);
      const flag = m.get(k) ?? { row: pos.row, col: pos.col, severity: undefined, lines: [], pending: [], filled: false };
      m.set(k, flag);
      const why = explanationOf(f, explained);
      if (why) flag.lines.push(`${noteLine(f, lang)}${lang === 'zh' ? ' 已说明：' : ' Explained: '}${why}`);
      else if (options.fix && fixesItsCell(f)) flag.pending.push(f);
      else {
        flag.lines.push(noteLine(f, lang));
        if (!flag.severity || SEVERITY_RANK[f.severity] > SEVERITY_RANK[flag.severity]) flag.severity = f.severity;
      }
    }
    if (options.fix && f.fix) {
      const fx = f.fix;
      const fpos = fromA1(fx.cell);
      if (fpos && sheetByName.get(fx.sheet)?.part) {
        const m = fixes.get(fx.sheet) ?? new Map<string, { row: number; col: number; fix: FixData }>();
        fixes.set(fx.sheet, m);
        const k = cellKey(fx.sheet, fpos.row, fpos.col);
        if (!m.has(k)) m.set(k, { row: fpos.row, col: fpos.col, fix: fx });
      }
    }
  }

  const styles = new StylePatcher(pkg);
  const written = new Set<string>();
  const refused = new Set<string>();
  const touched = [...new Set([...flags.keys(), ...fixes.keys()])];
  for (const name of touched) {
    const info = sheetByName.get(name)!;
    const xml = pkg.text(info.part);
    // Only worksheets carry cells (a chartsheet or dialog sheet is listed in 检查结果 only).
    if (xml === undefined || !findOpen(xml, 'worksheet') || !findOpen(xml, 'sheetData')) continue;
    // which fixes will be written (a pass over the fixes alone): a cell whose value the copy fills
    // is marked as filled, and its note says so, instead of the finding the fill resolved
    const fixEdits = [...(fixes.get(name)?.values() ?? [])].map((fx) => ({ row: fx.row, col: fx.col, fix: fx.fix }));
    const willWrite = fixEdits.length > 0 ? patchSheet(xml, fixEdits).written : new Set<string>();
    const edits = new Map<string, CellEdit>();
    for (const [k, fl] of flags.get(name) ?? []) {
      for (const f of fl.pending) {
        if (willWrite.has(toA1(fl.row, fl.col))) {
          fl.lines.push(filledLine(f, lang));
          fl.filled = true;
        } else {
          fl.lines.push(noteLine(f, lang));
          if (!fl.severity || SEVERITY_RANK[f.severity] > SEVERITY_RANK[fl.severity]) fl.severity = f.severity;
        }
      }
      const sev = fl.severity ?? (fl.filled ? 'filled' : undefined);
      if (sev) edits.set(k, { row: fl.row, col: fl.col, style: (s) => styles.flagged(s, sev) });
    }
    for (const [k, fx] of fixes.get(name) ?? []) {
      const prev = edits.get(k);
      const fix = { value: fx.fix.value, kind: fx.fix.kind, ...(fx.fix.overwrite !== undefined && { overwrite: fx.fix.overwrite }) };
      const base = insertedHeadings.has(`${name}!${toA1(fx.row, fx.col)}`) ? cellStyleAt(xml, fx.row + 1, fx.col) : undefined;
      edits.set(k, { ...(prev ?? { row: fx.row, col: fx.col }), fix, ...(base !== undefined && { base }) });
    }
    const res = patchSheet(xml, [...edits.values()]);
    for (const a1 of res.written) written.add(`${name}!${a1}`);
    for (const a1 of res.refused) refused.add(`${name}!${a1}`);
    const notes: Note[] = [...(flags.get(name)?.values() ?? [])]
      .filter((fl) => fl.severity || fl.filled)
      .map((fl) => {
        const note = `${NOTE_AUTHOR}:\n${fl.lines.join('\n')}`;
        return { row: fl.row, col: fl.col, text: note.length > MAX_CELL_TEXT ? `${note.slice(0, MAX_CELL_TEXT - 1)}…` : note };
      });
    const withNotes = addNotes(pkg, info.part, res.xml, notes, NOTE_AUTHOR);
    if (withNotes.xml !== xml) pkg.set(info.part, withNotes.xml);
  }

  // The 检查结果 sheet.
  const header = [...HEADERS[lang], ...(options.fix ? [FILLED_HEADER[lang]] : [])];
  const rows: (SheetCell | string)[][] = [header];
  for (const f of findings) {
    const why = explanationOf(f, explained);
    // a finding whose own cell the copy filled is resolved in the copy: not shown as an open error
    const filledHere =
      !why && options.fix === true && fixesItsCell(f) && written.has(`${f.sheet}!${toA1(fromA1(f.cell)!.row, fromA1(f.cell)!.col)}`);
    const sev =
      SEVERITY_LABEL[lang][f.severity] +
      (why ? (lang === 'zh' ? '（已说明）' : ' (explained)') : filledHere ? (lang === 'zh' ? '（已填入）' : ' (filled)') : '');
    const target = sheetByName.has(f.sheet) && fromA1(f.cell) ? qualifiedRef(f.sheet, f.cell) : undefined;
    const row: (SheetCell | string)[] = [
      ruleLabel(f.rule, lang),
      why || filledHere ? sev : { text: sev, style: styles.severity(f.severity) },
      f.project ?? '',
      f.school ?? '',
      f.column ?? '',
      f.sheet,
      target ? ({ text: f.cell, link: target, style: styles.link() } satisfies SheetCell) : f.cell,
      { text: f.message, style: styles.wrap() },
      f.expected ?? '',
      f.actual ?? '',
      why ? { text: why, style: styles.wrap() } : '',
    ];
    if (options.fix) {
      let filled = '';
      const notIn = notInserted.get(f);
      if (notIn) {
        filled = lang === 'zh' ? `未插入：${notIn.why.zh}` : `not inserted: ${notIn.why.en}`;
      } else if (f.fix) {
        const fpos = fromA1(f.fix.cell);
        const a1 = fpos ? `${f.fix.sheet}!${toA1(fpos.row, fpos.col)}` : '';
        const where = f.fix.sheet === f.sheet ? f.fix.cell : qualifiedRef(f.fix.sheet, f.fix.cell);
        const row = insertedHere.has(f) ? (lang === 'zh' ? '（插入一行）' : ' (row inserted)') : '';
        if (written.has(a1)) filled = `${where} ← ${f.fix.value}${row}`;
        else if (refused.has(a1)) filled = lang === 'zh' ? `未填入：${where} 非空` : `not written: ${where} is not empty`;
        else filled = lang === 'zh' ? '未填入' : 'not written';
      }
      row.push(filled);
    }
    rows.push(row);
  }
  let resultsName = RESULTS_SHEET;
  for (let n = 2; sheetByName.has(resultsName); n++) resultsName = `${RESULTS_SHEET}(${n})`;
  const resultsIndex = sheets.length;
  pkg.addSheet(
    resultsName,
    worksheetXml({
      rows,
      headerStyle: styles.bold(),
      widths: WIDTHS.slice(0, header.length),
      freezeHeader: true,
      selected: true,
      printFitWidth: true,
    }),
  );
  // the copy opens on 检查结果, which prints on one page width with its header row on every page
  openOn(pkg, resultsIndex, resultsName);
  styles.commit();
  const writtenFixes: Fix[] = [];
  for (const m of fixes.values())
    for (const fx of m.values()) if (written.has(`${fx.fix.sheet}!${toA1(fx.row, fx.col)}`)) writtenFixes.push(fx.fix);
  return { bytes: pkg.toBytes(), written: writtenFixes, inserted, notInserted: [...notInserted.values()] };
}

/**
 * Stores explanations in the very hidden sheet EXPLANATION_SHEET (rows replaced when it exists,
 * the sheet added otherwise). Everything else in the package is kept byte for byte.
 */
export function writeExplanations(original: Uint8Array, explanations: readonly StoredExplanation[]): Uint8Array {
  return asAnnotateError(() => {
    const pkg = new Package(original);
    putExplanations(pkg, explanations);
    return pkg.toBytes();
  });
}

/** Replaces the rows of the explanations sheet of the package (adding the sheet, very hidden, when it has none). */
function putExplanations(pkg: Package, explanations: readonly StoredExplanation[]): void {
  const rows = explanationRows(explanations);
  const existing = pkg.sheets().find((s) => s.name === EXPLANATION_SHEET);
  const xml = existing?.part ? pkg.text(existing.part) : undefined;
  if (existing && xml !== undefined) {
    const sd = findOpen(xml, 'sheetData');
    if (sd && !sd.prefix) {
      const span = elementSpan(xml, sd);
      const body = `<sheetData>${rowsXml(rows)}</sheetData>`;
      pkg.set(existing.part, xml.slice(0, span.start) + body + xml.slice(span.end));
    } else {
      pkg.set(existing.part, worksheetXml({ rows }));
    }
  } else {
    pkg.addSheet(EXPLANATION_SHEET, worksheetXml({ rows }), 'veryHidden');
  }
}
