/**
 * The text and CSV reports written line by line (a file with thousands of findings is never one string):
 * byte for byte what the whole-string renderers gave (report-string-reference.ts), on generated reports,
 * a large one and the seed, and written with the output's backpressure respected.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows, renderCsv, renderText, summarize, textLines, type FileReport } from '../../src/core/report/report';
import type { Finding, Lang } from '../../src/core/rules/types';
import type { JobResult } from '../../src/cli/job';
import { csvPart, run, textPart } from '../../src/cli/run';
import { ROOT } from './run-cli';
import { csvPartReference, renderCsvReference, renderOneReference, renderTextReference } from './report-string-reference';

/** Text that steers the renderers: line breaks, quotes, commas, CR, blanks, Chinese. */
const word = fc.constantFrom('', 'a', '中文', ' ', '\n', '\r\n', '"', ',', '，', '：', 'x\n', '\n\n', '项目一', '说明');
const text = fc.array(word, { maxLength: 5 }).map((xs) => xs.join(''));
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });

const finding: fc.Arbitrary<Finding> = fc
  .record({
    rule: fc.constantFrom('total-mismatch', 'school-code', 'no-such-rule'),
    severity: fc.constantFrom('error', 'warning', 'info'),
    message: text,
    messageId: fc.constant('m'),
    sheet: text,
    cell: fc.constantFrom('A1', 'B12'),
    row: fc.nat(50),
    col: fc.nat(10),
    project: opt(fc.constantFrom('', '项目一', '项目二', '项目\n三')),
    school: opt(text),
    column: opt(text),
    expected: opt(text),
    actual: opt(text),
    fix: opt(
      fc.record({
        sheet: text,
        cell: fc.constant('C3'),
        value: fc.oneof(text, fc.integer()),
        kind: fc.constantFrom('text', 'number'),
        insert: opt(fc.constant('row' as const)),
      }),
    ),
    key: fc.constant('k'),
    explanation: opt(text),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as Finding);

const skipped = fc.array(fc.record({ sheet: text, reason: fc.constantFrom('empty', 'registry', 'instructions') }), { maxLength: 3 });

const fileReport: fc.Arbitrary<FileReport & { error?: string }> = fc
  .record({
    file: text,
    findings: fc.array(finding, { maxLength: 8 }),
    nothing: fc.boolean(),
    skipped,
    error: opt(text),
  })
  .map(({ file, findings, nothing, skipped: sk, error }) => ({
    file,
    findings,
    summary: summarize(findings),
    ...(nothing && { nothingToCheck: true, skipped: sk }),
    ...(error !== undefined && { error }),
  }));

const jobResult: fc.Arbitrary<JobResult> = fc
  .record({
    report: fileReport,
    status: fc.constantFrom('checked', 'unreadable', 'nothing-to-check'),
    wrote: opt(text),
    generated: opt(
      fc
        .record({
          sheet: text,
          row: opt(fc.nat(40)),
          schools: fc.nat(9),
          summary: text,
          unmatched: fc.array(fc.record({ name: text, reason: text, message: text }), { maxLength: 2 }),
          problems: fc.array(text, { maxLength: 2 }),
        })
        .map((g) => (g.row === undefined ? { ...g, row: undefined } : g)),
    ),
    projectSheet: opt(fc.record({ sheet: text, headings: fc.nat(8) })),
  })
  .map(({ report, status, wrote, generated, projectSheet }) => {
    const r: Record<string, unknown> = {
      index: 0,
      file: report.file,
      status,
      summary: report.summary,
      findings: [...report.findings],
      ms: { read: 0, check: 0 },
      ...(report.error !== undefined && { error: report.error }),
      ...(report.skipped !== undefined && { skipped: report.skipped }),
      ...(wrote !== undefined && { wrote }),
      ...(projectSheet !== undefined && { projectSheet }),
    };
    if (generated !== undefined) {
      const { row, ...g } = generated;
      r.generated = row === undefined ? g : { ...g, row };
    }
    return r as unknown as JobResult;
  });

const langs: Lang[] = ['zh', 'en'];

/** A report of n findings over a few projects, with explanations and fixes. */
function large(n: number): FileReport {
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    rule: i % 3 === 0 ? 'total-mismatch' : 'school-code',
    severity: (['error', 'warning', 'info'] as const)[i % 3]!,
    message: `第${i}个问题：合计${i}万元，与各项之和${i + 1}万元不符, "引号"`,
    messageId: 'm',
    sheet: `项目${i % 7}`,
    cell: `B${i + 2}`,
    row: i,
    col: 1,
    project: `项目${i % 7}`,
    key: `k${i}`,
    ...(i % 5 === 0 && { explanation: `说明${i}` }),
    ...(i % 4 === 0 && { fix: { sheet: `项目${i % 7}`, cell: `C${i}`, value: i, kind: 'number' as const } }),
  }));
  return { file: '大.xlsx', findings, summary: summarize(findings) };
}

