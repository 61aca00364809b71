/** The summary table at the end of a text report; columns aligned for CJK (double-width) text. */
import type { Lang } from '../core/rules/types';
import type { JobResult } from './job';

/** Display width: East Asian wide and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - displayWidth(s)));
}
function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - displayWidth(s))) + s;
}

const STATUS: Record<Lang, Record<string, string>> = {
  zh: { pass: '通过', errors: '有错误', nothing: '无可检查内容', unreadable: '无法读取', write: '写入失败' },
  en: { pass: 'passed', errors: 'errors', nothing: 'nothing to check', unreadable: 'unreadable', write: 'not written' },
};

export function statusOf(r: JobResult, lang: Lang): string {
  const L = STATUS[lang];
  if (r.status === 'unreadable') return L.unreadable!;
  if (r.status === 'write-failed') return L.write!;
  if (r.status === 'nothing-to-check') return L.nothing!;
  return r.summary.errors > 0 ? L.errors! : L.pass!;
}

export function summaryTable(results: readonly JobResult[], lang: Lang): string {
  const head =
    lang === 'zh' ? ['文件', '错误', '警告', '提示', '已说明', '状态'] : ['File', 'Errors', 'Warnings', 'Infos', 'Explained', 'Status'];
  const rows: string[][] = [];
  const total = { errors: 0, warnings: 0, infos: 0, explained: 0 };
  for (const r of results) {
    const readable = r.status !== 'unreadable';
    rows.push([
      r.file,
      readable ? String(r.summary.errors) : '-',
      readable ? String(r.summary.warnings) : '-',
      readable ? String(r.summary.infos) : '-',
      readable ? String(r.summary.explained) : '-',
      statusOf(r, lang),
    ]);
    total.errors += r.summary.errors;
    total.warnings += r.summary.warnings;
    total.infos += r.summary.infos;
    total.explained += r.summary.explained;
  }
  const footer = [
    lang === 'zh' ? `合计（${results.length} 个文件）` : `Total (${results.length} file${results.length === 1 ? '' : 's'})`,
    String(total.errors),
    String(total.warnings),
    String(total.infos),
    String(total.explained),
    '',
  ];
  const all = [head, ...rows, footer];
  const widths = head.map((_, c) => Math.max(...all.map((r) => displayWidth(r[c] ?? ''))));
  const line = (r: string[]): string =>
    r
      .map((cell, c) => (c === 0 || c === 5 ? padEnd(cell, widths[c]!) : padStart(cell, widths[c]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [lang === 'zh' ? '汇总' : 'Summary', line(head), rule, ...rows.map(line), rule, line(footer)].join('\n');
}
