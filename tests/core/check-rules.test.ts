/**
 * The rules' names and descriptions travel with every check's result (CheckResult.rules): the task pane shows them
 * beside the findings without importing the rules (its initial JavaScript, SPEC §8), and the standalone page gets
 * them through its worker, so they must survive a structured clone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/core/check';
import { RULES } from '../../src/core/rules/index';
import { readXlsxOrThrow } from '../../src/hosts/xlsx/read';

describe('CheckResult.rules', () => {
  it('names and describes every rule, in both languages, also when there is nothing to check', () => {
    const empty = checkWorkbook({ snapshot: { sheets: [] } });
    expect(empty.nothingToCheck).toBe(true);
    expect(Object.keys(empty.rules).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
    for (const r of RULES) {
      expect(empty.rules[r.meta.id]).toEqual({ name: r.meta.name, description: r.meta.description });
      for (const lang of ['zh', 'en'] as const) {
        expect(empty.rules[r.meta.id]!.name[lang].trim(), `${r.meta.id} ${lang}`).not.toBe('');
        expect(empty.rules[r.meta.id]!.description[lang].trim(), `${r.meta.id} ${lang}`).not.toBe('');
      }
    }
  });

  it("names every rule the seed's findings come from, after a structured clone (the page's worker)", () => {
    const snapshot = readXlsxOrThrow(readFileSync('seeds/jiangchuan-2023.xlsx'));
    const result = structuredClone(checkWorkbook({ snapshot }));
    expect(result.findings.length).toBeGreaterThan(0);
    for (const f of result.findings) expect(result.rules[f.rule]?.name.zh, f.rule).toBeTruthy();
  });
});
