import type { WorkbookSnapshot } from '../snapshot/types';
import type { Finding, Lang, Severity } from '../rules/types';
import type { SkippedSheet } from '../model';
import { hiddenNote, nothingToCheckText, skipReasonText } from '../disclosure/skipped';

export { hiddenNote };
import { ruleLabel } from '../rules/index';
import { documentPlace, documentPlaceText, type DocumentPlace, type DocumentPlaces } from './places';

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Findings that carry an explanation (说明): counted here, not in errors/warnings/infos. */
  readonly explained: number;
}

export interface FileReport {
  readonly file: string;
  readonly summary: Summary;
  readonly findings: readonly Finding[];
  /** True when the workbook holds no project and no school table (never a pass: SPEC §7). */
  readonly nothingToCheck?: boolean;
  /** The sheets that gave nothing, and why (document.skipped). */
  readonly skipped?: readonly SkippedSheet[];
  /**
   * A Word document or a text file read as a sheet (src/hosts/document): where each row is in it. The
   * text report then says 第N段 / 第N行 / 表T第R行第C列 for the place; JSON adds `paragraph`, `line` or `table`.
   */
  readonly places?: DocumentPlaces;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: sheet order in the workbook, then row, then column, then rule id, then message. */
export function sortFindings(findings: readonly Finding[], snapshot: WorkbookSnapshot): Finding[] {
  const order = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  return [...findings].sort(
    (a, b) =>
      (order.get(a.sheet) ?? 1e9) - (order.get(b.sheet) ?? 1e9) ||
      a.row - b.row ||
      a.col - b.col ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

export function summarize(findings: readonly Finding[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let explained = 0;
  for (const f of findings) {
    if (f.explanation) explained++;
    else if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, explained };
}

/** A finding in the JSON shape of SPEC §7 (plus `explanation` when there is one). */
export interface JsonFinding {
  rule: string;
  severity: Severity;
  message: string;
  sheet: string;
  cell: string;
  project?: string;
  school?: string;
  column?: string;
  expected?: string;
  actual?: string;
  /** `insert: 'row'`: a row is inserted at `cell` first and `value` written into it (section-missing). */
  fix?: { sheet: string; cell: string; value: string | number; insert?: 'row' };
  explanation?: string;
  /** A document's finding (FileReport.places): its paragraph (Word), line (text file) or table cell (Word). */
  paragraph?: number;
  line?: number;
  table?: DocumentPlace['table'];
}

export function toJsonFinding(f: Finding, places?: DocumentPlaces): JsonFinding {
  const j: JsonFinding = { rule: f.rule, severity: f.severity, message: f.message, sheet: f.sheet, cell: f.cell };
  const at = places !== undefined ? documentPlace(places, f.sheet, f.row, f.col) : undefined;
  if (at?.paragraph !== undefined) j.paragraph = at.paragraph;
  if (at?.line !== undefined) j.line = at.line;
  if (at?.table !== undefined) j.table = at.table;
  if (f.project !== undefined) j.project = f.project;
  if (f.school !== undefined) j.school = f.school;
  if (f.column !== undefined) j.column = f.column;
  if (f.expected !== undefined) j.expected = f.expected;
  if (f.actual !== undefined) j.actual = f.actual;
  if (f.fix !== undefined)
    j.fix = { sheet: f.fix.sheet, cell: f.fix.cell, value: f.fix.value, ...(f.fix.insert !== undefined && { insert: f.fix.insert }) };
  if (f.explanation !== undefined) j.explanation = f.explanation;
  return j;
}

/** A skipped sheet in the JSON report: the reason's code, its sentence, and what was found on the sheet. */
export interface JsonSkipped {
  sheet: string;
  reason: SkippedSheet['reason'];
  message: string;
  sections?: string[];
  headings?: string[];
  /** Text boxes and pictures on the sheet, whose text is not read. */
  drawings?: { textBoxes: number; pictures: number };
}

export interface JsonReport {
  version: 1;
  reports: {
    file: string;
    summary: Summary;
    findings: JsonFinding[];
    error?: string;
    nothingToCheck?: true;
    message?: string;
    skipped?: JsonSkipped[];
  }[];
}

export function toJsonReport(reports: readonly (FileReport & { error?: string })[], lang: Lang = 'zh'): JsonReport {
  const skippedJson = (list: readonly SkippedSheet[]): JsonSkipped[] =>
    list.map((x) => ({
      sheet: x.sheet,
      reason: x.reason,
      message: skipReasonText(x, lang),
      ...(x.sections !== undefined && { sections: [...x.sections] }),
      ...(x.headings !== undefined && { headings: [...x.headings] }),
      ...(x.drawings !== undefined && { drawings: { textBoxes: x.drawings.textBoxes, pictures: x.drawings.pictures } }),
    }));
  return {
    version: 1,
    reports: reports.map((r) => {
      // a checked workbook lists the hidden sheets it did not check (never silent); the others only when nothing was checked
      const hidden = (r.skipped ?? []).filter((x) => x.reason === 'hidden');
      return {
        file: r.file,
        summary: r.summary,
        findings: r.findings.map((f) => toJsonFinding(f, r.places)),
        ...(r.error !== undefined && { error: r.error }),
        ...(r.nothingToCheck === true
          ? {
              nothingToCheck: true as const,
              message: nothingToCheckText(r.skipped ?? [], lang, 'cli').summary,
              skipped: skippedJson(r.skipped ?? []),
            }
          : hidden.length > 0 && { skipped: skippedJson(hidden) }),
      };
    }),
  };
}

const SEV_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export function severityLabel(s: Severity, lang: Lang): string {
  return SEV_LABEL[lang][s];
}

/** Plain-text rendering, grouped by file and project. */
export function renderText(reports: readonly (FileReport & { error?: string })[], lang: Lang): string {
  return [...textLines(reports, lang)].join('\n');
}

/** The lines of the text report, one at a time (joined by `\n`, they are `renderText`): the CLI writes them as they come. */
export function* textLines(reports: readonly (FileReport & { error?: string })[], lang: Lang): Generator<string> {
  const L =
    lang === 'zh'
      ? {
          none: '未发现问题。',
          other: '（不属于某个项目）',
          summary: (s: Summary) =>
            `错误 ${s.errors} 个，警告 ${s.warnings} 个，提示 ${s.infos} 个${s.explained ? `，已说明 ${s.explained} 个` : ''}`,
          explained: '已说明',
          expected: '应为',
          actual: '实为',
        }
      : {
          none: 'No problems found.',
          other: '(not in a project)',
          summary: (s: Summary) =>
            `${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos${s.explained ? `, ${s.explained} explained` : ''}`,
          explained: 'explained',
          expected: 'expected',
          actual: 'actual',
        };
  for (const r of reports) {
    yield r.file;
    if (r.error !== undefined) {
      yield `  ${r.error}`;
      yield '';
      continue;
    }
    if (r.nothingToCheck === true) {
      const n = nothingToCheckText(r.skipped ?? [], lang, 'cli');
      yield `  ${n.summary}`;
      yield `  ${n.sheetsTitle}`;
      for (const x of n.sheets) yield `    ${x}`;
      yield `  ${n.hint}`;
      yield '';
      continue;
    }
    const hidden = hiddenNote(r.skipped, lang);
    if (r.findings.length === 0) {
      yield `  ${L.none}`;
      if (hidden) yield `  ${hidden}`;
      yield '';
      continue;
    }
    const groups = new Map<string, Finding[]>();
    for (const f of r.findings) {
      const k = f.project ?? '';
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(f);
    }
    for (const [project, list] of groups) {
      yield `  ${project || L.other}`;
      for (const f of list) {
        const at = r.places !== undefined ? documentPlace(r.places, f.sheet, f.row, f.col) : undefined;
        const place = at !== undefined ? documentPlaceText(at, lang) : `${f.sheet}!${f.cell}`;
        const sev = f.explanation ? `${SEV_LABEL[lang][f.severity]}·${L.explained}` : SEV_LABEL[lang][f.severity];
        yield `    ${place}  ${sev}  ${f.message}  [${ruleLabel(f.rule, lang)}]`;
        if (f.explanation) yield `      ${L.explained}：${f.explanation}`;
      }
    }
    yield `  ${L.summary(r.summary)}`;
    if (hidden) yield `  ${hidden}`;
    yield '';
  }
}

function csvField(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'file',
  'rule',
  'severity',
  'sheet',
  'cell',
  'project',
  'school',
  'column',
  'message',
  'expected',
  'actual',
  'fix',
  'explanation',
] as const;

/**
 * The header row in the report's language. In Chinese the 规则 column holds the rule's Chinese name
 * and a last column 规则编号 its stable id; 问题描述 is the message, 说明 the user's explanation.
 */
export const CSV_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['文件', '规则', '级别', '工作表', '单元格', '项目', '学校', '栏目', '问题描述', '应为', '实为', '修正', '说明', '规则编号'],
  en: CSV_COLUMNS,
};

/** CSV: UTF-8 with BOM (so Excel opens the Chinese intact), a header row, one finding a row. */
export function renderCsv(reports: readonly FileReport[], lang: Lang): string {
  return `\ufeff${[...csvRows(reports, lang)].join('\r\n')}\r\n`;
}

/** The CSV's rows, one at a time, the header row first, without their `\r\n` (and without the BOM). */
export function* csvRows(reports: readonly FileReport[], lang: Lang): Generator<string> {
  yield CSV_HEADERS[lang].map(csvField).join(',');
  const idColumn = lang === 'zh';
  for (const r of reports) {
    // a workbook with nothing to check: one row per sheet looked at, with why it gave nothing
    if (r.nothingToCheck === true) {
      const n = nothingToCheckText(r.skipped ?? [], lang, 'cli');
      const rows2: [string, string][] =
        (r.skipped ?? []).length > 0
          ? (r.skipped ?? []).map((x) => [x.sheet, `${n.summary} ${skipReasonText(x, lang)}`])
          : [['', n.summary]];
      for (const [sheet, message] of rows2) {
        const row: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {
          file: r.file,
          rule: idColumn ? '无可检查内容' : 'nothing-to-check',
          severity: SEV_LABEL[lang].error,
          sheet,
          message,
        };
        yield [...CSV_COLUMNS.map((c) => row[c]), ...(idColumn ? ['nothing-to-check'] : [])].map(csvField).join(',');
      }
    }
    for (const f of r.findings) {
      yield [
        r.file,
        ruleLabel(f.rule, lang),
        SEV_LABEL[lang][f.severity],
        f.sheet,
        f.cell,
        f.project,
        f.school,
        f.column,
        f.message,
        f.expected,
        f.actual,
        f.fix ? `${f.fix.sheet}!${f.fix.cell}=${f.fix.value}${f.fix.insert ? ' (insert: row)' : ''}` : undefined,
        f.explanation,
        ...(idColumn ? [f.rule] : []),
      ]
        .map(csvField)
        .join(',');
    }
    // a checked workbook's hidden sheets, after its findings (as the text report's line): never silent
    if (r.nothingToCheck !== true) {
      for (const x of r.skipped ?? []) {
        if (x.reason !== 'hidden') continue;
        const row: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {
          file: r.file,
          rule: idColumn ? HIDDEN_SHEET_LABEL : HIDDEN_SHEET_ID,
          severity: SEV_LABEL[lang].info,
          sheet: x.sheet,
          message: skipReasonText(x, lang),
        };
        yield [...CSV_COLUMNS.map((c) => row[c]), ...(idColumn ? [HIDDEN_SHEET_ID] : [])].map(csvField).join(',');
      }
    }
  }
}

/** The CSV row kind of a hidden sheet that was not checked: its id (规则编号, or `rule` in English) and Chinese 规则. */
export const HIDDEN_SHEET_ID = 'hidden-sheet';
export const HIDDEN_SHEET_LABEL = '未检查的隐藏工作表';
