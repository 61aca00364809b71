import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/rules/types';
import { LAYOUTS, REPORT_FILE, checkFile, renderReport } from './golden';

const results = LAYOUTS.map((l) => ({ ...l, result: checkFile(l.file) }));
const sample = results[0]!;

/** (rule, project, school) of every finding, sorted: what must agree across layouts. */
const keys = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.rule} ${f.project ?? '-'} ${f.school ?? ''} ${f.messageId}`).sort();

const count = (rule: string, project: string): number =>
  sample.result.findings.filter((f) => f.rule === rule && f.project === project).length;

describe('golden: the seed workbook, end to end', () => {
  it('reads 16 projects and the school table in every layout, with no rule failing', () => {
    for (const { file, result } of results) {
      expect(result.failures, file).toEqual([]);
      expect(
        result.document.projects.map((p) => p.label),
        file,
      ).toEqual(
        ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'].map((n) => `项目${n}`),
      );
      expect(result.document.title?.text, file).toBe('江川区教育体育局2023年预算重点领域财政项目文本公开');
      expect(
        result.document.tables.map((t) => [t.project, t.section]),
        file,
      ).toEqual([[10, 'funding']]);
    }
  });

  it('finds the same defects (rule, project) in all three layouts', () => {
    const [a, b, c] = results.map((r) => keys(r.result.findings));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it("finds the seed's planted defects (docs/seed-findings.md)", () => {
    for (const p of ['项目一', '项目二', '项目三', '项目六', '项目八', '项目十四']) expect(count('heading-numbering', p), p).toBe(1);
    expect(count('duplicate-text', '项目四')).toBe(2);
    expect(count('duplicate-text', '项目十')).toBe(1);
    expect(count('duplicate-text', '项目十六')).toBe(3);
    for (const p of ['项目一', '项目二', '项目四']) expect(count('funding-amount-missing', p), p).toBe(1);
    expect(count('plan-funding-mismatch', '项目十二')).toBe(1);
    expect(count('school-code-missing', '项目十一')).toBe(5);
    expect(count('school-name-format', '项目十一')).toBe(1);
    expect(sample.result.findings.find((f) => f.rule === 'placeholder-text')).toMatchObject({
      project: '项目八',
      messageId: 'amountMissing',
    });
  });

  it("raises nothing on the seed's structure that is right: no section or project-numbering finding", () => {
    const structural = sample.result.findings.filter((f) => /^section-|^project-numbering$/.test(f.rule));
    expect(structural).toEqual([]);
  });

  it('matches the committed report (npm run golden:update rewrites it)', () => {
    expect(renderReport(sample.file, sample.result)).toBe(readFileSync(REPORT_FILE, 'utf8'));
  });
});