describe('textLines and csvRows', () => {
  it('joined, are renderText and renderCsv as they were, on generated reports', () => {
    fc.assert(
      fc.property(fc.array(fileReport, { maxLength: 3 }), fc.constantFrom(...langs), (reports, lang) => {
        expect([...textLines(reports, lang)].join('\n')).toBe(renderTextReference(reports, lang));
        expect(renderText(reports, lang)).toBe(renderTextReference(reports, lang));
        expect(`\ufeff${[...csvRows(reports, lang)].join('\r\n')}\r\n`).toBe(renderCsvReference(reports, lang));
        expect(renderCsv(reports, lang)).toBe(renderCsvReference(reports, lang));
      }),
      { numRuns: 400 },
    );
  });

  it('give one piece per line on a report of 5,000 findings, the same bytes', () => {
    const r = large(5000);
    for (const lang of langs) {
      const lines = [...textLines([r], lang)];
      expect(lines.length).toBeGreaterThan(5000);
      expect(lines.join('\n')).toBe(renderTextReference([r], lang));
      const rows = [...csvRows([r], lang)];
      expect(rows).toHaveLength(5001);
      expect(`\ufeff${rows.join('\r\n')}\r\n`).toBe(renderCsvReference([r], lang));
    }
  });
});

describe("a file's part of the CLI report, in pieces", () => {
  it('is the string the CLI built before, for any result (checked, unreadable, nothing to check, with a copy written)', () => {
    fc.assert(
      fc.property(jobResult, fc.constantFrom(...langs), fc.boolean(), (r, lang, first) => {
        expect([...textPart(r, lang)].join('')).toBe(renderOneReference(r, lang));
        expect([...csvPart(r, lang, first)].join('')).toBe(csvPartReference(r, lang, first));
      }),
      { numRuns: 600 },
    );
  });

  it('is written a line at a time for a file of 5,000 findings', () => {
    const r: JobResult = { index: 0, status: 'checked', ms: { read: 0, check: 0 }, ...large(5000), findings: large(5000).findings.slice() };
    for (const lang of langs) {
      const pieces = [...textPart(r, lang)];
      expect(pieces.length).toBeGreaterThan(5000);
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200);
      expect(pieces.join('')).toBe(renderOneReference(r, lang));
      expect([...csvPart(r, lang, true)].join('')).toBe(csvPartReference(r, lang, true));
    }
  });
});

describe('the CLI writes the text and CSV reports with backpressure', () => {
  it('waits for each write the output asks it to wait for, and writes the same bytes as without waiting', async () => {
    // several files: more than one write of the report's 64 KB pieces
    const files = Array.from({ length: 64 }, (_, i) =>
      join(ROOT, i % 2 === 0 ? 'seeds/jiangchuan-2023.xlsx' : 'seeds/jiangchuan-2023-two-column.xlsx'),
    );
    for (const format of ['text', 'csv']) {
      let eager = '';
      const args = [...files, '--format', format, '--jobs', '1'];
      await run(args, { out: (s) => void (eager += s), err: () => undefined, progress: false });
      let slow = '';
      let pending = false;
      let overlapped = false;
      let writes = 0;
      const code = await run(args, {
        out: (s) => {
          if (pending) overlapped = true;
          slow += s;
          writes++;
          pending = true;
          return new Promise<void>((resolve) =>
            setTimeout(() => {
              pending = false;
              resolve();
            }, 1),
          );
        },
        err: () => undefined,
        progress: false,
      });
      expect(code).toBe(1);
      expect(overlapped).toBe(false);
      expect(writes).toBeGreaterThan(1);
      expect(slow).toBe(eager);
      expect(slow.length).toBeGreaterThan(1000);
    }
  });
});
