/**
 * The CLI's text and CSV reports as they were built before they were written line by line (at 0b6e9a7):
 * renderText and renderCsv of src/core/report/report.ts and renderOne / csvPart of src/cli/run.ts, each
 * a whole string, kept verbatim (labels read through the module's exports) as the reference the
 * streamed reports must equal byte for byte (report-lines.test.ts).
 */
import type { Finding, Lang } from '../../src/core/rules/types';
import { nothingToCheckText, skipReasonText } from '../../src/core/disclosure/skipped';
import { ruleLabel } from '../../src/core/rules/index';
import { CSV_COLUMNS, CSV_HEADERS, severityLabel, type FileReport, type Summary } from '../../src/core/report/report';
import { generatedText, projectSheetText, stripFile } from '../../src/cli/run';
import type { JobResult } from '../../src/cli/job';
import { M, say } from '../../src/cli/messages';

const SEV_LABEL = {
  zh: { error: severityLabel('error', 'zh'), warning: severityLabel('warning', 'zh'), info: severityLabel('info', 'zh') },
  en: { error: severityLabel('error', 'en'), warning: severityLabel('warning', 'en'), info: severityLabel('info', 'en') },
};

/** Plain-text rendering, grouped by file and project. */
export function renderTextReference(reports: readonly (FileReport & { error?: string })[], lang: Lang): string {
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
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(r.file);
    if (r.error !== undefined) {
      lines.push(`  ${r.error}`, '');
      continue;
    }
    if (r.nothingToCheck === true) {
      const n = nothingToCheckText(r.skipped ?? [], lang, 'cli');
      lines.push(`  ${n.summary}`, `  ${n.sheetsTitle}`, ...n.sheets.map((x) => `    ${x}`), `  ${n.hint}`, '');
      continue;
    }
    if (r.findings.length === 0) {
      lines.push(`  ${L.none}`, '');
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
      lines.push(`  ${project || L.other}`);
      for (const f of list) {
        const place = `${f.sheet}!${f.cell}`;
        const sev = f.explanation ? `${SEV_LABEL[lang][f.severity]}·${L.explained}` : SEV_LABEL[lang][f.severity];
        lines.push(`    ${place}  ${sev}  ${f.message}  [${ruleLabel(f.rule, lang)}]`);
        if (f.explanation) lines.push(`      ${L.explained}：${f.explanation}`);
      }
    }
    lines.push(`  ${L.summary(r.summary)}`, '');
  }
  return lines.join('\n');
}

function csvField(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV: UTF-8 with BOM (so Excel opens the Chinese intact), a header row, one finding a row. */
export function renderCsvReference(reports: readonly FileReport[], lang: Lang): string {
  const rows: string[] = [CSV_HEADERS[lang].map(csvField).join(',')];
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
        rows.push([...CSV_COLUMNS.map((c) => row[c]), ...(idColumn ? ['nothing-to-check'] : [])].map(csvField).join(','));
      }
    }
    for (const f of r.findings) {
      rows.push(
        [
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
          .join(','),
      );
    }
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}

/** One file's rows of the CSV report; the first file's part carries the byte-order mark and the header row. */
export function csvPartReference(r: JobResult, lang: Lang, first: boolean): string {
  const csv = renderCsvReference([toFileReport(r)], lang);
  return first ? csv : csv.slice(csv.indexOf('\r\n') + 2);
}

/** One file's part of the text report. */
export function renderOneReference(r: JobResult, lang: Lang): string {
  // an unreadable file is one sentence that names it
  if (r.status === 'unreadable') return `${r.error ?? r.file}\n\n`;
  if (r.status === 'nothing-to-check') {
    // what was looked for, every sheet looked at and why, where to map the bureau's own headings
    // (a sentence with it, since documents: on a line of its own after the hint, not glued to it)
    const extra = r.error !== undefined ? `\n  ${stripFile(r.error, r.file)}` : '';
    const { error: _error, ...rest } = r;
    return `${renderTextReference([toFileReport(rest)], lang).replace(/\n$/, '')}${extra}\n`;
  }
  let s = renderTextReference([{ file: r.file, summary: r.summary, findings: r.findings }], lang);
  s = s.replace(/\n$/, '');
  if (r.generated !== undefined) s += `\n${generatedText(r.generated, '', lang, '  ')}`;
  if (r.projectSheet !== undefined) s += `${s.endsWith('\n') ? '' : '\n'}  ${projectSheetText(r.projectSheet, lang)}\n`;
  if (r.wrote !== undefined) s += `  ${say(M.wrote(r.wrote), lang)}\n`;
  if (r.error !== undefined) s += `  ${stripFile(r.error, r.file)}\n`;
  return `${s.endsWith('\n') ? s : `${s}\n`}\n`;
}

function toFileReport(r: JobResult): FileReport & { error?: string } {
  return {
    file: r.file,
    summary: r.summary,
    findings: r.findings,
    ...(r.error !== undefined && { error: r.error }),
    ...(r.status === 'nothing-to-check' && { nothingToCheck: true, skipped: r.skipped ?? [] }),
  };
}
